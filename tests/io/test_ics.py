"""Calendar export: plans and history as iCalendar files, checked by parsing them back."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from restday.domain import Session, SessionKind
from restday.errors import InvalidInput
from restday.io.ics import PRODID, history_to_ics, plan_to_ics
from tests.factories import class_, endurance, strength

AMSTERDAM = "Europe/Amsterdam"
STAMP = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
LATER = STAMP + timedelta(days=2, hours=3)


def day(when: str, activity: str, minutes: int | None = None, **fields: object) -> dict:
    intensity = None if activity == "rest" else "easy" if activity == "active_recovery" else "heavy"
    rules = ["recovery.planned"] if activity in ("rest", "active_recovery") else ["rest.heavy"]
    return {
        "date": when,
        "activity": activity,
        "intensity": intensity,
        "regions": ["legs"] if activity == "strength" else [],
        "muscles": [],
        "sport": "run" if activity == "endurance" else None,
        "class_kind": "spinning" if activity == "class" else None,
        "minutes": minutes,
        "rules": rules,
        **fields,
    }


def week(start: date) -> dict:
    """A week of every kind of day, from `start`."""
    kinds = [
        ("strength", 75),
        ("endurance", 45),
        ("rest", None),
        ("class", None),
        ("active_recovery", None),
        ("strength", None),
        ("rest", None),
    ]
    days = [
        day((start + timedelta(days=i)).isoformat(), activity, minutes)
        for i, (activity, minutes) in enumerate(kinds)
    ]
    return {
        "start": start.isoformat(),
        "goal": "hybrid",
        "days": days,
        "violations": [],
        "notes": [],
    }


WINTER = week(date(2025, 1, 6))  # CET, UTC+1
SUMMER = week(date(2025, 7, 7))  # CEST, UTC+2


def describe_day(d) -> tuple[str, str]:
    minutes = d["minutes"] if d["minutes"] is not None else "-"
    return (
        f"restday: {d['activity']}",
        f"{d['activity']}, {minutes} min\nbecause: {', '.join(d['rules'])}",
    )


def describe_session(s: Session) -> tuple[str, str]:
    return f"restday: {s.kind.value}", f"{s.kind.value}, {s.minutes:g} min"


def export_plan(
    plan=WINTER, *, tz=AMSTERDAM, hour=18, stamp=STAMP, name="restday plan", describe=describe_day
):
    return plan_to_ics(plan, tz, hour=hour, stamp=stamp, name=name, describe=describe)


def export_history(
    sessions, *, tz=AMSTERDAM, stamp=STAMP, name="restday history", describe=describe_session
):
    return history_to_ics(sessions, tz, stamp=stamp, name=name, describe=describe)


def events(ics: bytes) -> list[Event]:
    return Calendar.from_ical(ics).events


def by_date(ics: bytes) -> dict[date, Event]:
    found = {}
    for event in events(ics):
        start = event.decoded("dtstart")
        found[start.date() if isinstance(start, datetime) else start] = event
    return found


def raw_lines(ics: bytes, uid: str) -> list[bytes]:
    """The unfolded content lines of the event with `uid`."""
    text = ics.replace(b"\r\n ", b"")
    event = text.split(b"UID:" + uid.encode())[0].rsplit(b"BEGIN:VEVENT", 1)[1]
    after = text.split(b"UID:" + uid.encode())[1].split(b"END:VEVENT")[0]
    return (event + after).split(b"\r\n")


# --- the calendar as a whole ---------------------------------------------------------------------


def test_calendar_has_prodid_version_scale_and_name():
    cal = Calendar.from_ical(export_plan(name="Mijn schema"))

    assert str(cal["PRODID"]) == PRODID == "-//restday//restday//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["X-WR-CALNAME"]) == "Mijn schema"
    assert str(cal["X-WR-TIMEZONE"]) == AMSTERDAM


def test_output_is_valid_crlf_ical_with_short_lines():
    ics = export_plan()

    cal = Calendar.from_ical(ics)
    cal.validate()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics.endswith(b"END:VCALENDAR\r\n")
    assert ics.count(b"\n") == ics.count(b"\r\n")
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75
    assert cal.to_ical() == ics  # a parse and write gives the same bytes
    for event in cal.events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            assert required in event


def test_output_is_the_same_for_the_same_input():
    assert export_plan() == export_plan()


# --- a plan --------------------------------------------------------------------------------------


def test_one_event_per_planned_day():
    assert len(events(export_plan())) == 7
    assert len(events(export_plan({**WINTER, "days": WINTER["days"] + SUMMER["days"]}))) == 14


def test_rest_day_is_an_all_day_event_that_does_not_block_time():
    ics = export_plan()
    rest = by_date(ics)[date(2025, 1, 8)]

    assert rest.decoded("dtstart") == date(2025, 1, 8)
    assert not isinstance(rest.decoded("dtstart"), datetime)
    assert rest.decoded("dtend") == date(2025, 1, 9)
    assert str(rest["TRANSP"]) == "TRANSPARENT"
    lines = raw_lines(ics, "restday-plan-2025-01-08@restday")
    assert b"DTSTART;VALUE=DATE:20250108" in lines


@pytest.mark.parametrize(
    ("plan", "when", "utc_hour"),
    [(WINTER, date(2025, 1, 6), 17), (SUMMER, date(2025, 7, 7), 16)],
)
def test_training_starts_at_the_hour_in_the_profile_zone(plan, when, utc_hour):
    ics = export_plan(plan, hour=18)
    start = by_date(ics)[when].decoded("dtstart")

    assert (start.hour, start.tzinfo.key) == (18, AMSTERDAM)
    assert start.astimezone(UTC).hour == utc_hour
    stamp = when.strftime("%Y%m%d")
    assert f"DTSTART;TZID={AMSTERDAM}:{stamp}T180000".encode() in raw_lines(
        ics, f"restday-plan-{when.isoformat()}@restday"
    )


def test_zone_is_described_by_a_vtimezone_covering_winter_and_summer():
    cal = Calendar.from_ical(export_plan({**WINTER, "days": WINTER["days"] + SUMMER["days"]}))

    assert [tz.tz_name for tz in cal.timezones] == [AMSTERDAM]
    assert cal.get_missing_tzids() == set()
    offsets = {
        (sub.name, sub.decoded("tzoffsetto"))
        for sub in cal.timezones[0].walk()
        if sub.name != "VTIMEZONE"
    }
    assert ("STANDARD", timedelta(hours=1)) in offsets
    assert ("DAYLIGHT", timedelta(hours=2)) in offsets


def test_utc_profile_writes_utc_times_without_a_vtimezone():
    cal = Calendar.from_ical(export_plan(tz="UTC"))

    assert cal.timezones == []
    start = by_date(cal.to_ical())[date(2025, 1, 6)].decoded("dtstart")
    assert start == datetime(2025, 1, 6, 18, tzinfo=UTC)


def test_session_lasts_its_minutes_or_60_and_active_recovery_30():
    found = by_date(export_plan())

    def length(when: date) -> timedelta:
        event = found[when]
        return event.decoded("dtend") - event.decoded("dtstart")

    assert length(date(2025, 1, 6)) == timedelta(minutes=75)  # strength, 75 planned
    assert length(date(2025, 1, 7)) == timedelta(minutes=45)  # endurance, 45 planned
    assert length(date(2025, 1, 9)) == timedelta(minutes=60)  # class without minutes
    assert length(date(2025, 1, 10)) == timedelta(minutes=30)  # active recovery without minutes
    assert length(date(2025, 1, 11)) == timedelta(minutes=60)  # strength without minutes


def test_active_recovery_with_minutes_keeps_them():
    plan = {"days": [day("2025-01-06", "active_recovery", 20)]}
    [event] = events(export_plan(plan))

    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=20)


def test_session_across_the_spring_dst_change_lasts_its_real_minutes():
    plan = {"days": [day("2025-03-30", "endurance", 120)]}  # 01:00 CET to 04:00 CEST
    [event] = events(export_plan(plan, hour=1))

    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, end.hour) == (1, 4)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(minutes=120)


def test_hour_in_the_dst_gap_moves_to_after_it():
    plan = {"days": [day("2025-03-30", "strength", 60)]}
    [event] = events(export_plan(plan, hour=2))  # 02:00 does not exist that night

    assert event.decoded("dtstart").astimezone(UTC) == datetime(2025, 3, 30, 1, tzinfo=UTC)
    assert event.decoded("dtstart").hour == 3


def test_uids_are_stable_across_exports_and_unique_per_day():
    first = [str(e["UID"]) for e in events(export_plan())]
    again = [str(e["UID"]) for e in events(export_plan())]

    assert first == again
    assert len(set(first)) == 7
    assert first[0] == "restday-plan-2025-01-06@restday"


def test_replan_of_the_same_dates_updates_events_with_a_higher_sequence():
    old = by_date(export_plan(stamp=STAMP))
    replanned = {**WINTER, "days": [day("2025-01-06", "rest"), *WINTER["days"][1:]]}
    new = by_date(export_plan(replanned, stamp=LATER))

    assert {str(e["UID"]) for e in old.values()} == {str(e["UID"]) for e in new.values()}
    for when, event in new.items():
        assert int(event["SEQUENCE"]) > int(old[when]["SEQUENCE"])
        assert event.decoded("dtstamp") == LATER
    assert new[date(2025, 1, 6)].decoded("dtstart") == date(2025, 1, 6)  # now a rest day


def test_stamp_in_another_zone_is_written_in_utc():
    stamp = datetime(2025, 1, 1, 10, 0, tzinfo=ZoneInfo(AMSTERDAM))
    ics = export_plan(stamp=stamp)

    assert b"DTSTAMP:20250101T090000Z" in ics


def test_summary_and_description_come_from_describe():
    seen = []

    def describe(d):
        seen.append(d["date"])
        return describe_day(d)

    found = by_date(export_plan(describe=describe))

    assert seen == [d["date"] for d in WINTER["days"]]
    strength_day = found[date(2025, 1, 6)]
    assert str(strength_day["SUMMARY"]) == "restday: strength"
    assert str(strength_day["DESCRIPTION"]) == "strength, 75 min\nbecause: rest.heavy"
    assert "recovery.planned" in str(found[date(2025, 1, 8)]["DESCRIPTION"])


def test_dutch_text_survives():
    description = "Eén rustdag; ë, é en ü; " + "één " * 40 + "\nregels: recovery.planned"

    def dutch(d):
        return "Rustdag — één dag", description

    ics = export_plan(describe=dutch, name="Schema van Zoë")
    cal = Calendar.from_ical(ics)

    assert str(cal["X-WR-CALNAME"]) == "Schema van Zoë"
    assert {str(e["SUMMARY"]) for e in cal.events} == {"Rustdag — één dag"}
    assert {str(e["DESCRIPTION"]) for e in cal.events} == {description}
    ics.decode("utf-8")  # folding never splits a character


def test_plan_days_may_be_date_objects():
    plan = {"days": [day(date(2025, 1, 6), "strength", 60)]}

    assert [str(e["UID"]) for e in events(export_plan(plan))] == ["restday-plan-2025-01-06@restday"]


def test_unknown_time_zone_is_refused():
    for tz in ("Mars/Olympus", "Europe", ""):
        with pytest.raises(InvalidInput, match="Unknown time zone"):
            export_plan(tz=tz)


def test_hour_outside_the_day_is_refused():
    with pytest.raises(InvalidInput, match="must be 0 to 23, not 24"):
        export_plan(hour=24)


def test_two_days_on_one_date_are_refused():
    plan = {"days": [day("2025-01-06", "strength"), day("2025-01-06", "rest")]}

    with pytest.raises(InvalidInput, match="more than one day on 2025-01-06"):
        export_plan(plan)


def test_bad_date_and_minutes_are_refused():
    with pytest.raises(InvalidInput, match=r"Plan day 1: 'monday' is not a date"):
        export_plan({"days": [day("monday", "strength")]})
    with pytest.raises(
        InvalidInput, match=r"Plan day 1: minutes must be a positive number, not -5"
    ):
        export_plan({"days": [day("2025-01-06", "strength", -5)]})


def test_empty_plan_is_refused():
    with pytest.raises(InvalidInput, match="no days"):
        export_plan({"days": []})


def test_naive_stamp_is_a_bug():
    with pytest.raises(ValueError, match="timezone-aware"):
        export_plan(stamp=datetime(2025, 1, 1, 9))


# --- the history ---------------------------------------------------------------------------------


def stored(session: Session, id_: int) -> Session:
    return Session(
        session.kind,
        session.start,
        session.minutes,
        session.rpe,
        session.intensity,
        session.exercises,
        session.sport,
        session.class_kind,
        id=id_,
    )


HISTORY = (
    stored(strength(datetime(2025, 1, 6, 17, 0, tzinfo=UTC), minutes=70), 1),
    stored(endurance(datetime(2025, 7, 8, 5, 30, tzinfo=UTC), minutes=42.5), 2),
    stored(class_(datetime(2025, 7, 9, 18, 0, tzinfo=ZoneInfo(AMSTERDAM)), "spinning"), 3),
)


def test_one_timed_event_per_session_in_the_profile_zone():
    found = {str(e["UID"]): e for e in events(export_history(HISTORY))}

    assert set(found) == {f"restday-session-{n}@restday" for n in (1, 2, 3)}
    winter = found["restday-session-1@restday"]
    assert winter.decoded("dtstart") == datetime(2025, 1, 6, 18, tzinfo=ZoneInfo(AMSTERDAM))
    assert winter.decoded("dtstart").tzinfo.key == AMSTERDAM
    assert winter.decoded("dtend") - winter.decoded("dtstart") == timedelta(minutes=70)
    summer = found["restday-session-2@restday"]
    assert (summer.decoded("dtstart").hour, summer.decoded("dtstart").minute) == (7, 30)
    assert summer.decoded("dtend") - summer.decoded("dtstart") == timedelta(minutes=42.5)
    assert str(found["restday-session-3@restday"]["DESCRIPTION"]) == "class, 50 min"


def test_history_is_valid_and_sorted_by_start():
    ics = export_history(tuple(reversed(HISTORY)))
    cal = Calendar.from_ical(ics)

    cal.validate()
    assert [str(e["UID"]) for e in cal.events] == [
        f"restday-session-{n}@restday" for n in (1, 2, 3)
    ]
    assert [tz.tz_name for tz in cal.timezones] == [AMSTERDAM]
    assert ics.count(b"\n") == ics.count(b"\r\n")


def test_history_reexport_keeps_uids_and_raises_sequence():
    old = {str(e["UID"]): e for e in events(export_history(HISTORY, stamp=STAMP))}
    new = {str(e["UID"]): e for e in events(export_history(HISTORY, stamp=LATER))}

    assert set(old) == set(new)
    assert all(int(new[uid]["SEQUENCE"]) > int(old[uid]["SEQUENCE"]) for uid in new)


def test_naive_session_start_is_read_in_the_profile_zone():
    naive = stored(Session(SessionKind.RECOVERY, datetime(2025, 1, 6, 8, 0), 20), 7)
    [event] = events(export_history([naive]))

    assert event.decoded("dtstart") == datetime(2025, 1, 6, 8, tzinfo=ZoneInfo(AMSTERDAM))


def test_session_without_id_has_no_stable_uid():
    with pytest.raises(ValueError, match="stored session"):
        export_history([strength(datetime(2025, 1, 6, 17, tzinfo=UTC))])


def test_empty_history_is_refused():
    with pytest.raises(InvalidInput, match="no logged sessions"):
        export_history([])
