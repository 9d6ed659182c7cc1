"""status, today and rules through the command line, in English and Dutch."""

import pytest

from tests.cli.conftest import validate


@pytest.fixture
def leg_day(cli):
    cli.ok(
        "profile",
        "--goal",
        "muscle",
        "--experience",
        "intermediate",
        "--timezone",
        "Europe/Amsterdam",
        "--body-mass",
        "80",
    )
    cli.ok(
        "log",
        "strength",
        "--at",
        "2026-11-23T18:00",
        "--minutes",
        "60",
        "--rpe",
        "8",
        "--exercise",
        "Squat (Barbell)",
        "--sets",
        "5x5@120kg",
    )
    return cli


def test_status_json_follows_the_contract_and_the_heavy_leg_day_rule(leg_day):
    data = leg_day.ok("status", "--at", "2026-11-24T19:00", "--json").json()
    validate(data, "status")
    quads = next(m for m in data["muscles"] if m["muscle"] == "quadriceps")
    assert quads["state"] == "recovering"
    # Ended Monday 19:00 Amsterdam time, 72 h of rest: ready Thursday 19:00 in the profile's zone.
    assert quads["ready_at"] == "2026-11-26T19:00:00+01:00"
    assert quads["reasons"][0]["rule"] == "rest.heavy_legs"
    assert data["at"] == "2026-11-24T19:00:00+01:00"


def test_status_asked_for_thursday_evening_is_ready(leg_day):
    data = leg_day.ok("status", "--at", "2026-11-26T19:30", "--json").json()
    assert all(m["state"] == "ready" for m in data["muscles"])


def test_today_json_follows_the_contract(leg_day):
    data = leg_day.ok("today", "--at", "2026-11-24T08:00", "--json").json()
    validate(data, "today")
    assert data["verdict"] == "train"
    assert "legs" not in data["train"]["session"]["regions"]
    assert data["date"] == "2026-11-24"


def test_today_short_on_time_shortens_the_session(leg_day):
    data = leg_day.ok("today", "--at", "2026-11-24T08:00", "--minutes", "25", "--json").json()
    assert data["train"]["session"]["minutes"] == 15
    assert "recovery.short_on_time" in [r["rule"] for r in data["reasons"]]


def test_warning_signs_turn_today_into_rest(leg_day):
    leg_day.ok(
        "checkin", "--at", "2026-11-24T07:00", "--fatigue", "5", "--irritable", "--motivation", "1"
    )
    data = leg_day.ok("today", "--at", "2026-11-24T08:00", "--json").json()
    assert data["verdict"] == "rest"
    assert {w["rule"] for w in data["warnings"]} >= {"signs"}


def test_human_output_in_english_and_dutch(leg_day):
    english = leg_day.ok("today", "--at", "2026-11-24T08:00", "--lang", "en").out
    dutch = leg_day.ok("today", "--at", "2026-11-24T08:00", "--lang", "nl").out
    assert english != dutch
    assert "Train" in english
    table = leg_day.ok("status", "--at", "2026-11-24T08:00", "--lang", "nl").out
    assert "herstel" in table.lower()


def test_the_profile_language_is_used_when_no_option_is_given(leg_day):
    leg_day.ok("profile", "--lang", "nl")
    assert (
        leg_day.ok("today", "--at", "2026-11-24T08:00").out
        == leg_day.ok("today", "--at", "2026-11-24T08:00", "--lang", "nl").out
    )


def test_rules_lists_every_rule_of_the_article(cli):
    data = cli.ok("rules", "--json").json()
    ids = {r["id"] for r in data["rules"]}
    assert {
        "rest.moderate",
        "rest.heavy",
        "rest.heavy_legs",
        "rest.extra_intense",
        "rest.bodyweight",
        "freq.twice_weekly",
        "sore.extend",
        "factors",
        "endurance.alternate",
        "endurance.week",
        "endurance.vary",
        "classes.streak",
        "classes.alternate",
        "signs",
        "recovery.kinds",
        "recovery.short_on_time",
        "recovery.aids",
        "recovery.planned",
    } <= ids
    assert "48 uur" in cli.ok("rules", "--lang", "nl").out


def test_a_malformed_rulebook_is_one_clear_error_naming_the_key(cli, tmp_path):
    from importlib import resources

    from restday.rules.loader import default_rulebook  # noqa: F401 - the shipped file is the starting point

    text = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
    bad = tmp_path / "rules.toml"
    bad.write_text(text.replace("hours = 48.0", 'hours = "two days"'))
    result = cli("today", RESTDAY_RULES=str(bad))
    assert result.code == 2
    assert result.err.startswith(f"Error: Rulebook {bad}: rest.moderate.hours: expected a number")


def test_a_tuned_rulebook_changes_the_advice(leg_day, tmp_path):
    from importlib import resources

    text = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
    tuned = tmp_path / "rules.toml"
    tuned.write_text(
        text.replace("[rest.heavy_legs]\n", "[rest.heavy_legs]\n", 1).replace(
            'hours = 72.0\nregions = ["legs"]', 'hours = 96.0\nregions = ["legs"]'
        )
    )
    data = leg_day.ok("--rules", str(tuned), "status", "--at", "2026-11-24T19:00", "--json").json()
    quads = next(m for m in data["muscles"] if m["muscle"] == "quadriceps")
    assert quads["ready_at"] == "2026-11-27T19:00:00+01:00"


def test_a_class_goer_gets_a_class_for_other_muscles_than_yesterdays(cli):
    from restday.catalog import load_activities

    cli.ok("profile", "--goal", "classes")
    cli.ok(
        "log",
        "class",
        "--kind",
        "spinning",
        "--minutes",
        "45",
        "--rpe",
        "7",
        "--at",
        "2026-11-23T19:00",
    )
    data = cli.ok("today", "--at", "2026-11-24T08:00", "--json").json()
    kind = data["train"]["session"]["class_kind"]
    activities = load_activities()
    assert kind != "indoor-cycling"
    assert not activities[kind].primary & activities["indoor-cycling"].primary
    assert "classes.alternate" in [r["rule"] for r in data["reasons"]]


def test_after_a_hard_run_an_endurance_athlete_gets_an_easy_day_in_another_sport(cli):
    cli.ok("profile", "--goal", "endurance")
    cli.ok(
        "log",
        "endurance",
        "--sport",
        "run",
        "--minutes",
        "60",
        "--intensity",
        "hard",
        "--at",
        "2026-11-23T07:00",
    )
    data = cli.ok("today", "--at", "2026-11-24T08:00", "--json").json()
    session = data["train"]["session"]
    assert (session["intensity"], session["sport"] != "run") == ("easy", True)
    assert {"endurance.alternate", "endurance.vary"} <= {r["rule"] for r in data["reasons"]}
