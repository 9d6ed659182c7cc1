"""What every command shares: the root command's settings, the --at, --json and --lang options,
and the helpers that read them.

Only the standard library and Typer are imported here; the helpers import what they need.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from restday.cli.render import Renderer
    from restday.rules import Rulebook
    from restday.store.db import Database

__all__ = ["FIELD_OPTIONS", "At", "Json", "Lang", "LangChoice", "Settings"]

# The option that gives each field of a record or request, to name it in an error.
FIELD_OPTIONS = {
    "start": "--at",
    "at": "--at",
    "since": "--since",
    "minutes": "--minutes",
    "rpe": "--rpe",
    "distance_km": "--km",
    "exercises.name": "--exercise",
    "exercises.rpe": "--rpe",
    "exercises.sets.reps": "--sets",
    "exercises.sets.seconds": "--sets",
    "exercises.sets.weight_kg": "--sets",
    "sleep_h": "--sleep",
    "sleep_quality": "--sleep-quality",
    "soreness": "--sore",
    "fatigue": "--fatigue",
    "motivation": "--motivation",
    "resting_hr_bpm": "--resting-hr",
    "hrv_ms": "--hrv",
    "body_mass_kg": "--body-mass",
    "max_hr_bpm": "--max-hr",
    "timezone": "--timezone",
    "lang": "--lang",
    "days": "--days",
    "weeks": "--weeks",
    "sessions": "--sessions",
    "max_classes_in_row": "--max-classes-in-row",
    "name": "NAME",
    "first_day": "--start",
    "file": "FILE",
    "ics": "--ics",
}


class LangChoice(StrEnum):
    en = "en"
    nl = "nl"


@dataclass
class Settings:
    """Options of the root command, shared by every command."""

    database_url: str | None
    rules_path: str | None
    opened: list["Database"] = field(default_factory=list)

    def database(self) -> "Database":
        """Open (and on first use create) the database; `close` closes it."""
        from restday.store.db import database_url, open_database

        db = open_database(database_url(self.database_url))
        self.opened.append(db)
        return db

    def close(self) -> None:
        """Close the databases this command opened."""
        while self.opened:
            self.opened.pop().close()

    @property
    def user(self) -> str:
        """The person whose records the commands read and write."""
        from restday.service import LOCAL_USER

        return LOCAL_USER

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


def _settings(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.find_root().obj
    return settings


def _now() -> datetime:
    return datetime.now(UTC)


def _renderer(ctx: typer.Context, db: "Database", lang: LangChoice | None) -> "Renderer":
    from restday import service
    from restday.cli.render import Renderer

    return Renderer.for_profile(
        service.profile(db, user=_settings(ctx).user), lang.value if lang else None
    )


def _moment(text: str | None, renderer: "Renderer") -> datetime:
    """The moment typed (now if none); a local time that happens twice is noted on stderr."""
    import sys

    from restday.parse import parse_time, twice_note

    if text is None:
        return _now()
    moment = parse_time(text, renderer.tz)
    note = twice_note(moment)
    if note:
        print(f"Note: {note}", file=sys.stderr)
    return moment
