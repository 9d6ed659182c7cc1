"""/plan: the planner's form, the plan as a week grid with each day's why, its calendar file,
the article's example weeks, and the check of an uploaded plan file."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from restday import present
from restday.catalog import load_activities
from restday.domain import WEEKDAYS, ActivityKind, Goal, Region
from restday.domain.bounds import RANGES
from restday.errors import InvalidInput, NotFound, Problem
from restday.rules import Rulebook
from restday.web.deps import Db, Form, Page, PageContext, Rules, User, form_number, form_text
from restday.web.uploads import base_name, form_files

__all__ = ["router"]

router = APIRouter()

TEMPLATES = ("strength-split", "endurance-week", "classes-week")
NUMBERS = {"sessions": "plan.sessions", "minutes": "plan.minutes"}
# A problem's field as the service names it -> the control it belongs to.
CONTROLS = {"first_day": "start", "max_classes_in_row": "max_classes"}


def _activities(kind: ActivityKind) -> list[str]:
    return [a.name for a in load_activities().values() if a.kind is kind]


def _choices(page: PageContext) -> dict[str, Any]:
    """The form's options in the page's language."""
    from babel.dates import get_day_names

    t = page.t
    names = get_day_names("wide", locale=page.lang)
    return {
        "goals": [(g.value, t.ui(f"goal.{g.value}")) for g in Goal],
        "weekdays": [(wd, names[i]) for i, wd in enumerate(WEEKDAYS)],
        "regions": [(r.value, t.region(r.value)) for r in Region],
        "sports": [(n, t.activity(n)) for n in _activities(ActivityKind.SPORT)],
        "classes": [(n, t.activity(n)) for n in _activities(ActivityKind.CLASS)],
        "templates": [(n, t.ui(f"ui.web.plan.template_{n}")) for n in TEMPLATES],
    }


def _defaults(page: PageContext, rules: Rulebook) -> dict[str, Any]:
    """The form as it first shows: the profile's goal, today, one week, every day free."""
    minutes = f"{rules.plan_layout.minutes:g}"
    return {
        "goal": page.profile.goal.value,
        "start": page.now.astimezone(page.tz).date().isoformat(),
        "weeks": "1",
        **{f"free_{wd}": True for wd in WEEKDAYS},
        **{f"minutes_{wd}": minutes for wd in WEEKDAYS},
        "sessions": "",
        "minutes": "",
        "max_classes": "",
        "focus": [r.value for r in Region],
        "sports": [],
        "classes": [],
    }


