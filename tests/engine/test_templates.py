"""The article's three example weeks ship as plan templates that keep every rule."""

import json
from datetime import date, timedelta

import jsonschema
import pytest

from restday.catalog import load_activities
from restday.domain import MUSCLES_OF_REGION, Region
from restday.engine.plancheck import check_plan
from restday.errors import InvalidInput
from restday.rules import default_rulebook
from restday.weeks import TEMPLATES, load_template
from tests.conftest import CONTRACTS

RULES = default_rulebook()
ACTIVITIES = load_activities()
START = date(2026, 11, 26)  # a Thursday: templates do not need a Monday
EVERY_DAY = {day: 60 for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
GOALS = {"strength-split": "muscle", "endurance-week": "endurance", "classes-week": "classes"}


def with_context(plan, **context):
    return {**plan, "context": {**plan.get("context", {}), **context}}


def violations(plan):
    return [(v.rule, v.date, v.params) for v in check_plan(plan, RULES, ACTIVITIES)]


def test_the_three_templates_are_shipped():
    assert TEMPLATES == ("strength-split", "endurance-week", "classes-week")


@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_passes_the_checker_with_its_goal_and_every_day_available(name):
    plan = load_template(name, START)
    assert plan["goal"] == GOALS[name]
    assert violations(with_context(plan, available=EVERY_DAY)) == []
    assert violations(plan) == []


@pytest.mark.parametrize("weeks", [1, 2, 3, 4])
@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_repeated_for_up_to_four_weeks_still_passes(name, weeks):
    plan = load_template(name, START, weeks=weeks)
    assert len(plan["days"]) == 7 * weeks
    assert violations(with_context(plan, available=EVERY_DAY)) == []


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_is_dated_from_its_start(name):
    plan = load_template(name, START, weeks=2)
    assert plan["start"] == "2026-11-26"
    assert [d["date"] for d in plan["days"]] == [
        (START + timedelta(days=i)).isoformat() for i in range(14)
    ]


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_is_a_plan_in_the_plan_format(name):
    schema = json.loads((CONTRACTS / "plan.schema.json").read_text(encoding="utf-8"))
    plan = load_template(name, START)
    jsonschema.validate(plan, schema)
    assert plan["violations"] == []
    assert all(d["minutes"] == 60 for d in plan["days"])


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_day_names_the_rulebook_rules_it_follows(name):
    for day in load_template(name, START)["days"]:
        assert day["rules"], day
        assert set(day["rules"]) <= set(RULES.rules), day


def test_loading_gives_a_fresh_copy():
    plan = load_template("strength-split", START)
    plan["days"][0]["regions"].append("chest")
    plan["context"]["focus"].append("chest")
    again = load_template("strength-split", START)
    assert again["days"][0]["regions"] == ["legs"]
    assert again["context"]["focus"] == ["legs", "arms", "core"]


def kinds(plan):
    return [(d["activity"], d["intensity"]) for d in plan["days"]]


def test_the_strength_split_is_legs_arms_core_twice_then_active_recovery():
    plan = load_template("strength-split", START)
    assert [d["regions"] for d in plan["days"][:6]] == [["legs"], ["arms"], ["core"]] * 2
    assert kinds(plan) == [("strength", "heavy")] * 6 + [("active_recovery", "easy")]
    legs = sorted(m.value for m in MUSCLES_OF_REGION[Region.LEGS])
    assert plan["days"][0]["muscles"] == legs
    assert plan["days"][6]["muscles"] == []


def test_the_endurance_week_alternates_slow_runs_and_race_pace_and_ends_with_pilates():
    plan = load_template("endurance-week", START)
    assert [d["sport"] or d["class_kind"] for d in plan["days"]] == [
        "run", "run", "run", "swim", "run", "run", "pilates",
    ]  # fmt: skip
    assert [i for _, i in kinds(plan)] == [
        "easy", "hard", "easy", "moderate", "hard", "easy", "easy",
    ]  # fmt: skip
    assert plan["days"][6]["activity"] == "active_recovery"
    run = ACTIVITIES["run"]
    assert set(plan["days"][1]["muscles"]) == {m.value for m in run.primary | run.secondary}


def test_the_class_week_is_the_articles_with_yoga_and_pilates_as_recovery():
    plan = load_template("classes-week", START)
    assert [d["class_kind"] for d in plan["days"]] == [
        "indoor-cycling", "dance", "barre", "hiit", "yoga", "indoor-cycling", "pilates",
    ]  # fmt: skip
    recovery = [i for i, (activity, _) in enumerate(kinds(plan)) if activity == "active_recovery"]
    assert recovery == [4, 6]


def test_the_checker_explains_what_the_templates_assume():
    # The article's class week has four classes in a row: the most classes.streak allows.
    classes = load_template("classes-week", START)
    assert violations(with_context(classes, max_classes_in_row=3)) == [
        ("classes.streak", START + timedelta(days=3), {"count": 4, "max": 3})
    ]
    # The article's split trains legs, arms and core; the default focus has six regions.
    split = load_template("strength-split", START)
    del split["context"]
    missed = {p["region"] for rule, _, p in violations(split) if rule == "freq.twice_weekly"}
    assert missed == {"chest", "back", "shoulders"}


def test_a_beginner_needs_more_rest_than_the_strength_split_gives():
    split = with_context(load_template("strength-split", START), experience="beginner")
    assert {rule for rule, _, _ in violations(split)} == {"rest.heavy_legs", "rest.heavy"}
    advanced = with_context(load_template("strength-split", START), experience="advanced")
    assert violations(advanced) == []


def test_an_unknown_template_is_refused_with_the_choices():
    with pytest.raises(InvalidInput, match='Unknown template "push-pull": choose one of '):
        load_template("push-pull", START)
    with pytest.raises(InvalidInput, match="at least one week"):
        load_template("strength-split", START, weeks=0)
