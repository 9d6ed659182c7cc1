"""Watch data through the command line: Apple Health, Garmin wellness FIT and Strava exports come in
once, `today` cites the night and the heart with their numbers, and a re-import adds nothing."""

import gzip
import shutil
import zipfile
from datetime import date, timedelta
from pathlib import Path

from tests.cli.conftest import validate
from tests.cli.test_import import rows

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"
WATCH = 'sourceName="Sam’s Apple Watch" sourceVersion="10.3"'
FIRST = date(2026, 11, 20)  # the first morning of the generated exports


def record(kind: str, start: str, end: str, value: str, unit: str = "") -> str:
    unit_attr = f' unit="{unit}"' if unit else ""
    return (
        f' <Record type="HKQuantityTypeIdentifier{kind}" {WATCH}{unit_attr} '
        f'creationDate="{end}" startDate="{start}" endDate="{end}" value="{value}"/>\n'
    )


def night(wake: date, hours: float) -> str:
    """An Apple Watch night of core sleep ending at 07:00 (+01:00) on `wake`."""
    end = f"{wake} 07:00:00 +0100"
    minutes = round(hours * 60)
    start_day = wake - timedelta(days=1) if minutes > 7 * 60 else wake
    begin = (7 * 60 - minutes) % (24 * 60)
    start = f"{start_day} {begin // 60:02d}:{begin % 60:02d}:00 +0100"
    return (
        f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" {WATCH} creationDate="{end}" '
        f'startDate="{start}" endDate="{end}" value="HKCategoryValueSleepAnalysisAsleepCore"/>\n'
    )


def apple_export(
    tmp_path: Path, nights: list[float], hearts: list[int], first: date = FIRST
) -> Path:
    """export.zip as the Health app writes it: one night and one resting heart rate a morning,
    from the morning of `first` on."""
    body = ""
    for i, (hours, bpm) in enumerate(zip(nights, hearts, strict=True)):
        day = first + timedelta(days=i)
        body += night(day, hours)
        moment = f"{day} 07:30:00 +0100"
        body += record("RestingHeartRate", moment, moment, str(bpm), "count/min")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData ANY>\n]>\n'
        f'<HealthData locale="en_NL">\n <ExportDate value="{day} 09:00:00 +0100"/>\n{body}</HealthData>\n'
    )
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("apple_health_export/export.xml", xml)
    return path


def morning(i: int) -> str:
    return f"{FIRST + timedelta(days=i)}T08:00"


def amsterdam(cli) -> None:
    cli.ok("profile", "--timezone", "Europe/Amsterdam")


def test_a_four_hour_night_and_a_high_resting_heart_rate_are_cited_with_their_numbers(
    cli, tmp_path
):
    amsterdam(cli)
    export = apple_export(tmp_path, [7.5] * 7 + [4.0], [57, 58, 59, 58, 57, 59, 58, 66])
    report = cli.ok("import", "apple-health", str(export), "--json").json()
    validate(report, "import-report")
    assert (report["nights_added"], report["readings_added"]) == (8, 8)
    today = cli.ok("today", "--at", morning(7), "--json").json()
    validate(today, "today")
    warnings = [w["text"] for w in today["warnings"]]
    assert "Only 4 h of sleep (Sam’s Apple Watch): aim for at least 7 h." in warnings
    assert (
        "Resting heart rate 66 bpm (Sam’s Apple Watch), 8 above your 28-day baseline of 58."
        in warnings
    )
    assert today["verdict"] == "rest"  # two warning signs
    assert {r["rule"] for r in today["reasons"]} >= {"signs", "load.baseline"}
    ready = today["readiness"]
    assert (ready["sleep"]["value"], ready["sleep"]["mark"], ready["sleep"]["typed"]) == (
        4.0,
        "low",
        False,
    )
    assert (ready["resting_hr"]["mark"], ready["resting_hr"]["baseline"]["days"]) == ("high", 7)
    assert ready["hrv"] is None
    text = cli.ok("today", "--at", morning(7)).out
    assert "Readiness" in text and "Sleep 4 h (Sam’s Apple Watch): low (aim for 7 to 9 h)" in text


