"""A tuned rulebook with bad values is refused with one error that lists every bad value."""

import errno
import os
from importlib import resources

import pytest

from restday.errors import RulebookError
from restday.rules import default_rulebook, load_rulebook

SHIPPED = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")


def tuned(tmp_path, *changes):
    """A copy of the shipped rulebook with each (old, new) text replaced once."""
    text = SHIPPED
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "rules.toml"
    path.write_text(text, "utf-8")
    return path


def problems_of(path):
    """The message of the error, after its `Rulebook <path>: ` prefix."""
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    message = str(caught.value)
    assert "\n" not in message
    prefix = f"Rulebook {path}: "
    assert message.startswith(prefix)
    return message[len(prefix) :]


def test_the_built_in_rulebook_passes():
    assert len(default_rulebook().rules) == 31


def test_an_untouched_copy_of_the_built_in_rulebook_passes(tmp_path):
    assert load_rulebook(tuned(tmp_path)).rules == default_rulebook().rules


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("nan", "nan"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("1e308", "1e+308"),
        ("-1", "-1"),
        ("0", "0"),
        ("true", "true"),
        ('"two days"', '"two days"'),
        ("[48]", "[48]"),
        ("{ h = 48 }", "a table"),
    ],
)
def test_a_bad_number_says_what_is_allowed_and_what_was_found(tmp_path, value, shown):
    path = tuned(tmp_path, ("hours = 48.0", f"hours = {value}"))
    assert problems_of(path) == (
        f"rest.moderate.hours: expected a number from 1 to 720, got {shown}"
    )


def test_a_look_back_of_a_trillion_days_is_refused(tmp_path):
    path = tuned(tmp_path, ("lookback_days = 21", "lookback_days = 1000000000000"))
    assert problems_of(path) == (
        "history.lookback_days: expected a whole number from 1 to 365, got 1000000000000"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ("warn_min_share = 0.25", "warn_min_share = 1.5"),
            "fatigue.warn_min_share: expected a number from 0 to 1, got 1.5",
        ),
        (
            ("warn_min_share = 0.25", "warn_min_share = -0.1"),
            "fatigue.warn_min_share: expected a number from 0 to 1, got -0.1",
        ),
        (
            ("reach_rests = 2", "reach_rests = 0"),
            "fatigue.reach_rests: expected a whole number from 1 to 10, got 0",
        ),
        (
            ("reach_rests = 2", "reach_rests = 11"),
            "fatigue.reach_rests: expected a whole number from 1 to 10, got 11",
        ),
        (
            ("reach_rests = 2", "reach_rests = 1.5"),
            "fatigue.reach_rests: expected a whole number from 1 to 10, got 1.5",
        ),
    ],
)
def test_the_fatigue_model_keeps_its_share_and_reach_in_range(tmp_path, change, problem):
    assert problems_of(tuned(tmp_path, change)) == problem


@pytest.mark.parametrize(("value", "shown"), [("2.5", "2.5"), ("2.0", "2.0"), ("false", "false")])
def test_a_whole_number_must_be_a_toml_integer(tmp_path, value, shown):
    path = tuned(tmp_path, ("times = 2", f"times = {value}"))
    assert problems_of(path) == (
        f"freq.twice_weekly.times: expected a whole number from 1 to 14, got {shown}"
    )


def test_the_hour_of_a_plan_is_a_clock_hour(tmp_path):
    path = tuned(tmp_path, ("hour = 18", "hour = 24"))
    assert problems_of(path) == "plan.hour: expected a whole number from 0 to 23, got 24"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            [("hours_min = 48.0", "hours_min = 80")],
            "rest.heavy.hours_min: expected at most hours_max (72.0), got 80",
        ),
        (
            [("min_in_row = 3", "min_in_row = 5")],
            "classes.streak.min_in_row: expected at most max_in_row (4), got 5",
        ),
        (
            [("easy_max_rpe = 4.0", "easy_max_rpe = 9")],
            "intensity.easy_max_rpe: expected at most hard_min_rpe (8.0), got 9",
        ),
        (
            [("easy_max_hrr = 0.6", "easy_max_hrr = 0.9")],
            "intensity.easy_max_hrr: expected at most hard_min_hrr (0.8), got 0.9",
        ),
        (
            [("band_low = 0.8", "band_low = 1.5")],
            "load.acwr.band_low: expected at most band_high (1.3), got 1.5",
        ),
        (
            [("sleep_min_h = 7.0", "sleep_min_h = 10")],
            "recovery.aids.sleep_min_h: expected at most sleep_max_h (9.0), got 10",
        ),
        (
            [("protein_g_per_kg_min = 1.6", "protein_g_per_kg_min = 3")],
            "recovery.aids.protein_g_per_kg_min: expected at most protein_g_per_kg_max (2.2), "
            "got 3",
        ),
        (
            [("water_l_min = 2.0", "water_l_min = 3")],
            "recovery.aids.water_l_min: expected at most water_l_max (2.5), got 3",
        ),
        (
            [("acute_days = 7", "acute_days = 28")],
            "load.acwr.acute_days: expected less than chronic_days (28), got 28",
        ),
        (
            [("atl_days = 7", "atl_days = 42")],
            "load.pmc.atl_days: expected less than ctl_days (42), got 42",
        ),
        (
            [("times = 2", "times = 8")],
            "freq.twice_weekly.times: expected at most window_days (7), got 8",
        ),
    ],
)
def test_values_that_must_keep_an_order_are_checked_against_each_other(tmp_path, changes, problem):
    assert problems_of(tuned(tmp_path, *changes)) == problem