def _asked_before(plan: Mapping[str, Any] | None, values: dict[str, Any]) -> dict[str, Any]:
    """The form as the last plan was asked for (its free days, focus, sports), from today."""
    context = (plan or {}).get("context") or {}
    free = context.get("available")
    if not isinstance(free, dict) or plan is None or plan.get("template"):
        return values
    values = {**values, "goal": plan.get("goal") or values["goal"]}
    values["weeks"] = str(min(4, max(1, len(plan.get("days") or ()) // 7)))
    for wd in WEEKDAYS:
        minutes = free.get(wd)
        values[f"free_{wd}"] = minutes is not None
        if isinstance(minutes, int | float):
            values[f"minutes_{wd}"] = f"{minutes:g}"
    for key in ("focus", "sports"):
        if isinstance(context.get(key), list):
            values[key] = [str(v) for v in context[key]]
    return values


def _typed(form: FormData) -> dict[str, Any]:
    """The form's values as typed, to show them again."""
    values: dict[str, Any] = {
        name: form_text(form, name)
        for name in ("goal", "start", "weeks", "sessions", "minutes", "max_classes")
    }
    for wd in WEEKDAYS:
        values[f"free_{wd}"] = bool(form_text(form, f"free_{wd}"))
        values[f"minutes_{wd}"] = form_text(form, f"minutes_{wd}")
    for name in ("focus", "sports", "classes"):
        values[name] = [v for v in form.getlist(name) if isinstance(v, str)]
    return values


def _whole(form: FormData, name: str, bound: str, problems: list[Problem]) -> int | None:
    """A whole number of the form within RANGES[bound]; None when empty or wrong."""
    try:
        value = form_number(form, name)
    except InvalidInput as error:
        problems.extend(error.problems)
        return None
    if value is None:
        return None
    message = RANGES[bound].problem(value)
    if message:
        problems.append(Problem(name, message, value))
        return None
    return int(value)


def _ask(form: FormData, rules: Rulebook, today: date) -> Any:
    """What the form asks the planner for (every problem of the form raised at once)."""
    from restday.service.planning import PlanAsk

    problems: list[Problem] = []
    text = form_text(form, "start")
    try:
        start = date.fromisoformat(text) if text else today
    except ValueError:
        problems.append(Problem("start", "must be a date like 2026-11-30", text))
        start = today
    try:
        goal = Goal(form_text(form, "goal"))
    except ValueError:
        goal = None
    minutes = None
    try:
        minutes = form_number(form, "minutes")
    except InvalidInput as error:
        problems.extend(error.problems)
    free: dict[int, float | None] = dict.fromkeys(range(7))
    for i, wd in enumerate(WEEKDAYS):
        if form_text(form, f"free_{wd}"):
            free[i] = _minutes(form, wd, minutes or rules.plan_layout.minutes, problems)
    if all(v is None for v in free.values()):
        problems.append(Problem("free_mon", "tick at least one free day"))
    regions = {r.value for r in Region}
    sports, classes = _activities(ActivityKind.SPORT), _activities(ActivityKind.CLASS)
    ask = PlanAsk(
        start=start,
        available=free,
        weeks=_whole(form, "weeks", "plan.weeks", problems) or 1,
        goal=goal,
        focus=tuple(Region(v) for v in form.getlist("focus") if v in regions) or tuple(Region),
        sports=tuple(v for v in form.getlist("sports") if v in sports),
        class_kinds=tuple(v for v in form.getlist("classes") if v in classes),
        sessions=_whole(form, "sessions", "plan.sessions", problems),
        minutes=minutes,
        max_classes_in_row=_whole(form, "max_classes", "plan.max_classes_in_row", problems),
    )
    if problems:
        raise InvalidInput(problems=problems)
    return ask


def _minutes(form: FormData, wd: str, default: float, problems: list[Problem]) -> float | None:
    """The free minutes of a ticked day (the session's minutes when left empty)."""
    name = f"minutes_{wd}"
    try:
        value = form_number(form, name)
    except InvalidInput as error:
        problems.extend(error.problems)
        return default
    if value is None:
        return default
    message = RANGES["plan.available_minutes"].problem(value)
    if message:
        problems.append(Problem(name, message, value))
    return value


def _grid(plan: Mapping[str, Any], page: PageContext) -> dict[str, Any]:
    """The plan as the page shows it: a card per day, the weeks apart, the violations worded."""
    t = page.t
    violations = present.violations_data(plan["violations"], t)
    days = []
    for day in plan["days"]:
        when = date.fromisoformat(day["date"])
        title, _ = present.describe_day(day, plan, t)
        days.append(
            {
                **day,
                "when": when,
                "title": title,
                "why": present.why(day, plan, t),
                "region_words": t.names(day.get("regions") or [], "regions"),
                "muscle_words": t.names(day.get("muscles") or [], "muscles"),
                "violations": [v for v in violations if v["date"] == day["date"]],
            }
        )
    weeks = [days[i : i + 7] for i in range(0, len(days), 7)]
    return {
        "start": date.fromisoformat(plan["start"]),
        "template": plan.get("template"),
        "weeks": weeks,
        "violations": violations,
        "relaxed": "relaxed" in plan.get("notes", []),
    }


def _page(
    page: PageContext,
    rules: Rulebook,
    *,
    plan: Mapping[str, Any] | None,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    status: int = 200,
    **extra: Any,
) -> HTMLResponse:
    context: dict[str, Any] = {
        "values": values or _defaults(page, rules),
        "errors": errors or {},
        "grid": _grid(plan, page) if plan else None,
        "ics": None,
        "checked": None,
        "check_errors": {},
        "template_start": page.now.astimezone(page.tz).date().isoformat(),
        "chosen_template": "",
        **_choices(page),
        **extra,
    }
    return page.render("plan.html", status_code=status, **context)


def _messages(problems: list[Problem]) -> dict[str, str]:
    found: dict[str, str] = {}
    for p in problems:
        control = CONTROLS.get(p.field.rpartition(".")[2], p.field.rpartition(".")[2])
        found.setdefault(control, p.message[:1].upper() + p.message[1:])
    return found


def _template(name: str, start: str, rules: Rulebook, page: PageContext) -> dict[str, Any]:
    """One of the article's example weeks from `start` (today when empty)."""
    from restday.service import planning

    if name not in TEMPLATES:
        raise InvalidInput.of("template", f"must be one of {', '.join(TEMPLATES)}", name)
    try:
        first = date.fromisoformat(start) if start else page.now.astimezone(page.tz).date()
    except ValueError:
        raise InvalidInput.of("template_start", "must be a date like 2026-11-30", start) from None
    return planning.template(name, first, rules)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    page: Page, db: Db, rules: Rules, user: User, template: str = "", start: str = ""
) -> HTMLResponse:
    """The form and the last plan made, or (with `?template=`) one of the article's weeks."""
    from restday.service import planning

    if template:
        try:
            shown = _template(template, start, rules, page)
        except InvalidInput as error:
            return _page(page, rules, plan=None, errors=_messages(list(error.problems)), status=422)
        ics = f"/plan.ics?template={template}&start={shown['start']}"
        return _page(
            page, rules, plan=shown, ics=ics, chosen_template=template, template_start=start
        )
    saved = planning.last_plan(db, user=user)
    values = _asked_before(saved, _defaults(page, rules))
    return _page(page, rules, plan=saved, values=values, ics="/plan.ics" if saved else None)


@router.post("/plan", response_model=None)
def make_plan(page: Page, db: Db, rules: Rules, user: User, form: Form) -> Response:
    """Plan the weeks asked for, keep the plan, and show it (see other: GET /plan)."""
    from restday.service import planning

    try:
        ask = _ask(form, rules, page.now.astimezone(page.tz).date())
        planning.plan(db, rules, ask, user=user)
    except InvalidInput as error:
        problems = list(error.problems) or [Problem("start", str(error))]
        saved = planning.last_plan(db, user=user)
        return _page(
            page, rules, plan=saved, values=_typed(form), errors=_messages(problems), status=422
        )
    return page.redirect("/plan", done="planned")


@router.get("/plan.ics", response_model=None)
def plan_calendar(
    page: Page, db: Db, rules: Rules, user: User, template: str = "", start: str = ""
) -> Response:
    """The last plan made (or an example week) as an iCalendar file to download."""
    from restday.service import planning

    plan = _template(template, start, rules, page) if template else None
    plan = plan or planning.last_plan(db, user=user)
    if plan is None:
        raise NotFound("No plan made yet: make one on the plan page first")
    shown = plan
    calendar = planning.plan_calendar(
        shown,
        rules,
        tz=str(page.tz),
        now=page.now,
        name=page.t.ui("ui.calendar_name"),
        describe=lambda day: present.describe_day(day, shown, page.t),
    )
    name = f"restday-plan-{plan['start']}.ics"
    return Response(
        calendar,
        media_type="text/calendar",
        headers={
            "content-disposition": f'attachment; filename="{name}"',
            "cache-control": "no-store",
        },
    )


@router.post("/plan/check", response_class=HTMLResponse)
def check_plan(page: Page, db: Db, rules: Rules, user: User, form: Form) -> HTMLResponse:
    """Check an uploaded plan file against every rule, and show it with what it breaks."""
    from restday.service import planning

    saved = planning.last_plan(db, user=user)
    uploads = form_files(form, "plan_file")
    if not uploads:
        message = page.t.ui("ui.web.plan.check_no_file")
        return _page(page, rules, plan=saved, check_errors={"plan_file": message}, status=422)
    source = base_name(uploads[0].filename or "")
    try:
        uploaded = planning.parse_plan(uploads[0].file.read(), source)
        violations = planning.check(uploaded, rules)
    except InvalidInput as error:
        message = str(error) if str(error).startswith(source) else f"{source}: {error}"
        return _page(page, rules, plan=saved, check_errors={"plan_file": message}, status=422)
    checked = {
        "file": source,
        "count": len(violations),
        "violations": present.violations_data(violations, page.t),
    }
    # A plan whose shape is wrong (rule "plan") is not drawn: its days are not days to show.
    if any(v["rule"] == "plan" for v in violations):
        return _page(page, rules, plan=saved, checked=checked)
    return _page(page, rules, plan={**uploaded, "violations": violations}, checked=checked)
