"""Processes writing one database at once: each waits its turn, none fails, nothing is doubled."""

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from restday.store.db import HEAD_REVISION, open_database
from tests.store.builders import count
from tests.store.workers import FINGERPRINTS, SESSIONS_PER_WRITER

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 12
OPENERS = 10


def run_at_once(job: str, url: str, processes: int) -> list[int]:
    """Start `processes` workers doing `job` (see workers.py), let them go together, their results."""
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.workers", job, url, str(index)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for index in range(processes)
    ]
    try:
        ready = [worker.stdout.readline() for worker in workers]
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=60) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    failures = [err for worker, (_, err) in zip(workers, outputs, strict=True) if worker.returncode]
    assert failures == []
    assert ready == ["ready\n"] * processes
    return [json.loads(out) for out, _ in outputs]


def test_parallel_writers_that_read_first_all_succeed_and_store_every_session_once(db, fresh_url):
    assert run_at_once("log", fresh_url, WRITERS) == [SESSIONS_PER_WRITER] * WRITERS
    with db.reading() as tx:
        stored = tx.sessions_between(tx.existing_user(), None, None)
    assert len({s.session.start for s in stored}) == len(stored) == WRITERS * SESSIONS_PER_WRITER
    assert count(db, "users") == 1


def test_processes_opening_a_new_database_at_once_all_find_the_schema_at_head(fresh_url):
    ids = run_at_once("open", fresh_url, OPENERS)
    with open_database(fresh_url) as db:
        with db.engine.connect() as connection:
            revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
        with db.reading() as tx:
            ann, bob = tx.existing_user("ann"), tx.existing_user("bob")
        assert count(db, "users") == 2
    assert revision == HEAD_REVISION
    assert ids == [ann, bob] * (OPENERS // 2)


def test_two_imports_of_the_same_sessions_at_once_store_them_once(db, fresh_url):
    added = run_at_once("import", fresh_url, 2)
    assert sorted(added) == [0, len(FINGERPRINTS)]
    assert count(db, "sessions") == len(FINGERPRINTS)
