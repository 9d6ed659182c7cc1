"""What each planned day is (training, a class, recovery) and the rest it asks of each muscle."""

from dataclasses import dataclass
from datetime import date

from restday.domain import MUSCLES_OF_REGION, REGION_OF, Goal, Muscle
from restday.engine.plancheck.context import Context
from restday.engine.plancheck.days import Day
from restday.rules import Rulebook

__all__ = [
    "Load",
    "PlanView",
    "day_loads",
    "is_class",
    "is_recovery_day",
    "is_session",
    "is_training",
]


@dataclass(frozen=True, slots=True)
class PlanView:
    """A plan as the checks read it."""

    start: date
    goal: Goal
    days: tuple[Day, ...]
    context: Context


@dataclass(frozen=True, slots=True)
class Load:
    """Hours of rest a day asks of one muscle (experience included) and the rule behind them."""

    hours: float
    rule: str


def _recovery_class(day: Day, rules: Rulebook) -> bool:
    """An easy yoga, pilates or stretching class: active recovery, not a class."""
    return (
        day.activity == "class"
        and day.intensity == "easy"
        and day.class_kind is not None
        and day.class_kind.name in rules.endurance_week.recovery_activities
    )


def is_class(day: Day, rules: Rulebook) -> bool:
    """A class day that counts for classes.streak and classes.alternate."""
    return day.activity == "class" and not _recovery_class(day, rules)


def is_training(day: Day, rules: Rulebook) -> bool:
    """A training day for endurance.week: strength, endurance or a class that is not recovery."""
    return day.activity in ("strength", "endurance") or is_class(day, rules)


def is_recovery_day(day: Day, rules: Rulebook) -> bool:
    """A rest or active-recovery day for recovery.planned (an easy recovery class included)."""
    return day.activity in ("rest", "active_recovery") or _recovery_class(day, rules)


def is_session(day: Day) -> bool:
    """A day that takes time: anything planned but rest."""
    return day.activity is not None and day.activity != "rest"


def _strength(intensity: str, muscle: Muscle, rules: Rulebook) -> Load:
    if intensity == "heavy":
        if REGION_OF[muscle].value in rules.heavy_legs.regions:
            return Load(rules.heavy_legs.hours, "rest.heavy_legs")
        heavy = rules.rest_range("rest.heavy")
        return Load((heavy.hours_min + heavy.hours_max) / 2, "rest.heavy")
    return Load(rules.rest_hours("rest.moderate").hours, "rest.moderate")


def day_loads(day: Day, rules: Rulebook, factor: float) -> dict[Muscle, Load]:
    """Per muscle, the rest this day asks; easy days, recovery and rest ask none."""
    if day.intensity is None or day.intensity == "easy":
        return {}
    loads: dict[Muscle, Load] = {}
    if day.activity == "strength":
        for region in day.regions:
            for muscle in MUSCLES_OF_REGION[region]:
                loads[muscle] = _strength(day.intensity, muscle, rules)
    activity = day.sport if day.activity == "endurance" else None
    activity = day.class_kind if day.activity == "class" else activity
    if activity is not None:
        base = rules.rest_hours("rest.moderate").hours * rules.endurance_classes.share
        for muscle in activity.secondary - activity.primary:
            loads[muscle] = Load(base * rules.secondary.share, "rest.moderate")
        for muscle in activity.primary:
            loads[muscle] = Load(base, "rest.moderate")
    return {m: Load(load.hours * factor, load.rule) for m, load in loads.items()}
