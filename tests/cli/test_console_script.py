"""The real `restday` console script: its exit codes, and the same output as the in-process runner
(`Cli` in conftest.py) that the other CLI tests use instead of starting a process each time; and
what running in process needs of a command: it leaves nothing open."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import RESTDAY, Result


def script(cli, *args: str) -> Result:
    """`restday ARGS` in a new process with the environment `cli` gives its commands."""
    done = subprocess.run(
        [str(RESTDAY), *args],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], **cli.env},
        timeout=60,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def test_the_console_script_exits_with_the_commands_code_and_prints_what_in_process_runs_print(cli):
    cli.ok("profile", "--timezone", "Europe/Amsterdam")
    cli.ok("log", "class", "--kind", "barre", "--minutes", "45", "--at", "2026-11-29T18:00")
    runs = {
        "help": ["--help"],  # the program's name in the usage line
        "table": ["status", "--at", "2026-11-30T08:00", "--lang", "nl"],  # as wide as a pipe
        "bad value": ["checkin", "--sleep", "nan"],
        "bad option": ["status", "--bogus"],
    }
    results = {name: script(cli, *args) for name, args in runs.items()}
    assert {name: r.code for name, r in results.items()} == {
        "help": 0,
        "table": 0,
        "bad value": 2,
        "bad option": 2,
    }
    assert (
        results["bad value"].err == "Error: Invalid --sleep nan: must be a number from 0 to 24 h\n"
    )
    assert results["bad option"].err == "Error: No such option: --bogus\n"
    assert "Usage: restday [OPTIONS] COMMAND" in results["help"].out
    for name, args in runs.items():
        assert cli(*args) == results[name], name


def open_files(path) -> int:
    """How many of this process's file descriptors are open on `path` (Linux's /proc)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(path))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_command_run_in_process_leaves_no_connection_to_the_database_open(cli):
    cli.ok("log", "class", "--kind", "barre", "--minutes", "45", "--at", "2026-11-29T18:00")
    cli.ok("status", "--json")
    assert open_files(cli.db) == 0
