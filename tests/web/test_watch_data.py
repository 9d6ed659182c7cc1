"""Watch data on the web: Apple Health and Strava exports recognised and imported on /import and
through /api/imports, the readiness summary on Today, check-ins and readings under the check-in
form and from GET /api/checkins (the CLI's JSON)."""

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from restday.web.pages.imports import detect_format
from tests.cli.conftest import Cli
from tests.cli.test_watch_data import FIRST, apple_export, morning, strava_zip
from tests.web.conftest import html, post_form

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def upload(client, path: Path, fmt: str = "auto"):
    files = [("files", (path.name, path.read_bytes(), "application/zip"))]
    return post_form(client, "/import", {"format": fmt}, files=files)


def count(page, name: str) -> str:
    return page.select_one(f"dd[data-count={name}]")["data-value"]


def test_exports_are_recognised_by_what_they_hold(tmp_path):
    apple = apple_export(tmp_path, [7.5], [58])
    assert detect_format(apple) == "apple-health"
    renamed = tmp_path / "health.zip"
    renamed.write_bytes(apple.read_bytes())
    assert detect_format(renamed) == "apple-health"
    assert detect_format(strava_zip(tmp_path)) == "strava"
    assert detect_format(FIXTURES / "strava" / "activities_de.csv") == "strava"
    assert detect_format(FIXTURES / "apple-health" / "two_sources.xml") == "apple-health"
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert detect_format(other) is None
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert detect_format(broken) is None


def test_a_bare_export_xml_is_recognised_past_apple_s_dtd_and_in_utf_16(client, tmp_path):
    export = FIXTURES / "apple-health" / "full_dtd.xml"  # <HealthData> after 6 KB of DTD
    utf16 = tmp_path / "export.xml"
    text = export.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    utf16.write_text(text, encoding="utf-16")

    page = html(upload(client, export))

    assert detect_format(export) == "apple-health"
    assert detect_format(utf16) == "apple-health"
    assert count(page, "readings_added") == "1"


def test_an_apple_export_uploaded_on_the_import_page_counts_nights_and_readings(client, tmp_path):
    export = apple_export(tmp_path, [7.5] * 7 + [4.0], [57, 58, 59, 58, 57, 59, 58, 66])
    page = html(upload(client, export))
    assert (count(page, "nights_added"), count(page, "readings_added")) == ("8", "8")
    again = html(upload(client, export))
    assert count(again, "nights_skipped_duplicate") == "8"
    today = html(client.get(f"/?at={morning(7)}"))
    marks = {li["data-readiness"]: li["data-mark"] for li in today.select(".readiness li")}
    assert marks == {"sleep": "low", "resting_hr": "high"}
    text = today.select_one(".readiness").text
    assert "Sleep 4 h (Sam’s Apple Watch): low (aim for 7 to 9 h)" in text
    warnings = today.select_one(".warnings").text
    assert "8 above your 28-day baseline of 58" in warnings


def test_today_without_any_reading_says_how_to_get_them(client):
    section = html(client.get("/")).select_one(".readiness")
    assert "No sleep, resting heart rate or HRV from the last 36 hours" in section.text
    assert {a["href"] for a in section.select("a")} == {"/checkin", "/import"}


def test_the_check_in_page_lists_typed_and_measured_values_with_their_sources(client, tmp_path):
    empty = html(client.get("/checkin")).select_one(".recent-checkins")
    assert "No check-ins or readings in the last 7 days." in empty.text
    two_days_ago = datetime.now(UTC).date() - timedelta(days=2)
    upload(client, apple_export(tmp_path, [6.0, 7.0], [58, 59], first=two_days_ago))
    post_form(client, "/checkin", {"sleep_h": "8", "fatigue": "2"})
    section = html(client.get("/checkin")).select_one(".recent-checkins")
    typed = section.select("dd.typed")
    assert [d["data-source"] for d in typed] == ["cli"]
    assert "(logged by hand): slept 8 h, fatigue 2/5" in typed[0].text
    measured = section.select("dd.measured")
    assert sorted(d["data-measure"] for d in measured) == ["resting_hr_bpm"] * 2 + ["sleep_h"] * 2
    assert "Measured, from apple-health: Sleep 6 h (Sam’s Apple Watch" in section.text


def test_api_checkins_equals_the_cli_and_lists_the_readings(client, tmp_path, db_url):
    export = apple_export(tmp_path, [7.5, 4.0], [58, 61])
    post = client.post(
        "/api/imports",
        data={"format": "apple-health"},
        files=[("files", ("export.zip", export.read_bytes(), "application/zip"))],
    )
    assert post.status_code == 200, post.text
    assert (post.json()["nights_added"], post.json()["readings_added"]) == (2, 2)
    answer = client.get(f"/api/checkins?at={morning(1)}&days=3")
    assert answer.status_code == 200
    days = answer.json()["days"]
    assert [d["date"] for d in days] == [str(FIRST.replace(day=FIRST.day + 1)), str(FIRST)]
    assert {(r["measure"], r["value"]) for r in days[0]["readings"]} == {
        ("sleep_h", 4.0),
        ("resting_hr_bpm", 61.0),
    }
    cli = Cli(Path(db_url.removeprefix("sqlite:///")))
    listed = cli.ok("checkin", "--list", "--at", morning(1), "--days", "3", "--json").json()
    assert listed == answer.json()
    bad = client.get("/api/checkins?days=0")
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "days"


def test_a_utf16_strava_csv_is_recognised(tmp_path):
    text = (FIXTURES / "strava" / "activities_en.csv").read_text()
    path = tmp_path / "activities.csv"
    path.write_text(text, encoding="utf-16")
    assert detect_format(path) == "strava"
