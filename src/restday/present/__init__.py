"""The contract JSON and the words shared by every presenter: the CLI's --json, /api/ and the pages.

Each builder takes a service or engine result and a `restday.locales.Translator` (which carries
the time zone) and returns plain JSON-able data. Only the standard library, the domain, the engine
and the locales are imported here: no Rich, Typer, web stack or solver.
"""

from restday.present.calibration import calibration_data
from restday.present.imports import import_report_data, restored_data, unmatched_data
from restday.present.load import load_data
from restday.present.moments import iso, short_when
from restday.present.plans import check_data, describe_day, plan_data, violations_data, why
from restday.present.readiness import readiness_data, readiness_line
from restday.present.reasons import reason_data, reasons_data
from restday.present.rules import rules_data
from restday.present.sessions import (
    history_data,
    session_data,
    session_line,
    sets_text,
    source_text,
)
from restday.present.status import ready_text, status_data
from restday.present.today import session_text, today_data
from restday.present.wellness import checkin_text, reading_text, wellness_data

__all__ = [
    "calibration_data",
    "check_data",
    "checkin_text",
    "describe_day",
    "history_data",
    "import_report_data",
    "iso",
    "load_data",
    "plan_data",
    "readiness_data",
    "readiness_line",
    "reading_text",
    "ready_text",
    "reason_data",
    "reasons_data",
    "restored_data",
    "rules_data",
    "session_data",
    "session_line",
    "session_text",
    "sets_text",
    "short_when",
    "source_text",
    "status_data",
    "today_data",
    "unmatched_data",
    "violations_data",
    "wellness_data",
    "why",
]
