"""/body: the body map at any moment, stepped through the days; a time it cannot read is shown."""

from datetime import UTC, datetime, timedelta

from restday import service
from restday.domain import Muscle
from restday.service import LOCAL_USER
from restday.store.db import open_database
from tests.factories import SQUAT, exercise, sets, strength
from tests.web.conftest import html


def log_squats(db_url: str, start: datetime) -> None:
    """A heavy squat session (5x5 at 140 kg, RPE 9) started at `start`."""
    db = open_database(db_url)
    session = strength(start, exercise(SQUAT, *sets(5, 5, 140), name="Barbell Squat"), rpe=9)
    service.log_session(db, session, datetime.now(UTC), user=LOCAL_USER)
    db.close()


def state_of(page, muscle: str) -> str:
    """The state a muscle's card in the list says."""
    return page.find("li", attrs={"data-muscle": muscle})["class"][1].removeprefix("bm-")


def test_every_muscle_is_drawn_and_listed(client):
    page = html(client.get("/body"))
    drawn = {g["data-muscle"] for g in page.select("svg g[data-muscle]")}
    listed = {li["data-muscle"] for li in page.select("li.bm-card")}
    assert drawn == listed == {m.value for m in Muscle}
    assert page.find(class_="bm-legend")


def test_at_shows_the_map_at_another_moment(client, db_url):
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    log_squats(db_url, start)
    soon = html(client.get("/body", params={"at": (start + timedelta(hours=3)).isoformat()}))
    later = html(client.get("/body", params={"at": (start + timedelta(days=6)).isoformat()}))
    assert state_of(soon, "quadriceps") == "recovering"
    assert "rest.heavy_legs" in soon.find("li", attrs={"data-muscle": "quadriceps"}).text
    assert state_of(later, "quadriceps") == "ready"


def test_the_moment_is_said_in_words_in_the_page_language(client, db_url):
    db = open_database(db_url)
    service.update_profile(db, user=LOCAL_USER, lang="nl", timezone="Europe/Amsterdam")
    db.close()
    page = html(client.get("/body", params={"at": "2026-12-03T18:00"}))
    assert "donderdag 3 december 18:00" in page.find(class_="body-when").text
    assert page.find("input", id="at")["value"] == "2026-12-03T18:00"


def test_steps_go_a_day_either_way_and_to_the_next_days(client):
    page = html(client.get("/body", params={"at": "2026-12-03T18:00"}))
    links = {a.text: a["href"] for a in page.select("nav.steps a")}
    assert links["‹ Day before"] == "/body?at=2026-12-02T18:00"
    assert links["Day after ›"] == "/body?at=2026-12-04T18:00"
    assert links["Now"] == "/body"
    assert {"+1 day", "+2 days", "+3 days"} <= set(links)


def test_a_time_it_cannot_read_is_shown_on_the_page(client):
    response = client.get("/body", params={"at": "thursday evening"})
    assert response.status_code == 422
    page = html(response)
    error = page.find(id="at-error")
    assert "thursday evening" in error.text and "such as 2026-12-03T18:00" in error.text
    assert page.find("input", id="at")["aria-invalid"] == "true"
    assert len(page.select("li.bm-card")) == len(Muscle)


def test_a_time_out_of_range_is_shown_on_the_page(client):
    response = client.get("/body", params={"at": "1900-01-01T00:00"})
    assert response.status_code == 422
    assert "from 1970 to 2099" in html(response).find(id="at-error").text
