"""Any rulebook whose numbers stay inside their stated ranges loads, and the engine runs on it."""

import dataclasses
import json
import math
import tempfile
import tomllib
import typing
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from restday.catalog import load_activities
from restday.domain import Experience, Goal, LoadMetric, Profile, SetType
from restday.engine import Inputs, muscle_status, today
from restday.engine.load import LoadSample, load_report
from restday.rules import load_rulebook
from restday.rules.loader import RULE_SHAPES
from restday.rules.values import Limit, Switch, allowed
from tests.factories import (
    BENCH,
    CURL,
    MONDAY,
    PLANK,
    SQUAT,
    checkin,
    class_,
    endurance,
    exercise,
    sets,
    squat_day,
    strength,
)

SHIPPED = tomllib.loads(
    Path(__file__).resolve().parents[2].joinpath("src/restday/rules/rulebook.toml").read_text()
)
DAY = timedelta(days=1)
START = MONDAY - 20 * DAY
# Two weeks of training of every kind the engine tells apart, ending on MONDAY.
HISTORY = (
    squat_day(START),
    strength(START + DAY, exercise(BENCH, *sets(5, 3, 100, rpe=9))),
    strength(START + 2 * DAY, exercise(BENCH, *sets(3, 5, 90, set_type=SetType.FAILURE))),
    endurance(START + 3 * DAY, "run", "hard"),
    endurance(START + 4 * DAY, "bike", "easy"),
    class_(START + 5 * DAY, "hiit", rpe=9),
    class_(START + 6 * DAY, "yoga", rpe=3),
    class_(START + 7 * DAY, "dance", rpe=6),
    class_(START + 8 * DAY, "boxing", rpe=7),
    strength(START + 9 * DAY, exercise(PLANK, *sets(3, 60))),
    strength(START + 10 * DAY, exercise(CURL, *sets(3, 12, 10)), rpe=3),
    *(endurance(START + (11 + i) * DAY, "swim") for i in range(7)),
    squat_day(MONDAY, rpe=None),
    strength(MONDAY + 2 * DAY, exercise(SQUAT, *sets(5, 5, 120)), rpe=10),
)
CHECKINS = (
    *(
        checkin(START + i * DAY, sleep_h=5 + i % 4, resting_hr_bpm=50 + i % 3, hrv_ms=60.0 + i % 5)
        for i in range(20)
    ),
    checkin(MONDAY + DAY, soreness={"legs": 3}, fatigue=5, sleep_h=5, sleep_quality=1),
    checkin(MONDAY + 2 * DAY, soreness={"legs": 2}, motivation=1, injuries=["back"]),
    checkin(MONDAY + 3 * DAY, injuries=["back"], resting_hr_bpm=70, hrv_ms=30.0, irritable=True),
)
SAMPLES = tuple(
    LoadSample(START - i * DAY, 30 + i % 60, rpe=(i % 10) + 1 if i % 3 else None, avg_hr_bpm=140)
    for i in range(200)
)


def literal(value):
    """A TOML literal for the values a rulebook holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return f"[{', '.join(literal(x) for x in value)}]"
    return repr(value)


def toml(data, prefix=""):
    """The text of a table of scalars and subtables."""
    lines = [f"{k} = {literal(x)}" for k, x in data.items() if not isinstance(x, dict)]
    for key, table in data.items():
        if isinstance(table, dict):
            lines += ["", f"[{prefix}{key}]", toml(table, f"{prefix}{key}.")]
    return "\n".join(lines)


def number(draw, whole, low, high):
    """A whole number (a TOML integer) or a number, sometimes given as an integer, in [low, high]."""
    if whole:
        return draw(st.integers(math.ceil(low), math.floor(high)))
    if math.ceil(low) <= math.floor(high) and draw(st.booleans()):
        return draw(st.integers(math.ceil(low), math.floor(high)))
    return draw(st.floats(low, high))


@st.composite
def tuned_rulebooks(draw):
    """The shipped rulebook data with every number drawn inside its range and orderings."""
    data = json.loads(json.dumps(SHIPPED))
    for rule_id, shape in RULE_SHAPES.items():
        table = data
        for part in rule_id.split("."):
            table = table[part]
        fields = {f.name: allowed(f) for f in dataclasses.fields(shape)}
        hints = typing.get_type_hints(shape)
        drawn = {}
        for name, limit in fields.items():
            if isinstance(limit, Switch):
                table[name] = draw(st.booleans())
            if not isinstance(limit, Limit):
                continue
            whole = hints[name] is int
            low, high = limit.low, limit.high
            for other, value in drawn.items():
                if fields[other].upto == name:
                    low = max(low, value)
                if fields[other].below == name:
                    low = max(low, value + 1)
            if limit.upto in drawn:
                high = min(high, drawn[limit.upto])
            if limit.below in drawn:
                high = min(high, drawn[limit.below] - 1)
            drawn[name] = table[name] = number(draw, whole, low, high)
    return data


@settings(max_examples=60, deadline=None)
@given(
    tuned_rulebooks(),
    st.sampled_from(list(Goal)),
    st.sampled_from(list(Experience)),
    st.sampled_from(list(LoadMetric)),
    st.sampled_from([*(s.start for s in HISTORY), *(c.at for c in CHECKINS)]),
    st.one_of(st.integers(0, 45), st.integers(-60, 60 * 24 * 8)),
    st.one_of(st.none(), st.floats(5, 120)),
)
def test_the_engine_runs_on_any_rulebook_inside_the_ranges(
    data, goal, experience, metric, moment, offset_min, minutes
):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.toml"
        path.write_text(toml(data), "utf-8")
        rules = load_rulebook(path)
    profile = Profile(
        goal=goal,
        experience=experience,
        timezone="Europe/Amsterdam",
        body_mass_kg=70,
        resting_hr_bpm=50,
        max_hr_bpm=190,
        load_metric=metric,
    )
    inputs = Inputs(HISTORY, CHECKINS, profile, rules, load_activities(), load_samples=SAMPLES)
    at = moment + timedelta(minutes=offset_min)
    muscle_status(inputs, at)
    today(inputs, at, minutes)
    load_report(SAMPLES, profile, rules, at, 28, ZoneInfo(profile.timezone))
