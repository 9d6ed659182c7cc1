"""Plans as a week table, JSON or an iCalendar file; a checked plan's verdict.

`PlanOutput` is mixed into `render.Renderer`, which supplies the language and the printing blocks.
"""

from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restday.present import check_data, describe_day, plan_data, why

if TYPE_CHECKING:
    from restday.locales import Translator
    from restday.rules import Rulebook

__all__ = ["PlanOutput"]


class PlanOutput:
    """The plan output of `Renderer`."""

    if TYPE_CHECKING:  # provided by Renderer
        t: Translator
        tz: tzinfo

        def _print_json(self, data: Mapping[str, Any]) -> None: ...

        def _console(self, stderr: bool = False) -> Any: ...

    def plan(self, result: Mapping[str, Any], as_json: bool) -> None:
        """A plan as a week table with the reason for each day, or JSON."""
        data = plan_data(result, self.t)
        if as_json:
            self._print_json(data)
            return
        from rich.table import Table

        t = self.t
        table = Table(title=t.text("ui.plan_title", {"date": date.fromisoformat(result["start"])}))
        for key in ("ui.date", "ui.plan_day", "ui.minutes", "ui.why"):
            table.add_column(t.ui(key), overflow="fold")
        for index, day in enumerate(result["days"]):
            if index and index % 7 == 0:
                table.add_section()
            title, _ = describe_day(day, result, t)
            rules = " ".join(day.get("rules", []))
            table.add_row(
                t.when(date.fromisoformat(day["date"])),
                title,
                "+".join(
                    f"{day[k]:g}" for k in ("minutes", "active_recovery_minutes") if day.get(k)
                ),
                f"{why(day, result, t)} [dim]({rules})[/]",
            )
        console = self._console()
        console.print(table)
        if "relaxed" in result.get("notes", []):
            console.print(t.ui("ui.plan_relaxed"))
        for v in data["violations"]:
            console.print(f"  • {v['text']} [dim]({v['rule']})[/]", soft_wrap=True)

    def plan_check(
        self, path: Path, violations: Sequence[Mapping[str, Any]], as_json: bool
    ) -> None:
        """The checker's verdict on a plan file."""
        data = check_data(str(path), violations, self.t)
        found = data["violations"]
        if as_json:
            self._print_json(data)
            return
        t = self.t
        print(
            t.text(
                "ui.check_ok" if not found else "ui.check_broken",
                {"file": str(path), "count": len(found)},
            )
        )
        for v in found:
            print(f"  • {v['text']} ({v['rule']})")

    def plan_ics(
        self,
        result: Mapping[str, Any],
        path: Path,
        rules: "Rulebook",
        now: datetime,
        database: str | None,
    ) -> None:
        """Write the plan as an iCalendar file."""
        from restday.service.outfile import write_output
        from restday.service.planning import plan_calendar

        calendar = plan_calendar(
            result,
            rules,
            tz=str(self.tz),
            now=now,
            name=self.t.ui("ui.calendar_name"),
            describe=lambda day: describe_day(day, result, self.t),
        )
        write_output(path, calendar, "ics", database)
