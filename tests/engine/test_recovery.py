"""Per-muscle rest, rule by rule, as the article states it."""

from datetime import timedelta

import pytest

from restday.domain import Experience, Muscle, Profile, SessionKind, SetType
from restday.engine import Msg, MuscleState, muscle_status
from tests.factories import (
    BENCH,
    CURL,
    MONDAY,
    PLANK,
    SQUAT,
    checkin,
    endurance,
    exercise,
    inputs,
    sets,
    squat_day,
    strength,
)

M = Muscle


def hours_to_ready(status, muscle, session):
    return (status.of(muscle).ready_at - session.end) / timedelta(hours=1)


def test_moderate_to_high_intensity_needs_48_hours():
    s = strength(MONDAY, exercise(BENCH, *sets(3, 10, 60)), rpe=7)
    status = muscle_status(inputs(s), MONDAY + timedelta(hours=2))
    assert hours_to_ready(status, M.CHEST, s) == 48
    assert status.of(M.CHEST).reasons[0].rule == "rest.moderate"


@pytest.mark.parametrize(("rpe", "hours"), [(8, 48), (9, 64), (9.4, 70.4), (None, 60)])
def test_heavy_lifting_needs_48_to_72_hours_scaled_by_effort(rpe, hours):
    s = strength(MONDAY, exercise(BENCH, *sets(5, 3, 100)), rpe=rpe)
    status = muscle_status(inputs(s), MONDAY)
    assert hours_to_ready(status, M.CHEST, s) == pytest.approx(hours)
    assert status.of(M.CHEST).reasons[0].rule == "rest.heavy"


def test_heavy_leg_day_needs_72_hours():
    s = squat_day(MONDAY)
    status = muscle_status(inputs(s), MONDAY)
    assert hours_to_ready(status, M.QUADRICEPS, s) == 72
    assert status.of(M.QUADRICEPS).reasons[0].rule == "rest.heavy_legs"


def test_extra_intensive_session_needs_two_to_three_days_off():
    upper = strength(MONDAY, exercise(BENCH, *sets(3, 5, 100, set_type=SetType.FAILURE)))
    legs = strength(MONDAY, exercise(SQUAT, *sets(3, 5, 140)), rpe=10)
    assert hours_to_ready(muscle_status(inputs(upper), MONDAY), M.CHEST, upper) == 72
    assert hours_to_ready(muscle_status(inputs(legs), MONDAY), M.QUADRICEPS, legs) == 96
    assert (
        muscle_status(inputs(legs), MONDAY).of(M.QUADRICEPS).reasons[0].rule == "rest.extra_intense"
    )


def test_bodyweight_work_needs_clearly_less_rest():
    s = strength(MONDAY, exercise(PLANK, *sets(3, 1)), kind=SessionKind.BODYWEIGHT, rpe=7)
    status = muscle_status(inputs(s), MONDAY)
    assert hours_to_ready(status, M.ABDOMINALS, s) == 24
    assert status.of(M.ABDOMINALS).reasons[0].rule == "rest.bodyweight"


def test_unloaded_sets_in_a_strength_session_count_as_bodyweight_work():
    s = strength(MONDAY, exercise(SQUAT, *sets(3, 15)), rpe=7)
    assert hours_to_ready(muscle_status(inputs(s), MONDAY), M.QUADRICEPS, s) == 24


def test_secondary_muscles_get_a_smaller_dose_never_more_than_primary():
    s = strength(MONDAY, exercise(BENCH, *sets(5, 5, 100)), rpe=8)
    status = muscle_status(inputs(s), MONDAY)
    primary = hours_to_ready(status, M.CHEST, s)
    assert hours_to_ready(status, M.TRICEPS, s) == primary / 2
    assert status.of(M.TRICEPS).reasons[0].rule == "dose.secondary"


def test_warmup_sets_alone_are_easy_work():
    s = strength(MONDAY, exercise(BENCH, *sets(3, 5, 100, set_type=SetType.WARMUP)))
    assert hours_to_ready(muscle_status(inputs(s), MONDAY), M.CHEST, s) == 12


@pytest.mark.parametrize(
    ("experience", "hours"), [("beginner", 60), ("intermediate", 48), ("advanced", 40.8)]
)
def test_beginners_need_more_rest_and_advanced_athletes_less(experience, hours):
    s = strength(MONDAY, exercise(BENCH, *sets(3, 10, 60)), rpe=7)
    profile = Profile(experience=Experience(experience))
    status = muscle_status(inputs(s, profile=profile), MONDAY)
    assert hours_to_ready(status, M.CHEST, s) == pytest.approx(hours)


def test_short_sleep_after_a_session_adds_rest():
    s = strength(MONDAY, exercise(BENCH, *sets(3, 10, 60)), rpe=7)
    night = checkin(MONDAY + timedelta(hours=14), sleep_h=5)
    status = muscle_status(inputs(s, checkins=(night,)), MONDAY + timedelta(hours=20))
    assert hours_to_ready(status, M.CHEST, s) == pytest.approx(48 * 1.2)
    assert any(r.msg is Msg.FACTOR_SLEEP for r in status.of(M.CHEST).reasons)


