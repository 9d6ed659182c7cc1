"""Logging sessions and check-ins from the command line, and what bad input does."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.conftest import validate


def session_count(cli) -> int:
    if not cli.db.exists():
        return 0
    with sqlite3.connect(cli.db) as con:
        return con.execute("select count(*) from sessions").fetchone()[0]


def test_log_strength_pairs_each_sets_with_the_exercise_before_it(cli):
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
        "squat",
        "--sets",
        "5x5@120kg",
        "--exercise",
        "bench press",
        "--sets",
        "3x8@80kg",
        "--rpe",
        "9",
        "--sets",
        "1x5@85kg",
    )
    sessions = cli.ok("history", "--json").json()["sessions"]
    validate({"sessions": sessions}, "history")
    (session,) = sessions
    assert (session["kind"], session["minutes"], session["rpe"]) == ("strength", 60, 8)
    squat, bench = session["exercises"]
    assert [s["weight_kg"] for s in squat["sets"]] == [120] * 5
    assert [s["weight_kg"] for s in bench["sets"]] == [80, 80, 80, 85]
    assert bench["rpe"] == 9


def test_pounds_are_stored_as_kilograms(cli):
    cli.ok(
        "log",
        "strength",
        "--minutes",
        "30",
        "--at",
        "2026-11-23T18:00",
        "--exercise",
        "deadlift",
        "--sets",
        "1x5@225lb",
    )
    (s,) = cli.ok("history", "--json").json()["sessions"][0]["exercises"][0]["sets"]
    assert s["weight_kg"] == pytest.approx(102.058, abs=0.01)


def test_log_every_kind_of_session(cli):
    cli.ok(
        "log",
        "bodyweight",
        "--minutes",
        "20",
        "--at",
        "2026-11-20T07:00",
        "--exercise",
        "plank",
        "--sets",
        "3x60s",
    )
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
        "2026-11-21T19:00",
    )
    cli.ok(
        "log",
        "endurance",
        "--sport",
        "run",
        "--minutes",
        "50",
        "--intensity",
        "hard",
        "--km",
        "10",
        "--at",
        "2026-11-22T08:00",
    )
    cli.ok(
        "log", "recovery", "--kind", "foam-rolling", "--minutes", "15", "--at", "2026-11-22T20:00"
    )
    kinds = [s["kind"] for s in cli.ok("history", "--json").json()["sessions"]]
    assert kinds == ["bodyweight", "class", "endurance", "recovery"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exercise", "squat", "--sets", "5y5"], 'Invalid --sets "5y5"'),
        (["--exercise", "flurbo press", "--sets", "3x10"], 'Unknown exercise "flurbo press"'),
        (
            ["--at", "yesterday", "--exercise", "squat", "--sets", "3x10"],
            'Invalid time "yesterday"',
        ),
        (["--rpe", "11", "--exercise", "squat", "--sets", "3x10"], "Invalid --rpe 11"),
        (["--exercise", "squat", "--sets", "5x5@100"], 'Invalid --sets "5x5@100"'),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(cli, args, message):
    result = cli("log", "strength", "--minutes", "60", *args)
    assert result.code == 2
    assert result.err.startswith(f"Error: {message}")
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert session_count(cli) == 0


def test_an_unknown_exercise_error_lists_three_candidates(cli):
    result = cli(
        "log",
        "strength",
        "--minutes",
        "60",
        "--exercise",
        "benchpres machine xyz",
        "--sets",
        "3x10",
    )
    assert result.code == 2
    assert result.err.count('"') >= 8  # the name and three candidates, each quoted


def test_a_session_in_the_future_or_overlapping_is_kept_with_a_warning(cli):
    first = cli.ok("log", "class", "--kind", "barre", "--minutes", "60", "--at", "2026-11-23T18:00")
    assert "Warning" not in first.err
    overlap = cli.ok(
        "log", "class", "--kind", "hiit", "--minutes", "30", "--at", "2026-11-23T18:30"
    )
    assert "Warning" in overlap.err and "#1" in overlap.err
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    future = cli.ok("log", "class", "--kind", "dance", "--minutes", "30", "--at", tomorrow)
    assert "Warning" in future.err
    assert session_count(cli) == 3


def test_a_session_more_than_three_days_ahead_is_refused(cli):
    far = cli("log", "class", "--kind", "dance", "--minutes", "30", "--at", "2999-01-01T18:00")
    latest = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    assert far.code == 2
    assert far.err == (
        'Error: Invalid --at "2999-01-01T18:00:00+00:00": must be from 1970-01-01 to '
        f"{latest} (at most 3 days after now)\n"
    )
    assert session_count(cli) == 0


def test_checkin_validates_regions_and_levels(cli):
    assert cli("checkin", "--sore", "legs=5").err.startswith('Error: Invalid --sore "legs=5"')
    bad_region = cli("checkin", "--injury", "toes")
    assert (bad_region.code, bad_region.err.startswith('Error: Unknown region "toes"')) == (2, True)
    cli.ok(
        "checkin", "--sleep", "7.5", "--sore", "legs=2", "--fatigue", "2", "--injury", "shoulders"
    )


def test_delete_removes_one_session_and_says_what(cli):
    cli.ok("log", "class", "--kind", "barre", "--minutes", "60", "--at", "2026-11-23T18:00")
    result = cli.ok("delete", "1")
    assert "#1" in result.out and "barre" in result.out.lower()
    assert session_count(cli) == 0
    missing = cli("delete", "1")
    assert missing.code == 2 and missing.err.startswith("Error:")
