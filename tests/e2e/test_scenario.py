"""A newcomer's first visit in a real browser: the demo, logging, the body map changing, a check-in,
a plan into the calendar, an import through the upload form, Dutch, and the body map a day later.
Each page's screenshot goes into docs/screenshots/."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.conftest import SHARED_DATA
from tests.web.test_pages import PAGES

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"
PHONE = {"width": 375, "height": 812}
LEG_MUSCLES = ("quadriceps", "glutes", "hamstrings")


def fills(page: Page) -> dict[str, str]:
    """Each muscle of the body map and its colour (a recovering one's hatch has it as background)."""
    return page.eval_on_selector_all(
        "svg [data-muscle]",
        """els => Object.fromEntries(els.map(el => {
            const fill = el.getAttribute('fill');
            const pattern = fill.match(/^url\\((#[^)]+)\\)$/);
            const colour = pattern ? document.querySelector(pattern[1] + ' rect').getAttribute('fill') : fill;
            return [el.dataset.muscle, colour];
        }))""",
    )


def states(page: Page) -> dict[str, bool]:
    """Each muscle and whether the map draws it as recovering (hatched)."""
    return page.eval_on_selector_all(
        "svg [data-muscle]",
        "els => Object.fromEntries(els.map(el => [el.dataset.muscle,"
        " el.classList.contains('bm-recovering')]))",
    )


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shoot(page: Page, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_a_newcomer_loads_the_demo_logs_checks_in_plans_imports_and_reads_dutch(
    server: str, page: Page, screenshots: Path
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    page.get_by_role("button", name="Load the demo").click()
    expect(page.locator(".verdict")).to_be_visible()
    expect(page.get_by_role("button", name="Remove the demo data")).to_be_visible()
    shoot(page, screenshots, "today")

    page.goto("/body")
    before = fills(page)
    assert len(before) == 17

    page.goto("/log?kind=strength")
    page.locator('[name="exercises[0].name"]').fill("Barbell Squat")
    page.locator('[name="exercises[0].spec"]').fill("5x5@100kg")
    page.locator('[name="minutes"]').fill("60")
    page.locator('[name="rpe"]').fill("9")
    shoot(page, screenshots, "log")
    page.get_by_role("button", name="Save session").last.click()
    expect(page.locator(".notice").first).to_be_visible()

    page.goto("/body")
    after = fills(page)
    drawn = states(page)
    assert all(drawn[m] for m in LEG_MUSCLES), drawn
    assert any(after[m] != before[m] for m in LEG_MUSCLES), [
        (before[m], after[m]) for m in LEG_MUSCLES
    ]
    shoot(page, screenshots, "body")

    page.goto("/checkin")
    page.locator('[name="sleep_h"]').fill("7.5")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator(".notice").first).to_be_visible()
    page.goto("/checkin")
    shoot(page, screenshots, "checkin")

    page.goto("/plan")
    page.get_by_role("button", name="Plan my weeks").click()
    expect(page.locator(".plan-why").first).to_be_visible()
    shoot(page, screenshots, "plan")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download for your calendar")).click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert len(calendar.walk("VEVENT")) >= 1

    page.goto("/import")
    page.locator('[name="format"]').select_option("strong")
    page.locator('[name="files"]').set_input_files(str(FIXTURES / "strong_comma.csv"))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile("added", re.IGNORECASE)).first).to_be_visible()
    shoot(page, screenshots, "import")

    for path, name in (("/history", "history"), ("/load", "load"), ("/rules", "rules")):
        page.goto(path)
        shoot(page, screenshots, name)

    page.goto("/settings")
    page.locator('[name="lang"]').select_option("nl")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    shoot(page, screenshots, "settings-nl")

    page.goto("/body")
    expect(page.locator("h1")).to_have_text("Lichaamskaart")
    page.locator("nav.steps a").nth(2).click()
    expect(page).to_have_url(re.compile(r"/body\?at="))
    later = states(page)
    assert sum(later.values()) < sum(drawn.values()), (drawn, later)
    shoot(page, screenshots, "body-later-nl")


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(server: str, page: Page, screenshots: Path, path: str):
    page.set_viewport_size(PHONE)
    page.goto(path)
    assert no_sideways_scroll(page), path
    if path in ("/", "/body"):
        name = "phone-today" if path == "/" else "phone-body"
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_a_real_strong_export_imports_through_the_upload_form(server: str, page: Page):
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this clone")
    export = SHARED_DATA / "strong" / "dstanek_lifting.csv"
    page.goto("/import")
    page.locator('[name="format"]').select_option("strong")
    page.locator('[name="files"]').set_input_files(str(export))
    page.get_by_role("button", name=re.compile("^(Import|Importeren)$")).click()
    expect(page.locator("main")).to_contain_text(export.name)
