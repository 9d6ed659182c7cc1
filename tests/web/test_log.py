"""/log: every kind of session is stored as `restday log` stores it; "add set" and "add exercise"
keep what was typed; a bad value is shown beside its field, the input kept and nothing stored."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from restday import service
from restday.service import LOCAL_USER
from tests.web.conftest import html, post_form


def sessions(db):
    return list(service.history(db, user=LOCAL_USER).sessions)


def strength_form(**extra):
    return {
        "kind": "strength",
        "start": "2026-11-20T18:00",
        "minutes": "60",
        "rpe": "8",
        "exercises[0].name": "Barbell Squat",
        "exercises[0].sets[0].reps": "5",
        "exercises[0].sets[0].weight_kg": "100",
        "exercises[0].sets[1].reps": "5",
        "exercises[0].sets[1].weight_kg": "102,5",
        "exercises[0].sets[1].rpe": "9",
        "exercises[0].sets[2].reps": "",
        "exercises[1].name": "pushups",
        "exercises[1].spec": "3x10, 1x8",
        **extra,
    }


def field_error(page, name):
    """The error shown beside the control `name`, after checking the control points at it."""
    control = page.find(id=name)
    assert control is not None, name
    described = control.get("aria-describedby", "")
    assert f"{name}-error" in described.split(), (name, described)
    return page.find(id=f"{name}-error").get_text(" ", strip=True)


def test_the_form_starts_now_in_the_profile_zone_with_suggestions(client, db):
    service.update_profile(db, user=LOCAL_USER, timezone="Europe/Amsterdam")
    page = html(client.get("/log"))
    start = page.find("input", attrs={"name": "start"})
    assert start["type"] == "datetime-local"
    shown = datetime.fromisoformat(start["value"]).replace(tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert abs((datetime.now(ZoneInfo("UTC")) - shown).total_seconds()) < 120
    names = page.find("input", attrs={"name": "exercises[0].name"})
    options = [o["value"] for o in page.find("datalist", id=names["list"]).find_all("option")]
    assert "Barbell Squat" in options and len(options) > 500
    reps = page.find("input", attrs={"name": "exercises[0].sets[0].reps"})
    assert (reps["min"], reps["max"], reps["step"]) == ("1", "10000", "1")
    assert page.find("input", attrs={"name": "minutes"})["inputmode"] == "decimal"
    assert page.find("input", attrs={"name": "exercises[0].spec"}) is not None


def test_a_strength_session_with_rows_and_a_spec_is_stored(client, db):
    response = post_form(client, "/log", strength_form())
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/?done=logged"
    [stored] = sessions(db)
    assert stored.kind == "strength" and stored.minutes == 60 and stored.rpe == 8
    assert stored.start == datetime(2026, 11, 20, 18, tzinfo=ZoneInfo("UTC"))
    squat, pushups = stored.exercises
    assert squat.name == "Barbell Squat"
    assert [(s.reps, s.weight_kg, s.rpe) for s in squat.sets] == [(5, 100, None), (5, 102.5, 9)]
    assert pushups.name == "pushups"
    assert [s.reps for s in pushups.sets] == [10, 10, 10, 8]
    notes = html(client.get("/log")).find_all(class_="notice")
    assert any("Barbell Squat" in n.text and "60 min" in n.text for n in notes)


def test_the_confirmation_is_shown_once(client, db):
    post_form(client, "/log", strength_form())
    assert "Barbell Squat" in client.get("/checkin").text
    assert "Barbell Squat" not in client.get("/checkin").text


def test_add_set_and_add_exercise_keep_the_input(client, db):
    form = strength_form(add_set="0")
    page = html(post_form(client, "/log", form))
    assert page.find("input", attrs={"name": "exercises[0].sets[3].reps"}) is not None
    assert page.find("input", attrs={"name": "exercises[0].sets[1].weight_kg"})["value"] == "102,5"
    assert page.find("input", attrs={"name": "exercises[1].spec"})["value"] == "3x10, 1x8"
    page = html(post_form(client, "/log", strength_form(add_exercise="1")))
    assert page.find("input", attrs={"name": "exercises[2].name"})["value"] == ""
    assert page.find("input", attrs={"name": "exercises[0].name"})["value"] == "Barbell Squat"
    assert page.find("input", attrs={"name": "minutes"})["value"] == "60"
    assert sessions(db) == []


def test_a_suggested_name_can_be_picked(client, db):
    page = html(
        post_form(client, "/log", strength_form(**{"exercises[0].name": "flying kettle spin"}))
    )
    picks = [b["value"] for b in page.find_all("button", attrs={"name": "pick"})]
    assert picks and all(p.startswith("0:") for p in picks)
    page = html(post_form(client, "/log", strength_form(pick=picks[0])))
    assert page.find("input", attrs={"name": "exercises[0].name"})["value"] == picks[0][2:]


@pytest.mark.parametrize(
    ("change", "control", "words"),
    [
        ({"exercises[1].name": "flying kettle spin"}, "exercises[1].name", "Unknown exercise"),
        ({"exercises[0].sets[1].reps": "0"}, "exercises[0].sets[1].reps", "from 1 to 10,000"),
        ({"exercises[0].sets[0].rpe": "11"}, "exercises[0].sets[0].rpe", "from 1 to 10"),
        ({"rpe": "11"}, "rpe", "from 1 to 10"),
        ({"start": "2150-01-01T10:00"}, "start", "at most 3 days after now"),
        ({"minutes": "-5"}, "minutes", "above 0"),
        ({"exercises[1].spec": "3x0"}, "exercises[1].spec", "reps must be"),
        ({"exercises[1].spec": "lots"}, "exercises[1].spec", "e.g. 5x5@120kg"),
    ],
)
def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_stored(
    client, db, change, control, words
):
    form = strength_form(**change)
    response = post_form(client, "/log", form)
    assert response.status_code == 422
    page = html(response)
    assert words in field_error(page, control)
    summary = page.find(class_="error-summary")
    assert summary.find("a", href=f"#{control}") is not None
    for name, value in form.items():
        if name.startswith("exercises") and name != "exercises[0].sets[2].reps":
            assert page.find("input", attrs={"name": name})["value"] == value
    assert sessions(db) == []


def test_a_set_from_the_spec_is_blamed_on_the_spec_box(client, db):
    page = html(post_form(client, "/log", strength_form(**{"exercises[1].spec": "2x10@2000kg"})))
    assert "from 0 to 1,000" in field_error(page, "exercises[1].spec")


def test_every_problem_is_shown_at_once(client, db):
    form = strength_form(minutes="", rpe="0", **{"exercises[0].sets[0].reps": "x"})
    page = html(post_form(client, "/log", form))
    links = page.find(class_="error-summary").find_all("a")
    assert [a["href"] for a in links] == ["#minutes", "#rpe", "#exercises[0].sets[0].reps"]
    assert links[0].text == "Minutes: Fill this in"
    assert links[2].text == "Exercise 1, Set 1, Reps: Must be a number"


def test_a_session_without_exercises_is_refused(client, db):
    form = {"kind": "strength", "minutes": "30", "exercises[0].name": ""}
    page = html(post_form(client, "/log", form))
    assert "at least one exercise" in field_error(page, "exercises[0].name")
    form = {"kind": "strength", "minutes": "30", "exercises[0].name": "Barbell Squat"}
    page = html(post_form(client, "/log", form))
    assert "at least one set" in field_error(page, "exercises[0].spec")
    assert sessions(db) == []


@pytest.mark.parametrize(
    ("form", "check"),
    [
        (
            {"kind": "endurance", "sport": "run", "intensity": "hard", "distance_km": "10"},
            lambda s: (s.sport, s.intensity, s.distance_km) == ("run", "hard", 10),
        ),
        (
            {"kind": "class", "class_kind": "indoor-cycling"},
            lambda s: s.class_kind == "indoor-cycling",
        ),
        (
            {"kind": "recovery", "recovery_kind": "foam-rolling"},
            lambda s: s.recovery_kind == "foam-rolling",
        ),
        (
            {"kind": "bodyweight", "exercises[0].name": "plank", "exercises[0].spec": "3x60s"},
            lambda s: [x.seconds for x in s.exercises[0].sets] == [60, 60, 60],
        ),
        (
            {
                "kind": "bodyweight",
                "exercises[0].name": "plank",
                "exercises[0].sets[0].seconds": "45",
            },
            lambda s: s.exercises[0].sets[0].seconds == 45,
        ),
    ],
)
def test_every_kind_is_logged(client, db, form, check):
    page = html(client.get(f"/log?kind={form['kind']}"))
    for name in form:
        if name != "kind":
            assert page.find(attrs={"name": name}) is not None, name
    response = post_form(client, "/log", {"start": "2026-11-25T07:30", "minutes": "45", **form})
    assert response.status_code == 303, html(response).find(class_="error-summary")
    [stored] = sessions(db)
    assert stored.kind == form["kind"] and check(stored)


def test_an_endurance_session_needs_its_sport(client, db):
    form = {"kind": "endurance", "minutes": "30", "sport": "", "intensity": "easy"}
    page = html(post_form(client, "/log", form))
    assert field_error(page, "sport")
    assert page.find("input", attrs={"name": "intensity", "value": "easy"}).has_attr("checked")
    assert sessions(db) == []


def test_an_overlapping_session_is_stored_with_a_warning(client, db):
    form = {"kind": "class", "class_kind": "yoga", "start": "2026-11-20T18:30", "minutes": "45"}
    post_form(client, "/log", strength_form())
    response = post_form(client, "/log", form)
    assert response.status_code == 303
    warnings = html(client.get("/log")).find_all(class_="warning")
    assert any("overlaps" in w.text for w in warnings)
    assert len(sessions(db)) == 2


def test_a_session_in_the_future_is_stored_with_a_warning(client, db):
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    form = {"kind": "recovery", "recovery_kind": "massage", "start": tomorrow, "minutes": "30"}
    assert post_form(client, "/log", form).status_code == 303
    warnings = html(client.get("/log")).find_all(class_="warning")
    assert any("in the future" in w.text for w in warnings)
    assert len(sessions(db)) == 1


def test_dutch_words_and_names(client, db):
    service.update_profile(db, user=LOCAL_USER, lang="nl")
    page = html(client.get("/log?kind=endurance"))
    assert page.find("h1").text == "Training vastleggen"
    labels = [o.text for o in page.find("select", attrs={"name": "sport"}).find_all("option")]
    assert "Hardlopen" in labels


def test_a_form_without_its_csrf_token_is_refused_and_nothing_is_stored(client, db):
    client.get("/log")
    response = client.post("/log", data=strength_form())
    assert response.status_code == 403
    assert sessions(db) == []
