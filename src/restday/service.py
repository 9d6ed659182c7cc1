"""One function per user action: open a transaction, load what the engine needs, call it."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from restday import engine
from restday.catalog import load_activities, load_exercises, resolve_exercise
from restday.domain import CheckIn, ExerciseEntry, Experience, Goal, LoadMetric, Profile, Session
from restday.domain.bounds import ID_MAX
from restday.domain.validate import (
    asked_moment_problem,
    checkin_problems,
    number_problem,
    profile_problems,
    require,
    session_problems,
)
from restday.engine.intensity import heart_rate_intensity
from restday.engine.load import LoadReport, LoadSample, load_report
from restday.errors import NotFound
from restday.rules import Rulebook

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.repo import Repository

__all__ = [
    "LogResult",
    "checkin",
    "delete_session",
    "engine_inputs",
    "history",
    "load",
    "log_session",
    "profile",
    "status",
    "today",
    "update_profile",
    "with_muscles",
]

LOCAL_USER = "me"


@dataclass(frozen=True, slots=True)
class LogResult:
    """A stored session and what was odd about it (in the future, overlapping another)."""

    id: int
    session: Session
    in_future: bool
    overlaps: tuple[int, ...]


def profile(db: "Database", user: str = LOCAL_USER) -> Profile:
    """The person's profile (defaults until one is saved)."""
    with db.reading() as tx:
        return tx.get_profile(tx.existing_user(user))


def update_profile(
    db: "Database",
    user: str = LOCAL_USER,
    *,
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


def log_session(
    db: "Database", session: Session, now: datetime, user: str = LOCAL_USER
) -> LogResult:
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


def checkin(db: "Database", entry: CheckIn, now: datetime, user: str = LOCAL_USER) -> int:
    """Store a valid check-in."""
    require(checkin_problems(entry, now=now))
    with db.transaction() as tx:
        return tx.add_checkin(tx.ensure_user(user), entry)


def engine_inputs(tx: "Repository", user_id: int, rules: Rulebook, at: datetime) -> engine.Inputs:
    """Sessions and check-ins of the look-back before `at`, with catalogue muscles, for the engine."""
    since = at - timedelta(days=rules.lookback_days + 1)
    exercises = load_exercises()
    profile = tx.get_profile(user_id)
    sessions = []
    for stored in tx.sessions_between(user_id, since, at):
        entries = []
        for entry, exercise_id in zip(stored.session.exercises, stored.exercise_ids, strict=True):
            known = exercises.get(exercise_id or "")
            if known:
                entry = replace(entry, primary=known.primary, secondary=known.secondary)
            entries.append(entry)
        session = replace(stored.session, exercises=tuple(entries))
        if session.intensity is None and session.rpe is None:
            session = replace(
                session, intensity=heart_rate_intensity(session, profile, rules.intensity)
            )
        sessions.append(session)
    baseline_since = at - timedelta(days=rules.baseline.baseline_days + 1)
    checkins = tx.checkins_between(user_id, min(since, baseline_since), at)
    return engine.Inputs(
        tuple(sessions),
        tuple(checkins),
        profile,
        rules,
        load_activities(),
        load_samples=_load_samples(tx, user_id, at),
    )


def _load_samples(tx: "Repository", user_id: int, at: datetime) -> tuple[LoadSample, ...]:
    return tuple(LoadSample(*row) for row in tx.session_loads(user_id, None, at))


def load(
    db: "Database", rules: Rulebook, at: datetime, days: int, user: str = LOCAL_USER
) -> LoadReport:
    """The training-load model for the `days` days up to `at`."""
    require([asked_moment_problem(at, "at"), number_problem("load.days", days)])
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        samples = _load_samples(tx, user_id, at)
        profile = tx.get_profile(user_id)
    return load_report(samples, profile, rules, at, days, ZoneInfo(profile.timezone))


def status(db: "Database", rules: Rulebook, at: datetime, user: str = LOCAL_USER) -> engine.Status:
    """Every muscle's recovery at `at`."""
    require([asked_moment_problem(at, "at")])
    with db.reading() as tx:
        inputs = engine_inputs(tx, tx.existing_user(user), rules, at)
    return engine.muscle_status(inputs, at)


def today(
    db: "Database",
    rules: Rulebook,
    at: datetime,
    minutes: float | None = None,
    user: str = LOCAL_USER,
) -> engine.Today:
    """Today's verdict at `at`; `minutes` is the time the person has."""
    require([asked_moment_problem(at, "at"), number_problem("today.minutes", minutes)])
    with db.reading() as tx:
        inputs = engine_inputs(tx, tx.existing_user(user), rules, at)
    return engine.today(inputs, at, minutes)


def history(
    db: "Database",
    since: datetime | None = None,
    until: datetime | None = None,
    user: str = LOCAL_USER,
) -> Sequence[Session]:
    """Logged sessions between two moments, oldest first."""
    require(asked_moment_problem(m, f) for m, f in ((since, "since"), (until, "at")) if m)
    with db.reading() as tx:
        return [s.session for s in tx.sessions_between(tx.existing_user(user), since, until)]


def delete_session(db: "Database", session_id: int, user: str = LOCAL_USER) -> Session:
    """Delete one session and return what was deleted."""
    if not 1 <= session_id <= ID_MAX:
        raise NotFound(f"No session with id {session_id}")
    with db.transaction() as tx:
        return tx.delete_session(tx.ensure_user(user), session_id)
