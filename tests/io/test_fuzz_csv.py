"""Strong and Hevy importers fuzzed: damaged exports and generated rows with extreme values give a
result or an ImportFileError, never a crash, and what is imported holds only finite numbers,
aware times and values within the bounds.

Damage is seeded (a failure names its variant; `random.Random(variant)` rebuilds it): byte flips,
insertions, deletions and cuts, and fields set to an extreme value, in our fixtures and in the
first lines of the real exports. The generated rows come from hypothesis with a fixed seed.
"""

import csv
import io
import random
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restday.domain.bounds import RANGES
from restday.io import hevy, strong
from restday.io.base import ParseResult
from restday.io.csvfile import column_key
from tests.conftest import SHARED_DATA
from tests.io.fuzzing import EXTREMES, damaged, outcome, variants

FIXTURES = Path(__file__).parent / "fixtures"
PARSERS: dict[str, Callable[..., ParseResult]] = {"strong": strong.parse, "hevy": hevy.parse}
ZONES: tuple[tzinfo, ...] = (
    UTC,
    ZoneInfo("Pacific/Kiritimati"),  # UTC+14
    ZoneInfo("Europe/Amsterdam"),
    timezone(-timedelta(hours=12)),
)
LINES = 200  # of each real export: enough rows for every column, fast enough to fuzz

# What a damaged or hand-edited export may hold where a date, a duration or a number belongs, as
# the apps write them: beside fuzzing.EXTREMES, the dates, durations, set types and quotes of CSV.
VALUES = (
    *EXTREMES,
    "0001-01-01 00:00:00",
    "9999-12-31 23:59:59",
    "31 Dec 9999, 23:59",
    "1 Jan 0001, 00:00",
    "Dec 31, 9999, 11:59 PM",
    "2026-01-01T00:00:00+14:00",
    "7 APR 2026, 10:14",
    "jUN 11, 2026, 1:01 pM",
    "7 Apr 10000, 10:14",
    "10000-01-01 00:00:00",
    "7 Apr 2026, 25:61",
    "1e20",
    "٣",
    "9" * 5000,
    "72,5",
    "1d",
    "90 mn",
    "1 uur",
    "99999999h",
    "0.1s",
    "W",
    "Rest Timer",
    "warmup",
    "superset",
    '"',
    'a "b"',
    "two\nlines",
    "x" * 140_000,  # over csv's field limit
)


# A field: at the start of a line or after a delimiter, quoted (quotes doubled inside) or bare.
_FIELD = re.compile(rb'(?m)(?:^|(?<=[,;\t]))("(?:[^"]|"")*"|[^,;\t\r\n"]*)')


def _field_spans(data: bytes) -> list[tuple[int, int]]:
    """Where the fields of a CSV file's bytes are (quoted or not, empty ones too)."""
    return [m.span(1) for m in _FIELD.finditer(data)]


