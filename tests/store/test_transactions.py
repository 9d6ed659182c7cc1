"""Writing and reading transactions: which locks each takes, and that reading never writes."""

import pytest
from sqlalchemy import create_engine, insert, text

from restday.domain import Profile
from restday.errors import StoreError
from restday.store.db import ADVISORY_LOCK_SPACE
from restday.store.models import users
from tests.store.builders import MONDAY, count, recorded, run

ON_SQLITE = pytest.mark.parametrize("fresh_url", ["sqlite"], indirect=True)
ON_POSTGRESQL = pytest.mark.parametrize(
    "fresh_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def test_reading_for_a_user_who_does_not_exist_finds_nothing_and_creates_no_user(db):
    with db.reading() as tx:
        nobody = tx.existing_user("nobody")
        assert nobody == 0
        assert tx.get_profile(nobody) == Profile()
        assert tx.sessions_between(nobody, None, None) == []
        assert tx.checkins_between(nobody, None, None) == []
        assert tx.aliases(nobody) == {}
    assert count(db, "users") == 0


def test_existing_user_is_the_id_ensure_user_gave(db):
    with db.transaction() as tx:
        me = tx.ensure_user("ann")
    with db.reading() as tx:
        assert tx.existing_user("ann") == me


def test_ensure_user_is_refused_in_a_reading_transaction(db):
    with pytest.raises(RuntimeError, match=r"^ensure_user writes"), db.reading() as tx:
        tx.ensure_user("ann")
    assert count(db, "users") == 0


def test_ensure_user_of_a_known_user_only_reads(db):
    with db.transaction() as tx:
        tx.ensure_user("ann")
    with db.transaction() as tx, recorded(db) as statements:
        tx.ensure_user("ann")
    assert not [s for s in statements if s.startswith("INSERT")]


def test_a_reader_does_not_wait_for_an_open_writer_nor_see_its_rows(db):
    with db.transaction() as writer:
        ann = writer.ensure_user("ann")
        writer.add_session(ann, run(MONDAY))
        with db.reading() as reader:
            assert reader.existing_user("ann") == 0
    with db.reading() as reader:
        assert len(reader.sessions_between(reader.existing_user("ann"), None, None)) == 1


@ON_SQLITE
def test_on_sqlite_a_writing_transaction_takes_the_write_lock_as_it_begins(db):
    with recorded(db) as statements:
        with db.transaction() as tx:
            tx.existing_user()
        with db.reading() as tx:
            tx.existing_user()
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE", "BEGIN"]


@ON_POSTGRESQL
def test_on_postgresql_a_reading_transaction_is_read_only(db):
    with pytest.raises(StoreError) as error, db.reading() as tx:
        tx.connection.execute(insert(users).values(name="ann"))
    assert str(error.value) == (
        f"Database error on {db.url}: cannot execute INSERT in a read-only transaction"
    )


def locked_users(tx, observer) -> set[int]:
    """The users whose restday advisory lock `tx`'s connection holds, as `observer` sees them."""
    pid = tx.connection.scalar(text("SELECT pg_backend_pid()"))
    held = text(
        "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND classid = :space AND pid = :pid"
    )
    return set(observer.scalars(held, {"space": ADVISORY_LOCK_SPACE, "pid": pid}))


@ON_POSTGRESQL
def test_on_postgresql_a_writing_transaction_locks_its_user_until_it_ends(db, fresh_url):
    engine = create_engine(fresh_url)
    try:
        with engine.connect() as observer:
            with db.transaction() as tx:
                ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
                assert locked_users(tx, observer) == {ann, bob}
            with db.transaction() as tx:
                tx.known_fingerprints(bob, ["strong:1"])
                assert locked_users(tx, observer) == {bob}
            with db.reading() as tx:
                tx.existing_user("ann")
                assert locked_users(tx, observer) == set()
    finally:
        engine.dispose()
