"""The body map: every muscle drawn and listed, coloured by recovery, hatched while recovering."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from restday.domain import Muscle
from restday.engine import muscle_status
from restday.locales import Translator
from restday.present import status_data
from restday.web.bodymap import SCALE, body_map, colour
from restday.web.templating import environment
from tests.factories import inputs, squat_day

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EN = Translator("en", AMSTERDAM)
NL = Translator("nl", AMSTERDAM)
SQUATTED = datetime(2026, 11, 30, 18, 0, tzinfo=AMSTERDAM)
AT = SQUATTED + timedelta(hours=24)


def squat_status(t: Translator = EN) -> list[dict]:
    """The status JSON's muscles a day after a heavy squat session."""
    return status_data(muscle_status(inputs(squat_day(SQUATTED)), AT), t)["muscles"]


def render(muscles: list[dict], t: Translator = EN) -> BeautifulSoup:
    html = environment().get_template("_bodymap.html").render(bodymap=body_map(muscles, t))
    return BeautifulSoup(html, "html.parser")


def drawn(soup: BeautifulSoup, muscle: str) -> list:
    return soup.select(f'svg g[data-muscle="{muscle}"]')


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of `#rrggbb`."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def fill_colour(soup: BeautifulSoup, muscle: str) -> str:
    """The colour a muscle is painted with: its fill, or the background of its hatch pattern."""
    fill = drawn(soup, muscle)[0]["fill"]
    if fill.startswith("url(#"):
        return soup.find("pattern", id=fill[5:-1]).rect["fill"]
    return fill


def test_every_muscle_is_drawn_and_links_to_its_card():
    soup = render(squat_status())
    assert {g["data-muscle"] for g in soup.select("svg g[data-muscle]")} == {
        m.value for m in Muscle
    }
    for g in soup.select("svg g[data-muscle]"):
        target = g.parent["href"].removeprefix("#")
        card = soup.find(id=target)
        assert card is not None and card.name == "li"
        assert card["data-muscle"] == g["data-muscle"]
        assert len(g.find_all("path")) % 2 == 0, "each shape is drawn with its mirror"


def test_front_shows_chest_and_back_shows_lats():
    soup = render(squat_status())
    front, back = soup.select("figure.bm-view svg")
    assert front.select('[data-muscle="chest"]') and not front.select('[data-muscle="lats"]')
    assert back.select('[data-muscle="lats"]') and not back.select('[data-muscle="chest"]')
    assert [f.figcaption.text for f in soup.select("figure.bm-view")] == ["Front", "Back"]


def test_colour_darkens_steadily_from_recovered_to_just_trained():
    shades = [luminance(colour(pct)) for pct in range(0, 101, 5)]
    assert shades == sorted(shades) and len(set(shades)) == len(shades)
    assert luminance(colour(100)) / luminance(colour(0)) > 8
    assert colour(-5) == colour(0) and colour(120) == colour(100)


def test_each_muscle_is_painted_by_its_recovered_pct():
    muscles = squat_status()
    soup = render(muscles)
    for m in muscles:
        assert fill_colour(soup, m["muscle"]) == colour(m["recovered_pct"])
    quads = next(m for m in muscles if m["muscle"] == "quadriceps")
    assert quads["recovered_pct"] < 50
    assert luminance(fill_colour(soup, "quadriceps")) < luminance(fill_colour(soup, "chest"))


def test_a_recovering_muscle_is_hatched_and_a_ready_one_is_not():
    soup = render(squat_status())
    quads = drawn(soup, "quadriceps")[0]
    chest = drawn(soup, "chest")[0]
    assert "bm-recovering" in quads["class"] and quads["fill"] == "url(#bm-hatch-quadriceps)"
    assert soup.find("pattern", id="bm-hatch-quadriceps").find("path")
    assert "bm-ready" in chest["class"] and "bm-recovering" not in chest["class"]
    assert chest["fill"].startswith("#")
    assert "bm-recovering" in soup.find(id="muscle-quadriceps")["class"]


def test_titles_say_muscle_state_recovery_and_ready_time():
    soup = render(squat_status())
    assert drawn(soup, "quadriceps")[0].parent.title.text == (
        "Quadriceps: Recovering, 31% recovered, ready at Thu 3 Dec 19:00"
    )
    assert drawn(soup, "chest")[0].parent.title.text == "Chest: Ready, 100% recovered"


def test_titles_and_cards_in_dutch():
    soup = render(squat_status(NL), NL)
    assert drawn(soup, "quadriceps")[0].parent.title.text == (
        "Quadriceps (voorkant dijen): Herstelt nog, 31% hersteld, weer klaar op do 3 dec 19:00"
    )
    card = soup.find(id="muscle-lower-back")
    assert card.h3.text.startswith("Onderrug") and "Hersteld op di 1 dec 19:00" in card.text


def test_the_list_under_the_map_has_every_muscle_with_state_time_and_reasons():
    muscles = squat_status()
    soup = render(muscles)
    cards = soup.select("ul.bm-cards > li")
    assert sorted(c["data-muscle"] for c in cards) == sorted(m.value for m in Muscle)
    quads = soup.find(id="muscle-quadriceps")
    assert "Recovering" in quads.text and "31% recovered" in quads.text
    assert "Ready at Thu 3 Dec 19:00" in quads.text
    assert "Last trained: Mon 30 Nov 18:00" in quads.text
    rules = [a["href"] for a in quads.select("ul.reasons a")]
    assert "/rules#rest.heavy_legs" in rules
    chest = soup.find(id="muscle-chest")
    assert "Ready at" not in chest.text and "Not trained in the last" in chest.text


def test_legend_shows_the_scale_and_the_hatch():
    soup = render(squat_status())
    items = soup.select(".bm-legend li")
    assert [li.text for li in items] == [f"{pct}%" for pct, _ in SCALE] + ["Recovering"]
    assert [li.rect["fill"] for li in items[:-1]] == [hex_ for _, hex_ in SCALE]
    assert items[-1].rect["fill"] == "url(#bm-hatch-key)"


def test_the_drawing_is_small():
    html = environment().get_template("_bodymap.html").render(bodymap=body_map(squat_status(), EN))
    soup = BeautifulSoup(html, "html.parser")
    assert sum(len(str(svg).encode()) for svg in soup.select("figure svg")) < 25_000
    # html.parser lowers attribute names.
    assert all(svg["viewbox"] == "0 0 200 440" for svg in soup.select("figure svg"))


def test_a_status_without_every_muscle_is_refused():
    with pytest.raises(ValueError, match="lacks muscles: neck"):
        body_map([m for m in squat_status() if m["muscle"] != "neck"], EN)
