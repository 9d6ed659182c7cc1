"""The Hevy CSV importer: kg and lb exports, set types, dates, the real exports, bad rows."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from restday.domain import SessionKind, SetType
from restday.errors import ImportFileError
from restday.io import hevy
from restday.io.base import SkippedRow, fingerprint
from tests.io.conftest import exercises_of, sets_of, table

NEW_YORK = ZoneInfo("America/New_York")
HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds",'
    '"rpe"\n'
)


def _row(
    *,
    title: str = "Push",
    start: str = "7 Apr 2026, 10:14",
    end: str = "7 Apr 2026, 11:14",
    exercise: str = "Bench Press (Barbell)",
    index: str = "0",
    set_type: str = "normal",
    weight: str = "80",
    reps: str = "5",
    rpe: str = "",
) -> str:
    return (
        f'"{title}","{start}","{end}","","{exercise}",,"",{index},"{set_type}",{weight},{reps},,,'
        f"{rpe}\n"
    )


# --- the real exports in ../shared/data/hevy, counted by hand -----------------------------------

# file: (workouts, sets, exercises). Workouts and rows agree with SOURCES.md. Sets are the rows,
# less 2 in Mossaka: "Wide Pull Up" sets 1 and 2 of 29 May 2024 (lines 1686-1687) have reps 0 and
# nothing else. Exercises are the rows with set_index 0, plus the runs of rows that start later
# (Mossaka 1: Jack Knife at line 3574; Si2-Aung 5).
REAL = {
    "ajccosta_hevyplotter_workouts.csv": (411, 8650, 1924),
    "ahmed-abdelwahed1_hevy-flow_workouts.csv": (119, 2628, 762),
    "Si2-Aung_Hevy_project_workouts11.06.24.csv": (198, 3928, 1253),
    "FerreiraGabrielw_fitness-data-llm_hevy_workouts_raw.csv": (501, 9542, 3447),
    "Mossaka_hevy-visualization_2025-03-08_lbs.csv": (216, 3939, 1091),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_hevy_export_imports_every_workout_and_set(shared_data, name):
    result = hevy.parse(shared_data / "hevy" / name)

    workouts, sets, exercises = REAL[name]
    assert (len(result.sessions), sets_of(result), exercises_of(result)) == (
        workouts,
        sets,
        exercises,
    )
    assert result.skipped == []
    assert len({s.fingerprint for s in result.sessions}) == workouts


def test_every_real_hevy_export_is_counted(shared_data):
    assert sorted(p.name for p in (shared_data / "hevy").glob("*.csv")) == sorted(REAL)


def test_real_hevy_set_types_are_all_read(shared_data):
    # ajccosta: set_type normal 6,984, warmup 1,179, dropset 447, failure 40 (counted with csv).
    result = hevy.parse(shared_data / "hevy" / "ajccosta_hevyplotter_workouts.csv")
    counts = {t: 0 for t in SetType}
    for item in result.sessions:
        for exercise in item.session.exercises:
            for s in exercise.sets:
                counts[s.set_type] += 1

    assert counts == {
        SetType.NORMAL: 6984,
        SetType.WARMUP: 1179,
        SetType.DROP: 447,
        SetType.FAILURE: 40,
    }


def test_real_hevy_us_dates_and_rpe(shared_data):
    # ahmed-abdelwahed1 lines 2-5: "Jun 11, 2026, 1:01 PM" to "2:04 PM", Romanian Deadlift
    # 30 kg x 10 at RPE 7, 7.5, 7.5, 8.
    first = hevy.parse(shared_data / "hevy" / "ahmed-abdelwahed1_hevy-flow_workouts.csv").sessions[
        0
    ]

    assert first.line == 2
    assert first.session.start == datetime(2026, 6, 11, 13, 1, tzinfo=UTC)
    assert first.session.minutes == 63
    assert table(first.session)[0] == (
        "Romanian Deadlift (Dumbbell)",
        [(10, None, 30.0, rpe, "normal") for rpe in (7.0, 7.5, 7.5, 8.0)],
    )


def test_real_hevy_lbs_export_converts_to_kg(shared_data):
    # Mossaka line 2: Dumbbell Row 50 lbs x 10, 7 Mar 2025 23:37 to 8 Mar 2025 00:29.
    first = hevy.parse(shared_data / "hevy" / "Mossaka_hevy-visualization_2025-03-08_lbs.csv")
    session = first.sessions[0].session

    assert session.exercises[0].sets[0].weight_kg == 22.68
    assert session.minutes == 52


def test_real_hevy_multiline_notes_keep_line_numbers(shared_data):
    path = shared_data / "hevy" / "FerreiraGabrielw_fitness-data-llm_hevy_workouts_raw.csv"
    lines = path.read_text(encoding="utf-8").splitlines()

    for item in hevy.parse(path).sessions:
        assert lines[item.line - 1].startswith('"')
        assert item.session.start.strftime("%Y") in lines[item.line - 1]


# --- the variants, from the small fixtures ------------------------------------------------------


def test_kg_export_reads_set_types_rpe_and_duration(fixture):
    result = hevy.parse(fixture("hevy_kg.csv"))
    morning = result.sessions[0].session

    assert morning.kind is SessionKind.STRENGTH
    assert morning.start == datetime(2026, 4, 7, 10, 14, tzinfo=UTC)
    assert morning.minutes == 60
    assert morning.rpe is None
    assert table(morning) == [
        (
            "Bench Press (Barbell)",
            [
                (10, None, 40.0, None, "warmup"),
                (5, None, 90.0, 8.0, "normal"),
                (4, None, 90.0, 10.0, "failure"),
                (8, None, 60.0, None, "drop"),
            ],
        ),
        ("Triceps Rope Pushdown", [(12, None, 29.5, None, "normal")]),
        ("Triceps Rope Pushdown", [(10, None, 32.0, None, "normal")]),  # added twice in a row
        ("Pull Up", [(8, None, None, None, "normal")]),
    ]
    assert result.warnings == []


def test_cardio_workout_keeps_its_time_and_distance(fixture):
    run = hevy.parse(fixture("hevy_kg.csv")).sessions[1]

    assert table(run.session) == [("Treadmill", [(None, 1800.0, None, None, "normal")])]
    assert run.session.distance_km == 5.25
    assert run.session.minutes == 30


def test_multiline_description_counts_in_line_numbers(fixture):
    result = hevy.parse(fixture("hevy_kg.csv"))

    # Each of the 7 rows of the first workout spans two lines.
    assert [s.line for s in result.sessions] == [2, 16]


def test_lbs_export_with_us_dates_and_miles(fixture):
    lower, late = (s.session for s in hevy.parse(fixture("hevy_lbs_us.csv")).sessions)

    assert lower.start == datetime(2026, 6, 11, 13, 1, tzinfo=UTC)  # 1:01 PM
    assert lower.minutes == 63
    assert table(lower) == [
        (
            "Squat (Barbell)",
            [(5, None, 61.235, None, "warmup"), (5, None, 102.058, None, "normal")],
        ),
        ("Walking Lunge (Dumbbell)", [(None, None, 18.144, None, "normal")]),
    ]
    assert lower.distance_km == 0.016  # 0.01 mi
    assert late.start == datetime(2026, 6, 9, 23, 37, tzinfo=UTC)  # 11:37 PM
    assert late.minutes == 52  # to 12:29 AM the next day
    assert table(late) == [
        ("Plank", [(None, 60.0, None, None, "normal"), (None, 45.0, None, None, "normal")])
    ]


def test_times_without_zone_are_read_in_the_given_zone(fixture):
    lower = hevy.parse(fixture("hevy_lbs_us.csv"), tz=NEW_YORK).sessions[0]

    assert lower.session.start == datetime(2026, 6, 11, 13, 1, tzinfo=NEW_YORK)
    assert lower.fingerprint == fingerprint("hevy", "2026-06-11T13:01:00", "LOWER")


def test_missing_end_time_estimates_minutes_with_a_warning(write):
    path = write("hevy.csv", HEADER + _row(end="") + _row(end="", index="1"))

    result = hevy.parse(path)

    assert result.sessions[0].session.minutes == 5
    assert result.warnings == [
        "workouts without a duration in the file: 1 of 1; their minutes were estimated at"
        " 2.5 min a set"
    ]


def test_weight_column_without_unit_is_read_as_kg_with_a_warning(write):
    path = write("hevy.csv", HEADER.replace("weight_kg", "weight") + _row(weight="80"))

    result = hevy.parse(path)

    assert result.sessions[0].session.exercises[0].sets[0].weight_kg == 80
    assert result.warnings == [
        "the file does not say whether its weights are in kg or lb; read as kg"
    ]


def test_sets_are_put_in_set_index_order(write):
    path = write("hevy.csv", HEADER + _row(index="1", reps="3") + _row(index="0", reps="8"))

    sets = hevy.parse(path).sessions[0].session.exercises[0].sets

    assert [s.reps for s in sets] == [8, 3]


def test_iso_dates_are_read_too(write):
    path = write("hevy.csv", HEADER + _row(start="2026-04-07 10:14", end="2026-04-07 11:00"))

    assert hevy.parse(path).sessions[0].session.minutes == 46


def test_start_and_end_must_agree_on_having_a_zone(write):
    path = write(
        "hevy.csv", HEADER + _row(start="2026-04-07T10:14:00", end="2026-04-07T11:00:00+00:00")
    )

    with pytest.raises(ImportFileError, match="must both have a time zone or neither"):
        hevy.parse(path)


# --- fingerprints -------------------------------------------------------------------------------


def test_fingerprint_is_hevy_start_and_title(fixture):
    first = hevy.parse(fixture("hevy_kg.csv")).sessions[0]

    assert first.fingerprint == fingerprint("hevy", "2026-04-07T10:14:00", "Morning workout ☀️")


def test_a_later_export_repeats_the_fingerprints_of_the_workouts_it_shares(fixture, tmp_path):
    earlier = fixture("hevy_kg.csv")
    text = earlier.read_text(encoding="utf-8")
    header, body = text.split("\n", 1)
    later = tmp_path / "later.csv"
    newer = _row(title="Legs", start="9 Apr 2026, 18:00", end="9 Apr 2026, 19:00", exercise="Squat")
    later.write_text(header + "\n" + newer + body, encoding="utf-8")

    old = [s.fingerprint for s in hevy.parse(earlier).sessions]
    new = [s.fingerprint for s in hevy.parse(later).sessions]

    assert new == [fingerprint("hevy", "2026-04-09T18:00:00", "Legs"), *old]


def test_same_workout_in_another_date_style_has_the_same_fingerprint(write):
    uk = write("uk.csv", HEADER + _row(start="11 Jun 2026, 13:01", end="11 Jun 2026, 14:04"))
    us = write("us.csv", HEADER + _row(start="Jun 11, 2026, 1:01 PM", end="Jun 11, 2026, 2:04 PM"))

    assert hevy.parse(uk).sessions[0].fingerprint == hevy.parse(us).sessions[0].fingerprint


# --- bad rows, skip_invalid, empty and foreign files --------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row(weight="abc"), 'column weight_kg "abc": not a number'),
        (_row(reps="-3"), 'column reps "-3": must be a whole number, 0 or more'),
        (_row(set_type="superset"), 'column set_type "superset": set_type must be normal,'),
        (_row(rpe="12"), 'column rpe "12": RPE must be from 1 to 10'),
        (
            _row(start="32 Apr 2026, 10:14"),
            'column start_time "32 Apr 2026, 10:14": not a date and time (such as 7 Apr 2026,'
            " 10:14)",
        ),
        (_row(end="7 Apr 2026, 09:00"), 'column end_time "7 Apr 2026, 09:00": end_time is before'),
        (_row(exercise=""), 'column exercise_title "": an exercise name is required'),
    ],
)
def test_invalid_value_names_file_line_column_and_value(write, row, message):
    path = write("hevy.csv", HEADER + row)

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path)

    assert str(raised.value).startswith(f"{path}, line 2, {message}")


def test_skip_invalid_records_the_bad_rows_and_keeps_the_rest(write):
    path = write(
        "hevy.csv",
        HEADER + _row() + _row(index="1", weight="heavy") + _row(index="2", set_type="giant"),
    )

    result = hevy.parse(path, skip_invalid=True)

    assert result.skipped == [
        SkippedRow(str(path), 3, "not a number", "weight_kg", "heavy"),
        SkippedRow(
            str(path),
            4,
            "set_type must be normal, warmup, failure or dropset",
            "set_type",
            "giant",
        ),
    ]
    assert sets_of(result) == 1


def test_header_only_file_has_no_sessions_and_says_so(write):
    result = hevy.parse(write("hevy.csv", HEADER))

    assert result.sessions == []
    assert result.warnings == ["no workouts in the file: it has a header but no rows"]


def test_empty_file_is_an_error(fixture):
    with pytest.raises(ImportFileError, match=r"empty.csv: the file is empty: no workouts$"):
        hevy.parse(fixture("empty.csv"))


def test_strong_export_given_to_the_hevy_importer_says_what_was_expected(fixture):
    path = fixture("strong_comma.csv")

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path)

    assert str(raised.value) == (
        f"{path}, line 1: not a Hevy CSV export: missing columns title, start_time,"
        " exercise_title (it looks like a Strong export)"
    )


def test_importer_class_follows_the_importer_interface(fixture):
    importer = hevy.HevyImporter()

    assert importer.source == "hevy"
    assert len(importer.parse(fixture("hevy_kg.csv")).sessions) == 2


# --- values no export holds: each a clean error, never a crash ----------------------------------


def test_end_a_microsecond_after_the_start_gives_estimated_minutes(write):
    # The workout's 0.00002 min rounded to 0.0, which no session lasts: estimated instead.
    path = write(
        "hevy.csv", HEADER + _row(start="2026-04-07T10:14:00", end="2026-04-07T10:14:00.000001")
    )

    result = hevy.parse(path)

    assert result.sessions[0].session.minutes == 2.5
    assert result.warnings[0].startswith("workouts without a duration in the file: 1 of 1")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            "0001-01-01T00:00:00+14:00",
            "0001-01-01T00:30:00-14:00",
            'column end_time "0001-01-01T00:30:00-14:00": a workout lasts at most 24 hours, this'
            " one 1,710 min from start_time",
        ),
        (
            "9999-12-31T23:00:00-14:00",
            "9999-12-31T23:59:59+14:00",
            'column end_time "9999-12-31T23:59:59+14:00": end_time is before start_time',
        ),
        (  # New York's offsets then: -4:56:02 (local mean time) and -5:00, 3 min 58 s more
            "1 Jan 0001, 00:00",
            "31 Dec 9999, 23:59",
            'column end_time "31 Dec 9999, 23:59": a workout lasts at most 24 hours, this one'
            " 5,258,964,963 min from start_time",
        ),
    ],
)
def test_start_and_end_at_the_ends_of_the_calendar_are_compared_without_overflow(
    write, start, end, message
):
    path = write("hevy.csv", HEADER + _row(start=start, end=end))

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path, tz=NEW_YORK)

    assert str(raised.value) == f"{path}, line 2, {message}"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("index", "2001", 'column set_index "2001": must be a whole number from 0 to 2,000'),
        ("index", "9" * 5000, f'column set_index "{"9" * 100}…": not a number'),
        ("set_type", "?", 'column set_type "?": set_type must be normal, warmup, failure or'),
        ("reps", "nan", 'column reps "nan": not a number'),
    ],
)
def test_values_out_of_range_are_refused(write, field, value, message):
    path = write("hevy.csv", HEADER + _row(**{field: value}))

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path)

    assert str(raised.value).startswith(f"{path}, line 2, {message}")


def test_workout_whose_distances_add_up_to_over_1000_km_is_skipped_as_a_whole(write):
    header = HEADER.replace("distance_km", "distance_miles")
    ride = _row().replace(",,,\n", ",400,,\n")  # 400 mi = 643.7 km, twice
    path = write("hevy.csv", header + ride + ride.replace(",0,", ",1,", 1) + _row(title="Legs"))

    result = hevy.parse(path, skip_invalid=True)

    assert result.skipped == [
        SkippedRow(
            str(path),
            2,
            "the distances of the workout's sets add up to 1,287.48 km; a workout's distance must"
            " be a number from 0 to 1,000 km",
        )
    ]
    assert [s.session.exercises[0].name for s in result.sessions] == ["Bench Press (Barbell)"]
    assert [s.line for s in result.sessions] == [4]


# --- durations across clock changes -------------------------------------------------------------

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("start", "end", "minutes", "utc_start"),
    [
        # 29 March 2026: 02:00 becomes 03:00, so 01:30 to 03:30 is one hour.
        ("2026-03-29 01:30", "2026-03-29 03:30", 60, datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
        # 25 October 2026: 03:00 becomes 02:00 again; an end at 02:05 before a start at 02:10 is
        # in the second 02:00-03:00 hour.
        ("2026-10-25 02:10", "2026-10-25 02:05", 55, datetime(2026, 10, 25, 0, 10, tzinfo=UTC)),
        # Across the whole night the clocks go back, the hour passed twice counts twice.
        ("2026-10-25 01:30", "2026-10-25 03:30", 180, datetime(2026, 10, 24, 23, 30, tzinfo=UTC)),
        ("2026-06-10 18:00", "2026-06-10 19:15", 75, datetime(2026, 6, 10, 16, tzinfo=UTC)),
    ],
)
def test_workout_across_a_clock_change_lasts_as_long_as_it_was_lived(
    write, start, end, minutes, utc_start
):
    path = write("hevy.csv", HEADER + _row(start=start, end=end))

    (item,) = hevy.parse(path, tz=AMSTERDAM).sessions

    assert item.session.minutes == minutes
    assert item.session.start.astimezone(UTC) == utc_start  # read as before: the first of two
    assert item.fingerprint == fingerprint("hevy", f"{start.replace(' ', 'T')}:00", "Push")


def test_end_before_the_start_in_the_hour_passed_twice_and_after_it_is_still_refused(write):
    # 02:10 (first, 00:10 UTC) to 01:50 (01:50 is not passed twice): before the start.
    path = write("hevy.csv", HEADER + _row(start="2026-10-25 02:10", end="2026-10-25 01:50"))

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path, tz=AMSTERDAM)

    assert str(raised.value) == (
        f'{path}, line 2, column end_time "2026-10-25 01:50": end_time is before start_time'
    )


def test_times_with_an_offset_keep_it_whatever_the_profile_zone(write):
    path = write(
        "hevy.csv",
        HEADER + _row(start="2026-10-25T02:10:00+02:00", end="2026-10-25T02:05:00+01:00"),
    )

    (item,) = hevy.parse(path, tz=NEW_YORK).sessions

    assert item.session.minutes == 55
    assert item.session.start == datetime(2026, 10, 25, 0, 10, tzinfo=UTC)


# --- exercise names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("A" * 201, f'"{"A" * 100}…": must be at most 200 characters long'),
        ("Bench\tPress", r'"Bench\tPress": must not hold control characters or line breaks'),
        ("Bench\nPress", r'"Bench\nPress": must not hold control characters or line breaks'),
    ],
)
def test_exercise_name_that_is_too_long_or_not_one_line_is_refused_at_its_row(write, name, message):
    path = write("hevy.csv", HEADER + _row() + _row(index="1") + _row(exercise=name, index="2"))

    with pytest.raises(ImportFileError) as raised:
        hevy.parse(path)

    assert str(raised.value) == f"{path}, line 4, column exercise_title {message}"


def test_exercise_name_of_200_characters_is_kept_and_a_longer_one_skipped_with_its_row(write):
    longest, longer = "A" * 200, "B" * 250
    rows = _row(exercise=longest) + _row(exercise=longer, index="1") + _row(exercise=longer)
    path = write("hevy.csv", HEADER + rows)

    result = hevy.parse(path, skip_invalid=True)

    problem = "must be at most 200 characters long"
    shown = f"{'B' * 100}…"
    assert result.skipped == [
        SkippedRow(str(path), 3, problem, "exercise_title", shown),
        SkippedRow(str(path), 4, problem, "exercise_title", shown),
    ]
    assert [e.name for e in result.sessions[0].session.exercises] == [longest]
