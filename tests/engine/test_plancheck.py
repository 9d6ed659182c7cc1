"""The plan checker, rule by rule: a plan that breaks exactly one rule, and the fix that keeps it."""

import ast
import dataclasses
import json
import re
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from restday.catalog import load_activities
from restday.engine.plancheck import Violation, ViolationText, check_plan
from restday.errors import InvalidInput
from restday.locales import SUPPORTED, Translator
from restday.rules import Rulebook, default_rulebook

START = date(2026, 11, 23)  # a Monday
RULES = default_rulebook()
ACTIVITIES = load_activities()
PLANCHECK = Path(__file__).resolve().parents[2] / "src" / "restday" / "engine" / "plancheck"


# --- builders ---------------------------------------------------------------------------------


def day(activity, intensity=None, *, regions=(), sport=None, class_kind=None, minutes=60):
    return {
        "activity": activity,
        "intensity": intensity,
        "regions": list(regions),
        "sport": sport,
        "class_kind": class_kind,
        "minutes": None if activity == "rest" else minutes,
        "rules": [],
    }


def lift(*regions, intensity="heavy", minutes=60):
    return day("strength", intensity, regions=regions, minutes=minutes)


def ride(sport="run", intensity="easy", minutes=60):
    return day("endurance", intensity, sport=sport, minutes=minutes)


def klass(kind, intensity="moderate", minutes=60):
    return day("class", intensity, class_kind=kind, minutes=minutes)


def recovery(class_kind=None, minutes=30):
    return day("active_recovery", "easy", class_kind=class_kind, minutes=minutes)


REST = day("rest")


def plan(goal, *days, weeks=1, **context):
    """A plan of `weeks` weeks from START: `days`, then rest days to fill the weeks."""
    filled = [*days, *[REST] * (7 * weeks - len(days))]
    dated = [{**d, "date": (START + timedelta(days=i)).isoformat()} for i, d in enumerate(filled)]
    result = {"start": START.isoformat(), "goal": goal, "days": dated, "violations": []}
    if context:
        result["context"] = context
    return result


def check(p, rules=RULES):
    found = check_plan(p, rules, ACTIVITIES)
    assert all(isinstance(x, Violation) for x in found)
    assert {x.text_key for x in found} <= {t.value for t in ViolationText}
    return found


def broken(p, rules=RULES):
    return {x.rule for x in check(p, rules)}


def tuned(rule_id, **values):
    """The default rulebook with some values of one rule changed."""
    rule = RULES[rule_id]
    changed = dataclasses.replace(rule, values=dataclasses.replace(rule.values, **values))
    return Rulebook({**RULES.rules, rule_id: changed}, "(test)")


# --- per-muscle rest ---------------------------------------------------------------------------


def test_heavy_legs_on_monday_and_wednesday_break_rest_heavy_legs():
    found = check(plan("muscle", lift("legs"), REST, lift("legs"), focus=["legs"]))
    assert [(x.rule, x.date, x.text_key) for x in found] == [
        ("rest.heavy_legs", START + timedelta(days=2), "violation.rest")
    ]
    assert found[0].params["date"] == START
    assert found[0].params["hours"] == 48
    assert found[0].params["needs"] == 72
    assert "quadriceps" in found[0].params["muscles"]


def test_heavy_legs_on_monday_and_thursday_get_their_72_hours():
    assert check(plan("muscle", lift("legs"), REST, REST, lift("legs"), focus=["legs"])) == []


def test_heavy_arms_need_the_middle_of_48_to_72_hours():
    early = plan("muscle", lift("arms"), REST, lift("arms"), focus=["arms"])
    assert broken(early) == {"rest.heavy"}
    assert check(early)[0].params["needs"] == 60
    assert check(plan("muscle", lift("arms"), REST, REST, lift("arms"), focus=["arms"])) == []


