"""GPX importer: one session per timed track, heart-rate extensions, broken and odd files."""

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from restday.domain import SessionKind
from restday.errors import ImportFileError
from restday.io import gpx
from restday.io.base import SkippedRow
from tests.io.fuzzing import billion_laughs

FIXTURES = Path(__file__).parent / "fixtures"

GPX11 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" {ns}>\n'
    "{body}\n</gpx>\n"
)


def write(tmp_path: Path, body: str, ns: str = "", name: str = "track.gpx") -> Path:
    path = tmp_path / name
    path.write_text(GPX11.format(ns=ns, body=body), encoding="utf-8")
    return path


def point(lat: float, time: str | None, extra: str = "") -> str:
    when = f"<time>{time}</time>" if time else ""
    return f'<trkpt lat="{lat}" lon="4.0">{when}{extra}</trkpt>'


# --- the small files of our own ---------------------------------------------------------------


def test_run_with_garmin_heart_rate_over_two_segments():
    result = gpx.parse(FIXTURES / "gpx_run_hr.gpx")

    [item] = result.sessions
    s = item.session
    assert (s.kind, s.sport) == (SessionKind.ENDURANCE, "run")
    assert s.start == datetime(2024, 3, 2, 8, 0, tzinfo=UTC)
    assert s.minutes == 7.0
    # 4 + 2 steps of 0.001 degree latitude (111.195 m each); the jump between segments is no distance.
    assert s.distance_km == pytest.approx(0.66717, abs=1e-5)
    assert (s.avg_hr_bpm, s.max_hr_bpm) == (145.0, 170.0)  # 120..170; a 0 reading is no reading
    assert item.line == 5
    assert result.warnings == [] and result.skipped == []


def test_gpx_10_without_heart_rate_gives_a_session_per_track():
    result = gpx.parse(FIXTURES / "gpx_walk_v10.gpx")

    morning, evening = (i.session for i in result.sessions)
    assert (morning.minutes, evening.minutes) == (20.0, 30.0)
    assert morning.distance_km == pytest.approx(0.22239, abs=1e-5)  # the untimed point is left out
    assert evening.distance_km == pytest.approx(0.15448, abs=1e-5)  # 0.002 degree east at 46 N
    assert morning.avg_hr_bpm is None and morning.sport is None
    assert result.warnings == [
        'track 1 ("Morning walk"): 1 of its 4 points has no usable time; '
        "left out of its duration and distance",
        "tracks 1, 2 give no sport (no <type>); imported without a sport",
    ]


def test_broken_number_is_an_error_naming_line_column_and_value():
    path = FIXTURES / "gpx_broken.gpx"

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == f'{path}, line 7, column lat "undefined": not a valid latitude'
    assert (caught.value.line, caught.value.column, caught.value.value) == (7, "lat", "undefined")


def test_broken_point_is_skipped_with_skip_invalid():
    path = FIXTURES / "gpx_broken.gpx"

    result = gpx.parse(path, skip_invalid=True)

    [item] = result.sessions
    assert (item.session.sport, item.session.minutes) == ("bike", 20.0)
    assert item.session.distance_km == pytest.approx(1.11195, abs=1e-5)
    assert result.skipped == [SkippedRow(str(path), 7, "not a valid latitude", "lat", "undefined")]


@pytest.mark.parametrize(
    ("ns", "extension"),
    [
        (
            'xmlns:tpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"',
            "<tpx:TrackPointExtension><tpx:hr>{bpm}</tpx:hr></tpx:TrackPointExtension>",
        ),
        ("", "<heartrate>{bpm}</heartrate>"),
        (
            'xmlns:gpxdata="http://www.cluetrust.com/XML/GPXDATA/1/0"',
            "<gpxdata:hr>{bpm}</gpxdata:hr>",
        ),
    ],
)
def test_heart_rate_extensions_of_garmin_strava_and_cluetrust(tmp_path, ns, extension):
    points = "".join(
        point(
            52 + i / 1000, f"2024-01-01T10:0{i}:00Z", f"<extensions>{extension}</extensions>"
        ).replace("{bpm}", str(bpm))
        for i, bpm in enumerate((100, 110, 150))
    )
    path = write(tmp_path, f"<trk><type>Ride</type><trkseg>{points}</trkseg></trk>", ns)

    [item] = gpx.parse(path).sessions

    assert (item.session.sport, item.session.avg_hr_bpm, item.session.max_hr_bpm) == (
        "bike",
        120.0,
        150.0,
    )


