"""Strava bulk export: activities.csv in English, German and Dutch and its old layouts, the
activity files beside it read through the FIT/GPX/TCX importers, and zips that are damaged,
incomplete or hostile.

The exports are built here from fixtures/strava/ (see its SOURCES.md) and the shared real files:
zips written with `zipfile` in a temporary folder, activity files gzipped as Strava does.
"""

import csv
import gzip
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from restday.domain import SessionKind
from restday.errors import ImportFileError
from restday.io import archive, strava
from restday.io.base import fingerprint
from tests.io.fuzzing import damaged, outcome, variants

FIXTURES = Path(__file__).parent / "fixtures"
STRAVA = FIXTURES / "strava"
RUN_FIT = (STRAVA / "run_forerunner110.fit").read_bytes()
RIDE_GPX = (STRAVA / "ride_stravagpx.gpx").read_bytes()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def export_zip(
    tmp_path: Path, files: dict[str, bytes], csv_text: str | None = None, name: str = "en"
) -> Path:
    """export_12345.zip holding activities.csv (a fixture, or `csv_text`) and `files`."""
    path = tmp_path / "export_12345.zip"
    text = csv_text if csv_text is not None else (STRAVA / f"activities_{name}.csv").read_text()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities.csv", text)
        for member, data in files.items():
            zf.writestr(member, data)
    return path


def english(tmp_path: Path, **replaced: bytes) -> Path:
    """The English export with its two files, gzipped (or as `replaced` by member name)."""
    files = {"activities/1001.fit.gz": gz(RUN_FIT), "activities/1002.gpx.gz": gz(RIDE_GPX)}
    return export_zip(tmp_path, {**files, **replaced})


def by_activity(result) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in result.sessions:
        found.setdefault(item.record, []).append(item.session)
    return found


def shared_export(tmp_path: Path, shared_data: Path) -> Path:
    """The shared synthetic export unpacked: its files under the names activities.csv gives."""
    folder = tmp_path / "export_1"
    (folder / "activities").mkdir(parents=True)
    shutil.copy(shared_data / "strava" / "athlytics__activities.csv", folder / "activities.csv")
    for kind in ("fit", "gpx", "tcx"):
        shutil.copy(
            shared_data / "strava" / "activities" / f"athlytics__example.{kind}",
            folder / "activities" / f"example.{kind}",
        )
    return folder


# --- the shared synthetic export (18 columns, three tiny activity files) -------------------


def test_shared_export_refuses_its_fit_file_without_a_session(tmp_path, shared_data):
    folder = shared_export(tmp_path, shared_data)

    with pytest.raises(ImportFileError) as caught:
        strava.parse(folder)

    assert str(caught.value) == (
        f"{folder}/activities/example.fit: no activity session in it: nothing recorded to import"
        " (activity 3, line 76 of activities.csv)"
    )


def test_shared_export_with_skip_invalid_reads_gpx_and_tcx_and_the_fit_row(tmp_path, shared_data):
    folder = shared_export(tmp_path, shared_data)

    result = strava.parse(folder, skip_invalid=True)

    assert len(result.sessions) == 75
    sessions = by_activity(result)
    [tcx_run] = sessions["activity 1"]  # the file's times and distance, the CSV's type
    assert (tcx_run.sport, tcx_run.start) == ("run", datetime(2025, 1, 1, tzinfo=UTC))
    assert (tcx_run.minutes, tcx_run.distance_km) == (pytest.approx(20 / 60), 0.03)
    [gpx_ride] = sessions["activity 2"]  # its GPX has no <type>: Ride says bike
    assert (gpx_ride.sport, gpx_ride.avg_hr_bpm, gpx_ride.max_hr_bpm) == ("bike", 122.0, 124.0)
    [fit_row] = sessions["activity 3"]  # the FIT file holds records only: the CSV's row
    assert fit_row.start == datetime(2025, 1, 3, 12, 0, tzinfo=UTC)
    assert (fit_row.minutes, fit_row.distance_km, fit_row.max_hr_bpm) == (40.0, 3.0, 175.0)
    assert result.warnings == [
        "activity files that could not be read, their activities imported from activities.csv"
        f" alone: 1 ({folder}/activities/example.fit (no activity session in it: nothing"
        " recorded to import))"
    ]


