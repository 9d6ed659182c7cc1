"""What makes a session, set, check-in and profile valid: the one gate every entry path passes.

Each `*_problems` function lists every problem of a value (empty when it is valid), each naming its
field as the domain does (`minutes`, `exercises[0].sets[2].reps`); `require` raises them together as
one InvalidInput. The bounds are in `bounds`; `now` is passed in, never read from a clock.
"""

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Literal

from restday.domain.bounds import (
    EARLIEST,
    EXERCISES_MAX,
    FUTURE_DONE,
    LANGUAGES,
    LATEST_ASKED,
    RANGES,
    SETS_MAX,
    TEXT_MAX,
)
from restday.domain.checkin import CheckIn
from restday.domain.profile import Profile
from restday.domain.reading import Reading
from restday.domain.session import Session, SetEntry
from restday.errors import InvalidInput, Problem

__all__ = [
    "asked_moment_problem",
    "checkin_problems",
    "clock_change",
    "done_moment_problem",
    "number_problem",
    "profile_problems",
    "reading_problems",
    "require",
    "session_problems",
    "set_problems",
    "text_problem",
    "timezone_problem",
]


def require(problems: Iterable[Problem | None]) -> None:
    """Raise every problem at once as one InvalidInput (Nones are no problem); return if none."""
    found = [p for p in problems if p is not None]
    if found:
        raise InvalidInput(problems=found)


def number_problem(bound: str, value: object, field: str | None = None) -> Problem | None:
    """A number outside RANGES[bound] (None is allowed: a value not given)."""
    if value is None:
        return None
    message = RANGES[bound].problem(value)
    return None if message is None else Problem(field or bound.split(".")[1], message, value)


def text_problem(kind: str, text: object, field: str, *, required: bool = True) -> Problem | None:
    """A text that is missing, too long for TEXT_MAX[kind], or holds control characters."""
    if text is None and not required:
        return None
    if not isinstance(text, str):
        return Problem(field, "must be a text", text)
    if not text.strip():
        return Problem(field, "must not be empty", text) if required else None
    if len(text) > TEXT_MAX[kind]:
        return Problem(field, f"must be at most {TEXT_MAX[kind]:,} characters long", text)
    if (_UNPRINTABLE if kind in MULTILINE else _NOT_ONE_LINE).search(text):
        escaped = text.encode("unicode_escape").decode("ascii")
        return Problem(field, "must not hold control characters or line breaks", escaped)
    return None


# Unicode's control characters (category Cc) and lone surrogates (not UTF-8); texts of MULTILINE
# kinds may hold tabs and line breaks, names may not.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
MULTILINE = frozenset({"notes"})


def done_moment_problem(moment: object, field: str, now: datetime) -> Problem | None:
    """A moment something was done: with a zone, from 1970 to a few days after `now`."""
    if not isinstance(moment, datetime):
        return Problem(field, "must be a date and time", moment)
    if moment.utcoffset() is None:
        return Problem(field, "must say its time zone or UTC offset", moment.isoformat())
    latest = now + FUTURE_DONE
    if not EARLIEST <= moment <= latest:
        return Problem(
            field,
            f"must be from {EARLIEST:%Y-%m-%d} to {latest:%Y-%m-%d}"
            f" (at most {FUTURE_DONE.days} days after now)",
            moment.isoformat(),
        )
    return None


def clock_change(local: datetime) -> Literal["skipped", "twice"] | None:
    """Whether a wall time read in its zone (`local.tzinfo`) is one the clocks skip as they go
    forward, or pass twice as they go back; None for an ordinary time (or one near year 1 or 9999,
    which the bounds refuse)."""
    try:
        if local.replace(fold=1).utcoffset() == local.replace(fold=0).utcoffset():
            return None
        back = local.astimezone(UTC).astimezone(local.tzinfo).replace(tzinfo=None)
    except OverflowError:
        return None
    return "skipped" if back != local.replace(tzinfo=None) else "twice"


def asked_moment_problem(moment: datetime, field: str) -> Problem | None:
    """A moment asked about (a report's --at, a plan's start): from 1970 to 2099."""
    if moment.utcoffset() is None:
        return Problem(field, "must say its time zone or UTC offset", moment.isoformat())
    if not EARLIEST <= moment < LATEST_ASKED:
        return Problem(
            field,
            f"must be from {EARLIEST:%Y-%m-%d} to {LATEST_ASKED - timedelta(days=1):%Y-%m-%d}",
            moment.isoformat(),
        )
    return None


def set_problems(entry: SetEntry, field: str) -> list[Problem]:
    """What is wrong with one set."""
    found = [
        number_problem("set.reps", entry.reps, f"{field}.reps"),
        number_problem("set.seconds", entry.seconds, f"{field}.seconds"),
        number_problem("set.weight_kg", entry.weight_kg, f"{field}.weight_kg"),
        number_problem("set.rpe", entry.rpe, f"{field}.rpe"),
    ]
    return [p for p in found if p is not None]