def test_unknown_type_imports_without_sport_and_says_so(tmp_path):
    points = point(52.0, "2024-01-01T10:00:00Z") + point(52.001, "2024-01-01T10:30:00Z")
    path = write(tmp_path, f"<trk><type>Kitesurf</type><trkseg>{points}</trkseg></trk>")

    result = gpx.parse(path)

    assert result.sessions[0].session.sport is None
    assert result.warnings == ['track 1: sport "Kitesurf" is not known; imported without a sport']


def test_times_before_1970_are_not_real(tmp_path):
    points = point(52.0, "1901-12-13T20:45:52.2073437Z") + point(52.001, "1901-12-13T20:45:52Z")
    path = write(tmp_path, f"<trk><trkseg>{points}</trkseg></trk>")

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == (
        f"{path}: its track times are before 1970 (1901-12-13T20:45:52Z), which no device "
        "records: no timed track to import"
    )


def test_track_without_times_is_left_out_when_another_has_them(tmp_path):
    drawn = point(52.0, None) + point(52.001, None)
    walked = point(52.0, "2024-01-01T10:00:00Z") + point(52.001, "2024-01-01T10:30:00Z")
    path = write(
        tmp_path,
        f"<trk><name>plan</name><trkseg>{drawn}</trkseg></trk>"
        f"<trk><type>walking</type><trkseg>{walked}</trkseg></trk>",
    )

    result = gpx.parse(path)

    assert [i.session.sport for i in result.sessions] == ["walk"]
    assert result.warnings == ['track 1 ("plan"): none of its 2 points has a time; left out']


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            '<rte><rtept lat="1" lon="1"/><rtept lat="2" lon="2"/></rte>',
            "a route, not a recorded activity",
        ),
        ('<wpt lat="1" lon="1"><name>cafe</name></wpt>', "only waypoints, not a recorded activity"),
        (
            f"<trk><trkseg>{point(1.0, None)}{point(1.1, None)}</trkseg></trk>",
            "its tracks have no times, so it is a drawn path, not a recorded activity",
        ),
        ("<trk><trkseg></trkseg></trk>", "no track in it"),
        (
            f"<trk><trkseg>{point(1.0, '2024-01-01T10:00:00Z')}</trkseg></trk>",
            "its tracks hold a single moment in time, not an activity with a duration",
        ),
    ],
)
def test_file_without_a_timed_track_is_an_error(tmp_path, body, problem):
    path = write(tmp_path, body)

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == f"{path}: {problem}: no timed track to import"


def test_byte_order_mark_and_no_namespace_are_read(tmp_path):
    path = tmp_path / "bom.gpx"
    body = (
        "<trk><trkseg>" + point(1.0, "2024-01-01T10:00:00Z") + point(1.01, "2024-01-01T11:00:00Z")
    )
    path.write_bytes(("\ufeff<?xml version='1.0'?><gpx>" + body + "</trkseg></trk></gpx>").encode())

    [item] = gpx.parse(path).sessions

    assert item.session.minutes == 60.0


def test_times_with_offsets_become_utc(tmp_path):
    points = point(1.0, "2024-01-01T11:00:00+01:00") + point(1.01, "2024-01-01T12:00:00.5+01:00")
    path = write(tmp_path, f"<trk><trkseg>{points}</trkseg></trk>")

    [item] = gpx.parse(path).sessions

    assert item.session.start == datetime(2024, 1, 1, 10, 0, tzinfo=UTC)
    assert item.session.minutes == pytest.approx(60 + 0.5 / 60)


