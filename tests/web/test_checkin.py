"""/checkin: every value is stored as `restday checkin` stores it; a bad value is shown beside its
field with the input kept and nothing stored; a forged form is refused."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from restday.domain import Region
from restday.service import LOCAL_USER
from tests.web.conftest import html, post_form


def checkins(db):
    with db.reading() as tx:
        return tx.checkins_between(tx.existing_user(LOCAL_USER), None, None)


FULL = {
    "at": "2026-11-30T07:15",
    "sleep_h": "6,5",
    "sleep_quality": "2",
    "soreness.legs": "2",
    "soreness.arms": "0",
    "soreness.core": "1",
    "soreness.chest": "0",
    "soreness.back": "3",
    "soreness.shoulders": "0",
    "fatigue": "4",
    "motivation": "2",
    "irritable": "1",
    "injury": ["back", "shoulders"],
    "resting_hr_bpm": "58",
    "hrv_ms": "42.5",
}


def test_the_form_is_a_row_of_scales_with_the_numbers_folded_away(client):
    page = html(client.get("/checkin"))
    for name in ("sleep_quality", "fatigue", "motivation"):
        radios = page.find_all("input", attrs={"type": "radio", "name": name})
        assert [r["value"] for r in radios] == ["", "1", "2", "3", "4", "5"]
        assert radios[0].has_attr("checked")
        assert page.find(id=name).find_parent(class_="card") is not None
    for region in Region:
        radios = page.find_all("input", attrs={"name": f"soreness.{region.value}"})
        assert [r["value"] for r in radios] == ["0", "1", "2", "3"]
        assert radios[0].has_attr("checked")
        assert radios[0].find_parent(class_="scale") is not None
    more = page.find("details", class_="more")
    assert not more.has_attr("open")
    assert {i["name"] for i in more.find_all("input")} == {"resting_hr_bpm", "hrv_ms", "at"}
    assert page.find("input", attrs={"name": "sleep_h"})["inputmode"] == "decimal"


def test_a_check_in_stores_every_value(client, db):
    response = post_form(client, "/checkin", FULL)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/?done=checked_in"
    [stored] = checkins(db)
    assert stored.at == datetime(2026, 11, 30, 7, 15, tzinfo=ZoneInfo("UTC"))
    assert (stored.sleep_h, stored.sleep_quality, stored.fatigue, stored.motivation) == (
        6.5,
        2,
        4,
        2,
    )
    assert stored.soreness == {
        Region.LEGS: 2,
        Region.ARMS: 0,
        Region.CORE: 1,
        Region.CHEST: 0,
        Region.BACK: 3,
        Region.SHOULDERS: 0,
    }
    assert stored.irritable is True
    assert stored.injuries == {Region.BACK, Region.SHOULDERS}
    assert (stored.resting_hr_bpm, stored.hrv_ms) == (58, 42.5)


def test_what_is_skipped_is_not_stored(client, db):
    response = post_form(client, "/checkin", {"sleep_quality": "", "soreness.legs": "1"})
    assert response.status_code == 303
    [stored] = checkins(db)
    assert stored.sleep_quality is None and stored.sleep_h is None
    assert stored.soreness == {Region.LEGS: 1}
    assert stored.irritable is False and stored.injuries == frozenset()


@pytest.mark.parametrize(
    ("change", "control", "words", "in_more"),
    [
        ({"sleep_h": "25"}, "sleep_h", "from 0 to 24", False),
        ({"soreness.legs": "4"}, "soreness.legs", "from 0 to 3", False),
        ({"fatigue": "2.5"}, "fatigue", "whole number from 1 to 5", False),
        ({"resting_hr_bpm": "300"}, "resting_hr_bpm", "from 20 to 150", True),
        ({"hrv_ms": "lots"}, "hrv_ms", "must be a number", True),
        ({"at": "2150-01-01T08:00"}, "at", "at most 3 days after now", True),
    ],
)
def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_stored(
    client, db, change, control, words, in_more
):
    response = post_form(client, "/checkin", {**FULL, **change})
    assert response.status_code == 422
    page = html(response)
    field = page.find(id=control)
    assert f"{control}-error" in field["aria-describedby"].split()
    assert words in page.find(id=f"{control}-error").text.lower()
    assert page.find(class_="error-summary").find("a", href=f"#{control}") is not None
    assert page.find("details", class_="more").has_attr("open") is in_more
    assert page.find("input", attrs={"name": "sleep_h"})["value"] == change.get("sleep_h", "6,5")
    assert page.find("input", attrs={"name": "motivation", "value": "2"}).has_attr("checked")
    assert page.find("input", attrs={"name": "injury", "value": "back"}).has_attr("checked")
    assert page.find("input", attrs={"name": "irritable"}).has_attr("checked")
    assert checkins(db) == []


def test_the_summary_names_each_field_in_the_order_of_the_page(client, db):
    form = {**FULL, "at": "2150-01-01T08:00", "soreness.back": "7", "sleep_h": "-1"}
    page = html(post_form(client, "/checkin", form))
    links = [a.text for a in page.find(class_="error-summary").find_all("a")]
    assert [text.split(":")[0] for text in links] == [
        "Hours slept last night",
        "Muscle soreness, back",
        "Time of the check-in",
    ]


def test_dutch_words(client, db):
    from restday import service

    service.update_profile(db, user=LOCAL_USER, lang="nl")
    page = html(client.get("/checkin"))
    assert page.find("h1").text == "Inchecken"
    assert "Benen" in [legend.text for legend in page.find_all("legend")]
    post_form(client, "/checkin", {})
    assert "Check-in opgeslagen" in html(client.get("/checkin?done=checked_in")).text


def test_a_form_without_its_csrf_token_is_refused_and_nothing_is_stored(client, db):
    client.get("/checkin")
    response = client.post("/checkin", data=FULL)
    assert response.status_code == 403
    forged = client.post("/checkin", data={**FULL, "csrf": "not-the-token"})
    assert forged.status_code == 403
    assert checkins(db) == []
