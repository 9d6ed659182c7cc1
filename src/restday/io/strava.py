"""Strava bulk exports: the export zip (export_<athlete id>.zip), its unzipped folder, or a bare
activities.csv. One session per activity (row of activities.csv).

- activities.csv gives each activity's id, start (UTC), type, duration (moving time, else elapsed
  time), distance, heart rate and perceived exertion (RPE 1-10). Its header is in the account's
  language (English, German and Dutch are read, see `LAYOUTS`) and repeats names: the first
  Distance and Elapsed Time are in display units (km or miles, the locale's decimal comma), the
  second in metres and seconds, which is the one read. A single Distance column is metres when
  the header has the SI columns (Moving Time) or is the old lowercase one, else display units,
  read as km with a warning.
- An activity whose Filename names a file (activities/<id>.fit.gz, .gpx, .tcx, each possibly
  gzipped) is read from that file through the FIT, GPX or TCX importer: its duration, distance
  and heart rate, with the type and RPE from activities.csv (the person's choice of type wins over
  the device's sport). A multisport file gives all its sessions, each with its own sport. Manual
  activities (no Filename) come from activities.csv alone; so does everything from a bare CSV.
- A file that is missing or cannot be read is an ImportFileError naming archive/member and the
  activity; with skip_invalid the activity is read from activities.csv alone, with a warning.
- Each file is streamed (gzip decompressed) into a temporary file, at most 200 MB of it
  (`archive.MEMBER_MAX_BYTES`): a zip bomb fills neither memory nor disk. A Filename pointing
  outside the export (`..`, an absolute path) is never followed.
"""

import posixpath
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from restday.domain import Session, SessionKind
from restday.domain.bounds import EARLIEST, LATEST_ASKED
from restday.errors import ImportFileError
from restday.io import fit, gpx, tcx
from restday.io.archive import Export, copy_member, inside, opened
from restday.io.base import ImportedSession, ParseResult, SkippedRow, fingerprint
from restday.io.csvfile import CsvFile, ValueProblem, column_key, parse_datetime, read_csv
from restday.io.csvworkouts import Values
from restday.io.strava_names import DUTCH_MONTHS, LAYOUTS, activity_kind
from restday.io.track import heart_rate_summary, reading, summary_warning

__all__ = ["parse", "source"]

source = "strava"

_CSV = "activities.csv"
_LABEL = "Strava activities.csv"
_PARSERS: dict[str, Callable[..., ParseResult]] = {
    ".fit": fit.parse,
    ".gpx": gpx.parse,
    ".tcx": tcx.parse,
}


def _start(text: str, column: str, example: str) -> datetime:
    """An activity's start as aware UTC: "Sep 20, 2026, 2:12:12 PM", "20.09.2026, 14:12:12",
    "20 sep. 2026, 14:12:12" or "2018-09-12 15:02:23" (the export writes UTC)."""
    s = text.strip()
    day, _, rest = s.partition(".")
    try:
        if day.isdigit() and rest[:2].strip(".").isdigit():  # German: 20.09.2026, 14:12:12
            date, _, time = s.replace(",", " ", 1).partition(" ")
            d, m, y = (int(part) for part in date.split("."))
            s = f"{y:04d}-{m:02d}-{d:02d} {time.strip()}"
        words = [DUTCH_MONTHS.get(w.rstrip(".").casefold(), w) for w in s.split(" ")]
        moment = parse_datetime(" ".join(words))
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueProblem(f"not a date and time (such as {example})", column, text) from None
    if not EARLIEST <= moment < LATEST_ASKED:
        raise ValueProblem("not a date an activity was recorded (1970 to 2099)", column, text)
    return moment


@dataclass(frozen=True, slots=True)
class _Activity:
    """One row of activities.csv, read."""

    line: int
    id: str
    start: datetime
    minutes: float
    type: str
    distance_km: float | None
    avg_hr: float | None
    max_hr: float | None
    rpe: float | None
    filename: str

    @property
    def where(self) -> str:
        return f"activity {self.id}, line {self.line} of {_CSV}"


