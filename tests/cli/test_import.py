"""`restday import`, `exercises map`, `export` and restore through the command line."""

import json
import sqlite3
from pathlib import Path

from tests.cli.conftest import validate

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"

STRONG = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-20 18:00:00,Legs,1h 5m,Squat (Barbell),1,100,5,0,0,,,
2026-11-20 18:00:00,Legs,1h 5m,Squat (Barbell),2,100,5,0,0,,,8
2026-11-20 18:00:00,Legs,1h 5m,Latzug,1,50,10,0,0,,,
2026-11-22 18:00:00,Push,45m,Bench Press (Barbell),1,80,5,0,0,,,9
"""


def rows(cli, table):
    with sqlite3.connect(cli.db) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


def strong_file(tmp_path, text=STRONG):
    path = tmp_path / "strong.csv"
    path.write_text(text)
    return path


def test_import_reports_follow_the_contract_and_a_reimport_adds_nothing(cli, tmp_path):
    path = strong_file(tmp_path)
    first = cli.ok("import", "strong", str(path), "--json").json()
    validate(first, "import-report")
    assert (first["sessions_added"], first["sets_added"], first["sessions_skipped_duplicate"]) == (
        2,
        4,
        0,
    )
    (latzug,) = first["unmatched_exercises"]
    assert (latzug["name"], latzug["count"], len(latzug["candidates"])) == ("Latzug", 1, 3)
    again = cli.ok("import", "strong", str(path), "--json").json()
    assert (again["sessions_added"], again["sessions_skipped_duplicate"]) == (0, 2)
    assert rows(cli, "sessions") == 2


def test_a_dry_run_writes_nothing(cli, tmp_path):
    report = cli.ok("import", "strong", str(strong_file(tmp_path)), "--dry-run", "--json").json()
    assert report["sessions_added"] == 2
    assert rows(cli, "sessions") == 0


def test_a_bad_row_stops_the_import_with_file_line_column_and_value(cli, tmp_path):
    bad = strong_file(
        tmp_path,
        STRONG.replace(
            "Push,45m,Bench Press (Barbell),1,80,", "Push,45m,Bench Press (Barbell),1,eighty,"
        ),
    )
    result = cli("import", "strong", str(bad))
    assert result.code == 2
    assert result.err.startswith(f"Error: {bad}, line 5")
    assert "eighty" in result.err and result.err.count("\n") == 1
    assert rows(cli, "sessions") == 0
    skipped = cli.ok("import", "strong", str(bad), "--skip-invalid", "--json").json()
    assert skipped["sessions_added"] == 1
    assert [r["line"] for r in skipped["rows_skipped_invalid"]] == [5]


def test_mapping_an_unmatched_name_makes_status_count_it(cli, tmp_path):
    cli.ok("import", "strong", str(strong_file(tmp_path)))
    mapped = cli.ok("exercises", "map", "Latzug", "Wide-Grip Lat Pulldown")
    assert "1" in mapped.out
    assert cli.ok("exercises", "unmatched", "--json").json()["unmatched_exercises"] == []
    status = cli.ok("status", "--at", "2026-11-21T08:00", "--json").json()
    lats = next(m for m in status["muscles"] if m["muscle"] == "lats")
    assert lats["last_trained"] is not None


def test_a_backup_round_trips_into_an_empty_database(cli, tmp_path):
    cli.ok("profile", "--goal", "hybrid", "--timezone", "Europe/Amsterdam", "--body-mass", "70")
    cli.ok("import", "strong", str(strong_file(tmp_path)))
    cli.ok("exercises", "map", "Latzug", "Wide-Grip Lat Pulldown")
    cli.ok(
        "checkin",
        "--at",
        "2026-11-21T07:00",
        "--sleep",
        "6",
        "--sore",
        "legs=2",
        "--injury",
        "back",
    )
    backup = tmp_path / "backup.json"
    cli.ok("export", "json", str(backup))
    other = type(cli)(tmp_path / "restored.db")
    other.ok("import", "json", str(backup))
    again = tmp_path / "again.json"
    other.ok("export", "json", str(again))
    assert json.loads(again.read_text()) == json.loads(backup.read_text())
    refused = other("import", "json", str(backup))
    assert refused.code == 2 and "restore needs a database without your records" in refused.err


def test_a_backup_from_a_newer_restday_is_refused(cli, tmp_path):
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "restday-backup", "version": 99}))
    result = cli("import", "json", str(newer))
    assert result.code == 2 and "newer restday" in result.err


def test_csv_export_has_a_row_per_set(cli, tmp_path):
    cli.ok("import", "strong", str(strong_file(tmp_path)))
    out = tmp_path / "sets.csv"
    cli.ok("export", "csv", str(out))
    lines = out.read_text().splitlines()
    assert lines[0].startswith("session_id,start,kind")
    assert len(lines) == 1 + 4


def test_the_wrong_format_is_a_clear_error(cli, tmp_path):
    gpx = tmp_path / "run.gpx"
    gpx.write_text('<?xml version="1.0"?><gpx version="1.1"></gpx>')
    result = cli("import", "fit", str(gpx))
    assert result.code == 2 and str(gpx) in result.err


def test_real_exports_from_strong_hevy_and_a_garmin_folder_feed_status_today_and_load(
    cli, shared_data
):
    cli.ok(
        "profile",
        "--goal",
        "hybrid",
        "--timezone",
        "Europe/Amsterdam",
        "--resting-hr",
        "52",
        "--max-hr",
        "190",
    )
    strong = cli.ok(
        "import", "strong", str(shared_data / "strong" / "breinsp_strong-charts.csv"), "--json"
    ).json()
    hevy = cli.ok(
        "import", "hevy", str(shared_data / "hevy" / "ajccosta_hevyplotter_workouts.csv"), "--json"
    ).json()
    fit = cli.ok("import", "fit", str(shared_data / "fit"), "--skip-invalid", "--json").json()
    assert (strong["sessions_added"], strong["sets_added"]) == (129, 2078)
    assert (hevy["sessions_added"], hevy["sets_added"]) == (411, 8650)
    # 13 files: nick.fit has no session summary (skipped), the bad-CRC and truncated copies are one
    # activity (a duplicate), the multisport file gives 4 sessions: 14 sessions in all.
    assert (
        fit["sessions_added"],
        fit["sessions_skipped_duplicate"],
        len(fit["files_skipped"]),
    ) == (14, 1, 1)
    name = hevy["unmatched_exercises"][0]["name"]
    cli.ok("exercises", "map", name, hevy["unmatched_exercises"][0]["candidates"][0])
    assert name not in {
        u["name"] for u in cli.ok("exercises", "unmatched", "--json").json()["unmatched_exercises"]
    }
    at = "2026-04-08T08:00"
    validate(cli.ok("status", "--at", at, "--json").json(), "status")
    validate(cli.ok("today", "--at", at, "--json").json(), "today")
    load = cli.ok("load", "--days", "30", "--at", at, "--json").json()
    validate(load, "load")
    assert load["days"][-1]["ctl"] > 0
