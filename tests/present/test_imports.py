"""The import report and restore as contract JSON."""

from restday.io.base import SkippedRow
from restday.present import import_report_data, restored_data, unmatched_data
from restday.service.backup import Restored
from restday.service.importing import ImportReport, Unmatched
from tests.present.conftest import validate

LATZUG = Unmatched("Latzug", 2, ("Wide-Grip Lat Pulldown", "Close-Grip Lat Pulldown"))


def test_the_import_report_follows_the_contract_and_names_the_skipped_row():
    report = ImportReport(
        files=["strong.csv"],
        sessions_added=2,
        sets_added=7,
        rows_skipped_invalid=[
            SkippedRow("strong.csv", 4, "below 0", column="Reps", value="-3", record="Legs")
        ],
        unmatched_exercises=[LATZUG],
    )
    data = import_report_data(report)
    validate(data, "import-report")
    assert data["rows_skipped_invalid"] == [
        {
            "file": "strong.csv",
            "line": 4,
            "record": "Legs",
            "column": "Reps",
            "value": "-3",
            "problem": "below 0",
        }
    ]
    assert data["unmatched_exercises"] == unmatched_data([LATZUG])["unmatched_exercises"]
    assert data["unmatched_exercises"][0]["candidates"] == list(LATZUG.candidates)


def test_a_restore_reports_its_counts():
    data = restored_data(Restored(3, 1, 2, 0, profile_replaced=False, dry_run=True, readings=4))
    assert data == {
        "sessions": 3,
        "checkins": 1,
        "aliases": 2,
        "plans": 0,
        "profile_replaced": False,
        "dry_run": True,
        "readings": 4,
    }
