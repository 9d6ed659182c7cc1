"""/settings: the profile (goal, experience, time zone, body, heart rates, load metric), language."""

from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from restday import service
from restday.domain import Experience, Goal, LoadMetric
from restday.domain.validate import timezone_problem
from restday.errors import InvalidInput, Problem
from restday.locales import SUPPORTED
from restday.web.deps import Db, Form, Page, PageContext, User, form_number, form_text

__all__ = ["router"]

router = APIRouter()

CHOICES: dict[str, type[StrEnum]] = {
    "goal": Goal,
    "experience": Experience,
    "load_metric": LoadMetric,
}
NUMBERS = ("body_mass_kg", "resting_hr_bpm", "max_hr_bpm")
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}


@cache
def _timezones() -> tuple[str, ...]:
    """The IANA zone names a profile takes, sorted (for the time zone box's suggestions)."""
    from zoneinfo import available_timezones

    return tuple(sorted(n for n in available_timezones() if timezone_problem(n, "") is None))


# Where each choice's words are: goal.muscle, experience.beginner, ui.web.settings.metric_srpe.
_WORDS = {"goal": "goal.", "experience": "experience.", "load_metric": "ui.web.settings.metric_"}


def _options(page: PageContext) -> dict[str, list[tuple[str, str]]]:
    """Each choice's (value, words) in the page's language."""
    out = {}
    for name, enum in CHOICES.items():
        words = (page.t.ui(_WORDS[name] + m.value) for m in enum)
        out[name] = [(m.value, w[:1].upper() + w[1:]) for m, w in zip(enum, words, strict=True)]
    return out


def _page(
    page: PageContext, values: Mapping[str, Any], errors: Mapping[str, str], status: int = 200
) -> HTMLResponse:
    return page.render(
        "settings.html",
        status_code=status,
        values=values,
        errors=errors,
        options={**_options(page), "lang": [(code, LANGUAGE_NAMES[code]) for code in SUPPORTED]},
        timezones=_timezones(),
    )


def _shown(value: object, page: PageContext) -> str:
    """A saved value as its field shows it (numbers with the language's decimal mark)."""
    if isinstance(value, float):
        return page.t.number(value)
    return "" if value is None else str(value)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(page: Page) -> HTMLResponse:
    """The profile as it is saved, in a form."""
    values = {k: _shown(v, page) for k, v in page.profile.to_dict().items()}
    values["lang"] = page.lang
    return _page(page, values, {})


def _parsed(form: FormData) -> tuple[dict[str, Any], list[Problem]]:
    """The form's values for `update_profile`, and what could not be read."""
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, enum in CHOICES.items():
        text = form_text(form, name)
        try:
            found[name] = enum(text)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            problems.append(Problem(name, f"must be one of {allowed}", text))
    for name in NUMBERS:
        try:
            found[name] = form_number(form, name)
        except InvalidInput as error:
            problems.extend(error.problems)
    found["timezone"] = form_text(form, "timezone")
    found["lang"] = form_text(form, "lang")
    return found, problems


def _field(problem_field: str) -> str:
    """The form field of a problem's field (`profile.body_mass_kg` is `body_mass_kg`)."""
    return problem_field.rpartition(".")[2]


@router.post("/settings", response_model=None)
def save_settings(page: Page, db: Db, user: User, form: Form) -> Response:
    """Save the profile; a value that is not allowed is shown at its field and nothing is saved."""
    values, problems = _parsed(form)
    if not problems:
        try:
            service.update_profile(db, user=user, **values)
        except InvalidInput as error:
            problems = list(error.problems) or [Problem("timezone", str(error))]
        else:
            return page.redirect("/settings", done="settings")
    errors: dict[str, str] = {}
    for problem in problems:
        message = problem.message
        errors.setdefault(_field(problem.field), message[:1].upper() + message[1:])
    typed = {name: form_text(form, name) for name in (*CHOICES, *NUMBERS, "timezone", "lang")}
    return _page(page, typed, errors, 422)
