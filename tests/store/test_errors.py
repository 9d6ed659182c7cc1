"""Whatever the database refuses in a transaction comes out as one line of StoreError."""

import math

import pytest
from sqlalchemy import text

from restday.domain import CheckIn, ExerciseEntry, Session, SessionKind, SetEntry
from restday.errors import StoreError
from restday.store.models import session_exercises
from tests.store.builders import MONDAY, count, duplicate_fingerprint_error, run

ON_POSTGRESQL = pytest.mark.parametrize(
    "fresh_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def lifting(name: str = "Back Squat", reps: int = 5) -> Session:
    return Session(
        SessionKind.STRENGTH, MONDAY, 40, exercises=(ExerciseEntry(name, (SetEntry(reps=reps),)),)
    )


def refused(db, write) -> str:
    """The StoreError message of a writing transaction that calls `write(tx, user_id)`."""
    with db.transaction() as tx:
        me = tx.ensure_user()
    with pytest.raises(StoreError) as error, db.transaction() as tx:
        write(tx, me)
    return str(error.value)


@ON_POSTGRESQL
def test_a_name_longer_than_its_column_is_a_store_error(db):
    longest = session_exercises.c.name.type.length
    message = refused(db, lambda tx, me: tx.add_session(me, lifting("x" * (longest + 1)), [None]))
    assert message == (
        f"Database error on {db.url}: value too long for type character varying({longest})"
    )
    assert count(db, "sessions") == 0


@ON_POSTGRESQL
def test_an_integer_of_2_to_the_31_is_a_store_error(db):
    message = refused(db, lambda tx, me: tx.add_session(me, lifting(reps=2**31), [None]))
    assert message == f"Database error on {db.url}: integer out of range"


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda tx, me: tx.add_session(me, lifting(reps=2**70), [None]), id="set"),
        pytest.param(
            lambda tx, me: tx.add_checkin(me, CheckIn(MONDAY, resting_hr_bpm=2**70)), id="checkin"
        ),
    ],
)
def test_an_integer_of_2_to_the_70_is_a_store_error(db, write):
    said = {
        "sqlite": "Python int too large to convert to SQLite INTEGER",
        "postgresql": "integer out of range",
    }
    assert refused(db, write) == f"Database error on {db.url}: {said[db.engine.dialect.name]}"
    assert count(db, "sessions") == count(db, "checkins") == 0


def test_a_duplicate_is_a_store_error(db):
    with db.transaction() as tx:
        tx.add_session(tx.ensure_user(), run(MONDAY), fingerprint="strong:1")
    message = refused(db, lambda tx, me: tx.add_session(me, run(MONDAY), fingerprint="strong:1"))
    assert message == duplicate_fingerprint_error(db)


def test_a_statement_the_database_cannot_run_is_a_store_error(db):
    said = {"sqlite": "no such column: nosuch", "postgresql": 'column "nosuch" does not exist'}
    message = refused(db, lambda tx, me: tx.connection.execute(text("SELECT nosuch FROM users")))
    assert message == f"Database error on {db.url}: {said[db.engine.dialect.name]}"


def test_an_overflow_in_the_callers_own_code_stays_what_it_is(db):
    with pytest.raises(OverflowError, match=r"^math range error$"), db.transaction() as tx:
        tx.ensure_user()
        math.exp(1000)
    assert count(db, "users") == 0
