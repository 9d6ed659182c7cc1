"""The tables, as SQLAlchemy Core `Table`s: one per kind of record, every personal row has `user_id`.

Text columns are as long as `domain.bounds.TEXT_MAX` allows, so a validated text always fits.
Core only, no ORM: `sqlalchemy.orm` costs ~40 ms to import, a third of the `today` command's
start-up. Enum values are stored as plain strings (their `.value`) so that adding a member never
needs a migration; the repository turns them back into the domain's enums.
"""

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from restday.domain.bounds import TEXT_MAX
from restday.store.timestamps import UTCDateTime

__all__ = [
    "NAMING_CONVENTION",
    "checkin_injuries",
    "checkin_soreness",
    "checkins",
    "exercise_aliases",
    "metadata",
    "plans",
    "profiles",
    "readings",
    "session_exercises",
    "session_sets",
    "sessions",
    "users",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)
"""Every table, with named constraints so that later batch migrations can alter them."""


def user_id() -> Column[int]:
    """The owning user's id; deleting the user deletes the row."""
    return Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)


def parent_id(name: str, parent: str) -> Column[int]:
    """A reference to the parent row (`parent` is "table.column"); deleting it deletes this row."""
    return Column(name, Integer, ForeignKey(parent, ondelete="CASCADE"), nullable=False)


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(TEXT_MAX["user"]), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False, server_default=func.now()),
)
"""A person; the local single user is called "me"."""

profiles = Table(
    "profiles",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("goal", String(32), nullable=False),
    Column("experience", String(32), nullable=False),
    Column("timezone", String(TEXT_MAX["timezone"]), nullable=False),
    Column("body_mass_kg", Float),
    Column("lang", String(TEXT_MAX["lang"])),
    Column("resting_hr_bpm", Float),
    Column("max_hr_bpm", Float),
    Column("load_metric", String(16), nullable=False, server_default="srpe"),
)
"""A user's profile: goal, experience, time zone, body mass, language, heart rates, load metric."""

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    user_id(),
    Column("kind", String(32), nullable=False),
    Column("start_at", UTCDateTime, nullable=False),
    Column("minutes", Float, nullable=False),
    Column("rpe", Float),
    Column("intensity", String(32)),
    Column("sport", String(TEXT_MAX["activity"])),
    Column("class_kind", String(TEXT_MAX["activity"])),
    Column("recovery_kind", String(TEXT_MAX["activity"])),
    Column("distance_km", Float),
    Column("source", String(TEXT_MAX["source"]), nullable=False),
    Column("fingerprint", String(TEXT_MAX["fingerprint"])),
    Column("notes", Text),
    Column("created_at", UTCDateTime, nullable=False, server_default=func.now()),
    Column("avg_hr_bpm", Float),
    Column("max_hr_bpm", Float),
    UniqueConstraint("user_id", "fingerprint"),
    Index("ix_sessions_user_id_start_at", "user_id", "start_at"),
)
"""A training session; `fingerprint` lets importers skip what they stored before."""

session_exercises = Table(
    "session_exercises",
    metadata,
    Column("id", Integer, primary_key=True),
    parent_id("session_id", "sessions.id"),
    user_id(),
    Column("position", Integer, nullable=False),
    Column("name", String(TEXT_MAX["exercise"]), nullable=False),
    Column("exercise_id", String(TEXT_MAX["exercise_id"])),
    Column("rpe", Float),
    UniqueConstraint("session_id", "position"),
)
"""An exercise in a session: the name as written and its catalogue id (None if unmatched)."""

session_sets = Table(
    "session_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    parent_id("exercise_row_id", "session_exercises.id"),
    user_id(),
    Column("position", Integer, nullable=False),
    Column("reps", Integer),
    Column("seconds", Float),
    Column("weight_kg", Float),
    Column("rpe", Float),
    Column("set_type", String(16), nullable=False),
    UniqueConstraint("exercise_row_id", "position"),
)
"""One set of an exercise: reps or seconds, load in kg, effort and set type."""

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    user_id(),
    Column("at", UTCDateTime, nullable=False),
    Column("sleep_h", Float),
    Column("sleep_quality", Integer),
    Column("fatigue", Integer),
    Column("motivation", Integer),
    Column("irritable", Boolean, nullable=False),
    Column("resting_hr_bpm", Integer),
    Column("hrv_ms", Float),
    Column("source", String(TEXT_MAX["source"]), nullable=False, server_default="cli"),
    Index("ix_checkins_user_id_at", "user_id", "at"),
)
"""How the person felt at a moment: sleep, fatigue, motivation, heart; `source` as for sessions."""

checkin_soreness = Table(
    "checkin_soreness",
    metadata,
    Column("checkin_id", Integer, ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True),
    Column("region", String(32), primary_key=True),
    user_id(),
    Column("level", Integer, nullable=False),
)
"""Soreness of one region in a check-in (0 none to 3 very sore)."""

checkin_injuries = Table(
    "checkin_injuries",
    metadata,
    Column("checkin_id", Integer, ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True),
    Column("region", String(32), primary_key=True),
    user_id(),
)
"""A region reported injured in a check-in."""

readings = Table(
    "readings",
    metadata,
    Column("id", Integer, primary_key=True),
    user_id(),
    Column("measure", String(32), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("utc_offset_min", Integer, nullable=False),
    Column("start_at", UTCDateTime),
    Column("value", Float, nullable=False),
    Column("source", String(TEXT_MAX["source"]), nullable=False),
    Column("method", String(TEXT_MAX["method"]), nullable=False),
    Column("format", String(TEXT_MAX["source"]), nullable=False),
    Column("key", String(TEXT_MAX["fingerprint"]), nullable=False),
    UniqueConstraint("user_id", "key"),
    Index(None, "user_id", "measure", "at"),
)
"""What a device or app measured (a night's sleep, a resting heart rate, an HRV, a body mass),
apart from the person's own check-ins: `source` is the device, `format` the import that brought
it, `key` identifies it there; `at` is kept in UTC with the offset the device recorded."""

exercise_aliases = Table(
    "exercise_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    user_id(),
    Column("name", String(TEXT_MAX["exercise"]), nullable=False),
    Column("exercise_id", String(TEXT_MAX["exercise_id"]), nullable=False),
    UniqueConstraint("user_id", "name"),
)
"""A user's own name for a catalogue exercise."""

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    user_id(),
    Column("start", String(10), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, server_default=func.now()),
    Index(None, "user_id", "id"),
)
"""Plans the person asked for (the JSON of docs/planning.md); the newest guides re-planning."""
