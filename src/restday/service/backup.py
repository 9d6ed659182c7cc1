"""Backups and exports: a versioned JSON file with everything of a person, and a plain CSV of the sets.

A backup is read and validated in full (types, bounds, catalogue names, duplicates) before
anything is written, and restored in one transaction into a database that holds nothing yet of
the person.
"""

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restday.catalog import load_activities, load_exercises
from restday.domain import ActivityKind, CheckIn, Profile, Session
from restday.domain.bounds import EARLIEST, LATEST_ASKED
from restday.domain.data import Fields, read_checkin, read_profile, read_reading, read_session
from restday.domain.validate import (
    checkin_problems,
    profile_problems,
    reading_problems,
    session_problems,
    text_problem,
)
from restday.errors import Conflict, ImportFileError, Problem
from restday.service.outfile import write_output

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.reading_records import StoredReading
    from restday.store.repo import Repository, SessionItem, StoredSession

__all__ = [
    "BACKUP_VERSION",
    "CSV_COLUMNS",
    "Restored",
    "backup_data",
    "database_file",
    "export_csv",
    "export_json",
    "restore",
]

BACKUP_VERSION = 3
"""Version 2 added the saved plans, version 3 the readings of devices; older files are read too."""

CSV_COLUMNS = (
    "session_id", "start", "kind", "minutes", "rpe", "intensity", "sport", "class_kind", "recovery_kind",
    "distance_km", "avg_hr_bpm", "max_hr_bpm", "source", "exercise", "exercise_id", "set", "reps",
    "seconds", "weight_kg", "set_rpe", "set_type",
)  # fmt: skip
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SET_KEYS = ("reps", "seconds", "weight_kg", "rpe", "set_type")
_SHOWN_PROBLEMS = 3
_RECORDS = {
    "sessions": ("session", "sessions"),
    "checkins": ("check-in", "check-ins"),
    "readings": ("device reading", "device readings"),
    "aliases": ("exercise mapping", "exercise mappings"),
    "plans": ("plan", "plans"),
}


def database_file(db: "Database") -> str | None:
    """The SQLite file of the database, None for a server."""
    url = db.engine.url
    return url.database if url.get_backend_name() == "sqlite" else None


def _session_data(stored: "StoredSession") -> dict[str, Any]:
    data = stored.session.to_dict()
    for exercise, exercise_id in zip(data["exercises"], stored.exercise_ids, strict=True):
        exercise["exercise_id"] = exercise_id
    return {
        **data,
        "source": stored.source,
        "fingerprint": stored.fingerprint,
        "notes": stored.notes,
    }


def backup_data(db: "Database", *, user: str) -> dict[str, Any]:
    """Everything of one person as plain data, in the documented backup format."""
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        sources = tx.checkin_sources(user_id)
        return {
            "format": "restday-backup",
            "version": BACKUP_VERSION,
            "profile": tx.get_profile(user_id).to_dict(),
            "sessions": [_session_data(s) for s in tx.sessions_between(user_id, None, None)],
            "checkins": [
                {**c.to_dict(), "source": sources[c.id or 0]}
                for c in tx.checkins_between(user_id, None, None)
            ],
            "readings": [
                {**r.reading.to_dict(), "format": r.format, "key": r.key}
                for r in tx.readings_between(user_id, None, None)
            ],
            "aliases": dict(sorted(tx.aliases(user_id).items())),
            "plans": [
                {"start": start, "plan": json.loads(body)} for start, body in tx.plans(user_id)
            ],
        }


def export_json(db: "Database", file: Path, *, user: str) -> dict[str, int]:
    """Write the backup of one person to `file` (strict JSON: no NaN or infinity)."""
    data = backup_data(db, user=user)
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    write_output(file, text.encode("utf-8"), "file", database_file(db))
    return {"sessions": len(data["sessions"]), "checkins": len(data["checkins"])}