REGIONS = "regions (legs, arms, core, chest, back, shoulders)"
CLASSES = (
    "class kinds of the catalogue (barre, bodypump, boxing, crossfit, dance, hiit, "
    "indoor-cycling, kickboxing, pilates, step, stretching, yoga)"
)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ('regions = ["legs"]', 'regions = ["leg", "arms"]'),
            f'rest.heavy_legs.regions: expected a list of {REGIONS}, got "leg"',
        ),
        (
            ('regions = ["legs"]', 'regions = ["legs", "legs"]'),
            'rest.heavy_legs.regions: expected each name once, got "legs" more than once',
        ),
        (
            ('regions = ["legs"]', 'regions = "legs"'),
            f'rest.heavy_legs.regions: expected a list of {REGIONS}, got "legs"',
        ),
        (
            ('regions = ["legs"]', "regions = [1]"),
            f"rest.heavy_legs.regions: expected a list of {REGIONS}, got [1]",
        ),
        (
            ('"pilates", "yoga"', '"mat-pilates", "yoga"'),
            f"endurance.week.recovery_activities: expected a non-empty list of {CLASSES}, "
            'got "mat-pilates"',
        ),
        (
            ('recovery_activities = ["pilates", "yoga", "stretching"]', "recovery_activities = []"),
            f"endurance.week.recovery_activities: expected a non-empty list of {CLASSES}, "
            "got an empty list",
        ),
        (
            ('"easy-bike", "walk"', '"easy-bike", "run"'),
            "recovery.kinds.active: expected a non-empty list of active-recovery activities of "
            "the catalogue (easy-bike, pilates, stretching, walk, yoga, or their aliases), "
            'got "run"',
        ),
    ],
)
def test_lists_hold_names_the_engine_knows(tmp_path, change, problem):
    assert problems_of(tuned(tmp_path, change)) == problem


def test_an_empty_list_of_regions_is_allowed(tmp_path):
    path = tuned(tmp_path, ('regions = ["legs"]', "regions = []"))
    assert load_rulebook(path).heavy_legs.regions == ()


def test_every_bad_value_of_a_file_is_listed_unknown_names_first_then_rule_by_rule(tmp_path):
    path = tuned(
        tmp_path,
        ("version = 1", "version = 1\ncolour = 3"),
        ("[rest.moderate]", "[rest.moderat]"),
        ("hours_min = 72.0", "hours_min = 1e308"),
        ("share = 0.5", "share = -0.5\nshares = 1"),
        ("lookback_days = 14", "lookback_days = true"),
        ("hour = 18", "hour = 18.5"),
        ("lookback_days = 21", "lookback_days = 1000000000000"),
        ("ctl_days = 42", "ctl_days = nan"),
        ('title = "How far back the engine looks"', 'title = ""'),
    )
    assert problems_of(path).split("; ") == [
        "colour: unknown key",
        "[rest.moderat]: unknown rule (did you mean [rest.moderate]?)",
        "[rest.moderate]: missing rule",
        "rest.extra_intense.hours_min: expected a number from 1 to 720, got 1e+308",
        "dose.secondary.shares: unknown key (allowed: share, title, source_nl, source_en, "
        "citation)",
        "dose.secondary.share: expected a number from 0.1 to 1, got -0.5",
        "endurance.vary.lookback_days: expected a whole number from 1 to 365, got true",
        "plan.hour: expected a whole number from 0 to 23, got 18.5",
        'history.title: expected a non-empty text, got ""',
        "history.lookback_days: expected a whole number from 1 to 365, got 1000000000000",
        "load.pmc.ctl_days: expected a whole number from 2 to 180, got nan",
    ]