def test_shared_csv_alone_reads_metres_and_moving_time(shared_data):
    path = shared_data / "strava" / "athlytics__activities.csv"

    result = strava.parse(path)

    assert len(result.sessions) == 75
    first = result.sessions[0]
    assert (first.line, first.record) == (2, "activity 4")
    s = first.session
    assert (s.kind, s.sport, s.start) == (
        SessionKind.ENDURANCE,
        "bike",
        datetime(2024, 10, 1, 11, 35, tzinfo=UTC),
    )
    assert (s.minutes, s.distance_km) == (5268 / 60, 33.892)  # Moving Time, metres
    assert (s.avg_hr_bpm, s.max_hr_bpm, s.rpe) == (132.0, 163.0, None)
    assert Counter(i.session.sport for i in result.sessions) == {"run": 56, "bike": 19}
    assert result.warnings == [
        "activities whose files were not read, as activities.csv was imported alone (import the"
        " export's zip or folder to read them): 3"
    ]


# --- English, all 103 columns, with gzipped FIT and GPX files -----------------------------


def test_fixture_has_the_full_103_column_header():
    with (STRAVA / "activities_en.csv").open(newline="") as f:
        header = next(csv.reader(f))
    assert len(header) == 103
    assert [n for n, c in Counter(header).items() if c > 1] == [
        "Elapsed Time",
        "Distance",
        "Max Heart Rate",
        "Relative Effort",
        "Commute",
    ]


def test_english_export_takes_the_si_columns_of_a_manual_activity(tmp_path):
    result = strava.parse(english(tmp_path))

    [manual_run] = by_activity(result)["activity 1006"]
    # The first Distance (10.20 km) and Max Heart Rate (181) are display values; the second ones
    # are read: 10,204.3 m (kept to the metre) and 180 bpm. Moving Time (2,900 s), not Elapsed
    # Time, is its duration.
    assert (manual_run.distance_km, manual_run.max_hr_bpm) == (10.204, 180.0)
    assert (manual_run.minutes, manual_run.avg_hr_bpm) == (48.333, 152.0)
    assert manual_run.start == datetime(2025, 9, 23, 12, 30, tzinfo=UTC)


def test_english_export_reads_the_gzipped_fit_with_the_csvs_rpe(tmp_path):
    result = strava.parse(english(tmp_path))

    [run] = by_activity(result)["activity 1001"]
    assert (run.kind, run.sport, run.rpe) == (SessionKind.ENDURANCE, "run", 7.0)
    assert run.start == datetime(2013, 2, 6, 12, 11, 14, tzinfo=UTC)
    assert (run.minutes, run.distance_km) == (pytest.approx(43.7523, abs=1e-4), 4.83538)
    assert (run.avg_hr_bpm, run.max_hr_bpm) == (147.0, 171.0)


def test_english_export_gives_the_gpx_the_type_the_person_chose(tmp_path):
    result = strava.parse(english(tmp_path))

    [ride] = by_activity(result)["activity 1002"]  # StravaGPX without <type>: "Ride" says bike
    assert (ride.sport, ride.start) == ("bike", datetime(2018, 5, 14, 14, 54, 21, tzinfo=UTC))
    assert ride.minutes == pytest.approx(128.7167, abs=1e-4)  # the track's, not Moving Time
    assert result.sessions[1].line == 3


def test_english_export_maps_manual_types_and_counts_the_unknown_one(tmp_path):
    result = strava.parse(english(tmp_path))

    sessions = by_activity(result)
    [lift] = sessions["activity 1003"]
    assert (lift.kind, lift.exercises, lift.rpe, lift.minutes) == (
        SessionKind.STRENGTH,
        (),
        8.0,
        60.0,
    )
    [yoga] = sessions["activity 1005"]
    assert (yoga.kind, yoga.class_kind, yoga.distance_km) == (SessionKind.CLASS, "yoga", None)
    [kite] = sessions["activity 1004"]
    assert (kite.kind, kite.sport, kite.distance_km) == (SessionKind.ENDURANCE, None, 12.0)
    assert result.warnings == [
        "activities imported as endurance without a sport, as restday has no sport for their"
        " type: Kitesurf 1"
    ]
    assert result.skipped == []


