"""iCalendar (RFC 5545) files of a plan and of the logged history, for any calendar app.

A plan gives one event per day: a training or active-recovery day is a timed event at the plan's
hour in the profile's time zone (with its VTIMEZONE), a rest day an all-day event. The history
gives one timed event per logged session. UIDs are stable (a plan day by its date, a session by its
stored id), and SEQUENCE grows with the export time, so importing a new export updates events
instead of duplicating them. Summaries and descriptions come from the caller, already translated.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from restday.domain import Session
from restday.errors import InvalidInput

__all__ = [
    "PRODID",
    "RECOVERY_MINUTES",
    "SESSION_MINUTES",
    "history_to_ics",
    "plan_to_ics",
    "plan_uid",
    "session_uid",
]

PRODID = "-//restday//restday//EN"
SESSION_MINUTES = 60  # a planned training day without minutes
RECOVERY_MINUTES = 30  # a planned active-recovery day without minutes

# SEQUENCE is seconds since this moment: it grows with every export and stays within the 32-bit
# integer some calendar apps store it in until 2088 (plain Unix seconds would overflow in 2038).
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def plan_uid(day: date) -> str:
    """The UID of a plan's event on `day`: the same for every plan, so a re-plan replaces it."""
    return f"restday-plan-{day.isoformat()}@restday"


def session_uid(session: Session) -> str:
    """The UID of a stored session's event."""
    if session.id is None:
        raise ValueError("only a stored session (with an id) has a stable calendar UID")
    return f"restday-session-{session.id}@restday"


def plan_to_ics(
    plan: Mapping[str, Any],
    tz: str,
    *,
    hour: int,
    stamp: datetime,
    name: str,
    describe: Callable[[Mapping[str, Any]], tuple[str, str]],
) -> bytes:
    """The plan (docs/planning.md format) as an iCalendar file: one event per day, at `hour` in `tz`."""
    zone = _zone(tz)
    if not 0 <= hour <= 23:
        raise InvalidInput(f"The hour of planned sessions must be 0 to 23, not {hour}.")
    sequence = _sequence(stamp)
    calendar = _calendar(name, tz)
    seen: set[date] = set()
    timed: list[date] = []
    for number, day in enumerate(plan.get("days") or (), start=1):
        when = _day_date(day, number)
        if when in seen:
            raise InvalidInput(f"The plan has more than one day on {when.isoformat()}.")
        seen.add(when)
        summary, description = describe(day)
        event = _event(plan_uid(when), summary, description, stamp, sequence)
        if day.get("activity") == "rest":
            event.add("dtstart", when)
            event.add("dtend", when + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            default = RECOVERY_MINUTES if day.get("activity") == "active_recovery" else None
            start = _local(datetime.combine(when, time(hour), tzinfo=zone), zone)
            _add_times(event, start, _day_minutes(day, number, default), zone)
            timed.append(when)
        calendar.add_component(event)
    if not seen:
        raise InvalidInput("The plan has no days to put in a calendar.")
    return _finish(calendar, timed)


def history_to_ics(
    sessions: Sequence[Session],
    tz: str,
    *,
    stamp: datetime,
    name: str,
    describe: Callable[[Session], tuple[str, str]],
) -> bytes:
    """The logged sessions as an iCalendar file: one timed event per session, shown in `tz`."""
    zone = _zone(tz)
    if not sessions:
        raise InvalidInput("There are no logged sessions to put in a calendar.")
    sequence = _sequence(stamp)
    calendar = _calendar(name, tz)
    timed: list[date] = []
    for session in sorted(sessions, key=lambda s: (_aware(s.start, zone), s.id or 0)):
        summary, description = describe(session)
        event = _event(session_uid(session), summary, description, stamp, sequence)
        start = _local(_aware(session.start, zone), zone)
        _add_times(event, start, max(float(session.minutes), 0.0), zone)
        calendar.add_component(event)
        timed.append(start.date())
    return _finish(calendar, timed)


def _zone(tz: str) -> ZoneInfo:
    """The IANA time zone named `tz`, or InvalidInput."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput(
            f'Unknown time zone "{tz}": use an IANA name such as Europe/Amsterdam'
        ) from None


def _sequence(stamp: datetime) -> int:
    """SEQUENCE for an export made at `stamp`: later exports get higher numbers."""
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("the export stamp must be timezone-aware")
    return max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds()))


def _calendar(name: str, tz: str) -> Calendar:
    """An empty calendar with our PRODID, its display name and its default time zone."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz)
    return calendar


def _event(uid: str, summary: str, description: str, stamp: datetime, sequence: int) -> Event:
    """An event with its identity, export stamp (UTC) and texts; times are added by the caller."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", sequence)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    return event


def _add_times(event: Event, start: datetime, minutes: float, zone: ZoneInfo) -> None:
    """DTSTART and DTEND of a timed event, `minutes` of elapsed time apart (across DST changes)."""
    end = (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(zone)
    event.add("dtstart", start)
    event.add("dtend", end)


def _finish(calendar: Calendar, timed: list[date]) -> bytes:
    """The calendar with the VTIMEZONE its timed events need, as CRLF-terminated bytes."""
    if timed:
        first, last = min(timed), max(timed)
        calendar.add_missing_timezones(
            first_date=date(first.year - 1, 12, 1), last_date=date(last.year + 1, 2, 1)
        )
    ical: bytes = calendar.to_ical()
    return ical


def _aware(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment`, read as local time in `zone` when it has no time zone of its own."""
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=zone)


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` as a real local time in `zone` (a time in a DST gap moves to after it)."""
    return moment.astimezone(UTC).astimezone(zone)


def _day_date(day: Mapping[str, Any], number: int) -> date:
    """The date of a plan day (ISO text or a date)."""
    value = day.get("date")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"Plan day {number}: {value!r} is not a date (YYYY-MM-DD).") from None


def _day_minutes(day: Mapping[str, Any], number: int, default: int | None) -> float:
    """How long a planned session lasts: its minutes, or the default for its activity."""
    value = day.get("minutes")
    if value is None or value == 0:
        return float(default if default is not None else SESSION_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise InvalidInput(f"Plan day {number}: minutes must be a positive number, not {value!r}.")
    return float(value)
