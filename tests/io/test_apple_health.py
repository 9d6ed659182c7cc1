"""Apple Health importer: nights of sleep, readings and workouts from export.zip, export.xml or the
unzipped folder; broken, hostile and huge files.

The fixtures in fixtures/apple-health/ are written by hand in the form the Health app writes
(attributes, offsets, MetadataEntry children); the route GPX there carries heart rate, which
Apple's routes do not, so that the route fallback has something to find.
"""

import math
import os
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restday.domain import Measure, SessionKind
from restday.errors import ImportFileError
from restday.io import apple_health
from restday.io.base import SkippedRow
from tests.io.fuzzing import EXTREMES, billion_laughs, damaged, outcome, revalued, variants

FIXTURES = Path(__file__).parent / "fixtures" / "apple-health"
EST, EDT = timezone(timedelta(hours=-5)), timezone(timedelta(hours=-4))
CEST = timezone(timedelta(hours=2))
WATCH = "Sam’s Apple Watch"

UNITS = {
    "HeartRate": "count/min",
    "RestingHeartRate": "count/min",
    "HeartRateVariabilitySDNN": "ms",
    "BodyMass": "kg",
    "StepCount": "count",
}
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'


def write(tmp_path: Path, body: str, name: str = "export.xml") -> Path:
    """An export.xml holding `body` inside <HealthData>."""
    path = tmp_path / name
    path.write_text(f"{HEAD}{body}\n</HealthData>\n", encoding="utf-8")
    return path


def record(kind: str, start: str, end: str | None = None, value: str = "", **more: str) -> str:
    """A Record element as Apple writes it (the value a sleep stage's name or a number)."""
    attributes = {"sourceName": WATCH}
    if kind == "Sleep":
        kind, value = (
            "HKCategoryTypeIdentifierSleepAnalysis",
            f"HKCategoryValueSleepAnalysis{value}",
        )
    else:
        attributes["unit"] = UNITS[kind]
        kind = f"HKQuantityTypeIdentifier{kind}"
    attributes.update(more)
    extra = "".join(f' {k}="{v}"' for k, v in attributes.items())
    return (
        f' <Record type="{kind}"{extra} creationDate="{end or start}" startDate="{start}" '
        f'endDate="{end or start}" value="{value}"/>\n'
    )


def nights(result) -> list[tuple]:
    """The sleep readings as (key, hours, at, start, source, method)."""
    return [
        (i.key, i.reading.value, i.reading.at, i.reading.start, i.reading.source, i.reading.method)
        for i in result.readings
        if i.reading.measure is Measure.SLEEP_H
    ]


def sessions(result) -> list[tuple]:
    """The sessions as (kind, start, minutes, sport, class, km, avg bpm, max bpm, line)."""
    return [
        (
            s.kind.value,
            s.start,
            round(s.minutes, 2),
            s.sport,
            s.class_kind,
            None if s.distance_km is None else round(s.distance_km, 3),
            s.avg_hr_bpm,
            s.max_hr_bpm,
            i.line,
        )
        for i in result.sessions
        for s in [i.session]
    ]


