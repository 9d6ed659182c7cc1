"""What a hostile review of the web app found: a body sent without its length, answers that were
cached, a page's 405 without its Allow, and uploaded files left open after the request."""

import gc
import os
import time
from collections.abc import Iterator

from fastapi.testclient import TestClient

from restday.web.app import create_app
from restday.web.config import WebConfig
from tests.web.conftest import BASE_URL, html, post_form

MB = 1024 * 1024


def _chunked_upload(size: int) -> Iterator[bytes]:
    """A multipart upload of `size` bytes, sent in pieces without a Content-Length."""
    yield (
        b'--b\r\nContent-Disposition: form-data; name="format"\r\n\r\nfit\r\n'
        b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.fit"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n"
    )
    for _ in range(size // (64 * 1024)):
        yield b"x" * (64 * 1024)
    yield b"\r\n--b--\r\n"


def test_an_upload_over_the_limit_without_its_length_is_too_large(db_url):
    app = create_app(WebConfig(database_url=db_url, max_upload_bytes=MB))
    with TestClient(app, base_url=BASE_URL) as small:
        answer = small.post(
            "/api/imports",
            content=_chunked_upload(2 * MB),
            headers={"content-type": "multipart/form-data; boundary=b"},
        )
    assert "content-length" not in answer.request.headers
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("The upload is larger than the limit of 1 MB (")


def test_the_api_answers_are_never_cached(client):
    for path in ("/api/today", "/api/profile", "/api/sessions", "/api/nowhere"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    href = html(client.get("/rules")).find("link", rel="stylesheet")["href"]
    assert "immutable" in client.get(href).headers["cache-control"]


def test_a_page_posted_to_says_which_methods_it_takes(client):
    answer = post_form(client, "/rules", {})
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET"
    assert html(answer).find("html")["lang"] == "en"


def test_a_form_s_uploaded_files_are_closed_after_the_request(client):
    post_form(client, "/settings", {})
    junk = {"junk": ("junk.bin", b"x" * (2 * MB))}  # over 1 MB: kept in a temporary file
    gc.disable()  # only closing frees the file, not the collector
    try:
        before = len(os.listdir("/proc/self/fd"))
        for _ in range(3):
            post_form(client, "/settings", {"lang": "en"}, files=junk)
        assert len(os.listdir("/proc/self/fd")) == before
    finally:
        gc.enable()


def _timed_problem(client, body: dict[str, object]) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    answer = client.post("/api/sessions", json=body)
    assert answer.status_code == 422
    return time.perf_counter() - started, answer.json()


def test_a_session_of_too_many_exercises_or_sets_is_refused_at_once(client, db_url):
    squats = {"name": "Barbell Squat", "sets": "99x99@100kg"}
    body = {"kind": "strength", "minutes": 60, "exercises": [squats] * 4000}
    took, found = _timed_problem(client, body)
    assert took < 2  # reading and checking its 396,000 sets one by one took 10 s
    assert found["errors"] == [
        {"field": "exercises", "message": "a session holds at most 200 exercises", "value": None}
    ]
    one = {"kind": "strength", "minutes": 60, "exercises": [{**squats, "sets": [{}] * 50_000}]}
    took, found = _timed_problem(client, one)
    assert took < 2
    assert found["errors"][0]["message"] == "a session holds at most 2,000 sets"
    assert client.get("/api/sessions").json()["total"] == 0
