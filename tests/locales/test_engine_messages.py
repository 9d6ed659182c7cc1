"""End to end: every message the real engine says is worded in English and Dutch."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from restday.domain import Experience, Goal, LoadMetric, Muscle, Profile, Region
from restday.engine import Msg, Reason, RestWarning, Suggestion, Today, muscle_status, today
from restday.engine.calibration import calibration
from restday.engine.load import LoadSample
from restday.locales import SUPPORTED, Translator
from tests.factories import (
    ACTIVITIES,
    BENCH,
    CURL,
    MONDAY,
    checkin,
    class_,
    endurance,
    exercise,
    inputs,
    sets,
    squat_day,
    strength,
)
from tests.locales.conftest import AMSTERDAM, placeholders

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
M = Muscle
MUSCLE = Profile(goal=Goal.MUSCLE, timezone="Europe/Amsterdam", body_mass_kg=80)
ENDURANCE = Profile(goal=Goal.ENDURANCE, timezone="Europe/Amsterdam")
CLASSES = Profile(goal=Goal.CLASSES, timezone="Europe/Amsterdam")
FULL_BODY = (frozenset({M.QUADRICEPS, M.BICEPS, M.ABDOMINALS, M.CHEST, M.LATS, M.SHOULDERS}),
             frozenset())  # fmt: skip


def heavy_day(start):
    return strength(
        start,
        exercise(BENCH, *sets(5, 5, kg=80), rpe=9),
        exercise(CURL, *sets(3, 10, kg=15)),
        rpe=8,
    )


def full_body(start):
    return strength(start, exercise(FULL_BODY, *sets(3, 10, kg=50)))


def results() -> Iterator[Today]:
    """Days that together make the engine say every message it has."""
    yield today(inputs(squat_day(MONDAY), heavy_day(MONDAY), profile=MUSCLE), MONDAY + DAY)
    yield today(
        inputs(squat_day(MONDAY - 9 * DAY), profile=Profile(experience=Experience.BEGINNER)), MONDAY
    )
    yield today(inputs(squat_day(MONDAY), squat_day(MONDAY + DAY)), MONDAY + 2 * DAY)
    sore = checkin(MONDAY + 2 * DAY, sleep_h=5, sleep_quality=1, soreness={"legs": 3})
    yield today(inputs(squat_day(MONDAY), checkins=(sore,)), MONDAY + 2 * DAY + HOUR)
    tired = checkin(MONDAY, fatigue=5, irritable=True, motivation=1)
    yield today(inputs(checkins=(tired,)), MONDAY + HOUR)
    hurt = (
        checkin(MONDAY - 10 * DAY, injuries=["shoulders"]),
        checkin(MONDAY, injuries=["shoulders", "legs"]),
    )
    yield today(inputs(checkins=hurt, profile=MUSCLE), MONDAY + HOUR)
    yield today(inputs(checkins=(checkin(MONDAY, injuries=["arms"]),)), MONDAY + HOUR)
    runs = [endurance(MONDAY + i * DAY, intensity="easy") for i in range(6)]
    yield today(inputs(*runs, profile=ENDURANCE), MONDAY + 6 * DAY + HOUR)
    for count in (3, 4):
        kinds = ["hiit", "dance", "barre", "indoor-cycling"][:count]
        classes = [class_(MONDAY + i * DAY, kind) for i, kind in enumerate(kinds)]
        yield today(inputs(*classes, profile=CLASSES), MONDAY + count * DAY + HOUR)
    yield today(inputs(class_(MONDAY - 2 * DAY, "hiit"), profile=CLASSES), MONDAY)
    hard_run = endurance(MONDAY - DAY, intensity="hard")
    yield today(inputs(hard_run, profile=ENDURANCE), MONDAY)
    yield today(inputs(full_body(MONDAY), profile=MUSCLE), MONDAY + HOUR)
    everything = strength(MONDAY, exercise((frozenset(Muscle), frozenset()), *sets(5, 5, kg=100)))
    yield today(inputs(everything, profile=MUSCLE), MONDAY + HOUR)
    twice = inputs(full_body(MONDAY - 6 * DAY), full_body(MONDAY - 3 * DAY), profile=MUSCLE)
    yield today(twice, MONDAY)
    yield today(inputs(profile=MUSCLE), MONDAY, minutes=30)
    surge = [
        LoadSample(MONDAY - (50 - i) * DAY, 20 if i < 44 else 60, rpe=5 if i < 44 else 9)
        for i in range(50)
    ]
    yield today(replace(inputs(profile=ENDURANCE), load_samples=tuple(surge)), MONDAY)
    no_hr = Profile(load_metric=LoadMetric.TRIMP, resting_hr_bpm=50, max_hr_bpm=190)
    yield today(
        replace(inputs(profile=no_hr), load_samples=(LoadSample(MONDAY - DAY, 30),)), MONDAY
    )
    hearts = [
        checkin(MONDAY - (i + 1) * DAY, resting_hr_bpm=50 + i % 3, hrv_ms=80 + i % 5)
        for i in range(20)
    ]
    off = checkin(MONDAY, resting_hr_bpm=65, hrv_ms=40)
    yield today(inputs(checkins=(*hearts, off)), MONDAY + HOUR)


def said(result: Today) -> Iterator[Reason | RestWarning | Suggestion]:
    yield from result.reasons
    yield from result.suggestions
    yield from result.warnings
    for m in result.status.muscles:
        yield from m.reasons


@pytest.fixture(scope="module")
def everything() -> list[Reason | RestWarning | Suggestion]:
    found = [item for result in results() for item in said(result)]
    later = muscle_status(inputs(squat_day(MONDAY)), MONDAY + 10 * DAY)
    slower = replace(inputs(squat_day(MONDAY)), rates={Region.LEGS: 0.8})
    found += [r for m in muscle_status(slower, MONDAY + DAY).muscles for r in m.reasons]
    return found + [r for m in later.muscles for r in m.reasons] + list(calibrations())


def calibrations() -> Iterator[Reason]:
    """Each region's calibration: too few check-ins, slower, faster, a little sore (even), off."""
    squats = [squat_day(MONDAY - w * 7 * DAY + d * DAY) for w in range(1, 7) for d in (0, 3)]
    mornings = [s.start.replace(hour=8) + 2 * DAY for s in squats]
    sore = [checkin(at, soreness={"legs": 3}) for at in mornings]
    fresh = [checkin(at) for at in mornings]
    mixed = [checkin(at, soreness={"legs": 1}) for at in mornings]
    rules = inputs().rules
    off = replace(rules, rules={**rules.rules, "calibration": replace(
        rules["calibration"], values=replace(rules.calibration, enabled=False))})  # fmt: skip
    for checkins, book in ((sore, rules), (fresh, rules), (mixed, rules), (sore, off)):
        found = calibration(squats, checkins, MUSCLE, book, MONDAY, activities=ACTIVITIES)
        yield from (r for region in found.regions for r in region.reasons)


