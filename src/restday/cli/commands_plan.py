"""`restday plan`: plan one to four weeks around recovery, check a plan, write it to a calendar."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from restday.cli.context import Json, Lang, _now, _renderer, _settings

__all__ = ["plan"]


class GoalChoice(StrEnum):
    muscle = "muscle"
    endurance = "endurance"
    classes = "classes"
    hybrid = "hybrid"


class TemplateChoice(StrEnum):
    strength_split = "strength-split"
    endurance_week = "endurance-week"
    classes_week = "classes-week"


def plan(
    ctx: typer.Context,
    goal: Annotated[
        GoalChoice | None, typer.Option(help="What to plan for (default: the profile's goal).")
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="First day, YYYY-MM-DD (default: today).")
    ] = None,
    weeks: Annotated[int, typer.Option(help="How many weeks, 1 to 4.")] = 1,
    available: Annotated[
        str | None,
        typer.Option(help="Free days, e.g. mon,tue,thu,sat or with minutes mon=60,wed=30."),
    ] = None,
    sessions: Annotated[
        int | None, typer.Option(help="Training sessions a week at most (1 to 7).")
    ] = None,
    minutes: Annotated[float | None, typer.Option(help="Minutes a session (10 to 600).")] = None,
    focus: Annotated[
        str | None, typer.Option(help="Regions to train, e.g. legs,arms,core.")
    ] = None,
    sports: Annotated[
        str | None, typer.Option(help="Endurance sports, e.g. run,bike,swim.")
    ] = None,
    classes: Annotated[
        str | None, typer.Option(help="Class kinds you like, e.g. indoor-cycling,barre.")
    ] = None,
    max_classes_in_row: Annotated[
        int | None,
        typer.Option("--max-classes-in-row", help="3 by default, 4 at most."),
    ] = None,
    template: Annotated[
        TemplateChoice | None,
        typer.Option(help="One of the article's example weeks instead of solving."),
    ] = None,
    check: Annotated[
        Path | None, typer.Option(help="Check a plan JSON file against every rule.")
    ] = None,
    ics: Annotated[
        Path | None, typer.Option(help="Also write the plan as an iCalendar file.")
    ] = None,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Plan 1-4 weeks that keep every rest rule, starting from your recovery now, and explain each day.

    Example: restday plan --goal muscle --available mon,tue,thu,sat --weeks 2 --ics week.ics
    """
    from datetime import date

    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind, Goal, Region
    from restday.errors import InvalidInput
    from restday.parse import parse_available, parse_names, parse_region
    from restday.service import planning

    settings = _settings(ctx)
    rules = settings.rules()
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    if check is not None:
        violations = planning.check(planning.read_plan(check), rules)
        renderer.plan_check(check, violations, json)
        if violations:
            raise typer.Exit(1)
        return
    try:
        first = date.fromisoformat(start) if start else _now().astimezone(renderer.tz).date()
    except ValueError:
        raise InvalidInput(f'Invalid --start "{start}": use a date like 2026-11-30') from None
    if ics is not None:
        from restday.service.backup import database_file
        from restday.service.outfile import check_output

        check_output(ics, "ics", database_file(db))
    if template is not None:
        result = planning.template(template.value, first, rules)
    else:
        ask = planning.PlanAsk(
            start=first,
            weeks=weeks,
            goal=Goal(goal.value) if goal else None,
            available=parse_available(available, minutes or rules.plan_layout.minutes),
            focus=tuple(parse_region(r) for r in parse_names(focus)) or tuple(Region),
            sports=tuple(resolve_activity(s, ActivityKind.SPORT).name for s in parse_names(sports)),
            class_kinds=tuple(
                resolve_activity(c, ActivityKind.CLASS).name for c in parse_names(classes)
            ),
            sessions=sessions,
            minutes=minutes,
            max_classes_in_row=max_classes_in_row,
        )
        result = planning.plan(db, rules, ask, user=settings.user)
    if ics is not None:
        renderer.plan_ics(result, ics, rules, _now(), database_file(db))
    renderer.plan(result, json)