def test_moderate_lifting_needs_48_hours():
    arms = lift("arms", intensity="moderate")
    assert broken(plan("muscle", arms, arms, focus=["arms"])) == {"rest.moderate"}
    fixed = plan(
        "muscle",
        lift("arms", intensity="moderate"),
        REST,
        lift("arms", intensity="moderate"),
        focus=["arms"],
    )
    assert check(fixed) == []


def test_endurance_and_classes_ask_half_the_rest_so_a_moderate_run_can_follow_a_moderate_run():
    assert check(plan("endurance", ride(intensity="moderate"), ride(intensity="moderate"))) == []


def test_the_experience_factor_scales_the_rest():
    runs = (ride(intensity="moderate"), ride(intensity="moderate"))
    assert broken(plan("endurance", *runs, experience="beginner")) == {"rest.moderate"}
    assert check(plan("endurance", *runs, experience="advanced")) == []


def test_easy_days_neither_constrain_nor_are_constrained():
    assert broken(plan("hybrid", lift("legs"), ride(intensity="hard"), focus=[])) == {
        "rest.heavy_legs"
    }
    assert check(plan("hybrid", lift("legs"), ride(intensity="easy"), focus=[])) == []
    assert check(plan("hybrid", ride(intensity="easy"), lift("legs"), focus=[])) == []


def test_secondary_muscles_get_their_share_of_the_rest():
    full_dose = tuned("dose.endurance_classes", share=1.0)
    # A moderate run asks 48 h of its primary muscles and 24 h of abdominals (secondary).
    core_next = plan("hybrid", ride(intensity="moderate"), lift("core", intensity="moderate"))
    legs_next = plan("hybrid", ride(intensity="moderate"), lift("legs", intensity="moderate"))
    assert check(dict(core_next, context={"focus": []}), full_dose) == []
    assert broken(dict(legs_next, context={"focus": []}), full_dose) == {"rest.moderate"}


def test_the_numbers_come_from_the_rulebook():
    legs = plan("muscle", lift("legs"), REST, lift("legs"), focus=["legs"])
    assert check(legs, tuned("rest.heavy_legs", hours=48.0)) == []


def test_a_muscle_still_recovering_in_the_history_is_not_loaded_before_it_is_ready():
    legs = (lift("legs"), REST, REST, lift("legs"))
    late = {"ready_at": {"quadriceps": "2026-11-23T20:00:00"}}
    found = check(plan("muscle", *legs, focus=["legs"], history=late))
    assert [(x.rule, x.date) for x in found] == [("history", START)]
    assert found[0].params["muscles"] == "quadriceps"
    early = {"ready_at": {"quadriceps": "2026-11-23T17:00:00"}}
    assert check(plan("muscle", *legs, focus=["legs"], history=early)) == []


def test_ready_at_is_compared_with_the_plan_hour_in_the_plans_time_zone():
    legs = (lift("legs"), REST, REST, lift("legs"))
    # 18:00 in Amsterdam is 17:00 UTC.
    late = {"ready_at": {"glutes": "2026-11-23T17:30:00+00:00"}}
    early = {"ready_at": {"glutes": "2026-11-23T16:30:00+00:00"}}
    kw = {"focus": ["legs"], "timezone": "Europe/Amsterdam"}
    assert broken(plan("muscle", *legs, history=late, **kw)) == {"history"}
    assert check(plan("muscle", *legs, history=early, **kw)) == []


def test_an_easy_day_may_come_before_ready_at():
    history = {"ready_at": {"quadriceps": "2026-11-24T20:00:00"}}
    assert check(plan("endurance", ride(intensity="easy"), history=history)) == []


# --- frequency ---------------------------------------------------------------------------------


def test_a_muscle_week_with_legs_once_breaks_freq_twice_weekly():
    found = check(plan("muscle", lift("legs"), focus=["legs"]))
    assert [(x.rule, x.date, x.params) for x in found] == [
        ("freq.twice_weekly", START, {"region": "legs", "count": 1, "times": 2})
    ]
    assert check(plan("muscle", lift("legs"), REST, REST, lift("legs"), focus=["legs"])) == []