def test_a_normal_week_gives_normal_marks_and_trains(cli, tmp_path):
    amsterdam(cli)
    cli.ok("import", "apple-health", str(apple_export(tmp_path, [7.5] * 8, [58] * 4 + [57] * 4)))
    today = cli.ok("today", "--at", morning(7), "--json").json()
    assert today["verdict"] == "train"
    assert (today["readiness"]["sleep"]["mark"], today["readiness"]["resting_hr"]["mark"]) == (
        "normal",
        "normal",
    )
    assert not [w for w in today["warnings"] if w["rule"] == "load.baseline"]


def test_a_typed_check_in_wins_over_the_watch_and_both_are_listed(cli, tmp_path):
    amsterdam(cli)
    cli.ok("import", "apple-health", str(apple_export(tmp_path, [7.5] * 7 + [4.0], [58] * 8)))
    cli.ok(
        "checkin", "--sleep", "7.5", "--fatigue", "2", "--at", f"{FIRST + timedelta(days=7)}T07:45"
    )
    today = cli.ok("today", "--at", morning(7), "--json").json()
    assert (today["readiness"]["sleep"]["value"], today["readiness"]["sleep"]["source"]) == (
        7.5,
        "check-in",
    )
    assert not [w for w in today["warnings"] if "of sleep" in w["text"]]
    listed = cli.ok("checkin", "--list", "--at", morning(7), "--days", "2", "--json").json()
    last = listed["days"][0]
    assert last["date"] == str(FIRST + timedelta(days=7))
    assert [(c["source"], c["sleep_h"]) for c in last["checkins"]] == [("cli", 7.5)]
    assert [(r["measure"], r["value"], r["source"], r["format"]) for r in last["readings"]] == [
        ("sleep_h", 4.0, "Sam’s Apple Watch", "apple-health"),
        ("resting_hr_bpm", 58.0, "Sam’s Apple Watch", "apple-health"),
    ]
    text = cli.ok("checkin", "--list", "--at", morning(7), "--days", "1").out
    assert "Check-in 07:45 (logged by hand): slept 7.5 h, fatigue 2/5" in text
    assert (
        "Measured, from apple-health: Sleep 4 h (Sam’s Apple Watch; asleep stages (core))" in text
    )


def test_reimporting_an_apple_export_adds_nothing_and_a_changed_night_is_updated(cli, tmp_path):
    export = apple_export(tmp_path, [7.5] * 3, [58] * 3)
    cli.ok("import", "apple-health", str(export))
    again = cli.ok("import", "apple-health", str(export), "--json").json()
    assert (again["nights_added"], again["readings_added"]) == (0, 0)
    assert (again["nights_skipped_duplicate"], again["readings_skipped_duplicate"]) == (3, 3)
    later = apple_export(tmp_path, [7.5, 7.5, 6.0], [58] * 3)
    changed = cli.ok("import", "apple-health", str(later), "--json").json()
    assert (changed["nights_replaced"], changed["nights_added"]) == (1, 0)
    assert rows(cli, "readings") == 6
    assert rows(cli, "checkins") == 0  # measured values are not check-ins


def test_a_real_apple_export_s_short_night_is_cited(cli, shared_data):
    export = shared_data / "apple-health" / "alxdrcirilo-apple-health-parser__export.zip"
    report = cli.ok("import", "apple-health", str(export), "--json").json()
    assert report["nights_added"] == 1
    today = cli.ok("today", "--at", "2024-01-01T09:00", "--json").json()
    assert today["readiness"]["sleep"]["source"] == "Alexandre's Apple Watch"
    assert "Only 0.2 h of sleep (Alexandre's Apple Watch): aim for at least 7 h." in [
        w["text"] for w in today["warnings"]
    ]


