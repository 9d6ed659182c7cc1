"""Parse what a person types (times, set specs, soreness) into domain values, or say what is wrong."""

import re
from datetime import datetime, tzinfo

from restday.domain import WEEKDAYS, Region, SetEntry
from restday.errors import InvalidInput

__all__ = ["check_range", "parse_region", "parse_sets", "parse_soreness", "parse_time"]

LB_IN_KG = 0.45359237
SETS_RE = re.compile(
    r"^(?P<sets>\d+)\s*[x×]\s*(?P<count>\d+)(?P<seconds>s)?"
    r"(?:\s*@\s*(?P<weight>\d+(?:[.,]\d+)?)\s*(?P<unit>kg|kgs|lb|lbs))?$",
    re.IGNORECASE,
)


def parse_time(text: str, tz: tzinfo) -> datetime:
    """An ISO 8601 time; without a zone it is read in `tz`."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f'Invalid time "{text}": use ISO 8601, e.g. 2026-11-24T18:00 or 2026-11-24T18:00+01:00'
        ) from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def parse_sets(spec: str) -> tuple[SetEntry, ...]:
    """`5x5@120kg`, `3x10`, `3x60s` (sets x reps or seconds, optional load in kg or lb)."""
    match = SETS_RE.match(spec.strip())
    if not match:
        raise InvalidInput(
            f'Invalid --sets "{spec}": use SETSxREPS[@WEIGHT(kg|lb)] or SETSxSECONDSs, '
            "e.g. 5x5@120kg, 3x10, 3x60s"
        )
    count, amount = int(match["sets"]), int(match["count"])
    if not 1 <= count <= 100 or amount < 1:
        raise InvalidInput(
            f'Invalid --sets "{spec}": sets must be 1 to 100 and reps or seconds at least 1'
        )
    weight = None
    if match["weight"]:
        weight = float(match["weight"].replace(",", "."))
        if match["unit"].lower().startswith("lb"):
            weight = round(weight * LB_IN_KG, 3)
    reps, seconds = (None, float(amount)) if match["seconds"] else (amount, None)
    return tuple(SetEntry(reps=reps, seconds=seconds, weight_kg=weight) for _ in range(count))


def check_range(name: str, value: float | None, low: float, high: float) -> None:
    """Refuse a number outside [low, high], naming the option."""
    if value is not None and not low <= value <= high:
        raise InvalidInput(f"Invalid {name} {value:g}: must be from {low:g} to {high:g}")


def parse_region(text: str) -> Region:
    """A region name (legs, arms, core, chest, back, shoulders)."""
    try:
        return Region(text.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Region)
        raise InvalidInput(f'Unknown region "{text}": choose one of {allowed}') from None


def parse_soreness(text: str) -> tuple[Region, int]:
    """`REGION=LEVEL` with a level of 0 (none) to 3 (very sore)."""
    region, sep, level = text.partition("=")
    if not sep or not level.strip().isdigit() or not 0 <= int(level) <= 3:
        raise InvalidInput(f'Invalid --sore "{text}": use REGION=0-3, e.g. legs=2')
    return parse_region(region), int(level)


def parse_available(text: str | None, minutes: float) -> dict[int, float | None]:
    """`mon,tue,thu` or `mon=60,wed=30`: weekday (0 = Monday) -> free minutes; None when not free."""
    if text is None:
        return dict.fromkeys(range(7), minutes)
    free: dict[int, float | None] = dict.fromkeys(range(7))
    for part in filter(None, (p.strip().lower() for p in text.split(","))):
        name, sep, amount = part.partition("=")
        if name[:3] not in WEEKDAYS or (sep and not amount.strip().isdigit()):
            raise InvalidInput(
                f'Invalid --available "{text}": use days like mon,tue,thu or with minutes like mon=60,wed=30'
            )
        free[WEEKDAYS.index(name[:3])] = float(amount) if sep else minutes
    return free


def parse_names(text: str | None) -> tuple[str, ...]:
    """A comma-separated list of names, trimmed and lower case."""
    return tuple(n.strip().lower() for n in (text or "").split(",") if n.strip())
