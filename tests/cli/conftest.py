"""Run the real `restday` console script on a real SQLite file."""

import json
import os
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


def validate(data, contract: str) -> None:
    """Check real output against a JSON Schema of ../shared/contracts (copied into tests/contracts)."""
    schema = json.loads((CONTRACTS / f"{contract}.schema.json").read_text())
    jsonschema.validate(data, schema)