def test_parsing_again_gives_the_same_fingerprints(tmp_path):
    path = english(tmp_path)

    first = [i.fingerprint for i in strava.parse(path).sessions]
    again = [i.fingerprint for i in strava.parse(path).sessions]

    assert first == again
    assert len(set(first)) == 6
    assert first[0] == fingerprint("strava", "1001")


def test_progress_reports_activities_done_of_all(tmp_path):
    calls: list[tuple[int, int]] = []

    strava.parse(english(tmp_path), progress=lambda done, total: calls.append((done, total)))

    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_weight_training_keeps_the_sets_of_a_strength_fit(tmp_path):
    text = (STRAVA / "activities_en.csv").read_text().replace("Run,,2686", "Weight Training,,2686")
    path = export_zip(
        tmp_path, {"activities/1001.fit.gz": gz((FIXTURES / "fit_strength.fit").read_bytes())}, text
    )

    result = strava.parse(path, skip_invalid=True)

    [lift] = by_activity(result)["activity 1001"]
    assert lift.kind is SessionKind.STRENGTH
    assert [e.name for e in lift.exercises][:1] == ["Barbell Bench Press"]


def test_workout_over_a_strength_fit_is_a_hiit_class_without_sets(tmp_path):
    text = (STRAVA / "activities_en.csv").read_text().replace("Run,,2686", "Workout,,2686")
    path = export_zip(
        tmp_path, {"activities/1001.fit.gz": gz((FIXTURES / "fit_strength.fit").read_bytes())}, text
    )

    result = strava.parse(path, skip_invalid=True)

    [workout] = by_activity(result)["activity 1001"]
    assert (workout.kind, workout.class_kind, workout.exercises) == (SessionKind.CLASS, "hiit", ())


def test_multisport_file_gives_every_leg(tmp_path, shared_data):
    multisport = (
        shared_data / "fit" / "fitdecode__activity-large-fenxi2-multisport.fit"
    ).read_bytes()
    path = export_zip(tmp_path, {"activities/1001.fit.gz": gz(multisport)})

    result = strava.parse(path, skip_invalid=True)

    legs = [i for i in result.sessions if i.record == "activity 1001"]
    # The first leg's sport is "generic": the CSV's Run; the others keep their own.
    assert [i.session.sport for i in legs] == ["run", "run", "run", "bike"]
    assert {i.session.rpe for i in legs} == {7.0}
    assert [i.fingerprint for i in legs] == [
        fingerprint("strava", "1001"),
        *(fingerprint("strava", "1001", n) for n in (1, 2, 3)),
    ]
    assert "activities/1001.fit.gz: left out 3 transitions between sports (not training)" in (
        result.warnings
    )


# --- German, Dutch and the old layouts ------------------------------------------------------


def test_german_export_reads_german_dates_and_decimal_commas(tmp_path):
    result = strava.parse(export_zip(tmp_path, {}, name="de"))

    run, ride, lift = (i.session for i in result.sessions)
    assert (run.sport, run.start) == ("run", datetime(2025, 9, 20, 14, 12, 12, tzinfo=UTC))
    # Distanz "9,44" (km) is a display value: the second Distanz, 9441.7 m, is read.
    assert (run.minutes, run.distance_km, run.rpe) == (3012 / 60, 9.442, 6.0)
    assert (run.avg_hr_bpm, run.max_hr_bpm) == (148.0, 172.0)
    assert (ride.sport, ride.distance_km) == ("bike", 33.892)
    assert ride.max_hr_bpm == 158.0  # only the first Max. Herzfrequenz, "158,0", is given
    assert (lift.kind, lift.rpe) == (SessionKind.STRENGTH, 8.0)
    assert result.warnings == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Sep 20, 2026, 2:12:12 PM", datetime(2026, 9, 20, 14, 12, 12, tzinfo=UTC)),
        ("20.09.2026, 14:12:12", datetime(2026, 9, 20, 14, 12, 12, tzinfo=UTC)),
        ("20.09.2026 14:12:12", datetime(2026, 9, 20, 14, 12, 12, tzinfo=UTC)),
        ("20 sep. 2026, 14:12:12", datetime(2026, 9, 20, 14, 12, 12, tzinfo=UTC)),
        ("1 mrt 2026, 7:05:00", datetime(2026, 3, 1, 7, 5, tzinfo=UTC)),
        ("2018-09-12 15:02:23", datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC)),
    ],
)
def test_dates_as_each_language_writes_them(tmp_path, text, start):
    path = tmp_path / "activities.csv"
    path.write_text(f'Activity ID,Activity Date,Activity Type,Elapsed Time\n1,"{text}",Run,600\n')

    assert strava.parse(path).sessions[0].session.start == start


