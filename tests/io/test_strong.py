"""The Strong CSV importer: every export format, the real exports, bad rows and duplicates."""

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from restday.domain import SessionKind, SetType
from restday.errors import ImportFileError, InvalidInput
from restday.io import strong
from restday.io.base import SkippedRow, fingerprint
from restday.io.csvworkouts import MINUTES_PER_SET
from tests.io.conftest import exercises_of, sets_of, table

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
ROW = '2022-09-21 10:26:28,"Push",1h 5m,"Bench Press (Barbell)",{order},{weight},{reps},0,0,,,\n'


def _rows(*rows: tuple[int, str, str]) -> str:
    return HEADER + "".join(ROW.format(order=o, weight=w, reps=r) for o, w, r in rows)


# --- the real exports in ../shared/data/strong, counted by hand -------------------------------

# file: (workouts, sets, exercises). Workouts and rows agree with SOURCES.md; every row is a set.
# Exercises were counted as the rows whose Set Order is the first of its exercise ("1", or "0" in
# mlahoz; the example file's first exercise starts at "2").
REAL = {
    "breinsp_strong-charts.csv": (129, 2078, 619),
    "dstanek_lifting.csv": (292, 5401, 1272),
    "harrig12_strong.csv": (4, 48, 12),
    "mlahoz_strong.csv": (91, 1635, 403),
    "mtanzim_vis-strong-go_example.csv": (2, 14, 3),
    "mtanzim_vis-strong-go_alt.csv": (1, 9, 3),
}


# Rows whose values no person can do: (line, column, value). dstanek line 2401 logs an assisted
# pull-up of 877777 reps; its other 5,401 sets import.
OUT_OF_BOUNDS = {"dstanek_lifting.csv": [(2401, "Reps", "877777")]}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_strong_export_imports_every_workout_and_set(shared_data, name):
    result = strong.parse(shared_data / "strong" / name, skip_invalid=True)

    workouts, sets, exercises = REAL[name]
    assert (len(result.sessions), sets_of(result), exercises_of(result)) == (
        workouts,
        sets,
        exercises,
    )
    skipped = [(r.line, r.column, r.value) for r in result.skipped]
    assert skipped == OUT_OF_BOUNDS.get(name, [])
    assert len({s.fingerprint for s in result.sessions}) == workouts


def test_a_real_export_with_an_impossible_value_names_its_line(shared_data):
    with pytest.raises(ImportFileError) as refused:
        strong.parse(shared_data / "strong" / "dstanek_lifting.csv")
    assert str(refused.value) == (
        f'{shared_data}/strong/dstanek_lifting.csv, line 2401, column Reps "877777": '
        "must be a whole number from 1 to 10,000"
    )


def test_every_real_strong_export_is_counted(shared_data):
    assert sorted(p.name for p in (shared_data / "strong").glob("*.csv")) == sorted(REAL)


def test_real_strong_first_workout_reads_as_the_file_writes_it(shared_data):
    # breinsp line 2-6: 2021-02-10 16:46:13 "Mittwoch", 2h 18m, Bench Press 5 sets of 75 kg.
    first = strong.parse(shared_data / "strong" / "breinsp_strong-charts.csv").sessions[0]

    assert first.line == 2
    assert first.session.start == datetime(2021, 2, 10, 16, 46, 13, tzinfo=UTC)
    assert first.session.minutes == 138
    assert table(first.session)[0] == (
        "Bench Press (Barbell)",
        [(8, None, 75.0, None, "normal")] * 3 + [(6, None, 75.0, None, "normal")] * 2,
    )


def test_real_strong_lbs_export_converts_to_kg_and_estimates_minutes(shared_data):
    # dstanek line 2: Incline Bench Press 90 lbs x 15; the file has no Duration column.
    result = strong.parse(shared_data / "strong" / "dstanek_lifting.csv", skip_invalid=True)
    first = result.sessions[0].session

    assert first.exercises[0].sets[0].weight_kg == 40.823
    assert first.minutes == 25 * MINUTES_PER_SET  # 25 sets
    assert result.warnings == [
        "workouts without a duration in the file: 292 of 292; their minutes were estimated at"
        " 2.5 min a set"
    ]