def test_the_focus_defaults_to_every_region_of_the_rulebook():
    found = check(plan("muscle", lift("legs"), REST, REST, lift("legs")))
    assert {x.params["region"] for x in found} == {"arms", "core", "chest", "back", "shoulders"}


def test_frequency_is_counted_in_every_week_of_the_plan():
    two_weeks = plan("muscle", lift("legs"), REST, REST, lift("legs"), weeks=2, focus=["legs"])
    assert [(x.rule, x.date) for x in check(two_weeks)] == [
        ("freq.twice_weekly", START + timedelta(days=7))
    ]


def test_frequency_only_binds_muscle_and_hybrid_plans():
    assert check(plan("endurance", ride())) == []
    assert broken(plan("hybrid", ride(), focus=["legs"])) == {"freq.twice_weekly"}


# --- endurance ---------------------------------------------------------------------------------


def test_seven_training_days_in_a_row_break_endurance_week():
    week = [ride()] * 6 + [recovery("pilates")]
    found = check(plan("endurance", *week, history={"training_days_before": 1}))
    assert [(x.rule, x.date, x.params) for x in found] == [
        ("endurance.week", START + timedelta(days=5), {"count": 7, "max": 6})
    ]
    assert check(plan("endurance", *week)) == []


def test_a_run_of_training_days_over_two_weeks_breaks_endurance_week():
    days = [REST, *[ride()] * 7]
    found = check(plan("endurance", *days, weeks=2))
    assert [(x.rule, x.date) for x in found] == [("endurance.week", START + timedelta(days=7))]


def test_an_easy_yoga_class_is_recovery_but_a_moderate_one_is_training():
    easy = [ride()] * 6 + [klass("pilates", "easy")]
    assert check(plan("endurance", *easy, *easy, weeks=2)) == []
    moderate = [ride()] * 6 + [klass("pilates", "moderate")]
    assert broken(plan("hybrid", *moderate, *moderate, weeks=2, focus=[])) == {
        "endurance.week",
        "recovery.planned",
    }


def test_two_hard_runs_in_a_row_break_endurance_alternate():
    found = check(plan("endurance", ride(intensity="hard"), ride(intensity="hard")))
    assert [(x.rule, x.date) for x in found] == [("endurance.alternate", START + timedelta(days=1))]
    fixed = plan("endurance", ride(intensity="hard"), ride(), ride(intensity="hard"))
    assert check(fixed) == []


def test_a_hard_day_just_before_the_plan_counts_for_endurance_alternate():
    yesterday = {"last_hard_endurance_day": (START - timedelta(days=1)).isoformat()}
    earlier = {"last_hard_endurance_day": (START - timedelta(days=2)).isoformat()}
    assert broken(plan("endurance", ride(intensity="hard"), history=yesterday)) == {
        "endurance.alternate"
    }
    assert check(plan("endurance", ride(intensity="hard"), history=earlier)) == []


def test_a_week_of_one_sport_breaks_endurance_vary_when_two_are_listed():
    runs = plan("endurance", ride(), ride(), sports=["run", "bike"])
    assert [(x.rule, x.params) for x in check(runs)] == [("endurance.vary", {"count": 1})]
    assert check(plan("endurance", ride(), ride("bike"), sports=["run", "bike"])) == []
    assert check(plan("endurance", ride(), ride(), sports=["run"])) == []


def test_endurance_vary_binds_every_goal_once_two_sports_are_listed():
    found = check(plan("classes", klass("dance"), sports=["run", "bike"]))
    assert [(x.rule, x.params) for x in found] == [("endurance.vary", {"count": 0})]


# --- classes -----------------------------------------------------------------------------------

FOUR_CLASSES = (klass("indoor-cycling"), klass("dance"), klass("barre"), klass("hiit"))


def test_three_classes_in_a_row_then_a_fourth_break_classes_streak_at_three():
    found = check(plan("classes", *FOUR_CLASSES))
    assert [(x.rule, x.date, x.params) for x in found] == [
        ("classes.streak", START + timedelta(days=3), {"count": 4, "max": 3})
    ]
    assert check(plan("classes", *FOUR_CLASSES, max_classes_in_row=4)) == []


