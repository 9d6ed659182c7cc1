"""/: the verdict first, then what to train, the reasons linked to their rules, and advice."""

from datetime import UTC, datetime, timedelta

from tests.web.conftest import html
from tests.web.test_body import log_squats


def rule_links(page, css: str) -> list[str]:
    return [a["href"] for a in page.select(f"{css} a.rule-id")]


def test_the_verdict_comes_first_as_a_sentence_in_its_colour(client):
    page = html(client.get("/"))
    first = page.find("main").find(["section", "form", "p"], recursive=False)
    assert "verdict" in first["class"] and "train" in first["class"]
    assert first.find(class_="verdict-line").text == "Train today"
    assert "Strength training" in first.find(class_="verdict-what").text


def test_reasons_link_to_their_rules_with_the_articles_sentence(client, db_url):
    log_squats(db_url, datetime.now(UTC) - timedelta(hours=20))
    page = html(client.get("/"))
    links = rule_links(page, ".today-why")
    assert links and all(href.startswith("/rules#") for href in links)
    anchors = {s["id"] for s in html(client.get("/rules")).select("section.rule")}
    assert {href.removeprefix("/rules#") for href in links} <= anchors
    assert page.select(".today-why details.source blockquote")
    assert page.find("a", href="/body")


def test_short_on_time_shortens_the_session(client):
    plain = html(client.get("/"))
    short = html(client.get("/", params={"minutes": "20"}))
    assert "/rules#recovery.short_on_time" not in rule_links(plain, ".today-why")
    assert "/rules#recovery.short_on_time" in rule_links(short, ".today-why")
    what = short.find(class_="verdict-what").text
    assert "10 min" in what and "plus 10 min of active recovery" in what
    assert short.find("input", id="minutes")["value"] == "20"


def test_minutes_that_are_not_a_number_are_shown_at_their_field(client):
    response = client.get("/", params={"minutes": "lots"})
    assert response.status_code == 422
    page = html(response)
    assert "a number from 1 to 1,440" in page.find(id="minutes-error").text
    assert page.find("input", id="minutes")["value"] == "lots"
    assert page.find(class_="verdict-line").text == "Train today"


def test_minutes_out_of_range_are_shown_at_their_field_in_dutch(client):
    response = client.get("/", params={"minutes": "0"}, headers={"accept-language": "nl"})
    assert response.status_code == 422
    error = html(response).find(id="minutes-error").text
    assert error == "Geef het aantal minuten dat je hebt als getal van 1 tot 1.440."


def test_advice_for_another_moment_says_which(client):
    page = html(client.get("/", params={"at": "2026-12-03T18:00"}))
    assert "Thursday 3 December 18:00" in page.find(class_="verdict-when").text
    assert page.find("a", href="/body?at=2026-12-03T18:00")
