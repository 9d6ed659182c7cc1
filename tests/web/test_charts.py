"""The load chart: lines that follow the numbers, the rulebook's bands, today, any length of history."""

import dataclasses
from datetime import UTC, date, timedelta

from bs4 import BeautifulSoup

from restday.locales import Translator
from restday.rules import Rulebook, default_rulebook
from restday.web.charts import MAX_BUCKETS, load_chart

RULES = default_rulebook()
EN = Translator("en", UTC)
NL = Translator("nl", UTC)
TODAY = date(2026, 12, 1)


def day(when: date, ctl: float, atl: float, acwr: float | None = 1.0, load: float = 300) -> dict:
    """One day of `restday load --json`."""
    return {
        "date": when.isoformat(),
        "load": load,
        "ctl": ctl,
        "atl": atl,
        "tsb": round(ctl - atl, 1),
        "acwr": acwr,
        "ramp": 0.0,
    }


def history(count: int, ctl=lambda i: 20 + i, atl=lambda i: 30 + (i % 7) * 5) -> dict:
    """`count` days up to TODAY with fitness and fatigue from the given functions of the day index."""
    first = TODAY - timedelta(days=count - 1)
    days = [
        day(first + timedelta(days=i), ctl(i), atl(i), 0.8 + (i % 5) / 10) for i in range(count)
    ]
    return {"metric": "srpe", "days": days, "warnings": []}


def chart(data: dict, t: Translator = EN, rules: Rulebook = RULES, today: date = TODAY):
    return BeautifulSoup(str(load_chart(data, t, rules, today=today)), "html.parser").svg


def points(svg, series: str) -> list[tuple[float, float]]:
    group = svg.find("g", attrs={"data-series": series})
    return [
        tuple(float(n) for n in pair.split(","))
        for line in group.find_all("polyline")
        for pair in line["points"].split()
    ]


def test_fitness_fatigue_form_and_ratio_each_have_a_line_through_every_day():
    svg = chart(history(28))
    for series in ("ctl", "atl", "tsb", "acwr"):
        assert len(points(svg, series)) == 28, series
    xs = [x for x, _ in points(svg, "ctl")]
    assert xs == sorted(xs) and len(set(xs)) == 28


def test_a_higher_fitness_is_drawn_higher_and_so_is_a_higher_form():
    rising = history(10, ctl=lambda i: 10 + 5 * i, atl=lambda i: 40)
    svg = chart(rising)
    ys = [y for _, y in points(svg, "ctl")]
    assert ys == sorted(ys, reverse=True) and ys[0] > ys[-1]
    form = [y for _, y in points(svg, "tsb")]
    assert form == sorted(form, reverse=True)


def test_fatigue_above_fitness_is_drawn_above_it_on_the_same_axis():
    svg = chart(history(7, ctl=lambda i: 20, atl=lambda i: 60))
    assert all(a < c for (_, a), (_, c) in zip(points(svg, "atl"), points(svg, "ctl"), strict=True))


def test_form_zones_and_the_ratio_band_come_from_the_rulebook():
    svg = chart(history(28))
    bands = {g["data-band"]: g for g in svg.find_all("g", attrs={"data-band": True})}
    assert set(bands) == {"fresh", "training", "overload", "acwr"}
    limit = RULES.pmc.tsb_warn
    assert float(bands["training"]["data-low"]) == -limit
    assert float(bands["overload"]["data-high"]) == -limit
    assert float(bands["fresh"]["data-low"]) == 0
    assert float(bands["acwr"]["data-low"]) == RULES.acwr.band_low
    assert float(bands["acwr"]["data-high"]) == RULES.acwr.band_high
    assert bands["overload"].find("rect", attrs={"fill": "url(#load-hatch)"}), (
        "a pattern, not only a colour"
    )

    rule = RULES["load.pmc"]
    stricter = dataclasses.replace(rule, values=dataclasses.replace(rule.values, tsb_warn=12.0))
    tuned = Rulebook({**RULES.rules, "load.pmc": stricter}, "(test)")
    svg = chart(history(28), rules=tuned)
    assert float(svg.find("g", attrs={"data-band": "overload"})["data-high"]) == -12


def test_today_is_marked_at_its_day_and_not_when_outside_the_chart():
    data = history(28)
    svg = chart(data, today=TODAY - timedelta(days=3))
    mark = svg.find("g", class_="today")
    assert mark["data-date"] == (TODAY - timedelta(days=3)).isoformat()
    assert float(mark.line["x1"]) == points(svg, "ctl")[24][0]
    assert mark.text == "today"
    assert chart(data, today=TODAY + timedelta(days=1)).find("g", class_="today") is None


def test_every_line_has_its_own_colour_and_dash_pattern():
    svg = chart(history(28))
    groups = [svg.find("g", attrs={"data-series": s}) for s in ("ctl", "atl", "tsb", "acwr")]
    assert len({g["stroke"] for g in groups}) == 4
    assert len({g.get("stroke-dasharray", "solid") for g in groups}) == 4


def test_ten_years_stay_small_and_keep_their_shape():
    data = history(3650, ctl=lambda i: i / 50, atl=lambda i: i / 50 + (i % 7))
    text = str(load_chart(data, EN, RULES, today=TODAY))
    assert len(text.encode()) < 40_000
    svg = BeautifulSoup(text, "html.parser").svg
    ctl = points(svg, "ctl")
    assert len(ctl) <= MAX_BUCKETS + 2
    assert ctl[0][0] < ctl[-1][0] and ctl[0][1] > ctl[-1][1], "ten years of rising fitness"
    assert svg.find("g", class_="today") is not None


def test_one_day_is_drawn_as_dots():
    svg = chart(history(1))
    for series in ("ctl", "atl", "tsb", "acwr"):
        group = svg.find("g", attrs={"data-series": series})
        assert group.circle is not None and group.polyline is None


def test_a_ratio_not_known_yet_leaves_a_gap():
    data = history(10)
    for d in data["days"][:4]:
        d["acwr"] = None
    svg = chart(data)
    assert len(points(svg, "acwr")) == 6
    assert len(points(svg, "ctl")) == 10


def test_an_empty_history_gives_a_chart_that_says_so():
    first = TODAY - timedelta(days=27)
    quiet = [day(first + timedelta(days=i), 0, 0, None, load=0) for i in range(28)]
    for data in ({"metric": "srpe", "days": quiet, "warnings": []}, {"metric": "srpe", "days": []}):
        svg = chart(data)
        assert svg.find("g", attrs={"data-series": True}) is None
        assert "No training logged" in svg.find("text").text
        assert svg.title.text and "No training logged" in svg.desc.text
        assert svg["viewbox"]


def test_the_chart_scales_and_is_described_for_screen_readers():
    svg = chart(history(28))
    assert svg["viewbox"].startswith("0 0 ")
    assert svg["width"] == "100%" and "height" not in svg.attrs
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "load-chart-title load-chart-desc"
    assert svg.title["id"] == "load-chart-title"
    assert "Fitness (CTL) 47" in svg.desc.text and "28 days" in svg.desc.text


def test_labels_and_numbers_are_in_the_page_language():
    svg = chart(history(28), t=NL)
    words = [x.text for x in svg.find_all("text")]
    assert "Fitheid (CTL)" in words and "Vorm (TSB)" in words and "vandaag" in words
    assert "0,8" in words and "1,3" in words, "the ratio band's ends with a decimal comma"
    assert "nov" in " ".join(words), "Dutch month names under the axis"
    assert "Fitheid (CTL) 47" in svg.desc.text
