"""The groups due for their second session of the week are each said with their own count."""

from datetime import timedelta

from restday.domain import Goal, Muscle, Profile
from restday.engine import Msg, today
from tests.factories import MONDAY, exercise, inputs, sets, strength

ROW = (frozenset({Muscle.MIDDLE_BACK, Muscle.LATS}), frozenset())


def test_regions_with_different_counts_get_a_reason_each_with_the_same_rule():
    rows = strength(MONDAY - timedelta(days=3), exercise(ROW, *sets(3, 8, 60)), rpe=7)
    result = today(inputs(rows, profile=Profile(goal=Goal.MUSCLE)), MONDAY)
    due = [r for r in result.reasons if r.msg is Msg.VERDICT_TRAIN_DUE]
    assert [(r.rule, r.params["regions"], r.params["count"]) for r in due] == [
        ("freq.twice_weekly", ("legs", "arms"), 0)
    ]
    # Legs, arms and chest twice, back and shoulders once, core not at all: the first two due are
    # core and back, each named with its own count.
    twice = (Muscle.QUADRICEPS, Muscle.BICEPS, Muscle.CHEST)
    everything_else = [
        strength(
            MONDAY - timedelta(days=d),
            exercise((frozenset(muscles), frozenset()), *sets(3, 8, 60)),
            rpe=7,
        )
        for d, muscles in ((3, twice), (5, (*twice, Muscle.SHOULDERS)))
    ]
    result = today(inputs(rows, *everything_else, profile=Profile(goal=Goal.MUSCLE)), MONDAY)
    due = [r for r in result.reasons if r.msg is Msg.VERDICT_TRAIN_DUE]
    assert [(r.params["regions"], r.params["count"]) for r in due] == [
        (("core",), 0),
        (("back",), 1),
    ]
    assert result.train is not None and result.train.session["regions"] == ("core", "back")
