"""Plans as a week table, JSON or an iCalendar file; a checked plan's verdict.

`PlanOutput` is mixed into `render.Renderer`, which supplies the language and the printing blocks.
"""

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restday.domain import WEEKDAYS
from restday.errors import InvalidInput

if TYPE_CHECKING:
    from restday.locales import Translator

__all__ = ["PlanOutput"]


class PlanOutput:
    """The plan output of `Renderer`."""

    if TYPE_CHECKING:  # provided by Renderer
        t: Translator
        tz: tzinfo

        def _print_json(self, data: Mapping[str, Any]) -> None: ...

        def _console(self, stderr: bool = False) -> Any: ...

    def why(self, day: Mapping[str, Any], plan: Mapping[str, Any]) -> str:
        """Why a planned day is what it is, in words, from its rules and the free days."""
        t = self.t
        phrases = [t.ui(f"why.{rule}") for rule in day.get("rules", []) if t.has(f"why.{rule}")]
        free = (plan.get("context") or {}).get("available") or {}
        weekday = WEEKDAYS[date.fromisoformat(day["date"]).weekday()]
        if day["activity"] == "rest" and weekday in free and free[weekday] is None:
            phrases.insert(0, t.ui("why.unavailable"))
        text = "; ".join(phrases)
        return text[:1].upper() + text[1:]

    def describe_day(self, day: Mapping[str, Any], plan: Mapping[str, Any]) -> tuple[str, str]:
        """(a short title, a longer description) of one planned day of `plan`."""
        t = self.t
        activity = day["activity"]
        title = t.ui(f"plan.{activity}")
        details = []
        if day.get("intensity") and activity not in ("rest", "active_recovery"):
            details.append(t.ui(f"intensity.{day['intensity']}"))
        if day.get("regions"):
            details.append(t.text("ui.focus", {"regions": tuple(day["regions"])}))
        for key in ("sport", "class_kind"):
            if day.get(key):
                details.append(t.activity(day[key]))
        if details:
            title += ": " + ", ".join(details)
        lines = [title]
        if day.get("minutes"):
            lines.append(f"{day['minutes']:g} min")
        if day.get("active_recovery_minutes"):
            lines.append(
                t.text("ui.plus_active_recovery", {"minutes": day["active_recovery_minutes"]})
            )
        lines.append(self.why(day, plan))
        lines.append(t.text("ui.plan_rules", {"rules": ", ".join(day.get("rules", []))}))
        return title, "\n".join(lines)

    def _violations(self, violations: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return [{**v, "text": self.t.text(v["text_key"], v["params"])} for v in violations]

    def plan(self, result: Mapping[str, Any], as_json: bool) -> None:
        """A plan as a week table with the reason for each day, or JSON."""
        violations = self._violations(result["violations"])
        if as_json:
            self._print_json({**result, "violations": violations})
            return
        from rich.table import Table

        t = self.t
        table = Table(title=t.text("ui.plan_title", {"date": date.fromisoformat(result["start"])}))
        for key in ("ui.date", "ui.plan_day", "ui.minutes", "ui.why"):
            table.add_column(t.ui(key), overflow="fold")
        for index, day in enumerate(result["days"]):
            if index and index % 7 == 0:
                table.add_section()
            title, _ = self.describe_day(day, result)
            rules = " ".join(day.get("rules", []))
            table.add_row(
                t.when(date.fromisoformat(day["date"])),
                title,
                "+".join(
                    f"{day[k]:g}" for k in ("minutes", "active_recovery_minutes") if day.get(k)
                ),
                f"{self.why(day, result)} [dim]({rules})[/]",
            )
        console = self._console()
        console.print(table)
        if "relaxed" in result.get("notes", []):
            console.print(t.ui("ui.plan_relaxed"))
        for v in violations:
            console.print(f"  • {v['text']} [dim]({v['rule']})[/]", soft_wrap=True)

    def read_plan(self, path: Path) -> dict[str, Any]:
        """A plan JSON file, or one clear error."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidInput(f"{path}: not a plan JSON file ({exc})") from None
        if not isinstance(data, dict) or "days" not in data or "start" not in data:
            raise InvalidInput(f"{path}: not a plan JSON file (no start and days)")
        return data

    def plan_check(
        self, path: Path, violations: Sequence[Mapping[str, Any]], as_json: bool
    ) -> None:
        """The checker's verdict on a plan file."""
        found = self._violations(violations)
        if as_json:
            self._print_json({"file": str(path), "violations": found})
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
        hour: int,
        now: datetime,
        database: str | None,
    ) -> None:
        """Write the plan as an iCalendar file."""
        from restday.io.ics import plan_to_ics
        from restday.service.outfile import write_output

        zone = str(self.tz)
        name = self.t.ui("ui.calendar_name")
        calendar = plan_to_ics(
            result,
            zone,
            hour=hour,
            stamp=now,
            name=name,
            describe=lambda day: self.describe_day(day, result),
        )
        write_output(path, calendar, "ics", database)
