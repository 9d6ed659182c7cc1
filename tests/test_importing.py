"""The import service on a real SQLite file: cardio-only workouts, folders with a broken file."""

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from restday import service
from restday.domain import Session, SessionKind
from restday.errors import ImportFileError
from restday.service import importing
from restday.store.db import open_database

FIXTURES = Path(__file__).resolve().parent / "io" / "fixtures"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
CARDIO = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-20 07:00:00,Morning run,32m,Running,1,0,0,5.2,1900,,,
2026-11-21 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,
"""


@pytest.fixture
def db(tmp_path):
    return open_database(f"sqlite:///{tmp_path / 'restday.db'}")


def test_a_workout_that_only_logs_running_becomes_a_run(db, tmp_path):
    path = tmp_path / "strong.csv"
    path.write_text(CARDIO)
    report = importing.import_files(db, "strong", [path], now=NOW, user="me")
    assert report.sessions_added == 2 and report.unmatched_exercises == []
    run, legs = service.history(db, user="me").sessions
    assert (run.kind.value, run.sport, run.distance_km) == ("endurance", "run", 5.2)
    assert legs.kind.value == "strength"


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("Cycling (Indoor)", "bike"),
        ("Air Bike", "bike"),
        ("Ski Erg", "ski"),
        ("Rowing (Machine)", "row"),
    ],
)
def test_a_workout_of_one_cardio_machine_becomes_that_sport(db, tmp_path, name, sport):
    path = tmp_path / "strong.csv"
    path.write_text(CARDIO.replace("Running", name))
    report = importing.import_files(db, "strong", [path], now=NOW, user="me")
    assert report.unmatched_exercises == []
    first = service.history(db, user="me").sessions[0]
    assert (first.kind.value, first.sport) == ("endurance", sport)


def test_a_folder_with_a_broken_file_imports_nothing_unless_told_to_skip_it(db, tmp_path):
    folder = tmp_path / "garmin"
    folder.mkdir()
    shutil.copy(FIXTURES / "fit_run.fit", folder / "run.fit")
    (folder / "broken.fit").write_bytes(b"\x0e\x10not really a fit file")
    with pytest.raises(ImportFileError, match=r"broken\.fit"):
        importing.import_files(db, "fit", [folder], now=NOW, user="me")
    assert service.history(db, user="me").sessions == ()
    report = importing.import_files(db, "fit", [folder], now=NOW, skip_invalid=True, user="me")
    assert report.sessions_added == 1
    assert len(report.files_skipped) == 1 and "broken.fit" in report.files_skipped[0]


def gpx(start: str, minutes: int, kind: str = "running") -> str:
    """A GPX track from `start` (UTC, ISO 8601) with a point a minute."""
    begin = datetime.fromisoformat(start)
    points = "".join(
        f'<trkpt lat="{52 + i / 1000:.3f}" lon="4.0">'
        f"<time>{(begin + timedelta(minutes=i)).isoformat().replace('+00:00', 'Z')}</time></trkpt>"
        for i in range(minutes + 1)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><type>{kind}</type><trkseg>{points}</trkseg></trk></gpx>"
    )


def logged_run(db, start: str, minutes: float) -> int:
    at = datetime.fromisoformat(start)
    session = Session(SessionKind.ENDURANCE, at, minutes, rpe=4, sport="run")
    return service.log_session(db, session, at, user="me").id


def test_a_run_logged_by_hand_is_not_added_again_from_its_track(db, tmp_path):
    run_id = logged_run(db, "2026-11-20T07:00:00+00:00", 40)
    (tmp_path / "run.gpx").write_text(gpx("2026-11-20T07:03:00+00:00", 36))
    (tmp_path / "evening.gpx").write_text(gpx("2026-11-20T18:00:00+00:00", 30))
    report = importing.import_files(db, "gpx", [tmp_path], now=NOW, user="me")
    assert (report.sessions_added, report.sessions_skipped_duplicate) == (1, 1)
    [warning] = report.warnings
    assert warning.startswith(str(tmp_path / "run.gpx"))
    assert f"2026-11-20 07:00 (session {run_id} from cli)" in warning
    assert [(s.start.hour, s.minutes) for s in service.history(db, user="me").sessions] == [
        (7, 40),
        (18, 30),
    ]


def test_one_ride_recorded_by_two_devices_is_imported_once(db, tmp_path):
    (tmp_path / "edge.gpx").write_text(gpx("2026-11-20T07:00:00+00:00", 90, kind="cycling"))
    (tmp_path / "watch.gpx").write_text(gpx("2026-11-20T07:02:00+00:00", 87, kind="cycling"))
    report = importing.import_files(db, "gpx", [tmp_path], now=NOW, user="me")
    assert (report.sessions_added, report.sessions_skipped_duplicate) == (1, 1)
    assert "2026-11-20 07:00 (edge.gpx)" in report.warnings[0]
    again = tmp_path / "phone.gpx"  # a third recording, imported later
    again.write_text(gpx("2026-11-20T07:01:00+00:00", 88, kind="cycling"))
    assert importing.import_files(db, "gpx", [again], now=NOW, user="me").sessions_added == 0


def test_in_one_apps_exports_only_the_fingerprint_tells_sessions_apart(db, tmp_path):
    mine, friends = tmp_path / "mine.csv", tmp_path / "friend.csv"
    mine.write_text(CARDIO)
    friends.write_text(CARDIO.replace("Legs", "Leg day").replace("18:00:00", "18:05:00"))
    report = importing.import_files(db, "strong", [mine, friends], now=NOW, user="me")
    assert (report.sessions_added, report.sessions_skipped_duplicate) == (3, 1)  # the same run


def test_a_track_of_a_run_already_stored_from_another_app_is_not_added(db, tmp_path):
    strong = tmp_path / "strong.csv"
    strong.write_text(CARDIO)  # a 32-minute run at 07:00 (UTC profile) and a leg workout at 18:00
    importing.import_files(db, "strong", [strong], now=NOW, user="me")
    run_id = service.history(db, user="me").sessions[0].id
    track = tmp_path / "run.gpx"
    track.write_text(gpx("2026-11-20T07:01:00+00:00", 31))
    walk = tmp_path / "walk.gpx"  # a walk during the leg workout is not the same kind of session
    walk.write_text(gpx("2026-11-21T18:05:00+00:00", 30, kind="walking"))
    report = importing.import_files(db, "gpx", [track, walk], now=NOW, user="me")
    assert (report.sessions_added, report.sessions_skipped_duplicate) == (1, 1)
    assert f"session {run_id} from strong" in report.warnings[0]
    assert len(service.history(db, user="me").sessions) == 3


def test_back_to_back_sessions_are_not_taken_for_one(db, tmp_path):
    logged_run(db, "2026-11-20T07:00:00+00:00", 8)  # a warm-up jog
    (tmp_path / "intervals.gpx").write_text(gpx("2026-11-20T07:09:00+00:00", 20))
    report = importing.import_files(db, "gpx", [tmp_path], now=NOW, user="me")
    assert (report.sessions_added, report.sessions_skipped_duplicate) == (1, 0)
