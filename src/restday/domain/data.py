"""Domain objects from plain JSON data (a backup, later an API body), each wrong type named by path.

`read_session`, `read_checkin`, `read_reading` and `read_profile` take the shapes of `to_dict` and append a Problem
for every value of the wrong type, returning None when the object cannot be built. They check types
only; `validate` checks bounds.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from restday.domain.checkin import CheckIn
from restday.domain.muscles import Region
from restday.domain.profile import Experience, Goal, LoadMetric, Profile
from restday.domain.reading import Measure, Reading
from restday.domain.session import ExerciseEntry, Intensity, Session, SessionKind, SetEntry, SetType
from restday.domain.validate import size_problems
from restday.errors import Problem

__all__ = ["Fields", "read_checkin", "read_profile", "read_reading", "read_session"]

E = TypeVar("E", bound=StrEnum)

_MISSING = object()


class Fields:
    """The values of one JSON object at `path`; each getter appends a Problem for a wrong type."""

    def __init__(self, data: object, path: str, problems: list[Problem]) -> None:
        self.path, self.problems = path, problems
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        if not self.ok:
            self.problems.append(Problem(path, "must be an object", _kind(data)))

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self._bad(key, "is missing", None)
            return None
        return value

    def _bad(self, key: str, message: str, value: object) -> None:
        self.ok = False
        self.problems.append(Problem(f"{self.path}.{key}" if self.path else key, message, value))

    def number(self, key: str, *, required: bool = False) -> float | None:
        """A number (int or float, never a bool), or None when null or absent."""
        value = self._get(key, required)
        if value is None:
            if required and key in self.data:
                self._bad(key, "must be a number, not null", None)
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._bad(key, "must be a number", _kind(value))
            return None
        return float(value)

    def whole(self, key: str) -> int | None:
        """A whole number, or None when null or absent."""
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self._bad(key, "must be a whole number", _kind(value))
            return None
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A text, or None when null or absent."""
        value = self._get(key, required)
        if value is None:
            if required and key in self.data:
                self._bad(key, "must be a text, not null", None)
            return None
        if not isinstance(value, str):
            self._bad(key, "must be a text", _kind(value))
            return None
        return value

    def flag(self, key: str) -> bool:
        """true or false (absent is false)."""
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._bad(key, "must be true or false", _kind(value))
            return False
        return value

    def choice(self, key: str, kind: type[E], *, required: bool = False) -> E | None:
        """One of an enum's values, or None when null or absent."""
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self._bad(key, f"must be one of {allowed}", value)
            return None

    def moment(self, key: str) -> datetime | None:
        """An ISO 8601 time with its UTC offset."""
        value = self.text(key, required=True)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self._bad(key, "must be an ISO 8601 time such as 2026-11-23T18:00:00+01:00", value)
            return None
        if moment.utcoffset() is None:
            self._bad(key, "must say its UTC offset, such as +01:00", value)
            return None
        return moment

    def items(self, key: str) -> list[Any]:
        """A list (absent or null is empty)."""
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list):
            self._bad(key, "must be a list", _kind(value))
            return []
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        """An object (absent or null is empty)."""
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._bad(key, "must be an object", _kind(value))
            return {}
        return value

    def at(self, key: str, index: int | None = None) -> str:
        """The path of a value inside this object."""
        inner = f"{self.path}.{key}" if self.path else key
        return inner if index is None else f"{inner}[{index}]"


