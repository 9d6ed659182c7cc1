"""What each process of test_concurrency runs: `python -m tests.store.workers JOB URL INDEX`.

A worker imports what it needs, prints `ready`, waits for a line on stdin (so that all of them
start at once), does its job and prints the result as JSON; a failure is a traceback and exit 1.
"""

import json
import sys
import time
from collections.abc import Callable
from datetime import timedelta

from restday.store.db import open_database
from tests.store.builders import MONDAY, run

SESSIONS_PER_WRITER = 5
NAMES = ("ann", "bob")
FINGERPRINTS = tuple(f"strong:{n:03}" for n in range(40))


def log_sessions(url: str, index: int) -> int:
    """Log sessions one transaction each, reading (user, overlaps) before writing; how many."""
    with open_database(url) as db:
        for k in range(SESSIONS_PER_WRITER):
            start = MONDAY + timedelta(hours=SESSIONS_PER_WRITER * index + k)
            with db.transaction() as tx:
                me = tx.ensure_user()
                tx.overlapping_sessions(me, start, start + timedelta(minutes=45))
                tx.add_session(me, run(start), fingerprint=f"cli:{index}:{k}")
    return SESSIONS_PER_WRITER


def open_new(url: str, index: int) -> int:
    """Open a database that may not exist yet and ensure one of two users; the user's id."""
    with open_database(url) as db, db.transaction() as tx:
        return tx.ensure_user(NAMES[index % len(NAMES)])


def import_fingerprinted(url: str, index: int) -> int:
    """Import `FINGERPRINTS` as the importer does: those not known yet, in one transaction; how many."""
    with open_database(url) as db:
        with db.transaction() as tx:
            me = tx.ensure_user()
        with db.transaction() as tx:
            known = tx.known_fingerprints(me, FINGERPRINTS)
            time.sleep(0.2)  # parsing would happen here: a wide window between reading and writing
            fresh = [fp for fp in FINGERPRINTS if fp not in known]
            starts = [MONDAY + timedelta(days=int(fp.split(":")[1])) for fp in fresh]
            tx.add_sessions(
                me, [(run(at), [], "strong", fp) for at, fp in zip(starts, fresh, strict=True)]
            )
    return len(fresh)


JOBS: dict[str, Callable[[str, int], int]] = {
    "log": log_sessions,
    "open": open_new,
    "import": import_fingerprinted,
}

if __name__ == "__main__":
    job, url, index = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()
    print(json.dumps(JOBS[job](url, index)))
