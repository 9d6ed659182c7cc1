"""Commands that move data in and out: `import`, `exercises map|unmatched` and `export`."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from restday.cli.context import Json, Lang, _now, _renderer, _settings

__all__ = ["export", "import_", "map_", "unmatched"]


class ImportFormat(StrEnum):
    strong = "strong"
    hevy = "hevy"
    fit = "fit"
    gpx = "gpx"
    tcx = "tcx"
    apple_health = "apple-health"
    strava = "strava"
    json = "json"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    ics = "ics"


def import_(
    ctx: typer.Context,
    fmt: Annotated[
        ImportFormat,
        typer.Argument(
            metavar="FORMAT", help="strong, hevy, fit, gpx, tcx, apple-health, strava or json."
        ),
    ],
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help="Files or folders (an archive: zip or folder)."),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would be added; write nothing.")
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Import the valid rows and list the skipped ones."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace sessions imported before that the files now give differently.",
        ),
    ] = False,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Import training history and what your watch measured: Strong or Hevy CSV; Garmin FIT
    (activities, and sleep, resting heart rate and HRV from wellness files); GPX; TCX; an Apple
    Health export (export.zip or export.xml); a Strava bulk export (zip or folder); a restday JSON
    backup.

    Example: restday import apple-health ~/Downloads/export.zip
    """
    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    if fmt is ImportFormat.json:
        from restday.errors import InvalidInput
        from restday.service import backup

        for given, option in ((skip_invalid, "--skip-invalid"), (replace, "--replace")):
            if given:
                raise InvalidInput(
                    f"{option} does not apply to a backup: it is restored whole or not at all"
                )
        renderer.restored(
            backup.restore(db, files, now=_now(), user=settings.user, dry_run=dry_run), json
        )
        return
    from restday.service import importing

    count = len(importing.expand(files, fmt.value))
    archive = fmt.value in importing.ARCHIVES and count == 1
    with (
        renderer.progress(count, enabled=not json and not archive) as advance,
        renderer.archive_progress(enabled=not json and archive) as within,
    ):
        report = importing.import_files(
            db,
            fmt.value,
            files,
            now=_now(),
            user=settings.user,
            skip_invalid=skip_invalid,
            dry_run=dry_run,
            replace=replace,
            progress=advance,
            within=within,
        )
    renderer.import_report(report, json)


def map_(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name as the import wrote it.")],
    target: Annotated[str, typer.Argument(help="The catalogue exercise it is.")],
    lang: Lang = None,
) -> None:
    """Map an imported exercise name to a catalogue exercise, for past and future imports.

    Example: restday exercises map "Latzug" "Wide-Grip Lat Pulldown"
    """
    from restday.service import importing

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.mapped(name, *importing.map_exercise(db, name, target, user=settings.user))


def unmatched(ctx: typer.Context, json: Json = False, lang: Lang = None) -> None:
    """List imported exercise names the catalogue does not know, with the closest catalogue names.

    Example: restday exercises unmatched
    """
    from restday.service import importing

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.unmatched(importing.unmatched(db, user=settings.user), json)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Argument(
            metavar="FORMAT", help="json (a full backup), csv (the sets) or ics (a calendar)."
        ),
    ],
    file: Annotated[Path, typer.Argument(help="Where to write.")],
    lang: Lang = None,
) -> None:
    """Export everything: a JSON backup, the sets as CSV, or the sessions as an iCalendar file.

    Example: restday export json restday-backup.json
    """
    from restday.service import backup

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    if fmt is ExportFormat.ics:
        from restday.domain import Session
        from restday.present import session_line
        from restday.service.calendar import history_calendar
        from restday.service.outfile import write_output

        def describe(session: Session) -> tuple[str, str]:
            line = session_line(session, renderer.t)
            return line.split("\n")[0], line

        calendar, count = history_calendar(
            db,
            user=settings.user,
            now=_now(),
            name=renderer.t.ui("ui.calendar_history"),
            describe=describe,
        )
        write_output(file, calendar, "file", backup.database_file(db))
        written = {"sessions": count}
    elif fmt is ExportFormat.json:
        written = backup.export_json(db, file, user=settings.user)
    else:
        written = backup.export_csv(db, file, user=settings.user)
    renderer.exported(file, written)