def test_real_strong_seconds_column_gives_the_duration(shared_data):
    result = strong.parse(shared_data / "strong" / "mtanzim_vis-strong-go_example.csv")

    assert [s.session.minutes for s in result.sessions] == [21.12, 73.7]  # 1267 s, 4422 s
    assert result.warnings == []


def test_real_strong_files_have_first_lines_of_their_workouts(shared_data):
    path = shared_data / "strong" / "mlahoz_strong.csv"
    lines = path.read_text(encoding="utf-8").splitlines()

    for item in strong.parse(path).sessions:
        written = item.session.start.strftime("%Y-%m-%d %H:%M:%S")
        assert lines[item.line - 1].startswith(written)


# --- every format variant, from the small fixtures ---------------------------------------------


def test_comma_export_reads_durations_rpe_timed_sets_and_cardio(fixture):
    result = strong.parse(fixture("strong_comma.csv"))
    push, legs = (s.session for s in result.sessions)

    assert push.kind is SessionKind.STRENGTH
    assert push.start == datetime(2022, 9, 21, 10, 26, 28, tzinfo=UTC)
    assert (push.minutes, legs.minutes) == (65, 38)  # "1h 5m", "38min"
    assert push.rpe is None
    assert table(push) == [
        (
            "Bench Press (Barbell)",
            [
                (8, None, 60.0, None, "normal"),
                (5, None, 80.0, 8.5, "normal"),
                (5, None, 80.0, 9.0, "normal"),
            ],
        ),
        ("Plank", [(None, 60.0, None, None, "normal")]),
        ("Treadmill", [(None, 900.0, None, None, "normal")]),
    ]
    assert push.distance_km == 2.5
    assert legs.distance_km is None
    assert table(legs)[1] == ("Pull Up", [(10, None, None, None, "normal")])


def test_embedded_newline_in_notes_counts_in_line_numbers(fixture):
    result = strong.parse(fixture("strong_comma.csv"))

    # The second set's note spans lines 3-4, so the second workout starts on line 8.
    assert [s.line for s in result.sessions] == [2, 7 + 1]


def test_unitless_weights_and_distances_are_read_as_kg_and_km_with_a_warning(fixture):
    result = strong.parse(fixture("strong_comma.csv"))

    assert result.warnings == [
        "the file does not say whether its weights are in kg or lb; read as kg",
        "the file does not say which unit its distances are in; read as km",
    ]


def test_weight_unit_says_what_unitless_weights_are(fixture):
    result = strong.parse(fixture("strong_comma.csv"), weight_unit="lb")
    bench = result.sessions[0].session.exercises[0]

    assert [s.weight_kg for s in bench.sets] == [27.216, 36.287, 36.287]
    assert not any("kg or lb" in w for w in result.warnings)


def test_unknown_weight_unit_is_refused():
    with pytest.raises(InvalidInput, match='Invalid weight unit "stone": use kg or lb'):
        strong.parse(__file__, weight_unit="stone")  # type: ignore[arg-type]


def test_semicolon_export_with_unit_columns_and_set_type_letters(fixture):
    result = strong.parse(fixture("strong_semicolon_lbs.csv"))
    session = result.sessions[0].session

    assert table(session) == [
        (
            "Incline Bench Press (Barbell)",
            [
                (10, None, 20.412, None, "warmup"),  # W, 45 lbs
                (8, None, 61.235, None, "normal"),
                (6, None, 61.235, None, "normal"),
                (4, None, 61.235, None, "failure"),  # F
                (8, None, 43.091, None, "drop"),  # D, 95 lbs
            ],
        ),
        ("Bench Press (Dumbbell)", [(10, None, 22.5, 8.5, "normal")]),  # "22,5" kg, RPE "8,5"
        ("Knee Raise (Captain's Chair)", [(12, None, None, None, "normal")]),
        ("Running", [(None, 1200.0, None, None, "normal")]),
    ]
    assert session.distance_km == 3.219  # 2 mi
    assert session.minutes == 7 * MINUTES_PER_SET + 20  # 7 sets, and the 1,200 s run


