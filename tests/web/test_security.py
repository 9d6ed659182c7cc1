"""Safe on 127.0.0.1: foreign hosts, other sites' writes, forged forms and huge uploads are refused,
and every response carries the security headers."""

from fastapi.testclient import TestClient

from restday.web.app import create_app
from restday.web.config import WebConfig
from tests.web.conftest import BASE_URL, html, post_form


def test_pages_carry_the_security_headers(client):
    response = client.get("/rules")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


def test_pages_let_the_browser_name_their_origin_on_their_own_forms(client):
    # With "no-referrer" a browser posts a page's form with `Origin: null`, which is refused.
    assert client.get("/rules").headers["referrer-policy"] == "same-origin"


def test_a_host_the_server_does_not_serve_is_refused(client):
    response = client.get("/rules", headers={"host": "evil.example:8321"})
    assert response.status_code == 403
    assert "evil.example" in html(response).find(class_="error-detail").text
    api = client.get("/api/openapi.json", headers={"host": "rebind.example"})
    assert api.status_code == 403
    assert api.headers["content-type"] == "application/problem+json"


def test_localhost_and_loopback_names_are_served(client):
    for host in ("127.0.0.1:8321", "localhost:8321"):
        assert client.get("/rules", headers={"host": host}).status_code == 200


def test_another_site_cannot_post(client):
    response = post_form(client, "/rules", {}, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    cross = client.post("/api/sessions", json={}, headers={"sec-fetch-site": "cross-site"})
    assert cross.status_code == 403
    assert cross.json()["status"] == 403


def test_a_body_over_the_limit_is_refused_before_it_is_read(db_url):
    app = create_app(WebConfig(database_url=db_url, max_upload_bytes=1024 * 1024))
    with TestClient(app, base_url=BASE_URL) as small:
        response = small.post("/api/imports", content=b"x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.json()["detail"].startswith("The upload is larger than the limit of 1 MB (")


def test_static_files_are_served_by_their_hashed_name_only(client):
    page = html(client.get("/rules"))
    href = page.find("link", rel="stylesheet")["href"]
    assert (
        href.startswith("/static/style.") and href.endswith(".css") and href != "/static/style.css"
    )
    response = client.get(href)
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert client.get("/static/style.css").status_code == 404
    assert client.get("/static/..%2f..%2fpyproject.toml").status_code == 404


def test_the_manifest_makes_it_installable(client):
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_an_unknown_page_is_a_page_and_an_unknown_api_path_is_problem_json(client):
    page = client.get("/nowhere")
    assert page.status_code == 404
    assert html(page).find("html")["lang"] == "en"
    api = client.get("/api/nowhere")
    assert api.status_code == 404
    assert api.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Not Found",
    }


def test_the_browser_language_picks_dutch(client):
    page = html(client.get("/rules", headers={"accept-language": "nl-NL,nl;q=0.9,en;q=0.8"}))
    assert page.find("html")["lang"] == "nl"
    assert page.find("h1").text == "De regels achter het advies"


def test_pages_and_static_files_travel_compressed_to_a_browser_that_takes_it(client):
    page = client.get("/rules", headers={"accept-encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert "content-security-policy" in page.headers
    href = html(page).find("link", rel="stylesheet")["href"]
    assert (
        client.get(href, headers={"accept-encoding": "gzip"}).headers["content-encoding"] == "gzip"
    )
    assert (
        "content-encoding"
        not in client.get("/rules", headers={"accept-encoding": "identity"}).headers
    )
