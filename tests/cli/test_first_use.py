"""What a new user met trying the command line: an imported Strong history, then today and status."""

import pytest

STRONG = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:00:00,Full body,1h,Squat (Barbell),1,100,5,0,0,,,8
2026-11-24 18:00:00,Full body,1h,Bench Press (Barbell),1,80,5,0,0,,,8
2026-11-24 18:00:00,Full body,1h,Bicep Curl (Barbell),1,30,10,0,0,,,8
2026-11-26 18:00:00,Full body,1h,Squat (Barbell),1,100,5,0,0,,,8
2026-11-26 18:00:00,Full body,1h,Bench Press (Barbell),1,80,5,0,0,,,8
2026-11-26 18:00:00,Full body,1h,Bicep Curl (Barbell),1,30,10,0,0,,,8
2026-11-26 18:00:00,Full body,1h,Bent Over Row (Barbell),1,60,8,0,0,,,8
2026-11-27 18:00:00,Shoulders,30m,Overhead Press (Barbell),1,40,8,0,0,,,8
"""
# Monday morning: legs, chest and arms were trained on two days of the past seven, back and
# shoulders on one, core on none; every region has recovered (the quadriceps on Sunday night:
# Thursday's squats came 25 h early and their fatigue added up, docs/rules.md).
MONDAY = "2026-11-30T08:00"


@pytest.fixture
def imported(restday, tmp_path):
    restday.ok("profile", "--goal", "muscle", "--timezone", "Europe/Amsterdam")
    path = tmp_path / "strong.csv"
    path.write_text(STRONG)
    restday.ok("import", "strong", str(path))
    return restday


def test_each_region_due_for_training_is_named_with_its_own_count(imported):
    data = imported.ok("today", "--at", MONDAY, "--json").json()
    assert data["train"]["session"]["regions"] == ["core", "back"]
    due = [r["text"] for r in data["reasons"] if r["rule"] == "freq.twice_weekly"]
    assert due == [
        "Due for training: core (trained on 0 days of the past 7; the aim is 2).",
        "Due for training: back (trained on 1 day of the past 7; the aim is 2).",
    ]
    words = imported.ok("today", "--at", MONDAY, "--lang", "nl").out
    assert "Aan de beurt: core (de afgelopen 7 dagen op 0 dagen getraind" in words
    assert "Aan de beurt: rug (de afgelopen 7 dagen op 1 dag getraind" in words


def table_row(table: str, muscle: str) -> list[str]:
    row = next(line for line in table.splitlines() if f" {muscle} " in line)
    return [cell.strip() for cell in row.strip("│").split("│")]


def test_a_ready_muscle_says_since_when_and_a_recovering_one_until_when(imported):
    table = imported.ok("status", "--at", MONDAY).out
    assert table_row(table, "hamstrings")[1:] == ["hamstrings", "100%", "since Sat 07:00"]
    assert table_row(table, "quadriceps")[1:] == ["quadriceps", "100%", "since Sun 22:53"]
    sunday = imported.ok("status", "--at", "2026-11-29T08:00").out
    assert table_row(sunday, "quadriceps")[1:] == ["quadriceps", "80%", "Sun 22:53"]
    assert table_row(table, "abdominals")[1:] == ["abdominals", "100%", ""]  # never trained
    dutch = imported.ok("status", "--at", MONDAY, "--lang", "nl").out
    assert table_row(dutch, "kuiten")[1:] == ["kuiten", "100%", "sinds za 07:00"]
    # The contract keeps the moment each muscle was (or will be) ready.
    data = imported.ok("status", "--at", MONDAY, "--json").json()
    hamstrings = next(m for m in data["muscles"] if m["muscle"] == "hamstrings")
    assert (hamstrings["state"], hamstrings["ready_at"]) == ("ready", "2026-11-28T07:00:00+01:00")


def test_a_muscle_ready_more_than_six_days_ago_says_the_date(imported):
    table = imported.ok("status", "--at", "2026-12-10T08:00").out
    assert table_row(table, "quadriceps")[-1] == "since 29 Nov"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_status_table_fits_80_columns_without_cutting_a_cell(imported, lang):
    for at in (MONDAY, "2026-11-24T19:00", "2026-12-10T08:00"):
        out = imported.ok("status", "--at", at, "--lang", lang, COLUMNS="80").out
        table = [line for line in out.splitlines() if line[:1] in "┏┃┡│├└"]
        assert len(table) > 20
        assert not [line for line in table if "…" in line]
        assert max(len(line) for line in table) <= 80