def test_a_garmin_folder_of_activities_and_wellness_files_imports_with_one_command(
    cli, tmp_path, shared_data
):
    folder = tmp_path / "garmin"
    folder.mkdir()
    for name in ("kaiord__HealthHrvOvernight.fit", "kaiord__HealthMonitoringStressDay.fit"):
        shutil.copy(shared_data / "wellness-fit" / name, folder / name)
    shutil.copy(shared_data / "fit" / "fitdecode__2013-02-06-12-11-14.fit", folder / "run.fit")
    (folder / "broken-sync.fit").write_bytes(b"")
    report = cli.ok("import", "fit", str(folder), "--json").json()
    validate(report, "import-report")
    assert (
        f"{folder / 'broken-sync.fit'}: the file is empty: nothing to import" in report["warnings"]
    )
    assert (report["sessions_added"], report["readings_added"], report["nights_added"]) == (1, 2, 0)
    again = cli.ok("import", "fit", str(folder), "--json").json()
    assert (again["sessions_added"], again["readings_added"]) == (0, 0)
    assert (again["sessions_skipped_duplicate"], again["readings_skipped_duplicate"]) == (1, 2)
    listed = cli.ok("checkin", "--list", "--at", "2026-05-23T12:00", "--days", "3650", "--json")
    readings = [r for day in listed.json()["days"] for r in day["readings"]]
    assert sorted((r["measure"], r["value"], r["source"]) for r in readings) == [
        ("hrv_rmssd_ms", 48.0, "Garmin vivosmart 5"),
        ("resting_hr_bpm", 58.0, "Garmin fenix 5 plus"),
    ]


def strava_zip(tmp_path: Path) -> Path:
    path = tmp_path / "export_12345.zip"
    run = (FIXTURES / "strava" / "run_forerunner110.fit").read_bytes()
    ride = (FIXTURES / "strava" / "ride_stravagpx.gpx").read_bytes()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("activities.csv", (FIXTURES / "strava" / "activities_en.csv").read_text())
        zf.writestr("activities/1001.fit.gz", gzip.compress(run, mtime=0))
        zf.writestr("activities/1002.gpx.gz", gzip.compress(ride, mtime=0))
    return path


def test_a_strava_archive_imports_each_activity_once_even_beside_its_own_fit_file(cli, tmp_path):
    report = cli.ok("import", "strava", str(strava_zip(tmp_path)), "--json").json()
    validate(report, "import-report")
    assert report["sessions_added"] == 6
    again = cli.ok("import", "strava", str(strava_zip(tmp_path)), "--json").json()
    assert (again["sessions_added"], again["sessions_skipped_duplicate"]) == (0, 6)
    fit = tmp_path / "run.fit"
    fit.write_bytes((FIXTURES / "strava" / "run_forerunner110.fit").read_bytes())
    watch = cli.ok("import", "fit", str(fit), "--json").json()
    assert (watch["sessions_added"], watch["sessions_skipped_duplicate"]) == (0, 1)
    assert "is the same activity as the one at" in " ".join(watch["warnings"])
    history = cli.ok("history", "--json").json()["sessions"]
    assert {s["source"] for s in history} == {"strava"}
    assert "from strava" in cli.ok("history").out


def test_a_german_strava_csv_imports_its_activities(cli):
    report = cli.ok(
        "import", "strava", str(FIXTURES / "strava" / "activities_de.csv"), "--json"
    ).json()
    assert report["sessions_added"] >= 2
    sports = {s["sport"] for s in cli.ok("history", "--json").json()["sessions"]}
    assert {"run", "bike"} <= sports


def test_a_damaged_archive_is_one_clear_error_and_writes_nothing(cli, tmp_path):
    export = strava_zip(tmp_path)
    data = bytearray(export.read_bytes())
    data[40:400] = b"\x00" * 360
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(data))
    before = cli.dump()
    result = cli("import", "strava", str(broken))
    assert result.code == 2
    assert result.err.startswith(f"Error: {broken}") and result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert cli.dump() == before


def test_a_backup_carries_the_readings_into_a_new_database(cli, tmp_path, migrated_db):
    cli.ok("import", "apple-health", str(apple_export(tmp_path, [7.5, 4.0], [58, 60])))
    file = tmp_path / "backup.json"
    cli.ok("export", "json", str(file))
    fresh = tmp_path / "fresh.db"
    shutil.copyfile(migrated_db, fresh)
    other = {"RESTDAY_DATABASE_URL": f"sqlite:///{fresh}"}
    assert "4 device readings" in cli.ok("import", "json", str(file), **other).out
    listed = ("checkin", "--list", "--at", morning(2), "--days", "5", "--json")

    def without_ids(data):
        return [
            {k: v for k, v in r.items() if k != "id"} for d in data["days"] for r in d["readings"]
        ]

    restored, kept = cli.ok(*listed, **other).json(), cli.ok(*listed).json()
    assert len(without_ids(kept)) == 4
    assert without_ids(restored) == without_ids(kept)
