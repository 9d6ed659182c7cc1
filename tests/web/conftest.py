"""Web fixtures: the app in-process over a real SQLite file (a copy of one migrated file), and
PostgreSQL where the store is involved (`pg_client`)."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from restday.store.db import Database, open_database
from restday.web.app import create_app
from restday.web.config import WebConfig
from restday.web.security import CSRF_COOKIE
from tests.store.conftest import fresh_url

__all__ = ["client", "db", "db_url", "fresh_url", "html", "pg_client", "post_form"]

BASE_URL = "http://127.0.0.1:8321"


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory) -> Path:
    """One SQLite file migrated to the current schema, copied by each test."""
    path = tmp_path_factory.mktemp("web") / "migrated.db"
    open_database(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def db_url(migrated_file: Path, tmp_path: Path) -> str:
    """A new, migrated SQLite database of this test's own."""
    path = tmp_path / "restday.db"
    shutil.copyfile(migrated_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """The database the `client` fixture's app serves, opened beside it."""
    database = open_database(db_url)
    yield database
    database.close()


def _client(url: str, **config: Any) -> Iterator[TestClient]:
    app = create_app(WebConfig(database_url=url, **config))
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    """The web app over this test's SQLite file, as a browser on 127.0.0.1:8321 sees it."""
    yield from _client(db_url)


@pytest.fixture
def pg_client(fresh_url: str) -> Iterator[TestClient]:
    """The web app over a new SQLite file and over a fresh PostgreSQL schema (two runs)."""
    yield from _client(fresh_url)


def post_form(client: TestClient, url: str, data: dict[str, Any], **options: Any) -> Any:
    """Submit a form as the page would: with the CSRF token the page's cookie holds."""
    if CSRF_COOKIE not in client.cookies:
        client.get("/rules")
    return client.post(url, data={**data, "csrf": client.cookies[CSRF_COOKIE]}, **options)


def html(response: Any) -> BeautifulSoup:
    """A page's HTML, parsed, after checking it is one."""
    assert response.headers["content-type"].startswith("text/html"), response.text[:200]
    return BeautifulSoup(response.text, "html.parser")