def test_classes_in_a_row_never_go_above_the_rulebooks_maximum():
    five = (*FOUR_CLASSES, klass("indoor-cycling"))
    found = check(plan("classes", *five, max_classes_in_row=9))
    assert [(x.rule, x.params) for x in found] == [("classes.streak", {"count": 5, "max": 4})]


def test_classes_before_the_plan_count_for_the_streak():
    three = FOUR_CLASSES[:3]
    assert check(plan("classes", *three)) == []
    assert broken(plan("classes", *three, history={"classes_before": 1})) == {"classes.streak"}


def test_cycling_then_cycling_breaks_classes_alternate():
    found = check(plan("classes", klass("indoor-cycling"), klass("indoor-cycling")))
    assert [(x.rule, x.text_key) for x in found] == [
        ("classes.alternate", "violation.class_same_kind")
    ]
    assert check(plan("classes", klass("indoor-cycling"), klass("dance"))) == []


def test_consecutive_classes_that_share_main_muscles_break_classes_alternate():
    found = check(plan("classes", klass("indoor-cycling"), klass("step")))
    assert [(x.rule, x.text_key) for x in found] == [
        ("classes.alternate", "violation.class_shared")
    ]
    assert found[0].params == {
        "class_kind": "step",
        "last": "indoor-cycling",
        "muscles": "calves, glutes, quadriceps",
    }


def test_yesterdays_class_counts_for_classes_alternate():
    history = {"classes_before": 1, "last_class_kind": "dance"}
    assert broken(plan("classes", klass("dance"), history=history)) == {"classes.alternate"}
    assert check(plan("classes", klass("barre"), history=history)) == []
    assert check(plan("classes", klass("dance"), history={"last_class_kind": None})) == []


# --- recovery and time -------------------------------------------------------------------------


def test_a_week_without_rest_breaks_recovery_planned():
    seven = tuned("endurance.week", max_days_in_row=7)
    week = [ride()] * 7
    found = check(plan("endurance", *week), seven)
    assert [(x.rule, x.date) for x in found] == [("recovery.planned", START)]
    assert check(plan("endurance", *week[:6], recovery()), seven) == []


def test_every_week_of_the_plan_needs_its_rest_day():
    days = [*[ride()] * 6, REST, *[ride()] * 6, ride()]
    assert (
        "recovery.planned",
        START + timedelta(days=7),
    ) in [(x.rule, x.date) for x in check(plan("endurance", *days, weeks=2))]


ONLY_MONDAY = {"mon": 60}


def test_training_on_an_unavailable_day_breaks_availability():
    found = check(plan("endurance", ride(), ride(), available=ONLY_MONDAY))
    assert [(x.rule, x.date, x.text_key) for x in found] == [
        ("availability", START + timedelta(days=1), "violation.unavailable")
    ]
    assert check(plan("endurance", ride(), REST, available=ONLY_MONDAY)) == []


def test_active_recovery_also_needs_a_free_day():
    assert broken(plan("endurance", ride(), recovery(), available=ONLY_MONDAY)) == {"availability"}


def test_a_session_longer_than_the_free_minutes_breaks_availability():
    found = check(plan("endurance", ride(minutes=90), available=ONLY_MONDAY))
    assert [(x.rule, x.params) for x in found] == [("availability", {"minutes": 90, "free": 60})]


def test_without_a_context_every_day_has_the_plan_minutes_free():
    assert check(plan("endurance", *[ride()] * 6)) == []
    assert broken(plan("endurance", ride(minutes=90))) == {"availability"}


def test_a_30_minute_day_with_a_30_minute_session_breaks_short_on_time():
    found = check(plan("endurance", ride(minutes=30), available={"mon": 30}))
    assert [(x.rule, x.params) for x in found] == [
        ("recovery.short_on_time", {"minutes": 30, "free": 30, "session": 20, "recovery": 10})
    ]
    assert check(plan("endurance", ride(minutes=20), available={"mon": 30})) == []
    assert check(plan("endurance", recovery(minutes=30), available={"mon": 30})) == []


