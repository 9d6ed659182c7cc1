"""Sessions for the store tests, and what the store gives back for them."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import event, text

from restday.domain import ExerciseEntry, Intensity, Muscle, Session, SessionKind, SetEntry, SetType

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
AMSTERDAM = timezone(timedelta(hours=1))


def strength_session(start: datetime = MONDAY) -> Session:
    squat = ExerciseEntry(
        "Back Squat",
        (
            SetEntry(reps=10, weight_kg=60, set_type=SetType.WARMUP),
            SetEntry(reps=5, weight_kg=120.5, rpe=8),
            SetEntry(reps=3, weight_kg=130, rpe=9.5, set_type=SetType.FAILURE),
        ),
        primary=frozenset({Muscle.QUADRICEPS}),
        rpe=8.5,
    )
    plank = ExerciseEntry("my odd plank", (SetEntry(seconds=60.0), SetEntry(seconds=45.5)))
    return Session(
        SessionKind.STRENGTH, start, 75, rpe=8, intensity=Intensity.HEAVY, exercises=(squat, plank)
    )


def run(start: datetime, minutes: float = 45, avg_hr_bpm: float | None = None) -> Session:
    return Session(
        SessionKind.ENDURANCE,
        start,
        minutes,
        rpe=6,
        intensity=Intensity.MODERATE,
        sport="run",
        distance_km=10.25,
        avg_hr_bpm=avg_hr_bpm,
        max_hr_bpm=None if avg_hr_bpm is None else avg_hr_bpm + 30.5,
    )


def without_muscles(session: Session) -> Session:
    """What the store gives back: muscles come from the catalogue, not the database."""
    return replace(
        session,
        exercises=tuple(
            replace(e, primary=frozenset(), secondary=frozenset()) for e in session.exercises
        ),
    )


def duplicate_fingerprint_error(db) -> str:
    """The StoreError message for a second session of one user with a fingerprint already stored."""
    said = {
        "sqlite": "UNIQUE constraint failed: sessions.user_id, sessions.fingerprint",
        "postgresql": 'duplicate key value violates unique constraint "uq_sessions_user_id_fingerprint"',
    }
    return f"Database error on {db.url}: {said[db.engine.dialect.name]}"


def count(db, table) -> int:
    with db.engine.connect() as connection:
        return connection.scalar(text(f"SELECT count(*) FROM {table}"))


@contextmanager
def recorded(db) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block (an executemany counts once)."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement.lstrip())

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
