"""Reading a plan's days: each day's activity, intensity, regions, sport or class and minutes.

What cannot be read at all (not an object, no start, an unknown goal, days not a list) raises
InvalidInput; a day that breaks the plan format is a violation of rule `plan`.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from restday.domain import Activity, ActivityKind, Goal, RecoveryKind, Region
from restday.domain.bounds import EARLIEST, LATEST_ASKED
from restday.engine.plancheck.violation import Violation, ViolationText
from restday.errors import InvalidInput
from restday.rules import Rulebook

__all__ = ["ACTIVITIES", "PLAN_RULE", "Day", "read_days", "read_goal", "read_start"]

PLAN_RULE = "plan"
MAX_DAYS = 7 * 53
"""The longest plan the checker reads; the planner makes at most four weeks."""
ACTIVITIES = ("strength", "endurance", "class", "active_recovery", "rest")
INTENSITIES: dict[str, tuple[str | None, ...]] = {
    "strength": ("heavy", "moderate"),
    "endurance": ("easy", "moderate", "hard"),
    "class": ("moderate", "easy", "hard"),
    "active_recovery": ("easy",),
    "rest": (None,),
}
_INTENSITY_TEXT = {
    "strength": ViolationText.INTENSITY_STRENGTH,
    "endurance": ViolationText.INTENSITY_ENDURANCE,
    "class": ViolationText.INTENSITY_CLASS,
    "active_recovery": ViolationText.INTENSITY_RECOVERY,
    "rest": ViolationText.INTENSITY_REST,
}


@dataclass(frozen=True, slots=True)
class Day:
    """One day as the checker reads it; `activity` is None when the day cannot be read."""

    index: int
    date: date
    activity: str | None = None
    intensity: str | None = None
    regions: tuple[Region, ...] = ()
    sport: Activity | None = None
    class_kind: Activity | None = None
    minutes: float = 0.0


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def read_start(plan: Mapping[str, Any]) -> date:
    """The plan's first date; InvalidInput when it is missing or not an ISO date."""
    start = _iso_date(plan.get("start"))
    if start is None:
        raise InvalidInput(f"Plan: start must be an ISO 8601 date, not {plan.get('start')!r}")
    first, last = EARLIEST.date(), LATEST_ASKED.date() - timedelta(days=1)
    if not first <= start <= last:
        raise InvalidInput(f"Plan: start must be from {first} to {last}, not {start}")
    return start


def read_goal(plan: Mapping[str, Any]) -> Goal:
    """The plan's goal; InvalidInput when it is not one of the goals."""
    goal = plan.get("goal")
    if not isinstance(goal, str) or goal not in {g.value for g in Goal}:
        goals = ", ".join(g.value for g in Goal)
        raise InvalidInput(f"Plan: goal must be one of {goals}, not {goal!r}")
    return Goal(goal)


class _Reader:
    """Reads one day, collecting the ways it breaks the plan format."""

    def __init__(
        self, index: int, day: date, rules: Rulebook, activities: Mapping[str, Activity]
    ) -> None:
        self.index, self.date, self.rules, self.activities = index, day, rules, activities
        self.found: list[Violation] = []

    def flag(self, text: ViolationText, **params: Any) -> None:
        self.found.append(Violation(PLAN_RULE, self.date, text.value, params))

    def regions(self, raw: Mapping[str, Any]) -> tuple[Region, ...]:
        names = raw.get("regions")
        if not isinstance(names, list | tuple) or not names:
            self.flag(ViolationText.NO_REGIONS)
            return ()
        known = {r.value for r in Region}
        for name in names:
            if not isinstance(name, str) or name not in known:
                self.flag(ViolationText.REGION, found=str(name))
        return tuple(Region(n) for n in names if isinstance(n, str) and n in known)

    def activity(
        self, raw: Mapping[str, Any], key: str, kind: ActivityKind, missing: ViolationText
    ) -> Activity | None:
        name = raw.get(key)
        if not name:
            self.flag(missing)
            return None
        activity = self.activities.get(name) if isinstance(name, str) else None
        if activity is None or activity.kind is not kind:
            unknown = ViolationText.SPORT if key == "sport" else ViolationText.CLASS_KIND
            self.flag(unknown, found=str(name))
            return None
        return activity

    def recovery(self, raw: Mapping[str, Any], key: str) -> Activity | None:
        name = raw.get(key)
        if not name:
            return None
        activity = self.activities.get(name) if isinstance(name, str) else None
        if activity is None or activity.recovery is not RecoveryKind.ACTIVE:
            self.flag(ViolationText.RECOVERY_ACTIVITY, found=str(name))
            return None
        return activity

    def minutes(self, raw: Mapping[str, Any], activity: str) -> float:
        if activity == "rest":
            return 0.0
        value = raw.get("minutes")
        if value is None:
            return float(self.rules.plan_layout.minutes)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value < math.inf
        ):
            self.flag(ViolationText.MINUTES, found=str(value))
            return float(self.rules.plan_layout.minutes)
        return float(value)

    def day(self, raw: Any) -> Day:
        if not isinstance(raw, Mapping):
            self.flag(ViolationText.DAY, number=self.index + 1)
            return Day(self.index, self.date)
        if _iso_date(raw.get("date")) != self.date:
            found = None if raw.get("date") is None else str(raw.get("date"))
            self.flag(ViolationText.DATE, number=self.index + 1, found=found, date=self.date)
        activity = raw.get("activity")
        if activity not in ACTIVITIES:
            self.flag(ViolationText.ACTIVITY, found=str(activity))
            return Day(self.index, self.date)
        intensity = raw.get("intensity")
        if intensity not in INTENSITIES[activity]:
            self.flag(_INTENSITY_TEXT[activity], found=str(intensity))
            intensity = None
        regions: tuple[Region, ...] = ()
        sport: Activity | None = None
        class_kind: Activity | None = None
        if activity == "strength":
            regions = self.regions(raw)
        elif activity == "endurance":
            sport = self.activity(raw, "sport", ActivityKind.SPORT, ViolationText.NO_SPORT)
        elif activity == "class":
            class_kind = self.activity(
                raw, "class_kind", ActivityKind.CLASS, ViolationText.NO_CLASS_KIND
            )
        elif activity == "active_recovery":
            sport, class_kind = self.recovery(raw, "sport"), self.recovery(raw, "class_kind")
        minutes = self.minutes(raw, activity)
        return Day(self.index, self.date, activity, intensity, regions, sport, class_kind, minutes)


def read_days(
    plan: Mapping[str, Any], start: date, rules: Rulebook, activities: Mapping[str, Activity]
) -> tuple[list[Day], list[Violation]]:
    """The plan's days, dated from `start`, and the ways they break the plan format."""
    raw_days = plan.get("days")
    if not isinstance(raw_days, list | tuple):
        raise InvalidInput(f"Plan: days must be a list, not {type(raw_days).__name__}")
    if len(raw_days) > MAX_DAYS:
        raise InvalidInput(f"Plan: days must be at most {MAX_DAYS} (a year), not {len(raw_days)}")
    found: list[Violation] = []
    if not raw_days or len(raw_days) % 7:
        found.append(
            Violation(PLAN_RULE, start, ViolationText.LENGTH.value, {"count": len(raw_days)})
        )
    days = []
    for index, raw in enumerate(raw_days):
        reader = _Reader(index, start + timedelta(days=index), rules, activities)
        days.append(reader.day(raw))
        found += reader.found
    return days, found
