"""Parse what a person types (times, set specs, soreness) into domain values, or say what is wrong."""

import math
import re
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from restday.domain import WEEKDAYS, Region, SetEntry
from restday.domain.bounds import RANGES
from restday.domain.session import LB_IN_KG
from restday.domain.validate import clock_change
from restday.errors import InvalidInput

__all__ = [
    "parse_available",
    "parse_names",
    "parse_region",
    "parse_sets",
    "parse_soreness",
    "parse_time",
    "twice_note",
]

SETS_IN_SPEC_MAX = 100
SETS_RE = re.compile(
    r"^(?P<sets>\d+)\s*[x×]\s*(?P<count>\d+)(?P<seconds>s)?"
    r"(?:\s*@\s*(?P<weight>\d+(?:[.,]\d+)?)\s*(?P<unit>kg|kgs|lb|lbs))?$",
    re.IGNORECASE,
)


def parse_time(text: str, tz: tzinfo) -> datetime:
    """An ISO 8601 time; without a zone it is read in `tz`, where it must exist (not in the hour
    the clocks skip). See `twice_note` for a time that happens twice."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f'Invalid time "{text}": use ISO 8601, e.g. 2026-11-24T18:00 or 2026-11-24T18:00+01:00'
        ) from None
    if moment.tzinfo is not None:
        return moment
    local = moment.replace(tzinfo=tz)
    if clock_change(local) == "skipped":
        raise InvalidInput(
            f'Invalid time "{text}": it does not exist in {tz} (the clocks go forward then); '
            "give a time outside that hour, or with its UTC offset"
        )
    return local


def twice_note(moment: datetime) -> str | None:
    """For a time read in a zone (not given with its offset) that happens twice as the clocks go
    back: which of the two it is."""
    if not isinstance(moment.tzinfo, ZoneInfo) or clock_change(moment) != "twice":
        return None
    first = moment.replace(fold=0)
    return (
        f"{moment:%Y-%m-%dT%H:%M} happens twice in {moment.tzinfo} (the clocks go back then); "
        f"read as the first, {first.isoformat(timespec='minutes')}"
    )


def _whole(text: str) -> int | None:
    """A whole number typed in ASCII digits, None when it has more digits than any bound allows."""
    return int(text) if len(text) <= 9 else None


def parse_sets(spec: str, label: str = "--sets") -> tuple[SetEntry, ...]:
    """`5x5@120kg`, `3x10`, `3x60s` (sets x reps or seconds, optional load in kg or lb); an error
    names the spec by `label`."""
    match = SETS_RE.match(spec.strip())
    if not match:
        raise InvalidInput(
            f'Invalid {label} "{spec}": use SETSxREPS[@WEIGHT(kg|lb)] or SETSxSECONDSs, '
            "e.g. 5x5@120kg, 3x10, 3x60s"
        )
    count, amount = _whole(match["sets"]), _whole(match["count"])
    if count is None or not 1 <= count <= SETS_IN_SPEC_MAX:
        raise InvalidInput(f'Invalid {label} "{spec}": sets must be from 1 to {SETS_IN_SPEC_MAX}')
    weight = None
    if match["weight"]:
        weight = float(match["weight"].replace(",", "."))
        if match["unit"].lower().startswith("lb"):
            weight = round(weight * LB_IN_KG, 3)
    what = "seconds" if match["seconds"] else "reps"
    checks = [(what, RANGES[f"set.{what}"].problem(math.inf if amount is None else amount))]
    if weight is not None:
        checks.append(("weight", RANGES["set.weight_kg"].problem(weight)))
    for name, problem in checks:
        if problem:
            raise InvalidInput(f'Invalid {label} "{spec}": {name} {problem}')
    reps, seconds = (None, float(amount or 0)) if match["seconds"] else (amount, None)
    return tuple(SetEntry(reps=reps, seconds=seconds, weight_kg=weight) for _ in range(count))


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
    level = level.strip()
    if not sep or not (level.isascii() and level.isdigit()) or not 0 <= int(level) <= 3:
        raise InvalidInput(f'Invalid --sore "{text}": use REGION=0-3, e.g. legs=2')
    return parse_region(region), int(level)


def parse_available(text: str | None, minutes: float) -> dict[int, float | None]:
    """`mon,tue,thu` or `mon=60,wed=30`: weekday (0 = Monday) -> free minutes; None when not free."""
    if text is None:
        return dict.fromkeys(range(7), minutes)
    free: dict[int, float | None] = dict.fromkeys(range(7))
    for part in filter(None, (p.strip().lower() for p in text.split(","))):
        name, sep, amount = part.partition("=")
        amount = amount.strip()
        if name[:3] not in WEEKDAYS or (sep and not (amount.isascii() and amount.isdigit())):
            raise InvalidInput(
                f'Invalid --available "{text}": use days like mon,tue,thu or with minutes like mon=60,wed=30'
            )
        value = float(amount) if sep else minutes
        problem = RANGES["plan.available_minutes"].problem(value)
        if problem:
            raise InvalidInput(f'Invalid --available "{text}": minutes of a day {problem}')
        free[WEEKDAYS.index(name[:3])] = value
    return free


def parse_names(text: str | None) -> tuple[str, ...]:
    """A comma-separated list of names, trimmed and lower case."""
    return tuple(n.strip().lower() for n in (text or "").split(",") if n.strip())
