"""A plan read from a file or an upload, and a plan as a calendar, for `plan --check` and the web."""

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from restday.errors import InvalidInput
from restday.rules import default_rulebook
from restday.service.planning import parse_plan, plan_calendar, read_plan, template


def test_a_plan_reads_from_text_bytes_and_a_file_alike(tmp_path):
    text = '{"start": "2026-11-30", "days": []}'
    path = tmp_path / "week.json"
    path.write_text(text)
    assert parse_plan(text, "x") == parse_plan(text.encode(), "x") == read_plan(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\xff\xfe{", "'utf-8' codec can't decode byte 0xff"),
        ("{not json", "Expecting property name"),
        ('{"start": "2026-11-30"}', "no start and days"),
        ("[1, 2]", "no start and days"),
    ],
)
def test_what_is_not_a_plan_is_one_error_naming_the_upload(content, problem):
    with pytest.raises(InvalidInput) as caught:
        parse_plan(content, "upload.json")
    assert str(caught.value).startswith("upload.json: not a plan JSON file (")
    assert problem in str(caught.value)


def test_a_missing_plan_file_is_named(tmp_path):
    with pytest.raises(InvalidInput, match=r"nothere\.json: not a plan JSON file \(.*No such file"):
        read_plan(tmp_path / "nothere.json")


def test_a_plan_calendar_puts_sessions_at_the_rulebooks_hour():
    rules = default_rulebook()
    week = template("strength-split", date(2026, 11, 30), rules)
    ics = plan_calendar(
        week,
        rules,
        tz="Europe/Amsterdam",
        now=datetime(2026, 11, 29, tzinfo=UTC),
        name="Plan",
        describe=lambda day: (day["activity"], ""),
    )
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == 7
    timed = [e.decoded("dtstart") for e in events if isinstance(e.decoded("dtstart"), datetime)]
    assert timed and {t.hour for t in timed} == {rules.plan_layout.hour}
