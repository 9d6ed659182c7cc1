"""What a person records: sessions, check-ins, the profile; and reading or deleting sessions."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from restday.catalog import resolve_exercise
from restday.domain import (
    CheckIn,
    ExerciseEntry,
    Experience,
    Goal,
    LoadMetric,
    Profile,
    Reading,
    Session,
    SessionKind,
)
from restday.domain.bounds import EARLIEST, ID_MAX
from restday.domain.validate import (
    asked_moment_problem,
    checkin_problems,
    number_problem,
    profile_problems,
    require,
    session_problems,
)
from restday.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.repo import StoredSession

__all__ = [
    "History",
    "LogResult",
    "SessionsPage",
    "Wellness",
    "checkin",
    "delete_session",
    "history",
    "log_session",
    "profile",
    "session",
    "sessions_page",
    "update_profile",
    "wellness",
    "with_muscles",
]


@dataclass(frozen=True, slots=True)
class LogResult:
    """A stored session and what was odd about it (in the future, overlapping another)."""

    id: int
    session: Session
    in_future: bool
    overlaps: tuple[int, ...]


def profile(db: "Database", *, user: str) -> Profile:
    """The person's profile (defaults until one is saved)."""
    with db.reading() as tx:
        return tx.get_profile(tx.existing_user(user))


def update_profile(
    db: "Database",
    *,
    user: str,
    goal: Goal | None = None,
    experience: Experience | None = None,
    timezone: str | None = None,
    body_mass_kg: float | None = None,
    lang: str | None = None,
    resting_hr_bpm: float | None = None,
    max_hr_bpm: float | None = None,
    load_metric: LoadMetric | None = None,
) -> Profile:
    """Change the fields given (not None) of the profile and return it."""
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        current = tx.get_profile(user_id)
        updated = replace(
            current,
            goal=goal or current.goal,
            experience=experience or current.experience,
            timezone=timezone or current.timezone,
            body_mass_kg=current.body_mass_kg if body_mass_kg is None else body_mass_kg,
            lang=lang or current.lang,
            resting_hr_bpm=current.resting_hr_bpm if resting_hr_bpm is None else resting_hr_bpm,
            max_hr_bpm=current.max_hr_bpm if max_hr_bpm is None else max_hr_bpm,
            load_metric=load_metric or current.load_metric,
        )
        require(profile_problems(updated))
        tx.save_profile(user_id, updated)
        return updated


def with_muscles(exercise: ExerciseEntry) -> tuple[ExerciseEntry, str]:
    """The exercise with its catalogue muscles, and its catalogue id (unknown names raise)."""
    found = resolve_exercise(exercise.name)
    return replace(exercise, primary=found.primary, secondary=found.secondary), found.id


def log_session(db: "Database", session: Session, now: datetime, *, user: str) -> LogResult:
    """Store a valid session; its exercises must resolve in the catalogue."""
    require(session_problems(session, now=now))
    resolved = [with_muscles(e) for e in session.exercises]
    session = replace(session, exercises=tuple(e for e, _ in resolved))
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        overlaps = tx.overlapping_sessions(user_id, session.start, session.end)
        session_id = tx.add_session(user_id, session, exercise_ids=[i for _, i in resolved])
    return LogResult(
        session_id, replace(session, id=session_id), session.start > now, tuple(overlaps)
    )


def checkin(db: "Database", entry: CheckIn, now: datetime, *, user: str) -> int:
    """Store a valid check-in."""
    require(checkin_problems(entry, now=now))
    with db.transaction() as tx:
        return tx.add_checkin(tx.ensure_user(user), entry)


@dataclass(frozen=True, slots=True)
class Wellness:
    """Check-ins with their sources ("cli": typed) and device readings with the import that
    brought them, oldest first: kept apart, as they are stored."""

    checkins: tuple[tuple[CheckIn, str], ...]
    readings: tuple[tuple[Reading, str], ...]


def wellness(db: "Database", since: datetime, until: datetime, *, user: str) -> Wellness:
    """The check-ins and readings from `since` (at the earliest 1970) through `until`."""
    require([asked_moment_problem(until, "at")])
    since = max(since, EARLIEST)
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        sources = tx.checkin_sources(user_id, since, until)
        checkins = tx.checkins_between(user_id, since, until)
        readings = tx.readings_between(user_id, since, until)
    return Wellness(
        tuple((c, sources.get(c.id or 0, "cli")) for c in checkins),
        tuple((r.reading, r.format) for r in readings),
    )


@dataclass(frozen=True, slots=True)
class History:
    """Sessions, oldest first, and where each came from by id ("cli": typed; else its import)."""

    sessions: tuple[Session, ...]
    sources: Mapping[int, str]


def history(
    db: "Database",
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    user: str,
) -> History:
    """Logged sessions between two moments, oldest first, with their sources."""
    require(asked_moment_problem(m, f) for m, f in ((since, "since"), (until, "at")) if m)
    with db.reading() as tx:
        stored = tx.sessions_between(tx.existing_user(user), since, until)
    return History(tuple(s.session for s in stored), _sources(stored))


def _sources(stored: "Sequence[StoredSession]") -> dict[int, str]:
    return {s.session.id: s.source for s in stored if s.session.id is not None}


@dataclass(frozen=True, slots=True)
class SessionsPage:
    """One page of the history, newest first; `next_before` asks for the next (older) page."""

    sessions: tuple[Session, ...]
    total: int
    next_before: int | None
    sources: Mapping[int, str]


def sessions_page(
    db: "Database",
    *,
    user: str,
    kind: SessionKind | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    before: int | None = None,
) -> SessionsPage:
    """Up to `limit` sessions (of `kind`, from `since` through `until`) older than the session
    with id `before` (none: the newest), and how many match in all."""
    from restday.store.session_records import session_filter

    require(
        [
            *(asked_moment_problem(m, f) for m, f in ((since, "since"), (until, "until")) if m),
            number_problem("history.limit", limit),
        ]
    )
    if before is not None and not 1 <= before <= ID_MAX:
        raise InvalidInput.of("before", f"must be a session id from 1 to {ID_MAX}", before)
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        where = session_filter(user_id, since, until, kind)
        stored, total = tx.sessions_page(user_id, where, limit + 1, before)
    found = tuple(s.session for s in stored[:limit])
    after = found[-1].id if len(stored) > limit else None
    return SessionsPage(found, total, after, _sources(stored[:limit]))


def session(db: "Database", session_id: int, *, user: str) -> Session:
    """One logged session with its exercises and sets."""
    if not 1 <= session_id <= ID_MAX:
        raise NotFound(f"No session with id {session_id}")
    with db.reading() as tx:
        return tx.stored_session(tx.existing_user(user), session_id).session


def delete_session(db: "Database", session_id: int, *, user: str) -> Session:
    """Delete one session and return what was deleted."""
    if not 1 <= session_id <= ID_MAX:
        raise NotFound(f"No session with id {session_id}")
    with db.transaction() as tx:
        return tx.delete_session(tx.ensure_user(user), session_id)
