"""The demo history: the article's three example weeks, twice, and a few days more, with check-ins.

Offered on an empty database so that a newcomer sees the body map, today's advice and the load
chart at work before logging anything. The weeks are the plan templates of `restday.weeks`, oldest
first: the strength split, the endurance week, the group-class week, twice, then the strength split
again until yesterday's leg day, so that legs, core and arms are still recovering today. Check-ins run
through today. Every record has the source "demo", so `remove_demo` deletes exactly those and
never what the person logged. Efforts come from the rulebook's intensity thresholds.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from restday.domain import (
    REGION_OF,
    CheckIn,
    ExerciseEntry,
    Intensity,
    Region,
    Session,
    SessionKind,
    SetEntry,
)
from restday.domain.validate import checkin_problems, require, session_problems
from restday.errors import Conflict
from restday.rules import Rulebook
from restday.service.records import with_muscles
from restday.weeks import load_template

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.repo import Repository, SessionItem

__all__ = ["DEMO_SOURCE", "WEEKS", "DemoCounts", "has_demo", "is_empty", "load_demo", "remove_demo"]

DEMO_SOURCE = "demo"
"""The source of every demo session and check-in."""

WEEKS = ("strength-split", "endurance-week", "classes-week") * 2 + ("strength-split",)
"""The plan templates of the demo's weeks, oldest first: the three weeks twice, then strength."""

DAYS = 46
"""Days of sessions, up to yesterday: six weeks and the last week's first four days, long enough
for the load chart's fitness to build up."""

# A strength day per region: (catalogue exercise, sets, reps, kg; None for bodyweight). The first
# lift of a day is heavy (few reps), the rest moderate.
LIFTS: dict[str, tuple[tuple[str, int, int, float | None], ...]] = {
    "legs": (
        ("Barbell Squat", 4, 5, 90.0),
        ("Romanian Deadlift", 3, 8, 70.0),
        ("Leg Press", 3, 10, 140.0),
        ("Standing Calf Raises", 3, 12, 60.0),
    ),
    "arms": (
        ("Close-Grip Barbell Bench Press", 4, 6, 60.0),
        ("Barbell Curl", 4, 8, 30.0),
        ("Triceps Pushdown", 3, 10, 25.0),
        ("Hammer Curls", 3, 10, 14.0),
    ),
    "core": (
        ("Cable Crunch", 4, 6, 45.0),
        ("Hanging Leg Raise", 3, 10, None),
        ("Hyperextensions (Back Extensions)", 3, 12, None),
    ),
}
KM_PER_HOUR = {("run", "easy"): 10.0, ("run", "hard"): 12.5, ("swim", "moderate"): 2.5}
START_AT = {"endurance": time(7, 0), "class": time(19, 0), "active_recovery": time(10, 0)}
# Strength days start at 17:00 and 19:00 by turns, so that a muscle trained again one, two or
# three days later has had 24, 48 or 72 hours since the hour-long session ended.
STRENGTH_AT = (time(17, 0), time(19, 0))
CHECKIN_AT = time(7, 30)
# A week of nights and moods, repeated: (sleep h, sleep quality 1-5, fatigue 1-5, motivation 1-5).
NIGHTS = ((7.5, 4, 2, 4), (7.0, 3, 2, 4), (8.0, 4, 2, 5), (6.5, 3, 3, 3), (7.5, 4, 2, 4),
          (6.0, 2, 3, 3), (8.5, 5, 1, 5))  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoCounts:
    """How many demo sessions and check-ins were added or removed."""

    sessions: int
    checkins: int


def _rpe(intensity: str, rules: Rulebook) -> float:
    """An effort that the rulebook's thresholds read as `intensity`."""
    t = rules.intensity
    if intensity == "easy":
        return t.easy_max_rpe
    if intensity == "moderate":
        return round((t.easy_max_rpe + t.hard_min_rpe) / 2)
    return t.heavy_min_rpe if intensity == "heavy" else t.hard_min_rpe


def _lifts(regions: list[str], week: int) -> tuple[tuple[ExerciseEntry, str], ...]:
    """The exercises of a strength day with their catalogue ids; loads rise 2.5% a week."""
    found = []
    for region in regions:
        for name, sets, reps, kg in LIFTS[region]:
            weight = None if kg is None else round(kg * (1 + 0.025 * week) * 2) / 2
            entry = ExerciseEntry(name, tuple(SetEntry(reps, None, weight) for _ in range(sets)))
            found.append(with_muscles(entry))
    return tuple(found)


