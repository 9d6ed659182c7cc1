"""The repository: domain objects in and out of the database, every call scoped by user id.

Users, profiles, check-ins, aliases and plans are here; sessions in `session_records`, device
readings in `reading_records`.

SQLAlchemy Core on the one connection of a transaction; see `rows` for the row mapping.
"""

from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Table, delete, func, insert, select, update

from restday.domain import CheckIn, Profile, Region
from restday.store import rows
from restday.store.models import (
    checkin_injuries,
    checkin_soreness,
    checkins,
    exercise_aliases,
    plans,
    profiles,
    readings,
    session_exercises,
    sessions,
    users,
)
from restday.store.reading_records import ReadingRecords, StoredReading
from restday.store.session_records import (
    FINGERPRINT_CHUNK,
    SessionItem,
    SessionRecords,
    StoredSession,
)
from restday.store.timestamps import as_utc

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

__all__ = ["FINGERPRINT_CHUNK", "Repository", "SessionItem", "StoredReading", "StoredSession"]


class Repository(SessionRecords, ReadingRecords):
    """Reads and writes of one transaction (see `Database.transaction` and `Database.reading`)."""

    def ensure_user(self, name: str = "me") -> int:
        """The id of the user called `name`, created on first use; the user stays locked till commit."""
        if not self.writing:
            raise RuntimeError("ensure_user writes; a reading transaction calls existing_user")
        user_id = self.existing_user(name)
        if not user_id:
            new_user = self._insert(users).values(name=name)
            self.connection.execute(new_user.on_conflict_do_nothing(index_elements=[users.c.name]))
            user_id = self.existing_user(name)
        self._lock_user(user_id)
        return user_id

    def existing_user(self, name: str = "me") -> int:
        """The id of the user called `name`, or 0 (no row's id) when there is none yet."""
        found = self.connection.scalar(select(users.c.id).where(users.c.name == name))
        return 0 if found is None else int(found)

    def _insert(self, table: Table) -> "postgresql.Insert | sqlite.Insert":
        """An INSERT into `table` in this connection's dialect, which can say ON CONFLICT."""
        if self.connection.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            return postgresql_insert(table)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)

    def get_profile(self, user_id: int) -> Profile:
        """The user's profile, or the default profile when none was saved."""
        row = self.connection.execute(
            select(profiles).where(profiles.c.user_id == user_id)
        ).one_or_none()
        return Profile() if row is None else rows.profile(row)

    def save_profile(self, user_id: int, profile: Profile) -> None:
        """Store the user's profile, replacing the one saved before."""
        values = rows.profile_values(profile)
        new_profile = self._insert(profiles).values(user_id=user_id, **values)
        self.connection.execute(
            new_profile.on_conflict_do_update(index_elements=[profiles.c.user_id], set_=values)
        )

    def add_checkin(self, user_id: int, checkin: CheckIn, source: str = "cli") -> int:
        """Store a check-in with its soreness per region and its injuries."""
        created = self.connection.execute(
            insert(checkins).values(rows.checkin_values(user_id, checkin, source))
        )
        checkin_id = rows.new_id(created)
        if checkin.soreness:
            self.connection.execute(
                insert(checkin_soreness),
                [
                    {"checkin_id": checkin_id, "user_id": user_id, "region": r.value, "level": n}
                    for r, n in sorted(checkin.soreness.items())
                ],
            )
        if checkin.injuries:
            self.connection.execute(
                insert(checkin_injuries),
                [
                    {"checkin_id": checkin_id, "user_id": user_id, "region": r.value}
                    for r in sorted(checkin.injuries)
                ],
            )
        return checkin_id

    def checkins_between(
        self, user_id: int, start: datetime | None, end: datetime | None
    ) -> list[CheckIn]:
        """The user's check-ins from `start` through `end` (inclusive; None: open), oldest first."""
        c, sore, hurt = checkins, checkin_soreness, checkin_injuries
        where = [c.c.user_id == user_id]
        if start is not None:
            where.append(c.c.at >= as_utc(start))
        if end is not None:
            where.append(c.c.at <= as_utc(end))
        found = self.connection.execute(select(c).where(*where).order_by(c.c.at, c.c.id)).all()
        if not found:
            return []
        soreness: defaultdict[int, dict[Region, int]] = defaultdict(dict)
        for checkin_id, region, level in self.connection.execute(
            select(sore.c.checkin_id, sore.c.region, sore.c.level)
            .join(c, c.c.id == sore.c.checkin_id)
            .where(*where)
        ):
            soreness[checkin_id][Region(region)] = level
        injuries: defaultdict[int, set[Region]] = defaultdict(set)
        for checkin_id, region in self.connection.execute(
            select(hurt.c.checkin_id, hurt.c.region)
            .join(c, c.c.id == hurt.c.checkin_id)
            .where(*where)
        ):
            injuries[checkin_id].add(Region(region))
        return [
            CheckIn(
                at=row.at,
                sleep_h=row.sleep_h,
                sleep_quality=row.sleep_quality,
                soreness=soreness[row.id],
                fatigue=row.fatigue,
                motivation=row.motivation,
                irritable=row.irritable,
                injuries=frozenset(injuries[row.id]),
                resting_hr_bpm=row.resting_hr_bpm,
                hrv_ms=row.hrv_ms,
                id=row.id,
            )
            for row in found
        ]

    def checkin_sources(
        self, user_id: int, start: datetime | None = None, end: datetime | None = None
    ) -> dict[int, str]:
        """The source of each of the user's check-ins (from `start` through `end`), by id."""
        c = checkins
        where = [c.c.user_id == user_id]
        if start is not None:
            where.append(c.c.at >= as_utc(start))
        if end is not None:
            where.append(c.c.at <= as_utc(end))
        found = self.connection.execute(select(c.c.id, c.c.source).where(*where))
        return {checkin_id: source for checkin_id, source in found}

    def source_counts(self, user_id: int) -> dict[str, tuple[int, int]]:
        """How many sessions and check-ins the user has from each source."""
        counts: dict[str, list[int]] = {}
        for position, table in enumerate((sessions, checkins)):
            found = self.connection.execute(
                select(table.c.source, func.count())
                .where(table.c.user_id == user_id)
                .group_by(table.c.source)
            )
            for source, n in found:
                counts.setdefault(source, [0, 0])[position] = int(n)
        return {source: (s, c) for source, (s, c) in sorted(counts.items())}

    def delete_source(self, user_id: int, source: str) -> tuple[int, int]:
        """Delete the user's sessions and check-ins from `source` (with their rows); how many."""
        self._lock_user(user_id)
        deleted = []
        for table in (sessions, checkins):
            done = self.connection.execute(
                delete(table).where(table.c.user_id == user_id, table.c.source == source)
            )
            deleted.append(done.rowcount)
        return deleted[0], deleted[1]

    def set_alias(self, user_id: int, name: str, exercise_id: str) -> None:
        """Make `name` the user's alias for the catalogue exercise `exercise_id` (replacing any)."""
        a = exercise_aliases
        new_alias = self._insert(a).values(user_id=user_id, name=name, exercise_id=exercise_id)
        self.connection.execute(
            new_alias.on_conflict_do_update(
                index_elements=[a.c.user_id, a.c.name], set_={"exercise_id": exercise_id}
            )
        )

    def aliases(self, user_id: int) -> dict[str, str]:
        """The user's aliases: exercise name as written -> catalogue id, by name."""
        a = exercise_aliases
        found = self.connection.execute(
            select(a.c.name, a.c.exercise_id).where(a.c.user_id == user_id).order_by(a.c.name)
        )
        return {name: exercise_id for name, exercise_id in found}

    def unmatched_exercise_names(self, user_id: int) -> dict[str, int]:
        """Names of the user's stored exercises without a catalogue id -> how many; most first."""
        e = session_exercises
        count = func.count()
        found = self.connection.execute(
            select(e.c.name, count)
            .where(e.c.user_id == user_id, e.c.exercise_id.is_(None))
            .group_by(e.c.name)
            .order_by(count.desc(), e.c.name)
        )
        return {name: int(n) for name, n in found}

    def apply_alias(self, user_id: int, name: str, exercise_id: str) -> int:
        """Give the user's stored exercises named `name` and unmatched this catalogue id; how many."""
        e = session_exercises
        changed = self.connection.execute(
            update(e)
            .where(e.c.user_id == user_id, e.c.name == name, e.c.exercise_id.is_(None))
            .values(exercise_id=exercise_id)
        )
        return changed.rowcount

    def save_plan(self, user_id: int, start: str, body: str) -> int:
        """Store a plan (its JSON text) and return its id."""
        found = self.connection.execute(
            insert(plans).values(user_id=user_id, start=start, body=body).returning(plans.c.id)
        )
        return int(found.scalar_one())

    def last_plan(self, user_id: int) -> str | None:
        """The JSON text of the user's newest plan, if any."""
        p = plans
        return self.connection.execute(
            select(p.c.body).where(p.c.user_id == user_id).order_by(p.c.id.desc()).limit(1)
        ).scalar_one_or_none()

    def has_profile(self, user_id: int) -> bool:
        """Whether the user saved a profile."""
        found = self.connection.scalar(
            select(profiles.c.user_id).where(profiles.c.user_id == user_id)
        )
        return found is not None

    def record_counts(self, user_id: int) -> dict[str, int]:
        """How many sessions, check-ins, readings, aliases and plans the user has."""
        counts = {}
        for name, table in (
            ("sessions", sessions),
            ("checkins", checkins),
            ("readings", readings),
            ("aliases", exercise_aliases),
            ("plans", plans),
        ):
            found = self.connection.scalar(
                select(func.count()).select_from(table).where(table.c.user_id == user_id)
            )
            counts[name] = int(found or 0)
        return counts

    def plans(self, user_id: int) -> list[tuple[str, str]]:
        """(start, JSON text) of the user's saved plans, oldest first."""
        p = plans
        found = self.connection.execute(
            select(p.c.start, p.c.body).where(p.c.user_id == user_id).order_by(p.c.id)
        )
        return [(start, body) for start, body in found]
