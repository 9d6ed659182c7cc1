"""Run the real `restday` console script on a real SQLite file."""

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CONTRACTS

RESTDAY = Path(sys.executable).with_name("restday")


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


class Cli:
    """The console script bound to one database file."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(db.parent),
            "RESTDAY_DATABASE_URL": f"sqlite:///{db}",
        }

    def __call__(self, *args: str, **env: str) -> Result:
        done = subprocess.run(
            [str(RESTDAY), *args],
            capture_output=True,
            text=True,
            env={**self.env, **env},
            timeout=60,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def ok(self, *args: str, **env: str) -> Result:
        result = self(*args, **env)
        assert result.code == 0, result.err
        return result


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "restday.db")


class InProcessCli:
    """The command line run in this process (`restday.cli.app.run`) on one SQLite file: the same
    code as the console script, without starting Python for every command."""

    def __init__(self, db: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
        self.db, self.monkeypatch, self.capsys = db, monkeypatch, capsys
        monkeypatch.setenv("RESTDAY_DATABASE_URL", f"sqlite:///{db}")
        monkeypatch.setenv("HOME", str(db.parent))

    def __call__(self, *args: str) -> Result:
        from restday.cli.app import run

        self.capsys.readouterr()
        code = run(list(args))
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def ok(self, *args: str) -> Result:
        result = self(*args)
        assert result.code == 0, result.err
        return result

    def dump(self) -> list[str]:
        """Every row of the database as SQL, to compare before and after a refused command."""
        if not self.db.exists():
            return []
        with sqlite3.connect(self.db) as con:
            return list(con.iterdump())


@pytest.fixture
def restday(tmp_path, monkeypatch, capsys) -> InProcessCli:
    """restday's command line in this process, on a new SQLite file."""
    return InProcessCli(tmp_path / "restday.db", monkeypatch, capsys)


def validate(data, contract: str) -> None:
    """Check real output against a JSON Schema of ../shared/contracts (copied into tests/contracts)."""
    schema = json.loads((CONTRACTS / f"{contract}.schema.json").read_text())
    jsonschema.validate(data, schema)
