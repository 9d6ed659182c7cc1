"""/api/plan (a plan as JSON, or with `Accept: text/calendar` as an iCalendar file) and
/api/imports (uploaded exports or a backup, answered with the import report)."""

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, File, Request, UploadFile
from fastapi import Form as FormField
from fastapi.responses import Response

from restday import present
from restday.catalog import resolve_activity
from restday.domain import ActivityKind, Goal, Region
from restday.errors import ImportFileError, InvalidInput, Problem, RestdayError
from restday.parse import parse_available, parse_region
from restday.rules import Rulebook
from restday.store.db import Database
from restday.web.api_input import Ask, Asker, Body, JsonBody, Lang, body_schema, bounded
from restday.web.deps import Db, Rules, User
from restday.web.uploads import relabel, save_uploads, shown_name

if TYPE_CHECKING:
    from restday.service.planning import PlanAsk

__all__ = ["router"]

router = APIRouter()

TEMPLATES = ("strength-split", "endurance-week", "classes-week")
PLAN_FIELDS: dict[str, Any] = {
    "goal": {"enum": [g.value for g in Goal], "description": "default: the profile's"},
    "start": {"type": "string", "format": "date", "description": "first day; default: today"},
    "weeks": bounded("plan.weeks"),
    "available": {
        "type": "string",
        "description": "free days, e.g. mon,tue,thu,sat or with minutes mon=60,wed=30",
    },
    "sessions": bounded("plan.sessions", "training sessions a week at most"),
    "minutes": bounded("plan.minutes", "minutes a session"),
    "focus": {"type": "array", "items": {"enum": [r.value for r in Region]}},
    "sports": {"type": "array", "items": {"type": "string"}, "examples": [["run", "bike"]]},
    "classes": {"type": "array", "items": {"type": "string"}},
    "max_classes_in_row": bounded("plan.max_classes_in_row"),
    "template": {"enum": list(TEMPLATES), "description": "one of the article's example weeks"},
}
ImportFormat = Literal["strong", "hevy", "fit", "gpx", "tcx", "apple-health", "strava", "json"]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("use a date like 2026-11-30") from None


@router.post(
    "/plan",
    summary="Plan 1-4 weeks around recovery",
    openapi_extra=body_schema(
        {"type": "object", "properties": PLAN_FIELDS, "additionalProperties": False},
        {"goal": "muscle", "available": "mon,tue,thu,sat", "weeks": 2},
    ),
    responses={200: {"content": {"application/json": {}, "text/calendar": {}}}},
)
def plan(
    request: Request, db: Db, rules: Rules, user: User, ask: Ask, data: JsonBody, lang: Lang = None
) -> Any:
    """The plan (as `restday plan --json`): days with activity, intensity, regions and the rules
    each keeps, and the checker's violations. With `Accept: text/calendar`, the plan as an
    iCalendar file."""
    from restday.service import planning

    template, ask_for = _plan_ask(data, rules, ask)
    if template is not None:
        result = planning.template(template, ask_for.start, rules)
    else:
        result = planning.plan(db, rules, ask_for, user=user)
    t = ask.words(lang)
    if "text/calendar" in request.headers.get("accept", ""):
        calendar = planning.plan_calendar(
            result,
            rules,
            tz=str(ask.tz),
            now=ask.now,
            name=t.ui("ui.calendar_name"),
            describe=lambda day: present.describe_day(day, result, t),
        )
        return Response(
            calendar,
            media_type="text/calendar",
            headers={"content-disposition": 'attachment; filename="restday-plan.ics"'},
        )
    return present.plan_data(result, t)


def _plan_ask(data: object, rules: Rulebook, ask: Asker) -> "tuple[str | None, PlanAsk]":
    """The template asked for (or None), and what the plan is asked to do."""
    from restday.service.planning import PlanAsk

    body = Body(data, PLAN_FIELDS)
    f = body.fields
    start = f.text("start")
    first = body.parsed("start", start, _date) if start else None
    template = f.text("template")
    if template is not None and template not in TEMPLATES:
        body.problems.append(
            Problem("template", f"must be one of {', '.join(TEMPLATES)}", template)
        )
    minutes, weeks = f.number("minutes"), f.whole("weeks")
    free = body.parsed(
        "available", f.text("available"), parse_available, minutes or rules.plan_layout.minutes
    )
    focus = [body.parsed(f"focus[{i}]", r, parse_region) for i, r in enumerate(body.names("focus"))]
    names: dict[str, list[str | None]] = {
        key: [
            body.parsed(f"{key}[{i}]", n, lambda n, k=kind: resolve_activity(n, k).name)
            for i, n in enumerate(body.names(key))
        ]
        for key, kind in (("sports", ActivityKind.SPORT), ("classes", ActivityKind.CLASS))
    }
    asked = PlanAsk(
        start=first or ask.now.astimezone(ask.tz).date(),
        available=free or {},
        weeks=1 if weeks is None else weeks,
        goal=f.choice("goal", Goal),
        focus=tuple(r for r in focus if r) or tuple(Region),
        sports=tuple(n for n in names["sports"] if n),
        class_kinds=tuple(n for n in names["classes"] if n),
        sessions=f.whole("sessions"),
        minutes=minutes,
        max_classes_in_row=f.whole("max_classes_in_row"),
    )
    body.check()
    return template, asked


@router.post("/imports", summary="Import exports (Strong, Hevy, FIT, GPX, TCX) or a backup")
def imports(
    db: Db,
    user: User,
    ask: Ask,
    fmt: Annotated[ImportFormat, FormField(alias="format")],
    files: Annotated[list[UploadFile], File(description="One or more files of that format.")],
    dry_run: Annotated[bool, FormField(description="Report only; write nothing.")] = False,
    skip_invalid: Annotated[
        bool, FormField(description="Import the valid rows and list the skipped ones.")
    ] = False,
    replace: Annotated[
        bool, FormField(description="Replace sessions imported before that now differ.")
    ] = False,
) -> Any:
    """The import report (as `restday import FORMAT FILE... --json`); for `json`, a restore of a
    backup into a database without your records. Files are named by their upload name."""
    with tempfile.TemporaryDirectory(prefix="restday-upload-") as folder:
        paths = save_uploads(files, Path(folder))
        try:
            return relabel(
                _import(db, user, ask, fmt, paths, dry_run, skip_invalid, replace), folder
            )
        except ImportFileError as error:
            raise ImportFileError(
                shown_name(error.file, folder),
                error.problem,
                line=error.line,
                column=error.column,
                value=error.value,
                record=error.record,
            ) from None
        except RestdayError as error:
            error.args = tuple(relabel(a, folder) for a in error.args)
            raise


def _import(
    db: Database,
    user: str,
    ask: Asker,
    fmt: str,
    paths: list[Path],
    dry_run: bool,
    skip_invalid: bool,
    replace: bool,
) -> dict[str, Any]:
    if fmt == "json":
        from restday.service import backup

        for given, option in ((skip_invalid, "skip_invalid"), (replace, "replace")):
            if given:
                raise InvalidInput.of(
                    option, "does not apply to a backup: it is restored whole or not at all", True
                )
        return present.restored_data(
            backup.restore(db, paths, now=ask.now, user=user, dry_run=dry_run)
        )
    from restday.service import importing

    report = importing.import_files(
        db,
        fmt,
        paths,
        now=ask.now,
        user=user,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        replace=replace,
    )
    return present.import_report_data(report)
