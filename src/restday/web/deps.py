"""What a route asks for: the database, the rulebook, the person, now, and a page's context.

Routes declare them as parameters (`db: Db`, `page: Page`); FastAPI fills them in per request.
"""

import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Annotated, Any
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from restday import service
from restday.domain import Profile
from restday.errors import Forbidden, InvalidInput
from restday.locales import SUPPORTED, Translator
from restday.rules import Rulebook
from restday.store.db import Database
from restday.web.config import WebConfig
from restday.web.security import CSRF_COOKIE, CSRF_FIELD, new_token, same_token
from restday.web.templating import render_page

__all__ = [
    "NOTES_COOKIE",
    "Db",
    "Form",
    "Now",
    "Page",
    "PageContext",
    "Rules",
    "User",
    "browser_language",
    "checked_form",
    "form_number",
    "form_text",
    "page_context",
]


# A confirmation or warning for the page after a redirect: [[kind, text], ...], shown once.
NOTES_COOKIE = "restday_notes"
NOTE_KINDS = ("notice", "warning")


def _notes(cookie: str | None) -> list[tuple[str, str]]:
    """The notes a redirect left in the cookie (none when it is absent or not ours)."""
    try:
        data = json.loads(unquote(cookie or "[]"))
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [
        (kind, text)
        for kind, text in (n for n in data if isinstance(n, list) and len(n) == 2)
        if kind in NOTE_KINDS and isinstance(text, str)
    ]


def _config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _rules(request: Request) -> Rulebook:
    rules: Rulebook = request.app.state.rules
    return rules


def _user(request: Request) -> str:
    return _config(request).user


def _now() -> datetime:
    return datetime.now(UTC)


Db = Annotated[Database, Depends(_database)]
Rules = Annotated[Rulebook, Depends(_rules)]
User = Annotated[str, Depends(_user)]
Now = Annotated[datetime, Depends(_now)]


def browser_language(accept_language: str | None) -> str:
    """The first supported language of an `Accept-Language` header (English when none is)."""
    ranked = []
    for i, part in enumerate((accept_language or "").split(",")):
        name, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        code = name.split("-")[0].strip().lower()
        if code in SUPPORTED and quality > 0:
            ranked.append((-quality, i, code))
    return min(ranked)[2] if ranked else "en"


@dataclass
class PageContext:
    """One page view: the person's profile, their language and zone, the CSRF token, the words."""

    request: Request
    profile: Profile
    lang: str
    tz: tzinfo
    t: Translator
    csrf: str
    now: datetime
    new_token: bool = False

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """The page `template` with `context`, never cached (it holds personal data)."""
        values = {
            "page": self,
            "t": self.t,
            "lang": self.lang,
            "csrf": self.csrf,
            "path": self.request.url.path,
            "done": self.request.query_params.get("done"),
            "notes": _notes(self.request.cookies.get(NOTES_COOKIE)),
            **context,
        }
        response = HTMLResponse(render_page(template, values), status_code=status_code)
        response.headers["cache-control"] = "no-store"
        if NOTES_COOKIE in self.request.cookies:
            response.delete_cookie(NOTES_COOKIE, path="/")
        if self.new_token:
            response.set_cookie(CSRF_COOKIE, self.csrf, httponly=True, samesite="strict", path="/")
        return response

    def redirect(
        self, url: str, done: str | None = None, notes: Sequence[tuple[str, str]] = ()
    ) -> RedirectResponse:
        """See other (303) after a change: `done` names the confirmation the next page shows,
        `notes` are (kind, text) pairs it shows once, kind "notice" or "warning"."""
        target = f"{url}{'&' if '?' in url else '?'}done={done}" if done else url
        response = RedirectResponse(target, status_code=303)
        if notes:
            value = quote(json.dumps([list(n) for n in notes], ensure_ascii=False))
            response.set_cookie(
                NOTES_COOKIE, value, max_age=120, httponly=True, samesite="strict", path="/"
            )
        return response


def page_context(request: Request, db: Db, user: User, now: Now) -> PageContext:
    """The context of one page: the profile's language if set, else the browser's."""
    profile = service.profile(db, user=user)
    lang = profile.lang or browser_language(request.headers.get("accept-language"))
    tz = ZoneInfo(profile.timezone)
    token = request.cookies.get(CSRF_COOKIE)
    return PageContext(
        request, profile, lang, tz, Translator(lang, tz), token or new_token(), now, not token
    )


Page = Annotated[PageContext, Depends(page_context)]


async def checked_form(request: Request) -> AsyncIterator[FormData]:
    """The submitted form, once its CSRF field matches the browser's cookie; its uploaded files
    are closed when the request is done."""
    async with request.form() as form:
        given = form.get(CSRF_FIELD)
        if not same_token(
            request.cookies.get(CSRF_COOKIE), given if isinstance(given, str) else None
        ):
            raise Forbidden(
                "This form has expired or did not come from restday's own page: "
                "reload it and try again"
            )
        yield form


Form = Annotated[FormData, Depends(checked_form)]


def form_text(form: FormData, name: str) -> str:
    """A text field of a form, stripped ('' when absent or a file)."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def form_number(form: FormData, name: str, field_name: str | None = None) -> float | None:
    """A number typed in a form (a decimal comma allowed); None when left empty."""
    text = form_text(form, name).replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput.of(field_name or name, "must be a number", text) from None
