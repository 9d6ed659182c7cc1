"""What the FIT importers (activities and wellness) share: FIT's time limits and reading a
decoded value that one damaged byte may have turned into another type."""

import math
from datetime import datetime
from typing import Any

from restday.domain.bounds import LATEST_ASKED
from restday.io.track import READING_MAX

__all__ = ["FIT_MAX_TIME", "FIT_MIN_REAL_TIME", "moment", "number", "plural"]

FIT_MIN_REAL_TIME = 0x10000000
"""FIT times below this are seconds since the device was switched on, not real times (FIT spec)."""

FIT_MAX_TIME = 0xFFFFFFFF
"""FIT times are 32-bit seconds since 1989-12-31."""


def plural(count: int, word: str) -> str:
    """ "1 session", "2 sessions"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def number(value: Any, high: float = READING_MAX) -> float | None:
    """A decoded value as a number from 0 to `high`; None if missing or damaged (a list, a text,
    nan, inf, negative, absurdly large)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    found = float(value) if abs(value) <= high else math.nan
    return found if 0.0 <= found <= high else None


def moment(value: Any) -> datetime | None:
    """A decoded value as an aware datetime before 2100, None if missing or damaged."""
    if isinstance(value, datetime) and value.tzinfo is not None and value < LATEST_ASKED:
        return value
    return None
