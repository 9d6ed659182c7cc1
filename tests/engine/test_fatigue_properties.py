"""Properties of the fatigue model (docs/rules.md, The fatigue model) that hold for any history."""

from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from restday.domain import Muscle, Region
from restday.engine import Msg, MuscleState, muscle_status, today
from restday.engine.fatigue import reach
from tests.engine.programmes import FIVE_DAY_LIFTER, Day, Lift, article_ready, generate
from tests.engine.test_properties import histories, moments, no_sooner, ready_times, sessions
from tests.factories import (
    BENCH,
    CURL,
    MONDAY,
    SQUAT,
    exercise,
    inputs,
    sets,
    squat_day,
    strength,
)

RULES = inputs().rules
REACH = reach(RULES)


@settings(max_examples=150, deadline=None)
@given(histories, sessions(), moments)
def test_a_session_never_makes_a_muscle_ready_sooner(history, extra, at):
    no_sooner(
        ready_times(muscle_status(inputs(*history), at)),
        ready_times(muscle_status(inputs(*history, extra), at)),
    )


@settings(max_examples=150, deadline=None)
@given(histories, st.integers(0, 7), st.sampled_from([SQUAT, BENCH, CURL]), moments)
def test_more_work_never_means_less_rest(history, index, move, at):
    if not history or not history[index % len(history)].exercises:
        return
    session = history[index % len(history)]
    more = replace(session, exercises=(*session.exercises, exercise(move, *sets(3, 5, 100))))
    rest = [s for s in history if s is not session]
    no_sooner(
        ready_times(muscle_status(inputs(*rest, session), at)),
        ready_times(muscle_status(inputs(*rest, more), at)),
    )


@settings(max_examples=100, deadline=None)
@given(histories, histories, moments)
def test_sessions_older_than_the_reach_change_nothing(history, old, at):
    # Move the old sessions to before the reach of `at`, keeping their shape.
    shift = at - REACH - MONDAY - timedelta(days=15)
    older = [replace(s, start=s.start + shift) for s in old]
    assert all(s.start < at - REACH for s in older)
    assert muscle_status(inputs(*history, *older), at) == muscle_status(inputs(*history), at)


@settings(max_examples=200, deadline=None)
@given(sessions(), sessions(), st.integers(1, 24 * 5))
def test_training_before_ready_ends_at_most_half_the_rest_left_after_both_own_rests(
    first, second, hours_later
):
    first = replace(first, start=MONDAY)
    second = replace(second, start=MONDAY + timedelta(hours=hours_later))
    at = second.start + timedelta(hours=1)
    alone = ready_times(muscle_status(inputs(first), at))
    own = ready_times(muscle_status(inputs(second), at))
    both = ready_times(muscle_status(inputs(first, second), at))
    for muscle in Muscle:
        if alone[muscle] is None or own[muscle] is None:
            continue
        left = max(timedelta(0), alone[muscle] - second.start)
        latest = max(alone[muscle], own[muscle])
        assert latest <= both[muscle] <= latest + left / 2 + timedelta(seconds=1), muscle


def test_two_leg_days_in_a_row_end_well_before_the_sum_of_their_rests():
    first, again = squat_day(MONDAY), squat_day(MONDAY + timedelta(days=1))
    ready = muscle_status(inputs(first, again), again.end).of(Muscle.QUADRICEPS).ready_at
    # 49 h were left when the second started: at most half of them come after its own 72 h.
    assert again.end + timedelta(hours=72) < ready <= again.end + timedelta(hours=72 + 24.5)


def test_ten_years_of_history_give_the_answer_of_the_last_few_weeks():
    years = generate(FIVE_DAY_LIFTER, 522)
    weeks = [s for s in years if s.start > MONDAY - timedelta(weeks=4)]
    for hours in range(0, 24 * 7, 7):
        at = MONDAY + timedelta(hours=hours)
        assert muscle_status(inputs(*years), at) == muscle_status(inputs(*weeks), at)
        assert today(inputs(*years), at) == today(inputs(*weeks), at)