def test_dutch_export_reads_dutch_month_names(tmp_path):
    result = strava.parse(export_zip(tmp_path, {}, name="nl"))

    run, ride, lift = (i.session for i in result.sessions)
    assert (run.sport, run.start) == ("run", datetime(2025, 3, 6, 7, 5, tzinfo=UTC))
    assert (run.minutes, run.distance_km, run.rpe, run.max_hr_bpm) == (30.0, 7.512, 6.0, 172.0)
    assert (ride.sport, ride.start) == ("bike", datetime(2025, 5, 9, 19, 0, tzinfo=UTC))
    assert (lift.kind, lift.start) == (
        SessionKind.STRENGTH,
        datetime(2025, 10, 1, 18, 30, tzinfo=UTC),
    )


def test_old_lowercase_header_reads_metres_and_iso_dates():
    result = strava.parse(STRAVA / "activities_2018.csv")

    ride, run = (i.session for i in result.sessions)
    assert (ride.sport, ride.start) == ("bike", datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC))
    assert (ride.minutes, ride.distance_km) == (783 / 60, 3.681)
    assert (run.sport, run.distance_km) == ("run", pytest.approx(5.0125, abs=0.001))
    assert result.warnings == [
        "activities whose files were not read, as activities.csv was imported alone (import the"
        " export's zip or folder to read them): 1"
    ]


def test_2019_header_gives_display_units_read_as_km_with_a_warning():
    result = strava.parse(STRAVA / "activities_2019.csv")

    [item] = result.sessions
    assert (item.session.distance_km, item.session.minutes) == (3.68, 783 / 60)
    assert result.warnings == [
        "activities.csv gives distances only in the account's display unit (km or miles);"
        " read as km"
    ]


# --- what cannot be read ----------------------------------------------------------------------


def test_missing_file_names_the_member_and_the_activity(tmp_path):
    path = export_zip(tmp_path, {"activities/1001.fit.gz": gz(RUN_FIT)})

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == (
        f"{path}/activities/1002.gpx.gz: not in the export (activity 1002, line 3 of"
        " activities.csv)"
    )


def test_missing_file_with_skip_invalid_keeps_the_activity_from_the_csv(tmp_path):
    path = export_zip(tmp_path, {"activities/1001.fit.gz": gz(RUN_FIT)})

    result = strava.parse(path, skip_invalid=True)

    [ride] = by_activity(result)["activity 1002"]
    assert (ride.sport, ride.start) == ("bike", datetime(2018, 5, 14, 14, 54, 21, tzinfo=UTC))
    assert (ride.minutes, ride.distance_km) == (125.0, 7.471)  # Moving Time, the second Distance
    assert result.warnings[-1] == (
        "activity files that could not be read, their activities imported from activities.csv"
        f" alone: 1 ({path}/activities/1002.gpx.gz (not in the export))"
    )
    # Read from the file or not, the activity is the same one to the store.
    full = strava.parse(english(tmp_path))
    assert [i.fingerprint for i in result.sessions] == [i.fingerprint for i in full.sessions]


def test_damaged_gzip_names_the_member_and_the_activity(tmp_path):
    path = english(tmp_path, **{"activities/1001.fit.gz": gz(RUN_FIT)[:2000]})

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == (
        f"{path}/activities/1001.fit.gz: damaged gzip data (activity 1001, line 2 of"
        " activities.csv)"
    )