def test_fingerprint_is_stable_and_ignores_fractions_of_a_second(tmp_path):
    first = gpx.parse(FIXTURES / "gpx_run_hr.gpx").sessions[0].fingerprint
    again = gpx.parse(FIXTURES / "gpx_run_hr.gpx").sessions[0].fingerprint
    points = point(52.0, "2024-03-02T08:00:00.400Z") + point(52.1, "2024-03-02T09:00:00Z")
    re_export = write(tmp_path, f"<trk><trkseg>{points}</trkseg></trk>")

    assert first == again == gpx.parse(re_export).sessions[0].fingerprint
    assert first.startswith("gpx:")


# --- wrong and empty files --------------------------------------------------------------------


def test_fit_given_as_gpx_is_not_a_gpx_file():
    path = FIXTURES / "fit_run.fit"

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == f"{path}: not a GPX file (it is not XML)"


def test_tcx_given_as_gpx_is_not_a_gpx_file():
    path = FIXTURES / "tcx_two_laps.tcx"

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == (
        f"{path}: not a GPX file (its root element is <TrainingCenterDatabase>)"
    )


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.gpx"
    path.write_bytes(b"")

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == f"{path}: the file is empty, not a GPX file"


def test_broken_xml_names_the_line(tmp_path):
    path = tmp_path / "cut.gpx"
    path.write_text('<gpx version="1.1">\n<trk><trkseg>\n<trkpt lat="1" lon="1"><time>20')

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}, line 3: broken XML (")


def test_a_flood_of_elements_restday_does_not_read_is_one_error_naming_the_file(tmp_path):
    flood = "<extensions>" + "<x/>" * 300_000 + "</extensions>"  # 1.2 MB
    body = f"<trk><trkseg>{point(52.0, '2024-03-02T08:00:00Z')}{flood}</trkseg></trk>"
    path = write(tmp_path, body)

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == (
        f"{path}: holds more than 100,000 elements restday does not read (by byte 1,048,576): "
        "not an activity GPX file"
    )


def test_segments_holding_many_elements_restday_does_not_read_are_dropped_in_linear_time(
    tmp_path,
):
    extensions = "<extensions>" + "<x/>" * 90_000 + "</extensions>"  # under the 100,000 held
    tracks = [
        f"<trk><trkseg>{point(52.0, f'2024-03-0{day}T08:00:00Z')}"
        f"{point(52.01, f'2024-03-0{day}T09:00:00Z')}{extensions}</trkseg></trk>"
        for day in range(1, 6)
    ]
    path = write(tmp_path, "".join(tracks))
    started = time.monotonic()

    result = gpx.parse(path)

    assert time.monotonic() - started < 4  # it took 2-3 s a track (clearing each trk)
    assert [item.session.minutes for item in result.sessions] == [60.0] * 5


# --- the real exports in ../shared/data/gpx -----------------------------------------------

# (sport, start, minutes, km, avg bpm, max bpm) per track with times, checked by hand with
# xml.etree and a separate haversine: minutes from first to last timed point, km between
# consecutive timed points of a segment.
REAL = {
    "togeojson__run.gpx": [(None, "2012-10-24T23:29:40", 15.8, 3.099, 190.0, 203.0)],
    "togeojson__Friday-Evening-Run.gpx": [
        ("run", "2025-05-02T15:51:15", 42.822, 0.088, 150.0, 171.0)  # 13 of 17 points with hr
    ],
    "togeojson__strava.gpx": [(None, "2018-05-14T14:54:21", 128.717, 7.471, 143.7, 160.0)],
    "togeojson__multitrackgpx.gpx": [
        (None, "2008-07-12T09:58:23", 7.167, 0.522, None, None),
        (None, "2008-07-13T07:57:31", 16.033, 1.203, None, None),
        (None, "2008-07-14T07:08:19", 1.4, 0.019, None, None),
    ],
    # 4 tracks: the first empty, the second (358 points) without times.
    "gpxpy__korita-zbevnica.gpx": [
        (None, "2010-10-03T09:36:30", 75.867, 2.282, None, None),
        (None, "2010-10-03T10:57:10", 142.35, 3.979, None, None),
    ],
    "gpxpy__around-visnjan-with-car.gpx": [(None, "2020-12-18T06:15:50", 8.567, 2.733, None, None)],
    # 8 tracks, only the last has times, on 5 of its 21 points.
    "gpxpy__cerknicko-without-times.gpx": [(None, "2010-08-05T16:22:52", 0.95, 0.053, None, None)],
    "gpxpy__track-with-empty-segment.gpx": [
        (None, "2013-07-06T17:26:26", 1.267, 0.086, None, None)
    ],
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
    result = gpx.parse(shared_data / "gpx" / name)

    assert [_summary(i) for i in result.sessions] == REAL[name]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (
            "gpxpy__Mojstrovka.gpx",
            "its track times are before 1970 (1901-12-13T20:45:52Z), which no device records",
        ),
        ("gpxpy__route.gpx", "a route, not a recorded activity"),
        ("gpxpy__unicode_with_bom.gpx", "only waypoints, not a recorded activity"),
    ],
)
def test_real_files_without_a_timed_track_are_errors(shared_data, name, problem):
    path = shared_data / "gpx" / name

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert str(caught.value) == f"{path}: {problem}: no timed track to import"


