"""The repository: domain objects in and out of the database, every call scoped by user id."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from restday.domain import (
    CheckIn,
    ExerciseEntry,
    Experience,
    Goal,
    Intensity,
    Profile,
    Region,
    Session,
    SessionKind,
    SetEntry,
    SetType,
)
from restday.errors import NotFound
from restday.store.models import (
    CheckInRow,
    ExerciseRow,
    InjuryRow,
    ProfileRow,
    SessionRow,
    SetRow,
    SorenessRow,
    UserRow,
)
from restday.store.timestamps import as_utc

__all__ = ["Repository", "StoredSession"]


# The domain's ExerciseEntry carries muscles, not catalogue ids. The store keeps each exercise's
# catalogue id (None for a name the catalogue did not match) and hands it back beside the session,
# so muscles are resolved from the catalogue in use when a session is read, never frozen in the
# database; the returned ExerciseEntry has empty muscle sets until the service fills them in.
@dataclass(frozen=True, slots=True)
class StoredSession:
    """A stored session (its `id` set) and the catalogue id of each exercise, in the same order."""

    session: Session
    exercise_ids: tuple[str | None, ...]
    source: str = "cli"
    notes: str | None = None


class Repository:
    """Reads and writes of one transaction (see `Database.transaction`)."""

    def __init__(self, session: OrmSession) -> None:
        """Work in the given SQLAlchemy session, whose transaction the caller owns."""
        self.orm = session

    def ensure_user(self, name: str = "me") -> int:
        """The id of the user called `name`, created on first use."""
        found = self.orm.scalar(select(UserRow.id).where(UserRow.name == name))
        if found is not None:
            return found
        user = UserRow(name=name)
        self.orm.add(user)
        self.orm.flush()
        return user.id

    def get_profile(self, user_id: int) -> Profile:
        """The user's profile, or the default profile when none was saved."""
        row = self.orm.get(ProfileRow, user_id)
        if row is None:
            return Profile()
        return Profile(
            goal=Goal(row.goal),
            experience=Experience(row.experience),
            timezone=row.timezone,
            body_mass_kg=row.body_mass_kg,
            lang=row.lang,
        )

    def save_profile(self, user_id: int, profile: Profile) -> None:
        """Store the user's profile, replacing the one saved before."""
        row = self.orm.get(ProfileRow, user_id) or ProfileRow(user_id=user_id)
        row.goal = profile.goal.value
        row.experience = profile.experience.value
        row.timezone = profile.timezone
        row.body_mass_kg = profile.body_mass_kg
        row.lang = profile.lang
        self.orm.add(row)
        self.orm.flush()

    def add_session(
        self,
        user_id: int,
        session: Session,
        exercise_ids: Sequence[str | None] | None = None,
        source: str = "cli",
        fingerprint: str | None = None,
        notes: str | None = None,
    ) -> int:
        """Store a session with its exercises and sets; `exercise_ids` are their catalogue ids."""
        ids = list(exercise_ids) if exercise_ids is not None else [None] * len(session.exercises)
        if len(ids) != len(session.exercises):
            raise ValueError(
                f"{len(ids)} exercise ids given for {len(session.exercises)} exercises"
            )
        row = SessionRow(
            user_id=user_id,
            kind=session.kind.value,
            start_at=as_utc(session.start),
            minutes=session.minutes,
            rpe=session.rpe,
            intensity=session.intensity.value if session.intensity else None,
            sport=session.sport,
            class_kind=session.class_kind,
            recovery_kind=session.recovery_kind,
            distance_km=session.distance_km,
            source=source,
            fingerprint=fingerprint,
            notes=notes,
            exercises=[
                exercise_row(user_id, position, entry, exercise_id)
                for position, (entry, exercise_id) in enumerate(
                    zip(session.exercises, ids, strict=True)
                )
            ],
        )
        self.orm.add(row)
        self.orm.flush()
        return row.id

    def sessions_between(
        self, user_id: int, start: datetime | None, end: datetime | None
    ) -> list[StoredSession]:
        """The user's sessions from `start` through `end` (inclusive; None: open), oldest first."""
        # Three queries however many sessions: sessions, then their exercises, then their sets.
        query = sessions_query(user_id).order_by(SessionRow.start_at, SessionRow.id)
        if start is not None:
            query = query.where(SessionRow.start_at >= as_utc(start))
        if end is not None:
            query = query.where(SessionRow.start_at <= as_utc(end))
        return [stored_session(row) for row in self.orm.scalars(query)]

    def overlapping_sessions(self, user_id: int, start: datetime, end: datetime) -> list[int]:
        """Ids of the user's sessions that overlap the span from `start` to `end`, oldest first."""
        start, end = as_utc(start), as_utc(end)
        longest = self.orm.scalar(
            select(func.max(SessionRow.minutes)).where(SessionRow.user_id == user_id)
        )
        if longest is None:
            return []
        candidates = self.orm.execute(
            select(SessionRow.id, SessionRow.start_at, SessionRow.minutes)
            .where(
                SessionRow.user_id == user_id,
                SessionRow.start_at < end,
                SessionRow.start_at > start - timedelta(minutes=longest),
            )
            .order_by(SessionRow.start_at, SessionRow.id)
        )
        return [
            session_id
            for session_id, started, minutes in candidates
            if started + timedelta(minutes=minutes) > start
        ]

    def delete_session(self, user_id: int, session_id: int) -> Session:
        """Delete one of the user's sessions (its exercises and sets with it) and return it."""
        row = self.orm.scalar(sessions_query(user_id).where(SessionRow.id == session_id))
        if row is None:
            raise NotFound(f"No session with id {session_id}")
        deleted = stored_session(row).session
        self.orm.execute(
            delete(SessionRow).where(SessionRow.id == session_id, SessionRow.user_id == user_id)
        )
        return deleted

    def add_checkin(self, user_id: int, checkin: CheckIn) -> int:
        """Store a check-in with its soreness per region and its injuries."""
        row = CheckInRow(
            user_id=user_id,
            at=as_utc(checkin.at),
            sleep_h=checkin.sleep_h,
            sleep_quality=checkin.sleep_quality,
            fatigue=checkin.fatigue,
            motivation=checkin.motivation,
            irritable=checkin.irritable,
            resting_hr_bpm=checkin.resting_hr_bpm,
            hrv_ms=checkin.hrv_ms,
            soreness=[
                SorenessRow(user_id=user_id, region=region.value, level=level)
                for region, level in sorted(checkin.soreness.items())
            ],
            injuries=[
                InjuryRow(user_id=user_id, region=region.value)
                for region in sorted(checkin.injuries)
            ],
        )
        self.orm.add(row)
        self.orm.flush()
        return row.id

    def checkins_between(
        self, user_id: int, start: datetime | None, end: datetime | None
    ) -> list[CheckIn]:
        """The user's check-ins from `start` through `end` (inclusive; None: open), oldest first."""
        query = (
            select(CheckInRow)
            .where(CheckInRow.user_id == user_id)
            .options(selectinload(CheckInRow.soreness), selectinload(CheckInRow.injuries))
            .order_by(CheckInRow.at, CheckInRow.id)
        )
        if start is not None:
            query = query.where(CheckInRow.at >= as_utc(start))
        if end is not None:
            query = query.where(CheckInRow.at <= as_utc(end))
        return [checkin(row) for row in self.orm.scalars(query)]


