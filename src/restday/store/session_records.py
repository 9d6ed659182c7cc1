"""Sessions in and out of the database: bulk inserts, the queries the engine and importers need.

`Repository` (repo.py) builds on `SessionRecords`; every call is scoped by user id.
"""

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Connection, and_, delete, func, or_, select

from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry
from restday.errors import NotFound
from restday.store import rows
from restday.store.db import hold_advisory_lock
from restday.store.models import session_exercises, session_sets, sessions
from restday.store.timestamps import as_utc

__all__ = ["FINGERPRINT_CHUNK", "SessionItem", "SessionRecords", "StoredSession", "session_filter"]

FINGERPRINT_CHUNK = 500
"""Fingerprints asked about per query, well below SQLite's oldest limit of 999 parameters."""

SessionItem = tuple[Session, Sequence[str | None], str, str | None]
"""A session to store in bulk: (session, catalogue id of each exercise, source, fingerprint)."""


# The domain's ExerciseEntry carries muscles, not catalogue ids. The store keeps each exercise's
# catalogue id (None for a name the catalogue did not match) and hands it back beside the session,
# so muscles are resolved from the catalogue in use when a session is read, never frozen in the
# database; the returned ExerciseEntry has empty muscle sets until the service fills them in.
@dataclass(frozen=True, slots=True)
class StoredSession:
    """A stored session (its `id` set) and the catalogue id of each exercise, in the same order."""

    session: Session
    exercise_ids: tuple[str | None, ...]
    source: str = "cli"
    notes: str | None = None
    fingerprint: str | None = None