def test_a_table_far_from_every_rule_lists_the_rules(tmp_path):
    path = tuned(tmp_path, ("version = 1", 'version = 1\n[warmup]\ntitle = "Warm up"'))
    assert problems_of(path) == (
        "[warmup]: unknown rule (known: intensity, rest.easy, rest.bodyweight, rest.moderate, "
        "rest.heavy, rest.heavy_legs, rest.extra_intense, dose.secondary, "
        "dose.endurance_classes, factors, sore.extend, fatigue, calibration, freq.twice_weekly, "
        "endurance.alternate, "
        "endurance.week, endurance.vary, classes.streak, classes.alternate, signs, "
        "recovery.kinds, recovery.short_on_time, recovery.aids, recovery.planned, plan, "
        "history, load.srpe, load.trimp, load.pmc, load.acwr, load.baseline)"
    )


def test_a_rule_given_as_a_value_is_refused(tmp_path):
    path = tuned(tmp_path, ("version = 1", "version = 1\nplan = 18"), ("[plan]\n", "[plan_]\n"))
    assert problems_of(path).split("; ")[:2] == [
        "[plan_]: unknown rule (did you mean [plan]?)",
        "[plan]: expected a table, got 18",
    ]


def test_missing_values_and_texts_are_listed_with_what_is_expected(tmp_path):
    path = tuned(
        tmp_path,
        ("version = 1\n", ""),
        ("times = 2\n", ""),
        ('[endurance.alternate]\ntitle = "', '[endurance.alternate]\ntitel = "'),
    )
    assert problems_of(path).split("; ") == [
        "version: missing value (expected 1)",
        "freq.twice_weekly.times: missing value (expected a whole number from 1 to 14)",
        "endurance.alternate.title: missing text",
        "endurance.alternate.titel: unknown key (allowed: title, source_nl, source_en, citation)",
    ]


def test_a_rules_file_that_is_not_utf8_is_a_clean_error(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_bytes(SHIPPED.replace("version = 1", "version = 1\n# café", 1).encode("latin-1"))
    line = SHIPPED.splitlines().index("version = 1") + 2
    assert problems_of(path) == f"is not UTF-8 text (byte 0xe9 on line {line})"


def test_a_directory_is_a_clean_error(tmp_path):
    assert problems_of(tmp_path) == f"cannot be read ({os.strerror(errno.EISDIR)})"


def test_a_missing_file_is_a_clean_error(tmp_path):
    assert problems_of(tmp_path / "nope.toml") == f"cannot be read ({os.strerror(errno.ENOENT)})"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_clean_error(tmp_path):
    path = tuned(tmp_path)
    path.chmod(0)
    assert problems_of(path) == f"cannot be read ({os.strerror(errno.EACCES)})"


def test_the_rules_as_data_state_each_range():
    rule = default_rulebook()["load.acwr"].as_dict()
    assert rule["ranges"] == {
        "acute_days": [1, 28],
        "chronic_days": [2, 90],
        "band_low": [0, 3],
        "band_high": [0, 3],
    }


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("enabled = true", "enabled = 1"), "calibration.enabled: expected true or false, got 1"),
        (
            ("enabled = true", 'enabled = "off"'),
            'calibration.enabled: expected true or false, got "off"',
        ),
        (
            ("min_rate = 0.7", "min_rate = 0.2"),
            "calibration.min_rate: expected a number from 0.5 to 1, got 0.2",
        ),
        (
            ("max_rate = 1.5", "max_rate = 3.0"),
            "calibration.max_rate: expected a number from 1 to 2, got 3.0",
        ),
        (
            ("fresh_max_level = 0", "fresh_max_level = 2"),
            "calibration.fresh_max_level: expected less than sore_level (2), got 2",
        ),
        (
            ("half_life_days = 42.0", "half_life_days = 200.0"),
            "calibration.half_life_days: expected at most lookback_days (120), got 200.0",
        ),
    ],
)
def test_calibration_values_stay_within_their_bounds(tmp_path, change, problem):
    assert problems_of(tuned(tmp_path, change)) == problem


def test_calibration_turns_off_with_one_setting(tmp_path):
    rules = load_rulebook(tuned(tmp_path, ("enabled = true", "enabled = false")))
    assert rules.calibration.enabled is False
    assert default_rulebook().calibration.enabled is True
