"""The restday command line: thin commands over `restday.service`.

Only the standard library and Typer are imported here; each command imports what it needs.
"""

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from restday.cli.options import OrderedOptionsCommand, ordered_exercises

if TYPE_CHECKING:
    from restday.cli.render import Renderer
    from restday.rules import Rulebook
    from restday.store.db import Database

app = typer.Typer(
    help="How much rest you need, and what to do today.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
log_app = typer.Typer(help="Log a training session.", no_args_is_help=True)
app.add_typer(log_app, name="log")
exercises_app = typer.Typer(
    help="Map imported exercise names to the catalogue.", no_args_is_help=True
)
app.add_typer(exercises_app, name="exercises")


class GoalChoice(StrEnum):
    muscle = "muscle"
    endurance = "endurance"
    classes = "classes"
    hybrid = "hybrid"


class ExperienceChoice(StrEnum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class LangChoice(StrEnum):
    en = "en"
    nl = "nl"


class LoadMetricChoice(StrEnum):
    srpe = "srpe"
    trimp = "trimp"


class ImportFormat(StrEnum):
    strong = "strong"
    hevy = "hevy"
    fit = "fit"
    gpx = "gpx"
    tcx = "tcx"
    json = "json"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


class IntensityChoice(StrEnum):
    easy = "easy"
    moderate = "moderate"
    hard = "hard"


@dataclass
class Settings:
    """Options of the root command, shared by every command."""

    database_url: str | None
    rules_path: str | None

    def database(self) -> "Database":
        """Open (and on first use create) the database."""
        from restday.store.db import database_url, open_database

        return open_database(database_url(self.database_url))

    def rules(self) -> "Rulebook":
        """The rulebook in use."""
        from restday.rules import load_rulebook

        return load_rulebook(self.rules_path)


At = Annotated[
    str | None,
    typer.Option("--at", help="ISO 8601 time; without a zone, your time zone. Default: now."),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Lang = Annotated[LangChoice | None, typer.Option("--lang", help="Language of the output.")]
Minutes = Annotated[float, typer.Option("--minutes", min=1, max=1440, help="Duration in minutes.")]
Rpe = Annotated[float | None, typer.Option("--rpe", help="Effort, 1 (very easy) to 10 (maximal).")]


@app.callback()
def root(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url", envvar="RESTDAY_DATABASE_URL", help="SQLAlchemy URL of the database."
        ),
    ] = None,
    rules: Annotated[
        str | None,
        typer.Option(
            "--rules", envvar="RESTDAY_RULES", help="A tuned copy of the rulebook (TOML)."
        ),
    ] = None,
) -> None:
    """restday: how much rest each muscle group needs, and what to do today."""
    ctx.obj = Settings(database_url, rules)


def _settings(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.find_root().obj
    return settings


def _now() -> datetime:
    return datetime.now(UTC)


def _renderer(ctx: typer.Context, db: "Database", lang: LangChoice | None) -> "Renderer":
    from restday import service
    from restday.cli.render import Renderer

    return Renderer.for_profile(service.profile(db), lang.value if lang else None)


def _moment(text: str | None, renderer: "Renderer") -> datetime:
    from restday.parse import parse_time

    return _now() if text is None else parse_time(text, renderer.tz)


@app.command()
def profile(
    ctx: typer.Context,
    goal: Annotated[GoalChoice | None, typer.Option(help="What you train for.")] = None,
    experience: Annotated[
        ExperienceChoice | None, typer.Option(help="Your training experience.")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option(help="IANA time zone, e.g. Europe/Amsterdam.")
    ] = None,
    body_mass: Annotated[float | None, typer.Option("--body-mass", help="Body mass in kg.")] = None,
    resting_hr: Annotated[
        float | None, typer.Option("--resting-hr", help="Resting heart rate, bpm.")
    ] = None,
    max_hr: Annotated[
        float | None, typer.Option("--max-hr", help="Maximum heart rate, bpm.")
    ] = None,
    load_metric: Annotated[
        LoadMetricChoice | None, typer.Option("--load-metric", help="What drives the load model.")
    ] = None,
    lang: Lang = None,
    json: Json = False,
) -> None:
    """Show or update your profile; any subset of options updates it.

    Example: restday profile --goal muscle --experience beginner --timezone Europe/Amsterdam
    """
    from restday import service
    from restday.cli.render import Renderer, check_timezone
    from restday.domain import Experience, Goal, LoadMetric
    from restday.parse import check_range

    check_range("--body-mass", body_mass, 20, 400)
    check_range("--resting-hr", resting_hr, 20, 150)
    check_range("--max-hr", max_hr, 80, 250)
    if timezone is not None:
        check_timezone(timezone)
    db = _settings(ctx).database()
    updated = service.update_profile(
        db,
        goal=Goal(goal.value) if goal else None,
        experience=Experience(experience.value) if experience else None,
        timezone=timezone,
        body_mass_kg=body_mass,
        lang=lang.value if lang else None,
        resting_hr_bpm=resting_hr,
        max_hr_bpm=max_hr,
        load_metric=LoadMetric(load_metric.value) if load_metric else None,
    )
    Renderer.for_profile(updated, None).profile(updated, json)


def _log(
    ctx: typer.Context, session_kind: str, at: str | None, minutes: float, **fields: object
) -> None:
    from restday import service
    from restday.domain import Session, SessionKind
    from restday.parse import check_range

    check_range("--rpe", fields.get("rpe"), 1, 10)  # type: ignore[arg-type]
    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, None)
    session = Session(SessionKind(session_kind), _moment(at, renderer), minutes, **fields)  # type: ignore[arg-type]
    renderer.logged(service.log_session(db, session, _now()))


def _lifting(ctx: typer.Context, kind: str, at: str | None, minutes: float) -> None:
    from restday.domain import ExerciseEntry
    from restday.errors import InvalidInput
    from restday.parse import check_range, parse_sets

    session_rpe, exercises = ordered_exercises(ctx)
    if not exercises:
        raise InvalidInput(
            "No exercise given: add --exercise NAME --sets SPEC, e.g. --exercise squat --sets 5x5@100kg"
        )
    entries = []
    for name, specs, rpe_text in exercises:
        if not specs:
            raise InvalidInput(f'Exercise "{name}" has no --sets: add e.g. --sets 3x10 after it')
        rpe = _number("--rpe", rpe_text)
        check_range("--rpe", rpe, 1, 10)
        entries.append(
            ExerciseEntry(name, tuple(s for spec in specs for s in parse_sets(spec)), rpe=rpe)
        )
    _log(ctx, kind, at, minutes, rpe=_number("--rpe", session_rpe), exercises=tuple(entries))


def _number(option: str, text: str | None) -> float | None:
    from restday.errors import InvalidInput

    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f'Invalid {option} "{text}": must be a number') from None


