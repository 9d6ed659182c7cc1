"""Turn service results into Rich tables, plain sentences or JSON, in English or Dutch."""

import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from restday.cli.render_data import DataOutput
from restday.cli.render_plan import PlanOutput
from restday.domain import CheckIn, Profile, Session
from restday.engine import MuscleState, Reason, RestWarning, Status, Suggestion, Today
from restday.engine.calibration import Calibration
from restday.errors import InvalidInput
from restday.locales import Translator, pick_language
from restday.present import (
    calibration_data,
    history_data,
    readiness_data,
    ready_text,
    rules_data,
    session_line,
    session_text,
    source_text,
    status_data,
    today_data,
    wellness_data,
)
from restday.rules import Rulebook
from restday.service import History, LogResult, Wellness

__all__ = ["Renderer", "check_timezone"]


def check_timezone(name: str) -> ZoneInfo:
    """The time zone called `name`, or one clear error."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput(
            f'Unknown time zone "{name}": use an IANA name such as Europe/Amsterdam'
        ) from None


class Renderer(DataOutput, PlanOutput):
    """Writes results for one person, in their language and time zone."""

    def __init__(self, lang: str, tz: tzinfo) -> None:
        self.lang = lang
        self.tz = tz
        self.t = Translator(lang, tz)

    @classmethod
    def for_profile(cls, profile: Profile, lang: str | None) -> "Renderer":
        """A renderer in the profile's time zone and chosen language."""
        return cls(pick_language(lang, profile.lang, os.environ), check_timezone(profile.timezone))

    @classmethod
    def plain(cls, lang: str | None) -> "Renderer":
        """A renderer without a profile (UTC, language from the option or the locale)."""
        return cls(pick_language(lang, None, os.environ), ZoneInfo("UTC"))

    # -- building blocks ---------------------------------------------------------------------

    def _print_json(self, data: Mapping[str, Any]) -> None:
        print(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))

    def _console(self, stderr: bool = False) -> Any:
        from rich.console import Console

        return Console(highlight=False, stderr=stderr)

    # -- commands ------------------------------------------------------------------------------

    def profile(self, p: Profile, as_json: bool) -> None:
        """The saved profile."""
        data = p.to_dict()
        if as_json:
            self._print_json(data)
            return
        print(self.t.ui("ui.profile_saved"))
        for key, value in data.items():
            print(f"  {key}: {'' if value is None else value}")

    def logged(self, result: LogResult) -> None:
        """A confirmation of a logged session, and its oddities on stderr."""
        print(f"{self.t.ui('ui.session_logged')}: {session_line(result.session, self.t)}")
        if result.in_future:
            print(f"Warning: {self.t.text('ui.future_session')}", file=sys.stderr)
        if result.overlaps:
            ids = ", ".join(f"#{i}" for i in result.overlaps)
            print(
                f"Warning: {self.t.text('ui.overlapping_session', {'ids': ids})}", file=sys.stderr
            )

    def checked_in(self, checkin_id: int, entry: CheckIn) -> None:
        """A confirmation of a check-in."""
        print(
            f"{self.t.ui('ui.checkin_saved')}: #{checkin_id}, {self.t.text('ui.when', {'at': entry.at})}"
        )

    def wellness(self, found: Wellness, days: int, as_json: bool) -> None:
        """Check-ins and readings by day, newest first, each with where it came from."""
        data = wellness_data(found, self.t)
        if as_json:
            self._print_json(data)
            return
        if not data["days"]:
            print(self.t.text("ui.checkin.none", {"days": days}))
        for day in data["days"]:
            print(f"{day['date']}, {self.t.when(date.fromisoformat(day['date']))}")
            for c in day["checkins"]:
                moment = datetime.fromisoformat(c["at"])
                when = {"when": f"{moment:%H:%M}", "source": c["source_text"]}
                print(f"  {self.t.text('ui.checkin.typed', when)}: {c['text']}")
            for r in day["readings"]:
                source = source_text(r["format"], self.t)
                print(f"  {self.t.text('ui.checkin.measured', {'source': source})}: {r['text']}")

    def deleted(self, session: Session) -> None:
        """What a delete removed."""
        print(f"{self.t.ui('ui.deleted')}: {session_line(session, self.t)}")

    def history(self, found: History, as_json: bool) -> None:
        """The logged sessions, each with where it came from."""
        if as_json:
            self._print_json(history_data(found.sessions, self.tz, found.sources))
            return
        if not found.sessions:
            print(self.t.ui("ui.no_sessions"))
        for s in found.sessions:
            print(session_line(s, self.t, found.sources.get(s.id or 0)))

    def status(self, status: Status, as_json: bool) -> None:
        """Every muscle's recovery as a table, or JSON."""
        if as_json:
            self._print_json(status_data(status, self.t))
            return
        from rich.table import Table

        t = self.t
        # Four columns that fit 80 columns in either language; the ready column says the state
        # ("since Tue 17:00" or a time ahead) and the colour repeats it.
        table = Table(title=t.text("ui.status_title", {"at": status.at}))
        for key in ("ui.region", "ui.muscle", "ui.recovered", "ui.status_ready"):
            table.add_column(
                t.ui(key), no_wrap=True, justify="right" if key == "ui.recovered" else "left"
            )
        ordered = sorted(status.muscles, key=lambda m: (m.region.value, m.muscle.value))
        for index, m in enumerate(ordered):
            first_of_region = index == 0 or ordered[index - 1].region is not m.region
            if first_of_region and index:
                table.add_section()
            style = "yellow" if m.state is MuscleState.RECOVERING else "green"
            table.add_row(
                t.region(m.region.value) if first_of_region else "",
                t.muscle(m.muscle.value),
                f"[{style}]{m.recovered_pct:.0f}%[/]",
                f"[{style}]{ready_text(m, status, t)}[/]",
            )
        console = self._console()
        console.print(table)
        for m in ordered:
            if m.state is MuscleState.RECOVERING:
                self._print_list(console, f"muscle.{m.muscle.value}", m.reasons)
        self._print_list(console, "ui.warnings", status.warnings)

    def _print_list(
        self, console: Any, title: str, items: Sequence[Reason | RestWarning | Suggestion]
    ) -> None:
        if not items:
            return
        from rich.markup import escape

        console.print(f"[bold]{self.t.ui(title)}[/]")
        for item in items:
            console.print(
                f"  • {escape(self.t.text(item.msg.value, item.params))} [dim]({item.rule})[/]",
                soft_wrap=True,
            )

    def today(self, result: Today, as_json: bool) -> None:
        """Today's verdict in plain words, or JSON."""
        if as_json:
            self._print_json(today_data(result, self.t))
            return
        console = self._console()
        t = self.t
        console.print(
            f"[bold]{t.text('ui.today_title', {'date': result.date})}: {t.ui('verdict.' + result.verdict.value)}[/]"
        )
        if result.train:
            console.print("  " + session_text(result.train.session, t), soft_wrap=True)
            ready = tuple(r.value for r in result.train.regions)
            console.print("  " + t.text("ui.ready_regions", {"regions": ready}), soft_wrap=True)
        self._print_list(console, "ui.reasons", result.reasons)
        lines = [line for line in readiness_data(result.readiness, t).values() if line]
        if lines:
            from rich.markup import escape

            console.print(f"[bold]{t.ui('ui.readiness.title')}[/]")
            for line in lines:
                console.print(
                    f"  • {escape(line['text'])} [dim]({line['rule']})[/]", soft_wrap=True
                )
        self._print_list(console, "ui.suggestions", result.suggestions)
        self._print_list(console, "ui.warnings", result.warnings)

    def calibration(self, found: Calibration, as_json: bool) -> None:
        """Each region's recovery rate, its evidence and why."""
        data = calibration_data(found, self.t)
        if as_json:
            self._print_json(data)
            return
        for r in data["regions"]:
            print(self.t.text("ui.calibration_line", r))
            for reason in r["reasons"]:
                print(f"  {reason['text']}")

    def rules(self, book: Rulebook, as_json: bool) -> None:
        """The rulebook."""
        if as_json:
            self._print_json(rules_data(book))
            return
        console = self._console()
        source_key = "source_nl" if self.lang == "nl" else "source_en"
        for rule in book.rules.values():
            console.print(f"[bold]{rule.id}[/]  {rule.title}")
            values = rule.as_dict()["values"]
            if values:
                console.print(
                    "  " + ", ".join(f"{k} = {v}" for k, v in values.items()), soft_wrap=True
                )
            console.print(f"  [dim]“{getattr(rule, source_key)}”[/]", soft_wrap=True)
