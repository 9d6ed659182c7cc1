"""Readings in and out of the database: what devices measured, apart from the check-ins.

`Repository` (repo.py) builds on `ReadingRecords`; every call is scoped by user id.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select, update

from restday.domain import Measure, Reading
from restday.store import rows
from restday.store.models import readings
from restday.store.timestamps import as_utc

__all__ = ["ReadingRecords", "StoredReading"]

_REPLACED = ("measure", "at", "utc_offset_min", "start_at", "value", "source", "method", "format")
_KEY_CHUNK = 500  # keys asked about per query, below SQLite's oldest limit of 999 parameters


@dataclass(frozen=True, slots=True)
class StoredReading:
    """A stored reading (its `id` set), the import `format` that brought it and its `key` there."""

    reading: Reading
    format: str
    key: str


def _values(user_id: int, reading: Reading, format: str, key: str) -> dict[str, Any]:
    """The `readings` row of a reading (naive times raise ValueError)."""
    offset = reading.at.utcoffset()
    if offset is None:
        raise ValueError(f"naive reading time {reading.at.isoformat()} refused")
    return {
        "user_id": user_id,
        "measure": reading.measure.value,
        "at": as_utc(reading.at),
        "utc_offset_min": round(offset.total_seconds() / 60),
        "start_at": None if reading.start is None else as_utc(reading.start),
        "value": reading.value,
        "source": reading.source,
        "method": reading.method,
        "format": format,
        "key": key,
    }


def _stored(row: Row[Any]) -> StoredReading:
    """A row back as a reading, its times in the offset the device recorded."""
    zone = timezone(timedelta(minutes=row.utc_offset_min))
    start = None if row.start_at is None else row.start_at.astimezone(zone)
    reading = Reading(
        Measure(row.measure),
        row.at.astimezone(zone),
        row.value,
        row.source,
        row.method,
        start,
        id=row.id,
    )
    return StoredReading(reading, row.format, row.key)


class ReadingRecords:
    """The reading reads and writes of one transaction (see `Database.transaction`)."""

    connection: Connection

    def add_readings(self, user_id: int, items: Sequence[StoredReading]) -> None:
        """Store new readings (their keys not stored yet) at once."""
        found = [_values(user_id, i.reading, i.format, i.key) for i in items]
        rows.insert_many(self.connection, readings, found)

    def replace_readings(self, user_id: int, items: Sequence[StoredReading]) -> None:
        """Give the stored readings with these keys the items' values."""
        if not items:
            return
        r = readings
        change = (
            update(r)
            .where(r.c.user_id == bindparam("p_user_id"), r.c.key == bindparam("p_key"))
            .values({name: bindparam(f"p_{name}") for name in _REPLACED})
        )
        found = [
            {f"p_{k}": v for k, v in _values(user_id, i.reading, i.format, i.key).items()}
            for i in items
        ]
        self.connection.execute(change, found)

    def readings_with_keys(self, user_id: int, keys: Collection[str]) -> dict[str, StoredReading]:
        """The user's stored readings among `keys`, by key."""
        wanted = list(set(keys))
        found: dict[str, StoredReading] = {}
        for first in range(0, len(wanted), _KEY_CHUNK):
            query = select(readings).where(
                readings.c.user_id == user_id,
                readings.c.key.in_(wanted[first : first + _KEY_CHUNK]),
            )
            for row in self.connection.execute(query):
                found[row.key] = _stored(row)
        return found

    def readings_between(
        self,
        user_id: int,
        start: datetime | None,
        end: datetime | None,
        measures: Collection[Measure] | None = None,
    ) -> list[StoredReading]:
        """The user's readings from `start` through `end` (inclusive; None: open), oldest first."""
        r = readings
        where = [r.c.user_id == user_id]
        if start is not None:
            where.append(r.c.at >= as_utc(start))
        if end is not None:
            where.append(r.c.at <= as_utc(end))
        if measures is not None:
            where.append(r.c.measure.in_([m.value for m in measures]))
        query = select(r).where(*where).order_by(r.c.at, r.c.id)
        return [_stored(row) for row in self.connection.execute(query)]

    def latest_reading(self, user_id: int, measure: Measure, at: datetime) -> Reading | None:
        """The user's newest reading of `measure` by `at`, if any."""
        r = readings
        query = (
            select(r)
            .where(r.c.user_id == user_id, r.c.measure == measure.value, r.c.at <= as_utc(at))
            .order_by(r.c.at.desc(), r.c.id.desc())
            .limit(1)
        )
        row = self.connection.execute(query).first()
        return None if row is None else _stored(row).reading