ExerciseOpt = Annotated[
    list[str] | None,
    typer.Option("--exercise", "-e", help="Exercise name; its --sets and --rpe follow it."),
]
SetsOpt = Annotated[
    list[str] | None,
    typer.Option("--sets", "-s", help="SETSxREPS[@WEIGHT(kg|lb)] or SETSxSECONDSs."),
]
RpeList = Annotated[
    list[str] | None,
    typer.Option(
        "--rpe", help="Effort 1-10: before any --exercise for the session, after one for it."
    ),
]


@log_app.command(cls=OrderedOptionsCommand)
def strength(
    ctx: typer.Context,
    minutes: Minutes,
    at: At = None,
    exercise: ExerciseOpt = None,
    sets: SetsOpt = None,
    rpe: RpeList = None,
) -> None:
    """Log a strength session with exercises and sets.

    Example: restday log strength --at 2026-11-24T18:00 --minutes 60 --rpe 8 --exercise squat --sets 5x5@120kg
    """
    _lifting(ctx, "strength", at, minutes)


@log_app.command(cls=OrderedOptionsCommand)
def bodyweight(
    ctx: typer.Context,
    minutes: Minutes,
    at: At = None,
    exercise: ExerciseOpt = None,
    sets: SetsOpt = None,
    rpe: RpeList = None,
) -> None:
    """Log a bodyweight session (planks, air squats, push-ups).

    Example: restday log bodyweight --minutes 20 --rpe 6 --exercise plank --sets 3x60s
    """
    _lifting(ctx, "bodyweight", at, minutes)