class _Columns:
    """Where the fields are in one activities.csv, and how its values are read."""

    def __init__(self, f: CsvFile, label: str) -> None:
        at: dict[str, list[int]] = {}
        for i, name in enumerate(f.header):
            at.setdefault(column_key(name), []).append(i)
        layout = next((x for x in LAYOUTS if any(column_key(n) in at for n in x.names["id"])), None)
        if layout is None:
            raise ImportFileError(
                label, f"not a {_LABEL}: no Activity ID column", line=f.header_line
            )
        found = {
            field: next((at[column_key(n)] for n in names if column_key(n) in at), [])
            for field, names in layout.names.items()
        }
        for fields in (("date",), ("type",), ("moving", "elapsed")):
            if not any(found.get(field) for field in fields):
                shown = " or ".join(
                    layout.names[field][0] for field in fields if field in layout.names
                )
                raise ImportFileError(
                    label, f"not a {_LABEL}: no {shown} column", line=f.header_line
                )
        self.layout, self.found, self.names = layout, found, f.header
        self.values = Values(decimal_comma=layout.decimal_comma, date_example=layout.date_example)
        # The second of a repeated Distance is metres; a single one is metres beside the SI
        # columns (Moving Time) or in the old lowercase header, else the account's display unit.
        single = len(found.get("distance", [])) == 1
        self.in_km = single and not found.get("moving") and layout.language != "old"
        self.outside: list[str] = []  # heart rates outside the range, treated as missing

    def _last(self, field: str) -> int | None:
        """The column of `field` in SI units: the last of its repeats (seconds, metres)."""
        columns = self.found.get(field) or []
        return columns[-1] if columns else None

    def _cell(self, row: Sequence[str], field: str) -> tuple[str, str]:
        index = self._last(field)
        return ("", "") if index is None else (row[index], self.names[index].strip())

    def activity(self, line: int, row: Sequence[str]) -> _Activity:
        """The row's activity; ValueProblem naming the column and value that cannot be read."""
        values = self.values
        ident, column = self._cell(row, "id")
        if not ident.strip():
            raise ValueProblem("an activity ID is required", column, ident)
        text, column = self._cell(row, "date")
        start = _start(text, column, self.layout.date_example)
        minutes = None
        for field in ("moving", "elapsed"):
            text, column = self._cell(row, field)
            minutes = minutes or values.amount(text, column, "session.minutes", 1 / 60)
        if minutes is None:
            raise ValueProblem("no moving or elapsed time: the activity has no duration")
        text, column = self._cell(row, "distance")
        scale = 1.0 if self.in_km else 0.001
        distance = values.amount(text, column, "session.distance_km", scale)
        rpe, column = self._cell(row, "rpe")
        return _Activity(
            line=line,
            id=ident.strip(),
            start=start,
            minutes=minutes,
            type=self._cell(row, "type")[0].strip(),
            distance_km=distance,
            avg_hr=self._bpm(line, row, "avg_hr", "session.avg_hr_bpm"),
            max_hr=self._bpm(line, row, "max_hr", "session.max_hr_bpm"),
            rpe=values.rpe(rpe, column),
            filename=self._cell(row, "filename")[0].strip(),
        )

    def _bpm(self, line: int, row: Sequence[str], field: str, bound: str) -> float | None:
        """A heart rate (the SI column, else the display one: both are bpm); one outside its
        range is missing, noted for a warning."""
        for index in reversed(self.found.get(field) or []):
            text = row[index].strip()
            if not text:
                continue
            try:
                bpm = reading(text.replace(",", "."))
            except ValueError:
                raise ValueProblem("not a heart rate (bpm)", self.names[index], text) from None
            found = heart_rate_summary(bpm or None, bound)
            if bpm and found is None:
                self.outside.append(f"line {line} {self.names[index].strip()} {text}")
            return found
        return None


def _renamed(error: ImportFileError, file: str, suffix: str = "") -> ImportFileError:
    """`error` naming `file` (the member, not the temporary copy), `suffix` added to its problem."""
    return ImportFileError(
        file,
        error.problem + suffix,
        line=error.line,
        column=error.column,
        value=error.value,
        record=error.record,
    )