def revalued(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A CSV file's bytes with one to three fields set to one of VALUES, quoted as CSV quotes it
    (now and then not: a quote or newline left bare); and what was replaced."""
    spots = _field_spans(data)
    if not spots:
        return damaged(data, rng)
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), reverse=True)
    out, done = bytearray(data), []
    for start, end in chosen:
        value = rng.choice(VALUES)
        written = value
        if re.search(r'[,;\t\n"]', value) and rng.random() < 0.9:
            written = '"' + value.replace('"', '""') + '"'
        done.append(f"{bytes(out[start:end])[:20]!r} at byte {start} set to {value[:20]!r}")
        out[start:end] = written.encode("utf-8")
    return bytes(out), ", ".join(done)


def _in_bounds(result: ParseResult, variant: str) -> None:
    """Every number of the sessions within RANGES, and no more rows counted as skipped from the
    sessions than were skipped."""
    found = []
    for item in result.sessions:
        s = item.session
        values = [("session.minutes", s.minutes), ("session.distance_km", s.distance_km)]
        values.append(("session.rpe", s.rpe))
        for e in s.exercises:
            for x in e.sets:
                values += [("set.reps", x.reps), ("set.seconds", x.seconds)]
                values += [("set.weight_kg", x.weight_kg), ("set.rpe", x.rpe)]
        found += [f"{b} {v!r}" for b, v in values if v is not None and RANGES[b].problem(v)]
    counted = sum(item.skipped_rows for item in result.sessions)
    if counted > len(result.skipped):
        found.append(f"sessions count {counted} skipped rows of {len(result.skipped)}")
    assert not found, f"{variant}: {found}"


def checked(fmt: str, path: Path, variant: str, tz: tzinfo) -> int:
    """Parse `path` both ways in `tz` and check each outcome; return how many gave sessions."""
    imported = 0
    for skip_invalid in (False, True):
        parse = partial(PARSERS[fmt], tz=tz)
        result = outcome(parse, path, f"{variant}, tz {tz}", skip_invalid=skip_invalid)
        if result is not None:
            _in_bounds(result, f"{variant}, tz {tz} (skip_invalid={skip_invalid})")
            imported += bool(result.sessions)
    return imported


def fuzz(tmp_path: Path, fmt: str, name: str, data: bytes, count: int) -> int:
    """Parse `count` damaged variants of `data`; return how many gave sessions."""
    path = tmp_path / "damaged.csv"
    imported = 0
    for variant, rng in variants(name, count):
        damage = revalued if rng.random() < 0.7 else damaged
        broken, what = damage(data, rng)
        path.write_bytes(broken)
        imported += checked(fmt, path, f"{variant} ({what})", rng.choice(ZONES))
    return imported


def _prefix(data: bytes, lines: int) -> bytes:
    """The first `lines` lines of a CSV file, and on to the end of a quoted note they open."""
    kept, quotes = [], 0
    for line in data.splitlines(keepends=True):
        kept.append(line)
        quotes += line.count(b'"')
        if len(kept) >= lines and quotes % 2 == 0:
            break
    return b"".join(kept)


FIXTURE_NAMES = sorted(p.name for p in FIXTURES.glob("*.csv"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_damaged_fixtures_give_a_result_or_an_import_error(tmp_path, name):
    data = (FIXTURES / name).read_bytes()
    fmt = "hevy" if name.startswith("hevy") else "strong"

    imported = fuzz(tmp_path, fmt, name, data, 250)

    if len(data) > 200:  # not the empty or header-only files: most damage leaves a workout
        assert imported > 150, name  # of 500 outcomes


def _real() -> list[str]:
    if not SHARED_DATA.is_dir():
        return []
    return sorted(f"{fmt}/{p.name}" for fmt in PARSERS for p in (SHARED_DATA / fmt).glob("*.csv"))


@pytest.mark.parametrize("name", _real())
def test_damaged_real_files_give_a_result_or_an_import_error(tmp_path, shared_data, name):
    data = _prefix((shared_data / name).read_bytes(), LINES)

    imported = fuzz(tmp_path, name.partition("/")[0], name.replace("/", "_"), data, 60)

    assert imported > 35, name  # of 120 outcomes


def test_the_prefix_of_a_real_file_ends_with_a_whole_row():
    data = b'a,b\n1,"x\n' + b"y" * 3 + b'"\n2,z\n'

    assert _prefix(data, 2) == b'a,b\n1,"x\nyyy"\n'


# --- generated rows ---------------------------------------------------------------------------

# Each generated row is a plausible one with up to three of its fields made wild: extreme
# numbers, dates of any year and zone, durations in any unit, texts.

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
numbers = st.one_of(
    st.floats().map(repr),
    st.floats(0, 2000).map(lambda x: f"{x:.3f}"),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["600", "999.9", "1000", "0.001", "86400", "-0", "8,5", "1e3", ""]),
    st.sampled_from(VALUES),
    texts,
)
moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))
recent = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31))


def _app_date(moment: datetime, style: int) -> str:
    """`moment` as the apps write it: ISO 8601, "7 Apr 2026, 10:14" or "Jun 11, 2026, 1:01 PM"."""
    if style == 0:
        return moment.isoformat(sep=" ")  # with microseconds, if any
    if style == 1:
        return f"{moment.day} {moment:%b} {moment.year:04d}, {moment:%H:%M}"
    hour = moment.hour % 12 or 12
    return f"{moment:%b} {moment.day}, {moment.year:04d}, {hour}:{moment:%M %p}"


styles = st.integers(0, 2)
dates = st.one_of(
    st.builds(_app_date, moments, styles),
    st.datetimes(
        min_value=datetime(1, 1, 1),
        max_value=datetime(9999, 12, 31, 23, 59, 59, 999999),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=14)), timezone(-timedelta(hours=12))]
        ),
    ).map(datetime.isoformat),
    st.sampled_from(VALUES),
    texts,
)
durations = st.one_of(
    st.builds(lambda h, m: f"{h}h {m}m", st.integers(0, 10**9), st.integers(0, 99)),
    st.builds(
        lambda n, unit: f"{n}{unit}",
        numbers,
        st.sampled_from(["h", "m", "min", "s", "d", " days", "mn", " uur", ""]),
    ),
    st.sampled_from(["0.1s", "1s", "24h", "1d 1s", "1d", "99999999h"]),
    numbers,
)


def _amounts(high: float, empty: str = "") -> st.SearchStrategy[str]:
    return st.one_of(st.just(empty), st.floats(0, high).map(lambda x: f"{x:.1f}"))


PLAUSIBLE = {
    "date": st.builds(_app_date, recent, st.just(0)),
    "workout": st.sampled_from(["Push", "Legs", "Pull"]),
    "duration": st.sampled_from(["1h 5m", "38min", "", "2h"]),
    "seconds_total": st.integers(0, 7200).map(str),
    "exercise": st.sampled_from(["Squat", "Bench Press (Barbell)", "Plank", "Running"]),
    "order": st.one_of(st.integers(0, 8).map(str), st.sampled_from(["W", "D", "F"])),
    "weight": _amounts(200, "0"),
    "reps": st.integers(0, 20).map(str),
    "rpe": st.sampled_from(["", "0", "7", "8.5", "10"]),
    "distance": _amounts(20, "0") | st.just("600"),  # two such sets: too far for a workout
    "seconds": _amounts(600, "0"),
    "unit": st.sampled_from(["kg", "lbs", "km", "mi", "m", ""]),
    "text": st.sampled_from(["", "felt good", 'said "light"', "two\nlines"]),
    "set_type": st.sampled_from(["normal", "warmup", "failure", "dropset"]),
    "number": st.integers(1, 99).map(str),
}
WILD = {
    "date": dates,
    "workout": texts,
    "duration": durations,
    "exercise": texts,
    "order": st.one_of(st.integers(-5, 3000).map(str), st.just("Rest Timer"), numbers),
    "unit": st.one_of(st.sampled_from(["stone", "KG", "ft", "yd"]), texts),
    "text": texts,
    "set_type": st.one_of(st.sampled_from(["WARMUP", "superset", ""]), texts),
}
STRONG_LAYOUTS = {
    "comma": (
        ",",
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
    ),
    "units": (
        ";",
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes",
    ),
    "seconds": (
        ";",
        "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);Reps;RPE;"
        "Distance (meters);Seconds;Notes;Workout Notes",
    ),
    "oldest": (",", "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"),
}
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,{weight},reps,{distance},duration_seconds,rpe"
)
# A header's column (matched as column_key matches it) -> the kind of its values.
KINDS = {
    "date": "date",
    "workoutname": "workout",
    "duration": "duration",
    "durationsec": "seconds_total",
    "exercisename": "exercise",
    "setorder": "order",
    "weight": "weight",
    "weightkg": "weight",
    "kg": "weight",
    "reps": "reps",
    "rpe": "rpe",
    "distance": "distance",
    "distancemeters": "distance",
    "km": "distance",
    "seconds": "seconds",
    "weightunit": "unit",
    "distanceunit": "unit",
    "workout": "number",
    "title": "workout",
    "starttime": "date",
    "endtime": "date",
    "exercisetitle": "exercise",
    "setindex": "order",
    "settype": "set_type",
    "weightlbs": "weight",
    "distancekm": "distance",
    "distancemiles": "distance",
    "durationseconds": "seconds",
}


@st.composite
def rows(draw, header: list[str]) -> list[list[str]]:
    """One to six rows under `header`: plausible values, up to three of a row's fields wild, and
    now and then a row of the workout before (its first three fields)."""
    kinds = [KINDS.get(column_key(c), "text") for c in header]
    drawn: list[list[str]] = []
    for _ in range(draw(st.integers(1, 6))):
        row = [draw(PLAUSIBLE[k]) for k in kinds]
        for i in draw(st.sets(st.integers(0, len(header) - 1), max_size=3)):
            row[i] = draw(WILD.get(kinds[i], numbers))
        if drawn and draw(st.booleans()):
            row[:3] = drawn[-1][:3]
        drawn.append(row)
    return drawn


def _table(delimiter: str, header: list[str], body: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


@st.composite
def strong_files(draw) -> str:
    """A Strong export of one of its layouts."""
    delimiter, line = STRONG_LAYOUTS[draw(st.sampled_from(sorted(STRONG_LAYOUTS)))]
    header = line.split(delimiter)
    return _table(delimiter, header, draw(rows(header)))


@st.composite
def hevy_files(draw) -> str:
    """A Hevy export in kg or lb; the end times of some workouts close to their start (a
    microsecond, a day and a second, before it)."""
    units = draw(st.sampled_from([("weight_kg", "distance_km"), ("weight_lbs", "distance_miles")]))
    header = HEVY_HEADER.format(weight=units[0], distance=units[1]).split(",")
    body = draw(rows(header))
    for row in body:
        if draw(st.booleans()):
            start, style = draw(recent), draw(styles)
            gap = st.timedeltas(-timedelta(hours=2), timedelta(days=2)) | st.sampled_from(
                [timedelta(microseconds=1), timedelta(seconds=0.2), timedelta(days=1, seconds=1)]
            )
            row[1:3] = [_app_date(start, style), _app_date(start + draw(gap), style)]
    return _table(",", header, body)


encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
FUZZ = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,  # the same files every run: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _written(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding, errors="replace"))
    return path


@FUZZ
@given(text=strong_files(), encoding=encodings, tz=st.sampled_from(ZONES))
def test_generated_strong_rows_give_a_result_or_an_import_error(
    tmp_path_factory, text, encoding, tz
):
    path = _written(tmp_path_factory.getbasetemp() / "generated_strong.csv", text, encoding)

    checked("strong", path, f"generated Strong export ({encoding}):\n{text[:2000]}", tz)


@FUZZ
@given(text=hevy_files(), encoding=encodings, tz=st.sampled_from(ZONES))
def test_generated_hevy_rows_give_a_result_or_an_import_error(tmp_path_factory, text, encoding, tz):
    path = _written(tmp_path_factory.getbasetemp() / "generated_hevy.csv", text, encoding)

    checked("hevy", path, f"generated Hevy export ({encoding}):\n{text[:2000]}", tz)
