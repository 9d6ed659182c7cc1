"""`restday calibration`: each region's rate in words, and as JSON."""


def test_calibration_says_each_region_keeps_the_rulebooks_pace_without_checkins(cli):
    out = cli.ok("calibration", "--at", "2026-11-26T18:00").out
    assert "legs: 1× the rulebook's pace (0 check-ins, 0% sure)" in out
    assert "until there are 4 check-ins 2 days after heavy work there; so far 0" in out
    data = cli.ok("calibration", "--at", "2026-11-26T18:00", "--json").json()
    assert data["enabled"] is True
    assert {r["region"]: r["rate"] for r in data["regions"]}["legs"] == 1.0
    assert all(r["reasons"][0]["rule"] == "calibration" for r in data["regions"])


def test_calibration_speaks_dutch(cli):
    out = cli.ok("calibration", "--at", "2026-11-26T18:00", "--lang", "nl").out
    assert "benen: 1× het tempo van het regelboek" in out
