"""`python -m restday`: the same as the `restday` command."""

from restday.cli.app import main

main()