def test_the_scenarios_make_the_engine_say_every_message(everything):
    missing = sorted(set(Msg) - {item.msg for item in everything})
    assert not missing, f"no scenario makes the engine say: {missing}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_reason_warning_and_suggestion_is_worded(everything, lang):
    t = Translator(lang, AMSTERDAM)
    for item in everything:
        text = t.text(item.msg.value, item.params)
        assert text and "{" not in text and item.msg.value not in text, (item, text)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_the_placeholders_are_exactly_the_params_the_engine_passes(everything, lang):
    t = Translator(lang, AMSTERDAM)
    differ = {
        item.msg.value: (sorted(item.params), sorted(placeholders(t.ui(item.msg.value))))
        for item in everything
        if set(item.params) != placeholders(t.ui(item.msg.value))
    }
    assert not differ, f"{lang}: (params, placeholders) differ: {differ}"


def test_a_heavy_leg_day_in_dutch():
    nl = Translator("nl", AMSTERDAM)
    status = muscle_status(inputs(squat_day(MONDAY), profile=MUSCLE), MONDAY + DAY)
    quads = [nl.text(r.msg.value, r.params) for r in status.of(M.QUADRICEPS).reasons]
    assert quads == [
        "72 uur rust na de krachttraining van ma 23 nov 19:00 (zwaar).",
        "Geen check-in in de 3 dagen na deze training, dus slaap telt niet mee voor de rust.",
        "Hersteld op do 26 nov 20:00.",
    ]