@log_app.command("class")
def class_(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Option(help="Class kind: indoor-cycling, dance, barre, hiit, yoga, ...")
    ],
    minutes: Minutes,
    at: At = None,
    rpe: Rpe = None,
) -> None:
    """Log a group class.

    Example: restday log class --kind indoor-cycling --minutes 45 --rpe 7
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind

    _log(
        ctx,
        "class",
        at,
        minutes,
        rpe=rpe,
        class_kind=resolve_activity(kind, ActivityKind.CLASS).name,
    )


@log_app.command()
def endurance(
    ctx: typer.Context,
    sport: Annotated[str, typer.Option(help="run, bike, swim, row, walk, hike, ski")],
    minutes: Minutes,
    intensity: Annotated[IntensityChoice, typer.Option(help="How hard it was.")],
    at: At = None,
    rpe: Rpe = None,
    km: Annotated[float | None, typer.Option(help="Distance in km.")] = None,
) -> None:
    """Log an endurance session.

    Example: restday log endurance --sport run --minutes 50 --intensity hard --km 10
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind, Intensity
    from restday.parse import check_range

    check_range("--km", km, 0, 1000)
    sport_name = resolve_activity(sport, ActivityKind.SPORT).name
    _log(
        ctx,
        "endurance",
        at,
        minutes,
        rpe=rpe,
        intensity=Intensity(intensity.value),
        sport=sport_name,
        distance_km=km,
    )


@log_app.command()
def recovery(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option(help="yoga, walk, easy-bike, massage, foam-rolling, ...")],
    minutes: Minutes,
    at: At = None,
) -> None:
    """Log recovery: an easy walk or ride, yoga, massage, foam rolling.

    Example: restday log recovery --kind foam-rolling --minutes 15
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind

    _log(
        ctx,
        "recovery",
        at,
        minutes,
        recovery_kind=resolve_activity(kind, ActivityKind.RECOVERY).name,
    )


@app.command()
def checkin(
    ctx: typer.Context,
    at: At = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept last night.")] = None,
    sleep_quality: Annotated[
        int | None, typer.Option("--sleep-quality", help="1 (bad) to 5 (great).")
    ] = None,
    sore: Annotated[
        list[str] | None, typer.Option(help="REGION=0-3 (0 none ... 3 very sore); repeat.")
    ] = None,
    fatigue: Annotated[
        int | None, typer.Option(help="Daytime fatigue, 1 (fresh) to 5 (exhausted).")
    ] = None,
    motivation: Annotated[
        int | None, typer.Option(help="Motivation to train, 1 (none) to 5 (eager).")
    ] = None,
    irritable: Annotated[bool, typer.Option("--irritable", help="You feel irritable.")] = False,
    injury: Annotated[
        list[str] | None, typer.Option(help="A region with an injury; repeat.")
    ] = None,
    resting_hr: Annotated[
        int | None, typer.Option("--resting-hr", help="Resting heart rate, bpm.")
    ] = None,
    hrv: Annotated[float | None, typer.Option(help="Heart-rate variability, ms.")] = None,
) -> None:
    """Record how you feel: sleep, soreness, fatigue, motivation, injuries.

    Example: restday checkin --sleep 6.5 --sore legs=2 --fatigue 3 --motivation 4
    """
    from restday import service
    from restday.domain import CheckIn
    from restday.parse import check_range, parse_region, parse_soreness

    for name, value, low, high in (
        ("--sleep", sleep, 0, 24),
        ("--sleep-quality", sleep_quality, 1, 5),
        ("--fatigue", fatigue, 1, 5),
        ("--motivation", motivation, 1, 5),
        ("--resting-hr", resting_hr, 20, 250),
        ("--hrv", hrv, 1, 500),
    ):
        check_range(name, value, low, high)
    soreness = dict(parse_soreness(s) for s in sore or [])
    injuries = frozenset(parse_region(r) for r in injury or [])
    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, None)
    entry = CheckIn(
        _moment(at, renderer),
        sleep,
        sleep_quality,
        soreness,
        fatigue,
        motivation,
        irritable,
        injuries,
        resting_hr,
        hrv,
    )
    renderer.checked_in(service.checkin(db, entry), entry)


@app.command()
def status(ctx: typer.Context, at: At = None, json: Json = False, lang: Lang = None) -> None:
    """Show every muscle group: recovering or ready, since when, and why.

    Example: restday status --at 2026-11-26T18:00
    """
    from restday import service

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    renderer.status(service.status(db, settings.rules(), _moment(at, renderer)), json)


@app.command()
def today(
    ctx: typer.Context,
    at: At = None,
    minutes: Annotated[float | None, typer.Option(min=1, help="Minutes you have today.")] = None,
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
    renderer.today(service.today(db, settings.rules(), _moment(at, renderer), minutes), json)


@app.command()
def load(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(min=1, max=36500, help="How many days to show.")] = 28,
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
    renderer.load(service.load(db, settings.rules(), _moment(at, renderer), days), json)


@app.command()
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
    from restday.parse import parse_time

    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    start = parse_time(since, renderer.tz) if since else None
    end = parse_time(at, renderer.tz) if at else None
    renderer.history(service.history(db, start, end), json)


@app.command()
def delete(
    ctx: typer.Context, session_id: Annotated[int, typer.Argument(metavar="ID")], lang: Lang = None
) -> None:
    """Delete one logged session by its id (see `restday history`).

    Example: restday delete 12
    """
    from restday import service

    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    renderer.deleted(service.delete_session(db, session_id))


@app.command("import")
def import_(
    ctx: typer.Context,
    fmt: Annotated[
        ImportFormat, typer.Argument(metavar="FORMAT", help="strong, hevy, fit, gpx, tcx or json.")
    ],
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Files or folders.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would be added; write nothing.")
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Import the valid rows and list the skipped ones."),
    ] = False,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Import training history: Strong or Hevy CSV, Garmin FIT, GPX, TCX, or a restday JSON backup.

    Example: restday import strong ~/Downloads/strong.csv
    """
    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    if fmt is ImportFormat.json:
        from restday import backup

        renderer.restored(backup.restore(db, files), json)
        return
    from restday import importing

    with renderer.progress(len(importing.expand(files, fmt.value)), enabled=not json) as advance:
        report = importing.import_files(
            db, fmt.value, files, skip_invalid=skip_invalid, dry_run=dry_run, progress=advance
        )
    renderer.import_report(report, json)


