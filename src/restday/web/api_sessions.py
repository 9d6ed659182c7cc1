"""/api/sessions: list (paged, by kind and dates), log, read and delete training sessions.

A session is logged with the fields of `restday log` as JSON: `kind`, `at`, `minutes`, `rpe`, and
per kind its exercises (whose `sets` are the CLI's SPEC such as "5x5@100kg", or a list of sets),
`sport` and `intensity`, `class_kind` or `recovery_kind`.
"""

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from restday import present, service
from restday.catalog import resolve_activity, resolve_exercise
from restday.domain import ActivityKind, Intensity, Session, SessionKind
from restday.domain.bounds import ID_MAX
from restday.domain.data import Fields, read_session
from restday.domain.validate import session_problems, size_problems
from restday.errors import Problem
from restday.parse import parse_sets
from restday.web.api_input import Ask, Asker, Body, JsonBody, body_schema, bounded
from restday.web.deps import Db, User

__all__ = ["router"]

router = APIRouter()

SessionId = Annotated[int, Path(description="The session's id (see GET /api/sessions).")]
Moment = Annotated[
    str | None, Query(max_length=64, description="ISO 8601; without a zone, the profile's.")
]

SET = {
    "type": "object",
    "properties": {
        "reps": bounded("set.reps"),
        "seconds": bounded("set.seconds"),
        "weight_kg": bounded("set.weight_kg"),
        "rpe": bounded("set.rpe"),
        "set_type": {"enum": ["warmup", "normal", "failure", "drop"]},
    },
    "additionalProperties": False,
}
EXERCISE = {
    "type": "object",
    "required": ["name", "sets"],
    "properties": {
        "name": {"type": "string", "examples": ["Barbell Squat"]},
        "sets": {
            "oneOf": [
                {"type": "string", "description": "SETSxREPS[@WEIGHT(kg|lb)] or SETSxSECONDSs"},
                {"type": "array", "items": SET},
            ]
        },
        "rpe": bounded("set.rpe"),
    },
    "additionalProperties": False,
}
SESSION_FIELDS: dict[str, Any] = {
    "kind": {"enum": [k.value for k in SessionKind]},
    "at": {"type": "string", "description": "ISO 8601; default: now", "maxLength": 64},
    "minutes": bounded("session.minutes"),
    "rpe": bounded("session.rpe"),
    "intensity": {"enum": ["easy", "moderate", "hard"]},
    "exercises": {"type": "array", "items": EXERCISE},
    "sport": {"type": "string", "examples": ["run"]},
    "class_kind": {"type": "string", "examples": ["indoor-cycling"]},
    "recovery_kind": {"type": "string", "examples": ["foam-rolling"]},
    "distance_km": bounded("session.distance_km"),
    "avg_hr_bpm": bounded("session.avg_hr_bpm"),
    "max_hr_bpm": bounded("session.max_hr_bpm"),
}
EXAMPLE = {
    "kind": "strength",
    "at": "2026-11-02T18:00",
    "minutes": 60,
    "rpe": 8,
    "exercises": [{"name": "Barbell Squat", "sets": "5x5@100kg"}],
}
# What each kind must say, and the activity it names.
NEEDS = {
    SessionKind.ENDURANCE: ("sport", ActivityKind.SPORT),
    SessionKind.CLASS: ("class_kind", ActivityKind.CLASS),
    SessionKind.RECOVERY: ("recovery_kind", ActivityKind.RECOVERY),
}
LIFTING = (SessionKind.STRENGTH, SessionKind.BODYWEIGHT)


@router.get("/sessions", summary="Logged sessions, newest first, a page at a time")
def sessions(
    db: Db,
    user: User,
    ask: Ask,
    kind: Annotated[SessionKind | None, Query(description="Only sessions of this kind.")] = None,
    since: Moment = None,
    until: Moment = None,
    limit: Annotated[
        int, Query(description="Sessions per page.", json_schema_extra=bounded("history.limit"))
    ] = 50,
    before: Annotated[
        int | None,
        Query(ge=1, le=ID_MAX, description="The page older than this session (`next_before`)."),
    ] = None,
) -> Any:
    """The history contract's `sessions` (as `restday history --json`), with `total` matching
    and `next_before`, the value of `before` for the next page (null on the last)."""
    page = service.sessions_page(
        db,
        user=user,
        kind=kind,
        since=ask.at(since, "since") if since else None,
        until=ask.at(until, "until") if until else None,
        limit=limit,
        before=before,
    )
    return {
        **present.history_data(page.sessions, ask.tz, page.sources),
        "total": page.total,
        "next_before": page.next_before,
    }


