"""The JSON API under /api/: the CLI's JSON contract over HTTP, OpenAPI at /api/openapi.json.

Each route parses its query and body, calls one service function, and returns the shape that
`restday.present` builds for the CLI's --json too. Errors go through the app's one handler
(problem JSON naming each field at fault).
"""

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query

from restday import present, service
from restday.domain import CheckIn, Experience, Goal, LoadMetric, Region
from restday.domain.data import read_checkin
from restday.domain.validate import number_problem, require
from restday.web import api_data, api_docs, api_sessions
from restday.web.api_input import PROBLEMS, Ask, At, Body, JsonBody, Lang, body_schema, bounded
from restday.web.deps import Db, Rules, User

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"], responses=PROBLEMS)


@router.get("/status", summary="Every muscle group's recovery")
def status(db: Db, rules: Rules, user: User, ask: Ask, at: At = None, lang: Lang = None) -> Any:
    """Each muscle: recovering or ready, how far, ready when, and the rules behind it
    (as `restday status --json`)."""
    result = service.status(db, rules, ask.at(at), user=user)
    return present.status_data(result, ask.words(lang))


@router.get("/today", summary="Today's verdict: train, active recovery or rest")
def today(
    db: Db,
    rules: Rules,
    user: User,
    ask: Ask,
    at: At = None,
    minutes: Annotated[
        float | None,
        Query(
            description="Minutes you have today.",
            json_schema_extra=bounded("today.minutes"),
        ),
    ] = None,
    lang: Lang = None,
) -> Any:
    """What to do today and why (as `restday today --json`)."""
    result = service.today(db, rules, ask.at(at), minutes, user=user)
    return present.today_data(result, ask.words(lang))


@router.get("/calibration", summary="How fast you recover per region")
def calibration(
    db: Db, rules: Rules, user: User, ask: Ask, at: At = None, lang: Lang = None
) -> Any:
    """Each region's recovery rate against the rulebook, its evidence and how sure
    (as `restday calibration --json`)."""
    result = service.calibration(db, rules, ask.at(at), user=user)
    return present.calibration_data(result, ask.words(lang))


@router.get("/load", summary="Training load: CTL, ATL, TSB, ACWR and ramp per day")
def load(
    db: Db,
    rules: Rules,
    user: User,
    ask: Ask,
    days: Annotated[
        int,
        Query(description="How many days up to `at`.", json_schema_extra=bounded("load.days")),
    ] = 28,
    at: At = None,
    lang: Lang = None,
) -> Any:
    """The daily load model (as `restday load --json`)."""
    result = service.load(db, rules, ask.at(at), days, user=user)
    return present.load_data(result, ask.words(lang))


@router.get("/rules", summary="The rulebook")
def rules_(rules: Rules) -> Any:
    """Every rule with its id, values and sources (as `restday rules --json`)."""
    return present.rules_data(rules)


@router.get("/profile", summary="Your profile")
def profile(ask: Ask) -> Any:
    """Goal, experience, time zone, body mass, language, heart rates, load metric."""
    return ask.profile.to_dict()


PROFILE_FIELDS = {
    "goal": {"enum": [*(g.value for g in Goal), None]},
    "experience": {"enum": [*(e.value for e in Experience), None]},
    "timezone": {"type": ["string", "null"], "examples": ["Europe/Amsterdam"]},
    "body_mass_kg": bounded("profile.body_mass_kg"),
    "lang": {"enum": ["en", "nl", None]},
    "resting_hr_bpm": bounded("profile.resting_hr_bpm"),
    "max_hr_bpm": bounded("profile.max_hr_bpm"),
    "load_metric": {"enum": [*(m.value for m in LoadMetric), None]},
}


@router.put(
    "/profile",
    summary="Change your profile",
    openapi_extra=body_schema(
        {"type": "object", "properties": PROFILE_FIELDS, "additionalProperties": False},
        {"goal": "muscle", "experience": "beginner", "timezone": "Europe/Amsterdam"},
    ),
)
def update_profile(db: Db, user: User, data: JsonBody) -> Any:
    """Change the fields given (a field left out, or null, keeps its value); answers the profile."""
    body = Body(data, PROFILE_FIELDS)
    f = body.fields
    changes = {
        "goal": f.choice("goal", Goal),
        "experience": f.choice("experience", Experience),
        "timezone": f.text("timezone"),
        "body_mass_kg": f.number("body_mass_kg"),
        "lang": f.text("lang"),
        "resting_hr_bpm": f.number("resting_hr_bpm"),
        "max_hr_bpm": f.number("max_hr_bpm"),
        "load_metric": f.choice("load_metric", LoadMetric),
    }
    body.check()
    return service.update_profile(db, user=user, **changes).to_dict()  # type: ignore[arg-type]


@router.get("/checkins", summary="Check-ins and what devices measured, by day")
def checkins(
    db: Db,
    user: User,
    ask: Ask,
    days: Annotated[
        int,
        Query(description="How many days up to `at`.", json_schema_extra=bounded("checkins.days")),
    ] = 14,
    at: At = None,
    lang: Lang = None,
) -> Any:
    """Each day's check-ins (typed, with their source) and readings (measured: nights of sleep,
    resting heart rate, HRV, body mass, with device, method and import), newest first (as
    `restday checkin --list --json`)."""
    require([number_problem("checkins.days", days, "days")])
    until = ask.at(at)
    found = service.wellness(db, until - timedelta(days=days), until, user=user)
    return present.wellness_data(found, ask.words(lang))


CHECKIN_FIELDS: dict[str, Any] = {
    "at": {"type": "string", "description": "ISO 8601; default: now", "maxLength": 64},
    "sleep_h": bounded("checkin.sleep_h"),
    "sleep_quality": bounded("checkin.sleep_quality", "1 (bad) to 5 (great)"),
    "soreness": {
        "type": "object",
        "description": "region: 0 (none) to 3 (very sore)",
        "propertyNames": {"enum": [r.value for r in Region]},
        "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 3},
    },
    "fatigue": bounded("checkin.fatigue", "1 (fresh) to 5 (exhausted)"),
    "motivation": bounded("checkin.motivation", "1 (none) to 5 (eager)"),
    "irritable": {"type": "boolean"},
    "injuries": {"type": "array", "items": {"enum": [r.value for r in Region]}},
    "resting_hr_bpm": bounded("checkin.resting_hr_bpm"),
    "hrv_ms": bounded("checkin.hrv_ms"),
}


@router.post(
    "/checkins",
    status_code=201,
    summary="Record how you feel",
    openapi_extra=body_schema(
        {"type": "object", "properties": CHECKIN_FIELDS, "additionalProperties": False},
        {"at": "2026-11-30T07:30", "sleep_h": 6.5, "soreness": {"legs": 2}, "fatigue": 3},
    ),
)
def checkin(db: Db, user: User, ask: Ask, data: JsonBody) -> Any:
    """Sleep, soreness per region, fatigue, motivation, injuries, heart rate; answers the check-in
    with its `id`."""
    body = Body(data, CHECKIN_FIELDS)
    at = body.moment("at", ask.tz, required=False) or ask.now.astimezone(ask.tz)
    entry = read_checkin({**body.fields.data, "at": at.isoformat()}, "", body.problems)
    body.check()
    assert isinstance(entry, CheckIn)
    checkin_id = service.checkin(db, entry, ask.now, user=user)
    return {"id": checkin_id, **entry.to_dict()}


for part in (api_sessions, api_data, api_docs):
    router.include_router(part.router)