@exercises_app.command("map")
def map_(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name as the import wrote it.")],
    target: Annotated[str, typer.Argument(help="The catalogue exercise it is.")],
    lang: Lang = None,
) -> None:
    """Map an imported exercise name to a catalogue exercise, for past and future imports.

    Example: restday exercises map "Latzug" "Wide-Grip Lat Pulldown"
    """
    from restday import importing

    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    renderer.mapped(name, *importing.map_exercise(db, name, target))


@exercises_app.command("unmatched")
def unmatched(ctx: typer.Context, json: Json = False, lang: Lang = None) -> None:
    """List imported exercise names the catalogue does not know, with the closest catalogue names.

    Example: restday exercises unmatched
    """
    from restday import importing

    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    renderer.unmatched(importing.unmatched(db), json)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Argument(metavar="FORMAT", help="json (a full backup) or csv.")
    ],
    file: Annotated[Path, typer.Argument(help="Where to write.")],
    lang: Lang = None,
) -> None:
    """Export everything: a versioned JSON backup, or sessions and sets as CSV for a spreadsheet.

    Example: restday export json restday-backup.json
    """
    from restday import backup

    db = _settings(ctx).database()
    renderer = _renderer(ctx, db, lang)
    written = (
        backup.export_json(db, file) if fmt is ExportFormat.json else backup.export_csv(db, file)
    )
    renderer.exported(file, written)


@app.command()
def rules(ctx: typer.Context, json: Json = False, lang: Lang = None) -> None:
    """List the rulebook: every rule with its values and the article's sentence.

    Example: restday rules --json
    """
    from restday.cli.render import Renderer

    Renderer.plain(lang.value if lang else None).rules(_settings(ctx).rules(), json)


def main() -> None:
    """Run the CLI: user errors become one line on stderr and a non-zero exit code."""
    from restday.errors import RestdayError

    try:
        code = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        sys.exit(1)
    except typer.TyperException as exc:  # Click's usage errors: a bad option or value
        print(f"Error: {exc.format_message()}", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    except RestdayError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
