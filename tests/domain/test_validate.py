"""The validation gate: each problem names its field, says what is allowed, and shows the value."""

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest

from restday.domain import CheckIn, ExerciseEntry, Profile, Region, Session, SessionKind, SetEntry
from restday.domain.bounds import RANGES, Range
from restday.domain.validate import (
    asked_moment_problem,
    checkin_problems,
    profile_problems,
    require,
    session_problems,
    text_problem,
)
from restday.errors import InvalidInput, Problem

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def worded(problems):
    return [p.worded() for p in problems]


def squat(*sets, name="Squat (Barbell)"):
    return ExerciseEntry(name, tuple(sets))


def session(**fields):
    base = {"kind": SessionKind.STRENGTH, "start": NOW - timedelta(days=1), "minutes": 60.0}
    return Session(**{**base, **fields})


def test_a_valid_session_has_no_problem():
    assert session_problems(session(exercises=(squat(SetEntry(5, None, 100.0)),)), now=NOW) == []


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (
            {"minutes": math.nan},
            "Invalid minutes nan: must be a number above 0 and at most 1,440 min",
        ),
        ({"minutes": 0.0}, "Invalid minutes 0: must be a number above 0 and at most 1,440 min"),
        (
            {"minutes": 1e300},
            "Invalid minutes 1e+300: must be a number above 0 and at most 1,440 min",
        ),
        ({"rpe": 11.0}, "Invalid rpe 11: must be a number from 1 to 10"),
        ({"avg_hr_bpm": math.inf}, "Invalid avg_hr_bpm inf: must be a number from 20 to 250 bpm"),
        ({"distance_km": -1.0}, "Invalid distance_km -1: must be a number from 0 to 1,000 km"),
        ({"sport": "r" * 65}, f'Invalid sport "{"r" * 65}": must be at most 64 characters long'),
        (
            {"start": datetime(2026, 12, 5, tzinfo=UTC)},
            'Invalid start "2026-12-05T00:00:00+00:00": must be from 1970-01-01 to 2026-12-04 '
            "(at most 3 days after now)",
        ),
        (
            {"start": datetime(1969, 12, 31, 23, tzinfo=UTC)},
            'Invalid start "1969-12-31T23:00:00+00:00": must be from 1970-01-01 to 2026-12-04 '
            "(at most 3 days after now)",
        ),
        (
            {"start": datetime(2026, 11, 1)},
            'Invalid start "2026-11-01T00:00:00": must say its time zone or UTC offset',
        ),
        (
            {"exercises": (squat(SetEntry(10**20)),)},
            "Invalid exercises[0].sets[0].reps 100000000000000000000: must be a whole number from 1 to 10,000",
        ),
        (
            {"exercises": (squat(SetEntry(5, None, 100.0, 10.5)),)},
            "Invalid exercises[0].sets[0].rpe 10.5: must be a number from 1 to 10",
        ),
        ({"exercises": (squat(name=" "),)}, 'Invalid exercises[0].name " ": must not be empty'),
        (
            {"exercises": (squat(name="Squat\x00"),)},
            'Invalid exercises[0].name "Squat\\x00": must not hold control characters or line breaks',
        ),
    ],
)
def test_a_session_problem_names_its_field(fields, problem):
    assert worded(session_problems(session(**fields), now=NOW)) == [problem]


def test_every_problem_of_a_session_is_listed_and_raised_together():
    bad = session(minutes=-1.0, rpe=0.0, exercises=(squat(SetEntry(0), SetEntry(5, -1.0)),))
    problems = session_problems(bad, now=NOW)
    assert [p.field for p in problems] == [
        "minutes",
        "rpe",
        "exercises[0].sets[0].reps",
        "exercises[0].sets[1].seconds",
    ]
    with pytest.raises(InvalidInput) as raised:
        require(problems)
    assert raised.value.problems == tuple(problems)
    assert str(raised.value).count("; ") == 3


def test_a_set_shared_by_many_sessions_is_checked_once_but_a_bad_one_every_time():
    good, bad = SetEntry(5, None, 100.0), SetEntry(5, None, -5.0)
    valid: set[int] = set()
    for _ in range(3):
        assert session_problems(session(exercises=(squat(good),)), now=NOW, valid_sets=valid) == []
        assert (
            len(session_problems(session(exercises=(squat(bad),)), now=NOW, valid_sets=valid)) == 1
        )
    assert valid == {id(good)}


def test_a_check_in_is_checked_field_by_field():
    checkin = CheckIn(NOW, sleep_h=25.0, soreness={Region.LEGS: 4}, fatigue=0, resting_hr_bpm=151)
    assert worded(checkin_problems(checkin, now=NOW)) == [
        "Invalid sleep_h 25: must be a number from 0 to 24 h",
        "Invalid fatigue 0: must be a whole number from 1 to 5",
        "Invalid resting_hr_bpm 151: must be a whole number from 20 to 150 bpm",
        "Invalid soreness.legs 4: must be a whole number from 0 to 3",
    ]


@pytest.mark.parametrize(
    ("profile", "problems"),
    [
        (Profile(timezone="Europe/Amsterdam", lang="nl"), []),
        (
            Profile(timezone="localtime"),
            ['Invalid timezone "localtime": must be an IANA time zone such as Europe/Amsterdam'],
        ),
        (
            Profile(timezone="Mars/Olympus"),
            ['Invalid timezone "Mars/Olympus": must be an IANA time zone such as Europe/Amsterdam'],
        ),
        (Profile(lang="xx"), ['Invalid lang "xx": must be one of en, nl']),
        (
            Profile(resting_hr_bpm=90.0, max_hr_bpm=90.0),
            ["Invalid resting_hr_bpm 90: must be below the maximum heart rate of 90"],
        ),
        (
            Profile(body_mass_kg=math.nan),
            ["Invalid body_mass_kg nan: must be a number from 20 to 400 kg"],
        ),
    ],
)
def test_a_profile_needs_a_real_zone_a_known_language_and_a_resting_below_the_maximum(
    profile, problems
):
    assert worded(profile_problems(profile)) == problems


def test_a_moment_asked_about_may_lie_ahead_until_2099():
    assert asked_moment_problem(datetime(2099, 12, 31, tzinfo=UTC), "at") is None
    far = asked_moment_problem(datetime(2100, 1, 1, tzinfo=timezone(timedelta(hours=-5))), "at")
    assert far == Problem(
        "at", "must be from 1970-01-01 to 2099-12-31", "2100-01-01T00:00:00-05:00"
    )


def test_texts_are_required_short_and_printable():
    assert text_problem("exercise", None, "name", required=False) is None
    assert text_problem("exercise", None, "name") == Problem("name", "must be a text", None)
    assert text_problem("notes", "a\tb\nc", "notes") is None
    assert text_problem("exercise", "Squat\nDeadlift", "name") == Problem(
        "name", "must not hold control characters or line breaks", "Squat\\nDeadlift"
    )
    assert text_problem("exercise", "\ud800", "name") == Problem(
        "name", "must not hold control characters or line breaks", "\\ud800"
    )


def test_a_range_refuses_bools_and_non_numbers_and_words_what_it_allows():
    reps = RANGES["set.reps"]
    assert [reps.problem(v) for v in (1, 10_000, 5.0)] == [None, None, None]
    assert {reps.problem(v) for v in (True, "5", 0, 5.5, 10_001)} == {
        "must be a whole number from 1 to 10,000"
    }
    assert Range(0, 1.5, "h", above=True).words == "a number above 0 and at most 1.5 h"
