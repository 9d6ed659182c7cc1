"""One page of the history at a time: newest first, by kind and dates, scoped by person."""

from datetime import timedelta

import pytest

from restday.domain import SessionKind
from restday.errors import InvalidInput, NotFound
from restday.service import log_session, sessions_page
from tests.factories import MONDAY, class_, endurance

NOW = MONDAY + timedelta(days=400)


def _fill(db, count: int, user: str = "me") -> list[int]:
    """`count` sessions a day apart from MONDAY, runs on even days and classes on odd; their ids."""
    ids = []
    for i in range(count):
        start = MONDAY + timedelta(days=i)
        session = endurance(start) if i % 2 == 0 else class_(start, "yoga")
        ids.append(log_session(db, session, NOW, user=user).id)
    return ids


def test_pages_walk_the_whole_history_newest_first_without_gaps_or_repeats(db):
    ids = _fill(db, 25)
    seen, before = [], None
    while True:
        page = sessions_page(db, user="me", limit=10, before=before)
        assert page.total == 25
        seen += [s.id for s in page.sessions]
        before = page.next_before
        if before is None:
            break
    assert seen == ids[::-1]


def test_a_full_last_page_says_there_is_no_next_page(db):
    _fill(db, 10)
    assert sessions_page(db, user="me", limit=10).next_before is None


def test_sessions_at_the_same_moment_are_paged_by_id(db):
    first = log_session(db, endurance(MONDAY), NOW, user="me").id
    second = log_session(db, class_(MONDAY, "yoga"), NOW, user="me").id
    page = sessions_page(db, user="me", limit=1)
    assert [s.id for s in page.sessions] == [second]
    older = sessions_page(db, user="me", limit=1, before=page.next_before)
    assert [s.id for s in older.sessions] == [first]


def test_kind_and_dates_filter_and_the_total_counts_what_matches(db):
    ids = _fill(db, 10)
    page = sessions_page(
        db,
        user="me",
        kind=SessionKind.CLASS,
        since=MONDAY + timedelta(days=2),
        until=MONDAY + timedelta(days=7),
    )
    assert [s.id for s in page.sessions] == [ids[7], ids[5], ids[3]]
    assert page.total == 3
    assert all(s.kind is SessionKind.CLASS for s in page.sessions)


def test_another_persons_sessions_are_never_on_the_page(db):
    _fill(db, 3, user="someone")
    mine = _fill(db, 2)
    page = sessions_page(db, user="me")
    assert [s.id for s in page.sessions] == mine[::-1] and page.total == 2
    other = sessions_page(db, user="someone", limit=1)
    with pytest.raises(NotFound, match=f"No session with id {other.sessions[0].id}"):
        sessions_page(db, user="me", before=other.sessions[0].id)


def test_a_page_size_outside_1_to_500_is_refused(db):
    with pytest.raises(InvalidInput, match="limit"):
        sessions_page(db, user="me", limit=0)
    with pytest.raises(InvalidInput, match="limit"):
        sessions_page(db, user="me", limit=501)
