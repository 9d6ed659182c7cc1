"""The optional `context` of a plan: time zone, experience, free minutes, focus, sports, history."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from restday.domain import WEEKDAYS, Activity, ActivityKind, Experience, Muscle, Region
from restday.errors import InvalidInput
from restday.rules import Rulebook

__all__ = ["Context", "History", "read_context"]


@dataclass(frozen=True, slots=True)
class History:
    """What happened before the plan starts."""

    ready_at: dict[Muscle, datetime]
    training_days_before: int
    classes_before: int
    last_class_kind: Activity | None  # the class of the day before the plan, if any
    last_hard_endurance_day: date | None


@dataclass(frozen=True, slots=True)
class Context:
    """The person the plan is for; without a context every day has the plan's minutes free."""

    tz: ZoneInfo
    experience: Experience
    free_min: tuple[float | None, ...]  # per weekday (Monday first); None: not available
    focus: tuple[Region, ...]
    sports: tuple[str, ...]
    max_classes_in_row: int
    history: History


def _bad(key: str, problem: str) -> InvalidInput:
    return InvalidInput(f"Plan context: {key} {problem}")


def _mapping(value: Any, key: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _bad(key, "must be an object")
    return value


def _count(value: Any, key: str, default: int = 0, minimum: int = 0) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _bad(key, f"must be a whole number of at least {minimum}, not {value!r}")
    return value


def _names(value: Any, key: str) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _bad(key, f"must be a list of names, not {value!r}")
    return list(value)


def _zone(value: Any) -> ZoneInfo:
    if value is None:
        return ZoneInfo("UTC")
    try:
        return ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise _bad("timezone", f"{value!r} is not an IANA time zone") from None


def _choice(value: Any, key: str, allowed: list[str]) -> str:
    if value not in allowed:
        raise _bad(key, f"must be one of {', '.join(allowed)}, not {value!r}")
    return str(value)


def _free_min(value: Any, default_min: float) -> tuple[float | None, ...]:
    if value is None:
        return (default_min,) * len(WEEKDAYS)
    available = _mapping(value, "available")
    unknown = sorted(set(available) - set(WEEKDAYS))
    if unknown:
        raise _bad("available", f"has {unknown[0]!r}; use {', '.join(WEEKDAYS)}")
    free: list[float | None] = []
    for weekday in WEEKDAYS:
        minutes = available.get(weekday)
        if minutes is not None and (
            isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes < 0
        ):
            raise _bad(f"available.{weekday}", f"must be minutes or null, not {minutes!r}")
        free.append(float(minutes) if minutes else None)
    return tuple(free)


def _moment(value: Any, key: str, tz: ZoneInfo) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise _bad(key, f"must be an ISO 8601 time, not {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _day(value: Any, key: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(key, f"must be an ISO 8601 date or null, not {value!r}") from None


def _history(value: Any, tz: ZoneInfo, activities: Mapping[str, Activity]) -> History:
    data = _mapping(value, "history")
    ready_at = {}
    for name, moment in _mapping(data.get("ready_at"), "history.ready_at").items():
        muscle = _choice(name, "history.ready_at", [m.value for m in Muscle])
        ready_at[Muscle(muscle)] = _moment(moment, f"history.ready_at.{name}", tz)
    last_kind = data.get("last_class_kind")
    classes = sorted(n for n, a in activities.items() if a.kind is ActivityKind.CLASS)
    return History(
        ready_at=ready_at,
        training_days_before=_count(data.get("training_days_before"), "training_days_before"),
        classes_before=_count(data.get("classes_before"), "classes_before"),
        last_class_kind=(
            None
            if last_kind is None
            else activities[_choice(last_kind, "history.last_class_kind", classes)]
        ),
        last_hard_endurance_day=_day(
            data.get("last_hard_endurance_day"), "history.last_hard_endurance_day"
        ),
    )


def read_context(value: Any, rules: Rulebook, activities: Mapping[str, Activity]) -> Context:
    """The plan's context with defaults filled in; InvalidInput names a value of the wrong kind."""
    data = _mapping(value, "context")
    tz = _zone(data.get("timezone"))
    experience = data.get("experience", Experience.INTERMEDIATE.value)
    regions = [r.value for r in Region]
    focus = data.get("focus")
    streak = rules.class_streak
    in_row = _count(data.get("max_classes_in_row"), "max_classes_in_row", streak.min_in_row, 1)
    return Context(
        tz=tz,
        experience=Experience(_choice(experience, "experience", [e.value for e in Experience])),
        free_min=_free_min(data.get("available"), rules.plan_layout.minutes),
        focus=tuple(
            Region(_choice(r, "focus", regions))
            for r in (rules.frequency.regions if focus is None else _names(focus, "focus"))
        ),
        sports=tuple(_names(data.get("sports", []), "sports")),
        max_classes_in_row=min(in_row, streak.max_in_row),
        history=_history(data.get("history"), tz, activities),
    )
