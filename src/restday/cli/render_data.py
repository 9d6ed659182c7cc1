"""The load model, imports, exercise mapping, exports and restores as tables, sentences or JSON.

`DataOutput` is mixed into `render.Renderer`, which supplies the language and the printing blocks.
"""

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restday.engine import Reason, RestWarning, Suggestion
from restday.engine.load import LoadReport
from restday.present import import_report_data, load_data, restored_data, unmatched_data

if TYPE_CHECKING:
    from restday.locales import Translator
    from restday.service.backup import Restored
    from restday.service.importing import ImportReport, Unmatched

__all__ = ["DataOutput", "sparkline"]


BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], width: int = 60) -> str:
    """A terminal sparkline of the last `width` values."""
    shown = list(values)[-width:]
    top = max(shown, default=0)
    if top <= 0:
        return BARS[0] * len(shown)
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1) + 0.5))] for v in shown)


class DataOutput:
    """The load, import, mapping, export and restore output of `Renderer`."""

    if TYPE_CHECKING:  # provided by Renderer
        t: Translator

        def _print_json(self, data: Mapping[str, Any]) -> None: ...

        def _console(self, stderr: bool = False) -> Any: ...

        def _print_list(
            self, console: Any, title: str, items: Sequence[Reason | RestWarning | Suggestion]
        ) -> None: ...

    def load(self, report: LoadReport, as_json: bool) -> None:
        """The load model as a compact table with a sparkline of the daily load, or JSON."""
        data = load_data(report, self.t)
        if as_json:
            self._print_json(data)
            return
        from rich.table import Table

        t = self.t
        loads = [d.load for d in report.days]
        table = Table(title=t.text("ui.load_title", {"metric": report.metric.value}))
        for key in ("ui.date", "ui.load", "ui.ctl", "ui.atl", "ui.tsb", "ui.ramp", "ui.acwr"):
            table.add_column(t.ui(key), justify="right", no_wrap=True)
        for day in data["days"][-14:]:
            n = t.fixed
            acwr = "" if day["acwr"] is None else n(day["acwr"], "{:.2f}")
            table.add_row(
                t.when(date.fromisoformat(day["date"])),
                n(day["load"], "{:.0f}"),
                n(day["ctl"], "{:.1f}"),
                n(day["atl"], "{:.1f}"),
                n(day["tsb"], "{:+.1f}"),
                n(day["ramp"], "{:+.1f}"),
                acwr,
            )
        console = self._console()
        console.print(table)
        console.print(f"{t.ui('ui.load')}: {sparkline(loads)}")
        console.print(f"[dim]{t.ui('ui.load_legend')}[/]", soft_wrap=True)
        self._print_list(console, "ui.warnings", report.warnings)

    @contextmanager
    def progress(self, total: int, *, enabled: bool) -> Iterator[Callable[[Path], None]]:
        """A Rich progress bar on a terminal (only there), advanced once per file."""
        if not (enabled and sys.stderr.isatty() and total > 1):
            yield lambda _file: None
            return
        from rich.progress import Progress

        with Progress(console=self._console(stderr=True), transient=True) as bar:
            task = bar.add_task(self.t.ui("ui.importing"), total=total)
            yield lambda _file: bar.advance(task)

    @contextmanager
    def archive_progress(self, *, enabled: bool) -> Iterator[Callable[[int, int], None]]:
        """A Rich progress bar on a terminal (only there) through one archive: (done, total)."""
        if not (enabled and sys.stderr.isatty()):
            yield lambda _done, _total: None
            return
        from rich.progress import Progress

        with Progress(console=self._console(stderr=True), transient=True) as bar:
            task = bar.add_task(self.t.ui("ui.importing"), total=None)
            yield lambda done, total: bar.update(task, completed=done, total=total)

    def import_report(self, report: "ImportReport", as_json: bool) -> None:
        """What an import added, skipped and could not match."""
        data = import_report_data(report)
        if as_json:
            self._print_json(data)
            return
        t = self.t
        key = "ui.import_dry_run" if report.dry_run else "ui.import_done"
        print(
            t.text(
                key,
                {
                    "files": len(report.files),
                    "sessions": report.sessions_added,
                    "sets": report.sets_added,
                    "duplicates": report.sessions_skipped_duplicate,
                },
            )
        )
        if report.sessions_replaced:
            key = "ui.import_would_replace" if report.dry_run else "ui.import_replaced"
            print(t.text(key, {"sessions": report.sessions_replaced}))
        measured = report.nights_added + report.nights_skipped_duplicate + report.nights_replaced
        measured += (
            report.readings_added + report.readings_skipped_duplicate + report.readings_replaced
        )
        if measured:
            key = "ui.import_readings_dry_run" if report.dry_run else "ui.import_readings"
            counts = {
                "nights": report.nights_added,
                "readings": report.readings_added,
                "duplicates": report.nights_skipped_duplicate + report.readings_skipped_duplicate,
                "replaced": report.nights_replaced + report.readings_replaced,
            }
            print(t.text(key, counts))
        for row in report.rows_skipped_invalid:
            where = row.file + (f", line {row.line}" if row.line is not None else "")
            where += (f", {row.record}" if row.record else "") + (
                f", column {row.column}" if row.column else ""
            )
            print(f"  {t.ui('ui.skipped')}: {where}: {row.problem}")
        for problem in report.files_skipped:
            print(f"  {t.ui('ui.skipped')}: {problem}")
        for warning in report.warnings:
            print(f"  {t.ui('ui.warning')}: {warning}")
        self.unmatched(report.unmatched_exercises, False)

    def unmatched(self, names: "Sequence[Unmatched]", as_json: bool) -> None:
        """Exercise names without a catalogue exercise, and how to map them."""
        if as_json:
            self._print_json(unmatched_data(names))
            return
        if not names:
            return
        print(self.t.text("ui.unmatched_title", {"count": len(names)}))
        for u in names:
            options = ", ".join(f'"{c}"' for c in u.candidates)
            print(f'  "{u.name}" ({u.count}×): {options}')
        first = names[0]
        if first.candidates:
            print(
                self.t.text(
                    "ui.map_hint",
                    {"command": f'restday exercises map "{first.name}" "{first.candidates[0]}"'},
                )
            )

    def mapped(self, name: str, exercise: str, rows: int) -> None:
        """A confirmation of an exercise mapping."""
        print(self.t.text("ui.mapped", {"name": name, "exercise": exercise, "count": rows}))

    def exported(self, file: Path, counts: Mapping[str, int]) -> None:
        """What an export wrote."""
        print(
            self.t.text("ui.exported", {"file": str(file), "sessions": counts.get("sessions", 0)})
        )

    def restored(self, restored: "Restored", as_json: bool) -> None:
        """What a restore brought back."""
        counts = restored_data(restored)
        if as_json:
            self._print_json(counts)
            return
        print(self.t.text("ui.restore_dry_run" if restored.dry_run else "ui.restored", counts))
        if restored.profile_replaced:
            print(self.t.ui("ui.profile_replaced"))