@router.post(
    "/sessions",
    status_code=201,
    summary="Log a session",
    openapi_extra=body_schema(
        {
            "type": "object",
            "required": ["kind", "minutes"],
            "properties": SESSION_FIELDS,
            "additionalProperties": False,
        },
        EXAMPLE,
    ),
)
def log(db: Db, user: User, ask: Ask, data: JsonBody, response: Response) -> Any:
    """Store a session; answers it with its `id` and the ids of sessions it `overlaps`."""
    result = service.log_session(db, _session(data, ask), ask.now, user=user)
    response.headers["location"] = f"/api/sessions/{result.id}"
    return {**present.session_data(result.session, ask.tz), "overlaps": list(result.overlaps)}


@router.get("/sessions/{session_id}", summary="One session")
def session(db: Db, user: User, ask: Ask, session_id: SessionId) -> Any:
    """A session with its exercises and sets."""
    return present.session_data(service.session(db, session_id, user=user), ask.tz)


@router.delete("/sessions/{session_id}", summary="Delete one session")
def delete(db: Db, user: User, ask: Ask, session_id: SessionId) -> Any:
    """Delete a session; answers what was deleted."""
    return present.session_data(service.delete_session(db, session_id, user=user), ask.tz)


def _session(data: object, ask: Asker) -> Session:
    """The session a body describes, or one InvalidInput naming every wrong field."""
    body = Body(data, SESSION_FIELDS)
    f = body.fields
    at = body.moment("at", ask.tz, required=False) or ask.now
    raw = {k: v for k, v in f.data.items() if k != "at"}
    raw["start"] = at.isoformat()
    exercises = f.items("exercises")
    body.problems += size_problems(len(exercises), 0)  # before each name is looked up
    body.check()
    raw["exercises"] = [_exercise(body, f, i, e) for i, e in enumerate(exercises)]
    kind = f.choice("kind", SessionKind, required=True)
    if kind in NEEDS:
        key, activity = NEEDS[kind]
        name = f.text(key, required=True)
        if name is not None:
            raw[key] = body.parsed(key, name, lambda n: resolve_activity(n, activity).name)
        if kind is SessionKind.ENDURANCE:
            f.choice("intensity", Intensity, required=True)
    if kind in LIFTING and not raw["exercises"] and isinstance(raw.get("exercises"), list):
        body.problems.append(
            Problem("exercises", "must list at least one exercise with its sets", None)
        )
    session = read_session(raw, "", body.problems)
    if session is not None:  # the service's own check, here to name every problem at once
        body.problems += [
            replace(p, field="at") if p.field == "start" else p
            for p in session_problems(session, now=ask.now)
        ]
    body.check()
    assert session is not None
    return session


def _exercise(body: Body, session: Fields, index: int, data: object) -> object:
    """One exercise as `read_session` takes it: its name checked against the catalogue, its
    sets read from the CLI's SPEC when given as text."""
    path = session.at("exercises", index)
    f = Fields(data, path, body.problems)
    if not f.ok:
        return data
    body.unknown(f, EXERCISE["properties"])  # type: ignore[arg-type]
    name = f.text("name", required=True)
    if name is not None:
        body.parsed(f.at("name"), name, resolve_exercise)
    sets = f.data.get("sets")
    if sets is None:
        f.text("sets", required=True)
        return data
    if isinstance(sets, str):
        parsed = body.parsed(f.at("sets"), sets, parse_sets)
        return {**f.data, "sets": [s.to_dict() for s in parsed or ()]}
    for i, entry in enumerate(f.items("sets")):
        if isinstance(entry, dict):
            body.unknown(Fields(entry, f.at("sets", i), []), SET["properties"])  # type: ignore[arg-type]
    return data