def export_csv(db: "Database", file: Path, *, user: str) -> dict[str, int]:
    """Write one row per set (one per session without sets) in the columns of CSV_COLUMNS."""
    data = backup_data(db, user=user)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for number, s in enumerate(data["sessions"], start=1):
        head = [number, *(s[k] for k in CSV_COLUMNS[1:13])]
        rows = [
            [e["name"], e["exercise_id"], index, *(x[k] for k in _SET_KEYS)]
            for e in s["exercises"]
            for index, x in enumerate(e["sets"], start=1)
        ]
        for row in rows or [[None] * 8]:
            writer.writerow(["" if v is None else v for v in head + row])
    write_output(file, out.getvalue().encode("utf-8"), "file", database_file(db))
    return {"sessions": len(data["sessions"])}


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore brought back, and whether it replaced a profile saved before."""

    sessions: int
    checkins: int
    aliases: int
    plans: int
    profile_replaced: bool
    dry_run: bool = False
    readings: int = 0


@dataclass(slots=True)
class _Backup:
    """A backup file read and validated in full."""

    profile: Profile
    sessions: list["SessionItem"]
    notes: list[str | None]
    checkins: list[tuple[CheckIn, str]]
    aliases: dict[str, str]
    plans: list[tuple[str, dict[str, Any]]]
    readings: list["StoredReading"]


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _load(file: Path) -> Any:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ImportFileError(file, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ImportFileError(file, "not a restday JSON backup: it is not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            file, f"not a restday JSON backup: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except ValueError as exc:
        raise ImportFileError(file, f"not a restday JSON backup: {exc}") from None
    except RecursionError:
        raise ImportFileError(file, "not a restday JSON backup: it is nested too deeply") from None


def _names(session: Session, path: str, problems: list[Problem]) -> None:
    """Sport, class and recovery names must be ones the catalogue knows, of their kind (a walk
    or yoga, with a recovery kind of its own, is recovery too)."""
    activities = load_activities()
    for field, name, kind in (
        ("sport", session.sport, ActivityKind.SPORT),
        ("class_kind", session.class_kind, ActivityKind.CLASS),
        ("recovery_kind", session.recovery_kind, ActivityKind.RECOVERY),
    ):
        fitting = sorted(
            a.name
            for a in activities.values()
            if (a.recovery is not None if kind is ActivityKind.RECOVERY else a.kind is kind)
        )
        if name is not None and name not in fitting:
            problems.append(
                Problem(f"{path}.{field}", f"must be one of {', '.join(fitting)}", name)
            )


def _exercise_ids(raw: dict[str, Any], path: str, problems: list[Problem]) -> list[str | None]:
    """The catalogue id of each exercise of a session (null for a name not mapped yet); an
    exercise that is not an object is named by `read_session`."""
    known = load_exercises()
    exercises = raw.get("exercises")
    ids: list[str | None] = []
    for i, exercise in enumerate(exercises if isinstance(exercises, list) else []):
        exercise_id = exercise.get("exercise_id") if isinstance(exercise, dict) else None
        if exercise_id is not None and (
            not isinstance(exercise_id, str) or exercise_id not in known
        ):
            where = f"{path}.exercises[{i}].exercise_id"
            problems.append(
                Problem(where, "must be the id of a catalogue exercise or null", exercise_id)
            )
        ids.append(exercise_id)
    return ids


def _sessions(data: Fields, now: datetime, problems: list[Problem], backup: _Backup) -> None:
    fingerprints: dict[str, str] = {}
    for i, raw in enumerate(data.items("sessions")):
        path = data.at("sessions", i)
        found: list[Problem] = []
        session = read_session(raw, path, found)
        if not isinstance(raw, dict):
            problems += found
            continue
        ids = _exercise_ids(raw, path, found)
        source = raw.get("source", "cli")
        fingerprint, notes = raw.get("fingerprint"), raw.get("notes")
        found += [
            p
            for p in (
                text_problem("source", source, f"{path}.source"),
                text_problem("fingerprint", fingerprint, f"{path}.fingerprint", required=False),
                text_problem("notes", notes, f"{path}.notes", required=False),
            )
            if p is not None
        ]
        if isinstance(fingerprint, str) and fingerprint in fingerprints:
            twin = fingerprints[fingerprint]
            found.append(
                Problem(f"{path}.fingerprint", f"is also the fingerprint of {twin}", fingerprint)
            )
        elif isinstance(fingerprint, str):
            fingerprints[fingerprint] = path
        if session is not None:
            _names(session, path, found)
            found += [_within(p, path) for p in session_problems(session, now=now)]
        problems += found
        if session is not None and not found:
            backup.sessions.append((session, ids, source, fingerprint))
            backup.notes.append(notes)


def _within(problem: Problem, path: str) -> Problem:
    return Problem(f"{path}.{problem.field}", problem.message, problem.value)


def _checkins(data: Fields, now: datetime, problems: list[Problem], backup: _Backup) -> None:
    for i, raw in enumerate(data.items("checkins")):
        path = data.at("checkins", i)
        checkin = read_checkin(raw, path, problems)
        source = raw.get("source", "cli") if isinstance(raw, dict) else "cli"
        source_problem = text_problem("source", source, f"{path}.source")
        if source_problem is not None:
            problems.append(source_problem)
        elif checkin is not None:
            found = [_within(p, path) for p in checkin_problems(checkin, now=now)]
            problems += found
            if not found:
                backup.checkins.append((checkin, source))


def _readings(data: Fields, now: datetime, problems: list[Problem], backup: _Backup) -> None:
    from restday.store.reading_records import StoredReading

    keys: set[str] = set()
    for i, raw in enumerate(data.items("readings")):
        path = data.at("readings", i)
        reading = read_reading(raw, path, problems)
        fmt = raw.get("format") if isinstance(raw, dict) else None
        key = raw.get("key") if isinstance(raw, dict) else None
        found = [
            text_problem("source", fmt, f"{path}.format"),
            text_problem("fingerprint", key, f"{path}.key"),
            *(_within(p, path) for p in (reading_problems(reading, now=now) if reading else [])),
        ]
        if isinstance(key, str) and key in keys:
            found.append(Problem(f"{path}.key", "is given twice", key))
        problems += [p for p in found if p is not None]
        if reading is not None and isinstance(fmt, str) and isinstance(key, str) and not any(found):
            keys.add(key)
            backup.readings.append(StoredReading(reading, fmt, key))


def _aliases(data: Fields, problems: list[Problem], backup: _Backup) -> None:
    known = load_exercises()
    for name, exercise_id in data.mapping("aliases").items():
        path = f"aliases.{name}"
        problem = text_problem("exercise", name, "aliases")
        if problem is not None:
            problems.append(problem)
        elif not isinstance(exercise_id, str) or exercise_id not in known:
            problems.append(Problem(path, "must be the id of a catalogue exercise", exercise_id))
        else:
            backup.aliases[name] = exercise_id


def _plan_date(text: object) -> bool:
    """Whether `text` is a date such as 2026-11-30 from 1970 to 2099."""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        return False
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return EARLIEST.date() <= day < LATEST_ASKED.date()


def _plan(raw: object) -> tuple[str, dict[str, Any]] | None:
    """A saved plan's (start, plan) as restday wrote them: days with dates, regions as lists."""
    if not isinstance(raw, dict) or not _plan_date(raw.get("start")):
        return None
    plan, start = raw.get("plan"), raw["start"]
    days = plan.get("days") if isinstance(plan, dict) else None
    if not isinstance(plan, dict) or not isinstance(days, list):
        return None
    for day in days:
        if not isinstance(day, dict) or not _plan_date(day.get("date")):
            return None
        if not isinstance(day.get("regions", []), list):
            return None
    try:
        json.dumps(plan, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return None
    return start, plan


def _plans(data: Fields, problems: list[Problem], backup: _Backup) -> None:
    for i, raw in enumerate(data.items("plans")):
        found = _plan(raw)
        if found is None:
            problems.append(
                Problem(
                    data.at("plans", i),
                    "must be a plan restday wrote: a start date and days with dates",
                    None,
                )
            )
        else:
            backup.plans.append(found)


def _read(file: Path, now: datetime) -> _Backup:
    """The backup in `file`, validated in full; every problem found raises one ImportFileError."""
    raw = _load(file)
    if not isinstance(raw, dict) or raw.get("format") != "restday-backup":
        raise ImportFileError(file, 'not a restday JSON backup (no "format": "restday-backup")')
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFileError(file, f"backup version {version!r} is not a version restday wrote")
    if version > BACKUP_VERSION:
        raise ImportFileError(
            file,
            f"backup version {version} was written by a newer restday; this one reads up to {BACKUP_VERSION}",
        )
    problems: list[Problem] = []
    data = Fields(raw, "", problems)
    profile = read_profile(raw.get("profile", {}), "profile", problems)
    if profile is not None:
        problems += [_within(p, "profile") for p in profile_problems(profile)]
    backup = _Backup(profile or Profile(), [], [], [], {}, [], [])
    _sessions(data, now, problems, backup)
    _checkins(data, now, problems, backup)
    _readings(data, now, problems, backup)
    _aliases(data, problems, backup)
    _plans(data, problems, backup)
    if problems:
        first = problems[0]
        more = len(problems) - 1
        extra = f" (and {more} more {'problem' if more == 1 else 'problems'})" if more else ""
        shown = "; ".join(p.worded() for p in problems[1:_SHOWN_PROBLEMS])
        also = f"; {shown}" if shown else ""
        value = None if first.value is None else str(first.value)
        raise ImportFileError(
            file, f"{first.message}{also}{extra}", record=first.field, value=value
        )
    return backup


def _refuse_if_in_use(tx: "Repository", user_id: int, file: Path) -> None:
    held = {kind: n for kind, n in tx.record_counts(user_id).items() if n}
    if held:
        what = ", ".join(f"{n} {_RECORDS[kind][n != 1]}" for kind, n in held.items())
        raise Conflict(
            f"{file}: restore needs a database without your records, but it already has {what}; "
            "restore into a new database (--database-url) instead"
        )


def restore(
    db: "Database",
    files: Sequence[Path],
    *,
    now: datetime,
    user: str,
    dry_run: bool = False,
) -> Restored:
    """Restore a backup into a database that holds nothing yet of this person; all or nothing.
    With `dry_run` the backup is checked in full and nothing is written."""
    if len(files) != 1:
        raise ImportFileError(", ".join(map(str, files)), "restore takes exactly one backup file")
    file = files[0]
    backup = _read(file, now)
    counts = (len(backup.sessions), len(backup.checkins), len(backup.aliases), len(backup.plans))
    readings = len(backup.readings)
    if dry_run:
        with db.reading() as tx:
            user_id = tx.existing_user(user)
            _refuse_if_in_use(tx, user_id, file)
            replaced = tx.has_profile(user_id)
            return Restored(*counts, replaced, dry_run=True, readings=readings)
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        _refuse_if_in_use(tx, user_id, file)
        replaced = tx.has_profile(user_id)
        tx.save_profile(user_id, backup.profile)
        tx.add_sessions(user_id, backup.sessions, notes=backup.notes)
        for checkin, source in backup.checkins:
            tx.add_checkin(user_id, checkin, source)
        tx.add_readings(user_id, backup.readings)
        for name, exercise_id in backup.aliases.items():
            tx.set_alias(user_id, name, exercise_id)
        for start, plan in backup.plans:
            tx.save_plan(user_id, start, json.dumps(plan, allow_nan=False))
    return Restored(*counts, profile_replaced=replaced, readings=readings)
