"""/settings: the profile and the language, saved with a confirmation, errors at their field."""

from restday import service
from restday.service import LOCAL_USER
from restday.store.db import open_database
from tests.web.conftest import html, post_form

FORM = {
    "goal": "endurance",
    "experience": "beginner",
    "load_metric": "trimp",
    "body_mass_kg": "72,5",
    "resting_hr_bpm": "52",
    "max_hr_bpm": "188",
    "timezone": "Europe/Amsterdam",
    "lang": "en",
}


def saved(db_url: str):
    db = open_database(db_url)
    try:
        return service.profile(db, user=LOCAL_USER)
    finally:
        db.close()


def test_saving_keeps_the_profile_and_confirms(pg_client, fresh_url):
    client, db_url = pg_client, fresh_url
    response = post_form(client, "/settings", FORM)
    assert response.status_code == 303
    profile = saved(db_url)
    assert (profile.goal, profile.experience, profile.load_metric) == (
        "endurance",
        "beginner",
        "trimp",
    )
    assert (profile.body_mass_kg, profile.resting_hr_bpm, profile.max_hr_bpm) == (72.5, 52, 188)
    page = html(client.get(response.headers["location"]))
    assert page.find(class_="notice").text == "Settings saved."
    assert page.find("select", id="goal").find("option", selected=True)["value"] == "endurance"
    assert page.find("input", id="timezone")["value"] == "Europe/Amsterdam"


def test_choosing_dutch_switches_the_pages_to_dutch(client):
    response = post_form(client, "/settings", {**FORM, "lang": "nl"})
    page = html(client.get(response.headers["location"]))
    assert page.find("html")["lang"] == "nl"
    assert page.find(class_="notice").text == "Instellingen opgeslagen."
    assert page.find("input", id="body_mass_kg")["value"] == "72,5"
    assert html(client.get("/")).find(class_="verdict-line").text == "Train vandaag"


def test_without_a_saved_language_the_browser_s_is_spoken(client):
    page = html(client.get("/settings", headers={"accept-language": "nl-NL,nl;q=0.9,en;q=0.5"}))
    assert page.find("html")["lang"] == "nl"
    assert page.find("h1").text == "Instellingen"


def test_a_value_not_allowed_is_shown_at_its_field_and_nothing_is_saved(client, db_url):
    bad = {**FORM, "body_mass_kg": "500", "timezone": "Mars/Olympus"}
    response = post_form(client, "/settings", bad)
    assert response.status_code == 422
    page = html(response)
    assert "20 to 400 kg" in page.find(id="body_mass_kg-error").text
    assert "IANA time zone" in page.find(id="timezone-error").text
    assert page.find("input", id="body_mass_kg")["value"] == "500"
    assert page.find("input", id="timezone")["value"] == "Mars/Olympus"
    assert page.find("select", id="goal").find("option", selected=True)["value"] == "endurance"
    assert {a["href"] for a in page.select(".error-summary a")} == {"#body_mass_kg", "#timezone"}
    assert saved(db_url).goal == "muscle"


def test_a_resting_heart_rate_above_the_maximum_is_refused_at_its_field(client, db_url):
    response = post_form(
        client, "/settings", {**FORM, "resting_hr_bpm": "120", "max_hr_bpm": "110"}
    )
    assert response.status_code == 422
    error = html(response).find(id="resting_hr_bpm-error")
    assert "below the maximum heart rate of 110" in error.text
    assert saved(db_url).resting_hr_bpm is None


def test_a_form_without_its_csrf_token_is_refused(client, db_url):
    client.get("/settings")
    response = client.post("/settings", data={**FORM, "goal": "hybrid"})
    assert response.status_code == 403
    assert saved(db_url).goal == "muscle"
