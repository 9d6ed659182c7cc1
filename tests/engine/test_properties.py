"""Properties that hold for any history: more rest or more training never makes a muscle ready sooner."""

import dataclasses
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from restday.domain import Muscle, SetType
from restday.engine import muscle_status, today
from restday.rules import Rulebook, default_rulebook
from tests.factories import (
    BENCH,
    CURL,
    MONDAY,
    PLANK,
    SQUAT,
    endurance,
    exercise,
    inputs,
    sets,
    strength,
)

MOVES = [SQUAT, BENCH, CURL, PLANK]
RULES = default_rulebook()


@st.composite
def sessions(draw):
    start = MONDAY + timedelta(hours=draw(st.integers(0, 24 * 14)))
    if draw(st.booleans()):
        return endurance(start, intensity=draw(st.sampled_from(["easy", "moderate", "hard"])))
    move = draw(st.sampled_from(MOVES))
    kg = draw(st.sampled_from([None, 20.0, 100.0]))
    reps = draw(st.integers(1, 15))
    set_type = draw(st.sampled_from(list(SetType)))
    rpe = draw(st.one_of(st.none(), st.floats(1, 10)))
    return strength(start, exercise(move, *sets(3, reps, kg, set_type=set_type)), rpe=rpe)


histories = st.lists(sessions(), max_size=8)
moments = st.integers(0, 24 * 21).map(lambda h: MONDAY + timedelta(hours=h))


def ready_times(status):
    return {m.muscle: m.ready_at for m in status.muscles}


def no_sooner(before, after):
    for muscle in Muscle:
        if before[muscle] is not None:
            assert after[muscle] is not None and after[muscle] >= before[muscle], muscle


def scaled(book: Rulebook, factor: float) -> Rulebook:
    """The rulebook with every rest duration multiplied by `factor` (at least 1)."""
    rules = dict(book.rules)
    for rule_id, rule in book.rules.items():
        values = rule.values
        changes = {
            f.name: getattr(values, f.name) * factor
            for f in dataclasses.fields(values)
            if f.name.startswith("hours")
        }
        if changes:
            rules[rule_id] = dataclasses.replace(
                rule, values=dataclasses.replace(values, **changes)
            )
    return dataclasses.replace(book, rules=rules)


@settings(max_examples=150, deadline=None)
@given(histories, moments, st.floats(1, 3))
def test_more_rest_never_makes_a_muscle_ready_sooner(history, at, factor):
    before = ready_times(muscle_status(inputs(*history), at))
    after = ready_times(muscle_status(inputs(*history, rules=scaled(RULES, factor)), at))
    no_sooner(before, after)


@settings(max_examples=150, deadline=None)
@given(histories, sessions(), moments)
def test_adding_a_session_never_makes_a_muscle_ready_sooner(history, extra, at):
    before = ready_times(muscle_status(inputs(*history), at))
    after = ready_times(muscle_status(inputs(*history, extra), at))
    no_sooner(before, after)


@settings(max_examples=60, deadline=None)
@given(histories, moments)
def test_results_are_deterministic_and_independent_of_input_order(history, at):
    first = today(inputs(*history), at)
    again = today(inputs(*reversed(history)), at)
    assert first == again