# --- the plan's shape --------------------------------------------------------------------------


def shape(p):
    return [(x.rule, x.text_key) for x in check(p)]


def test_a_plan_has_whole_weeks():
    p = plan("endurance", ride())
    p["days"] = p["days"][:6]
    assert shape(p) == [("plan", "violation.plan.length")]
    assert check(p)[0].params == {"count": 6}


def test_days_follow_each_other_from_the_start():
    p = plan("endurance", ride(), ride())
    p["days"][1]["date"] = "2026-11-25"
    found = check(p)
    assert [(x.rule, x.date, x.text_key) for x in found] == [
        ("plan", START + timedelta(days=1), "violation.plan.date")
    ]
    assert found[0].params == {
        "number": 2,
        "found": "2026-11-25",
        "date": START + timedelta(days=1),
    }


@pytest.mark.parametrize(
    ("bad_day", "text_key"),
    [
        (day("sleep"), "violation.plan.activity"),
        (lift("legs", intensity="hard"), "violation.plan.intensity.strength"),
        (ride(intensity="heavy"), "violation.plan.intensity.endurance"),
        (klass("dance", "heavy"), "violation.plan.intensity.class"),
        (day("active_recovery", "moderate"), "violation.plan.intensity.active_recovery"),
        (day("rest", "easy"), "violation.plan.intensity.rest"),
        (lift(), "violation.plan.no_regions"),
        (lift("legs", "wings"), "violation.plan.region"),
        (day("endurance", "easy"), "violation.plan.no_sport"),
        (ride("hiit"), "violation.plan.sport"),
        (day("class", "moderate"), "violation.plan.no_class_kind"),
        (klass("run"), "violation.plan.class_kind"),
        (recovery("hiit"), "violation.plan.recovery_activity"),
        (ride(minutes=-5), "violation.plan.minutes"),
    ],
)
def test_a_day_that_breaks_the_plan_format_is_a_plan_violation(bad_day, text_key):
    p = plan("hybrid", bad_day, focus=[])
    assert shape(p) == [("plan", text_key)]


def test_a_day_that_is_not_an_object_is_a_plan_violation():
    p = plan("endurance")
    p["days"][0] = "a run"
    assert shape(p) == [("plan", "violation.plan.day")]


def test_each_goal_plans_its_own_activities():
    assert shape(plan("muscle", ride(), focus=[])) == [("plan", "violation.plan.goal")]
    assert check(plan("muscle", ride(), focus=[]))[0].params == {
        "goal": "muscle",
        "kind": "endurance",
    }
    assert shape(plan("endurance", klass("dance"))) == [("plan", "violation.plan.goal")]
    assert shape(plan("classes", lift("legs"))) == [("plan", "violation.plan.goal")]
    assert check(plan("hybrid", lift("legs"), REST, ride(), klass("dance"), focus=[])) == []


