"""restday's command line on a real SQLite file, run in this process as the console script runs it.

`Cli` calls `restday.cli.app.run` with the arguments, environment, stdin and separate stdout and
stderr a new `restday` process would get, and puts the test's process back afterwards. Each test
starts from a copy of one database migrated once per session. Only tests about the process itself
(test_startup.py, test_console_script.py, test_parallel.py) start the real console script, `RESTDAY`.
"""

import functools
import io
import json
import os
import shutil
import sqlite3
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
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


def _pipe() -> io.TextIOWrapper:
    """A text stream as a process sees a pipe: UTF-8, not a terminal."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")


@contextmanager
def _as_a_process(argv: list[str], env: dict[str, str]) -> Iterator[tuple[io.TextIOWrapper, ...]]:
    """Give the code inside exactly `env` as its environment, `argv`, an empty stdin and its own
    stdout and stderr (yielded); put back the test's own afterwards, whatever happens."""
    saved_env = dict(os.environ)
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr, sys.modules["__main__"]
    out, err = _pipe(), _pipe()
    os.environ.clear()
    os.environ.update(env)
    sys.argv, sys.stdin, sys.stdout, sys.stderr = argv, _pipe(), out, err
    # Click names the program after sys.argv[0] unless Python ran a package (`python -m pytest`):
    # a console script's __main__ is a plain file.
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield out, err
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr, sys.modules["__main__"] = saved
        os.environ.clear()
        os.environ.update(saved_env)


class Cli:
    """The command line bound to one database file, run in this process.

    `env` is the whole environment each command gets (with PATH), as a new process would; a call's
    keywords add to it for that call: `cli("today", RESTDAY_RULES="rules.toml")`.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self.env = {
            "HOME": str(db.parent),
            "RESTDAY_DATABASE_URL": f"sqlite:///{db}",
            "COLUMNS": "80",  # what Rich and Click assume on a pipe, whatever terminal runs pytest
        }

    def __call__(self, *args: str, **env: str) -> Result:
        from restday.cli.app import run

        environment = {"PATH": os.environ["PATH"], **self.env, **env}
        with _as_a_process([str(RESTDAY), *args], environment) as (out, err):
            code = run(list(args))
        return Result(code, _text(out), _text(err))

    def ok(self, *args: str, **env: str) -> Result:
        result = self(*args, **env)
        assert result.code == 0, result.err
        return result

    def dump(self) -> list[str]:
        """Every row of the database as SQL, to compare before and after a refused command."""
        if not self.db.exists():
            return []
        with sqlite3.connect(self.db) as con:
            return list(con.iterdump())


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory) -> Path:
    """An empty database at restday's newest schema, migrated once: copying it is much faster."""
    from restday.store.db import open_database

    path = tmp_path_factory.mktemp("migrated") / "restday.db"
    open_database(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def cli(tmp_path, migrated_db) -> Cli:
    """restday's command line on a new database of this test's own."""
    db = tmp_path / "restday.db"
    shutil.copyfile(migrated_db, db)
    return Cli(db)


@pytest.fixture
def restday(cli) -> Cli:
    """The same as `cli`."""
    return cli


@pytest.fixture(autouse=True)
def fresh_process_state(tmp_path, monkeypatch):
    """Each test as in a new process: its own working folder, and no cached value (the catalogue,
    the language catalogues) that a test before it could have changed."""
    monkeypatch.chdir(tmp_path)
    yield
    for name, module in list(sys.modules.items()):
        if name == "restday" or name.startswith("restday."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):  # what @cache makes
                    value.cache_clear()


def validate(data, contract: str) -> None:
    """Check real output against a JSON Schema of ../shared/contracts (copied into tests/contracts)."""
    schema = json.loads((CONTRACTS / f"{contract}.schema.json").read_text())
    jsonschema.validate(data, schema)
