"""The load chart: fitness, fatigue, form and the workload ratio over time, as inline SVG.

Three panels share one time axis: fitness (CTL) and fatigue (ATL); form (TSB) over its zones;
ACWR over the rulebook's information band. The zones come from the rulebook (`load.pmc`'s
`tsb_warn`, `load.acwr`'s band); form above zero is fresh, below it fatigue outweighs fitness.
Colours are the Okabe-Ito palette and every line also has its own dash pattern. Long histories
keep each bucket's lowest and highest day, so ten years stay a few hundred points per line.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from restday.locales import Translator
from restday.rules import Rulebook

__all__ = ["MAX_BUCKETS", "load_chart"]

MAX_BUCKETS = 160
"""Buckets per line: a longer history keeps the lowest and highest day of each bucket."""

WIDTH = 400
LEFT = 40
RIGHT = 8
PLOT = WIDTH - LEFT - RIGHT
FONT = 12

# series: (colour, dash pattern, stroke width)
STYLE = {
    "ctl": ("#0072B2", "", 2.5),
    "atl": ("#D55E00", "6 3", 2),
    "tsb": ("#CC79A7", "8 3 2 3", 2),
    "acwr": ("#009E73", "2 3", 2),
}
BAND = {"fresh": "#56B4E9", "training": "#999999", "overload": "#D55E00", "acwr": "#56B4E9"}


@dataclass(frozen=True, slots=True)
class _Panel:
    """A horizontal strip of the chart with its value range."""

    name: str
    top: float
    height: float
    low: float
    high: float

    def y(self, value: float) -> float:
        """The y of `value` (higher values drawn higher; beyond the range, at its edge)."""
        share = (min(max(value, self.low), self.high) - self.low) / (self.high - self.low)
        return round(self.top + self.height * (1 - share), 1)


def _x(index: float, count: int) -> float:
    """The x of day `index` of `count` (a single day sits in the middle)."""
    if count < 2:
        return LEFT + PLOT / 2
    return round(LEFT + PLOT * index / (count - 1), 1)


def _thin(values: Sequence[float | None]) -> list[list[tuple[float, float]]]:
    """Runs of (day index, value) without gaps; a long run is averaged per bucket of days,
    keeping its first and last day as they are."""
    runs: list[list[tuple[float, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((i, v))
    runs = [r for r in runs if r]
    size = math.ceil(len(values) / MAX_BUCKETS)
    if size < 2:
        return runs
    thinned = []
    for run in runs:
        means = [
            (sum(i for i, _ in b) / len(b), sum(v for _, v in b) / len(b))
            for b in (run[first : first + size] for first in range(0, len(run), size))
        ]
        thinned.append([run[0], *means[1:-1], run[-1]] if len(means) > 2 else [run[0], run[-1]])
    return thinned


def _nice_step(span: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about three ticks over `span`."""
    raw = span / 3
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _ticks(panel: _Panel, marks: Sequence[float] = ()) -> list[float]:
    """`marks` (thresholds) first, then round values between the panel's ends."""
    step = _nice_step(panel.high - panel.low)
    first = math.ceil(panel.low / step) * step
    count = int((panel.high - first) / step + 1e-9) + 1
    return [*marks, *(round(first + i * step, 10) for i in range(count))]


def _text(x: float, y: float, words: str, anchor: str = "start", **extra: str) -> str:
    attrs = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in extra.items())
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="currentColor"{attrs}>'
        f"{escape(words)}</text>"
    )


def _line(series: str, panel: _Panel, values: Sequence[float | None], count: int) -> str:
    """One series as polylines (a lone day as a dot), in a group named by `data-series`."""
    colour, dash, width = STYLE[series]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    parts = []
    for run in _thin(values):
        if len(run) == 1:
            i, v = run[0]
            parts.append(f'<circle cx="{_x(i, count)}" cy="{panel.y(v)}" r="3" fill="{colour}"/>')
            continue
        points = " ".join(f"{_x(i, count)},{panel.y(v)}" for i, v in run)
        parts.append(f'<polyline points="{points}"/>')
    return (
        f'<g class="line {series}" data-series="{series}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dashed} stroke-linejoin="round">{"".join(parts)}</g>'
    )


