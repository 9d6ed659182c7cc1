"""The history as an iCalendar file, the same for `restday export ics` and the web's download."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from restday import service
from restday.errors import InvalidInput
from restday.service.calendar import history_calendar
from tests.factories import MONDAY, SQUAT, endurance, exercise, sets, strength
from tests.service.conftest import db

__all__ = ["db"]

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def squats(start):
    return strength(start, exercise(SQUAT, *sets(5, 5, 120), name="Squat (Barbell)"), rpe=8)


def describe(session):
    return f"{session.kind.value} #{session.id}", f"{session.minutes:g} min"


def test_every_session_is_one_event_in_the_profiles_zone(db):
    service.update_profile(db, user="me", timezone="Europe/Amsterdam")
    service.log_session(db, squats(MONDAY), NOW, user="me")
    service.log_session(db, endurance(MONDAY.replace(day=25)), NOW, user="me")
    service.log_session(db, squats(MONDAY), NOW, user="someone else")
    text, count = history_calendar(db, user="me", now=NOW, name="History", describe=describe)
    events = Calendar.from_ical(text).walk("VEVENT")
    assert count == len(events) == 2
    assert [str(e["summary"]) for e in events] == ["strength #1", "endurance #2"]
    start = events[0].decoded("dtstart")
    assert (str(start.tzinfo), start.hour) == ("Europe/Amsterdam", 19)


def test_no_sessions_is_one_clear_error(db):
    with pytest.raises(InvalidInput, match="no logged sessions"):
        history_calendar(db, user="me", now=NOW, name="History", describe=describe)
