"""/api/ reports: status, today, load, rules, profile, check-ins; each the contract JSON and equal
to what the CLI's --json prints for the same database."""

import json
import sqlite3

import jsonschema
import pytest

from tests.conftest import CONTRACTS

AT = "2026-11-26T18:00"
SQUAT = {
    "kind": "strength",
    "at": "2026-11-24T18:00",
    "minutes": 60,
    "rpe": 8,
    "exercises": [{"name": "Barbell Squat", "sets": "5x5@100kg"}],
}
RUN = {"kind": "endurance", "at": "2026-11-25T07:00", "minutes": 45, "sport": "run"}


def validate(data, contract: str) -> None:
    """Check an answer against a JSON Schema of ../shared/contracts (copied in tests/contracts)."""
    jsonschema.validate(data, json.loads((CONTRACTS / f"{contract}.schema.json").read_text()))


def cli_json(capsys, db_url: str, *args: str):
    """What `restday --database-url URL ARGS... --json` prints, run in this process."""
    from restday.cli.app import run

    capsys.readouterr()
    code = run(["--database-url", db_url, *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def dump(db_url: str) -> list[str]:
    """Every row of the SQLite database, to compare before and after a refused write."""
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as con:
        return list(con.iterdump())


def rows(db_url: str, table: str) -> int:
    """How many rows a table of the SQLite database holds."""
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as con:
        return int(con.execute(f"select count(*) from {table}").fetchone()[0])


def problem(response, status: int, field: str | None = None) -> dict:
    """The problem JSON of a refused request, after checking its status and the field it names."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["detail"]
    assert "Traceback" not in response.text
    if field is not None:
        assert field in [e["field"] for e in body.get("errors", [])], body
    return body


@pytest.fixture
def trained(client):
    """A person in Amsterdam who squatted heavy on Tuesday and ran on Wednesday."""
    assert client.put("/api/profile", json={"timezone": "Europe/Amsterdam"}).status_code == 200
    for session in (SQUAT, {**RUN, "intensity": "hard"}):
        assert client.post("/api/sessions", json=session).status_code == 201, session
    return client


def test_status_is_the_contract_and_what_the_cli_prints(trained, db_url, capsys):
    answer = trained.get("/api/status", params={"at": AT})
    assert answer.status_code == 200
    data = answer.json()
    validate(data, "status")
    assert data == cli_json(capsys, db_url, "status", "--at", AT)
    quads = next(m for m in data["muscles"] if m["muscle"] == "quadriceps")
    assert quads["state"] == "recovering" and quads["last_trained"] == "2026-11-25T07:00:00+01:00"


def test_today_takes_minutes_and_lang_as_the_cli_does(trained, db_url, capsys):
    params = {"at": AT, "minutes": 30, "lang": "nl"}
    data = trained.get("/api/today", params=params).json()
    validate(data, "today")
    assert data == cli_json(capsys, db_url, "today", "--at", AT, "--minutes", "30", "--lang", "nl")
    assert data["date"] == "2026-11-26"
    english = trained.get("/api/today", params={"at": AT, "minutes": 30}).json()
    assert english["headline"] != data["headline"]


def test_load_is_the_contract_and_what_the_cli_prints(trained, db_url, capsys):
    data = trained.get("/api/load", params={"at": AT, "days": 10}).json()
    validate(data, "load")
    assert data == cli_json(capsys, db_url, "load", "--at", AT, "--days", "10")
    assert len(data["days"]) == 10 and data["days"][-1]["date"] == "2026-11-26"
    assert [d["load"] > 0 for d in data["days"][-3:-1]] == [True, True]


def test_rules_list_the_rulebook_as_the_cli_does(client, db_url, capsys):
    data = client.get("/api/rules").json()
    assert data == cli_json(capsys, db_url, "rules")
    assert "rest.heavy_legs" in {r["id"] for r in data["rules"]}


def test_a_time_without_zone_is_the_profiles_and_one_with_an_offset_is_kept(trained):
    local = trained.get("/api/status", params={"at": AT}).json()
    assert local["at"] == "2026-11-26T18:00:00+01:00"
    utc = trained.get("/api/status", params={"at": "2026-11-26T17:00:00+00:00"}).json()
    assert utc["at"] == local["at"]


def test_the_profile_changes_only_the_fields_given(client):
    assert client.get("/api/profile").json()["goal"] == "muscle"
    changed = client.put("/api/profile", json={"goal": "endurance", "body_mass_kg": 70}).json()
    assert (changed["goal"], changed["body_mass_kg"]) == ("endurance", 70)
    again = client.put("/api/profile", json={"experience": "advanced"}).json()
    assert (again["goal"], again["experience"], again["body_mass_kg"]) == (
        "endurance",
        "advanced",
        70,
    )
    assert client.get("/api/profile").json() == again


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"goal": "fame"}, "goal"),
        ({"body_mass_kg": "heavy"}, "body_mass_kg"),
        ({"body_mass_kg": 4000}, "body_mass_kg"),
        ({"lang": "fr"}, "lang"),
        ({"timzone": "UTC"}, "timzone"),
        ({"resting_hr_bpm": 120, "max_hr_bpm": 110}, "resting_hr_bpm"),
    ],
)
def test_a_wrong_profile_is_refused_naming_the_field_and_nothing_changes(
    client, db_url, body, field
):
    before = dump(db_url)
    problem(client.put("/api/profile", json=body), 422, field)
    assert dump(db_url) == before


def test_a_checkin_is_stored_in_the_profiles_zone_and_answered_with_its_id(client, db_url):
    client.put("/api/profile", json={"timezone": "Europe/Amsterdam"})
    entry = {
        "at": "2026-11-30T07:30",
        "sleep_h": 6.5,
        "sleep_quality": 2,
        "soreness": {"legs": 2},
        "fatigue": 4,
        "injuries": ["back"],
        "irritable": True,
    }
    answer = client.post("/api/checkins", json=entry)
    assert answer.status_code == 201
    stored = answer.json()
    assert stored["id"] >= 1 and stored["at"] == "2026-11-30T07:30:00+01:00"
    assert (stored["soreness"], stored["injuries"], stored["irritable"]) == (
        {"legs": 2},
        ["back"],
        True,
    )
    assert rows(db_url, "checkins") == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"sleep_h": 30}, "sleep_h"),
        ({"soreness": {"legs": 5}}, "soreness.legs"),
        ({"soreness": {"tail": 1}}, "soreness"),
        ({"injuries": ["wing"]}, "injuries[0]"),
        ({"fatigue": "tired"}, "fatigue"),
        ({"at": "yesterday"}, "at"),
        ({"at": "2030-01-01T08:00"}, "at"),
        ({"irritable": "yes"}, "irritable"),
        ({"sleep": 7}, "sleep"),
    ],
)
def test_a_wrong_checkin_is_refused_naming_the_field_and_nothing_is_stored(
    client, db_url, body, field
):
    before = dump(db_url)
    problem(client.post("/api/checkins", json=body), 422, field)
    assert dump(db_url) == before


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/status", {"at": "garbage"}, "at"),
        ("/api/status", {"at": "2300-01-01T00:00"}, "at"),
        ("/api/status", {"lang": "fr"}, "lang"),
        ("/api/today", {"minutes": 0}, "minutes"),
        ("/api/today", {"minutes": "nan"}, "minutes"),
        ("/api/today", {"minutes": "lots"}, "minutes"),
        ("/api/load", {"days": -1}, "days"),
        ("/api/load", {"days": 10**9}, "days"),
        ("/api/load", {"days": "1e3"}, "days"),
        ("/api/status", {"at": "x" * 65}, "at"),
    ],
)
def test_a_wrong_query_is_refused_naming_the_parameter(client, path, params, field):
    problem(client.get(path, params=params), 422, field)


def test_a_clock_change_hour_that_does_not_exist_is_refused(client):
    client.put("/api/profile", json={"timezone": "Europe/Amsterdam"})
    body = problem(client.get("/api/status", params={"at": "2026-03-29T02:30"}), 422, "at")
    assert "does not exist" in body["errors"][0]["message"]


def test_an_unknown_route_is_problem_json_too(client):
    problem(client.get("/api/nothing"), 404)


def test_a_method_a_route_does_not_take_says_which_it_does(client):
    answer = client.post("/api/status")
    problem(answer, 405)
    assert answer.headers["allow"] == "GET"