def test_without_a_check_in_sleep_is_neutral_and_the_reasons_say_so():
    s = strength(MONDAY, exercise(BENCH, *sets(3, 10, 60)), rpe=7)
    status = muscle_status(inputs(s), MONDAY)
    assert hours_to_ready(status, M.CHEST, s) == 48
    assert any(r.msg is Msg.FACTOR_NO_CHECKIN for r in status.of(M.CHEST).reasons)


@pytest.mark.parametrize(("level", "extra_days"), [(1, 0), (2, 1), (3, 2)])
def test_still_sore_two_days_after_heavy_work_adds_one_or_two_days(level, extra_days):
    s = squat_day(MONDAY)
    sore = checkin(MONDAY + timedelta(days=2), soreness={"legs": level})
    status = muscle_status(inputs(s, checkins=(sore,)), MONDAY + timedelta(days=2, hours=1))
    assert hours_to_ready(status, M.QUADRICEPS, s) == 72 + 24 * extra_days
    assert (extra_days > 0) == any(r.rule == "sore.extend" for r in status.of(M.QUADRICEPS).reasons)


def test_soreness_one_day_after_or_after_moderate_work_does_not_extend_rest():
    heavy = squat_day(MONDAY)
    early = checkin(MONDAY + timedelta(days=1), soreness={"legs": 3})
    assert (
        hours_to_ready(
            muscle_status(inputs(heavy, checkins=(early,)), MONDAY + timedelta(days=2)),
            M.QUADRICEPS,
            heavy,
        )
        == 72
    )
    moderate = strength(MONDAY, exercise(SQUAT, *sets(3, 12, 80)), rpe=7)
    later = checkin(MONDAY + timedelta(days=2), soreness={"legs": 3})
    status = muscle_status(inputs(moderate, checkins=(later,)), MONDAY + timedelta(days=2))
    assert hours_to_ready(status, M.QUADRICEPS, moderate) == 48


def test_training_a_muscle_before_it_is_ready_adds_its_fatigue_and_warns():
    first = squat_day(MONDAY)
    again = squat_day(MONDAY + timedelta(days=1))
    status = muscle_status(inputs(first, again), MONDAY + timedelta(days=1, hours=2))
    # The first leg day ended Monday 19:00, ready Thursday 19:00: 48 h were left when the
    # second one ended Tuesday 19:00; the fatigues add: sqrt(48^2 + 72^2) = 86.5 h, not 72 + 48.
    assert hours_to_ready(status, M.QUADRICEPS, again) == pytest.approx((48**2 + 72**2) ** 0.5)
    (warning,) = status.warnings
    assert warning.msg is Msg.WARN_TRAINED_BEFORE_READY
    # One warning for the legs: the quadriceps came 49 h early, the secondary muscles 13 h of 36.
    assert warning.params["muscles"] == "calves, glutes, hamstrings, quadriceps"
    assert warning.params["hours"] == 49


def test_an_easy_session_on_a_recovering_muscle_does_not_stack():
    leg_day = squat_day(MONDAY)
    jog = endurance(MONDAY + timedelta(days=1), intensity="easy")
    status = muscle_status(inputs(leg_day, jog), MONDAY + timedelta(days=1, hours=2))
    assert status.of(M.QUADRICEPS).ready_at == leg_day.end + timedelta(hours=72)
    assert status.warnings == ()


def test_status_reports_recovering_until_ready_then_ready():
    s = strength(MONDAY, exercise(CURL, *sets(3, 10, 15)), rpe=7)
    halfway = muscle_status(inputs(s), s.end + timedelta(hours=24)).of(M.BICEPS)
    assert halfway.state is MuscleState.RECOVERING
    assert halfway.recovered_pct == 50
    assert halfway.last_trained == MONDAY
    done = muscle_status(inputs(s), s.end + timedelta(hours=48)).of(M.BICEPS)
    assert (done.state, done.recovered_pct) == (MuscleState.READY, 100)


def test_an_untrained_muscle_is_ready_and_says_it_was_not_trained():
    status = muscle_status(inputs(), MONDAY)
    assert len(status.muscles) == 17
    assert all(m.state is MuscleState.READY and m.ready_at is None for m in status.muscles)
    assert status.of(M.NECK).reasons[0].msg is Msg.UNTRAINED


def test_sessions_after_the_moment_asked_about_do_not_count():
    s = squat_day(MONDAY + timedelta(days=1))
    assert muscle_status(inputs(s), MONDAY).of(M.QUADRICEPS).last_trained is None


def test_a_hard_run_loads_the_legs_for_half_the_rest_of_hard_lifting():
    run = endurance(MONDAY, intensity="hard")
    status = muscle_status(inputs(run), MONDAY)
    assert hours_to_ready(status, M.HAMSTRINGS, run) == 24
    assert status.of(M.HAMSTRINGS).reasons[0].rule == "dose.endurance_classes"
