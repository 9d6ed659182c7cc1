"""status, today and load data: the contract's shape, times in the person's zone, words in their language."""

from datetime import UTC, datetime, timedelta

import pytest

from restday.domain import Goal, Profile
from restday.engine import muscle_status, today
from restday.engine.load import LoadSample, load_report
from restday.present import load_data, ready_text, short_when, status_data, today_data
from tests.factories import MONDAY, inputs, squat_day
from tests.present.conftest import validate

LIFTER = Profile(goal=Goal.MUSCLE, timezone="Europe/Amsterdam")
TUESDAY_3PM = MONDAY + timedelta(hours=20)  # Monday 18:00 UTC + 20 h = Tuesday 15:00 in Amsterdam


def quadriceps(data):
    return next(m for m in data["muscles"] if m["muscle"] == "quadriceps")


def test_status_data_follows_the_contract_with_times_in_the_persons_zone(en):
    data = status_data(muscle_status(inputs(squat_day(MONDAY), profile=LIFTER), TUESDAY_3PM), en)
    validate(data, "status")
    assert data["at"] == "2026-11-24T15:00:00+01:00"
    quads = quadriceps(data)
    assert quads["state"] == "recovering"
    assert quads["last_trained"] == "2026-11-23T19:00:00+01:00"
    assert quads["reasons"][0]["rule"] == "rest.heavy_legs"


def test_the_same_status_in_dutch_has_other_words_for_the_same_rules(en, nl):
    status = muscle_status(inputs(squat_day(MONDAY), profile=LIFTER), TUESDAY_3PM)
    english, dutch = status_data(status, en), status_data(status, nl)
    for a, b in zip(english["muscles"], dutch["muscles"], strict=True):
        assert [(r["rule"], r["id"]) for r in a["reasons"]] == [
            (r["rule"], r["id"]) for r in b["reasons"]
        ]
    assert quadriceps(english)["reasons"][0]["text"] != quadriceps(dutch)["reasons"][0]["text"]


def test_today_data_follows_the_contract_with_its_headline_in_the_language(en, nl):
    result = today(inputs(squat_day(MONDAY), profile=LIFTER), TUESDAY_3PM)
    english, dutch = today_data(result, en), today_data(result, nl)
    validate(english, "today")
    assert (english["verdict"], english["date"]) == ("train", "2026-11-24")
    assert english["headline"] != dutch["headline"]
    assert "legs" not in english["train"]["session"]["regions"]
    assert all(s["kind"] and s["rule"] and s["text"] for s in english["suggestions"])


def test_load_data_follows_the_contract_rounded_to_one_decimal(en):
    samples = [LoadSample(MONDAY - timedelta(days=d), 47, 7.3) for d in range(0, 21, 2)]
    report = load_report(samples, LIFTER, inputs().rules, MONDAY, 14, en.tz)
    data = load_data(report, en)
    validate(data, "load")
    assert len(data["days"]) == 14
    assert data["days"][-1]["load"] == round(47 * 7.3, 1)
    assert all(d["ctl"] == round(d["ctl"], 1) for d in data["days"])


@pytest.mark.parametrize(
    ("moment", "english", "dutch"),
    [
        (datetime(2026, 12, 3, 17, tzinfo=UTC), "Thu 18:00", "do 18:00"),
        (datetime(2026, 12, 10, 17, tzinfo=UTC), "10 Dec 18:00", "10 dec 18:00"),
        (datetime(2026, 11, 20, 17, tzinfo=UTC), "20 Nov", "20 nov"),
        (datetime(2025, 12, 20, 17, tzinfo=UTC), "Dec 2025", "dec 2025"),
    ],
)
def test_a_moment_in_short_is_as_precise_as_its_distance_from_now_needs(
    moment, english, dutch, en, nl
):
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert (short_when(moment, at, en), short_when(moment, at, nl)) == (english, dutch)


def test_the_ready_text_says_since_when_for_a_ready_muscle_and_until_when_otherwise(en, nl):
    status = muscle_status(inputs(squat_day(MONDAY), profile=LIFTER), TUESDAY_3PM)
    by_muscle = {m.muscle.value: m for m in status.muscles}
    assert ready_text(by_muscle["quadriceps"], status, en) == "Thu 20:00"
    assert ready_text(by_muscle["abdominals"], status, en) == ""  # never trained
    later = muscle_status(
        inputs(squat_day(MONDAY), profile=LIFTER), TUESDAY_3PM + timedelta(days=3)
    )
    quads = next(m for m in later.muscles if m.muscle.value == "quadriceps")
    assert ready_text(quads, later, en) == "since Thu 20:00"
    assert ready_text(quads, later, nl) == "sinds do 20:00"
