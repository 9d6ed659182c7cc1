"""The first run: an empty database offers a demo history, marked as demo, removed in one click."""

from datetime import UTC, datetime, timedelta

from restday import service
from restday.service import LOCAL_USER
from restday.store.db import open_database
from tests.web.conftest import html, post_form
from tests.web.test_body import log_squats


def sessions(db_url: str) -> int:
    db = open_database(db_url)
    try:
        return len(service.history(db, user=LOCAL_USER).sessions)
    finally:
        db.close()


def test_an_empty_database_offers_the_demo(client):
    page = html(client.get("/"))
    offer = page.find(class_="demo-offer")
    assert offer.find("form")["action"] == "/demo"
    assert offer.find("input", attrs={"name": "csrf"})
    assert not page.find(class_="demo-banner")


def test_the_demo_loads_shows_on_today_and_the_body_map_and_goes_in_one_click(pg_client, fresh_url):
    client, db_url = pg_client, fresh_url
    loaded = post_form(client, "/demo", {})
    assert loaded.status_code == 303
    assert loaded.headers["location"] == "/?done=demo_loaded"
    assert sessions(db_url) > 0
    today = html(client.get(loaded.headers["location"]))
    assert "Demo history loaded" in today.find(class_="notice").text
    assert today.find(class_="demo-banner").find("button").text == "Remove the demo data"
    assert not today.find(class_="demo-offer")
    body = html(client.get("/body"))
    assert body.find(class_="demo-banner")
    assert sum("Last trained" in card.text for card in body.select("li.bm-card")) >= 10

    removed = post_form(client, "/demo/remove", {})
    assert removed.status_code == 303
    assert sessions(db_url) == 0
    after = html(client.get(removed.headers["location"]))
    assert after.find(class_="notice").text == "Demo data removed."
    assert not after.find(class_="demo-banner")
    assert after.find(class_="demo-offer")


def test_no_offer_once_the_person_has_logged_something(client, db_url):
    log_squats(db_url, datetime.now(UTC) - timedelta(hours=3))
    assert not html(client.get("/")).find(class_="demo-offer")
    response = post_form(client, "/demo", {})
    assert response.status_code == 409
    assert "only for an empty database" in html(response).find(class_="error-detail").text
    assert sessions(db_url) == 1


def test_the_demo_is_not_loaded_without_the_csrf_token(client, db_url):
    client.get("/")
    assert client.post("/demo", data={}).status_code == 403
    assert sessions(db_url) == 0