def test_all_quoted_semicolon_export_with_seconds_and_metres(fixture):
    result = strong.parse(fixture("strong_quoted_seconds.csv"))
    shoulder, leg = (s.session for s in result.sessions)

    assert shoulder.minutes == 21.12  # 1267 s
    assert table(shoulder)[0][1][1] == (5, None, 45.0, 7.0, "normal")
    assert table(leg)[1] == ("Rowing (Machine)", [(None, 480.0, None, None, "normal")])
    assert leg.distance_km == 2.0  # 2000 m
    assert result.warnings == []


def test_oldest_export_with_crlf_kg_column_and_set_order_from_zero(fixture):
    result = strong.parse(fixture("strong_oldest_crlf.csv"))

    assert [table(s.session) for s in result.sessions] == [
        [
            ("Squat", [(5, None, 70.0, None, "normal"), (5, None, 72.5, None, "normal")]),
            ("Plank Fitball", [(None, 60.0, None, None, "normal")]),
        ],
        [("Deadlift", [(3, None, 100.0, None, "normal")])],
    ]
    assert [s.line for s in result.sessions] == [2, 5]
    assert [s.session.minutes for s in result.sessions] == [3 * MINUTES_PER_SET, MINUTES_PER_SET]


def test_utf8_with_bom_keeps_german_names(fixture):
    result = strong.parse(fixture("strong_bom_german.csv"))

    assert [s.session.exercises[0].name for s in result.sessions] == [
        "Kniebeuge (Langhantel)",
        "Klimmzüge",
    ]
    assert result.sessions[1].fingerprint == fingerprint(
        "strong", "2021-02-14T09:00:00", "Sonntag Rücken"
    )
    assert result.sessions[0].session.minutes == 138  # "2h 18m"


def test_latin1_export_is_decoded(fixture):
    session = strong.parse(fixture("strong_latin1.csv")).sessions[0].session

    assert table(session) == [
        (
            "Schulterdrücken (Kurzhantel)",
            [(10, None, 17.5, None, "normal"), (9, None, 17.5, None, "normal")],
        )
    ]


def test_shuffled_sets_are_put_in_set_order_and_empty_rows_left_out(fixture):
    result = strong.parse(fixture("strong_shuffled.csv"))

    assert table(result.sessions[0].session) == [
        (
            "Leg Press",
            [
                (12, None, 50.0, None, "normal"),
                (11, None, 60.0, None, "normal"),
                (10, None, None, None, "normal"),
            ],
        ),
        (
            "Chest Press (Machine)",
            [(8, None, 11.0, None, "normal"), (10, None, 11.0, None, "normal")],
        ),
    ]
    assert "rows with no weight, reps, time or distance (empty sets) left out: 1" in (
        result.warnings
    )


def test_header_names_match_whatever_their_case_and_extra_columns_are_ignored(write):
    path = write(
        "strong.csv",
        "DATE,workout name,Extra,EXERCISE NAME,set order,WEIGHT (KG),reps\n"
        '2022-01-02 08:00:00,"A","x","Squat",1,100,5\n',
    )

    assert table(strong.parse(path).sessions[0].session) == [
        ("Squat", [(5, None, 100.0, None, "normal")])
    ]


def test_rest_timer_rows_are_not_sets(write):
    path = write(
        "strong.csv",
        _rows((1, "60", "5")).replace(",1,60,5,", ",Rest Timer,0,0,", 1)
        + ROW.format(order=1, weight=60, reps=5),
    )
    result = strong.parse(path)

    assert sets_of(result) == 1
    assert result.warnings[-1] == "rest-timer rows (not sets) left out: 1"


# --- time zones and fingerprints ----------------------------------------------------------------


