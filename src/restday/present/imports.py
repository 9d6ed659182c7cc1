"""What an import, a restore and the exercise mapping report, as contract JSON."""

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from restday.service.backup import Restored
    from restday.service.importing import ImportReport, Unmatched

__all__ = ["import_report_data", "restored_data", "unmatched_data"]


def _unmatched(names: "Sequence[Unmatched]") -> list[dict[str, Any]]:
    return [{"name": u.name, "count": u.count, "candidates": list(u.candidates)} for u in names]


def import_report_data(report: "ImportReport") -> dict[str, Any]:
    """The import report: sessions and readings added, skipped (and why, at which row) and
    exercise names not matched."""
    return {
        "files": report.files,
        "sessions_added": report.sessions_added,
        "sets_added": report.sets_added,
        "sessions_skipped_duplicate": report.sessions_skipped_duplicate,
        "sessions_replaced": report.sessions_replaced,
        "rows_skipped_invalid": [
            {
                "file": r.file,
                "line": r.line,
                "record": r.record,
                "column": r.column,
                "value": r.value,
                "problem": r.problem,
            }
            for r in report.rows_skipped_invalid
        ],
        "unmatched_exercises": _unmatched(report.unmatched_exercises),
        "warnings": report.warnings,
        "files_skipped": report.files_skipped,
        "dry_run": report.dry_run,
        "nights_added": report.nights_added,
        "nights_skipped_duplicate": report.nights_skipped_duplicate,
        "nights_replaced": report.nights_replaced,
        "readings_added": report.readings_added,
        "readings_skipped_duplicate": report.readings_skipped_duplicate,
        "readings_replaced": report.readings_replaced,
    }


def unmatched_data(names: "Sequence[Unmatched]") -> dict[str, Any]:
    """Exercise names the catalogue does not know, with how often they occur and the closest names."""
    return {"unmatched_exercises": _unmatched(names)}


def restored_data(restored: "Restored") -> dict[str, Any]:
    """What a restore brought back (or, as a dry run, would)."""
    return dataclasses.asdict(restored)
