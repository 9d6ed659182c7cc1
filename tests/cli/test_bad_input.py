"""Absurd command-line values: one line on stderr, a non-zero exit, and the database unchanged."""

import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

SQUAT = ("--exercise", "squat", "--sets", "5x5@100kg")


def strict(text: str):
    """JSON as a strict parser reads it: NaN and Infinity are not JSON."""

    def refuse(name):
        raise ValueError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def logged(restday):
    """A database with a profile in Amsterdam and one session."""
    restday.ok("profile", "--timezone", "Europe/Amsterdam")
    restday.ok("log", "strength", "--at", "2026-11-23T18:00", "--minutes", "60", *SQUAT)
    return restday


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("log", "strength", "--minutes", "nan", *SQUAT),
            "Invalid --minutes nan: must be a number above 0 and at most 1,440 min",
        ),
        (
            ("log", "strength", "--minutes", "inf", *SQUAT),
            "Invalid --minutes inf: must be a number above 0 and at most 1,440 min",
        ),
        (
            ("log", "strength", "--minutes", "1441", *SQUAT),
            "Invalid --minutes 1441: must be a number above 0 and at most 1,440 min",
        ),
        (
            ("log", "strength", "--minutes", "1440.0001", *SQUAT),
            "Invalid --minutes 1440.0001: must be a number above 0 and at most 1,440 min",
        ),
        (
            (
                "log",
                "strength",
                "--minutes",
                "60",
                "--exercise",
                "squat",
                "--sets",
                "1x99999999999999999999",
            ),
            'Invalid --sets "1x99999999999999999999": reps must be a whole number from 1 to 10,000',
        ),
        (
            ("log", "strength", "--minutes", "60", "--exercise", "squat", "--sets", "3x5@2000kg"),
            'Invalid --sets "3x5@2000kg": weight must be a number from 0 to 1,000 kg',
        ),
        (
            ("log", "strength", "--minutes", "60", "--rpe", "nan", *SQUAT),
            "Invalid --rpe nan: must be a number from 1 to 10",
        ),
        (
            ("log", "strength", "--minutes", "60", "--exercise", "x" * 201, "--sets", "3x5"),
            f'Invalid --exercise "{"x" * 120}…": must be at most 200 characters long',
        ),
        (
            (
                "log",
                "endurance",
                "--sport",
                "run",
                "--minutes",
                "30",
                "--intensity",
                "easy",
                "--km",
                "inf",
            ),
            "Invalid --km inf: must be a number from 0 to 1,000 km",
        ),
        (
            ("log", "strength", "--at", "0001-01-01T00:00", "--minutes", "60", *SQUAT),
            'Invalid --at "0001-01-01T00:00:00+00:19:32": must be from 1970-01-01 to',
        ),
        (
            ("status", "--at", "0001-01-01T00:00"),
            'Invalid --at "0001-01-01T00:00:00+00:19:32": must be from 1970-01-01 to 2099-12-31',
        ),
        (
            ("today", "--at", "9999-12-31T23:59"),
            'Invalid --at "9999-12-31T23:59:00+01:00": must be from 1970-01-01 to 2099-12-31',
        ),
        (
            ("load", "--at", "0001-01-01T00:00"),
            'Invalid --at "0001-01-01T00:00:00+00:19:32": must be from 1970-01-01 to 2099-12-31',
        ),
        (
            ("history", "--since", "0001-01-01"),
            'Invalid --since "0001-01-01T00:00:00+00:19:32": must be from 1970-01-01 to 2099-12-31',
        ),
        (
            ("today", "--minutes", "nan"),
            "Invalid --minutes nan: must be a number from 1 to 1,440 min",
        ),
        (("load", "--days", "0"), "Invalid --days 0: must be a whole number from 1 to 36,500"),
        (("plan", "--weeks", "5"), "Invalid --weeks 5: must be a whole number from 1 to 4"),
        (
            ("plan", "--start", "0001-01-01"),
            'Invalid --start "0001-01-01T12:00:00+00:00": must be from 1970-01-01',
        ),
        (("checkin", "--sleep", "nan"), "Invalid --sleep nan: must be a number from 0 to 24 h"),
        (("checkin", "--hrv", "inf"), "Invalid --hrv inf: must be a number from 1 to 500 ms"),
        (
            ("checkin", "--resting-hr", "250"),
            "Invalid --resting-hr 250: must be a whole number from 20 to 150 bpm",
        ),
        (("checkin", "--sore", "legs=²"), 'Invalid --sore "legs=²": use REGION=0-3, e.g. legs=2'),
        (
            ("checkin", "--sore", "legs=2", "--sore", "legs=3"),
            'Invalid --sore "legs=3": legs is given twice',
        ),
        (
            ("profile", "--resting-hr", "190", "--max-hr", "180"),
            "Invalid --resting-hr 190: must be a number from 20 to 150 bpm",
        ),
        (
            ("profile", "--resting-hr", "100", "--max-hr", "90"),
            "Invalid --resting-hr 100: must be below the maximum heart rate of 90",
        ),
        (
            ("profile", "--body-mass", "nan"),
            "Invalid --body-mass nan: must be a number from 20 to 400 kg",
        ),
        (
            ("profile", "--timezone", "localtime"),
            'Invalid --timezone "localtime": must be an IANA time zone such as Europe/Amsterdam',
        ),
        (
            ("profile", "--timezone", "Factory"),
            'Invalid --timezone "Factory": must be an IANA time zone such as Europe/Amsterdam',
        ),
        (("exercises", "map", "", "squat"), 'Invalid NAME "": must not be empty'),
        (("exercises", "map", " ", "squat"), 'Invalid NAME " ": must not be empty'),
        (("delete", "99999999999999999999"), "No session with id 99999999999999999999"),
        (("delete", "2147483648"), "No session with id 2147483648"),
        (("delete", "0"), "No session with id 0"),
        (
            ("log", "strength", "--at", "2026-03-29T02:30", "--minutes", "60", *SQUAT),
            'Invalid time "2026-03-29T02:30": it does not exist in Europe/Amsterdam (the clocks '
            "go forward then); give a time outside that hour, or with its UTC offset",
        ),
    ],
)
def test_a_bad_value_is_one_line_on_stderr_and_changes_nothing(logged, args, error):
    before = logged.dump()
    result = logged(*args)
    assert result.code == 2, result.err
    assert result.err.startswith(f"Error: {error}"), result.err
    assert result.err.count("\n") == 1
    assert logged.dump() == before


