"""Backups and exports: a versioned JSON file with everything of a person, and a plain CSV of the sets."""

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restday.domain import CheckIn, Profile, Session
from restday.errors import ImportFileError
from restday.service import LOCAL_USER

if TYPE_CHECKING:
    from restday.store.db import Database
    from restday.store.repo import SessionItem, StoredSession

__all__ = ["BACKUP_VERSION", "CSV_COLUMNS", "export_csv", "export_json", "restore"]

BACKUP_VERSION = 1
CSV_COLUMNS = (
    "session_id", "start", "kind", "minutes", "rpe", "intensity", "sport", "class_kind", "recovery_kind",
    "distance_km", "avg_hr_bpm", "max_hr_bpm", "source", "exercise", "exercise_id", "set", "reps",
    "seconds", "weight_kg", "set_rpe", "set_type",
)  # fmt: skip


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


def backup_data(db: "Database", user: str = LOCAL_USER) -> dict[str, Any]:
    """Everything of one person as plain data, in the documented backup format."""
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        return {
            "format": "restday-backup",
            "version": BACKUP_VERSION,
            "profile": tx.get_profile(user_id).to_dict(),
            "sessions": [_session_data(s) for s in tx.sessions_between(user_id, None, None)],
            "checkins": [c.to_dict() for c in tx.checkins_between(user_id, None, None)],
            "aliases": dict(sorted(tx.aliases(user_id).items())),
        }


def export_json(db: "Database", file: Path, user: str = LOCAL_USER) -> dict[str, int]:
    """Write the backup of one person to `file`."""
    data = backup_data(db, user)
    file.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"sessions": len(data["sessions"]), "checkins": len(data["checkins"])}


def export_csv(db: "Database", file: Path, user: str = LOCAL_USER) -> dict[str, int]:
    """Write one row per set (one per session without sets) in the columns of CSV_COLUMNS."""
    data = backup_data(db, user)
    with file.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for number, s in enumerate(data["sessions"], start=1):
            head = [number, *(s[k] for k in CSV_COLUMNS[1:13])]
            rows = [
                [
                    e["name"],
                    e["exercise_id"],
                    index,
                    x["reps"],
                    x["seconds"],
                    x["weight_kg"],
                    x["rpe"],
                    x["set_type"],
                ]
                for e in s["exercises"]
                for index, x in enumerate(e["sets"], start=1)
            ]
            for row in rows or [[None] * 8]:
                writer.writerow(["" if v is None else v for v in head + row])
    return {"sessions": len(data["sessions"])}


def _session(data: dict[str, Any]) -> "SessionItem":
    ids = [e["exercise_id"] for e in data["exercises"]]
    return Session.from_dict(data), ids, data["source"], data["fingerprint"]


def restore(db: "Database", files: Sequence[Path], user: str = LOCAL_USER) -> dict[str, int]:
    """Restore a backup into a database that has no sessions yet for this person; all or nothing."""
    if len(files) != 1:
        raise ImportFileError(", ".join(map(str, files)), "restore takes exactly one backup file")
    file = files[0]
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFileError(file, f"not a restday JSON backup ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != "restday-backup":
        raise ImportFileError(file, 'not a restday JSON backup (no "format": "restday-backup")')
    version = data.get("version")
    if not isinstance(version, int) or version > BACKUP_VERSION:
        raise ImportFileError(
            file,
            f"backup version {version} was written by a newer restday; this one reads up to {BACKUP_VERSION}",
        )
    try:
        sessions = [_session(s) for s in data["sessions"]]
        checkins = [CheckIn.from_dict(c) for c in data["checkins"]]
        profile = Profile.from_dict(data["profile"])
        aliases = dict(data["aliases"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ImportFileError(file, f"malformed backup: {type(exc).__name__} {exc}") from None
    with db.transaction() as tx:
        user_id = tx.ensure_user(user)
        existing = len(tx.session_loads(user_id, None, None))
        if existing:
            raise ImportFileError(
                file, f"restore needs an empty database, but it already has {existing} sessions"
            )
        tx.save_profile(user_id, profile)
        tx.add_sessions(user_id, sessions, notes=[s.get("notes") for s in data["sessions"]])
        for checkin in checkins:
            tx.add_checkin(user_id, checkin)
        for name, exercise_id in aliases.items():
            tx.set_alias(user_id, name, exercise_id)
    return {"sessions": len(sessions), "checkins": len(checkins)}