def _session(day: dict[str, Any], start: datetime, week: int, rules: Rulebook) -> "SessionItem":
    """A plan template's day as a logged session (with the catalogue id of each exercise)."""
    activity, minutes = day["activity"], float(day["minutes"])
    rpe = _rpe(day["intensity"], rules)
    if activity == "strength":
        lifts = _lifts(day["regions"], week)
        session = Session(
            SessionKind.STRENGTH, start, minutes, rpe, exercises=tuple(e for e, _ in lifts)
        )
        ids: list[str | None] = [i for _, i in lifts]
    elif activity == "active_recovery":
        kind = day["sport"] or day["class_kind"]
        session, ids = Session(SessionKind.RECOVERY, start, minutes, rpe, recovery_kind=kind), []
    else:
        speed = KM_PER_HOUR.get((day["sport"], day["intensity"]))
        session = Session(
            SessionKind(activity),
            start,
            minutes,
            rpe,
            Intensity(day["intensity"]),
            sport=day["sport"],
            class_kind=day["class_kind"],
            distance_km=None if speed is None else speed * minutes / 60,
        )
        ids = []
    return session, ids, DEMO_SOURCE, f"demo:{start.date().isoformat()}:{activity}"


def _sessions(first: date, tz: ZoneInfo, rules: Rulebook) -> list["SessionItem"]:
    """The demo weeks from `first` on, one session a day for DAYS days."""
    items = []
    for week, name in enumerate(WEEKS):
        start = first + timedelta(days=7 * week)
        for index, day in enumerate(load_template(name, start)["days"]):
            on = date.fromisoformat(day["date"])
            if on >= first + timedelta(days=DAYS):
                break
            activity = day["activity"]
            at = STRENGTH_AT[index % 2] if activity == "strength" else START_AT[activity]
            items.append(_session(day, datetime.combine(on, at, tz), week, rules))
    return items


def _checkins(
    items: list["SessionItem"], first: date, now: datetime, tz: ZoneInfo
) -> list[CheckIn]:
    """A morning check-in every day from `first` through today; the regions lifted the day before
    are a little sore (the legs clearly)."""
    today = now.astimezone(tz).date()
    sore: dict[date, dict[Region, int]] = {}
    for session, *_ in items:
        worked = {REGION_OF[m] for e in session.exercises for m in e.primary}
        sore[session.start.date() + timedelta(days=1)] = {
            r: 2 if r is Region.LEGS else 1 for r in worked
        }
    found = []
    for offset in range((today - first).days + 1):
        on = first + timedelta(days=offset)
        at = min(datetime.combine(on, CHECKIN_AT, tz), now)
        sleep_h, quality, fatigue, motivation = NIGHTS[offset % len(NIGHTS)]
        found.append(CheckIn(at, sleep_h, quality, sore.get(on, {}), fatigue, motivation))
    return found


def _counts(tx: "Repository", user_id: int) -> tuple[DemoCounts, DemoCounts]:
    """The person's demo records and their own (every other source)."""
    by_source = tx.source_counts(user_id)
    demo = DemoCounts(*by_source.get(DEMO_SOURCE, (0, 0)))
    own = [n for source, n in by_source.items() if source != DEMO_SOURCE]
    return demo, DemoCounts(sum(s for s, _ in own), sum(c for _, c in own))


def is_empty(db: "Database", *, user: str) -> bool:
    """Whether the person has no sessions and no check-ins (so the app offers the demo)."""
    with db.reading() as tx:
        demo, own = _counts(tx, tx.existing_user(user))
    return demo == own == DemoCounts(0, 0)


def has_demo(db: "Database", *, user: str) -> bool:
    """Whether the person has demo records loaded."""
    with db.reading() as tx:
        demo, _ = _counts(tx, tx.existing_user(user))
    return demo != DemoCounts(0, 0)


def load_demo(db: "Database", *, user: str, now: datetime, rules: Rulebook) -> DemoCounts:
    """Add the demo history before `now` in the profile's zone; nothing when it is there already.
    Refused (Conflict) when the person has sessions or check-ins of their own."""
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        demo, own = _counts(tx, user_id)
        if own != DemoCounts(0, 0):
            raise Conflict(
                "The demo history is only for an empty database, but it already has "
                f"{own.sessions} of your sessions and {own.checkins} of your check-ins"
            )
        if demo != DemoCounts(0, 0):
            return DemoCounts(0, 0)
        tz = ZoneInfo(tx.get_profile(user_id).timezone)
        first = now.astimezone(tz).date() - timedelta(days=DAYS)
        items = _sessions(first, tz, rules)
        checkins = _checkins(items, first, now, tz)
        require(p for s, *_ in items for p in session_problems(s, now=now))
        require(p for c in checkins for p in checkin_problems(c, now=now))
        tx.add_sessions(user_id, items)
        for checkin in checkins:
            tx.add_checkin(user_id, checkin, DEMO_SOURCE)
    return DemoCounts(len(items), len(checkins))


def remove_demo(db: "Database", *, user: str) -> DemoCounts:
    """Delete every demo session and check-in of the person, and nothing else."""
    with db.transaction() as tx:
        return DemoCounts(*tx.delete_source(tx.ensure_user(user), DEMO_SOURCE))
