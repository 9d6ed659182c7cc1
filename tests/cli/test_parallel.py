"""Many `restday` commands at once on one database, as people and (later) the web server run them."""

import json
import os
import subprocess

from restday.store.db import open_database
from tests.cli.conftest import RESTDAY
from tests.store.conftest import fresh_url

__all__ = ["fresh_url"]

LOGGERS = 20
STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n" + "".join(
    f"2026-11-{day:02d} 18:00:00,Legs,1h,Squat (Barbell),1,100,5\n" for day in range(1, 21)
)


def at_once(url: str, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command together on the database at `url`; wait for all of them."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    env["RESTDAY_DATABASE_URL"] = url
    started = [
        subprocess.Popen(
            [str(RESTDAY), *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    results = []
    for process, command in zip(started, commands, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def sessions(url: str) -> list:
    with open_database(url) as db, db.reading() as tx:
        return tx.sessions_between(tx.existing_user("me"), None, None)


def test_twenty_log_commands_at_once_on_a_new_database_all_succeed(fresh_url):
    commands = [
        ["log", "class", "--kind", "barre", "--minutes", "45", "--at", f"2026-11-{day:02d}T18:00"]
        for day in range(1, LOGGERS + 1)
    ]
    results = at_once(fresh_url, commands)
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * LOGGERS
    stored = sessions(fresh_url)
    assert len(stored) == len({s.session.start for s in stored}) == LOGGERS


def test_two_imports_of_one_file_at_once_add_it_once_and_say_so(fresh_url, tmp_path):
    export = tmp_path / "strong.csv"
    export.write_text(STRONG)
    results = at_once(fresh_url, [["import", "strong", str(export), "--json"]] * 2)
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * 2
    reports = sorted(
        (json.loads(r.stdout) for r in results), key=lambda report: -report["sessions_added"]
    )
    added = [(r["sessions_added"], r["sessions_skipped_duplicate"]) for r in reports]
    assert added == [(20, 0), (0, 20)]
    assert len(sessions(fresh_url)) == 20
