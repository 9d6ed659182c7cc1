"""Every command has help that ends with an example, and the README tours every command."""

from pathlib import Path

import pytest
import typer.main

from restday.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def commands(group=None, prefix=""):
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


@pytest.mark.parametrize(
    ("name", "command"), list(commands()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_command_has_help_with_an_example(name, command):
    assert command.help, name
    assert "Example: restday " in command.help, name


@pytest.mark.parametrize("name", [name for name, _ in commands()])
def test_the_readme_shows_every_command(name):
    assert f"restday {name}" in README


def test_the_readme_opens_with_the_two_setup_commands():
    head = "\n".join(README.splitlines()[:10])
    assert "make run" in head and "make test" in head


def test_docs_input_states_every_bound_of_the_code():
    from restday.domain.bounds import RANGES, TEXT_MAX

    page = (Path(__file__).resolve().parents[1] / "docs" / "input.md").read_text()
    for name, bound in RANGES.items():
        assert f"| `{name}` | {bound.words} |" in page, name
    for kind, length in TEXT_MAX.items():
        assert f"| {kind} | {length:,} |" in page, kind