def test_real_broken_file_names_line_and_value(shared_data):
    path = shared_data / "gpx" / "togeojson__bad.gpx"

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)
    assert str(caught.value) == f'{path}, line 5, column lat "undefined": not a valid latitude'

    with pytest.raises(ImportFileError) as skipped:
        gpx.parse(path, skip_invalid=True)
    assert str(skipped.value) == (
        f"{path}: every track point is invalid (2 skipped): no timed track to import"
    )


@pytest.mark.parametrize(
    ("encoding", "declared", "line_end"),
    [("utf-8-sig", "UTF-8", "\n"), ("utf-16", "UTF-16", "\n"), ("latin-1", "ISO-8859-1", "\r\n")],
)
def test_declared_encodings_and_windows_line_ends_are_read(tmp_path, encoding, declared, line_end):
    points = point(1.0, "2024-01-01T10:00:00Z") + line_end + point(1.01, "2024-01-01T11:00:00Z")
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>{line_end}<gpx>{line_end}'
        f"<trk><name>Café au lait</name><type>hiking</type><trkseg>{points}</trkseg></trk></gpx>"
    )
    path = tmp_path / "encoded.gpx"
    path.write_bytes(text.encode(encoding))

    [item] = gpx.parse(path).sessions

    assert (item.session.sport, item.session.minutes) == ("hike", 60.0)


# --- values no device writes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        "0001-01-01T00:00:00+01:00",  # before year 1 in UTC
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59-05:00",  # after year 9999 in UTC
        "9999-12-31T23:59:59Z",
        "2100-01-01T00:00:00Z",
        "1899-12-31T23:59:59Z",
    ],
)
def test_time_no_clock_can_have_written_is_an_invalid_value(tmp_path, moment):
    points = (
        point(52.0, "2024-01-01T10:00:00Z")
        + point(52.001, moment)
        + point(52.002, "2024-01-01T10:30:00Z")
    )
    path = write(tmp_path, f"<trk><type>running</type><trkseg>{points}</trkseg></trk>")

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)
    result = gpx.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 3, column time "{moment}": not a plausible time'
    [item] = result.sessions
    assert (item.session.start, item.session.minutes) == (datetime(2024, 1, 1, 10, tzinfo=UTC), 30)
    assert result.skipped == [SkippedRow(str(path), 3, "not a plausible time", "time", moment)]


