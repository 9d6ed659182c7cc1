"""/history: the logged sessions a page at a time, by kind and dates; a session's sets; delete."""

from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

from restday import service
from restday.domain import Session, SessionKind
from restday.errors import NotFound
from restday.present import session_data, sets_text, source_text
from restday.web.deps import Db, Form, Page, PageContext, User

__all__ = ["router"]

router = APIRouter()

PAGE_SIZE = 25


def _day(text: str, name: str, errors: dict[str, str], page: PageContext) -> date | None:
    """A date filter (`YYYY-MM-DD`), or None when empty; a bad one goes into `errors`."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = page.t.ui("ui.web.history.bad_date")
        return None


def _summary(s: Session, page: PageContext) -> str:
    """What the session was, in a few words: its activity or its exercises."""
    t = page.t
    what = s.sport or s.class_kind or s.recovery_kind
    if what:
        text = t.activity(what)
        if s.distance_km:
            text += f", {t.number(round(s.distance_km, 2))} km"
        return text
    return ", ".join(e.name for e in s.exercises[:3]) + (" …" if len(s.exercises) > 3 else "")


def _when(s: Session, page: PageContext) -> str:
    """The session's start in words, with its year when that is not this year."""
    from babel.dates import format_datetime

    local = s.start.astimezone(page.tz)
    if local.year == page.now.astimezone(page.tz).year:
        return page.t.when(local)
    return format_datetime(local, "EEE d MMM y HH:mm", tzinfo=page.tz, locale=page.lang)


def _row(s: Session, source: str | None, page: PageContext) -> dict[str, Any]:
    data = session_data(s, page.tz, source)
    data["when"] = _when(s, page)
    data["summary"] = _summary(s, page)
    data["source_text"] = source_text(source, page.t) if source else ""
    return data


@router.get("/history", response_class=HTMLResponse)
def history_page(
    page: Page,
    db: Db,
    user: User,
    kind: str = "",
    since: str = "",
    until: str = "",
    before: int | None = None,
) -> HTMLResponse:
    """A page of sessions, newest first, with the filters and a link to the older ones."""
    errors: dict[str, str] = {}
    chosen = SessionKind(kind) if kind in SessionKind._value2member_map_ else None
    if kind and chosen is None:
        errors["kind"] = page.t.ui("ui.web.history.bad_kind")
    first = _day(since.strip(), "since", errors, page)
    last = _day(until.strip(), "until", errors, page)
    if first and last and first > last:
        errors["until"] = page.t.ui("ui.web.history.bad_range")
    filters = {"kind": kind, "since": since.strip(), "until": until.strip()}
    found = None
    if not errors:
        found = service.sessions_page(
            db,
            user=user,
            kind=chosen,
            since=datetime.combine(first, time.min, page.tz) if first else None,
            until=datetime.combine(last, time.max, page.tz) if last else None,
            limit=PAGE_SIZE,
            before=before,
        )
    query = {k: v for k, v in filters.items() if v}
    older = None
    if found and found.next_before is not None:
        older = "/history?" + urlencode({**query, "before": found.next_before})
    return page.render(
        "history.html",
        status_code=422 if errors else 200,
        errors=errors,
        filters=filters,
        kinds=[(k.value, page.t.ui(f"kind.{k.value}")) for k in SessionKind],
        sessions=[_row(s, found.sources.get(s.id or 0), page) for s in found.sessions]
        if found
        else [],
        total=found.total if found else 0,
        older=older,
        newest="/history" + ("?" + urlencode(query) if query else "") if before else None,
        filtered=bool(query),
    )


@router.get("/history/{session_id}", response_class=HTMLResponse)
def session_page(page: Page, db: Db, user: User, session_id: int) -> HTMLResponse:
    """One session: when, what, how hard, and every exercise with its sets."""
    return _detail(page, db, user, session_id, confirm=False)


@router.get("/history/{session_id}/delete", response_class=HTMLResponse)
def confirm_delete(page: Page, db: Db, user: User, session_id: int) -> HTMLResponse:
    """The session again, with the question whether to delete it (works without JavaScript)."""
    return _detail(page, db, user, session_id, confirm=True)


def _detail(page: PageContext, db: Db, user: str, session_id: int, confirm: bool) -> HTMLResponse:
    s = service.session(db, session_id, user=user)
    exercises = [
        {
            "name": e.name,
            "short": sets_text(e.sets),
            "sets": [
                {
                    "reps": x.reps,
                    "seconds": x.seconds,
                    "weight_kg": x.weight_kg,
                    "rpe": x.rpe,
                    "type": x.set_type.value,
                }
                for x in e.sets
            ],
        }
        for e in s.exercises
    ]
    return page.render(
        "history_session.html", session=_row(s, None, page), exercises=exercises, confirm=confirm
    )


@router.post("/history/{session_id}/delete", response_model=None)
def delete(page: Page, db: Db, user: User, form: Form, session_id: int) -> RedirectResponse:
    """Delete the session once confirmed, then back to the history with a confirmation."""
    try:
        service.delete_session(db, session_id, user=user)
    except NotFound:
        return page.redirect("/history", done="session_gone")
    return page.redirect("/history", done="session_deleted")
