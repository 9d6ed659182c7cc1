"""A plan's contract, its violations worded, and a planned day in words for the table and calendar."""

from restday.present import check_data, describe_day, plan_data, violations_data, why

STRENGTH_DAY = {
    "date": "2026-11-30",  # a Monday
    "activity": "strength",
    "intensity": "heavy",
    "regions": ["legs", "core"],
    "minutes": 45,
    "active_recovery_minutes": 15,
    "rules": ["rest.heavy_legs", "freq.twice_weekly"],
}
REST_DAY = {"date": "2026-12-01", "activity": "rest", "rules": ["recovery.planned"]}
PLAN = {
    "start": "2026-11-30",
    "days": [STRENGTH_DAY, REST_DAY],
    "context": {"available": {"mon": 60, "tue": None}},
    "violations": [
        {
            "rule": "classes.streak",
            "date": "2026-11-30",
            "text_key": "violation.class_streak",
            "params": {"count": 4, "max": 3},
        }
    ],
}


def test_why_words_each_rule_and_says_a_rest_day_was_not_free(en, nl):
    assert why(STRENGTH_DAY, PLAN, en) == (
        "Legs then rest longer (heavy leg day); each group twice a week"
    )
    assert why(REST_DAY, PLAN, en) == "Not a free day; rest is part of the plan"
    assert why(REST_DAY, PLAN, nl) != why(REST_DAY, PLAN, en)


def test_a_free_rest_day_is_not_called_unavailable(en):
    free = {**PLAN, "context": {"available": {"tue": 30}}}
    assert why(REST_DAY, free, en) == "Rest is part of the plan"


def test_describe_day_gives_a_title_and_the_minutes_why_and_rules(en):
    title, description = describe_day(STRENGTH_DAY, PLAN, en)
    assert title.startswith(en.ui("plan.strength") + ": ")
    assert "legs and core" in title
    lines = description.split("\n")
    assert lines[0] == title
    assert lines[1] == "45 min"
    assert lines[-1] == "Planned by: rest.heavy_legs, freq.twice_weekly"


def test_violations_carry_their_sentence_next_to_their_rule_and_params(en, nl):
    (english,) = violations_data(PLAN["violations"], en)
    (dutch,) = violations_data(PLAN["violations"], nl)
    assert english == {**PLAN["violations"][0], "text": english["text"]}
    assert "4 classes in a row" in english["text"]
    assert english["text"] != dutch["text"]


def test_plan_data_keeps_the_plan_and_words_its_violations(en):
    data = plan_data(PLAN, en)
    assert data["days"] == PLAN["days"]
    assert data["violations"][0]["text"] == violations_data(PLAN["violations"], en)[0]["text"]
    assert "text" not in PLAN["violations"][0]  # the plan given is left as it was


def test_check_data_names_the_file(en):
    assert check_data("week.json", [], en) == {"file": "week.json", "violations": []}
