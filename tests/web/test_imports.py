"""/import: uploads imported (or tried) with the report on the page, refused files named with
nothing written, exercise names mapped, a backup restored."""

import json
from pathlib import Path

from restday import service
from restday.service import importing
from restday.web.pages.imports import detect_format
from tests.web.conftest import html, post_form

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def _upload(client, *paths: Path, fmt: str = "auto", **fields: str):
    files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
    return post_form(client, "/import", {"format": fmt, **fields}, files=files)


def html_page_count(page, name: str) -> str:
    return page.select_one(f"dd[data-count={name}]")["data-value"]


def _sessions(client) -> int:
    return len(service.history(client.app.state.db, user="me").sessions)


def test_a_strong_export_is_imported_and_reported(client):
    response = _upload(client, FIXTURES / "strong_comma.csv", fmt="strong")
    assert response.status_code == 200
    page = html(response)
    assert page.select_one("#report-title").text == "Import report"
    assert html_page_count(page, "sessions_added") == "2"
    assert html_page_count(page, "sets_added") == "8"
    assert "strong_comma.csv" in page.select_one(".import-report").text
    assert "restday-upload" not in response.text and "/tmp/" not in response.text
    assert _sessions(client) == 2
    again = html(_upload(client, FIXTURES / "strong_comma.csv"))  # recognised, and known
    assert html_page_count(again, "sessions_added") == "0"
    assert html_page_count(again, "sessions_skipped_duplicate") == "2"
    assert _sessions(client) == 2


def test_a_dry_run_reports_and_writes_nothing(client):
    page = html(_upload(client, FIXTURES / "strong_comma.csv", dry_run="1"))
    assert page.select_one("#report-title").text == "Dry run: nothing was written"
    assert html_page_count(page, "sessions_added") == "2"
    assert _sessions(client) == 0
    names = [i["value"] for i in page.select(".map-form input[name=name]")]
    assert names == ["Treadmill"]  # the report's names can be mapped before the real import


def test_a_broken_file_is_named_on_the_page_and_nothing_is_written(client):
    response = _upload(
        client, FIXTURES / "strong_comma.csv", FIXTURES / "gpx_broken.gpx", fmt="gpx"
    )
    assert response.status_code == 422
    error = html(response).select_one(".import-error").text
    assert error.startswith("strong_comma.csv") or error.startswith("gpx_broken.gpx")
    broken = _upload(client, FIXTURES / "gpx_broken.gpx")
    assert broken.status_code == 422
    page = html(broken)
    assert page.select_one(".import-error").text.startswith("gpx_broken.gpx, line ")
    assert "Nothing was written" in page.select_one(".error-summary").text
    assert _sessions(client) == 0


def test_one_bad_file_among_several_stops_them_all(client, tmp_path):
    bad = tmp_path / "bad.csv"
    good = (FIXTURES / "strong_comma.csv").read_text()
    bad.write_text(good.replace("2022-09-21 10:26:28", "yesterday", 1))
    response = _upload(client, FIXTURES / "strong_shuffled.csv", bad, fmt="strong")
    assert response.status_code == 422
    assert html(response).select_one(".import-error").text.startswith("bad.csv, line 2")
    assert _sessions(client) == 0


def test_no_file_or_an_unknown_kind_of_file_is_said_so(client, tmp_path):
    assert _upload(client).status_code == 422
    notes = tmp_path / "notes.txt"
    notes.write_text("squats")
    page = html(_upload(client, notes))
    assert "notes.txt" in page.select_one(".import-error").text


def test_formats_are_recognised_by_ending_and_header():
    assert detect_format(FIXTURES / "hevy_kg.csv") == "hevy"
    assert detect_format(FIXTURES / "strong_bom_german.csv") == "strong"
    assert detect_format(FIXTURES / "strong_quoted_seconds.csv") == "strong"
    assert detect_format(FIXTURES / "fit_run.fit") == "fit"
    assert detect_format(FIXTURES / "tcx_two_laps.tcx") == "tcx"
    assert detect_format(FIXTURES / "empty.csv") is None


def test_an_unmatched_name_is_mapped_to_a_catalogue_exercise(client):
    _upload(client, FIXTURES / "strong_comma.csv")
    page = html(client.get("/import"))
    form = page.select_one(".map-form")
    assert form.select_one("input[name=name]")["value"] == "Treadmill"
    assert form.select_one("input[name=exercise]")["list"] == "exercise-names"
    assert page.select("#exercise-names option")
    wrong = post_form(client, "/import/map", {"name": "Treadmill", "exercise": "Zorbatron"})
    assert wrong.status_code == 422
    assert html(wrong).select_one(".map-form .field-error")
    done = post_form(client, "/import/map", {"name": "Treadmill", "exercise": "Running, Treadmill"})
    assert done.status_code == 303
    after = html(client.get(done.headers["location"]))
    assert "Running, Treadmill" in after.select_one(".notice").text
    assert after.select(".map-form") == []
    assert importing.unmatched(client.app.state.db, user="me") == []


def test_a_backup_is_restored_into_an_empty_history_only(client, tmp_path):
    from restday.service import backup

    _upload(client, FIXTURES / "strong_comma.csv")
    db = client.app.state.db
    path = tmp_path / "restday-backup.json"
    path.write_text(json.dumps(backup.backup_data(db, user="me")))
    for session in service.history(db, user="me").sessions:
        service.delete_session(db, session.id, user="me")
    tried = html(_upload(client, path, dry_run="1"))
    assert "would restore 2 sessions" in tried.select_one(".import-report").text
    assert _sessions(client) == 0
    restored = html(_upload(client, path))
    assert "Restored 2 sessions" in restored.select_one(".import-report").text
    assert _sessions(client) == 2
    refused = _upload(client, path)
    assert refused.status_code == 409
    assert html(refused).select_one(".import-error").text.startswith("restday-backup.json: ")
    assert _sessions(client) == 2


def test_real_strong_exports(client, shared_data):
    clean = html(_upload(client, shared_data / "strong" / "breinsp_strong-charts.csv"))
    added = int(html_page_count(clean, "sessions_added"))
    assert added > 50 and _sessions(client) == added
    export = shared_data / "strong" / "dstanek_lifting.csv"
    refused = _upload(client, export)
    assert refused.status_code == 422
    error = html(refused).select_one(".import-error").text
    assert error.startswith('dstanek_lifting.csv, line 2401, column Reps "877777"')
    assert _sessions(client) == added
    page = html(_upload(client, export, skip_invalid="1"))
    assert any(
        li.text.startswith("dstanek_lifting.csv, line 2401") for li in page.select(".skipped li")
    )
    more = int(html_page_count(page, "sessions_added"))
    assert more > 100 and _sessions(client) == added + more