def _kind(value: object) -> object:
    """A value as an error shows it: short texts and numbers as they are, else the JSON type."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _set(data: object, path: str, problems: list[Problem]) -> SetEntry | None:
    f = Fields(data, path, problems)
    reps, seconds = f.whole("reps"), f.number("seconds")
    weight, rpe = f.number("weight_kg"), f.number("rpe")
    set_type = f.choice("set_type", SetType) or SetType.NORMAL
    return SetEntry(reps, seconds, weight, rpe, set_type) if f.ok else None


def _exercise(data: object, path: str, problems: list[Problem]) -> ExerciseEntry | None:
    f = Fields(data, path, problems)
    name, rpe = f.text("name", required=True), f.number("rpe")
    sets = [_set(s, f.at("sets", i), problems) for i, s in enumerate(f.items("sets"))]
    if not f.ok or name is None or None in sets:
        return None
    return ExerciseEntry(name, tuple(s for s in sets if s is not None), rpe=rpe)


def read_session(data: object, path: str, problems: list[Problem]) -> Session | None:
    """A session from `Session.to_dict` data."""
    f = Fields(data, path, problems)
    kind, start = f.choice("kind", SessionKind, required=True), f.moment("start")
    minutes = f.number("minutes", required=True)
    raw = f.items("exercises")
    sets = sum(
        len(e["sets"]) for e in raw if isinstance(e, dict) and isinstance(e.get("sets"), list)
    )
    too_big = size_problems(len(raw), sets, f.at("exercises"))
    if too_big:
        problems += too_big
        return None
    exercises = [_exercise(e, f.at("exercises", i), problems) for i, e in enumerate(raw)]
    session = Session(
        kind=kind or SessionKind.STRENGTH,
        start=start or datetime.min,
        minutes=minutes or 0.0,
        rpe=f.number("rpe"),
        intensity=f.choice("intensity", Intensity),
        exercises=tuple(e for e in exercises if e is not None),
        sport=f.text("sport"),
        class_kind=f.text("class_kind"),
        recovery_kind=f.text("recovery_kind"),
        distance_km=f.number("distance_km"),
        avg_hr_bpm=f.number("avg_hr_bpm"),
        max_hr_bpm=f.number("max_hr_bpm"),
    )
    return session if f.ok and None not in exercises else None


def read_checkin(data: object, path: str, problems: list[Problem]) -> CheckIn | None:
    """A check-in from `CheckIn.to_dict` data."""
    f = Fields(data, path, problems)
    soreness: dict[Region, int] = {}
    for name, level in f.mapping("soreness").items():
        region = _region(name, f.at("soreness"), problems)
        if region is not None and (isinstance(level, bool) or not isinstance(level, int)):
            problems.append(Problem(f"{f.at('soreness')}.{name}", "must be 0 to 3", _kind(level)))
        elif region is not None:
            soreness[region] = level
    injuries = [
        _region(r, f.at("injuries", i), problems) for i, r in enumerate(f.items("injuries"))
    ]
    checkin = CheckIn(
        at=f.moment("at") or datetime.min,
        sleep_h=f.number("sleep_h"),
        sleep_quality=f.whole("sleep_quality"),
        soreness=soreness,
        fatigue=f.whole("fatigue"),
        motivation=f.whole("motivation"),
        irritable=f.flag("irritable"),
        injuries=frozenset(r for r in injuries if r is not None),
        resting_hr_bpm=f.whole("resting_hr_bpm"),
        hrv_ms=f.number("hrv_ms"),
    )
    fine = f.ok and None not in injuries and len(soreness) == len(f.mapping("soreness"))
    return checkin if fine else None


def read_reading(data: object, path: str, problems: list[Problem]) -> Reading | None:
    """A reading from `Reading.to_dict` data."""
    f = Fields(data, path, problems)
    measure = f.choice("measure", Measure, required=True)
    at = f.moment("at")
    start = f.moment("start") if f.data.get("start") is not None else None
    value = f.number("value", required=True)
    source, method = f.text("source", required=True), f.text("method") or ""
    if not f.ok or measure is None or at is None or value is None or source is None:
        return None
    return Reading(measure, at, value, source, method, start)


def _region(name: object, path: str, problems: list[Problem]) -> Region | None:
    try:
        return Region(name) if isinstance(name, str) else Region("")
    except ValueError:
        allowed = ", ".join(r.value for r in Region)
        problems.append(Problem(path, f"must be a region: {allowed}", _kind(name)))
        return None


def read_profile(data: object, path: str, problems: list[Problem]) -> Profile | None:
    """A profile from `Profile.to_dict` data (absent values take the defaults)."""
    f = Fields(data, path, problems)
    default = Profile()
    timezone = f.text("timezone")
    profile = Profile(
        goal=f.choice("goal", Goal) or default.goal,
        experience=f.choice("experience", Experience) or default.experience,
        timezone=default.timezone if timezone is None else timezone,
        body_mass_kg=f.number("body_mass_kg"),
        lang=f.text("lang"),
        resting_hr_bpm=f.number("resting_hr_bpm"),
        max_hr_bpm=f.number("max_hr_bpm"),
        load_metric=f.choice("load_metric", LoadMetric) or default.load_metric,
    )
    return profile if f.ok else None
