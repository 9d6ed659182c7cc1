"""Today's verdict, rule by rule."""

from datetime import timedelta

from restday.domain import Goal, Muscle, Profile
from restday.engine import Msg, Verdict, today
from tests.factories import (
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

DAY = timedelta(days=1)
MUSCLE = Profile(goal=Goal.MUSCLE)
ENDURANCE = Profile(goal=Goal.ENDURANCE)
CLASSES = Profile(goal=Goal.CLASSES)


def rules_of(result):
    return [r.rule for r in result.reasons]


def test_a_fresh_start_means_train_with_every_region_ready():
    result = today(inputs(profile=MUSCLE), MONDAY)
    assert result.verdict is Verdict.TRAIN
    assert len(result.train.regions) == 6
    assert result.date == MONDAY.date()


def test_two_warning_signs_in_the_latest_check_in_mean_rest():
    feel = checkin(MONDAY, fatigue=5, irritable=True)
    result = today(inputs(checkins=(feel,)), MONDAY + timedelta(hours=1))
    assert result.verdict is Verdict.REST
    assert "signs" in rules_of(result)
    assert {w.msg for w in result.warnings} >= {Msg.WARN_FATIGUE, Msg.WARN_IRRITABLE}
    assert result.train is None


def test_one_warning_sign_means_active_recovery():
    feel = checkin(MONDAY, motivation=1)
    result = today(inputs(checkins=(feel,)), MONDAY + timedelta(hours=1))
    assert result.verdict is Verdict.ACTIVE_RECOVERY
    assert any(s.kind == "active" for s in result.suggestions)


def test_an_old_check_in_no_longer_counts():
    feel = checkin(MONDAY - 3 * DAY, fatigue=5, irritable=True)
    assert today(inputs(checkins=(feel,)), MONDAY).verdict is Verdict.TRAIN


def test_an_injury_reported_again_within_two_weeks_is_nagging():
    first = checkin(MONDAY - 10 * DAY, injuries=["shoulders"])
    again = checkin(MONDAY, injuries=["shoulders"])
    result = today(inputs(checkins=(first, again)), MONDAY + timedelta(hours=1))
    nagging = [w for w in result.warnings if w.msg is Msg.WARN_NAGGING_INJURY]
    assert nagging and nagging[0].severity == "high"
    assert result.verdict is Verdict.ACTIVE_RECOVERY


def test_a_single_injury_keeps_that_region_out_of_training():
    result = today(
        inputs(checkins=(checkin(MONDAY, injuries=["legs"]),)), MONDAY + timedelta(hours=1)
    )
    assert result.verdict is Verdict.TRAIN
    assert "legs" not in result.train.regions
    assert Muscle.QUADRICEPS not in result.train.muscles


def test_after_six_training_days_in_a_row_the_seventh_is_a_recovery_day():
    runs = [endurance(MONDAY + i * DAY, intensity="easy") for i in range(6)]
    result = today(inputs(*runs, profile=ENDURANCE), MONDAY + 6 * DAY + timedelta(hours=1))
    assert result.verdict is Verdict.ACTIVE_RECOVERY
    assert {"endurance.week", "recovery.planned"} <= set(rules_of(result))
    assert any(w.msg is Msg.WARN_DAYS_IN_ROW for w in result.warnings)


def test_five_days_in_a_row_may_go_on():
    runs = [endurance(MONDAY + i * DAY, intensity="easy") for i in range(5)]
    assert today(inputs(*runs, profile=ENDURANCE), MONDAY + 5 * DAY).verdict is Verdict.TRAIN


def test_the_day_after_a_hard_endurance_day_is_easy_and_another_sport():
    hard = endurance(MONDAY, sport="run", intensity="hard")
    result = today(inputs(hard, profile=ENDURANCE), MONDAY + DAY + timedelta(hours=1))
    assert result.verdict is Verdict.TRAIN
    assert result.train.session["intensity"] == "easy"
    assert result.train.session["sport"] != "run"
    assert {"endurance.alternate", "endurance.vary"} <= set(rules_of(result))


def test_after_an_easy_endurance_day_a_hard_day_may_follow():
    easy = endurance(MONDAY, sport="bike", intensity="easy")
    result = today(inputs(easy, profile=ENDURANCE), MONDAY + DAY)
    assert result.train.session["intensity"] == "hard"


def test_three_classes_in_a_row_call_for_an_easy_class_and_four_for_a_rest_day():
    kinds = ["indoor-cycling", "dance", "barre", "hiit"]
    three = [class_(MONDAY + i * DAY, k) for i, k in enumerate(kinds[:3])]
    result = today(inputs(*three, profile=CLASSES), MONDAY + 3 * DAY)
    assert result.verdict is Verdict.ACTIVE_RECOVERY
    assert "classes.streak" in rules_of(result)
    four = [class_(MONDAY + i * DAY, k) for i, k in enumerate(kinds)]
    assert today(inputs(*four, profile=CLASSES), MONDAY + 4 * DAY).verdict is Verdict.REST


def test_an_easy_yoga_class_breaks_a_class_streak():
    week = [
        class_(MONDAY, "indoor-cycling"),
        class_(MONDAY + DAY, "dance"),
        class_(MONDAY + 2 * DAY, "yoga", rpe=3),
        class_(MONDAY + 3 * DAY, "barre"),
    ]
    assert today(inputs(*week, profile=CLASSES), MONDAY + 4 * DAY).verdict is Verdict.TRAIN


def test_the_next_class_works_other_muscles_than_the_last():
    spin = class_(MONDAY, "indoor-cycling")
    result = today(inputs(spin, profile=CLASSES), MONDAY + DAY)
    assert result.verdict is Verdict.TRAIN
    assert result.train.session["class_kind"] == "boxing"
    assert "classes.alternate" in rules_of(result)


def test_a_lifter_is_told_which_groups_are_due_for_their_second_session():
    legs = squat_day(MONDAY)
    result = today(inputs(legs, profile=MUSCLE), MONDAY + DAY)
    assert result.verdict is Verdict.TRAIN
    assert "legs" not in result.train.session["regions"]
    assert "freq.twice_weekly" in rules_of(result)


def test_groups_trained_less_than_twice_a_week_are_one_warning_once_a_week_is_logged():
    last_week = squat_day(MONDAY - 7 * DAY)
    legs = squat_day(MONDAY)
    fresh = today(inputs(legs, profile=MUSCLE), MONDAY + DAY)
    assert not [w for w in fresh.warnings if w.msg is Msg.WARN_FREQUENCY]
    result = today(inputs(last_week, legs, profile=MUSCLE), MONDAY + DAY)
    (due,) = [w for w in result.warnings if w.msg is Msg.WARN_FREQUENCY]
    # Legs were trained once in the past seven days, the rest not at all: every region is behind.
    assert set(due.params["regions"]) == {"legs", "arms", "core", "chest", "back", "shoulders"}


def test_when_every_region_is_recovering_the_verdict_is_active_recovery():
    everything = strength(
        MONDAY,
        *(
            exercise((frozenset(m for m in Muscle), frozenset()), *sets(5, 5, 100))
            for _ in range(1)
        ),
        rpe=8,
    )
    result = today(inputs(everything, profile=MUSCLE), MONDAY + DAY)
    assert result.verdict is Verdict.ACTIVE_RECOVERY
    assert result.reasons[-1].msg is Msg.VERDICT_ALL_RECOVERING


def test_short_on_time_shortens_the_session_and_adds_active_recovery():
    result = today(inputs(profile=MUSCLE), MONDAY, minutes=30)
    assert result.train.session["minutes"] == 20
    assert result.train.session["active_recovery_minutes"] == 10
    assert "recovery.short_on_time" in rules_of(result)
    assert any(s.rule == "recovery.short_on_time" for s in result.suggestions)
    full = today(inputs(profile=MUSCLE), MONDAY, minutes=60)
    assert full.train.session["minutes"] == 60
    assert "recovery.short_on_time" not in rules_of(full)


def test_protein_advice_is_in_grams_when_the_body_mass_is_known():
    result = today(inputs(profile=Profile(body_mass_kg=80)), MONDAY)
    protein = next(s for s in result.suggestions if s.msg is Msg.SUGGEST_PROTEIN_KG)
    assert (protein.params["g_min"], protein.params["g_max"]) == (128, 176)
    unknown = today(inputs(), MONDAY)
    assert any(s.msg is Msg.SUGGEST_PROTEIN for s in unknown.suggestions)


def test_rest_suggests_total_rest_with_the_articles_examples_and_the_aids():
    result = today(inputs(checkins=(checkin(MONDAY, fatigue=5, irritable=True),)), MONDAY)
    total = next(s for s in result.suggestions if s.kind == "total")
    assert total.params["examples"] == ("netflix", "nap", "reading")
    assert {s.msg for s in result.suggestions} >= {
        Msg.SUGGEST_SLEEP,
        Msg.SUGGEST_WATER,
        Msg.SUGGEST_PASSIVE,
    }


def test_a_muscle_trained_before_ready_shows_as_a_warning_today():
    first = strength(MONDAY, exercise(BENCH, *sets(5, 5, 100)), rpe=9)
    again = strength(MONDAY + DAY, exercise(BENCH, *sets(5, 5, 100)), rpe=9)
    result = today(inputs(first, again), MONDAY + DAY + timedelta(hours=2))
    assert any(w.msg is Msg.WARN_TRAINED_BEFORE_READY for w in result.warnings)


def test_arms_trained_twice_this_week_are_not_due():
    curls = [strength(MONDAY - d * DAY, exercise(CURL, *sets(3, 10, 15)), rpe=7) for d in (4, 2)]
    result = today(inputs(*curls, profile=MUSCLE), MONDAY)
    assert "arms" not in {
        w.params["region"] for w in result.warnings if w.msg is Msg.WARN_FREQUENCY
    }


def test_when_no_region_is_wholly_ready_today_suggests_the_ready_muscles_of_a_region():
    all_but = frozenset(m for m in Muscle if m not in (Muscle.HAMSTRINGS, Muscle.GLUTES))
    heavy = strength(MONDAY, exercise((all_but, frozenset()), *sets(5, 5, 100)), rpe=8)
    result = today(inputs(heavy, profile=MUSCLE), MONDAY + DAY)
    assert result.verdict is Verdict.TRAIN
    assert result.train.regions == ()
    assert result.train.session["regions"] == ("legs",)
    assert result.train.session["muscles"] == ("glutes", "hamstrings")
    (partly,) = [r for r in result.reasons if r.msg is Msg.VERDICT_TRAIN_MUSCLES]
    assert partly.params["muscles"] == ("glutes", "hamstrings")
    assert "quadriceps" in partly.params["muscle"]
    assert partly.params["at"] == result.status.of(Muscle.QUADRICEPS).ready_at
    assert Msg.VERDICT_ALL_RECOVERING not in [r.msg for r in result.reasons]
