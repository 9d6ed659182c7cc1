"""TCX importer: one session per activity, laps summed, broken values, courses, real exports."""

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from restday.domain import SessionKind
from restday.errors import ImportFileError
from restday.io import tcx
from restday.io.base import SkippedRow
from tests.io.fuzzing import billion_laughs

FIXTURES = Path(__file__).parent / "fixtures"


def write(tmp_path: Path, body: str, name: str = "activity.tcx") -> Path:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f"{body}</TrainingCenterDatabase>\n",
        encoding="utf-8",
    )
    return path


def lap(start: str, seconds: float, metres: float, avg: int | None = None) -> str:
    hr = f"<AverageHeartRateBpm><Value>{avg}</Value></AverageHeartRateBpm>" if avg else ""
    return (
        f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters>{hr}</Lap>"
    )


def activity(sport: str, *laps: str) -> str:
    return f'<Activity Sport="{sport}"><Id>2024-01-01T10:00:00Z</Id>{"".join(laps)}</Activity>'


# --- the small files of our own ---------------------------------------------------------------


def test_two_laps_are_summed_with_heart_rate_weighted_by_time():
    result = tcx.parse(FIXTURES / "tcx_two_laps.tcx")

    [item] = result.sessions
    s = item.session
    assert (s.kind, s.sport) == (SessionKind.ENDURANCE, "run")
    assert s.start == datetime(2024, 4, 6, 7, 0, tzinfo=UTC)
    assert (s.minutes, s.distance_km) == (15.0, 3.2)
    # Lap 1 says 140 bpm over 600 s; lap 2 has no summary, its points say (160 + 170) / 2 over 300 s.
    assert s.avg_hr_bpm == pytest.approx((140 * 600 + 165 * 300) / 900, abs=0.05)
    assert s.max_hr_bpm == 170.0
    assert item.line == 4
    assert result.warnings == [] and result.skipped == []


def test_broken_heart_rate_is_an_error_naming_line_column_and_value():
    path = FIXTURES / "tcx_broken.tcx"

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert (
        str(caught.value) == f'{path}, line 11, column HeartRateBpm "abc": not a valid heart rate'
    )


def test_broken_track_point_is_skipped_with_skip_invalid():
    path = FIXTURES / "tcx_broken.tcx"

    result = tcx.parse(path, skip_invalid=True)

    [item] = result.sessions
    assert (item.session.sport, item.session.minutes, item.session.distance_km) == (
        "bike",
        30.0,
        15.0,
    )
    assert item.session.avg_hr_bpm == 130.0  # 120 and 140; the broken point is left out
    assert result.skipped == [
        SkippedRow(str(path), 11, "not a valid heart rate", "HeartRateBpm", "abc")
    ]


def test_broken_lap_value_is_an_error(tmp_path):
    path = write(
        tmp_path,
        f"<Activities>{activity('Running', lap('2024-01-01T10:00:00Z', 'ten', 5))}</Activities>",
    )

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == (
        f'{path}, line 2, column TotalTimeSeconds "ten": not a valid number of seconds'
    )


def test_sport_other_imports_without_a_sport_and_says_so(tmp_path):
    path = write(
        tmp_path,
        f"<Activities>{activity('Other', lap('2024-01-01T10:00:00Z', 1200, 3000))}</Activities>",
    )

    result = tcx.parse(path)

    assert result.sessions[0].session.sport is None
    assert result.warnings == ['activity 1 has sport "Other"; imported without a sport']


def test_repeated_lap_counts_once(tmp_path):
    same = lap("2024-01-01T10:00:00Z", 1200, 3000)
    path = write(tmp_path, f"<Activities>{activity('Biking', same, same)}</Activities>")

    result = tcx.parse(path)

    assert result.sessions[0].session.minutes == 20.0
    assert result.warnings == [
        "activity 1: lap 2 repeats lap 1 (same start 2024-01-01T10:00:00Z); counted once"
    ]