def test_broken_activity_file_names_member_line_column_and_activity(tmp_path):
    broken = (FIXTURES / "gpx_broken.gpx").read_bytes()
    path = english(tmp_path, **{"activities/1002.gpx.gz": gz(broken)})

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == (
        f'{path}/activities/1002.gpx.gz, line 7, column lat "undefined": not a valid latitude'
        " (activity 1002, line 3 of activities.csv)"
    )
    skipped = strava.parse(path, skip_invalid=True).skipped
    assert [(s.file, s.line, s.value) for s in skipped] == [
        (f"{path}/activities/1002.gpx.gz", 7, "undefined")
    ]


def test_file_without_an_activity_session_counts_as_unreadable(tmp_path, shared_data):
    sleep = (shared_data / "wellness-fit" / "kaiord__HealthSleepOvernight.fit").read_bytes()
    path = english(tmp_path, **{"activities/1001.fit.gz": gz(sleep)})

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)
    assert str(caught.value) == (
        f"{path}/activities/1001.fit.gz: holds no activity session (activity 1001, line 2 of"
        " activities.csv)"
    )

    [run] = by_activity(strava.parse(path, skip_invalid=True))["activity 1001"]
    assert (run.start, run.minutes) == (datetime(2013, 2, 6, 12, 11, 14, tzinfo=UTC), 43.75)


def test_bad_date_names_line_column_and_value_and_is_skipped_with_skip_invalid(tmp_path):
    text = (
        (STRAVA / "activities_en.csv").read_text().replace("Sep 20, 2025, 6:05:00 PM", "Sep 31st")
    )
    path = export_zip(tmp_path, {}, text)

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path, skip_invalid=False)
    assert str(caught.value) == (
        f'{path}/activities.csv, line 4, column Activity Date "Sep 31st": not a date and time'
        " (such as Sep 20, 2026, 2:12:12 PM)"
    )

    result = strava.parse(path, skip_invalid=True)
    assert [(s.line, s.column, s.value) for s in result.skipped] == [
        (4, "Activity Date", "Sep 31st")
    ]
    assert "activity 1003" not in by_activity(result)


