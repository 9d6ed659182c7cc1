"""The OpenAPI document and /api/docs: Swagger UI from the installed package, no CDN, a CSP that
allows exactly its inline start-up script."""

import base64
import hashlib
import re

from bs4 import BeautifulSoup

from tests.web.test_api import problem

OPERATIONS = {
    ("get", "/api/status"),
    ("get", "/api/today"),
    ("get", "/api/load"),
    ("get", "/api/rules"),
    ("get", "/api/sessions"),
    ("post", "/api/sessions"),
    ("get", "/api/sessions/{session_id}"),
    ("delete", "/api/sessions/{session_id}"),
    ("post", "/api/checkins"),
    ("get", "/api/checkins"),
    ("get", "/api/profile"),
    ("put", "/api/profile"),
    ("post", "/api/plan"),
    ("post", "/api/imports"),
    ("get", "/api/calibration"),
}


def test_the_openapi_document_lists_every_operation_with_its_body_and_problems(client):
    document = client.get("/api/openapi.json").json()
    found = {(method, path) for path, item in document["paths"].items() for method in item}
    assert found == OPERATIONS
    for method, path in OPERATIONS:
        operation = document["paths"][path][method]
        assert "application/problem+json" in operation["responses"]["422"]["content"]
        if method in ("post", "put"):
            assert operation["requestBody"]["content"], (method, path)
    logged = document["paths"]["/api/sessions"]["post"]["requestBody"]["content"]
    assert logged["application/json"]["example"]["exercises"][0]["sets"] == "5x5@100kg"


def test_the_docs_page_loads_only_its_own_files_and_its_csp_allows_just_its_script(client):
    answer = client.get("/api/docs")
    assert answer.status_code == 200
    page = BeautifulSoup(answer.text, "html.parser")
    urls = [t.get("src") or t.get("href") for t in page.find_all(["script", "link"])]
    urls = [u for u in urls if u]
    assert urls and all(u.startswith("/api/docs/") for u in urls), urls
    (inline,) = [s.string for s in page.find_all("script") if not s.get("src")]
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    policy = answer.headers["content-security-policy"]
    assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 500, url
        assert "immutable" not in asset.headers["cache-control"]
    assert re.search(r"url: '/api/docs/openapi.json'", inline)


def test_the_docs_read_the_same_document_labelled_openapi_3_0(client):
    document = client.get("/api/openapi.json").json()
    for_docs = client.get("/api/docs/openapi.json").json()
    assert document["openapi"].startswith("3.1") and for_docs["openapi"] == "3.0.3"
    assert for_docs["paths"] == document["paths"]


def test_a_file_the_docs_do_not_have_is_not_found(client):
    problem(client.get("/api/docs/secrets.txt"), 404)
    problem(client.get("/api/docs/..%2F..%2Fpyproject.toml"), 404)
