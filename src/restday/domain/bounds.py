"""What restday accepts: every bound on a value a person types, imports or restores, in one place.

`docs/input.md` shows these tables; a test keeps the two equal. The store's column lengths come
from `TEXT_MAX` too, so a text that passes here always fits its column on PostgreSQL.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

__all__ = [
    "EARLIEST",
    "EXERCISES_MAX",
    "FUTURE_DONE",
    "ID_MAX",
    "LANGUAGES",
    "LATEST_ASKED",
    "RANGES",
    "SETS_MAX",
    "TEXT_MAX",
    "Range",
]

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
"""Nothing was trained, checked in or asked about before this (no device records earlier)."""

FUTURE_DONE = timedelta(days=3)
"""A session or check-in may start at most this long after now (a clock or a zone that is off)."""

LATEST_ASKED = datetime(2100, 1, 1, tzinfo=UTC)
"""A moment asked about (`--at`, a plan's first day) lies before this."""

ID_MAX = 2**31 - 1
"""The largest id a record can have (a PostgreSQL integer)."""

SETS_MAX = 2000
"""Sets in one session, at most."""

EXERCISES_MAX = 200
"""Exercises in one session, at most."""

LANGUAGES = ("en", "nl")
"""The languages restday speaks."""

TEXT_MAX = {
    "exercise": 200,
    "activity": 64,
    "source": 32,
    "method": 100,
    "fingerprint": 128,
    "exercise_id": 100,
    "timezone": 64,
    "lang": 16,
    "user": 100,
    "notes": 10_000,
}
"""The longest text of each kind, in characters (and the store's column lengths)."""


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Range:
    """The numbers a value may take: `low` to `high` (above `low` if `above`), whole if `whole`."""

    low: float
    high: float
    unit: str = ""
    whole: bool = False
    above: bool = False

    @property
    def words(self) -> str:
        """What is allowed, in words: "a whole number from 1 to 1,000"."""
        kind = "a whole number" if self.whole else "a number"
        unit = f" {self.unit}" if self.unit else ""
        if self.above:
            return f"{kind} above {_number(self.low)} and at most {_number(self.high)}{unit}"
        return f"{kind} from {_number(self.low)} to {_number(self.high)}{unit}"

    def problem(self, value: object) -> str | None:
        """What is wrong with `value`, or None when it is allowed."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"must be {self.words}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"must be {self.words}"
        if self.whole and value != int(value):
            return f"must be {self.words}"
        if value > self.high or value < self.low or (self.above and value == self.low):
            return f"must be {self.words}"
        return None


RANGES: dict[str, Range] = {
    "session.minutes": Range(0, 1440, "min", above=True),
    "session.rpe": Range(1, 10),
    "session.distance_km": Range(0, 1000, "km"),
    "session.avg_hr_bpm": Range(20, 250, "bpm"),
    "session.max_hr_bpm": Range(20, 250, "bpm"),
    "set.reps": Range(1, 10_000, whole=True),
    "set.seconds": Range(0, 86400, "s", above=True),
    "set.weight_kg": Range(0, 1000, "kg"),
    "set.rpe": Range(1, 10),
    "checkin.sleep_h": Range(0, 24, "h"),
    "checkin.sleep_quality": Range(1, 5, whole=True),
    "checkin.soreness": Range(0, 3, whole=True),
    "checkin.fatigue": Range(1, 5, whole=True),
    "checkin.motivation": Range(1, 5, whole=True),
    "checkin.resting_hr_bpm": Range(20, 150, "bpm", whole=True),
    "checkin.hrv_ms": Range(1, 500, "ms"),
    "profile.body_mass_kg": Range(20, 400, "kg"),
    "reading.sleep_h": Range(0, 24, "h", above=True),
    "reading.resting_hr_bpm": Range(20, 150, "bpm"),
    "reading.hrv_sdnn_ms": Range(1, 500, "ms"),
    "reading.hrv_rmssd_ms": Range(1, 500, "ms"),
    "reading.body_mass_kg": Range(20, 400, "kg"),
    "profile.resting_hr_bpm": Range(20, 150, "bpm"),
    "profile.max_hr_bpm": Range(80, 250, "bpm"),
    "today.minutes": Range(1, 1440, "min"),
    "load.days": Range(1, 36500, whole=True),
    "checkins.days": Range(1, 36500, whole=True),
    "history.limit": Range(1, 500, whole=True),
    "plan.weeks": Range(1, 4, whole=True),
    "plan.sessions": Range(1, 7, whole=True),
    "plan.minutes": Range(10, 600, "min"),
    "plan.available_minutes": Range(0, 1440, "min"),
    "plan.max_classes_in_row": Range(1, 4, whole=True),
}
"""Each number's range, by record and field."""
