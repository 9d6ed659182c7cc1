"""Domain objects to table rows and back, and the batched insert that hands back the new ids."""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, CursorResult, Row, Table, insert

from restday.domain import (
    CheckIn,
    ExerciseEntry,
    Experience,
    Goal,
    Intensity,
    LoadMetric,
    Profile,
    Session,
    SessionKind,
    SetEntry,
    SetType,
)
from restday.errors import StoreError
from restday.store.timestamps import as_utc

__all__ = [
    "SET_TYPES",
    "checkin_values",
    "exercise_values",
    "insert_many",
    "inserted_ids",
    "new_id",
    "profile",
    "profile_values",
    "session",
    "session_values",
    "set_values",
]

SET_TYPES = {t.value: t for t in SetType}
"""Set types by stored value: a dict lookup is several times faster than calling SetType."""


def profile_values(profile: Profile) -> dict[str, Any]:
    """The `profiles` columns of a profile (all but `user_id`)."""
    return {
        "goal": profile.goal.value,
        "experience": profile.experience.value,
        "timezone": profile.timezone,
        "body_mass_kg": profile.body_mass_kg,
        "lang": profile.lang,
        "resting_hr_bpm": profile.resting_hr_bpm,
        "max_hr_bpm": profile.max_hr_bpm,
        "load_metric": profile.load_metric.value,
    }


def profile(row: Row[Any]) -> Profile:
    """The domain profile of a `profiles` row."""
    return Profile(
        goal=Goal(row.goal),
        experience=Experience(row.experience),
        timezone=row.timezone,
        body_mass_kg=row.body_mass_kg,
        lang=row.lang,
        resting_hr_bpm=row.resting_hr_bpm,
        max_hr_bpm=row.max_hr_bpm,
        load_metric=LoadMetric(row.load_metric),
    )


def session_values(
    user_id: int, session: Session, source: str, fingerprint: str | None, notes: str | None
) -> dict[str, Any]:
    """The `sessions` row of a session (naive start times raise ValueError)."""
    return {
        "user_id": user_id,
        "kind": session.kind.value,
        "start_at": as_utc(session.start),
        "minutes": session.minutes,
        "rpe": session.rpe,
        "intensity": session.intensity.value if session.intensity else None,
        "sport": session.sport,
        "class_kind": session.class_kind,
        "recovery_kind": session.recovery_kind,
        "distance_km": session.distance_km,
        "avg_hr_bpm": session.avg_hr_bpm,
        "max_hr_bpm": session.max_hr_bpm,
        "source": source,
        "fingerprint": fingerprint,
        "notes": notes,
    }


def session(row: Row[Any], exercises: Sequence[ExerciseEntry]) -> Session:
    """The domain session of a `sessions` row and its exercises (muscles empty)."""
    return Session(
        kind=SessionKind(row.kind),
        start=row.start_at,
        minutes=row.minutes,
        rpe=row.rpe,
        intensity=Intensity(row.intensity) if row.intensity else None,
        exercises=tuple(exercises),
        sport=row.sport,
        class_kind=row.class_kind,
        recovery_kind=row.recovery_kind,
        distance_km=row.distance_km,
        avg_hr_bpm=row.avg_hr_bpm,
        max_hr_bpm=row.max_hr_bpm,
        id=row.id,
    )


def exercise_values(
    user_id: int, session_id: int, position: int, entry: ExerciseEntry, exercise_id: str | None
) -> dict[str, Any]:
    """The `session_exercises` row of one exercise of a stored session."""
    return {
        "session_id": session_id,
        "user_id": user_id,
        "position": position,
        "name": entry.name,
        "exercise_id": exercise_id,
        "rpe": entry.rpe,
    }


def set_values(
    user_id: int, exercise_row_id: int, position: int, entry: SetEntry
) -> dict[str, Any]:
    """The `session_sets` row of one set."""
    return {
        "exercise_row_id": exercise_row_id,
        "user_id": user_id,
        "position": position,
        "reps": entry.reps,
        "seconds": entry.seconds,
        "weight_kg": entry.weight_kg,
        "rpe": entry.rpe,
        "set_type": entry.set_type.value,
    }


def checkin_values(user_id: int, checkin: CheckIn, source: str) -> dict[str, Any]:
    """The `checkins` row of a check-in (naive times raise ValueError)."""
    return {
        "user_id": user_id,
        "source": source,
        "at": as_utc(checkin.at),
        "sleep_h": checkin.sleep_h,
        "sleep_quality": checkin.sleep_quality,
        "fatigue": checkin.fatigue,
        "motivation": checkin.motivation,
        "irritable": checkin.irritable,
        "resting_hr_bpm": checkin.resting_hr_bpm,
        "hrv_ms": checkin.hrv_ms,
    }


def new_id(result: CursorResult[Any]) -> int:
    """The id of the row that a one-row INSERT created."""
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("The database did not say which id the new row got")
    return int(key[0])


def inserted_ids(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert `rows` in a few batched statements and return their new ids, in the order of `rows`."""
    if not rows:
        return []
    dialect = connection.dialect
    if not dialect.insert_executemany_returning:
        # No RETURNING (SQLite before 3.35): one INSERT per row, each id from the cursor.
        return [new_id(connection.execute(insert(table), row)) for row in rows]
    if dialect.name != "sqlite":
        # PostgreSQL: SQLAlchemy orders RETURNING by the serial id it generates, in batches.
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [int(i) for i in connection.scalars(returning, rows)]
    # SQLite gives a new row the id one above the largest in its table
    # (https://sqlite.org/autoinc.html) and this transaction keeps the write lock from its first
    # insert, so ids rise in the order of `rows`; the order of RETURNING's rows is unspecified,
    # hence the sort. (SQLAlchemy's sort_by_parameter_order would insert row by row on SQLite.)
    ids = sorted(int(i) for i in connection.scalars(insert(table).returning(table.c.id), rows))
    if len(ids) != len(rows) or ids[-1] - ids[0] != len(rows) - 1:
        raise StoreError(
            f"Inserting into {table.name} did not give consecutive ids; nothing stored"
        )
    return ids


def insert_many(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (all with the same keys) in one executemany of the driver's own."""
    if not rows:
        return
    # The rows go to the driver as they are, each value through its column type's bind
    # processor: for 100,000 sets SQLAlchemy's own per-row parameter handling adds 0.3 s to
    # the 0.18 s that SQLite needs to insert them.
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    names = compiled.positiontup if compiled.positional else None
    converters = [
        (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        for name in (names or rows[0])
    ]
    if names is not None:
        params: list[Any] = [
            tuple([row[n] if convert is None else convert(row[n]) for n, convert in converters])
            for row in rows
        ]
    else:
        params = [
            {n: row[n] if convert is None else convert(row[n]) for n, convert in converters}
            for row in rows
        ]
    connection.exec_driver_sql(str(compiled), params)
