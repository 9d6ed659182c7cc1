"""The import service on a real SQLite file: cardio-only workouts, folders with a broken file."""

import shutil
from pathlib import Path

import pytest

from restday import importing, service
from restday.io.base import ImportFileError
from restday.store.db import open_database

FIXTURES = Path(__file__).resolve().parent / "io" / "fixtures"
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
    report = importing.import_files(db, "strong", [path])
    assert report.sessions_added == 2 and report.unmatched_exercises == []
    run, legs = service.history(db)
    assert (run.kind.value, run.sport, run.distance_km) == ("endurance", "run", 5.2)
    assert legs.kind.value == "strength"


def test_a_folder_with_a_broken_file_imports_nothing_unless_told_to_skip_it(db, tmp_path):
    folder = tmp_path / "garmin"
    folder.mkdir()
    shutil.copy(FIXTURES / "fit_run.fit", folder / "run.fit")
    (folder / "broken.fit").write_bytes(b"\x0e\x10not really a fit file")
    with pytest.raises(ImportFileError, match=r"broken\.fit"):
        importing.import_files(db, "fit", [folder])
    assert service.history(db) == []
    report = importing.import_files(db, "fit", [folder], skip_invalid=True)
    assert report.sessions_added == 1
    assert len(report.files_skipped) == 1 and "broken.fit" in report.files_skipped[0]
