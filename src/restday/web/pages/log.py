"""/log: record a strength, bodyweight, endurance, class or recovery session.

One page with a tab per kind (links, so they work without JavaScript); "add set", "add exercise"
and a suggested exercise name re-render the form with what was typed; saving goes through
`service.log_session` like `restday log`, then back to today with the session named.
"""

import re
from functools import cache
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

from restday import service
from restday.catalog import exercise_candidates, load_activities, load_exercises
from restday.domain import ActivityKind, RecoveryKind, SessionKind
from restday.errors import InvalidInput
from restday.locales import Translator
from restday.parse import twice_note
from restday.present.sessions import session_line
from restday.web.deps import Db, Form, Page, PageContext, User, form_text
from restday.web.formreader import limits, messages, summary
from restday.web.logform import INTENSITIES, LIFTING, SET_FIELDS, LogForm, read_session

__all__ = ["router"]

router = APIRouter()

LIMITS = {
    "minutes": limits("session.minutes"),
    "rpe": limits("session.rpe"),
    "distance_km": limits("session.distance_km"),
    "reps": limits("set.reps"),
    "weight_kg": limits("set.weight_kg"),
    "seconds": limits("set.seconds"),
    "set_rpe": limits("set.rpe"),
}


# The controls outside the exercises, in the page's order, with their labels.
LABELS = {
    "start": "ui.web.log.start",
    "minutes": "ui.web.log.minutes",
    "rpe": "ui.web.log.rpe",
    "exercises": "ui.web.log.exercise_name",
    "sport": "ui.web.log.sport",
    "distance_km": "ui.web.log.distance_km",
    "intensity": "ui.web.log.intensity",
    "class_kind": "ui.web.log.class_kind",
    "recovery_kind": "ui.web.log.recovery_kind",
}
_EXERCISE_CONTROL = re.compile(r"^exercises\[(\d+)\](?:\.sets\[(\d+)\])?\.(\w+)$")
_EXERCISE_PARTS = {"name": 0, "spec": 2, "rpe": 3}


def _label(name: str, t: Translator) -> str:
    """How the summary names a control: "Minutes", "Exercise 2, set 3, reps"."""
    match = _EXERCISE_CONTROL.match(name)
    if not match:
        return t.ui(LABELS[name]) if name in LABELS else ""
    parts = [t.text("ui.web.log.exercise_n", {"n": int(match[1]) + 1})]
    if match[2] is not None:
        parts += [
            t.text("ui.web.log.set_n", {"n": int(match[2]) + 1}),
            t.ui(f"ui.web.log.col.{match[3]}"),
        ]
    elif match[3] == "spec":
        parts.append(t.ui("ui.web.log.spec"))
    elif match[3] == "rpe":
        parts.append(t.ui("ui.web.log.exercise_rpe"))
    return ", ".join(parts)


def _position(name: str) -> tuple[int, ...]:
    """Where a control is on the page, to list the errors in that order."""
    match = _EXERCISE_CONTROL.match(name)
    if not match:
        return (list(LABELS).index(name) if name in LABELS else len(LABELS),)
    where = (
        (1, int(match[2]), 0) if match[2] is not None else (_EXERCISE_PARTS.get(match[3], 0), 0, 0)
    )
    return (list(LABELS).index("exercises"), int(match[1]), *where)


@cache
def exercise_names() -> tuple[str, ...]:
    """Every catalogue exercise name, sorted: the suggestions of the name box."""
    return tuple(sorted(e.name for e in load_exercises().values()))


def _activities(kind: ActivityKind) -> list[str]:
    found = load_activities().values()
    if kind is ActivityKind.RECOVERY:
        return [a.name for a in found if a.recovery is not None]
    return [a.name for a in found if a.kind is kind]


def _recovery_groups() -> list[tuple[RecoveryKind, list[str]]]:
    """Recovery activities by the article's three kinds: total, active, passive."""
    found = load_activities()
    return [
        (kind, [n for n in _activities(ActivityKind.RECOVERY) if found[n].recovery is kind])
        for kind in RecoveryKind
    ]


def _kind(text: str) -> SessionKind:
    try:
        return SessionKind(text)
    except ValueError:
        return SessionKind.STRENGTH


def _show(
    page: PageContext, state: LogForm, error: InvalidInput | None = None, status_code: int = 200
) -> HTMLResponse:
    errors = messages(error) if error else {}
    if error and not error.problems:
        errors = {"errors": str(error)}
    suggestions = {
        i: exercise_candidates(state.values.get(f"exercises[{i}].name", ""), 3)
        for i in range(len(state.rows))
        if f"exercises[{i}].name" in errors and state.values.get(f"exercises[{i}].name")
    }
    context: dict[str, Any] = {
        "kind": state.kind.value,
        "kinds": [k.value for k in SessionKind],
        "lifting": state.kind in LIFTING,
        "values": state.values,
        "rows": state.rows,
        "columns": SET_FIELDS.get(state.kind, ()),
        "errors": errors,
        "summary": summary(errors, lambda name: _label(name, page.t), _position),
        "suggestions": suggestions,
        "limits": LIMITS,
        "exercise_names": exercise_names() if state.kind in LIFTING else (),
        "sports": _activities(ActivityKind.SPORT),
        "classes": _activities(ActivityKind.CLASS),
        "recoveries": _recovery_groups(),
        "intensities": [i.value for i in INTENSITIES],
    }
    return page.render("log.html", status_code=status_code, **context)


@router.get("/log", response_class=HTMLResponse)
def log_page(page: Page, kind: str = "strength") -> HTMLResponse:
    """An empty form of one kind (strength unless `kind` names another), the time now."""
    return _show(page, LogForm.blank(_kind(kind), page.now, page.tz))


@router.post("/log", response_model=None)
def log_post(page: Page, db: Db, user: User, form: Form) -> HTMLResponse | RedirectResponse:
    """Store the session, or show the form again with each problem beside its field."""
    state = LogForm.submitted(form, _kind(form_text(form, "kind")))
    if state.edited:
        return _show(page, state)
    try:
        session = read_session(form, state, page.tz, page.now, page.t)
        result = service.log_session(db, session, page.now, user=user)
    except InvalidInput as error:
        return _show(page, state, error, status_code=422)
    warnings = []
    if result.in_future:
        warnings.append(page.t.text("ui.future_session"))
    if result.overlaps:
        ids = ", ".join(f"#{i}" for i in result.overlaps)
        warnings.append(page.t.text("ui.overlapping_session", {"ids": ids}))
    warnings.append(twice_note(session.start) or "")
    notes = [("notice", session_line(result.session, page.t))]
    notes += [("warning", w[:1].upper() + w[1:]) for w in warnings if w]
    return page.redirect("/", done="logged", notes=notes)