def _read_rows(
    csv_path: Path, label: str, skip_invalid: bool, result: ParseResult
) -> tuple[list[_Activity], _Columns]:
    """Every activity of activities.csv; a row that cannot be read raises, or is skipped."""
    activities: list[_Activity] = []
    seen: dict[str, int] = {}
    repeats: list[str] = []
    try:
        with read_csv(csv_path, _LABEL) as f:
            columns = _Columns(f, label)
            for line, row in f.rows:
                try:
                    f.check(row)
                    activity = columns.activity(line, row)
                except ValueProblem as p:
                    if not skip_invalid:
                        raise ImportFileError(
                            label, p.problem, line=line, column=p.column, value=p.value
                        ) from None
                    result.skipped.append(SkippedRow(label, line, p.problem, p.column, p.value))
                    continue
                if activity.id in seen:
                    repeats.append(
                        f"line {line}: activity {activity.id} repeats line {seen[activity.id]}"
                    )
                    continue
                seen[activity.id] = line
                activities.append(activity)
    except ImportFileError as error:
        raise error if error.file == label else _renamed(error, label) from None
    if repeats:
        result.warnings.append(_repeats_warning(repeats))
    return activities, columns


def _repeats_warning(repeats: list[str]) -> str:
    """The rows left out because their activity repeats an earlier row's, counted."""
    if len(repeats) == 1:
        return f"{repeats[0]}; left out"
    more = f"; and {len(repeats) - 3:,} more" if len(repeats) > 3 else ""
    return (
        f"left out {len(repeats):,} rows whose activity repeats an earlier row "
        f"({'; '.join(repeats[:3])}{more})"
    )


def _csv_session(activity: _Activity) -> Session:
    """The activity as activities.csv alone gives it."""
    kind, sport, class_kind = activity_kind(activity.type) or (SessionKind.ENDURANCE, None, None)
    return Session(
        kind=kind,
        start=activity.start,
        minutes=activity.minutes,
        rpe=activity.rpe,
        sport=sport,
        class_kind=class_kind,
        distance_km=activity.distance_km,
        avg_hr_bpm=activity.avg_hr,
        max_hr_bpm=activity.max_hr,
    )


def _with_csv(activity: _Activity, sessions: list[Session]) -> list[Session]:
    """A file's sessions with what activities.csv adds: its type (the person's choice wins over
    the device's sport; in a multisport file only for legs without a sport, each other leg keeps
    its own), its RPE, and for a single session the distance and heart rate the file lacks."""
    chosen = activity_kind(activity.type)
    merged = []
    for s in sessions:
        s = replace(s, rpe=activity.rpe)
        if len(sessions) == 1:
            s = replace(
                s,
                distance_km=s.distance_km or activity.distance_km,
                avg_hr_bpm=s.avg_hr_bpm or activity.avg_hr,
                max_hr_bpm=s.max_hr_bpm or activity.max_hr,
            )
        without_sport = s.kind is SessionKind.ENDURANCE and s.sport is None
        if chosen is not None and (len(sessions) == 1 or without_sport):
            kind, sport, class_kind = chosen
            exercises = s.exercises if kind is SessionKind.STRENGTH else ()
            s = replace(s, kind=kind, sport=sport, class_kind=class_kind, exercises=exercises)
        merged.append(s)
    return merged


