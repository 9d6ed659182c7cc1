"""The logged history as an iCalendar file, for `restday export ics` and the web's download."""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from restday.domain import Session

if TYPE_CHECKING:
    from restday.store.db import Database

__all__ = ["history_calendar"]


def history_calendar(
    db: "Database",
    *,
    user: str,
    now: datetime,
    name: str,
    describe: Callable[[Session], tuple[str, str]],
) -> tuple[bytes, int]:
    """(the iCalendar file, how many sessions it holds): one event per logged session, in the
    profile's time zone, titled by `describe` (a session's summary and description)."""
    from restday.io.ics import history_to_ics

    with db.reading() as tx:
        user_id = tx.existing_user(user)
        zone = tx.get_profile(user_id).timezone
        sessions = [s.session for s in tx.sessions_between(user_id, None, None)]
    return history_to_ics(sessions, zone, stamp=now, name=name, describe=describe), len(sessions)
