"""Bring training history in: parse files, map exercise names, add what is new in one transaction."""

import importlib
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from restday.catalog import exercise_candidates, resolve_activity, resolve_exercise
from restday.domain import ActivityKind, Measure, Session, SessionKind
from restday.domain.validate import reading_problems, require, session_problems, text_problem
from restday.errors import ImportFileError, InvalidInput, Problem
from restday.io.base import ImportedReading, ImportedSession, ParseResult, SkippedRow

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.reading_records import StoredReading
    from restday.store.repo import Repository, SessionItem, StoredSession

__all__ = [
    "FORMATS",
    "ImportReport",
    "Unmatched",
    "expand",
    "import_files",
    "map_exercise",
    "unmatched",
]

# Format name -> (module, file name endings).
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "strong": ("restday.io.strong", (".csv",)),
    "hevy": ("restday.io.hevy", (".csv",)),
    "fit": ("restday.io.fit", (".fit",)),
    "gpx": ("restday.io.gpx", (".gpx",)),
    "tcx": ("restday.io.tcx", (".tcx",)),
    "apple-health": ("restday.io.apple_health", (".zip", ".xml")),
    "strava": ("restday.io.strava", (".zip", ".csv")),
}
# Formats whose file is an archive: a folder named is the unzipped archive, not a pile of files.
ARCHIVES = frozenset({"apple-health", "strava"})
# The file's column that gives a session's field, where the gate can name it (the start: a
# workout's first line holds its date).
GATE_COLUMNS = {"strong": {"start": "Date"}, "hevy": {"start": "start_time"}}
# One person does one session of a kind at a time: a session that starts this close to one from
# another source (another app or format, or logged by hand) or another device (a watch and a bike
# computer) and overlaps for most of the shorter one is the same activity recorded twice. Within one
# app's export the fingerprint alone decides (several people's exports may be imported together).
SAME_ACTIVITY_START = timedelta(minutes=10)
SAME_ACTIVITY_OVERLAP = 0.5
DEVICE_FORMATS = frozenset({"fit", "gpx", "tcx", "apple-health", "strava"})