def test_every_activity_is_a_session_and_multisport_transitions_are_not(tmp_path):
    body = (
        "<Activities>"
        + activity("Running", lap("2024-01-01T10:00:00Z", 600, 2000))
        + "<MultiSportSession><Id>2024-01-02T09:00:00Z</Id><FirstSport>"
        + activity("Biking", lap("2024-01-02T09:00:00Z", 3600, 30000))
        + "</FirstSport><NextSport><Transition><TotalTimeSeconds>120</TotalTimeSeconds>"
        "<DistanceMeters>0</DistanceMeters></Transition>"
        + activity("Running", lap("2024-01-02T10:02:00Z", 1800, 6000))
        + "</NextSport></MultiSportSession></Activities>"
    )

    result = tcx.parse(write(tmp_path, body))

    assert [(i.session.sport, i.session.minutes) for i in result.sessions] == [
        ("run", 10.0),
        ("bike", 60.0),
        ("run", 30.0),
    ]


def test_course_only_file_is_not_an_activity(tmp_path):
    body = (
        "<Courses><Course><Name>Loop</Name><Lap><TotalTimeSeconds>600</TotalTimeSeconds>"
        "<DistanceMeters>2000</DistanceMeters></Lap><Track><Trackpoint>"
        "<Time>2021-08-02T18:28:31+00:00</Time></Trackpoint></Track></Course></Courses>"
    )
    path = write(tmp_path, body)

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: a course, not an activity: nothing recorded to import"


def test_fingerprint_is_stable_across_parses():
    first = tcx.parse(FIXTURES / "tcx_two_laps.tcx").sessions[0].fingerprint

    assert first == tcx.parse(FIXTURES / "tcx_two_laps.tcx").sessions[0].fingerprint
    assert first.startswith("tcx:")


# --- wrong and empty files --------------------------------------------------------------------


def test_gpx_given_as_tcx_is_not_a_tcx_file():
    path = FIXTURES / "gpx_run_hr.gpx"

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: not a TCX file (its root element is <gpx>)"


def test_fit_given_as_tcx_is_not_a_tcx_file():
    path = FIXTURES / "fit_strength.fit"

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: not a TCX file (it is not XML)"


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.tcx"
    path.write_bytes(b"\n")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: the file is empty, not a TCX file"


def test_file_with_no_activity_is_an_error(tmp_path):
    path = write(tmp_path, "<Activities></Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: no activity in it: nothing recorded to import"


# --- the real exports in ../shared/data/tcx -----------------------------------------------

# (sport, start, minutes, km, avg bpm, max bpm), checked by hand with xml.etree: minutes and km
# are the laps' TotalTimeSeconds and DistanceMeters summed; heart rate the lap averages weighted
# by lap time (python-tcxparser: (139 x 608.47 + 172 x 714.80 + 167 x 669.51) / 1992.78 = 160.2).
REAL = {
    "python-tcxparser__test.tcx": [("run", "2012-12-26T21:29:53", 33.213, 4.689, 160.2, 189.0)],
    "tcxreader__cross-country-skiing_activity_1.tcx": [
        (None, "2020-12-26T15:14:21", 40.021, 5.692, 142.7, 172.0)
    ],
    "tcxreader__mapmyride_biking.tcx": [("bike", "2022-11-12T15:58:25", 51.85, 15.35, None, None)],
    "togeojson__garmin_connect.tcx": [("bike", "2020-03-06T00:23:46", 72.533, 1.692, None, None)],
}


def _summary(item):
    s = item.session
    return (
        s.sport,
        s.start.strftime("%Y-%m-%dT%H:%M:%S"),
        round(s.minutes, 3),
        round(s.distance_km, 3),
        s.avg_hr_bpm,
        s.max_hr_bpm,
    )


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_import_with_the_counts_checked_by_hand(shared_data, name):
    result = tcx.parse(shared_data / "tcx" / name)

    assert [_summary(i) for i in result.sessions] == REAL[name]


def test_real_broken_fitbit_file(shared_data):
    path = shared_data / "tcx" / "togeojson__bad.tcx"

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)
    assert (
        str(caught.value) == f'{path}, line 50, column LatitudeDegrees "no": not a valid latitude'
    )

    result = tcx.parse(path, skip_invalid=True)
    # Its second lap repeats the first; both its points have broken coordinates.
    assert [_summary(i) for i in result.sessions] == [
        ("bike", "2020-12-27T14:43:49", 38.05, 6.84, 121.5, 122.0)
    ]
    assert [(r.line, r.column, r.value) for r in result.skipped] == [
        (50, "LatitudeDegrees", "no"),
        (62, "LatitudeDegrees", "undefined"),
    ]
    assert result.warnings == [
        "activity 1: lap 2 repeats lap 1 (same start 2020-12-27T14:43:49Z); counted once"
    ]


