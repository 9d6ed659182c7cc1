"""Moments as the contract writes them (ISO 8601 in the person's zone) and as a table shows them."""

from datetime import datetime, timedelta, tzinfo

from restday.locales import Translator

__all__ = ["iso", "short_when"]

# A moment this close to the one asked about is named by its weekday and time, else by its date.
_NEAR = timedelta(days=6)


def iso(moment: datetime | None, tz: tzinfo) -> str | None:
    """`moment` in ISO 8601 in the zone `tz`, or None."""
    return moment.astimezone(tz).isoformat() if moment else None


def short_when(moment: datetime, at: datetime, t: Translator) -> str:
    """`moment` in short, seen from `at`: "Tue 17:00" within six days, "3 Dec 17:00" further
    ahead, "28 Jul" further back, "Jul 2025" in another year."""
    from babel.dates import format_datetime

    if abs(moment - at) < _NEAR:
        pattern = "EEE HH:mm"
    elif moment > at:
        pattern = "d MMM HH:mm"
    elif moment.astimezone(t.tz).year == at.astimezone(t.tz).year:
        pattern = "d MMM"
    else:
        pattern = "MMM y"
    return format_datetime(moment, pattern, tzinfo=t.tz, locale=t.lang)