MOVES = [
    Lift("Barbell Squat", 5, True),
    Lift("Barbell Squat", 5, False),
    Lift("Barbell Bench Press - Medium Grip", 5, True),
    Lift("Bent Over Barbell Row", 5, True),
    Lift("Barbell Curl", 4, False),
    Lift("Standing Military Press", 4, False),
    Lift("Romanian Deadlift", 4, False),
]


def spaced(candidates):
    """The days of a week kept in order while every muscle's work is spaced as the article asks."""
    kept = []
    for day in candidates:
        trial = (*kept, day)
        history = generate(trial, 3)
        if all(
            article_ready(history, m, s.start)
            for s in history
            for m in Muscle
            if any(m in e.primary | e.secondary for e in s.exercises)
        ):
            kept.append(day)
    return tuple(kept)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.lists(st.sampled_from(MOVES), min_size=1, max_size=3)),
        min_size=1,
        max_size=6,
        unique_by=lambda day: day[0],
    ).map(lambda days: sorted(days, key=lambda day: day[0]))
)
def test_a_programme_spaced_as_the_article_asks_is_ready_every_time_it_trains(days):
    programme = spaced([Day(weekday, 18, tuple(lifts)) for weekday, lifts in days])
    history = generate(programme, 8)
    for session in history[-2 * len(programme) :]:
        before = [s for s in history if s.start < session.start]
        status = muscle_status(inputs(*before), session.start)
        for entry in session.exercises:
            for muscle in entry.primary | entry.secondary:
                assert status.of(muscle).state is MuscleState.READY, (session.start, muscle)


def test_a_muscle_trained_early_warns_once_per_region_unless_it_was_nearly_ready():
    legs = squat_day(MONDAY)  # the quadriceps ready Thursday 19:00, the rest of the legs sooner
    wednesday = squat_day(MONDAY + timedelta(days=2))
    (warning,) = muscle_status(inputs(legs, wednesday), wednesday.end).warnings
    assert (warning.params["muscles"], warning.params["hours"]) == ("quadriceps", 25)
    # Thursday noon: 7 of the 72 h were left, under a quarter: only lightly touched, no warning.
    thursday = squat_day(MONDAY + timedelta(days=2, hours=18))
    assert muscle_status(inputs(legs, thursday), thursday.end).warnings == ()


def test_a_region_recovering_at_half_the_pace_needs_twice_the_rest_and_is_counted_further_back():
    legs = squat_day(MONDAY)
    slow = replace(inputs(legs), rates={Region.LEGS: 0.5})
    status = muscle_status(slow, legs.end)
    assert status.of(Muscle.QUADRICEPS).ready_at == legs.end + timedelta(hours=144)
    assert reach(RULES, 0.5) == 2 * REACH
    old = squat_day(MONDAY - REACH - timedelta(days=1))
    assert muscle_status(replace(slow, sessions=(old,)), MONDAY).of(Muscle.QUADRICEPS).last_trained


def test_a_session_that_comes_early_for_two_regions_warns_once_for_each():
    def both(start):
        return strength(start, exercise(SQUAT, *sets(5, 5, 120)), exercise(BENCH, *sets(5, 5, 100)))

    monday, tuesday = both(MONDAY), both(MONDAY + timedelta(days=1))
    warnings = muscle_status(inputs(monday, tuesday), tuesday.end).warnings
    by_muscles = {w.params["muscles"]: w.params["hours"] for w in warnings}
    # The bench's shoulders and triceps (30 h, 7 h left) were nearly ready: no warning for them.
    assert by_muscles == {"calves, glutes, hamstrings, quadriceps": 49, "chest": 37}
    assert {w.params["start"] for w in warnings} == {tuesday.start}


def test_a_leftover_that_adds_no_whole_hour_gives_no_carry_over_reason():
    first = squat_day(MONDAY)
    ready = muscle_status(inputs(first), first.end).muscles
    quads_ready = next(m for m in ready if m.muscle is Muscle.QUADRICEPS).ready_at
    second = squat_day(quads_ready - timedelta(hours=5) - timedelta(minutes=first.minutes))
    status = muscle_status(inputs(first, second), second.end)
    quads = next(m for m in status.muscles if m.muscle is Muscle.QUADRICEPS)
    assert all(r.msg is not Msg.CARRY_OVER for r in quads.reasons)
    assert status.warnings == ()
