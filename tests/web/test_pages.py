"""What every page shares: it answers in English and Dutch, on an empty database and on a demo
history, under 100 KB, with a label on every control, no inline script or style (the CSP forbids
them), and every link on it leads somewhere."""

from urllib.parse import urljoin, urlsplit

import pytest

from tests.web.conftest import html, post_form

PAGES = [
    "/",
    "/body",
    "/log",
    "/checkin",
    "/plan",
    "/history",
    "/load",
    "/import",
    "/rules",
    "/settings",
    "/calibration",
]
PAGE_LIMIT = 100 * 1024


def _check_page(client, path: str, lang: str) -> list[str]:
    """The page's own links; asserts what every page must be."""
    response = client.get(path, headers={"accept-language": lang})
    assert response.status_code == 200, (path, response.text[:300])
    assert len(response.content) < PAGE_LIMIT, (path, len(response.content))
    assert response.headers["cache-control"] == "no-store"
    page = html(response)
    assert page.find("html")["lang"] == lang, path
    assert page.find("h1") is not None, path
    assert page.find("script", src=False) is None, f"{path}: inline script"
    assert page.find("style") is None, f"{path}: <style> block"
    assert page.find(style=True) is None, f"{path}: style attribute"
    labelled = {label.get("for") for label in page.find_all("label")}
    for control in page.find_all(["input", "select", "textarea"]):
        if control.get("type") in ("hidden", "submit", "button"):
            continue
        inside_label = control.find_parent("label") is not None
        named = control.get("aria-label") or control.get("aria-labelledby")
        assert inside_label or named or control.get("id") in labelled, (path, str(control)[:120])
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), f"{path}: duplicate ids"
    return [a["href"] for a in page.find_all("a", href=True)]


def _follow(client, links: list[str], base: str) -> None:
    for href in links:
        url = urljoin(f"http://127.0.0.1:8321{base}", href)
        parts = urlsplit(url)
        if parts.netloc != "127.0.0.1:8321" or parts.path.startswith("/api/docs"):
            continue
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        status = client.get(target).status_code
        assert status == 200, (base, href, status)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_answers_on_an_empty_database(client, lang):
    for path in PAGES:
        _check_page(client, path, lang)


def test_every_page_and_every_link_on_it_works_with_the_demo_history(client):
    assert post_form(client, "/demo", {}).status_code == 303
    for path in PAGES:
        _follow(client, _check_page(client, path, "en"), path)
    page = html(client.get("/", headers={"accept-language": "nl"}))
    assert page.find("html")["lang"] == "nl"