def size_problems(exercises: int, sets: int, field: str = "exercises") -> list[Problem]:
    """A session over the size bounds: more than EXERCISES_MAX exercises or SETS_MAX sets in all.
    Readers check it on the counts first: reading a million sets takes minutes."""
    found = []
    if exercises > EXERCISES_MAX:
        found.append(Problem(field, f"a session holds at most {EXERCISES_MAX} exercises", None))
    if sets > SETS_MAX:
        found.append(Problem(field, f"a session holds at most {SETS_MAX:,} sets", None))
    return found


def session_problems(
    session: Session, *, now: datetime, valid_sets: set[int] | None = None
) -> list[Problem]:
    """Every problem of a session and its exercises and sets (empty when it is valid).

    `valid_sets` holds the ids of set objects found valid before: an importer shares one object
    among equal sets, so a caller checking many sessions whose sets stay alive passes one set
    and each distinct set is checked once."""
    found = [
        done_moment_problem(session.start, "start", now),
        number_problem("session.minutes", session.minutes),
        number_problem("session.rpe", session.rpe),
        number_problem("session.distance_km", session.distance_km),
        number_problem("session.avg_hr_bpm", session.avg_hr_bpm),
        number_problem("session.max_hr_bpm", session.max_hr_bpm),
        text_problem("activity", session.sport, "sport", required=False),
        text_problem("activity", session.class_kind, "class_kind", required=False),
        text_problem("activity", session.recovery_kind, "recovery_kind", required=False),
    ]
    found += size_problems(len(session.exercises), sum(len(e.sets) for e in session.exercises))
    valid = set() if valid_sets is None else valid_sets
    for i, exercise in enumerate(session.exercises):
        field = f"exercises[{i}]"
        found += [
            text_problem("exercise", exercise.name, f"{field}.name"),
            number_problem("set.rpe", exercise.rpe, f"{field}.rpe"),
        ]
        for j, entry in enumerate(exercise.sets):
            if id(entry) not in valid:
                problems = set_problems(entry, f"{field}.sets[{j}]")
                if problems:
                    found += problems
                else:
                    valid.add(id(entry))
    return [p for p in found if p is not None]


def checkin_problems(checkin: CheckIn, *, now: datetime) -> list[Problem]:
    """Every problem of a check-in (empty when it is valid)."""
    found = [
        done_moment_problem(checkin.at, "at", now),
        number_problem("checkin.sleep_h", checkin.sleep_h),
        number_problem("checkin.sleep_quality", checkin.sleep_quality),
        number_problem("checkin.fatigue", checkin.fatigue),
        number_problem("checkin.motivation", checkin.motivation),
        number_problem("checkin.resting_hr_bpm", checkin.resting_hr_bpm),
        number_problem("checkin.hrv_ms", checkin.hrv_ms),
    ]
    found += [
        number_problem("checkin.soreness", level, f"soreness.{region}")
        for region, level in sorted(checkin.soreness.items())
    ]
    return [p for p in found if p is not None]


def reading_problems(reading: Reading, *, now: datetime) -> list[Problem]:
    """Every problem of a device reading (empty when it is valid); its value is `value`."""
    found = [
        done_moment_problem(reading.at, "at", now),
        number_problem(f"reading.{reading.measure.value}", reading.value, "value"),
        text_problem("source", reading.source, "source"),
        text_problem("method", reading.method, "method", required=False),
    ]
    if reading.start is not None:
        found.append(done_moment_problem(reading.start, "start", now))
        if not found[-1] and isinstance(reading.at, datetime) and reading.start > reading.at:
            found.append(Problem("start", "must not be after the end", reading.start.isoformat()))
    return [p for p in found if p is not None]


def profile_problems(profile: Profile) -> list[Problem]:
    """Every problem of a profile (empty when it is valid)."""
    found = [
        number_problem("profile.body_mass_kg", profile.body_mass_kg),
        number_problem("profile.resting_hr_bpm", profile.resting_hr_bpm),
        number_problem("profile.max_hr_bpm", profile.max_hr_bpm),
        timezone_problem(profile.timezone, "timezone"),
    ]
    if profile.lang is not None and profile.lang not in LANGUAGES:
        found.append(Problem("lang", f"must be one of {', '.join(LANGUAGES)}", profile.lang))
    rest, peak = profile.resting_hr_bpm, profile.max_hr_bpm
    valid = not [p for p in found if p is not None]
    if valid and rest is not None and peak is not None and rest >= peak:
        found.append(
            Problem("resting_hr_bpm", f"must be below the maximum heart rate of {peak:g}", rest)
        )
    return [p for p in found if p is not None]


def timezone_problem(name: object, field: str) -> Problem | None:
    """A name that is not an IANA time zone such as Europe/Amsterdam."""
    if isinstance(name, str) and name in _timezones():
        return None
    return Problem(field, "must be an IANA time zone such as Europe/Amsterdam", name)


@cache
def _timezones() -> frozenset[str]:
    from zoneinfo import available_timezones

    # "localtime" follows whatever machine reads it, and "Factory" is tzdata's placeholder.
    return frozenset(available_timezones() - {"localtime", "Factory", "posixrules"})