def sessions_query(user_id: int) -> Select[SessionRow]:
    """The user's sessions with their exercises and sets loaded eagerly (selectin)."""
    return (
        select(SessionRow)
        .where(SessionRow.user_id == user_id)
        .options(selectinload(SessionRow.exercises).selectinload(ExerciseRow.sets))
    )


def exercise_row(
    user_id: int, position: int, entry: ExerciseEntry, exercise_id: str | None
) -> ExerciseRow:
    """The row of one exercise and its sets."""
    return ExerciseRow(
        user_id=user_id,
        position=position,
        name=entry.name,
        exercise_id=exercise_id,
        rpe=entry.rpe,
        sets=[
            SetRow(
                user_id=user_id,
                position=index,
                reps=s.reps,
                seconds=s.seconds,
                weight_kg=s.weight_kg,
                rpe=s.rpe,
                set_type=s.set_type.value,
            )
            for index, s in enumerate(entry.sets)
        ],
    )


def stored_session(row: SessionRow) -> StoredSession:
    """The domain session of a row (muscles left empty: resolve them from `exercise_ids`)."""
    session = Session(
        kind=SessionKind(row.kind),
        start=row.start_at,
        minutes=row.minutes,
        rpe=row.rpe,
        intensity=Intensity(row.intensity) if row.intensity else None,
        exercises=tuple(
            ExerciseEntry(
                name=e.name,
                sets=tuple(
                    SetEntry(
                        reps=s.reps,
                        seconds=s.seconds,
                        weight_kg=s.weight_kg,
                        rpe=s.rpe,
                        set_type=SetType(s.set_type),
                    )
                    for s in e.sets
                ),
                rpe=e.rpe,
            )
            for e in row.exercises
        ),
        sport=row.sport,
        class_kind=row.class_kind,
        recovery_kind=row.recovery_kind,
        distance_km=row.distance_km,
        id=row.id,
    )
    return StoredSession(
        session, tuple(e.exercise_id for e in row.exercises), row.source, row.notes
    )


def checkin(row: CheckInRow) -> CheckIn:
    """The domain check-in of a row."""
    return CheckIn(
        at=row.at,
        sleep_h=row.sleep_h,
        sleep_quality=row.sleep_quality,
        soreness={Region(s.region): s.level for s in row.soreness},
        fatigue=row.fatigue,
        motivation=row.motivation,
        irritable=row.irritable,
        injuries=frozenset(Region(i.region) for i in row.injuries),
        resting_hr_bpm=row.resting_hr_bpm,
        hrv_ms=row.hrv_ms,
        id=row.id,
    )