def _band(name: str, panel: _Panel, low: float, high: float, label: str) -> str:
    """A shaded value range of a panel, labelled at its right edge."""
    low, high = max(low, panel.low), min(high, panel.high)
    if high <= low:
        return ""
    top, bottom = panel.y(high), panel.y(low)
    box = f'x="{LEFT}" y="{top}" width="{PLOT}" height="{round(bottom - top, 1)}"'
    hatch = f'<rect {box} fill="url(#load-hatch)"/>' if name == "overload" else ""
    return (
        f'<g class="band {name}" data-band="{name}" data-low="{low:g}" data-high="{high:g}">'
        f'<rect {box} fill="{BAND[name]}" fill-opacity="0.18"/>{hatch}'
        + (
            _text(WIDTH - RIGHT - 3, round(top + FONT, 1), label, "end", font_size="10")
            if bottom - top >= FONT + 2
            else ""
        )
        + "</g>"
    )


def _axis(panel: _Panel, t: Translator, ticks: Sequence[float], decimals: int) -> str:
    """Grid lines and value labels of a panel (a label crowding an earlier one is left out)."""
    out = [
        f'<rect x="{LEFT}" y="{panel.top}" width="{PLOT}" height="{panel.height}" '
        'fill="none" stroke="currentColor" stroke-opacity="0.4"/>'
    ]
    labelled: list[float] = []
    for tick in dict.fromkeys(ticks):
        y = panel.y(tick)
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + PLOT}" y1="{y}" y2="{y}" stroke="currentColor" '
            f'stroke-opacity="{0.45 if tick == 0 else 0.12}"/>'
        )
        if all(abs(y - other) >= FONT for other in labelled):
            labelled.append(y)
            words = t.fixed(tick, f"{{:.{decimals}f}}")
            out.append(_text(LEFT - 4, round(y + 4, 1), words, "end"))
    return "".join(out)


def _legend(x: float, y: float, items: Sequence[tuple[str, str]]) -> str:
    """Line samples with their names, side by side from `x` on the baseline `y`."""
    out = []
    for series, label in items:
        colour, dash, width = STYLE[series]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<g class="key {series}"><line x1="{x}" x2="{x + 22}" y1="{y - 4}" y2="{y - 4}" '
            f'stroke="{colour}" stroke-width="{width}"{dashed}/>'
            + _text(x + 27, y, label, font_size=str(FONT))
            + "</g>"
        )
        x += 27 + len(label) * 6.6 + 14
    return "".join(out)


def _date_format(days: int) -> str:
    return "d MMM" if days <= 120 else "MMM yyyy"


def _dates(days: Sequence[date], t: Translator, y: float) -> str:
    """Four or five dates under the time axis."""
    from babel.dates import format_date

    count = len(days)
    shown = sorted({0, count - 1} | {round((count - 1) * k / 4) for k in (1, 2, 3)})
    pattern = _date_format((days[-1] - days[0]).days)
    out = []
    for i in shown:
        anchor = (
            "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
        )
        words = format_date(days[i], pattern, locale=t.lang)
        out.append(_text(_x(i, count), y, words, anchor, font_size="11"))
    return "".join(out)


def _range(values: Sequence[float], floor: float, ceiling: float) -> tuple[float, float]:
    """A value range holding `values`, `floor` and `ceiling`, with a little room above."""
    low, high = min([*values, floor]), max([*values, ceiling])
    return low, high + ((high - low) * 0.08 or 1.0)


def _frame(body: str, height: float, title: str, desc: str) -> Markup:
    return Markup(
        f'<svg class="load-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
        f'{height}" width="100%" role="img" aria-labelledby="load-chart-title load-chart-desc" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">'
        f'<title id="load-chart-title">{escape(title)}</title>'
        f'<desc id="load-chart-desc">{escape(desc)}</desc>{body}</svg>'
    )


def _empty(t: Translator) -> Markup:
    """A frame with a sentence instead of lines."""
    words = t.ui("ui.web.load.chart_empty")
    body = (
        f'<rect x="{LEFT}" y="10" width="{PLOT}" height="100" fill="none" '
        'stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="4 4"/>'
        + _text(WIDTH / 2, 64, words, "middle", class_="empty")
    )
    return _frame(body, 120, t.ui("ui.web.load.chart_title"), words)


