"""POST /api/plan: the plan contract as the CLI prints it, or an iCalendar file; bounded asks."""

import pytest

from tests.web.test_api import cli_json, dump, problem, validate

ASK = {"start": "2026-11-30", "goal": "muscle", "available": "mon,tue,thu,sat", "weeks": 2}


@pytest.fixture
def amsterdam(client):
    client.put("/api/profile", json={"timezone": "Europe/Amsterdam"})
    return client


def test_a_plan_is_the_contract_and_what_the_cli_plans(amsterdam, db_url, capsys):
    expected = cli_json(
        capsys,
        db_url,
        "plan",
        "--start",
        "2026-11-30",
        "--goal",
        "muscle",
        "--available",
        "mon,tue,thu,sat",
        "--weeks",
        "2",
    )
    answer = amsterdam.post("/api/plan", json=ASK)
    assert answer.status_code == 200
    plan = answer.json()
    validate(plan, "plan")
    assert plan == expected
    assert len(plan["days"]) == 14 and plan["days"][0]["date"] == "2026-11-30"
    busy = {d["date"] for d in plan["days"] if d["activity"] != "rest"}
    assert "2026-12-02" not in busy  # a Wednesday: not free


def test_a_template_week_is_one_of_the_articles(amsterdam, db_url, capsys):
    ask = {"start": "2026-11-30", "template": "endurance-week"}
    plan = amsterdam.post("/api/plan", json=ask).json()
    validate(plan, "plan")
    expected = cli_json(
        capsys, db_url, "plan", "--start", "2026-11-30", "--template", "endurance-week"
    )
    assert plan == expected


def test_accept_text_calendar_gives_the_plan_as_ics(amsterdam):
    answer = amsterdam.post(
        "/api/plan", json={**ASK, "weeks": 1}, headers={"accept": "text/calendar"}
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    text = answer.text
    assert text.startswith("BEGIN:VCALENDAR") and "TZID:Europe/Amsterdam" in text
    assert text.count("BEGIN:VEVENT") >= 3


def test_the_plan_speaks_dutch_when_asked(amsterdam):
    answer = amsterdam.post(
        "/api/plan?lang=nl", json={**ASK, "weeks": 1}, headers={"accept": "text/calendar"}
    )
    assert "X-WR-CALNAME:restday-schema" in answer.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"weeks": 10**9}, "weeks"),
        ({"weeks": 0}, "weeks"),
        ({"weeks": "two"}, "weeks"),
        ({"sessions": 8}, "sessions"),
        ({"minutes": 5}, "minutes"),
        ({"max_classes_in_row": 9}, "max_classes_in_row"),
        ({"start": "monday"}, "start"),
        ({"start": "2200-01-01"}, "first_day"),
        ({"available": "funday"}, "available"),
        ({"available": "mon=5000"}, "available"),
        ({"focus": ["wings"]}, "focus[0]"),
        ({"focus": 5}, "focus"),
        ({"sports": ["teleporting"]}, "sports[0]"),
        ({"goal": "fame"}, "goal"),
        ({"template": "couch-week"}, "template"),
        ({"weeks": 2, "colour": "red"}, "colour"),
        ([1, 2], "body"),
    ],
)
def test_a_wrong_ask_is_refused_naming_the_field_and_no_plan_is_kept(
    amsterdam, db_url, body, field
):
    before = dump(db_url)
    problem(amsterdam.post("/api/plan", json=body), 422, field)
    assert dump(db_url) == before