def test_times_without_zone_are_read_in_the_given_zone(fixture):
    result = strong.parse(fixture("strong_comma.csv"), tz=AMSTERDAM)

    assert result.sessions[0].session.start == datetime(2022, 9, 21, 10, 26, 28, tzinfo=AMSTERDAM)
    assert result.sessions[0].session.start.utcoffset().total_seconds() == 7200


def test_fingerprint_is_strong_start_and_workout_name_whatever_the_zone(fixture):
    utc = strong.parse(fixture("strong_comma.csv"))
    local = strong.parse(fixture("strong_comma.csv"), tz=AMSTERDAM)

    expected = fingerprint("strong", "2022-09-21T10:26:28", "Push")
    assert utc.sessions[0].fingerprint == local.sessions[0].fingerprint == expected


def test_fingerprints_are_stable_across_two_parses(fixture):
    path = fixture("strong_semicolon_lbs.csv")

    assert [s.fingerprint for s in strong.parse(path).sessions] == [
        s.fingerprint for s in strong.parse(path).sessions
    ]


def test_a_later_export_repeats_the_fingerprints_of_the_workouts_it_shares(fixture, tmp_path):
    earlier = fixture("strong_comma.csv")
    later = tmp_path / "later.csv"
    shutil.copy(earlier, later)
    with later.open("a", encoding="utf-8") as f:
        f.write('2022-09-26 07:00:00,"Pull",50m,"Deadlift (Barbell)",1,140.0,3,0,0,,,\n')

    old = {s.fingerprint for s in strong.parse(earlier).sessions}
    new = [s.fingerprint for s in strong.parse(later).sessions]

    assert old < set(new)
    assert [f for f in new if f not in old] == [
        fingerprint("strong", "2022-09-26T07:00:00", "Pull")
    ]


# --- bad rows, skip_invalid, empty files and other formats --------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ((1, "abc", "8"), 'line 2, column Weight "abc": not a number'),
        ((1, "-20", "8"), 'line 2, column Weight "-20": must not be negative'),
        ((1, "60", "-5"), 'line 2, column Reps "-5": must be a whole number, 0 or more'),
        ((1, "60", "7.5"), 'line 2, column Reps "7.5": must be a whole number, 0 or more'),
        ((1, "nan", "8"), 'line 2, column Weight "nan": not a number'),
        (
            ("X", "60", "8"),
            'line 2, column Set Order "X": Set Order must be a whole number from 0 to 2,000, or W,'
            " D or F",
        ),
        ((1, "1e400", "8"), 'line 2, column Weight "1e400": not a number'),
        ((1, "inf", "8"), 'line 2, column Weight "inf": not a number'),
        ((1, "0x10", "8"), 'line 2, column Weight "0x10": not a number'),
        ((1, "1_000", "8"), 'line 2, column Weight "1_000": not a number'),
        ((1, "1e20", "8"), 'line 2, column Weight "1e20": must be a number from 0 to 1,000 kg'),
        ((1, "60", "1e20"), 'line 2, column Reps "1e20": must be a whole number from 1 to 10,000'),
    ],
)
def test_invalid_value_names_file_line_column_and_value(write, row, message):
    path = write("strong.csv", _rows(row))

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == f"{path}, {message}"
    assert (raised.value.line, raised.value.file) == (2, str(path))


def test_unparseable_date_is_an_error_on_its_line(write):
    path = write("strong.csv", HEADER + '2022-13-01 10:00:00,"A",1h,"Squat",1,100,5,0,0,,,\n')

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f'{path}, line 2, column Date "2022-13-01 10:00:00": not a date and time'
        " (such as 2021-02-10 16:46:13)"
    )


def test_error_line_counts_embedded_newlines(write):
    path = write(
        "strong.csv",
        HEADER
        + '2022-09-21 10:26:28,"Push",1h,"Squat",1,100,5,0,0,"one\ntwo\nthree",,\n'
        + '2022-09-21 10:26:28,"Push",1h,"Squat",2,100,five,0,0,,,\n',
    )

    with pytest.raises(ImportFileError, match=r', line 5, column Reps "five": not a number$'):
        strong.parse(path)


