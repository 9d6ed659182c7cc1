"""The restday command line: the Typer app, its command table, and `main`.

Only the standard library, Typer and `restday.cli` modules are imported here; each command
imports what it needs in its body.
"""

import os
import sys
from typing import Annotated

import typer

from restday.cli import commands_data, commands_log, commands_plan, commands_report, commands_web
from restday.cli.context import FIELD_OPTIONS, Settings
from restday.cli.options import OrderedOptionsCommand

__all__ = ["app", "main", "run"]

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
    ctx.call_on_close(ctx.obj.close)


# Every command, in the order `restday --help` lists them.
app.command()(commands_log.profile)
app.command()(commands_log.checkin)
app.command()(commands_report.status)
app.command()(commands_report.today)
app.command()(commands_report.calibration)
app.command()(commands_report.load)
app.command()(commands_report.history)
app.command()(commands_report.delete)
app.command()(commands_plan.plan)
app.command("import")(commands_data.import_)
app.command()(commands_data.export)
app.command()(commands_report.rules)
app.command()(commands_web.serve)
log_app.command(cls=OrderedOptionsCommand)(commands_log.strength)
log_app.command(cls=OrderedOptionsCommand)(commands_log.bodyweight)
log_app.command("class")(commands_log.class_)
log_app.command()(commands_log.endurance)
log_app.command()(commands_log.recovery)
exercises_app.command("map")(commands_data.map_)
exercises_app.command("unmatched")(commands_data.unmatched)


def run(args: list[str] | None = None) -> int:
    """Run one command and return its exit code: user errors become one line on stderr."""
    from restday.errors import InvalidInput, RestdayError

    try:
        code = app(args, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        return 1
    except typer.TyperException as exc:  # Click's usage errors: a bad option or value
        print(f"Error: {exc.format_message()}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    except InvalidInput as exc:
        print(f"Error: {exc.worded(FIELD_OPTIONS)}", file=sys.stderr)
        return exc.exit_code
    except RestdayError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    return code if isinstance(code, int) else 0


def main() -> None:
    """The console script: run the command line and exit with its code."""
    try:
        code = run()
    except BrokenPipeError:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
        code = 1
    sys.exit(code)