def test_history_between_times_that_happen_twice_says_which_it_took(logged):
    result = logged.ok("history", "--since", "2026-10-25T02:30", "--at", "2026-10-25T02:45")
    assert result.err.count("Note: 2026-10-25T02:") == 2 and "read as the first" in result.err


def test_a_session_at_a_time_that_happens_twice_says_which_it_took(logged):
    result = logged.ok("log", "strength", "--at", "2026-10-25T02:30", "--minutes", "30", *SQUAT)
    assert result.err == (
        "Note: 2026-10-25T02:30 happens twice in Europe/Amsterdam (the clocks go back then); "
        "read as the first, 2026-10-25T02:30+02:00\n"
    )
    (session,) = [
        s
        for s in strict(logged.ok("history", "--json").out)["sessions"]
        if s["at"].startswith("2026-10")
    ]
    assert session["at"] == "2026-10-25T02:30:00+02:00"


def test_history_and_the_backup_are_strict_json(logged, tmp_path):
    strict(logged.ok("history", "--json").out)
    backup = tmp_path / "backup.json"
    logged.ok("export", "json", str(backup))
    assert strict(backup.read_text())["version"] == 3


def test_an_export_into_a_missing_folder_is_refused(logged, tmp_path):
    target = tmp_path / "no" / "such" / "backup.json"
    result = logged("export", "json", str(target))
    assert result.code == 2
    assert result.err == (
        f'Error: Invalid FILE "{target}": cannot be written: there is no folder {target.parent}\n'
    )


def test_an_export_onto_the_live_database_is_refused(logged):
    before = logged.dump()
    for fmt in ("json", "csv", "ics"):
        result = logged("export", fmt, str(logged.db))
        assert result.code == 2
        assert "is the database restday is using: choose another file" in result.err
    assert logged.dump() == before
    assert logged.ok("status", "--json").out


def test_a_plan_whose_calendar_cannot_be_written_is_not_saved(logged, tmp_path):
    target = tmp_path / "missing" / "plan.ics"
    result = logged("plan", "--goal", "muscle", "--ics", str(target))
    assert result.code == 2
    assert result.err == (
        f'Error: Invalid --ics "{target}": cannot be written: there is no folder {target.parent}\n'
    )
    with sqlite3.connect(logged.db) as con:
        assert con.execute("select count(*) from plans").fetchone()[0] == 0


def test_a_session_more_than_three_days_ahead_is_refused_but_tomorrow_is_kept(logged):
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M%z")
    kept = logged.ok("log", "class", "--kind", "barre", "--minutes", "45", "--at", tomorrow)
    assert "Warning" in kept.err
    far = logged("log", "class", "--kind", "barre", "--minutes", "45", "--at", "2030-01-01T10:00")
    assert far.code == 2 and "(at most 3 days after now)" in far.err


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_folder_with_an_unreadable_file_names_it(restday, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n"
        "2026-11-20 18:00:00,Legs,1h,Squat (Barbell),1,100,5\n"
    )
    unreadable = folder / "b.csv"
    os.symlink("/proc/self/mem", unreadable)
    refused = restday("import", "strong", str(folder))
    assert refused.code == 2
    assert refused.err.startswith(f"Error: {unreadable}: cannot be read (")
    assert not any(line.startswith('INSERT INTO "sessions"') for line in restday.dump())
    report = json.loads(restday.ok("import", "strong", str(folder), "--skip-invalid", "--json").out)
    assert report["sessions_added"] == 1
    assert report["files_skipped"][0].startswith(f"{unreadable}: cannot be read (")


def test_a_backup_dry_run_writes_nothing_and_import_options_are_refused(logged, tmp_path):
    backup = tmp_path / "backup.json"
    logged.ok("export", "json", str(backup))
    fresh = tmp_path / "fresh.db"
    logged.env["RESTDAY_DATABASE_URL"] = f"sqlite:///{fresh}"
    dry = logged.ok("import", "json", str(backup), "--dry-run")
    assert dry.out.startswith(
        "Dry run: the backup is valid and would restore 1 session, 0 check-ins"
    )
    with sqlite3.connect(fresh) as con:
        assert con.execute("select count(*) from sessions").fetchone()[0] == 0
    for option in ("--skip-invalid", "--replace"):
        refused = logged("import", "json", str(backup), option)
        assert refused.err == (
            f"Error: {option} does not apply to a backup: it is restored whole or not at all\n"
        )
