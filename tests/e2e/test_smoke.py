"""The served app answers in a real browser, with no request leaving the package."""

from playwright.sync_api import Page


def test_the_rules_page_loads_everything_from_the_package(server: str, page: Page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{server}/rules")
    assert page.locator("h1").inner_text() in (
        "The rules behind the advice",
        "De regels achter het advies",
    )
    assert page.locator("section.rule").count() > 20
    assert all(url.startswith(server) for url in requests), requests
    assert errors == []
