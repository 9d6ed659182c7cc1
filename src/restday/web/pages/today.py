"""/: today's verdict in one sentence, what to train, the reasons with their rules, and advice."""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from restday import present, service
from restday.domain.bounds import RANGES
from restday.errors import InvalidInput
from restday.locales import Translator
from restday.rules import Rulebook
from restday.web.deps import Db, Page, Rules, User
from restday.web.formreader import local_input
from restday.web.moments import asked_moment, day_words, moment_error, moment_words
from restday.web.pages.demo import demo_state

__all__ = ["router"]

router = APIRouter()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _with_sources(items: list[dict[str, Any]], rules: Rulebook, lang: str) -> list[dict[str, Any]]:
    """Reasons with the article's sentence of their rule, given once per rule (else None)."""
    out, shown = [], set()
    for item in items:
        rule = rules.rules.get(item["rule"])
        source = None
        if rule is not None and rule.id not in shown:
            source = rule.source_nl if lang == "nl" else rule.source_en
            shown.add(rule.id)
        out.append({**item, "source": source})
    return out


def _minutes(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput.of("minutes", "must be a number", text) from None


def _problems(error: InvalidInput, at: str, t: Translator) -> dict[str, str]:
    """What is wrong, by form field, in the page's language (a time that names no field is `at`)."""
    fields = {p.field for p in error.problems} or {"at"}
    found = {}
    if "minutes" in fields:
        allowed = RANGES["today.minutes"]
        found["minutes"] = t.text(
            "ui.web.today.minutes_invalid", {"low": allowed.low, "high": allowed.high}
        )
    if "at" in fields:
        found["at"] = moment_error(at, t)
    return found


@router.get("/", response_class=HTMLResponse)
def today_page(
    page: Page, db: Db, rules: Rules, user: User, minutes: str = "", at: str = ""
) -> HTMLResponse:
    """Today's advice at `at` (now when empty) for someone with `minutes` to spare."""
    errors: dict[str, str] = {}
    moment, spare = page.now, None
    try:
        moment = asked_moment(at, page.now, page.tz)
        spare = _minutes(minutes)
        result = service.today(db, rules, moment, spare, user=user)
    except InvalidInput as error:
        errors = _problems(error, at, page.t)
        moment = page.now if "at" in errors else moment
        spare = None if "minutes" in errors else spare
        result = service.today(db, rules, moment, spare, user=user)
    data = present.today_data(result, page.t)
    train = data["train"]
    explained = _with_sources([*data["reasons"], *data["warnings"]], rules, page.lang)
    asked = bool(at.strip()) and "at" not in errors
    return page.render(
        "today.html",
        status_code=422 if errors else 200,
        today=data,
        what=_capital(present.session_text(train["session"], page.t)) if train else None,
        reasons=explained[: len(data["reasons"])],
        warnings=explained[len(data["reasons"]) :],
        suggestions=data["suggestions"],
        readiness=[(kind, item) for kind, item in data["readiness"].items() if item],
        readiness_hours=page.t.number(rules.signs.checkin_max_age_h),
        errors=errors,
        minutes=minutes.strip(),
        at_value=local_input(moment, page.tz) if asked else at.strip(),
        when=moment_words(moment, page.now, page.t) if asked else day_words(result.date, page.t),
        body_link="/body" + (f"?at={local_input(moment, page.tz)}" if asked else ""),
        **demo_state(db, user),
    )
