"""/checkin: how the person feels, in a few taps: sleep, soreness per region, fatigue,
motivation, irritability, injuries, and optionally resting heart rate and HRV.

Saved through `service.checkin` like `restday checkin`, then back to today with a confirmation.
"""

from datetime import date, datetime, timedelta, tzinfo
from functools import partial
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from restday import present, service
from restday.domain import CheckIn, Region
from restday.domain.validate import checkin_problems
from restday.errors import InvalidInput
from restday.locales import Translator
from restday.parse import parse_region
from restday.web.deps import Db, Form, Page, PageContext, User
from restday.web.formreader import FormReader, limits, local_input, messages, summary

__all__ = ["router"]

router = APIRouter()

# The 1-5 scales, each with the words of its two ends.
SCALES = ("sleep_quality", "fatigue", "motivation")
SORENESS_LEVELS = (0, 1, 2, 3)
# Controls under "More" (opened when one of them has an error).
MORE = ("at", "resting_hr_bpm", "hrv_ms")
LIMITS = {
    "sleep_h": limits("checkin.sleep_h"),
    "resting_hr_bpm": limits("checkin.resting_hr_bpm"),
    "hrv_ms": limits("checkin.hrv_ms"),
}


# The controls in the page's order, with their labels (a region's soreness by its name).
LABELS = {
    "sleep_h": "ui.web.checkin.sleep_h",
    "sleep_quality": "ui.web.checkin.sleep_quality",
    "soreness": "ui.web.checkin.soreness",
    "fatigue": "ui.web.checkin.fatigue",
    "motivation": "ui.web.checkin.motivation",
    "injury": "ui.web.checkin.injury",
    "resting_hr_bpm": "ui.web.checkin.resting_hr",
    "hrv_ms": "ui.web.checkin.hrv",
    "at": "ui.web.checkin.at",
}


def _label(name: str, t: Translator) -> str:
    """How the summary names a control: "Sleep quality", "Muscle soreness, legs"."""
    group, _, region = name.partition(".")
    if group not in LABELS:
        return ""
    return f"{t.ui(LABELS[group])}, {t.region(region)}" if region else t.ui(LABELS[group])


def _position(name: str) -> tuple[int, ...]:
    group, _, region = name.partition(".")
    regions = [r.value for r in Region]
    return (
        list(LABELS).index(group) if group in LABELS else len(LABELS),
        regions.index(region) if region in regions else 0,
    )


def read_checkin(form: FormData, tz: tzinfo, now: datetime) -> CheckIn:
    """The check-in the form describes; raises InvalidInput naming each control at fault."""
    r = FormReader(form, tz)
    at = r.moment("at", now)
    soreness = {}
    for region in Region:
        level = r.whole(f"soreness.{region.value}", "checkin.soreness")
        if level is not None:
            soreness[region] = level
    injuries = {
        r.checked("injury", partial(parse_region, text))
        for text in form.getlist("injury")
        if isinstance(text, str)
    }
    scales = {name: r.whole(name, f"checkin.{name}") for name in SCALES}
    if at is None:
        r.raise_problems()
    assert at is not None
    entry = CheckIn(
        at,
        sleep_h=r.number("sleep_h"),
        sleep_quality=scales["sleep_quality"],
        soreness=soreness,
        fatigue=scales["fatigue"],
        motivation=scales["motivation"],
        irritable=bool(r.text("irritable")),
        injuries=frozenset(i for i in injuries if i is not None),
        resting_hr_bpm=r.whole("resting_hr_bpm", "checkin.resting_hr_bpm"),
        hrv_ms=r.number("hrv_ms"),
    )
    r.domain(checkin_problems(entry, now=now))
    r.raise_problems()
    return entry


RECENT_DAYS = 7
"""Days of check-ins and readings shown under the form."""


def _show(
    page: PageContext,
    db: Db,
    user: str,
    values: dict[str, str],
    injuries: list[str],
    error: InvalidInput | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    errors = messages(error) if error else {}
    if error and not error.problems:
        errors = {"errors": str(error)}
    return page.render(
        "checkin.html",
        status_code=status_code,
        values=values,
        injuries=injuries,
        errors=errors,
        summary=summary(errors, lambda name: _label(name, page.t), _position),
        regions=[r.value for r in Region],
        choices={
            name: [
                (n, page.t.ui(f"ui.web.checkin.{name}.{n}") if n in (1, 5) else "")
                for n in range(1, 6)
            ]
            for name in SCALES
        },
        levels=SORENESS_LEVELS,
        limits=LIMITS,
        more_open=any(name in errors for name in MORE),
        recent=_recent(page, db, user),
        recent_days=RECENT_DAYS,
    )


def _recent(page: PageContext, db: Db, user: str) -> list[dict[str, Any]]:
    """The last days' check-ins and readings, newest first, as the page lists them."""
    since = page.now - timedelta(days=RECENT_DAYS)
    found = present.wellness_data(service.wellness(db, since, page.now, user=user), page.t)
    days: list[dict[str, Any]] = found["days"]
    for day in days:
        day["when"] = page.t.when(date.fromisoformat(day["date"]))
        for checkin in day["checkins"]:
            checkin["time"] = f"{datetime.fromisoformat(checkin['at']):%H:%M}"
        for reading in day["readings"]:
            reading["source_text"] = present.source_text(reading["format"], page.t)
    return days


@router.get("/checkin", response_class=HTMLResponse)
def checkin_page(page: Page, db: Db, user: User) -> HTMLResponse:
    """The form (now, no soreness, nothing else chosen) and the last days' check-ins and readings."""
    values = {"at": local_input(page.now, page.tz)}
    values |= {f"soreness.{r.value}": "0" for r in Region}
    return _show(page, db, user, values, [])


@router.post("/checkin", response_model=None)
def checkin_post(page: Page, db: Db, user: User, form: Form) -> HTMLResponse | RedirectResponse:
    """Store the check-in, or show the form again with each problem beside its field."""
    try:
        entry = read_checkin(form, page.tz, page.now)
        service.checkin(db, entry, page.now, user=user)
    except InvalidInput as error:
        values = {key: v for key, v in form.items() if isinstance(v, str) and key != "csrf"}
        injuries = [v for v in form.getlist("injury") if isinstance(v, str)]
        return _show(page, db, user, values, injuries, error, status_code=422)
    return page.redirect("/", done="checked_in")