def test_bad_number_names_the_si_column(tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text((STRAVA / "activities_de.csv").read_text().replace("9441.7", "9441.7km"))

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == f'{path}, line 2, column Distanz "9441.7km": not a number'


def test_heart_rate_no_heart_makes_is_missing_with_a_warning(tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text((STRAVA / "activities_en.csv").read_text().replace("180.0,152.0", "180.0,300"))

    result = strava.parse(path)

    assert result.sessions[-1].session.avg_hr_bpm is None
    assert result.warnings == [
        "activities.csv: heart rate outside 20-250 bpm treated as missing (line 7 Average Heart"
        " Rate 300)",
        "activities imported as endurance without a sport, as restday has no sport for their"
        " type: Kitesurf 1",
        "activities whose files were not read, as activities.csv was imported alone (import the"
        " export's zip or folder to read them): 2",
    ]


def test_repeated_activity_id_is_left_out_with_a_warning(tmp_path):
    lines = (STRAVA / "activities_2018.csv").read_text().splitlines()
    path = tmp_path / "activities.csv"
    path.write_text("\n".join([*lines, lines[1].replace("15:02:23", "16:00:00")]) + "\n")

    result = strava.parse(path)

    assert len(result.sessions) == 2
    assert "line 4: activity 501 repeats line 2; left out" in result.warnings


def test_an_activity_id_repeated_many_times_is_one_counted_warning(tmp_path):
    lines = (STRAVA / "activities_2018.csv").read_text().splitlines()
    path = tmp_path / "activities.csv"
    path.write_text("\n".join([*lines, *[lines[1]] * 1_000]) + "\n")

    result = strava.parse(path)

    assert len(result.sessions) == 2
    assert [w for w in result.warnings if "repeat" in w] == [
        "left out 1,000 rows whose activity repeats an earlier row (line 4: activity 501 repeats "
        "line 2; line 5: activity 501 repeats line 2; line 6: activity 501 repeats line 2; and "
        "997 more)"
    ]


def test_unknown_header_is_not_a_strava_export(tmp_path):
    path = export_zip(tmp_path, {}, "Date,Workout Name,Exercise Name\n2024-01-01,Legs,Squat\n")

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == (
        f"{path}/activities.csv, line 1: not a Strava activities.csv: no Activity ID column"
    )


def test_zip_without_activities_csv(tmp_path):
    path = tmp_path / "export_12345.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("profile.csv", "Athlete ID\n1\n")

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == f"{path}: no activities.csv in the zip"


def test_cut_off_zip_is_not_readable(tmp_path):
    whole = english(tmp_path).read_bytes()
    path = tmp_path / "export_cut.zip"
    path.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == f"{path}: not a readable zip archive (damaged, or cut off?)"


def test_zip_in_a_folder_of_its_own_is_read(tmp_path):
    path = tmp_path / "export_12345.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("export_12345/activities.csv", (STRAVA / "activities_en.csv").read_text())
        zf.writestr("export_12345/activities/1001.fit.gz", gz(RUN_FIT))
        zf.writestr("export_12345/activities/1002.gpx.gz", gz(RIDE_GPX))

    result = strava.parse(path)

    assert len(result.sessions) == 6 and result.sessions[0].session.sport == "run"


# --- hostile archives -------------------------------------------------------------------------


def test_filename_outside_the_folder_is_never_read(tmp_path):
    (tmp_path / "secret.gpx").write_bytes(RIDE_GPX)
    folder = tmp_path / "export"
    folder.mkdir()
    text = (STRAVA / "activities_2018.csv").read_text()
    (folder / "activities.csv").write_text(text.replace("activities/501.gpx", "../secret.gpx"))

    with pytest.raises(ImportFileError) as caught:
        strava.parse(folder)

    assert str(caught.value) == (
        f"{folder}/../secret.gpx: points outside the export; not read (activity 501, line 2 of"
        " activities.csv)"
    )


def test_link_out_of_the_folder_is_never_followed(tmp_path):
    (tmp_path / "secret.gpx").write_bytes(RIDE_GPX)
    folder = tmp_path / "export"
    (folder / "activities").mkdir(parents=True)
    shutil.copy(STRAVA / "activities_2018.csv", folder / "activities.csv")
    (folder / "activities" / "501.gpx").symlink_to(tmp_path / "secret.gpx")

    with pytest.raises(ImportFileError) as caught:
        strava.parse(folder)

    assert str(caught.value) == (
        f"{folder}/activities/501.gpx: points outside the export; not read (activity 501, line 2"
        " of activities.csv)"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/mem is Linux's")
def test_activities_csv_that_gives_an_input_output_error_is_an_error_naming_it(tmp_path):
    (tmp_path / "activities.csv").symlink_to("/proc/self/mem")

    for path in (tmp_path, tmp_path / "activities.csv"):
        with pytest.raises(ImportFileError) as caught:
            strava.parse(path)
        assert (
            str(caught.value) == f"{tmp_path}/activities.csv: cannot be read (Input/output error)"
        )


def test_zip_member_outside_the_archive_is_never_read(tmp_path):
    text = (STRAVA / "activities_2018.csv").read_text().replace("activities/501.gpx", "../501.gpx")
    path = export_zip(tmp_path, {"../501.gpx": RIDE_GPX, "/etc/501.gpx": RIDE_GPX}, text)

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert "points outside the export; not read" in str(caught.value)
    assert not (tmp_path.parent / "501.gpx").exists()


def test_member_declaring_more_than_the_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MEMBER_MAX_BYTES", 1024 * 1024)
    text = (STRAVA / "activities_en.csv").read_text().replace("1001.fit.gz", "1001.fit")
    path = export_zip(tmp_path, {"activities/1001.fit": bytes(3 * 1024 * 1024)}, text)

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value) == (
        f"{path}/activities/1001.fit: larger than 1 MB once decompressed, more than restday reads"
        " of one file (activity 1001, line 2 of activities.csv)"
    )


def test_gzip_bomb_stops_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MEMBER_MAX_BYTES", 1024 * 1024)
    bomb = gz(bytes(50 * 1024 * 1024))  # 50 kB that unpack to 50 MB
    path = english(tmp_path, **{"activities/1001.fit.gz": bomb})

    with pytest.raises(ImportFileError) as caught:
        strava.parse(path)

    assert str(caught.value).startswith(
        f"{path}/activities/1001.fit.gz: larger than 1 MB once decompressed"
    )


def test_gpx_bomb_of_elements_restday_does_not_read_is_refused_in_flat_memory(tmp_path):
    if not Path("/proc/self/status").is_file():
        pytest.skip("the peak memory of a process is read from Linux's /proc")
    points = RIDE_GPX.index(b"<trkpt")
    processing = RIDE_GPX[:points] + b"<?pi?>" * 3_000_000 + RIDE_GPX[points:]
    unknown = RIDE_GPX[:points] + b"<X/>" * 3_000_000 + RIDE_GPX[points:]
    script = (
        "import re, sys\nfrom pathlib import Path\nfrom restday.errors import ImportFileError\n"
        "from restday.io import strava\n"
        "found = [len(strava.parse(Path(sys.argv[1])).sessions)]\n"
        "try:\n    strava.parse(Path(sys.argv[2]))\n"
        "except ImportFileError as error:\n    found.append(str(error))\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1), *found, sep='\\n')"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = english(tmp_path / "a", **{"activities/1002.gpx.gz": gz(processing)})
    second = english(tmp_path / "b", **{"activities/1002.gpx.gz": gz(unknown)})

    done = subprocess.run(
        [sys.executable, "-c", script, str(first), str(second)],
        capture_output=True,
        text=True,
        check=True,
    )

    peak_kib, sessions, error = done.stdout.splitlines()
    assert first.stat().st_size + second.stat().st_size < 200_000  # 33 MB once decompressed
    assert int(sessions) == len(strava.parse(english(tmp_path)).sessions)
    assert error == (
        f"{second}/activities/1002.gpx.gz: holds more than 100,000 elements restday does not "
        "read (by byte 1,048,576): not an activity GPX file (activity 1002, line 3 of "
        "activities.csv)"
    )
    assert int(peak_kib) < 150_000  # kept, these elements took over a gigabyte


# --- fuzzed: whatever the bytes, a result or one clear error --------------------------------


def _parse_naming_the_zip(path: Path, *, skip_invalid: bool):
    """strava.parse, an error about a member counted as naming the zip it is in."""
    try:
        return strava.parse(path, skip_invalid=skip_invalid)
    except ImportFileError as error:
        assert error.file.startswith(str(path)), error.file
        raise ImportFileError(path, error.problem) from error


@pytest.mark.parametrize(("variant", "rng"), variants("strava-zip", 60))
def test_damaged_zip_gives_a_result_or_an_error(tmp_path, variant, rng):
    data, what = damaged(english(tmp_path).read_bytes(), rng)
    path = tmp_path / "damaged.zip"
    path.write_bytes(data)

    for skip_invalid in (False, True):
        outcome(_parse_naming_the_zip, path, f"{variant} ({what})", skip_invalid=skip_invalid)


@pytest.mark.parametrize(("variant", "rng"), variants("strava-csv", 60))
def test_damaged_csv_gives_a_result_or_an_error(tmp_path, variant, rng):
    name = rng.choice(("en", "de", "nl", "2018"))
    data, what = damaged((STRAVA / f"activities_{name}.csv").read_bytes(), rng)
    path = tmp_path / "activities.csv"
    path.write_bytes(data)

    for skip_invalid in (False, True):
        outcome(strava.parse, path, f"{variant} {name} ({what})", skip_invalid=skip_invalid)


def test_a_zip_member_without_a_name_is_passed_over(tmp_path):
    path = tmp_path / "export_12345.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("activities.csv", (STRAVA / "activities_en.csv").read_text())
        zf.writestr(zipfile.ZipInfo(""), b"damaged directory entry")
    result = strava.parse(path, skip_invalid=True)
    assert len(result.sessions) == 6