def load_chart(data: Mapping[str, Any], t: Translator, rules: Rulebook, *, today: date) -> Markup:
    """The SVG of `restday load --json` data in `t`'s language; `today` is marked if shown."""
    days = list(data["days"])
    if not any(d["load"] or d["ctl"] or d["atl"] for d in days):
        return _empty(t)
    dates = [date.fromisoformat(d["date"]) for d in days]
    count = len(days)
    pmc, acwr = rules.pmc, rules.acwr
    ctl, atl = [d["ctl"] for d in days], [d["atl"] for d in days]
    tsb = [d["tsb"] for d in days]
    ratio = [d["acwr"] for d in days]
    # Form's range holds the warning limit on both sides of zero, so that every zone shows.
    reach = (max([*tsb, pmc.tsb_warn]) - min([*tsb, -pmc.tsb_warn])) * 0.08
    low, high = min([*tsb, -pmc.tsb_warn]) - reach, max([*tsb, pmc.tsb_warn]) + reach
    fit = _Panel("fitness", 30, 150, *_range(ctl + atl, 0, 1))
    form = _Panel("form", 206, 110, low, high)
    known = [v for v in ratio if v is not None]
    # The first weeks' ratio can be several times the band: drawn at the top edge beyond twice it.
    ratio_high = _range([min(v, 2 * acwr.band_high) for v in known], 0, acwr.band_high)[1]
    workload = _Panel("acwr", 342, 80, 0, ratio_high)
    height = workload.top + workload.height + 22
    body = [
        '<defs><pattern id="load-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#D55E00" '
        'stroke-opacity="0.5" stroke-width="1.5"/></pattern></defs>',
        _legend(LEFT, 18, [("ctl", t.ui("ui.web.load.ctl")), ("atl", t.ui("ui.web.load.atl"))]),
        _axis(fit, t, _ticks(fit), 0),
        _line("ctl", fit, ctl, count),
        _line("atl", fit, atl, count),
        _legend(LEFT, form.top - 8, [("tsb", t.ui("ui.web.load.tsb"))]),
        _band("fresh", form, 0, high, t.ui("ui.web.load.zone_fresh")),
        _band("training", form, -pmc.tsb_warn, 0, t.ui("ui.web.load.zone_training")),
        _band("overload", form, low, -pmc.tsb_warn, t.ui("ui.web.load.zone_overload")),
        _axis(form, t, _ticks(form, (0, -pmc.tsb_warn)), 0),
        _line("tsb", form, tsb, count),
        _legend(LEFT, workload.top - 8, [("acwr", t.ui("ui.web.load.acwr"))]),
        _band(
            "acwr",
            workload,
            acwr.band_low,
            acwr.band_high,
            t.text(
                "ui.web.load.acwr_band",
                {
                    "low": t.fixed(acwr.band_low, "{:.1f}"),
                    "high": t.fixed(acwr.band_high, "{:.1f}"),
                },
            ),
        ),
        _axis(workload, t, (acwr.band_high, acwr.band_low, 0), 1),
        _line("acwr", workload, ratio, count),
        _dates(dates, t, height - 6),
    ]
    if dates[0] <= today <= dates[-1]:
        x = _x((today - dates[0]).days, count)
        edge = "end" if x > LEFT + PLOT - 40 else "start" if x < LEFT + 40 else "middle"
        body.append(
            f'<g class="today" data-date="{today.isoformat()}"><line x1="{x}" x2="{x}" '
            f'y1="{fit.top}" y2="{workload.top + workload.height}" stroke="currentColor" '
            'stroke-width="1.5" stroke-dasharray="1 3"/>'
            + _text(
                x + 3 if edge == "start" else x - 3 if edge == "end" else x,
                fit.top + FONT,
                t.ui("ui.web.load.today"),
                edge,
                font_weight="bold",
            )
            + "</g>"
        )
    last = days[-1]
    desc = t.text(
        "ui.web.load.chart_desc",
        {
            "days": count,
            "date": t.when(dates[-1]),
            "ctl": t.fixed(last["ctl"], "{:.0f}"),
            "atl": t.fixed(last["atl"], "{:.0f}"),
            "tsb": t.fixed(last["tsb"], "{:+.0f}"),
        },
    )
    return _frame("".join(body), height, t.ui("ui.web.load.chart_title"), desc)
