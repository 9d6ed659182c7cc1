"""/api/sessions: log with the fields of `restday log`, list a page at a time, read and delete;
every wrong field named, nothing stored by a refused request."""

import pytest

from tests.web.test_api import SQUAT, cli_json, dump, problem, rows, validate


@pytest.fixture
def amsterdam(client):
    client.put("/api/profile", json={"timezone": "Europe/Amsterdam"})
    return client


def log(client, body) -> dict:
    answer = client.post("/api/sessions", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_strength_session_with_the_cli_spec_is_stored_and_answered_with_its_id(amsterdam):
    answer = amsterdam.post("/api/sessions", json=SQUAT)
    assert answer.status_code == 201
    stored = answer.json()
    assert answer.headers["location"] == f"/api/sessions/{stored['id']}"
    assert (stored["kind"], stored["at"], stored["minutes"], stored["rpe"]) == (
        "strength",
        "2026-11-24T18:00:00+01:00",
        60,
        8,
    )
    (squat,) = stored["exercises"]
    assert squat["name"] == "Barbell Squat" and len(squat["sets"]) == 5
    assert {(s["reps"], s["weight_kg"]) for s in squat["sets"]} == {(5, 100)}
    assert amsterdam.get(answer.headers["location"]).json() == {
        k: v for k, v in stored.items() if k != "overlaps"
    }


def test_sets_may_be_a_list_with_reps_weight_seconds_and_rpe(amsterdam):
    sets = [
        {"reps": 8, "weight_kg": 60, "rpe": 7},
        {"reps": 6, "weight_kg": 70, "rpe": 9, "set_type": "failure"},
    ]
    stored = log(
        amsterdam,
        {
            "kind": "bodyweight",
            "at": "2026-11-25T08:00",
            "minutes": 20,
            "exercises": [
                {"name": "Bench Press (Barbell)", "sets": sets},
                {"name": "plank", "sets": [{"seconds": 60}, {"seconds": 45}]},
            ],
        },
    )
    bench, plank = stored["exercises"]
    assert [(s["reps"], s["weight_kg"], s["rpe"], s["set_type"]) for s in bench["sets"]] == [
        (8, 60, 7, "normal"),
        (6, 70, 9, "failure"),
    ]
    assert [s["seconds"] for s in plank["sets"]] == [60, 45]


def test_endurance_class_and_recovery_name_their_activity_as_the_cli_does(amsterdam):
    run = log(
        amsterdam,
        {
            "kind": "endurance",
            "minutes": 50,
            "sport": "Run",
            "intensity": "hard",
            "distance_km": 10,
        },
    )
    spin = log(amsterdam, {"kind": "class", "minutes": 45, "class_kind": "indoor-cycling"})
    roll = log(amsterdam, {"kind": "recovery", "minutes": 15, "recovery_kind": "foam-rolling"})
    assert (run["sport"], run["intensity"], run["distance_km"]) == ("run", "hard", 10)
    assert (spin["class_kind"], roll["recovery_kind"]) == ("indoor-cycling", "foam-rolling")
    assert spin["overlaps"] == [run["id"]]


def test_the_history_is_paged_newest_first_and_filtered_by_kind_and_dates(amsterdam):
    ids = [log(amsterdam, {**SQUAT, "at": f"2026-11-{day:02d}T18:00"})["id"] for day in range(1, 8)]
    run = log(
        amsterdam,
        {
            "kind": "endurance",
            "at": "2026-11-03T07:00",
            "minutes": 30,
            "sport": "run",
            "intensity": "easy",
        },
    )["id"]
    first = amsterdam.get("/api/sessions", params={"limit": 3}).json()
    validate(first, "history")
    assert [s["id"] for s in first["sessions"]] == ids[:-4:-1]
    assert (first["total"], first["next_before"]) == (8, ids[-3])
    second = amsterdam.get("/api/sessions", params={"limit": 3, "before": ids[-3]}).json()
    assert [s["id"] for s in second["sessions"]] == [ids[3], ids[2], run]
    runs = amsterdam.get("/api/sessions", params={"kind": "endurance"}).json()
    assert [s["id"] for s in runs["sessions"]] == [run] and runs["next_before"] is None
    dated = amsterdam.get(
        "/api/sessions", params={"since": "2026-11-02T00:00", "until": "2026-11-03T12:00"}
    ).json()
    assert [s["id"] for s in dated["sessions"]] == [run, ids[1]]


def test_the_history_is_what_the_cli_prints(amsterdam, db_url, capsys):
    for day in (20, 22):
        log(amsterdam, {**SQUAT, "at": f"2026-11-{day}T18:00"})
    log(
        amsterdam,
        {"kind": "class", "at": "2026-11-21T10:00", "minutes": 45, "class_kind": "yoga", "rpe": 4},
    )
    page = amsterdam.get("/api/sessions").json()
    assert page["sessions"][::-1] == cli_json(capsys, db_url, "history")["sessions"]


def test_a_session_is_deleted_once_and_then_not_found(amsterdam, db_url):
    stored = log(amsterdam, SQUAT)
    deleted = amsterdam.delete(f"/api/sessions/{stored['id']}")
    assert deleted.status_code == 200 and deleted.json()["id"] == stored["id"]
    assert rows(db_url, "sessions") == 0
    problem(amsterdam.delete(f"/api/sessions/{stored['id']}"), 404)
    problem(amsterdam.get(f"/api/sessions/{stored['id']}"), 404)


@pytest.mark.parametrize("session_id", ["0", "-5", str(10**30), "abc"])
def test_an_id_that_cannot_exist_is_not_found_or_invalid(client, session_id):
    answer = client.get(f"/api/sessions/{session_id}")
    assert answer.status_code in (404, 422)
    problem(answer, answer.status_code)


BAD_SESSIONS = [
    ({**SQUAT, "kind": "juggling"}, "kind"),
    ({**SQUAT, "minutes": "an hour"}, "minutes"),
    ({**SQUAT, "minutes": 0}, "minutes"),
    ({**SQUAT, "rpe": 11}, "rpe"),
    ({**SQUAT, "rpe": True}, "rpe"),
    ({**SQUAT, "at": "next tuesday"}, "at"),
    ({**SQUAT, "at": "2031-01-01T10:00"}, "at"),
    ({**SQUAT, "exercises": [{"name": "Quantum Lift", "sets": "3x5"}]}, "exercises[0].name"),
    ({**SQUAT, "exercises": [{"name": "squat", "sets": "5y5"}]}, "exercises[0].sets"),
    ({**SQUAT, "exercises": [{"name": "squat", "sets": "3x5@2000kg"}]}, "exercises[0].sets"),
    (
        {**SQUAT, "exercises": [{"name": "squat", "sets": [{"reps": 0}]}]},
        "exercises[0].sets[0].reps",
    ),
    (
        {**SQUAT, "exercises": [{"name": "squat", "sets": [{"reps": 2.5}]}]},
        "exercises[0].sets[0].reps",
    ),
    ({**SQUAT, "exercises": [{"name": "squat", "sets": [{"kg": 5}]}]}, "exercises[0].sets[0].kg"),
    ({**SQUAT, "exercises": [{"name": "squat"}]}, "exercises[0].sets"),
    ({**SQUAT, "exercises": "squat"}, "exercises"),
    ({**SQUAT, "exercises": []}, "exercises"),
    ({**SQUAT, "exercises": [7]}, "exercises[0]"),
    ({**SQUAT, "weather": "rain"}, "weather"),
    ({"kind": "endurance", "minutes": 30}, "sport"),
    ({"kind": "endurance", "minutes": 30, "sport": "run"}, "intensity"),
    ({"kind": "endurance", "minutes": 30, "sport": "teleporting", "intensity": "easy"}, "sport"),
    ({"kind": "class", "minutes": 30, "class_kind": 5}, "class_kind"),
    ({"minutes": 30}, "kind"),
    ([SQUAT], "body"),
    ("squat", "body"),
]


@pytest.mark.parametrize(("body", "field"), BAD_SESSIONS)
def test_a_wrong_session_is_refused_naming_the_field_and_nothing_is_stored(
    amsterdam, db_url, body, field
):
    before = dump(db_url)
    problem(amsterdam.post("/api/sessions", json=body), 422, field)
    assert dump(db_url) == before


def test_every_wrong_field_of_a_session_is_named_at_once(client):
    body = {**SQUAT, "rpe": 0, "minutes": -1, "exercises": [{"name": "squat", "sets": "1x0"}]}
    found = problem(client.post("/api/sessions", json=body), 422)
    assert {e["field"] for e in found["errors"]} == {"rpe", "minutes", "exercises[0].sets"}


def test_a_number_too_large_for_a_float_is_out_of_range(client):
    content = b'{"kind": "class", "class_kind": "yoga", "minutes": 1e400}'
    answer = client.post("/api/sessions", content=content)
    assert problem(answer, 422, "minutes")["errors"][0]["value"] == "inf"


@pytest.mark.parametrize(
    "content", [b"{not json", b"", b"\xff\xfe", b'{"minutes": NaN}', b"[" * 100_000]
)
def test_a_body_that_is_not_json_is_a_bad_request(client, db_url, content):
    before = dump(db_url)
    answer = client.post(
        "/api/sessions", content=content, headers={"content-type": "application/json"}
    )
    problem(answer, 400, "body")
    assert dump(db_url) == before


def test_a_huge_body_is_refused_as_too_large(client, db_url):
    before = dump(db_url)
    huge = {**SQUAT, "exercises": [{"name": "squat", "sets": [{"reps": 5}] * 200_000}]}
    problem(client.post("/api/sessions", json=huge), 413)
    assert dump(db_url) == before


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 10**9}, "limit"),
        ({"limit": 0}, "limit"),
        ({"kind": "juggling"}, "kind"),
        ({"since": "garbage"}, "since"),
        ({"until": "3000-01-01T00:00"}, "until"),
        ({"before": 10**30}, "before"),
    ],
)
def test_a_wrong_history_query_is_refused_naming_the_parameter(client, params, field):
    problem(client.get("/api/sessions", params=params), 422, field)


def test_logging_paging_and_deleting_work_on_sqlite_and_postgresql(pg_client):
    pg_client.put("/api/profile", json={"timezone": "Europe/Amsterdam"})
    ids = [log(pg_client, {**SQUAT, "at": f"2026-11-{day}T18:00"})["id"] for day in (10, 12, 14)]
    page = pg_client.get("/api/sessions", params={"limit": 2}).json()
    assert [s["id"] for s in page["sessions"]] == ids[:0:-1] and page["next_before"] == ids[1]
    assert page["sessions"][0]["at"] == "2026-11-14T18:00:00+01:00"
    assert pg_client.delete(f"/api/sessions/{ids[0]}").status_code == 200
    assert pg_client.get("/api/sessions").json()["total"] == 2
    problem(pg_client.post("/api/sessions", json={**SQUAT, "rpe": 12}), 422, "rpe")
    assert pg_client.get("/api/sessions").json()["total"] == 2
