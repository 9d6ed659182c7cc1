"""GPX and TCX importers fuzzed: damaged files and generated documents with extreme values give a
result or an ImportFileError, never a crash, and what is imported holds only finite numbers and
aware times.

Damage is seeded (a failure names its variant; `random.Random(variant)` rebuilds it); the
generated documents come from hypothesis with a fixed seed.
"""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restday.io import gpx, tcx
from tests.conftest import SHARED_DATA
from tests.io.fuzzing import EXTREMES, damaged, outcome, revalued, variants

FIXTURES = Path(__file__).parent / "fixtures"
PARSERS = {"gpx": gpx.parse, "tcx": tcx.parse}

# Reading costs about 0.1 ms per 1,000 bytes: fewer variants of the larger files.
BYTES_PER_RUN = 2_000_000


def fuzz(tmp_path: Path, name: str, data: bytes, count: int) -> int:
    """Parse `count` damaged variants of `data` both ways; return how many gave sessions."""
    fmt = name.rpartition(".")[2]
    path = tmp_path / f"damaged.{fmt}"
    imported = 0
    for variant, rng in variants(name, count):
        damage = revalued if rng.random() < 0.7 else damaged
        broken, what = damage(data, rng)
        path.write_bytes(broken)
        for skip_invalid in (False, True):
            result = outcome(PARSERS[fmt], path, f"{variant} ({what})", skip_invalid=skip_invalid)
            imported += result is not None
    return imported


@pytest.mark.parametrize(
    "name",
    ["gpx_run_hr.gpx", "gpx_walk_v10.gpx", "gpx_broken.gpx", "tcx_two_laps.tcx", "tcx_broken.tcx"],
)
def test_damaged_fixtures_give_a_result_or_an_import_error(tmp_path, name):
    imported = fuzz(tmp_path, name, (FIXTURES / name).read_bytes(), 400)

    assert imported > 100  # most values replaced leave a session to import


def _real() -> list[str]:
    if not SHARED_DATA.is_dir():
        return []
    return sorted(
        f"{p.parent.name}/{p.name}" for fmt in PARSERS for p in (SHARED_DATA / fmt).iterdir()
    )


@pytest.mark.parametrize("name", _real())
def test_damaged_real_files_give_a_result_or_an_import_error(tmp_path, shared_data, name):
    data = (shared_data / name).read_bytes()

    fuzz(tmp_path, name.replace("/", "_"), data, max(2, min(60, BYTES_PER_RUN // len(data))))


# --- generated documents ----------------------------------------------------------------------

ZONES = [
    None,
    UTC,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=23, minutes=59)),
    timezone(-timedelta(hours=23, minutes=59)),
]

times = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 1),
        max_value=datetime(9999, 12, 31, 23, 59, 59, 999999),
        timezones=st.sampled_from(ZONES),
    ).map(datetime.isoformat),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2020, 1, 2)).map(
        lambda d: d.isoformat() + "Z"
    ),
    st.sampled_from(EXTREMES),
)
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
numbers = st.one_of(
    st.floats().map(repr),
    st.floats(0, 300).map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(EXTREMES),
    texts,
)
# A valid coordinate, mostly: a broken one hides the rest of its point from the parser.
latitudes = st.one_of(st.floats(-90, 90).map(str), st.floats(-90, 90).map(str), numbers)
longitudes = st.one_of(st.floats(-180, 180).map(str), st.floats(-180, 180).map(str), numbers)


def element(name: str, text: str | None) -> str:
    return "" if text is None else f"<{name}>{escape(text)}</{name}>"


def nested(draw, inner: str) -> str:
    """`inner`, sometimes wrapped in unknown or repeated elements, up to past lxml's depth limit."""
    depth = draw(st.sampled_from([0, 0, 0, 1, 3, 40, 300]))
    tag = draw(st.sampled_from(["x", "extensions", "trkseg", "Track", "Lap"]))
    return f"<{tag}>" * depth + inner + f"</{tag}>" * depth