def test_bad_duration_and_rpe_are_errors(write):
    duration = write("d.csv", HEADER + '2022-09-21 10:26:28,"A",soon,"Squat",1,100,5,0,0,,,\n')
    rpe = write("r.csv", HEADER + '2022-09-21 10:26:28,"A",1h,"Squat",1,100,5,0,0,,,11\n')

    with pytest.raises(ImportFileError, match='column Duration "soon": not a duration'):
        strong.parse(duration)
    with pytest.raises(ImportFileError, match='column RPE "11": RPE must be from 1 to 10'):
        strong.parse(rpe)


def test_row_with_a_field_too_few_is_an_error(write):
    path = write("strong.csv", HEADER + '2022-09-21 10:26:28,"A",1h,"Squat",1,100,5\n')

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == f"{path}, line 2: the row has 7 fields where the header has 12"


def test_skip_invalid_records_the_bad_rows_and_keeps_the_rest(write):
    path = write(
        "strong.csv", _rows((1, "60", "8"), (2, "abc", "8"), (3, "60", "-1"), (4, "60", "6"))
    )

    result = strong.parse(path, skip_invalid=True)

    assert result.skipped == [
        SkippedRow(str(path), 3, "not a number", "Weight", "abc"),
        SkippedRow(str(path), 4, "must be a whole number, 0 or more", "Reps", "-1"),
    ]
    assert table(result.sessions[0].session) == [
        (
            "Bench Press (Barbell)",
            [(8, None, 60.0, None, "normal"), (6, None, 60.0, None, "normal")],
        )
    ]


def test_skip_invalid_leaves_out_a_workout_whose_only_row_has_a_bad_date(write):
    path = write("strong.csv", HEADER + 'yesterday,"A",1h,"Squat",1,100,5,0,0,,,\n')

    result = strong.parse(path, skip_invalid=True)

    assert result.sessions == []
    assert result.skipped[0].column == "Date"


def test_empty_file_is_an_error(fixture):
    path = fixture("empty.csv")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == f"{path}: the file is empty: no workouts"


def test_header_only_file_has_no_sessions_and_says_so(fixture):
    result = strong.parse(fixture("strong_header_only.csv"))

    assert (result.sessions, result.skipped) == ([], [])
    assert result.warnings == ["no workouts in the file: it has a header but no rows"]


def test_hevy_export_given_to_the_strong_importer_says_what_was_expected(fixture):
    path = fixture("hevy_kg.csv")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 1: not a Strong CSV export: missing columns Date, Workout Name,"
        " Exercise Name (it looks like a Hevy export)"
    )


def test_header_missing_one_required_column_names_it(write):
    path = write("strong.csv", "Date,Exercise Name,Reps\n2022-01-01 10:00:00,Squat,5\n")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert (
        str(raised.value) == f"{path}, line 1: not a Strong CSV export: missing column Workout Name"
    )


def test_gpx_file_is_not_a_strong_export(write):
    path = write("run.gpx", '<?xml version="1.0"?>\n<gpx version="1.1"><trk/></gpx>\n')

    with pytest.raises(ImportFileError, match="line 1: not a Strong CSV export: missing columns"):
        strong.parse(path)


def test_binary_file_is_not_a_strong_export(write):
    path = write("activity.fit", b"\x0e\x10\x43\x08\x00\x00\x00\x00.FIT\x00\x00")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == f"{path}: not a Strong CSV export: it is binary, not text"


def test_importer_class_follows_the_importer_interface(fixture):
    importer = strong.StrongImporter()

    assert importer.source == "strong"
    assert len(importer.parse(fixture("strong_comma.csv"), tz=AMSTERDAM).sessions) == 2


def test_set_types_come_from_set_order_letters(fixture):
    sets = strong.parse(fixture("strong_semicolon_lbs.csv")).sessions[0].session.exercises[0].sets

    assert [s.set_type for s in sets] == [
        SetType.WARMUP,
        SetType.NORMAL,
        SetType.NORMAL,
        SetType.FAILURE,
        SetType.DROP,
    ]


