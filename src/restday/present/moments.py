"""Moments as the contract writes them: ISO 8601 in the person's zone."""

from datetime import datetime, tzinfo

__all__ = ["iso"]


def iso(moment: datetime | None, tz: tzinfo) -> str | None:
    """`moment` in ISO 8601 in the zone `tz`, or None."""
    return moment.astimezone(tz).isoformat() if moment else None