def test_active_recovery_fits_every_goal():
    for goal in ("muscle", "endurance", "classes", "hybrid"):
        assert check(plan(goal, recovery("yoga"), focus=[])) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "next monday"}, "Plan: start must be an ISO 8601 date, not 'next monday'"),
        ({"goal": "muscles"}, "Plan: goal must be one of muscle, endurance, classes, hybrid"),
        ({"days": None}, "Plan: days must be a list, not NoneType"),
        ({"context": {"timezone": "Mars/Base"}}, "Plan context: timezone 'Mars/Base' is not"),
        ({"context": {"experience": "pro"}}, "Plan context: experience must be one of"),
        ({"context": {"available": {"monday": 60}}}, "Plan context: available has 'monday'"),
        ({"context": {"available": {"mon": "all"}}}, "Plan context: available.mon must be"),
        ({"context": {"focus": ["wings"]}}, "Plan context: focus must be one of legs"),
        ({"context": {"max_classes_in_row": 0}}, "Plan context: max_classes_in_row must be"),
        ({"context": {"history": {"last_class_kind": "run"}}}, "history.last_class_kind"),
        ({"context": {"history": {"ready_at": {"wings": "2026-11-23T10:00"}}}}, "ready_at"),
    ],
)
def test_a_plan_that_cannot_be_read_is_invalid_input(change, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        check({**plan("muscle", focus=[]), **change})


def test_a_plan_must_be_an_object():
    with pytest.raises(InvalidInput, match="Plan: expected a JSON object, not list"):
        check_plan([], RULES, ACTIVITIES)  # type: ignore[arg-type]


# --- violations as data and as sentences -------------------------------------------------------

# One plan per message id the checker can produce.
EVERY_KIND = [
    plan("muscle", lift("legs"), REST, lift("legs"), focus=["legs"]),
    plan("muscle", lift("legs"), focus=["legs"], history={"ready_at": {"calves": "2026-11-30"}}),
    plan("endurance", *[ride()] * 6, history={"training_days_before": 1}),
    plan("endurance", ride(intensity="hard"), ride(intensity="hard"), sports=["run", "bike"]),
    plan("classes", *FOUR_CLASSES, klass("barre"), klass("barre"), klass("hiit")),
    plan("classes", klass("indoor-cycling"), klass("step"), available={"mon": 60}),
    plan("endurance", ride(minutes=120), ride(minutes=30), available={"mon": 60, "tue": 30}),
    plan("muscle", ride(), focus=[], weeks=1),
    dict(plan("endurance", ride()), days=["x", day("x"), lift("wings"), lift(), ride("x"),
                                          day("endurance", "easy"), klass("x")]),
    dict(plan("hybrid", focus=[]), days=[day("class", "easy"), recovery("run"), ride(minutes=0),
                                         day("rest", "easy"), day("active_recovery", "hard"),
                                         lift("legs", intensity="easy"), {"date": "x", **REST}]),
    dict(plan("hybrid", focus=[]), days=[ride(intensity="heavy"), klass("dance", "heavy")]),
]  # fmt: skip


def every_violation():
    return [x for p in EVERY_KIND for x in check(p)]


def test_every_message_id_is_produced_by_some_plan():
    produced = {x.text_key for x in every_violation()}
    assert produced == {t.value for t in ViolationText}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_violation_has_a_sentence_in_both_languages(lang):
    t = Translator(lang, ZoneInfo("Europe/Amsterdam"))
    for text in ViolationText:
        assert t.has(text.value), f"{lang} lacks {text.value}"
    for x in every_violation():
        sentence = t.text(x.text_key, x.params)
        assert sentence[0].isupper() or sentence[0].isdigit() or sentence[0] == '"', sentence
        assert sentence.endswith(".") and "{" not in sentence and "|" not in sentence, sentence


def test_the_english_sentence_of_a_rest_violation():
    found = check(plan("muscle", lift("legs"), REST, lift("legs"), focus=["legs"]))
    text = Translator("en", ZoneInfo("UTC")).text(found[0].text_key, found[0].params)
    assert text == (
        "Trained again after 48 hours: abductors (outer thighs), adductors (inner thighs), "
        "calves, glutes, hamstrings and quadriceps, loaded on Mon 23 Nov, need 72 hours of rest."
    )


def test_violations_as_json():
    found = check(plan("muscle", lift("legs"), REST, lift("legs"), focus=["legs"]))
    data = found[0].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["rule"] == "rest.heavy_legs"
    assert data["date"] == "2026-11-25"
    assert data["text_key"] == "violation.rest"
    assert data["params"]["date"] == "2026-11-23"


def test_violations_come_in_date_order():
    found = every_violation()
    for p in EVERY_KIND:
        dates = [x.date for x in check(p)]
        assert dates == sorted(dates)
    assert found


def test_the_checker_shares_no_code_with_the_planner():
    allowed = ("restday.domain", "restday.rules", "restday.errors", "restday.engine.plancheck")
    for path in PLANCHECK.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith("restday"):
                assert module.startswith(allowed), f"{path.name} imports {module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("restday") for a in node.names), path.name
