"""/plan: the planner's form, the week grid with each day's why, the calendar file, the
article's example weeks, and the check of an uploaded plan file."""

import json
from datetime import date

from icalendar import Calendar

from restday.rules import default_rulebook
from restday.service import planning
from tests.web.conftest import html, post_form

WEEK = {f"free_{wd}": "1" for wd in ("mon", "tue", "thu", "fri", "sat", "sun")}


def _plan(client, **fields):
    return post_form(client, "/plan", {"goal": "muscle", "weeks": "1", **WEEK, **fields})


def test_the_form_makes_a_week_shown_as_seven_days_each_with_its_why(client):
    made = _plan(client, start="2026-12-07", minutes_sat="90")
    assert made.status_code == 303 and made.headers["location"] == "/plan?done=planned"
    page = html(client.get(made.headers["location"]))
    assert page.select_one(".notice").text.strip() == "Plan made and saved."
    days = page.select("ol.plan-week li.plan-day")
    assert [d.select_one("time")["datetime"] for d in days] == [
        f"2026-12-{n:02d}" for n in range(7, 14)
    ]
    for day in days:
        assert day.select_one(".plan-title").text.strip()
        assert day.select_one(".plan-why").text.strip()
        for link in day.select(".plan-why a.rule-id"):
            assert link["href"] == f"/rules#{link.text}"
    wednesday = days[2]
    assert "rest" in wednesday["class"] and "Not a free day" in wednesday.text
    saved = planning.last_plan(client.app.state.db, user="me")
    assert [d["activity"] for d in saved["days"]] == [
        next(c for c in d["class"] if c != "plan-day" and c != "broken") for d in days
    ]
    assert not page.select_one("input[name=free_wed]").has_attr("checked")  # the form as asked
    assert page.select_one("#minutes_sat")["value"] == "90"


def test_the_calendar_file_holds_the_saved_plans_days(client):
    assert client.get("/plan.ics").status_code == 404
    _plan(client, start="2026-12-07")
    response = client.get("/plan.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.headers["content-disposition"].startswith("attachment;")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    saved = planning.last_plan(client.app.state.db, user="me")
    assert len(events) == 7
    starts = sorted(str(e.decoded("dtstart"))[:10] for e in events)
    assert starts == [d["date"] for d in saved["days"]]
    page = html(client.get("/plan"))
    assert page.select_one("a[download]")["href"] == "/plan.ics"


def test_a_request_outside_the_bounds_is_shown_at_its_field_and_keeps_the_input(client):
    response = _plan(client, start="2026-12-07", sessions="9", minutes_mon="2000")
    assert response.status_code == 422
    page = html(response)
    assert page.select_one("#sessions-error") is not None
    assert page.select_one("#minutes_mon-error") is not None
    assert page.select_one("#sessions")["value"] == "9"
    assert planning.last_plan(client.app.state.db, user="me") is None
    none_free = post_form(client, "/plan", {"goal": "muscle", "weeks": "1"})
    assert none_free.status_code == 422
    assert "at least one free day" in html(none_free).select_one(".error-summary").text


def test_an_example_week_is_shown_and_downloads_without_being_saved(client):
    page = html(client.get("/plan?template=endurance-week&start=2026-12-07"))
    assert page.select_one("#plan-title").text.startswith("Endurance week")
    assert len(page.select("li.plan-day")) == 7
    link = page.select_one("a[download]")["href"]
    events = Calendar.from_ical(client.get(link).content).walk("VEVENT")
    assert len(events) == 7
    assert planning.last_plan(client.app.state.db, user="me") is None


def test_an_uploaded_plan_is_checked_against_every_rule(client):
    plan = planning.template("strength-split", date(2026, 12, 7), default_rulebook())
    plan.pop("violations")
    good = post_form(
        client,
        "/plan/check",
        {},
        files={"plan_file": ("week.json", json.dumps(plan), "application/json")},
    )
    assert good.status_code == 200
    assert html(good).select_one(".check-result h2").text == "week.json keeps every rule."
    plan["days"][1] = dict(plan["days"][0])  # legs two days in a row, heavy
    plan["days"][1]["date"] = "2026-12-08"
    bad = html(
        post_form(
            client,
            "/plan/check",
            {},
            files={"plan_file": ("legs.json", json.dumps(plan), "application/json")},
        )
    )
    assert bad.select_one(".check-result h2").text.startswith("legs.json breaks")
    assert bad.select(".check-result li a.rule-id")
    assert bad.select("li.plan-day.broken")


def test_a_file_that_is_not_a_plan_is_named_on_the_page(client):
    response = post_form(
        client,
        "/plan/check",
        {},
        files={"plan_file": ("notes.json", b"{not json", "application/json")},
    )
    assert response.status_code == 422
    error = html(response).select_one("#plan_file-error").text
    assert error.startswith("notes.json: not a plan JSON file")
    empty = post_form(client, "/plan/check", {}, files={"plan_file": ("", b"", "application/json")})
    assert empty.status_code == 422