class SessionRecords:
    """The session reads and writes of one transaction (see `Database.transaction`)."""

    def __init__(self, connection: Connection, *, writing: bool) -> None:
        """Work on the given connection, whose transaction (writing or read-only) the caller owns."""
        self.connection = connection
        self.writing = writing

    def _lock_user(self, user_id: int) -> None:
        """Make other writers of the user wait till this transaction ends (PostgreSQL; SQLite locks the file)."""
        if self.writing:
            hold_advisory_lock(self.connection, user_id)

    def add_session(
        self,
        user_id: int,
        session: Session,
        exercise_ids: Sequence[str | None] | None = None,
        source: str = "cli",
        fingerprint: str | None = None,
        notes: str | None = None,
    ) -> int:
        """Store a session with its exercises and sets; `exercise_ids` are their catalogue ids."""
        ids = [None] * len(session.exercises) if exercise_ids is None else exercise_ids
        [session_id] = self._add(user_id, [(session, ids, source, fingerprint)], [notes])
        return session_id

    def add_sessions(
        self,
        user_id: int,
        items: Sequence[SessionItem],
        notes: Sequence[str | None] | None = None,
    ) -> list[int]:
        """Store many sessions with their exercises, sets and `notes` (one per item) at once; ids."""
        if notes is not None and len(notes) != len(items):
            raise ValueError(f"{len(notes)} notes given for {len(items)} sessions")
        return self._add(user_id, items, [None] * len(items) if notes is None else notes)

    def _add(
        self, user_id: int, items: Sequence[SessionItem], notes: Sequence[str | None]
    ) -> list[int]:
        """Insert sessions, then all their exercises, then all their sets: three executemanys."""
        session_rows = []
        for (session, exercise_ids, source, fingerprint), note in zip(items, notes, strict=True):
            if len(exercise_ids) != len(session.exercises):
                raise ValueError(
                    f"{len(exercise_ids)} exercise ids given for {len(session.exercises)} exercises"
                )
            session_rows.append(rows.session_values(user_id, session, source, fingerprint, note))
        session_ids = rows.inserted_ids(self.connection, sessions, session_rows)
        exercise_rows, entries = [], []
        for session_id, (session, exercise_ids, _, _) in zip(session_ids, items, strict=True):
            for position, (entry, exercise_id) in enumerate(
                zip(session.exercises, exercise_ids, strict=True)
            ):
                exercise_rows.append(
                    rows.exercise_values(user_id, session_id, position, entry, exercise_id)
                )
                entries.append(entry)
        row_ids = rows.inserted_ids(self.connection, session_exercises, exercise_rows)
        set_rows = [
            rows.set_values(user_id, row_id, position, s)
            for row_id, entry in zip(row_ids, entries, strict=True)
            for position, s in enumerate(entry.sets)
        ]
        rows.insert_many(self.connection, session_sets, set_rows)
        return session_ids

    def known_fingerprints(self, user_id: int, fingerprints: Collection[str]) -> set[str]:
        """Those of `fingerprints` the user's sessions have; locks the user, so an import adding the rest is alone."""
        self._lock_user(user_id)
        wanted = list(set(fingerprints))
        found: set[str] = set()
        for first in range(0, len(wanted), FINGERPRINT_CHUNK):
            found.update(
                self.connection.scalars(
                    select(sessions.c.fingerprint).where(
                        sessions.c.user_id == user_id,
                        sessions.c.fingerprint.in_(wanted[first : first + FINGERPRINT_CHUNK]),
                    )
                )
            )
        return found

    def sessions_between(
        self, user_id: int, start: datetime | None, end: datetime | None
    ) -> list[StoredSession]:
        """The user's sessions from `start` through `end` (inclusive; None: open), oldest first."""
        return self._sessions(session_filter(user_id, start, end))

    def sessions_page(
        self,
        user_id: int,
        where: list[ColumnElement[bool]],
        limit: int,
        before: int | None = None,
    ) -> tuple[list[StoredSession], int]:
        """(up to `limit` of the sessions `where` selects, newest first, older than the user's
        session `before` when given; how many `where` selects in all): a keyset on (start, id)."""
        s = sessions
        total = self.connection.scalar(select(func.count()).select_from(s).where(*where))
        page = [s.c.user_id == user_id, *where]
        if before is not None:
            start = self.connection.scalar(
                select(s.c.start_at).where(s.c.user_id == user_id, s.c.id == before)
            )
            if start is None:
                raise NotFound(f"No session with id {before}")
            page.append(or_(s.c.start_at < start, and_(s.c.start_at == start, s.c.id < before)))
        ids = list(
            self.connection.scalars(
                select(s.c.id)
                .where(*page)
                .order_by(s.c.start_at.desc(), s.c.id.desc())
                .limit(limit)
            )
        )
        found = self._sessions([s.c.user_id == user_id, s.c.id.in_(ids)]) if ids else []
        return found[::-1], int(total or 0)

    def _sessions(self, where: list[ColumnElement[bool]]) -> list[StoredSession]:
        """The sessions `where` selects: three queries however many (sessions, exercises, sets)."""
        s, e, x = sessions, session_exercises, session_sets
        found = self.connection.execute(select(s).where(*where).order_by(s.c.start_at, s.c.id))
        session_rows = found.all()
        if not session_rows:
            return []
        exercise_rows = self.connection.execute(
            select(e.c.id, e.c.session_id, e.c.name, e.c.exercise_id, e.c.rpe)
            .join(s, s.c.id == e.c.session_id)
            .where(*where)
            .order_by(e.c.session_id, e.c.position)
        ).all()
        set_rows = self.connection.execute(
            select(x.c.exercise_row_id, x.c.reps, x.c.seconds, x.c.weight_kg, x.c.rpe, x.c.set_type)
            .join(e, e.c.id == x.c.exercise_row_id)
            .join(s, s.c.id == e.c.session_id)
            .where(*where)
            .order_by(x.c.exercise_row_id, x.c.position)
        ).all()
        sets: defaultdict[int, list[SetEntry]] = defaultdict(list)
        set_type = rows.SET_TYPES
        for row_id, reps, seconds, weight_kg, rpe, kind in set_rows:
            sets[row_id].append(SetEntry(reps, seconds, weight_kg, rpe, set_type[kind]))
        exercises: defaultdict[int, list[tuple[ExerciseEntry, str | None]]] = defaultdict(list)
        for row_id, session_id, name, exercise_id, rpe in exercise_rows:
            entry = ExerciseEntry(name, tuple(sets[row_id]), rpe=rpe)
            exercises[session_id].append((entry, exercise_id))
        stored = []
        for row in session_rows:
            entries = exercises[row.id]
            stored.append(
                StoredSession(
                    rows.session(row, [entry for entry, _ in entries]),
                    tuple(exercise_id for _, exercise_id in entries),
                    row.source,
                    row.notes,
                    row.fingerprint,
                )
            )
        return stored

    def session_loads(
        self, user_id: int, start: datetime | None, end: datetime | None
    ) -> list[tuple[datetime, float, float | None, float | None]]:
        """(start, minutes, RPE, average heart rate in bpm) of the user's sessions, oldest first."""
        s = sessions
        found = self.connection.execute(
            select(s.c.start_at, s.c.minutes, s.c.rpe, s.c.avg_hr_bpm)
            .where(*session_filter(user_id, start, end))
            .order_by(s.c.start_at, s.c.id)
        )
        return [(start_at, minutes, rpe, hr) for start_at, minutes, rpe, hr in found]

    def session_spans(
        self, user_id: int, start: datetime, end: datetime
    ) -> list[tuple[int, SessionKind, datetime, float, str]]:
        """(id, kind, start, minutes, source) of the user's sessions starting from `start` through `end`."""
        s = sessions
        found = self.connection.execute(
            select(s.c.id, s.c.kind, s.c.start_at, s.c.minutes, s.c.source)
            .where(*session_filter(user_id, start, end))
            .order_by(s.c.start_at, s.c.id)
        )
        return [
            (i, SessionKind(kind), at, minutes, source) for i, kind, at, minutes, source in found
        ]

    def overlapping_sessions(self, user_id: int, start: datetime, end: datetime) -> list[int]:
        """Ids of the user's sessions that overlap the span from `start` to `end`, oldest first."""
        start, end = as_utc(start), as_utc(end)
        s = sessions
        longest = self.connection.scalar(
            select(func.max(s.c.minutes)).where(s.c.user_id == user_id)
        )
        if longest is None:
            return []
        candidates = self.connection.execute(
            select(s.c.id, s.c.start_at, s.c.minutes)
            .where(
                s.c.user_id == user_id,
                s.c.start_at < end,
                s.c.start_at > start - timedelta(minutes=longest),
            )
            .order_by(s.c.start_at, s.c.id)
        )
        return [
            session_id
            for session_id, started, minutes in candidates
            if started + timedelta(minutes=minutes) > start
        ]

    def stored_session(self, user_id: int, session_id: int) -> StoredSession:
        """One of the user's sessions with its exercises and sets."""
        found = self._sessions([sessions.c.user_id == user_id, sessions.c.id == session_id])
        if not found:
            raise NotFound(f"No session with id {session_id}")
        return found[0]

    def delete_session(self, user_id: int, session_id: int) -> Session:
        """Delete one of the user's sessions (its exercises and sets with it) and return it."""
        found = self.stored_session(user_id, session_id)
        self.connection.execute(
            delete(sessions).where(sessions.c.id == session_id, sessions.c.user_id == user_id)
        )
        return found.session

    def sessions_with_fingerprints(
        self, user_id: int, fingerprints: Collection[str]
    ) -> list[StoredSession]:
        """The user's sessions that have one of `fingerprints`, oldest first."""
        wanted = sorted(set(fingerprints))
        found: list[StoredSession] = []
        for first in range(0, len(wanted), FINGERPRINT_CHUNK):
            chunk = wanted[first : first + FINGERPRINT_CHUNK]
            found += self._sessions(
                [sessions.c.user_id == user_id, sessions.c.fingerprint.in_(chunk)]
            )
        return sorted(found, key=lambda s: (s.session.start, s.session.id or 0))

    def delete_sessions(self, user_id: int, session_ids: Collection[int]) -> None:
        """Delete the user's sessions with these ids (their exercises and sets with them)."""
        ids = list(session_ids)
        for first in range(0, len(ids), FINGERPRINT_CHUNK):
            self.connection.execute(
                delete(sessions).where(
                    sessions.c.user_id == user_id,
                    sessions.c.id.in_(ids[first : first + FINGERPRINT_CHUNK]),
                )
            )


def session_filter(
    user_id: int,
    start: datetime | None,
    end: datetime | None,
    kind: SessionKind | None = None,
) -> list[ColumnElement[bool]]:
    """The user's sessions (of `kind`, when given) starting from `start` through `end` (None: open)."""
    where = [sessions.c.user_id == user_id]
    if kind is not None:
        where.append(sessions.c.kind == kind.value)
    if start is not None:
        where.append(sessions.c.start_at >= as_utc(start))
    if end is not None:
        where.append(sessions.c.start_at <= as_utc(end))
    return where
