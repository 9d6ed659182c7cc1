"""POST /api/imports: uploaded exports and backups, answered with the CLI's import report."""

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from restday.web.app import create_app
from restday.web.config import WebConfig
from tests.web.conftest import BASE_URL
from tests.web.test_api import cli_json, dump, problem, rows, validate

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"
STRONG = FIXTURES / "strong_comma.csv"


def upload(client, fmt: str, *files: Path, names: tuple[str, ...] = (), **options: str):
    """POST /api/imports with `files` under their own names (or `names`)."""
    parts = [
        ("files", (name, path.read_bytes(), "text/csv"))
        for path, name in zip(files, names or [f.name for f in files], strict=True)
    ]
    return client.post("/api/imports", data={"format": fmt, **options}, files=parts)


def test_a_strong_export_imports_with_the_cli_report(client, db_url, capsys):
    expected = cli_json(capsys, db_url, "import", "strong", str(STRONG), "--dry-run")
    answer = upload(client, "strong", STRONG)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    validate(report, "import-report")
    assert report["files"] == [STRONG.name]
    named = json.loads(json.dumps(expected).replace(str(STRONG), STRONG.name))
    assert {**report, "dry_run": True} == named
    assert report["sessions_added"] == rows(db_url, "sessions") > 0
    again = upload(client, "strong", STRONG).json()
    assert (again["sessions_added"], again["sessions_skipped_duplicate"]) == (
        0,
        report["sessions_added"],
    )


def test_a_dry_run_reports_and_adds_nothing(client, db_url):
    report = upload(client, "hevy", FIXTURES / "hevy_kg.csv", dry_run="true").json()
    assert report["dry_run"] is True and report["sessions_added"] > 0
    assert rows(db_url, "sessions") == rows(db_url, "session_sets") == 0


def test_upload_names_are_kept_safe_and_distinct(client):
    report = upload(
        client, "strong", STRONG, STRONG, names=("../../etc/passwd.csv", "../../etc/passwd.csv")
    ).json()
    assert report["files"] == ["passwd.csv", "2-passwd.csv"]


def test_a_csv_that_is_not_strongs_is_refused_naming_the_file(client, db_url):
    before = dump(db_url)
    body = problem(upload(client, "strong", FIXTURES / "hevy_kg.csv", names=("mine.csv",)), 422)
    assert body["file"] == "mine.csv" and "Strong" in body["detail"]
    assert "/tmp" not in body["detail"]
    assert dump(db_url) == before


def test_one_bad_file_stops_the_whole_import(client, db_url):
    before = dump(db_url)
    answer = upload(client, "strong", STRONG, FIXTURES / "hevy_kg.csv")
    assert problem(answer, 422)["file"] == "hevy_kg.csv"
    assert dump(db_url) == before


@pytest.mark.parametrize(
    ("data", "field"),
    [({"format": "excel"}, "format"), ({}, "format"), ({"format": "strong"}, "files")],
)
def test_a_wrong_or_missing_format_or_file_is_refused_naming_it(client, data, field):
    files = [("files", ("a.csv", STRONG.read_bytes()))] if "format" not in data else None
    problem(client.post("/api/imports", data=data, files=files), 422, field)


def test_a_backup_options_that_do_not_apply_are_refused(client):
    answer = upload(client, "json", STRONG, skip_invalid="true")
    problem(answer, 422, "skip_invalid")


def test_a_backup_restores_once_and_then_conflicts(client, db_url, tmp_path, capsys):
    from restday.cli.app import run

    other = f"sqlite:///{tmp_path / 'other.db'}"
    backup = tmp_path / "backup.json"
    args = ["log", "class", "--kind", "yoga", "--minutes", "30", "--at", "2026-11-20T10:00"]
    assert run(["--database-url", other, *args]) == 0
    assert run(["--database-url", other, "export", "json", str(backup)]) == 0
    restored = upload(client, "json", backup)
    assert restored.status_code == 200, restored.text
    assert (restored.json()["sessions"], rows(db_url, "sessions")) == (1, 1)
    assert "backup.json" in problem(upload(client, "json", backup), 409)["detail"]


def test_an_upload_over_the_limit_is_too_large_and_adds_nothing(db_url, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(STRONG.read_bytes() * 20)
    app = create_app(WebConfig(database_url=db_url, max_upload_bytes=STRONG.stat().st_size * 10))
    with TestClient(app, base_url=BASE_URL) as small:
        problem(upload(small, "strong", big), 413)
    assert rows(db_url, "sessions") == 0


def test_real_strong_exports_import_through_the_api(client, shared_data):
    real = shared_data / "strong" / "breinsp_strong-charts.csv"
    report = upload(client, "strong", real).json()
    validate(report, "import-report")
    assert (report["sessions_added"], report["sets_added"]) == (129, 2078)
    several = sorted((shared_data / "strong").glob("mtanzim*.csv"))
    more = upload(client, "strong", *several).json()
    assert more["files"] == [p.name for p in several] and more["sessions_added"] == 3
    assert all(w.startswith(("mtanzim", "2-mtanzim")) for w in more["warnings"])


def test_an_upload_imports_on_sqlite_and_postgresql(pg_client):
    report = upload(pg_client, "strong", STRONG).json()
    assert report["sessions_added"] == pg_client.get("/api/sessions").json()["total"] > 0
    assert upload(pg_client, "strong", STRONG).json()["sessions_added"] == 0