@dataclass(frozen=True, slots=True)
class Unmatched:
    """An exercise name the catalogue does not know: how often it occurs, and the closest names."""

    name: str
    count: int
    candidates: tuple[str, ...]


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, with --dry-run, would do)."""

    files: list[str] = field(default_factory=list)
    sessions_added: int = 0
    sets_added: int = 0
    sessions_skipped_duplicate: int = 0
    sessions_replaced: int = 0
    rows_skipped_invalid: list[SkippedRow] = field(default_factory=list)
    unmatched_exercises: list[Unmatched] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    dry_run: bool = False
    nights_added: int = 0
    nights_skipped_duplicate: int = 0
    nights_replaced: int = 0
    readings_added: int = 0
    readings_skipped_duplicate: int = 0
    readings_replaced: int = 0


def expand(paths: Sequence[Path], fmt: str) -> list[Path]:
    """The files named, with folders replaced by the files in them that have this format's ending
    (an archive format's folder is the unzipped archive: it stays one)."""
    return [path for path, _ in _expanded(paths, fmt)]


def _expanded(paths: Sequence[Path], fmt: str) -> list[tuple[Path, bool]]:
    """`expand`'s files, each with whether it was found in a folder (not named itself)."""
    endings = FORMATS[fmt][1]
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir() and fmt not in ARCHIVES:
            found += sorted(
                (p, True) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in endings
            )
        elif path.exists():
            found.append((path, False))
        else:
            raise ImportFileError(path, "no such file or folder")
    if not found:
        raise InvalidInput(f"No {fmt} files found in {', '.join(str(p) for p in paths)}")
    return found


def _parse(
    fmt: str,
    path: Path,
    skip_invalid: bool,
    tz: tzinfo,
    in_folder: bool,
    within: Callable[[int, int], None] | None,
) -> ParseResult:
    module = importlib.import_module(FORMATS[fmt][0])
    if fmt in ARCHIVES:
        result: ParseResult = module.parse(path, skip_invalid=skip_invalid, progress=within)
    elif fmt in ("strong", "hevy"):
        result = module.parse(path, skip_invalid=skip_invalid, tz=tz)
    elif fmt == "fit":
        # A Garmin folder holds settings and other files beside activities and wellness data.
        result = module.parse(path, skip_invalid=skip_invalid, in_folder=in_folder)
    else:
        result = module.parse(path, skip_invalid=skip_invalid)
    return result


def _valid(
    file: Path,
    fmt: str,
    result: ParseResult,
    now: datetime,
    skip_invalid: bool,
) -> list[ImportedSession]:
    """The file's sessions that pass the validation gate; the others raise, or are skipped (into
    `result.skipped`). A problem is named by the file's column where the format has one."""
    kept = []
    valid_sets: set[int] = set()  # the file's sets stay alive (in `result`) while it is checked
    for item in result.sessions:
        problems = session_problems(item.session, now=now, valid_sets=valid_sets)
        if not problems:
            kept.append(item)
            continue
        column = GATE_COLUMNS.get(fmt, {}).get(problems[0].field, problems[0].field)
        _refuse(file, problems[0], column, item, "session", skip_invalid, result)
    readings = []
    for reading in result.readings:
        problems = reading_problems(reading.reading, now=now)
        if problems:
            _refuse(file, problems[0], problems[0].field, reading, "reading", skip_invalid, result)
        else:
            readings.append(reading)
    result.readings = readings
    return kept


def _refuse(
    file: Path,
    first: Problem,
    column: str,
    item: ImportedSession | ImportedReading,
    what: str,
    skip_invalid: bool,
    result: ParseResult,
) -> None:
    """Raise the first problem of an invalid record, or with --skip-invalid, note it as skipped."""
    value = None if first.value is None else str(first.value)
    if not skip_invalid:
        raise ImportFileError(
            file, first.message, line=item.line, record=item.record, column=column, value=value
        )
    problem = f"{first.message}; the whole {what} is left out"
    result.skipped.append(SkippedRow(str(file), item.line, problem, column, value, item.record))


def _incomplete(
    file: Path, result: ParseResult, kept: list[ImportedSession], tz: tzinfo
) -> list[str]:
    """Warnings for sessions imported without some of their rows, and how to bring them in later."""
    again = "once they are fixed, import the file again with --replace to bring them in"
    found = []
    for item in kept:
        if item.skipped_rows:
            rows = "row" if item.skipped_rows == 1 else "rows"
            found.append(
                f"{file}: the session at {item.session.start.astimezone(tz):%Y-%m-%d %H:%M} "
                f"(line {item.line}) is imported without its {item.skipped_rows} skipped {rows}; {again}"
            )
    unplaced = len(result.skipped) - sum(item.skipped_rows for item in result.sessions)
    if kept and unplaced > 0:
        found.append(f"{file}: its sessions are imported without {unplaced} skipped rows; {again}")
    return found


class _Parsed(NamedTuple):
    """A session read from a file, and whether the file gave all of its rows."""

    file: Path
    item: ImportedSession
    complete: bool


class _Names:
    """Exercise name -> catalogue id (or None), through the user's aliases, then the catalogue."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = aliases
        self.cache: dict[str, str | None] = {}

    def id_of(self, name: str) -> str | None:
        if name not in self.cache:
            exercise_id = self.aliases.get(name)
            if exercise_id is None:
                try:
                    exercise_id = resolve_exercise(name).id
                except InvalidInput:
                    exercise_id = None
            self.cache[name] = exercise_id
        return self.cache[name]


def _as_endurance(session: Session) -> Session:
    """A lifting app's workout that only logs one cardio sport ("Running", "Cycling") as that sport."""
    if session.kind is not SessionKind.STRENGTH or not session.exercises:
        return session
    sports = set()
    for exercise in session.exercises:
        try:
            sports.add(resolve_activity(exercise.name, ActivityKind.SPORT).name)
        except InvalidInput:
            return session
    if len(sports) != 1:
        return session
    return replace(session, kind=SessionKind.ENDURANCE, sport=sports.pop())


class _Recorded:
    """Sessions stored or imported before, to find one activity recorded twice."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.spans: defaultdict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)

    @staticmethod
    def _group(kind: SessionKind) -> str:
        return "lifting" if kind in (SessionKind.STRENGTH, SessionKind.BODYWEIGHT) else kind.value

    def add(self, kind: SessionKind, start: datetime, minutes: float, where: str) -> None:
        """Remember a session; `where` names its origin in the warning for a later copy."""
        insort(self.spans[self._group(kind)], (start, start + timedelta(minutes=minutes), where))

    def same_as(self, session: Session) -> str | None:
        """When and where a remembered session that is the same activity as `session` started."""
        spans = self.spans[self._group(session.kind)]
        first = bisect_left(spans, (session.start - SAME_ACTIVITY_START,))
        for index in range(first, len(spans)):  # islice(spans, first) would walk from 0
            start, end, where = spans[index]
            if start > session.start + SAME_ACTIVITY_START:
                break
            overlap = min(end, session.end) - max(start, session.start)
            shorter = min(end - start, session.end - session.start)
            if overlap > shorter * SAME_ACTIVITY_OVERLAP or overlap == shorter:
                return f"{self.when(start)} ({where})"
        return None

    def when(self, start: datetime) -> str:
        """A start time as a warning shows it: in the profile's time zone, to the minute."""
        return f"{start.astimezone(self.tz):%Y-%m-%d %H:%M}"


def import_files(
    db: "Database",
    fmt: str,
    paths: Sequence[Path],
    *,
    now: datetime,
    user: str,
    skip_invalid: bool = False,
    dry_run: bool = False,
    replace: bool = False,
    progress: Callable[[Path], None] | None = None,
    within: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Parse and validate every file first (nothing is written if one fails), then add the new
    sessions and readings at once; with `replace`, sessions imported before that the files now
    give differently are replaced by the files' version. `progress` hears of each file done,
    `within` of the progress (done, total) through an archive."""
    from restday.store.reading_records import StoredReading

    found = _expanded(paths, fmt)
    files = [path for path, _ in found]
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        tz = ZoneInfo(tx.get_profile(user_id).timezone)
        names = _Names(tx.aliases(user_id))
    report = ImportReport(files=[str(f) for f in files], dry_run=dry_run)
    parsed: list[_Parsed] = []
    readings: list[StoredReading] = []
    for file, in_folder in found:
        try:
            result = _parse(fmt, file, skip_invalid, tz, in_folder, within)
            kept = _valid(file, fmt, result, now, skip_invalid)
        except ImportFileError as error:
            if not skip_invalid or len(files) == 1:
                raise
            report.files_skipped.append(str(error))
            report.files.remove(str(file))
            continue
        unplaced = len(result.skipped) > sum(item.skipped_rows for item in result.sessions)
        parsed += [_Parsed(file, item, not (unplaced or item.skipped_rows)) for item in kept]
        readings += [StoredReading(r.reading, fmt, r.key) for r in result.readings]
        report.rows_skipped_invalid += result.skipped
        report.warnings += [f"{file}: {w}" for w in result.warnings]
        report.warnings += _incomplete(file, result, kept, tz)
        if progress:
            progress(file)
    if not parsed and not readings:
        return report
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        if parsed:
            _add(tx, user_id, fmt, parsed, names, tz, report, replace)
        _add_readings(tx, user_id, readings, report)
    return report


def _add_readings(
    tx: "Repository", user_id: int, readings: list["StoredReading"], report: ImportReport
) -> None:
    """Add the readings whose keys are new, replace those a file now gives differently, and
    count nights of sleep apart from the other readings."""
    stored = tx.readings_with_keys(user_id, [r.key for r in readings])
    new: dict[str, StoredReading] = {}
    changed: dict[str, StoredReading] = {}
    for item in readings:
        night = item.reading.measure is Measure.SLEEP_H
        old = stored.get(item.key)
        twin = new.get(item.key) or changed.get(item.key)
        if twin is not None:
            outcome = "skipped_duplicate"
            if item.reading.at > twin.reading.at:  # one key in several files: the latest wins
                (new if item.key in new else changed)[item.key] = item
        elif old and _same_reading(old, item):
            outcome = "skipped_duplicate"
        elif old is None:
            new[item.key], outcome = item, "added"
        else:
            changed[item.key], outcome = item, "replaced"
        counter = f"{'nights' if night else 'readings'}_{outcome}"
        setattr(report, counter, getattr(report, counter) + 1)
    if not report.dry_run:
        tx.add_readings(user_id, list(new.values()))
        tx.replace_readings(user_id, list(changed.values()))


def _same_reading(old: "StoredReading", new: "StoredReading") -> bool:
    """Whether a stored reading holds what the file gives now (times compared as moments)."""
    a, b = old.reading, new.reading
    same_offset = a.at.utcoffset() == b.at.utcoffset()
    return same_offset and replace(a, id=None) == replace(b, id=None) and old.format == new.format


def _add(
    tx: "Repository",
    user_id: int,
    fmt: str,
    parsed: list["_Parsed"],
    names: "_Names",
    tz: tzinfo,
    report: ImportReport,
    replace: bool,
) -> None:
    """Add the parsed sessions that are new (and with `replace`, those that changed)."""
    unmatched: Counter[str] = Counter()
    items: list[SessionItem] = []
    replaced: list[int] = []
    seen: set[str] = set()
    recorded = _Recorded(tz)
    known = tx.known_fingerprints(user_id, [p.item.fingerprint for p in parsed])
    stored = {}
    if replace and known:
        stored = {s.fingerprint: s for s in tx.sessions_with_fingerprints(user_id, known)}
    fresh = [p.item.session.start for p in parsed if p.item.fingerprint not in known]
    if fresh:
        for session_id, kind, start, minutes, source in tx.session_spans(
            user_id, min(fresh) - SAME_ACTIVITY_START, max(fresh) + SAME_ACTIVITY_START
        ):
            if source != fmt or fmt in DEVICE_FORMATS:
                recorded.add(kind, start, minutes, f"session {session_id} from {source}")
    for file, item, complete in parsed:
        if item.fingerprint in seen:
            report.sessions_skipped_duplicate += 1
            continue
        seen.add(item.fingerprint)
        session = _as_endurance(item.session)
        if session is item.session:
            ids = [names.id_of(e.name) for e in session.exercises]
        else:
            ids = [None] * len(session.exercises)
        if item.fingerprint in known:
            old = stored.get(item.fingerprint)
            if old is None or _same(old, session, ids, fmt):
                report.sessions_skipped_duplicate += 1
                continue
            if not complete:
                report.sessions_skipped_duplicate += 1
                report.warnings.append(
                    f"{file}: the session at {recorded.when(session.start)} is not replaced: "
                    "the file gave it without some of its rows"
                )
                continue
            assert old.session.id is not None
            replaced.append(old.session.id)
        else:
            twin = recorded.same_as(session)
            if twin is not None:
                report.sessions_skipped_duplicate += 1
                report.warnings.append(
                    f"{file}: the session at {recorded.when(session.start)} is the same "
                    f"activity as the one at {twin}; not imported twice"
                )
                continue
            if fmt in DEVICE_FORMATS:
                recorded.add(session.kind, session.start, session.minutes, file.name)
        if session is item.session:
            unmatched.update(
                e.name for e, i in zip(session.exercises, ids, strict=True) if i is None
            )
        items.append((session, ids, fmt, item.fingerprint))
    report.sessions_replaced = len(replaced)
    report.sessions_added = len(items) - len(replaced)
    report.sets_added = sum(len(e.sets) for s, *_ in items for e in s.exercises)
    if not report.dry_run:
        tx.delete_sessions(user_id, replaced)
        tx.add_sessions(user_id, items)
    report.unmatched_exercises = [
        Unmatched(name, count, tuple(exercise_candidates(name)))
        for name, count in unmatched.most_common()
    ]


def _same(old: "StoredSession", session: Session, ids: Sequence[str | None], fmt: str) -> bool:
    """Whether a stored session holds what the file gives now (times compared in UTC)."""

    def plain(s: Session) -> dict[str, object]:
        return replace(s, start=s.start.astimezone(UTC), id=None).to_dict()

    return (old.source, list(old.exercise_ids), plain(old.session)) == (
        fmt,
        list(ids),
        plain(session),
    )


def map_exercise(db: "Database", name: str, target: str, *, user: str) -> tuple[str, int]:
    """Map an imported exercise name to a catalogue exercise; returns its name and the rows changed."""
    require([text_problem("exercise", name, "name")])
    exercise = resolve_exercise(target)
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        tx.set_alias(user_id, name, exercise.id)
        return exercise.name, tx.apply_alias(user_id, name, exercise.id)


def unmatched(db: "Database", *, user: str) -> list[Unmatched]:
    """Exercise names in the history that no catalogue exercise or alias covers, most frequent first."""
    with db.reading() as tx:
        counts = tx.unmatched_exercise_names(tx.existing_user(user))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Unmatched(name, count, tuple(exercise_candidates(name))) for name, count in ordered]
