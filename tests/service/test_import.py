"""The import service's gate: what no file may store, and bringing a fixed workout in with replace."""

from datetime import UTC, datetime, timedelta
from time import monotonic

import pytest

from restday import service
from restday.domain import Session, SessionKind
from restday.errors import ImportFileError
from restday.service import importing
from tests.service.conftest import snapshot

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
STRONG_HEAD = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
LEGS = "2026-11-20 18:00:00,Legs,{duration},Squat (Barbell),{order},100,{reps},0,0,,,\n"
HEVY_HEAD = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)
HEVY_ROW = '"Push","20 Nov 2026, 18:00","{end}","","Bench Press (Barbell)",,"",0,"normal",80,5,,,\n'


def strong(tmp_path, *rows, name="strong.csv"):
    file = tmp_path / name
    file.write_text(STRONG_HEAD + "".join(rows))
    return file


def legs(duration="1h", order=1, reps=5):
    return LEGS.format(duration=duration, order=order, reps=reps)


def load(db, fmt, *files, **options):
    return importing.import_files(db, fmt, list(files), now=NOW, **options, user="me")


@pytest.mark.parametrize(
    ("fmt", "content", "error"),
    [
        (
            "hevy",
            HEVY_HEAD + HEVY_ROW.format(end="31 Dec 9999, 23:00"),
            'line 2, column end_time "31 Dec 9999, 23:00": a workout lasts at most 24 hours',
        ),
        (
            "strong",
            STRONG_HEAD + legs(duration="99999999h"),
            'line 2, column Duration "99999999h": a workout lasts at most 24 hours (5,999,999,940 min)',
        ),
        (
            "strong",
            STRONG_HEAD + legs(duration="90 mn"),
            'line 2, column Duration "90 mn": not a duration (such as 1h 5m)',
        ),
        (
            "strong",
            STRONG_HEAD + legs(duration="1 uur"),
            'line 2, column Duration "1 uur": not a duration (such as 1h 5m)',
        ),
        (
            "strong",
            STRONG_HEAD + legs(reps="1e20"),
            'line 2, column Reps "1e20": must be a whole number from 1 to 10,000',
        ),
        (
            "strong",
            STRONG_HEAD + legs().replace("2026-11-20", "0001-01-01"),
            'line 2, column Date "0001-01-01T18:00:00+00:00": must be from 1970-01-01 to 2026-12-04',
        ),
        (
            "strong",
            STRONG_HEAD + legs().replace("2026-11-20", "9999-12-31"),
            'line 2, column Date "9999-12-31T18:00:00+00:00": must be from 1970-01-01 to 2026-12-04',
        ),
        (
            "strong",
            STRONG_HEAD + legs().replace(",100,", ",5000,"),
            'line 2, column Weight "5000": must be a number from 0 to 1,000 kg',
        ),
        (
            "strong",
            STRONG_HEAD + legs().replace("Squat (Barbell)", "S" * 300),
            'line 2, column Exercise Name "SSSS',
        ),
    ],
)
def test_a_value_out_of_bounds_stops_the_import_and_stores_nothing(
    db, tmp_path, fmt, content, error
):
    file = tmp_path / f"export.{fmt}.csv"
    file.write_text(content)
    before = snapshot(db)
    with pytest.raises(ImportFileError) as refused:
        load(db, fmt, file)
    assert str(refused.value).startswith(f"{file}, {error}"), str(refused.value)
    assert snapshot(db) == before
    skipped = load(db, fmt, file, skip_invalid=True)
    assert skipped.sessions_added == 0 and len(skipped.rows_skipped_invalid) == 1
    assert snapshot(db) == before


def test_a_gpx_track_ending_in_the_year_9999_is_refused(db, tmp_path):
    file = tmp_path / "run.gpx"
    file.write_text(
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>'
        "<type>running</type><trkseg>"
        '<trkpt lat="52.0" lon="4.0"><time>2026-11-20T07:00:00Z</time></trkpt>'
        '<trkpt lat="52.1" lon="4.1"><time>9999-12-31T07:00:00Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    )
    with pytest.raises(ImportFileError) as refused:
        load(db, "gpx", file)
    assert str(refused.value) == (
        f'{file}, line 1, column time "9999-12-31T07:00:00Z": not a plausible time'
    )
    assert service.history(db, user="me").sessions == ()


def test_a_fixed_workout_comes_in_with_replace(db, tmp_path):
    broken = strong(
        tmp_path, legs(order=1), legs(order=2, reps="lots"), legs(order=3), name="b.csv"
    )
    first = load(db, "strong", broken, skip_invalid=True)
    assert (first.sessions_added, first.sets_added, len(first.rows_skipped_invalid)) == (1, 2, 1)
    assert (
        f"{broken}: the session at 2026-11-20 18:00 (line 2) is imported without its 1 skipped row; "
        "once they are fixed, import the file again with --replace to bring them in"
    ) in first.warnings
    fixed = strong(tmp_path, legs(order=1), legs(order=2, reps=4), legs(order=3))
    again = load(db, "strong", fixed)
    assert (again.sessions_added, again.sessions_skipped_duplicate, again.sessions_replaced) == (
        0,
        1,
        0,
    )
    dry = load(db, "strong", fixed, replace=True, dry_run=True)
    assert (dry.sessions_added, dry.sessions_replaced) == (0, 1)
    replaced = load(db, "strong", fixed, replace=True)
    assert (replaced.sessions_added, replaced.sessions_replaced, replaced.sets_added) == (0, 1, 3)
    (session,) = service.history(db, user="me").sessions
    assert [s.reps for s in session.exercises[0].sets] == [5, 4, 5]
    unchanged = load(db, "strong", fixed, replace=True)
    assert (unchanged.sessions_replaced, unchanged.sessions_skipped_duplicate) == (0, 1)
    kept = load(db, "strong", broken, replace=True, skip_invalid=True)
    assert (kept.sessions_replaced, kept.sessions_skipped_duplicate) == (0, 1)
    assert (
        f"{broken}: the session at 2026-11-20 18:00 is not replaced: the file gave it without "
        "some of its rows"
    ) in kept.warnings
    (session,) = service.history(db, user="me").sessions
    assert [s.reps for s in session.exercises[0].sets] == [5, 4, 5]


def test_finding_an_activity_recorded_twice_takes_no_longer_for_a_long_history():
    recorded = importing._Recorded(UTC)
    starts = [datetime(2010, 1, 1, tzinfo=UTC) + timedelta(hours=3 * i) for i in range(60_000)]
    for start in starts:
        recorded.add(SessionKind.ENDURANCE, start, 60, "strava")
    began = monotonic()

    twins = [
        recorded.same_as(Session(kind=SessionKind.ENDURANCE, start=start, minutes=60))
        for start in starts
    ]

    assert monotonic() - began < 3  # it walked every earlier span: 20 s for these
    assert twins[-1] == f"{starts[-1]:%Y-%m-%d %H:%M} (strava)"
