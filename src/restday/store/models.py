"""SQLAlchemy models: one table per kind of record, every personal row scoped by `user_id`.

Enum values are stored as plain strings (their `.value`) so that adding a member never needs a
migration; the repository turns them back into the domain's enums.
"""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from restday.store.timestamps import UTCDateTime

__all__ = [
    "AliasRow",
    "Base",
    "CheckInRow",
    "ExerciseRow",
    "InjuryRow",
    "ProfileRow",
    "SessionRow",
    "SetRow",
    "SorenessRow",
    "UserRow",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with named constraints, so later batch migrations can alter them."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def user_fk() -> Mapped[int]:
    """The owning user's id; deleting the user deletes the row."""
    return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)


class UserRow(Base):
    """A person; the local single user is called "me"."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class ProfileRow(Base):
    """A user's profile (goal, experience, time zone, body mass, language)."""

    __tablename__ = "profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    goal: Mapped[str] = mapped_column(String(32))
    experience: Mapped[str] = mapped_column(String(32))
    timezone: Mapped[str] = mapped_column(String(64))
    body_mass_kg: Mapped[float | None] = mapped_column(Float)
    lang: Mapped[str | None] = mapped_column(String(16))


class SessionRow(Base):
    """A training session; `fingerprint` lets importers skip what they stored before."""

    __tablename__ = "sessions"
    __table_args__ = (
        UniqueConstraint("user_id", "fingerprint"),
        Index("ix_sessions_user_id_start_at", "user_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_fk()
    kind: Mapped[str] = mapped_column(String(32))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[float] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    intensity: Mapped[str | None] = mapped_column(String(32))
    sport: Mapped[str | None] = mapped_column(String(64))
    class_kind: Mapped[str | None] = mapped_column(String(64))
    recovery_kind: Mapped[str | None] = mapped_column(String(64))
    distance_km: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(32))
    fingerprint: Mapped[str | None] = mapped_column(String(128))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())

    exercises: Mapped[list["ExerciseRow"]] = relationship(
        order_by="ExerciseRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
    )


class ExerciseRow(Base):
    """An exercise in a session: the name as written and its catalogue id (None if unmatched)."""

    __tablename__ = "session_exercises"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False
    )
    user_id: Mapped[int] = user_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    exercise_id: Mapped[str | None] = mapped_column(String(100))
    rpe: Mapped[float | None] = mapped_column(Float)

    sets: Mapped[list["SetRow"]] = relationship(
        order_by="SetRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
    )


class SetRow(Base):
    """One set of an exercise: reps or seconds, load in kg, effort and set type."""

    __tablename__ = "session_sets"
    __table_args__ = (UniqueConstraint("exercise_row_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_row_id: Mapped[int] = mapped_column(
        ForeignKey("session_exercises.id", ondelete="CASCADE"), nullable=False
    )
    user_id: Mapped[int] = user_fk()
    position: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float | None] = mapped_column(Float)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    set_type: Mapped[str] = mapped_column(String(16))


class CheckInRow(Base):
    """How the person felt at a moment: sleep, fatigue, motivation, heart."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_user_id_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_fk()
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    sleep_h: Mapped[float | None] = mapped_column(Float)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    fatigue: Mapped[int | None] = mapped_column(Integer)
    motivation: Mapped[int | None] = mapped_column(Integer)
    irritable: Mapped[bool] = mapped_column(Boolean)
    resting_hr_bpm: Mapped[int | None] = mapped_column(Integer)
    hrv_ms: Mapped[float | None] = mapped_column(Float)

    soreness: Mapped[list["SorenessRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    injuries: Mapped[list["InjuryRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class SorenessRow(Base):
    """Soreness of one region in a check-in (0 none to 3 very sore)."""

    __tablename__ = "checkin_soreness"

    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = user_fk()
    level: Mapped[int] = mapped_column(Integer)


class InjuryRow(Base):
    """A region reported injured in a check-in."""

    __tablename__ = "checkin_injuries"

    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = user_fk()


class AliasRow(Base):
    """A user's own name for a catalogue exercise."""

    __tablename__ = "exercise_aliases"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_fk()
    name: Mapped[str] = mapped_column(String(200))
    exercise_id: Mapped[str] = mapped_column(String(100))
