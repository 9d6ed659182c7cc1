"""/load: fitness (CTL), fatigue (ATL) and form (TSB) over time as a chart, the same numbers below."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from restday import service
from restday.present import load_data
from restday.web.charts import load_chart
from restday.web.deps import Db, Page, Rules, User

__all__ = ["router"]

router = APIRouter()

SHORTEST, LONGEST = 7, 3650
RANGES = (28, 90, 365, 3650)
# The table has a row per day up to 120 days, per week up to two years, per month beyond.
DAILY_UP_TO, WEEKLY_UP_TO = 120, 730


def _week(day: date) -> tuple[int, int]:
    return day.isocalendar()[:2]


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _buckets(
    days: Sequence[Mapping[str, Any]], key: Callable[[date], tuple[int, int]]
) -> list[dict[str, Any]]:
    """A row per week or month: its load summed, the rest as on its last day; newest first."""
    rows: list[dict[str, Any]] = []
    last = None
    for day in days:
        when = date.fromisoformat(day["date"])
        if rows and key(when) == last:
            rows[-1] = {**day, "load": rows[-1]["load"] + day["load"]}
        else:
            rows.append(dict(day))
        last = key(when)
    return [{**r, "load": round(r["load"], 1)} for r in rows[::-1]]


def _label(day: date, per: str, today: date, lang: str) -> str:
    """A row's date: the day ("Tue 1 Dec"), the week's last day with its year, or the month."""
    from babel.dates import format_date

    pattern = {"day": "EEE d MMM", "week": "d MMM y", "month": "LLLL y"}[per]
    if per == "day" and day.year != today.year:
        pattern += " y"
    return format_date(day, pattern, locale=lang)


@router.get("/load", response_class=HTMLResponse)
def load_page(page: Page, db: Db, rules: Rules, user: User, days: int = 90) -> HTMLResponse:
    """The load chart for the last `days` days (7 to 3650) and its table, newest first."""
    days = min(max(days, SHORTEST), LONGEST)
    report = service.load(db, rules, page.now, days, user=user)
    data = load_data(report, page.t)
    today = page.now.astimezone(page.tz).date()
    per = "day" if days <= DAILY_UP_TO else "week" if days <= WEEKLY_UP_TO else "month"
    keys = {"day": None, "week": _week, "month": _month}
    key = keys[per]
    rows = _buckets(data["days"], key) if key else data["days"][::-1]
    return page.render(
        "load.html",
        days=days,
        ranges=RANGES,
        chart=load_chart(data, page.t, rules, today=today),
        metric=data["metric"],
        rows=[
            {**r, "label": _label(date.fromisoformat(r["date"]), per, today, page.lang)}
            for r in rows
        ],
        per=per,
        warnings=data["warnings"],
    )