# --- values no export holds: each a clean error, never a crash ----------------------------------


@pytest.mark.parametrize("order", ["9" * 5000, "2001", "-1", "1.5", "?", "²"])
def test_set_order_out_of_range_or_of_signs_is_refused(write, order):
    # 5,000 digits once crashed: Python's int() refuses strings of more than 4,300 digits.
    path = write("strong.csv", _rows((order, "60", "8")))

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert raised.value.problem == "Set Order must be a whole number from 0 to 2,000, or W, D or F"
    assert (raised.value.line, raised.value.column) == (2, "Set Order")


def test_set_order_2000_and_a_few_seconds_of_duration_are_read(write):
    path = write("strong.csv", _rows(("2000", "60", "8")).replace("1h 5m", "0.1s"))

    result = strong.parse(path)

    # 0.1 s rounds to 0.00 min, which no session lasts: the minutes are estimated instead.
    assert result.sessions[0].session.minutes == MINUTES_PER_SET
    assert result.warnings[0].startswith("workouts without a duration in the file: 1 of 1")


def test_duration_in_seconds_that_rounds_to_no_minutes_is_estimated(write):
    path = write(
        "strong.csv",
        "Date,Workout Name,Duration (sec),Exercise Name,Reps\n2022-01-02 08:00:00,A,0.1,Squat,5\n",
    )

    assert strong.parse(path).sessions[0].session.minutes == MINUTES_PER_SET


def test_duration_too_long_to_be_a_number_says_a_workout_lasts_at_most_24_hours(write):
    path = write("strong.csv", _rows((1, "60", "8")).replace("1h 5m", "9" * 400 + "h"))

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert raised.value.problem == "a workout lasts at most 24 hours"


def test_workout_whose_estimate_is_over_24_hours_is_refused_at_its_first_line(write):
    rows = "".join(f"2022-01-02 08:00:00,Marathon,Squat,{i % 9 + 1},60,5\n" for i in range(600))
    path = write(
        "strong.csv",
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        + rows
        + "2022-01-03 08:00:00,Short,Squat,1,60,5\n",
    )

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)
    result = strong.parse(path, skip_invalid=True)

    message = (
        "a workout lasts at most 24 hours: without a duration in the file, its 600 sets are"
        " estimated at 1,500 min"
    )
    assert str(raised.value) == f"{path}, line 2: {message}"
    assert result.skipped == [SkippedRow(str(path), 2, message)]
    assert [s.line for s in result.sessions] == [602]


def test_workout_whose_distances_add_up_to_over_1000_km_is_refused(write):
    path = write(
        "strong.csv",
        "Date,Workout Name,Exercise Name,Set Order,Distance,Seconds\n"
        "2022-01-02 08:00:00,Ride,Cycling,1,600,3600\n"
        "2022-01-02 08:00:00,Ride,Cycling,2,600,3600\n",
    )

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 2: the distances of the workout's sets add up to 1,200 km; a workout's"
        " distance must be a number from 0 to 1,000 km"
    )


KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14


