"""`restday load` through the command line."""

from tests.cli.conftest import validate


def test_load_json_follows_the_contract_with_session_rpe(cli):
    cli.ok(
        "log",
        "class",
        "--kind",
        "barre",
        "--minutes",
        "60",
        "--rpe",
        "7",
        "--at",
        "2026-11-23T18:00",
    )
    cli.ok(
        "log",
        "endurance",
        "--sport",
        "run",
        "--minutes",
        "30",
        "--intensity",
        "easy",
        "--rpe",
        "3",
        "--at",
        "2026-11-24T07:00",
    )
    data = cli.ok("load", "--days", "3", "--at", "2026-11-25T12:00", "--json").json()
    validate(data, "load")
    assert data["metric"] == "srpe"
    assert [d["date"] for d in data["days"]] == ["2026-11-23", "2026-11-24", "2026-11-25"]
    assert [d["load"] for d in data["days"]] == [420, 90, 0]
    assert data["days"][0]["ctl"] == round(420 * (1 - 2.718281828459045 ** (-1 / 42)), 1)


def test_load_table_has_a_sparkline(cli):
    cli.ok(
        "log",
        "class",
        "--kind",
        "barre",
        "--minutes",
        "60",
        "--rpe",
        "7",
        "--at",
        "2026-11-23T18:00",
    )
    out = cli.ok("load", "--days", "7", "--at", "2026-11-25T12:00").out
    assert "█" in out and "CTL" in out


def test_the_dutch_load_table_uses_decimal_commas(cli):
    cli.ok(
        "log",
        "class",
        "--kind",
        "barre",
        "--minutes",
        "60",
        "--rpe",
        "7",
        "--at",
        "2026-11-23T18:00",
    )
    out = cli.ok("load", "--days", "2", "--at", "2026-11-24T12:00", "--lang", "nl").out
    assert (
        "Belasting" in out and "9,9" in out
    )  # CTL after 420 on day one: 420 x (1 - e^(-1/42)) = 9.88
