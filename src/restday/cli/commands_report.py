"""Commands that report: `status`, `today`, `calibration`, `load`, `history`, `delete`, `rules`."""

from typing import Annotated

import typer

from restday.cli.context import At, Json, Lang, _moment, _renderer, _settings

__all__ = ["calibration", "delete", "history", "load", "rules", "status", "today"]


def status(ctx: typer.Context, at: At = None, json: Json = False, lang: Lang = None) -> None:
    """Show every muscle group: recovering or ready, since when, and why.

    Example: restday status --at 2026-11-26T18:00
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.status(
        service.status(db, settings.rules(), _moment(at, renderer), user=settings.user), json
    )


def today(
    ctx: typer.Context,
    at: At = None,
    minutes: Annotated[float | None, typer.Option(help="Minutes you have today.")] = None,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Today's verdict: train (what), active recovery or rest, with the rules behind it.

    Example: restday today --minutes 30
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.today(
        service.today(db, settings.rules(), _moment(at, renderer), minutes, user=settings.user),
        json,
    )


def calibration(ctx: typer.Context, at: At = None, json: Json = False, lang: Lang = None) -> None:
    """How fast you recover per region compared with the rulebook, with the evidence.

    Learnt from your check-ins two days after heavy work (rule calibration; off with
    calibration.enabled = false in a tuned rulebook).

    Example: restday calibration --json
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.calibration(
        service.calibration(db, settings.rules(), _moment(at, renderer), user=settings.user), json
    )


def load(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(help="How many days to show (up to 36500).")] = 28,
    at: At = None,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Training load: daily load, fitness (CTL), fatigue (ATL), form (TSB), ramp and ACWR.

    Example: restday load --days 42
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.load(
        service.load(db, settings.rules(), _moment(at, renderer), days, user=settings.user), json
    )


def history(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Only sessions from this time on.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Only sessions up to this time.")] = None,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """List logged sessions, oldest first.

    Example: restday history --since 2026-11-01 --json
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    start = _moment(since, renderer) if since else None
    end = _moment(at, renderer) if at else None
    renderer.history(service.history(db, start, end, user=settings.user), json)


def delete(
    ctx: typer.Context, session_id: Annotated[int, typer.Argument(metavar="ID")], lang: Lang = None
) -> None:
    """Delete one logged session by its id (see `restday history`).

    Example: restday delete 12
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.deleted(service.delete_session(db, session_id, user=settings.user))


def rules(ctx: typer.Context, json: Json = False, lang: Lang = None) -> None:
    """List the rulebook: every rule with its values and the article's sentence.

    Example: restday rules --json
    """
    from restday.cli.render import Renderer

    Renderer.plain(lang.value if lang else None).rules(_settings(ctx).rules(), json)