@st.composite
def gpx_points(draw) -> str:
    lat = draw(st.none() | latitudes)
    lon = draw(st.none() | longitudes)
    where = "".join(
        f" {axis}={quoteattr(value)}" for axis, value in (("lat", lat), ("lon", lon)) if value
    )
    bpm = draw(st.none() | numbers)
    hr = f"<extensions><gpxtpx:TrackPointExtension>{element('gpxtpx:hr', bpm)}"
    hr += "</gpxtpx:TrackPointExtension></extensions>"
    body = element("ele", draw(st.none() | numbers)) + element("time", draw(st.none() | times))
    return nested(draw, f"<trkpt{where}>{body}{hr if bpm else ''}</trkpt>")


@st.composite
def gpx_documents(draw) -> str:
    tracks = []
    for _ in range(draw(st.integers(0, 3))):
        segments = "".join(
            f"<trkseg>{''.join(draw(st.lists(gpx_points(), max_size=5)))}</trkseg>"
            for _ in range(draw(st.integers(0, 2)))
        )
        kind = element("type", draw(st.none() | st.sampled_from(["running", "Ride", "9"]) | texts))
        tracks.append(
            nested(draw, f"<trk>{element('name', draw(st.none() | texts))}{kind}{segments}</trk>")
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="fuzz" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"{''.join(tracks)}</gpx>"
    )


def value(name: str, number: str | None) -> str:
    return "" if number is None else f"<{name}><Value>{escape(number)}</Value></{name}>"


@st.composite
def tcx_points(draw) -> str:
    position = ""
    if draw(st.booleans()):
        position = element("LatitudeDegrees", draw(st.none() | latitudes))
        position += element("LongitudeDegrees", draw(st.none() | longitudes))
        position = f"<Position>{position}</Position>"
    body = element("Time", draw(st.none() | times)) + position
    body += value("HeartRateBpm", draw(st.none() | numbers))
    body += element("DistanceMeters", draw(st.none() | numbers))
    return nested(draw, f"<Trackpoint>{body}</Trackpoint>")


@st.composite
def tcx_laps(draw) -> str:
    start = draw(st.none() | times)
    attribute = f" StartTime={quoteattr(start)}" if start is not None else ""
    body = element("TotalTimeSeconds", draw(st.none() | numbers))
    body += element("DistanceMeters", draw(st.none() | numbers))
    body += value("AverageHeartRateBpm", draw(st.none() | numbers))
    body += value("MaximumHeartRateBpm", draw(st.none() | numbers))
    points = draw(st.lists(tcx_points(), max_size=4))
    body += f"<Track>{''.join(points)}</Track>" if points else ""
    return nested(draw, f"<Lap{attribute}>{body}</Lap>")


@st.composite
def tcx_documents(draw) -> str:
    activities = []
    for _ in range(draw(st.integers(0, 3))):
        sport = draw(st.sampled_from(["Running", "Biking", "Other", ""]) | texts)
        laps = "".join(draw(st.lists(tcx_laps(), max_size=3)))
        body = element("Id", draw(st.none() | times)) + laps
        activities.append(nested(draw, f"<Activity Sport={quoteattr(sport)}>{body}</Activity>"))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f"<Activities>{''.join(activities)}</Activities></TrainingCenterDatabase>"
    )


FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same documents every run: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow],
)


@FUZZ
@given(document=gpx_documents(), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_generated_gpx_documents_give_a_result_or_an_import_error(
    tmp_path_factory, document, encoding
):
    path = tmp_path_factory.getbasetemp() / "generated.gpx"
    path.write_bytes(document.replace("UTF-8", encoding.upper()).encode(encoding))

    for skip_invalid in (False, True):
        outcome(gpx.parse, path, f"generated GPX:\n{document}", skip_invalid=skip_invalid)


@FUZZ
@given(document=tcx_documents(), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_generated_tcx_documents_give_a_result_or_an_import_error(
    tmp_path_factory, document, encoding
):
    path = tmp_path_factory.getbasetemp() / "generated.tcx"
    path.write_bytes(document.replace("UTF-8", encoding.upper()).encode(encoding))

    for skip_invalid in (False, True):
        outcome(tcx.parse, path, f"generated TCX:\n{document}", skip_invalid=skip_invalid)