def zipped(folder: Path, archive: Path, extra: dict[str, bytes] | None = None) -> Path:
    """A zip of `folder` as the Health app writes it (its name the first level), plus `extra`."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(folder.parent).as_posix())
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return archive


# --- sleep ------------------------------------------------------------------------------------


def test_a_night_across_midnight_counts_the_asleep_stages_and_not_the_awake_one():
    result = apple_health.parse(FIXTURES / "night_across_midnight.xml")

    assert nights(result) == [
        (
            "apple-health:sleep:2024-02-02",
            7.417,  # 30 + 50 + 40 + 325 minutes, the 10 awake ones left out
            datetime(2024, 2, 2, 6, 45, tzinfo=EST),
            datetime(2024, 2, 1, 23, 10, tzinfo=EST),
            WATCH,
            "asleep stages (core, deep, REM)",
        )
    ]
    assert result.readings[0].line == 5
    assert result.sessions == [] and result.warnings == [] and result.skipped == []


def test_nights_across_the_dst_changes_count_the_hours_slept_not_the_clock():
    result = apple_health.parse(FIXTURES / "night_dst.xml")

    assert [(n[0], n[1], n[2], n[3]) for n in nights(result)] == [
        # 23:30 EST to 07:00 EDT: 7.5 hours on the clock, 6.5 slept
        (
            "apple-health:sleep:2024-03-10",
            6.5,
            datetime(2024, 3, 10, 7, 0, tzinfo=EDT),
            datetime(2024, 3, 9, 23, 30, tzinfo=EST),
        ),
        # 23:00 EDT to 06:00 EST: 7 hours on the clock, 8 slept
        (
            "apple-health:sleep:2024-11-03",
            8.0,
            datetime(2024, 11, 3, 6, 0, tzinfo=EST),
            datetime(2024, 11, 2, 23, 0, tzinfo=EDT),
        ),
    ]
    assert result.readings[0].reading.at.utcoffset() == timedelta(hours=-4)


def test_two_sources_of_one_night_are_counted_once_stages_first_then_the_longer():
    result = apple_health.parse(FIXTURES / "two_sources.xml")

    assert [(n[0], n[1], n[4], n[5]) for n in nights(result)] == [
        # the iPhone's 8.08 h without stages lose to the Watch's stages; the Watch's two
        # overlapping Core records count their shared 90 minutes once: 4 h + 3 h 20
        (
            "apple-health:sleep:2024-04-06",
            7.333,
            WATCH,
            "asleep stages (core, deep, REM); also recorded by Sam’s iPhone, counted once",
        ),
        (
            "apple-health:sleep:2024-04-07",
            8.0,
            "AutoSleep",
            "asleep, no stages; also recorded by Sam’s iPhone, counted once",
        ),
        ("apple-health:sleep:2024-04-08", 6.0, "Sam’s iPhone", "asleep, no stages"),
    ]
    assert [r.line for r in result.readings] == [11, 32, 33]


def test_a_night_with_only_time_in_bed_gives_no_reading_and_is_counted_in_a_warning():
    result = apple_health.parse(FIXTURES / "only_in_bed.xml")

    assert [(n[0], n[1]) for n in nights(result)] == [("apple-health:sleep:2024-01-04", 6.0)]
    assert result.warnings == [
        "2 nights have time in bed or awake but none asleep, so no sleep reading "
        "(2024-01-02, 2024-01-03)"
    ]


def test_a_night_asleep_for_no_time_gives_no_reading_and_a_warning_not_an_error(tmp_path):
    night = record("Sleep", "2024-01-01 23:00:00 +0000", "2024-01-02 07:00:00 +0000", "AsleepCore")
    instant = record(
        "Sleep", "2024-01-03 03:00:00 +0000", "2024-01-03 03:00:00 +0000", "AsleepCore"
    )
    path = write(tmp_path, night + instant)

    result = apple_health.parse(path)

    assert [(n[0], n[1]) for n in nights(result)] == [("apple-health:sleep:2024-01-02", 8.0)]
    assert result.warnings == [
        "1 night has asleep records that last no time, so no sleep reading (2024-01-03)"
    ]


@pytest.mark.parametrize(
    ("end", "night"),
    [
        ("2024-02-02 17:59:59 -0500", "2024-02-02"),
        ("2024-02-02 18:00:00 -0500", "2024-02-03"),
        ("2024-02-02 23:59:00 -0500", "2024-02-03"),
        ("2024-02-03 00:01:00 -0500", "2024-02-03"),
    ],
)
def test_an_interval_belongs_to_the_night_of_the_day_it_ends_until_18_00(tmp_path, end, night):
    start = (datetime.fromisoformat(end.replace(" -", "-")) - timedelta(hours=1)).strftime(
        "%Y-%m-%d %H:%M:%S %z"
    )
    path = write(tmp_path, record("Sleep", start, end, "AsleepCore"))

    assert [(n[0], n[1]) for n in nights(apple_health.parse(path))] == [
        (f"apple-health:sleep:{night}", 1.0)
    ]


def test_a_sleep_value_restday_does_not_know_is_left_out_with_a_warning(tmp_path):
    body = record("Sleep", "2024-01-01 23:00:00 +0000", "2024-01-02 06:00:00 +0000", "AsleepCore")
    body += record("Sleep", "2024-01-02 06:00:00 +0000", "2024-01-02 06:30:00 +0000", "Dozing")

    result = apple_health.parse(write(tmp_path, body))

    assert [n[1] for n in nights(result)] == [7.0]
    assert result.warnings == [
        "left out 1 sleep record with a value restday does not know (Dozing 1)"
    ]


def test_a_sleep_record_that_ends_before_it_starts_is_an_invalid_value(tmp_path):
    body = record("Sleep", "2024-01-02 06:00:00 +0000", "2024-01-01 23:00:00 +0000", "AsleepCore")
    path = write(
        tmp_path, body + record("RestingHeartRate", "2024-01-02 06:00:00 +0000", value="55")
    )

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)
    result = apple_health.parse(path, skip_invalid=True)

    assert str(caught.value) == (
        f'{path}, line 3, column endDate "2024-01-01 23:00:00 +0000": ends before its startDate'
    )
    assert nights(result) == [] and len(result.readings) == 1
    assert result.skipped == [
        SkippedRow(
            str(path), 3, "ends before its startDate", "endDate", "2024-01-01 23:00:00 +0000"
        )
    ]


# --- readings ---------------------------------------------------------------------------------


def test_resting_heart_rate_hrv_and_body_mass_are_read_in_their_own_offset():
    result = apple_health.parse(FIXTURES / "readings.xml")
    bst = timezone(timedelta(hours=1))

    assert [
        (
            i.reading.measure,
            i.reading.value,
            i.reading.at,
            i.reading.source,
            i.reading.method,
            i.line,
        )
        for i in result.readings
    ] == [
        (
            Measure.BODY_MASS_KG,
            71.2,
            datetime(2024, 5, 1, 7, 1, 54, tzinfo=bst),
            "Health Mate",
            "",
            5,
        ),
        (Measure.BODY_MASS_KG, 71.214, datetime(2024, 5, 2, 7, 9, 30, tzinfo=bst), "Renpho", "", 8),
        (Measure.RESTING_HR_BPM, 52.0, datetime(2024, 5, 1, 0, 3, 12, tzinfo=bst), WATCH, "", 12),
        (
            Measure.RESTING_HR_BPM,
            54.0,
            datetime(2024, 5, 2, 0, 1, tzinfo=bst),
            "Alexandra-Katharina’s Apple Watc",  # cut to 32 characters
            "",
            13,
        ),
        (
            Measure.HRV_SDNN_MS,
            48.317,
            datetime(2024, 5, 1, 3, 11, 38, tzinfo=bst),
            WATCH,
            "SDNN",
            14,
        ),
    ]
    assert all(i.reading.start is None for i in result.readings)
    # a Correlation's records are in the file twice (inside it and on their own): counted once
    assert result.warnings == [
        "left out 7 records of types restday does not read (StepCount 2, ActiveEnergyBurned 1, "
        "BloodPressureSystolic 1, BloodPressureDiastolic 1, Correlation 1 and 1 more type)"
    ]


def test_reading_keys_are_stable_and_differ_by_type_time_and_source():
    first = [i.key for i in apple_health.parse(FIXTURES / "readings.xml").readings]
    again = [i.key for i in apple_health.parse(FIXTURES / "readings.xml").readings]

    assert first == again
    assert len(set(first)) == len(first)
    assert all(k.startswith("apple-health:") and len(k) <= 128 for k in first)


def test_a_bad_date_and_a_bad_value_name_line_attribute_and_value(tmp_path):
    body = record("RestingHeartRate", "2024-05-41 00:03:12 +0100", value="52")
    body += record("HeartRateVariabilitySDNN", "2024-05-01 03:11:38 +0100", value="fast")
    body += record("BodyMass", "2024-05-01 07:00:00 +0100", value="11", unit="oz")
    body += record("BodyMass", "2024-05-02 07:00:00", value="71")
    body += record("BodyMass", "2150-05-02 07:00:00 +0100", value="71")
    body += record("RestingHeartRate", "2024-05-02 00:03:12 +0100", value="53")
    path = write(tmp_path, body)

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)
    result = apple_health.parse(path, skip_invalid=True)

    assert str(caught.value) == (
        f'{path}, line 3, column startDate "2024-05-41 00:03:12 +0100": '
        "not a date with a UTC offset"
    )
    assert [(r.line, r.column, r.value, r.problem) for r in result.skipped] == [
        (3, "startDate", "2024-05-41 00:03:12 +0100", "not a date with a UTC offset"),
        (4, "value", "fast", "not a valid number"),
        (5, "unit", "oz", "not a unit restday reads here (kg, g, lb, st)"),
        (6, "startDate", "2024-05-02 07:00:00", "not a date with a UTC offset"),
        (7, "startDate", "2150-05-02 07:00:00 +0100", "not a plausible date"),
    ]
    assert [(i.reading.value, i.line) for i in result.readings] == [(53.0, 8)]


# --- workouts ---------------------------------------------------------------------------------


def test_workouts_map_to_sports_classes_and_strength_with_distance_and_heart_rate():
    result = apple_health.parse(FIXTURES / "workouts.xml")
    pdt = timezone(timedelta(hours=-7))

    assert sessions(result) == [
        # an older export: 3.1 mi in totalDistance, heart rate from the records in its span
        ("endurance", datetime(2019, 6, 1, 7, 0, tzinfo=pdt), 32.5, "run", None, 4.989, 150.0, 160.0, 20),
        # newer exports: distance and heart rate in WorkoutStatistics (12.4 mi, 1,640 yd)
        ("endurance", datetime(2024, 5, 4, 9, 0, tzinfo=CEST), 61.0, "bike", None, 19.956, 131.5, 168.0, 23),
        ("endurance", datetime(2024, 5, 5, 7, 0, tzinfo=CEST), 45.0, "swim", None, 1.5, 120.0, 150.0, 30),
        ("strength", datetime(2024, 5, 6, 18, 0, tzinfo=CEST), 50.0, None, None, None, 112.0, 141.0, 37),
        ("strength", datetime(2024, 5, 7, 18, 0, tzinfo=CEST), 30.0, None, None, None, None, None, 43),
        ("class", datetime(2024, 5, 8, 19, 0, tzinfo=CEST), 60.0, None, "yoga", None, 92.0, 118.0, 48),
        ("class", datetime(2024, 5, 9, 7, 0, tzinfo=CEST), 25.0, None, "hiit", None, 151.0, 182.0, 54),
        ("endurance", datetime(2024, 5, 10, 12, 0, tzinfo=CEST), 40.0, None, None, None, 131.5, 168.0, 60),
        ("endurance", datetime(2024, 5, 11, 20, 0, tzinfo=CEST), 70.0, None, None, None, None, None, 66),
        ("endurance", datetime(2024, 5, 12, 10, 0, tzinfo=CEST), 95.5, "ski", None, 14.25, 138.0, 171.0, 71),
    ]  # fmt: skip
    assert all(not i.session.exercises for i in result.sessions)
    assert result.warnings == [
        "workouts: left out 1 heart-rate reading outside 20-250 bpm",
        "2 workouts (TraditionalStrengthTraining 1, FunctionalStrengthTraining 1) are strength "
        "training without sets (Apple Health records none): imported without exercises",
        "2 workouts (Elliptical 1, UnderwaterHockey 1) are of a type restday has no sport for: "
        "imported as endurance without a sport",
        "left out 1 record of types restday does not read (ActivitySummary 1)",
    ]


def test_workout_fingerprints_are_stable_and_distinct():
    first = [i.fingerprint for i in apple_health.parse(FIXTURES / "workouts.xml").sessions]

    assert first == [i.fingerprint for i in apple_health.parse(FIXTURES / "workouts.xml").sessions]
    assert len(set(first)) == len(first)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Running", (SessionKind.ENDURANCE, "run", None)),
        ("Walking", (SessionKind.ENDURANCE, "walk", None)),
        ("Hiking", (SessionKind.ENDURANCE, "hike", None)),
        ("Rowing", (SessionKind.ENDURANCE, "row", None)),
        ("DownhillSkiing", (SessionKind.ENDURANCE, "ski", None)),
        ("CoreTraining", (SessionKind.BODYWEIGHT, None, None)),
        ("Pilates", (SessionKind.CLASS, None, "pilates")),
        ("Dance", (SessionKind.CLASS, None, "dance")),
        ("Boxing", (SessionKind.CLASS, None, "boxing")),
        ("Kickboxing", (SessionKind.CLASS, None, "kickboxing")),
        ("CrossTraining", (SessionKind.CLASS, None, "crossfit")),
        ("Flexibility", (SessionKind.CLASS, None, "stretching")),
        ("Cooldown", (SessionKind.CLASS, None, "stretching")),
        ("MindAndBody", (SessionKind.CLASS, None, "yoga")),
        ("MixedCardio", (SessionKind.ENDURANCE, None, None)),
        ("StairClimbing", (SessionKind.ENDURANCE, None, None)),
        ("Other", (SessionKind.ENDURANCE, None, None)),
    ],
)
def test_activity_types_map_to_restday_kinds(kind, expected):
    from restday.io.apple_health_workouts import activity

    assert activity(f"HKWorkoutActivityType{kind}") == expected


def test_heart_rate_records_out_of_time_order_still_give_each_workout_its_own(tmp_path):
    def hr(minute: int, bpm: int, source: str = WATCH) -> str:
        return record(
            "HeartRate", f"2024-05-01 07:{minute:02}:00 +0200", value=str(bpm), sourceName=source
        )

    def run(start: int, end: int) -> str:
        return (
            ' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" '
            f'duration="{end - start}" durationUnit="min" sourceName="{WATCH}" '
            f'startDate="2024-05-01 07:{start:02}:00 +0200" '
            f'endDate="2024-05-01 07:{end:02}:00 +0200"/>\n'
        )

    # a strap's app wrote its samples after the Watch's: not in time order
    body = hr(5, 120) + hr(15, 130) + hr(35, 150) + hr(45, 170) + hr(10, 124, "Polar Beat")
    path = write(tmp_path, body + hr(40, 160, "Polar Beat") + run(0, 20) + run(30, 50))

    assert [(s[6], s[7]) for s in sessions(apple_health.parse(path))] == [
        (124.7, 130.0),  # (120 + 130 + 124) / 3
        (160.0, 170.0),
    ]


def test_a_workout_with_a_broken_duration_is_an_error_or_skipped(tmp_path):
    good = (
        ' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="{}" '
        f'durationUnit="min" sourceName="{WATCH}" startDate="2024-05-0{{}} 07:00:00 +0200" '
        'endDate="2024-05-0{} 07:30:00 +0200"/>\n'
    )
    path = write(tmp_path, good.format("thirty", 1, 1) + good.format("30", 2, 2))

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)
    result = apple_health.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 3, column duration "thirty": not a valid number'
    assert [(s[1].day, s[2]) for s in sessions(result)] == [(2, 30.0)]
    assert [(r.line, r.column) for r in result.skipped] == [(3, "duration")]


@pytest.mark.parametrize("duration", ["", ' duration="0" durationUnit="min"'])
def test_a_workout_without_a_duration_lasts_from_start_to_end(tmp_path, duration):
    path = write(
        tmp_path,
        f' <Workout workoutActivityType="HKWorkoutActivityTypeRowing"{duration} '
        'sourceName="Concept2" startDate="2024-05-01 07:00:00 +0200" '
        'endDate="2024-05-01 07:42:00 +0200"/>',
    )

    assert [(s[0], s[2], s[3]) for s in sessions(apple_health.parse(path))] == [
        ("endurance", 42.0, "row")
    ]


def test_a_route_gives_the_heart_rate_and_a_missing_one_is_a_warning(tmp_path):
    folder = FIXTURES / "routes" / "apple_health_export"
    archive = zipped(folder, tmp_path / "export.zip")

    for path in (archive, folder, folder.parent, folder / "export.xml"):
        result = apple_health.parse(path)

        assert [(s[3], s[5], s[6], s[7]) for s in sessions(result)] == [
            ("run", 5.02, 147.5, 161.0),  # (128 + 146 + 155 + 161) / 4 from the route GPX
            ("walk", 4.1, None, None),
        ], path
        assert result.warnings == [
            "1 route file named in export.xml is not in the export "
            "(workout-routes/route_2024-05-06_6.40pm.gpx): no heart rate from a route for its "
            "workout"
        ], path


def test_a_route_outside_the_export_folder_is_not_read(tmp_path):
    (tmp_path / "secret.gpx").write_bytes(
        (
            FIXTURES / "routes/apple_health_export/workout-routes/route_2024-05-04_7.12am.gpx"
        ).read_bytes()
    )
    folder = tmp_path / "apple_health_export"
    folder.mkdir()
    path = folder / "export.xml"
    path.write_text(
        (FIXTURES / "routes/apple_health_export/export.xml")
        .read_text(encoding="utf-8")
        .replace("/workout-routes/route_2024-05-04_7.12am.gpx", "../secret.gpx"),
        encoding="utf-8",
    )

    result = apple_health.parse(path)

    assert [s[6] for s in sessions(result)] == [None, None]
    assert result.warnings[0].startswith("2 route files named in export.xml are not in the export")


# --- the files the Health app writes ----------------------------------------------------------


def test_the_zip_streams_its_export_xml_and_ignores_export_cda(tmp_path):
    archive = zipped(FIXTURES / "routes" / "apple_health_export", tmp_path / "export.zip")
    calls: list[tuple[int, int]] = []

    result = apple_health.parse(archive, progress=lambda done, total: calls.append((done, total)))

    size = (FIXTURES / "routes/apple_health_export/export.xml").stat().st_size
    assert len(result.sessions) == 2
    assert calls[-1] == (size, size)


def test_progress_is_reported_every_few_megabytes_up_to_the_size(tmp_path):
    body = record("StepCount", "2024-01-01 08:00:00 +0000", value="10") * 40_000
    path = write(
        tmp_path, body + record("RestingHeartRate", "2024-01-01 06:00:00 +0000", value="50")
    )
    calls: list[tuple[int, int]] = []

    apple_health.parse(path, progress=lambda done, total: calls.append((done, total)))

    size = path.stat().st_size
    assert size > 8 * 1024 * 1024
    assert len(calls) >= 3
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert {total for _, total in calls} == {size}
    assert calls[-1] == (size, size)


def test_a_zip_without_export_xml_is_an_error(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(archive)

    assert str(caught.value) == (
        f"{archive}: the zip holds no apple_health_export/export.xml: not an Apple Health export"
    )


def test_a_zip_cut_off_is_an_error(tmp_path, shared_data):
    data = (shared_data / "apple-health/alxdrcirilo-apple-health-parser__export.zip").read_bytes()
    archive = tmp_path / "export.zip"
    archive.write_bytes(data[: len(data) // 2])

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(archive)

    assert str(caught.value) == f"{archive}: not a readable zip archive (File is not a zip file)"


def test_a_zip_with_a_member_without_a_name_is_an_error(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(zipfile.ZipInfo(""), b"")
        out.writestr(apple_health._MEMBER, (FIXTURES / "readings.xml").read_bytes())

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(archive)

    assert str(caught.value) == f"{archive}: not a readable zip archive (a member without a name)"


def test_a_damaged_member_of_the_zip_is_an_error_naming_it(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        out.writestr(apple_health._MEMBER, (FIXTURES / "readings.xml").read_bytes())
    data = bytearray(archive.read_bytes())
    data[data.index(b"Health Mate")] = ord("W")  # the stored bytes no longer match their CRC
    archive.write_bytes(bytes(data))

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(archive)

    assert str(caught.value) == (
        f"{archive}/apple_health_export/export.xml: the zip is damaged "
        "(Bad CRC-32 for file 'apple_health_export/export.xml')"
    )


def test_a_folder_without_export_xml_is_an_error(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(tmp_path)

    assert str(caught.value) == (
        f"{tmp_path}: the folder holds no export.xml: not an Apple Health export"
    )


def test_a_gpx_file_is_not_an_apple_health_export(shared_data):
    path = shared_data / "apple-health/dogsheep-healthkit-to-sqlite__route_2019-06-11_3.00pm.gpx"

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert str(caught.value) == f"{path}: not an Apple Health export: its root element is <gpx>"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", ": the file is empty, not an Apple Health export"),
        (b"Date,Steps\n2024-01-01,8000\n", ": not an Apple Health export (it is not XML)"),
        (
            b'<?xml version="1.0"?>\n<!-- no root -->\n',
            ", line 3: broken XML (Start tag expected, '<' not found, line 3, column 1)",
        ),
        (b"<!--" + b" " * 1_100_000 + b"-->", ": not an Apple Health export: no root element in its first 1 MB"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_an_export_is_an_error(tmp_path, content, problem):
    path = tmp_path / "export.xml"
    path.write_bytes(content)

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert str(caught.value) == f"{path}{problem}"


def test_an_export_with_nothing_restday_reads_is_an_error(tmp_path):
    path = write(tmp_path, record("StepCount", "2024-01-01 08:00:00 +0000", value="10"))

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert str(caught.value) == (
        f"{path}: nothing to import: no workouts, sleep, resting heart rate, HRV or body mass"
    )


def test_an_export_cut_off_is_an_error_naming_the_line(tmp_path):
    data = (FIXTURES / "night_across_midnight.xml").read_bytes()
    path = tmp_path / "export.xml"
    path.write_bytes(data[: data.index(b"AsleepREM")])  # in the middle of line 14

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert caught.value.line == 14
    assert str(caught.value).startswith(f"{path}, line 14: broken XML (")


def test_billion_laughs_is_refused_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "export.xml"
    rhr = record("RestingHeartRate", "2024-01-01 06:00:00 +0000", value="50")
    path.write_text(billion_laughs(f'<HealthData locale="&lol9;">{rhr}</HealthData>'))
    resource = pytest.importorskip("resource")  # Unix's
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert caught.value.file == str(path)
    assert caught.value.problem.startswith("broken XML (Maximum entity amplification")


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret Watch")
    rhr = record("RestingHeartRate", "2024-01-01 06:00:00 +0000", value="50")
    doctype = (
        f'<!DOCTYPE HealthData [<!ENTITY file SYSTEM "{secret.as_uri()}">'
        '<!ENTITY web SYSTEM "http://127.0.0.1:9/name.txt">]>'
    )
    text = tmp_path / "text.xml"
    text.write_text(
        f"{doctype}\n<HealthData>{rhr.replace('/>', '>&file;&web;</Record>')}</HealthData>"
    )
    attribute = tmp_path / "attribute.xml"
    attribute.write_text(f"{doctype}\n<HealthData>\n{rhr.replace(WATCH, '&file;')}</HealthData>")

    result = apple_health.parse(text)
    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(attribute)

    assert [i.reading.source for i in result.readings] == [WATCH]
    assert str(caught.value).startswith(
        f"{attribute}, line 3: broken XML (Attribute references external entity 'file'"
    )


def test_memory_stays_flat_while_a_large_export_streams(tmp_path):
    if not Path("/proc/self/status").is_file():
        pytest.skip("the peak memory of a process is read from Linux's /proc")
    hr = (
        f' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="{WATCH}" unit="count/min" '
        'creationDate="2024-01-01 08:00:00 +0000" startDate="2024-01-01 08:{:02}:{:02} +0000" '
        'endDate="2024-01-01 08:00:00 +0000" value="61">\n'
        '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n'
    )
    steps = record("StepCount", "2024-01-01 08:00:00 +0000", value="10")
    block = "".join(hr.format(i // 60, i % 60) for i in range(3600)) + steps * 500
    path = tmp_path / "export.xml"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for _ in range(42):
            out.write(block)
        out.write(record("RestingHeartRate", "2024-01-02 06:00:00 +0000", value="50"))
        out.write("</HealthData>\n")
    script = (
        "import re, sys\nfrom pathlib import Path\nfrom restday.io import apple_health\n"
        "result = apple_health.parse(sys.argv[1])\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(len(result.readings), re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))"
    )

    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )

    readings, peak_kib = map(int, done.stdout.split())
    assert path.stat().st_size > 50_000_000
    assert readings == 1
    assert peak_kib < 100_000  # the tree of this file alone would take several hundred MB


def test_a_zip_bomb_of_elements_restday_does_not_read_streams_in_flat_memory(tmp_path):
    if not Path("/proc/self/status").is_file():
        pytest.skip("the peak memory of a process is read from Linux's /proc")
    archive = tmp_path / "export.zip"
    rhr = record("RestingHeartRate", "2024-01-02 06:00:00 +0000", value="50")
    with (
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("apple_health_export/export.xml", "w") as out,
    ):
        out.write(HEAD.encode())
        for chunk in (b"<X/>", b"<!---->", b"<?pi?>"):
            for _ in range(30):
                out.write(chunk * 100_000)
        out.write(f"{rhr}</HealthData>\n".encode())
    script = (
        "import re, sys\nfrom pathlib import Path\nfrom restday.io import apple_health\n"
        "result = apple_health.parse(sys.argv[1])\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(len(result.readings), re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))"
    )

    done = subprocess.run(
        [sys.executable, "-c", script, str(archive)], capture_output=True, text=True, check=True
    )

    readings, peak_kib = map(int, done.stdout.split())
    assert archive.stat().st_size < 200_000  # 50 MB once decompressed
    assert readings == 1
    assert peak_kib < 100_000  # kept, these nine million nodes took over a gigabyte


def test_an_element_holding_more_than_100_000_elements_is_an_error_naming_its_line(tmp_path):
    rhr = record("RestingHeartRate", "2024-01-02 06:00:00 +0000", value="50")
    entries = '<MetadataEntry key="k" value="v"/>' * 100_001
    path = write(tmp_path, f"{rhr}{rhr.replace('/>', '>')}{entries}</Record>")

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert str(caught.value) == (
        f"{path}, line 4: a <Record> holding more than 100,000 elements, "
        "not what the Health app writes"
    )


# --- the real exports in ../shared/data -------------------------------------------------------


def test_real_zip_gives_its_one_night_from_the_watch_not_the_iphone_in_bed(shared_data):
    plus2 = timezone(timedelta(hours=2))
    for name in ("export.zip", "export.xml"):
        result = apple_health.parse(
            shared_data / f"apple-health/alxdrcirilo-apple-health-parser__{name}"
        )

        assert nights(result) == [
            (
                "apple-health:sleep:2024-01-01",
                0.208,  # 03:27:53 to 03:40:23, AsleepCore; the iPhone's InBed is not sleep
                datetime(2024, 1, 1, 3, 40, 23, tzinfo=plus2),
                datetime(2024, 1, 1, 3, 27, 53, tzinfo=plus2),
                "Alexandre's Apple Watch",
                "asleep stages (core)",
            )
        ], name
        assert result.sessions == []
        assert result.warnings == [
            "left out 4 records of types restday does not read "
            "(ActiveEnergyBurned 2, AppleExerciseTime 1, AppleStandTime 1)"
        ]


def test_real_workout_in_miles_with_inline_route_locations(shared_data):
    result = apple_health.parse(
        shared_data / "apple-health/dogsheep-healthkit-to-sqlite__export.xml"
    )

    pdt = timezone(timedelta(hours=-7))
    assert sessions(result) == [
        ("endurance", datetime(2016, 11, 14, 7, 25, 41, tzinfo=pdt), 5.19, "run", None, 0.8, None, None, 14)
    ]  # fmt: skip
    assert result.warnings == [
        "left out 3 records of types restday does not read (ActivitySummary 2, BodyMassIndex 1)"
    ]


def test_real_export_with_its_route_beside_it_as_folder_and_zip(tmp_path, shared_data):
    folder = tmp_path / "apple_health_export"
    (folder / "workout-routes").mkdir(parents=True)
    real = shared_data / "apple-health"
    shutil.copy(real / "dogsheep-healthkit-to-sqlite__zip_export.xml", folder / "export.xml")
    shutil.copy(
        real / "dogsheep-healthkit-to-sqlite__route_2019-06-11_3.00pm.gpx",
        folder / "workout-routes/route_2019-06-11_3.00pm.gpx",
    )
    archive = zipped(folder, tmp_path / "export.zip")

    for path in (folder, archive):
        result = apple_health.parse(path)

        # the route is found (no warning) but Apple's routes carry no heart rate
        assert [(s[3], s[5], s[6]) for s in sessions(result)] == [("run", 0.8, None)]
        assert result.warnings == [
            "left out 3 records of types restday does not read (ActivitySummary 2, BodyMassIndex 1)"
        ]


def test_real_synthetic_files_with_child_elements_in_me(shared_data):
    real = shared_data / "apple-health"
    result = apple_health.parse(real / "tagbug-apple-health-analyzer__export.xml")
    example = apple_health.parse(real / "tagbug-apple-health-analyzer__example.xml")

    assert [(i.reading.measure, i.reading.value, i.reading.method) for i in result.readings] == [
        (Measure.RESTING_HR_BPM, 60.0, ""),
        (Measure.HRV_SDNN_MS, 45.0, "SDNN"),
        (Measure.SLEEP_H, 7.5, "asleep stages (core)"),
    ]
    assert [(n[0], n[1]) for n in nights(example)] == [("apple-health:sleep:2024-01-03", 7.333)]
    assert example.warnings == ["left out 1 record of types restday does not read (StepCount 1)"]


def test_real_export_version_3_with_its_dtd(shared_data):
    result = apple_health.parse(
        shared_data / "apple-health/tdda-applehealthdata__export6s3sample.xml"
    )

    plus1 = timezone(timedelta(hours=1))
    assert sessions(result) == [
        ("endurance", datetime(2016, 4, 2, 10, 40, 38, tzinfo=plus1), 31.74, None, None, None, None, None, 100)
    ]  # fmt: skip
    assert result.warnings == [
        "1 workout (Other 1) is of a type restday has no sport for: imported as endurance "
        "without a sport",
        "left out 17 records of types restday does not read "
        "(StepCount 10, DistanceWalkingRunning 5, ActivitySummary 2)",
    ]


# --- damaged files ----------------------------------------------------------------------------


def _xml_files() -> list[Path]:
    return [*sorted(FIXTURES.glob("*.xml")), FIXTURES / "routes/apple_health_export/export.xml"]


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_damaged_fixtures_give_a_result_or_an_import_error(tmp_path, path):
    data = path.read_bytes()
    broken_path = tmp_path / "export.xml"
    imported = 0
    for variant, rng in variants(path.name, 150):
        damage = revalued if rng.random() < 0.7 else damaged
        broken, what = damage(data, rng)
        broken_path.write_bytes(broken)
        for skip_invalid in (False, True):
            found = outcome(
                apple_health.parse, broken_path, f"{variant} ({what})", skip_invalid=skip_invalid
            )
            imported += found is not None

    assert imported > 50


def test_damaged_real_files_give_a_result_or_an_import_error(tmp_path, shared_data):
    broken_path = tmp_path / "export.xml"
    for path in sorted((shared_data / "apple-health").glob("*.xml")):
        data = path.read_bytes()
        for variant, rng in variants(path.name, 60):
            broken, what = (revalued if rng.random() < 0.7 else damaged)(data, rng)
            broken_path.write_bytes(broken)
            for skip_invalid in (False, True):
                outcome(
                    apple_health.parse,
                    broken_path,
                    f"{variant} ({what})",
                    skip_invalid=skip_invalid,
                )


def test_damaged_zips_give_a_result_or_an_import_error_naming_the_zip(tmp_path):
    data = zipped(FIXTURES / "routes" / "apple_health_export", tmp_path / "good.zip").read_bytes()
    archive = tmp_path / "export.zip"
    for variant, rng in variants("export.zip", 200):
        broken, what = damaged(data, rng)
        archive.write_bytes(broken)
        try:
            apple_health.parse(archive)
        except ImportFileError as error:
            assert error.file.startswith(str(archive)), f"{variant} ({what}): {error.file}"
        except Exception as error:  # the bug this test is for
            raise AssertionError(f"{variant} ({what}): {type(error).__name__}: {error}") from error


_OFFSETS = st.sampled_from(["+0000", "-0500", "+0200", "+1400", "-1200", "+2359", "-0000", "+24"])
_TIMES = st.one_of(
    st.builds(
        lambda d, z: f"{d:%Y-%m-%d %H:%M:%S} {z}",
        st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)),
        _OFFSETS,
    ),
    st.builds(
        lambda d, z: f"{d:%Y-%m-%d %H:%M:%S} {z}",
        st.datetimes(datetime(2024, 3, 9), datetime(2024, 3, 11)),
        _OFFSETS,
    ),
    st.sampled_from(EXTREMES),
)
_NUMBERS = st.one_of(
    st.floats().map(repr), st.integers(-(10**30), 10**30).map(str), st.sampled_from(EXTREMES)
)
_TYPES = st.sampled_from(
    [
        ("Record", "HKQuantityTypeIdentifierHeartRate", "count/min"),
        ("Record", "HKQuantityTypeIdentifierRestingHeartRate", "count/min"),
        ("Record", "HKQuantityTypeIdentifierHeartRateVariabilitySDNN", "ms"),
        ("Record", "HKQuantityTypeIdentifierBodyMass", "lb"),
        ("Record", "HKCategoryTypeIdentifierSleepAnalysis", ""),
        ("Workout", "HKWorkoutActivityTypeRunning", "mi"),
        ("Workout", "HKWorkoutActivityTypeYoga", "km"),
    ]
)
_SLEEP_VALUES = st.sampled_from(
    ["InBed", "Awake", "Asleep", "AsleepCore", "AsleepDeep", "AsleepREM", "X"]
)


_STATISTICS = [
    ("HeartRate", "average", "count/min"),
    ("HeartRate", "maximum", "count/min"),
    ("DistanceCycling", "sum", ""),  # in the workout's distance unit
]


@st.composite
def _elements(draw) -> str:
    tag, kind, unit = draw(_TYPES)
    start, end = draw(_TIMES), draw(st.one_of(_TIMES, st.none()))
    dates = f"startDate={quoteattr(start)}" + (f" endDate={quoteattr(end)}" if end else "")
    if tag == "Workout":
        statistics = draw(st.lists(st.sampled_from(_STATISTICS), max_size=3))
        stats = "".join(
            f'<WorkoutStatistics type="HKQuantityTypeIdentifier{t}" {dates} '
            f'{k}={quoteattr(draw(_NUMBERS))} unit="{u or unit}"/>'
            for t, k, u in statistics
        )
        return (
            f'<Workout workoutActivityType="{kind}" duration={quoteattr(draw(_NUMBERS))} '
            f'totalDistance={quoteattr(draw(_NUMBERS))} totalDistanceUnit="{unit}" sourceName="W" {dates}>'
            f"{stats}</Workout>"
        )
    value = f"HKCategoryValueSleepAnalysis{draw(_SLEEP_VALUES)}" if not unit else draw(_NUMBERS)
    return f'<Record type="{kind}" sourceName="W" unit="{unit}" {dates} value={quoteattr(value)}/>'


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(elements=st.lists(_elements(), max_size=8))
def test_generated_exports_with_extreme_values_give_a_result_or_an_import_error(
    tmp_path_factory, elements
):
    path = tmp_path_factory.getbasetemp() / "generated.xml"
    document = f"{HEAD}{''.join(elements)}</HealthData>"
    path.write_text(document, encoding="utf-8")

    for skip_invalid in (False, True):
        found = outcome(
            apple_health.parse, path, f"generated:\n{document}", skip_invalid=skip_invalid
        )
        for item in found.readings if found else []:
            assert math.isfinite(item.reading.value) and item.reading.at.utcoffset() is not None


def test_an_unreadable_file_is_an_error_naming_it(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("/proc/self/mem is Linux's")
    path = tmp_path / "export.xml"
    os.symlink("/proc/self/mem", path)

    with pytest.raises(ImportFileError) as caught:
        apple_health.parse(path)

    assert str(caught.value) == f"{path}: cannot be read (Input/output error)"


def test_an_ios_16_export_with_its_broken_dtd_and_a_vertical_tab_is_read():
    # As the Health app of iOS 16 wrote it (HealthKit Export Version 12): an ATTLIST without its
    # closing ">" in the DTD, and a \x0b inside a value; other tools strip both before parsing.
    path = FIXTURES / "ios16_broken_dtd.xml"
    assert b"\x0b" in path.read_bytes()

    result = apple_health.parse(path)

    assert sorted((i.reading.measure.value, i.reading.value) for i in result.readings) == [
        ("hrv_sdnn_ms", 48.0),
        ("resting_hr_bpm", 55.0),
    ]
    assert [i.line for i in result.readings] == [25, 26]  # the file's own line numbers
    assert result.warnings == [
        "its DTD is broken (as iOS 16 wrote it) and was skipped: restday does not use it",
        "dropped 1 control character that XML does not allow (Apple's export writes some "
        "into names and values)",
    ]


def test_a_dtd_that_parses_is_kept():
    result = apple_health.parse(FIXTURES / "full_dtd.xml")
    assert not [w for w in result.warnings if "DTD" in w]