@pytest.mark.parametrize(
    ("date", "start"),
    [
        ("0001-01-01 00:00:00", datetime(1, 1, 1, tzinfo=KIRITIMATI)),
        ("9999-12-31 23:59:59", datetime(9999, 12, 31, 23, 59, 59, tzinfo=KIRITIMATI)),
        ("2026-01-01T00:00:00+14:00", datetime(2025, 12, 31, 10, tzinfo=UTC)),
        ("31 DEC 9999, 23:59", datetime(9999, 12, 31, 23, 59, tzinfo=KIRITIMATI)),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_read_in_any_zone(write, date, start):
    # The import's gate refuses starts before 1970 or in the future; the parser must not crash.
    path = write("strong.csv", HEADER + f'"{date}","A",1h,"Squat",1,100,5,0,0,,,\n')

    assert strong.parse(path, tz=KIRITIMATI).sessions[0].session.start == start


def test_workout_names_that_differ_only_in_spaces_are_one_workout(write):
    path = write(
        "strong.csv",
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-11-20 18:00:00,Legs,Squat (Barbell),1,100,5\n"
        "2026-11-20 18:00:00, Legs ,Squat (Barbell),2,100,5\n",
    )
    result = strong.parse(path)
    (session,) = result.sessions
    assert [s.reps for s in session.session.exercises[0].sets] == [5, 5]


def test_workouts_at_times_the_clocks_skip_or_repeat_are_named(write):
    path = write(
        "strong.csv",
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-03-29 02:30:00,Night,Squat (Barbell),1,100,5\n"
        "2026-10-25 02:30:00,Night,Squat (Barbell),1,100,5\n"
        "2026-11-20 18:00:00,Legs,Squat (Barbell),1,100,5\n",
    )
    result = strong.parse(path, tz=ZoneInfo("Europe/Amsterdam"))
    assert [s.session.start.isoformat() for s in result.sessions] == [
        "2026-03-29T02:30:00+01:00",
        "2026-10-25T02:30:00+02:00",
        "2026-11-20T18:00:00+01:00",
    ]
    assert result.warnings[-2:] == [
        "workouts at a time the clocks skip in Europe/Amsterdam (the hour they go forward): 1,"
        " such as 2026-03-29 02:30; read with the offset before the change",
        "workouts at a time that happens twice in Europe/Amsterdam (the hour the clocks go back):"
        " 1, such as 2026-10-25 02:30; read as the first of the two",
    ]


# --- exercise names -----------------------------------------------------------------------------

_NAMED = '2022-09-21 10:26:28,"Push",1h 5m,"{name}",{order},60,8,0,0,,,\n'


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("A" * 250, f'"{"A" * 100}…": must be at most 200 characters long'),
        (
            "Squat\t(Barbell)",
            r'"Squat\t(Barbell)": must not hold control characters or line breaks',
        ),
        ("Squat\r\n(Barbell)", r'"Squat\r\n(Barbell)": must not hold control characters or line'),
        ("Squat\x1b[31m", r'"Squat\x1b[31m": must not hold control characters or line breaks'),
    ],
)
def test_exercise_name_that_is_too_long_or_not_one_line_is_refused_at_its_row(write, name, message):
    rows = [_NAMED.format(name="Bench Press (Barbell)", order=n) for n in (1, 2, 3)]
    path = write("strong.csv", HEADER + "".join(rows) + _NAMED.format(name=name, order=1))

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value).startswith(f"{path}, line 5, column Exercise Name {message}")
    assert (raised.value.line, raised.value.column) == (5, "Exercise Name")


def test_skip_invalid_leaves_out_each_row_with_a_bad_exercise_name_and_keeps_the_rest(write):
    rows = [_NAMED.format(name=n, order=o) for n, o in (("Squat", 1), ("B" * 201, 1), ("Squat", 2))]
    path = write("strong.csv", HEADER + "".join(rows) + _NAMED.format(name="B" * 201, order=2))

    result = strong.parse(path, skip_invalid=True)

    skipped = SkippedRow(
        str(path), 3, "must be at most 200 characters long", "Exercise Name", f"{'B' * 100}…"
    )
    assert result.skipped == [skipped, replace(skipped, line=5)]
    assert table(result.sessions[0].session) == [
        ("Squat", [(8, None, 60.0, None, "normal"), (8, None, 60.0, None, "normal")])
    ]
    assert result.sessions[0].skipped_rows == 2


def test_exercise_names_are_stripped_and_kept_once(write):
    rows = [_NAMED.format(name=n, order=1) for n in ("Squat", " Squat ", "Squat")]
    path = write("strong.csv", HEADER + rows[0] + rows[1].replace("Push", "Legs") + rows[2])

    first, second = (s.session.exercises[0].name for s in strong.parse(path).sessions)

    assert first == second == "Squat"
    assert first is second
