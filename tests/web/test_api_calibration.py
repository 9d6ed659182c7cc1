"""GET /api/calibration: each region's rate and evidence, the same JSON as the CLI's --json."""

from tests.web.test_api import SQUAT, cli_json

AT = "2026-12-01T09:00"


def test_calibration_counts_the_checkins_and_is_what_the_cli_prints(client, db_url, capsys):
    assert client.put("/api/profile", json={"timezone": "Europe/Amsterdam"}).status_code == 200
    for day, sore_day in (("2026-11-16", "2026-11-18"), ("2026-11-19", "2026-11-21")):
        session = {**SQUAT, "at": f"{day}T18:00"}
        assert client.post("/api/sessions", json=session).status_code == 201
        entry = {"at": f"{sore_day}T08:00", "soreness": {"legs": 2}}
        assert client.post("/api/checkins", json=entry).status_code == 201
    data = client.get("/api/calibration", params={"at": AT}).json()
    assert data == cli_json(capsys, db_url, "calibration", "--at", AT)
    legs = next(r for r in data["regions"] if r["region"] == "legs")
    assert (legs["rate"], legs["observations"], legs["slower"]) == (1.0, 2, 2)
    assert legs["reasons"][0]["rule"] == "calibration"
    assert legs["reasons"][0]["text"].endswith("so far 2.")
    dutch = client.get("/api/calibration", params={"at": AT, "lang": "nl"}).json()
    assert dutch["regions"][0]["reasons"][0]["text"] != data["regions"][0]["reasons"][0]["text"]