@pytest.mark.parametrize("bpm", ["nan", "inf", "-inf", "1e400", "1e308", "-5", "NaN"])
def test_heart_rate_that_is_not_a_finite_reading_is_an_invalid_value(tmp_path, bpm):
    points = "".join(
        point(52 + i / 1000, f"2024-01-01T10:0{i}:00Z", f"<extensions><hr>{hr}</hr></extensions>")
        for i, hr in enumerate(("120", bpm, "140"))
    )
    path = write(tmp_path, f"<trk><type>running</type><trkseg>{points}</trkseg></trk>")

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)
    result = gpx.parse(path, skip_invalid=True)

    assert str(caught.value) == f'{path}, line 3, column hr "{bpm}": not a heart rate'
    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (130.0, 140.0)
    assert [r.value for r in result.skipped] == [bpm]


# --- hostile and unreadable files ---------------------------------------------------------------


def _points() -> str:
    return point(52.0, "2024-01-01T10:00:00Z") + point(52.001, "2024-01-01T10:30:00Z")


def test_billion_laughs_is_refused_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "laughs.gpx"
    body = f'<gpx version="1.1"><trk><name>&lol9;</name><trkseg>{_points()}</trkseg></trk></gpx>'
    path.write_text(billion_laughs(body))
    resource = pytest.importorskip("resource")  # Unix's
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()

    with pytest.raises(ImportFileError) as caught:
        gpx.parse(path)

    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert caught.value.file == str(path)
    assert caught.value.problem.startswith("broken XML (")  # libxml2 words the limit it hit


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("running")
    path = tmp_path / "entities.gpx"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY file SYSTEM "{secret.as_uri()}">'
        '<!ENTITY web SYSTEM "http://127.0.0.1:9/type.txt">]>\n'
        f'<gpx version="1.1"><trk><name>&web;</name><type>&file;</type>'
        f"<trkseg>{_points()}</trkseg></trk></gpx>"
    )

    result = gpx.parse(path)

    assert result.sessions[0].session.sport is None  # "running" was not read from the file
    assert result.warnings == ["track 1 gives no sport (no <type>); imported without a sport"]


# --- heart rates no heart makes -----------------------------------------------------------------


def _hr_track(rates: tuple[str, ...], name: str = "") -> str:
    points = "".join(
        point(52 + i / 1000, f"2024-01-01T10:0{i}:00Z", f"<extensions><hr>{hr}</hr></extensions>")
        for i, hr in enumerate(rates)
    )
    return f"<trk>{name}<type>running</type><trkseg>{points}</trkseg></trk>"


def test_one_heart_rate_glitch_is_left_out_and_the_track_kept(tmp_path):
    path = write(tmp_path, _hr_track(("120", "255", "140", "0")))

    for skip_invalid in (False, True):
        result = gpx.parse(path, skip_invalid=skip_invalid)

        [item] = result.sessions
        assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (130.0, 140.0)
        assert result.warnings == ["track 1: left out 1 heart-rate reading outside 20-250 bpm"]
        assert result.skipped == []


def test_heart_rates_at_the_bounds_are_kept_and_beyond_them_counted_per_track(tmp_path):
    tracks = _hr_track(("20", "250", "19.9", "250.1")) + _hr_track(("5", "300"), "<name>Two</name>")
    path = write(tmp_path, tracks)

    result = gpx.parse(path)

    first, second = (item.session for item in result.sessions)
    assert (first.avg_hr_bpm, first.max_hr_bpm) == (135.0, 250.0)
    assert (second.avg_hr_bpm, second.max_hr_bpm) == (None, None)
    assert result.warnings == [
        "track 1: left out 2 heart-rate readings outside 20-250 bpm",
        'track 2 ("Two"): left out 2 heart-rate readings outside 20-250 bpm',
    ]
