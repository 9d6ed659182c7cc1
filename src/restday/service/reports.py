"""What the engine says at a moment: every muscle's status, today's verdict, the training load,
and how fast this person recovers (calibration)."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from restday import engine
from restday.catalog import load_activities, load_exercises
from restday.domain import Measure, Profile, Session
from restday.domain.validate import asked_moment_problem, number_problem, require
from restday.engine.calibration import Calibration
from restday.engine.calibration import calibration as region_rates
from restday.engine.fatigue import reach as fatigue_reach
from restday.engine.intensity import heart_rate_intensity
from restday.engine.load import LoadReport, LoadSample, load_report, model_reach
from restday.rules import Rulebook

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.repo import Repository

__all__ = ["calibration", "engine_inputs", "load", "status", "today"]


# What the engine reads from devices (body mass is the profile's, typed).
_READINESS_MEASURES = (
    Measure.SLEEP_H,
    Measure.RESTING_HR_BPM,
    Measure.HRV_SDNN_MS,
    Measure.HRV_RMSSD_MS,
)


def engine_inputs(tx: "Repository", user_id: int, rules: Rulebook, at: datetime) -> engine.Inputs:
    """Sessions and check-ins of the look-back and the reach before `at`, with catalogue muscles,
    and each region's recovery rate from the calibration."""
    return _calibrated(tx, user_id, rules, at)[0]


def _calibrated(
    tx: "Repository", user_id: int, rules: Rulebook, at: datetime
) -> tuple[engine.Inputs, Calibration]:
    """The engine's inputs at `at` with the rates of the calibration, and the calibration."""
    c = rules.calibration
    profile = tx.get_profile(user_id)
    reach = fatigue_reach(rules, c.min_rate if c.enabled else 1.0)
    since = at - max(timedelta(days=rules.lookback_days), reach) - timedelta(days=1)
    learn_since = at - timedelta(days=c.lookback_days + 1) if c.enabled else since
    baseline_since = at - timedelta(days=rules.baseline.baseline_days + 1)
    checkins = tx.checkins_between(user_id, min(since, baseline_since, learn_since), at)
    if not any(x.at >= learn_since for x in checkins):
        learn_since = since  # no check-in to learn from: the engine's own sessions will do
    sessions = _sessions(tx, user_id, rules, min(since, learn_since), at)
    activities = load_activities()
    found = region_rates(sessions, checkins, profile, rules, at, activities=activities)
    kept = min(since, baseline_since)
    readings = tx.readings_between(user_id, kept, at, _READINESS_MEASURES)
    inputs = engine.Inputs(
        tuple(s for s in sessions if s.start >= since),
        tuple(x for x in checkins if x.at >= kept),
        _with_body_mass(tx, user_id, profile, at),
        rules,
        activities,
        load_samples=_load_samples(tx, user_id, rules, at, 1),
        rates=found.rates(),
        readings=tuple(r.reading for r in readings),
    )
    return inputs, found


def _with_body_mass(tx: "Repository", user_id: int, profile: Profile, at: datetime) -> Profile:
    """The profile, with the latest body mass a device measured when the person gave none."""
    if profile.body_mass_kg is not None:
        return profile
    weighed = tx.readings_between(user_id, None, at, [Measure.BODY_MASS_KG])
    return (
        replace(profile, body_mass_kg=round(weighed[-1].reading.value, 1)) if weighed else profile
    )


def _sessions(
    tx: "Repository", user_id: int, rules: Rulebook, since: datetime, at: datetime
) -> tuple[Session, ...]:
    """The sessions from `since` to `at` with catalogue muscles (and, with no effort logged, an
    intensity from heart rate)."""
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
    return tuple(sessions)


def _load_samples(
    tx: "Repository", user_id: int, rules: Rulebook, at: datetime, days: int
) -> tuple[LoadSample, ...]:
    """The sessions the load model needs for `days` days up to `at`: those within its reach."""
    since = at - timedelta(days=days + 1) - model_reach(rules)
    return tuple(LoadSample(*row) for row in tx.session_loads(user_id, since, at))


def load(db: "Database", rules: Rulebook, at: datetime, days: int, *, user: str) -> LoadReport:
    """The training-load model for the `days` days up to `at`."""
    require([asked_moment_problem(at, "at"), number_problem("load.days", days)])
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        samples = _load_samples(tx, user_id, rules, at, days)
        profile = tx.get_profile(user_id)
    return load_report(samples, profile, rules, at, days, ZoneInfo(profile.timezone))


def status(db: "Database", rules: Rulebook, at: datetime, *, user: str) -> engine.Status:
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
    *,
    user: str,
) -> engine.Today:
    """Today's verdict at `at`; `minutes` is the time the person has."""
    require([asked_moment_problem(at, "at"), number_problem("today.minutes", minutes)])
    with db.reading() as tx:
        inputs = engine_inputs(tx, tx.existing_user(user), rules, at)
    return engine.today(inputs, at, minutes)


def calibration(db: "Database", rules: Rulebook, at: datetime, *, user: str) -> Calibration:
    """How fast this person recovers per region at `at`, compared with the rulebook."""
    require([asked_moment_problem(at, "at")])
    with db.reading() as tx:
        return _calibrated(tx, tx.existing_user(user), rules, at)[1]
