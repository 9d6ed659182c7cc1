"""/history: the sessions a page at a time, filtered by kind and dates; a session; delete."""

from datetime import UTC, datetime, timedelta

from restday import service
from restday.domain import Session, SessionKind
from tests.factories import SQUAT, class_, endurance, exercise, sets, strength
from tests.web.conftest import html, post_form

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _log(client, sessions: list[Session]) -> list[int]:
    db = client.app.state.db
    return [service.log_session(db, s, NOW, user="me").id for s in sessions]


def _days(count: int) -> list[Session]:
    """A run, a class and a squat day in turn, one a day back from NOW."""
    out = []
    for i in range(count):
        start = NOW - timedelta(days=i + 1)
        if i % 3 == 0:
            out.append(endurance(start))
        elif i % 3 == 1:
            out.append(class_(start, "yoga"))
        else:
            out.append(strength(start, exercise(SQUAT, *sets(5, 5, 100), name="Barbell Squat")))
    return out


def _ids(page) -> list[int]:
    return [int(a["href"].rsplit("/", 1)[1]) for a in page.select("ol.sessions a")]


def test_history_pages_newest_first_and_the_older_link_shows_the_rest(client):
    ids = _log(client, _days(30))
    first = html(client.get("/history"))
    assert _ids(first) == ids[:25]
    assert "30 sessions" in first.select_one(".history-count").text
    older = first.select_one("a[rel=next]")["href"]
    second = html(client.get(older))
    assert _ids(second) == ids[25:]
    assert second.select_one("a[rel=next]") is None
    assert second.find("a", string="Newest sessions")["href"] == "/history"


def test_history_filters_by_kind_and_by_dates(client):
    ids = _log(client, _days(9))
    classes = html(client.get("/history?kind=class"))
    assert _ids(classes) == [ids[1], ids[4], ids[7]]
    assert {k.text for k in classes.select(".session-kind")} == {"Group class"}
    assert classes.select_one("#kind option[selected]")["value"] == "class"
    day = (NOW - timedelta(days=3)).date().isoformat()
    last = (NOW - timedelta(days=1)).date().isoformat()
    dated = html(client.get(f"/history?since={day}&until={last}"))
    assert _ids(dated) == ids[:3]


def test_a_bad_filter_is_named_at_its_field(client):
    response = client.get("/history?since=30-11-2026&kind=nap")
    assert response.status_code == 422
    page = html(response)
    assert "date like 2026-11-30" in page.select_one("#since-error").text
    assert page.select_one("#since")["value"] == "30-11-2026"
    assert page.select_one("#kind-error") is not None


def test_an_empty_history_says_so(client):
    page = html(client.get("/history"))
    assert page.select("ol.sessions li") == []
    assert "No sessions logged yet" in page.select_one("main").text


def test_a_session_page_shows_every_set(client):
    session = strength(
        NOW - timedelta(days=1), exercise(SQUAT, *sets(3, 5, 120), name="Barbell Squat")
    )
    [session_id] = _log(client, [session])
    page = html(client.get(f"/history/{session_id}"))
    assert page.h1.text.startswith("Strength training")
    assert page.select_one(".exercise h2").text == "Barbell Squat"
    rows = page.select(".sets-table tbody tr")
    assert [[td.text for td in row.select("td")][:3] for row in rows] == [
        [str(n), "5", "120 kg"] for n in (1, 2, 3)
    ]
    assert client.get("/history/999999").status_code == 404


def test_delete_asks_first_and_then_removes_exactly_that_session(client):
    ids = _log(client, _days(3))
    confirm = html(client.get(f"/history/{ids[1]}/delete"))
    form = confirm.select_one(".confirm form")
    assert form["method"] == "post" and form["action"] == f"/history/{ids[1]}/delete"
    assert form.select_one("input[name=csrf]")["value"]
    assert client.post(f"/history/{ids[1]}/delete").status_code == 403  # no CSRF token
    done = post_form(client, f"/history/{ids[1]}/delete", {})
    assert done.status_code == 303
    assert done.headers["location"] == "/history?done=session_deleted"
    page = html(client.get(done.headers["location"]))
    assert page.select_one(".notice").text.strip() == "Session deleted."
    assert _ids(page) == [ids[0], ids[2]]
    remaining = service.history(client.app.state.db, user="me").sessions
    assert sorted(s.id for s in remaining) == sorted([ids[0], ids[2]])
    assert {s.kind for s in remaining} == {SessionKind.ENDURANCE, SessionKind.STRENGTH}
    again = post_form(client, f"/history/{ids[1]}/delete", {})
    assert again.headers["location"] == "/history?done=session_gone"


def test_history_speaks_dutch(client):
    _log(client, _days(2))
    page = html(client.get("/history", headers={"accept-language": "nl"}))
    assert page.h1.text == "Geschiedenis"
    assert "2 sessies" in page.select_one(".history-count").text


def test_a_page_position_beyond_any_session_id_is_refused_at_its_field(client):
    response = client.get("/history?before=99999999999999999999999")
    assert response.status_code == 422
    assert "session id" in response.text