class _Reader:
    """Reads each activity's file from the export, or gives its activities.csv row."""

    def __init__(
        self, export: Export | None, tmp: Path, skip_invalid: bool, result: ParseResult
    ) -> None:
        self.export, self.tmp, self.skip_invalid, self.result = export, tmp, skip_invalid, result
        self.unread: list[str] = []  # files left out with skip_invalid, and why
        self.other_kinds: Counter[str] = Counter()
        self.not_read = 0  # activities of a bare CSV whose files were not read

    def sessions(self, activity: _Activity) -> list[Session]:
        """The activity's sessions: from its file when it has one that restday reads."""
        name = activity.filename
        if not name:
            return [_csv_session(activity)]
        if self.export is None:
            self.not_read += 1
            return [_csv_session(activity)]
        kind = posixpath.splitext(name.casefold().removesuffix(".gz"))[1]
        parser = _PARSERS.get(kind)
        if parser is None:
            self.other_kinds[kind or name] += 1
            return [_csv_session(activity)]
        try:
            return _with_csv(activity, self._file(activity, name, kind, parser))
        except ImportFileError as error:
            if not self.skip_invalid:
                raise error
            self.unread.append(
                f"{error.file} ({error.problem.removesuffix(f' ({activity.where})')})"
            )
            return [_csv_session(activity)]

    def _file(
        self, activity: _Activity, name: str, kind: str, parser: Callable[..., ParseResult]
    ) -> list[Session]:
        """The sessions of the activity's file; ImportFileError naming the member and activity."""
        assert self.export is not None
        suffix = f" ({activity.where})"
        member = inside(name)
        label = self.export.label(name)
        if member is None:
            raise ImportFileError(label, f"points outside the export; not read{suffix}")
        target = self.tmp / f"activity{kind}"
        try:
            stream = self.export.open(member)
            if stream is None:
                raise ImportFileError(label, f"not in the export{suffix}")
            copy_member(stream, target, label)
            found = parser(target, skip_invalid=self.skip_invalid)
        except ImportFileError as error:
            if error.file == label and error.problem.endswith(suffix):
                raise
            raise _renamed(error, label, suffix) from None
        finally:
            target.unlink(missing_ok=True)
        if not found.sessions:  # a FIT wellness file (sleep, monitoring) gives none, and no error
            raise ImportFileError(label, f"holds no activity session{suffix}")
        self.result.warnings += [
            f"{member}: {w}" for w in found.warnings if not w.endswith("imported without a sport")
        ]
        self.result.skipped += [replace(s, file=label) for s in found.skipped]
        return [item.session for item in found.sessions]

    def warnings(self) -> list[str]:
        """What the person should know about the files read and not read."""
        found = []
        if self.unread:
            shown = "; ".join(self.unread[:3])
            more = f"; and {len(self.unread) - 3:,} more" if len(self.unread) > 3 else ""
            found.append(
                f"activity files that could not be read, their activities imported from {_CSV}"
                f" alone: {len(self.unread):,} ({shown}{more})"
            )
        if self.other_kinds:
            kinds = ", ".join(f"{k} {n:,}" for k, n in self.other_kinds.most_common())
            found.append(
                f"activity files of kinds restday does not read, their activities imported from"
                f" {_CSV} alone: {kinds}"
            )
        if self.not_read:
            found.append(
                f"activities whose files were not read, as {_CSV} was imported alone (import the"
                f" export's zip or folder to read them): {self.not_read:,}"
            )
        return found


def _no_sport_warning(types: Counter[str]) -> str:
    shown = ", ".join(f"{t or '(no type)'} {n:,}" for t, n in types.most_common())
    return (
        "activities imported as endurance without a sport, as restday has no sport for their"
        f" type: {shown}"
    )


def parse(
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ParseResult:
    """Read a Strava export (zip, folder or activities.csv): one session per activity, or for a
    multisport file one per sport; `progress(done, total)` is called now and then."""
    path = Path(path)
    result = ParseResult()
    with opened(path, _CSV) as (export, csv_path, label), tempfile.TemporaryDirectory() as tmp:
        activities, columns = _read_rows(csv_path, label, skip_invalid, result)
        reader = _Reader(export, Path(tmp), skip_invalid, result)
        total, step = len(activities), max(1, len(activities) // 100)
        if progress:
            progress(0, total)
        no_sport: Counter[str] = Counter()
        for done, activity in enumerate(activities, start=1):
            for index, session in enumerate(reader.sessions(activity)):
                parts = (activity.id,) if index == 0 else (activity.id, index)
                key = fingerprint(source, *parts)
                record = f"activity {activity.id}"
                result.sessions.append(ImportedSession(session, key, activity.line, record))
                if session.kind is SessionKind.ENDURANCE and session.sport is None:
                    no_sport[activity.type] += 1
            if progress and (done % step == 0 or done == total):
                progress(done, total)
    if not activities and not result.skipped:
        result.warnings.append(f"no activities in {_CSV}: it has a header but no rows")
    if columns.in_km and any(a.distance_km for a in activities):
        result.warnings.append(
            f"{_CSV} gives distances only in the account's display unit (km or miles); read as km"
        )
    if columns.outside:
        result.warnings.append(summary_warning(_CSV, columns.outside))
    if no_sport:
        result.warnings.append(_no_sport_warning(no_sport))
    result.warnings += reader.warnings()
    return result
