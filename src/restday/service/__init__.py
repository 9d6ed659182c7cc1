"""One function per user action: open a transaction, load what the engine needs, call it.

Every function takes the person as the required keyword `user`. Imports, plans and backups are
submodules (`restday.service.importing`, `.planning`, `.backup`) that load their parsers or solver
only when used.
"""

from restday.service.records import (
    History,
    LogResult,
    SessionsPage,
    Wellness,
    checkin,
    delete_session,
    history,
    log_session,
    profile,
    session,
    sessions_page,
    update_profile,
    wellness,
    with_muscles,
)
from restday.service.reports import calibration, engine_inputs, load, status, today

__all__ = [
    "LOCAL_USER",
    "History",
    "LogResult",
    "SessionsPage",
    "Wellness",
    "calibration",
    "checkin",
    "delete_session",
    "engine_inputs",
    "history",
    "load",
    "log_session",
    "profile",
    "session",
    "sessions_page",
    "status",
    "today",
    "update_profile",
    "wellness",
    "with_muscles",
]

LOCAL_USER = "me"
"""The one person of a local install (the CLI and the web app on 127.0.0.1)."""
