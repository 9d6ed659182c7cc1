"""The history contract and a session in words."""

import dataclasses

from restday.domain import Intensity, Session, SessionKind, SetEntry
from restday.present import history_data, session_line, sets_text
from tests.factories import MONDAY, squat_day
from tests.present.conftest import AMSTERDAM, validate

RUN = Session(
    SessionKind.ENDURANCE,
    MONDAY,
    45,
    7,
    Intensity.HARD,
    sport="run",
    distance_km=9.5,
    id=3,
)


def test_history_data_follows_the_contract_with_times_in_the_persons_zone():
    data = history_data([dataclasses.replace(squat_day(MONDAY), id=1), RUN], AMSTERDAM)
    validate(data, "history")
    assert [s["id"] for s in data["sessions"]] == [1, 3]
    assert data["sessions"][1]["at"] == "2026-11-23T19:00:00+01:00"
    assert "start" not in data["sessions"][1]


def test_equal_sets_are_grouped_and_held_sets_show_their_seconds():
    sets = (SetEntry(5, weight_kg=100),) * 3 + (SetEntry(seconds=30), SetEntry(8))
    assert sets_text(sets) == "3×5 @ 100 kg, 1×30s, 1×8"


def test_a_session_line_names_its_kind_time_and_details_in_the_language(en, nl):
    english = session_line(RUN, en)
    assert (
        english == "#3, endurance training, Mon 23 Nov 19:00, 45 min, RPE 7, running, hard, 9.5 km"
    )
    assert session_line(RUN, nl) != english


def test_a_strength_session_lists_each_exercise_on_its_own_line(en):
    line = session_line(dataclasses.replace(squat_day(MONDAY), id=1), en)
    assert line.split("\n")[1] == "    exercise: 5×5 @ 120 kg"


def test_an_imported_session_reads_rounded_and_says_where_it_came_from(en):
    ride = dataclasses.replace(RUN, minutes=88.15, distance_km=26.2580001)
    line = session_line(ride, en, "strava")
    assert "88.2 min" in line and "26.26 km" in line
    assert line.endswith("from strava")
    assert session_line(RUN, en, "cli").endswith("logged by hand")
    data = history_data([RUN], AMSTERDAM, {3: "fit"})
    assert data["sessions"][0]["source"] == "fit"