def test_real_course_file_is_refused(shared_data):
    path = shared_data / "tcx" / "togeojson__tcx-courses.tcx"

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: a course, not an activity: nothing recorded to import"


def test_real_other_sport_says_so(shared_data):
    result = tcx.parse(shared_data / "tcx" / "tcxreader__cross-country-skiing_activity_1.tcx")

    assert result.warnings == ['activity 1 has sport "Other"; imported without a sport']


# --- values no device writes --------------------------------------------------------------------


def point(moment: str, bpm: str = "130") -> str:
    return f"<Trackpoint><Time>{moment}</Time><HeartRateBpm><Value>{bpm}</Value></HeartRateBpm></Trackpoint>"


IMPLAUSIBLE = [
    "0001-01-01T00:00:00+01:00",  # before year 1 in UTC
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-05:00",  # after year 9999 in UTC
    "9999-12-31T23:59:59Z",
    "2100-01-01T00:00:00Z",
]


@pytest.mark.parametrize("moment", IMPLAUSIBLE)
def test_track_point_time_no_clock_can_have_written_is_an_invalid_value(tmp_path, moment):
    points = point("2024-01-01T10:00:00Z") + point(moment) + point("2024-01-01T10:20:00Z")
    laps = f'<Lap StartTime="2024-01-01T10:00:00Z"><Track>{points}</Track></Lap>'
    path = write(tmp_path, f"<Activities>{activity('Running', laps)}</Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)
    result = tcx.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 2, column Time "{moment}": not a plausible time'
    [item] = result.sessions
    assert (item.session.start, item.session.minutes) == (datetime(2024, 1, 1, 10, tzinfo=UTC), 20)
    assert result.skipped == [SkippedRow(str(path), 2, "not a plausible time", "Time", moment)]


@pytest.mark.parametrize("moment", IMPLAUSIBLE)
def test_lap_start_no_clock_can_have_written_leaves_the_lap_out(tmp_path, moment):
    laps = lap(moment, 600, 2000) + lap("2024-01-01T10:10:00Z", 300, 1000)
    path = write(tmp_path, f"<Activities>{activity('Running', laps)}</Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)
    result = tcx.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 2, column StartTime "{moment}": not a plausible time'
    [item] = result.sessions
    assert (item.session.minutes, item.session.distance_km) == (5.0, 1.0)


def test_activity_with_only_an_implausible_id_has_no_start(tmp_path):
    body = '<Activity Sport="Running"><Id>0001-01-01T00:00:00+01:00</Id><Lap><TotalTimeSeconds>60'
    path = write(tmp_path, f"<Activities>{body}</TotalTimeSeconds></Lap></Activity></Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == (f"{path}: no activity in it has a start time and a recorded time")


@pytest.mark.parametrize(
    ("element", "number", "word"),
    [
        ("TotalTimeSeconds", "nan", "number of seconds"),
        ("TotalTimeSeconds", "1e308", "number of seconds"),
        ("TotalTimeSeconds", "-60", "number of seconds"),
        ("DistanceMeters", "inf", "distance in metres"),
        ("DistanceMeters", "1e400", "distance in metres"),
        ("DistanceMeters", "-1", "distance in metres"),
    ],
)
def test_lap_number_not_finite_or_absurd_is_an_invalid_value(tmp_path, element, number, word):
    broken = lap("2024-01-01T10:00:00Z", 600, 2000).replace(
        f"<{element}>{600 if element == 'TotalTimeSeconds' else 2000}<", f"<{element}>{number}<"
    )
    laps = broken + lap("2024-01-01T10:10:00Z", 300, 1000)
    path = write(tmp_path, f"<Activities>{activity('Running', laps)}</Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)
    result = tcx.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 2, column {element} "{number}": not a valid {word}'
    [item] = result.sessions
    assert (item.session.minutes, item.session.distance_km) == (5.0, 1.0)


@pytest.mark.parametrize("bpm", ["nan", "inf", "1e400", "1e308", "-5"])
def test_heart_rate_not_finite_or_absurd_is_an_invalid_value(tmp_path, bpm):
    points = point("2024-01-01T10:00:00Z", "120") + point("2024-01-01T10:10:00Z", bpm)
    points += point("2024-01-01T10:20:00Z", "140")
    laps = f'<Lap StartTime="2024-01-01T10:00:00Z"><Track>{points}</Track></Lap>'
    path = write(tmp_path, f"<Activities>{activity('Running', laps)}</Activities>")

    with pytest.raises(ImportFileError, match="not a valid heart rate"):
        tcx.parse(path)
    [item] = tcx.parse(path, skip_invalid=True).sessions

    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (130.0, 140.0)


def test_lap_time_too_small_to_count_is_no_recorded_time(tmp_path):
    laps = lap("2024-01-01T10:00:00Z", 5e-324, 10)  # seconds / 60 is 0.0
    path = write(tmp_path, f"<Activities>{activity('Running', laps)}</Activities>")

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert str(caught.value) == f"{path}: no activity in it has a start time and a recorded time"


# --- hostile and unreadable files ---------------------------------------------------------------


def test_billion_laughs_is_refused_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "laughs.tcx"
    body = activity("&lol9;", lap("2024-01-01T10:00:00Z", 600, 2000))
    path.write_text(
        billion_laughs(
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
            f'TrainingCenterDatabase/v2"><Activities>{body}</Activities></TrainingCenterDatabase>'
        )
    )
    resource = pytest.importorskip("resource")  # Unix's
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()

    with pytest.raises(ImportFileError) as caught:
        tcx.parse(path)

    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert caught.value.file == str(path)
    assert caught.value.problem.startswith("broken XML (")  # libxml2 words the limit it hit


# --- heart rates no heart makes -----------------------------------------------------------------


def _point(minute: int, bpm: str) -> str:
    return (
        f"<Trackpoint><Time>2024-01-01T10:{minute:02}:00Z</Time>"
        f"<HeartRateBpm><Value>{bpm}</Value></HeartRateBpm></Trackpoint>"
    )


def _hr_lap(*rates: str, avg: str = "", peak: str = "") -> str:
    summary = f"<AverageHeartRateBpm><Value>{avg}</Value></AverageHeartRateBpm>" if avg else ""
    summary += f"<MaximumHeartRateBpm><Value>{peak}</Value></MaximumHeartRateBpm>" if peak else ""
    points = "".join(_point(i, bpm) for i, bpm in enumerate(rates))
    return (
        '<Lap StartTime="2024-01-01T10:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds>'
        f"<DistanceMeters>2000</DistanceMeters>{summary}<Track>{points}</Track></Lap>"
    )


def test_track_point_heart_rate_glitch_is_left_out_with_a_warning(tmp_path):
    path = write(tmp_path, activity("Running", _hr_lap("120", "255", "140", "0")))

    result = tcx.parse(path)

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (130.0, 140.0)
    assert result.warnings == ["activity 1: left out 1 heart-rate reading outside 20-250 bpm"]


def test_lap_summary_outside_the_range_is_missing_and_the_track_points_give_it(tmp_path):
    path = write(tmp_path, activity("Running", _hr_lap("120", "140", avg="300", peak="255")))

    result = tcx.parse(path)

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (130.0, 140.0)
    assert result.warnings == [
        "activity 1: heart rate outside 20-250 bpm treated as missing (AverageHeartRateBpm 300,"
        " MaximumHeartRateBpm 255)"
    ]


def test_lap_summary_outside_the_range_without_track_points_leaves_no_heart_rate(tmp_path):
    laps = [_hr_lap(avg="10", peak="15"), _hr_lap(avg="150", peak="251")]
    laps[1] = laps[1].replace("10:00:00Z", "10:10:00Z")
    path = write(tmp_path, activity("Biking", *laps))

    result = tcx.parse(path)

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (150.0, None)
    assert result.warnings == [
        "activity 1: heart rate outside 20-250 bpm treated as missing (AverageHeartRateBpm 10,"
        " MaximumHeartRateBpm 15, MaximumHeartRateBpm 251)"
    ]


def test_many_summaries_outside_the_range_are_counted_in_one_warning(tmp_path):
    laps = [
        _hr_lap("130", avg="300").replace("10:00:00Z", f"1{minute}:00:00Z", 1)
        for minute in range(5)
    ]
    path = write(tmp_path, activity("Running", *laps))

    result = tcx.parse(path)

    assert result.sessions[0].session.avg_hr_bpm == 130.0
    assert result.warnings == [
        "activity 1: heart rate outside 20-250 bpm treated as missing (AverageHeartRateBpm 300,"
        " AverageHeartRateBpm 300, AverageHeartRateBpm 300 and 2 more)"
    ]
