"""What a request to /api/ gives: who asks and when, the query's `at` and `lang`, and a JSON body
(bounded in size, strict JSON, every wrong field named by path).

Types are checked by `restday.domain.data.Fields` (as for a backup), bounds by the service's
`restday.domain.validate`; this module only turns what a person typed into what those take, and
collects every problem of a body into one InvalidInput.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from fastapi import Depends, Query, Request

from restday import service
from restday.domain import Profile
from restday.domain.bounds import RANGES
from restday.domain.data import Fields
from restday.errors import InvalidInput, Problem, TooLarge
from restday.locales import Translator
from restday.parse import parse_time
from restday.web.deps import Db, Now, User, browser_language

__all__ = [
    "JSON_MAX_BYTES",
    "PROBLEMS",
    "Ask",
    "Asker",
    "At",
    "BadJson",
    "Body",
    "JsonBody",
    "Lang",
    "body_schema",
    "bounded",
    "moment",
    "reason",
]

JSON_MAX_BYTES = 1024 * 1024
"""The largest JSON body accepted (a session of 2,000 sets is about 200 KB)."""

T = TypeVar("T")
# What is said of a value that is not an object: nothing is said of the fields inside it.
NOT_OBJECT = ("must be a JSON object", "must be an object")


class BadJson(InvalidInput):
    """A request body that is not JSON at all."""

    http_status = 400


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


async def read_json(request: Request) -> object:
    """The request's body as JSON: at most JSON_MAX_BYTES, no NaN or Infinity, UTF-8."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > JSON_MAX_BYTES:
            raise TooLarge(f"The request body is larger than {JSON_MAX_BYTES // 1024} KB")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise BadJson(problems=[Problem("body", "is empty: send a JSON object")])
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        message = str(error) if not isinstance(error, RecursionError) else "nested too deeply"
        raise BadJson(problems=[Problem("body", f"is not JSON: {message[:200]}")]) from None


JsonBody = Annotated[object, Depends(read_json)]


def reason(error: InvalidInput) -> str:
    """What is wrong, without the `Invalid NAME "value": ` the message may start with."""
    if error.problems:
        return "; ".join(p.message for p in error.problems)
    text = str(error)
    if text.startswith("Invalid ") and '": ' in text:
        return text.split('": ', 1)[1]
    return text


def moment(text: str, tz: tzinfo, field: str) -> datetime:
    """An ISO 8601 time typed for `field`; without a zone it is read in `tz` (the profile's)."""
    try:
        return parse_time(text, tz)
    except InvalidInput as error:
        raise InvalidInput.of(field, reason(error), text) from None


class Body:
    """One JSON body being read: `fields` checks its types, `problems` collects what is wrong."""

    def __init__(self, data: object, allowed: Iterable[str]) -> None:
        self.problems: list[Problem] = []
        if not isinstance(data, dict):
            self.problems.append(Problem("body", NOT_OBJECT[0], None))
            data = {}
        self.fields = Fields(data, "", self.problems)
        self.unknown(self.fields, allowed)

    def unknown(self, fields: Fields, allowed: Iterable[str]) -> None:
        """A problem for every key of `fields` that is not `allowed` (a typo must not pass)."""
        known = set(allowed)
        for key in fields.data:
            if key not in known:
                where = f"{fields.path}.{key}" if fields.path else str(key)
                self.problems.append(
                    Problem(where, f"is not a field here: use {', '.join(sorted(known))}")
                )

    def parsed(self, field: str, value: Any, parse: Callable[..., T], *args: Any) -> T | None:
        """`parse(value, *args)`, or None with its problem named `field`."""
        try:
            return parse(value, *args)
        except InvalidInput as error:
            self.problems.append(Problem(field, reason(error), value))
            return None

    def moment(self, key: str, tz: tzinfo, *, required: bool) -> datetime | None:
        """A time typed as text in ISO 8601 (the profile's zone when it has none)."""
        text = self.fields.text(key, required=required)
        return None if text is None else self.parsed(key, text, moment, tz, key)

    def names(self, key: str) -> tuple[str, ...]:
        """A list of names, or one text of names separated by commas, trimmed and lower case."""
        value = self.fields.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(Problem(key, "must be a list of names", None))
            return ()
        return tuple(v.strip().lower() for v in value if v.strip())

    def check(self) -> None:
        """Raise every problem found so far as one InvalidInput."""
        unique: dict[tuple[str, str], Problem] = {}
        for problem in self.problems:  # read twice (here and by the domain), said once
            unique.setdefault((problem.field, problem.message), problem)
        wrong = [p.field for p in unique.values() if p.message in NOT_OBJECT]
        found = [p for p in unique.values() if not any(_inside(p.field, w) for w in wrong)]
        if found:
            raise InvalidInput(problems=found)


PROBLEM = {
    "type": "object",
    "required": ["title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "what is wrong, in words"},
        "field": {"type": "string", "description": "the first field at fault"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string", "examples": ["exercises[0].sets"]},
                    "message": {"type": "string"},
                    "value": {},
                },
            },
        },
        "file": {"type": "string", "description": "the upload at fault"},
        "line": {"type": "integer"},
    },
}
PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"description": words, "content": {"application/problem+json": {"schema": PROBLEM}}}
    for status, words in (
        (400, "Not JSON"),
        (404, "No such record"),
        (413, "Too large"),
        (422, "Invalid input: each field at fault in `errors`"),
    )
}
"""The problem JSON (RFC 9457) every route may answer with."""


def bounded(bound: str, description: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a number within RANGES[bound] (or null: not given)."""
    limits = RANGES[bound]
    schema: dict[str, Any] = {
        "type": ["integer" if limits.whole else "number", "null"],
        "maximum": limits.high,
        "exclusiveMinimum" if limits.above else "minimum": limits.low,
    }
    return schema if description is None else {**schema, "description": description}


def _inside(field: str, outer: str) -> bool:
    """Whether `field` lies inside the value at `outer` (all of the body is inside "body")."""
    return field != outer and (outer == "body" or field.startswith((f"{outer}.", f"{outer}[")))


def body_schema(schema: dict[str, Any], example: object) -> dict[str, Any]:
    """The OpenAPI `requestBody` of a route that reads JSON through `JsonBody`."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema, "example": example}},
        }
    }


Lang = Annotated[
    Literal["en", "nl"] | None,
    Query(description="Language of the texts (default: the profile's, else the browser's)."),
]
At = Annotated[
    str | None,
    Query(
        max_length=64,
        description="ISO 8601 time; without a zone, the profile's time zone. Default: now.",
        examples=["2026-11-26T18:00"],
    ),
]


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asks and when: the person's profile, their zone, now, the browser's language."""

    profile: Profile
    tz: ZoneInfo
    now: datetime
    browser_lang: str

    def words(self, lang: str | None) -> Translator:
        """The texts in `lang`, else the profile's language, else the browser's."""
        return Translator(lang or self.profile.lang or self.browser_lang, self.tz)

    def at(self, text: str | None, field: str = "at") -> datetime:
        """The moment asked about: `text` in ISO 8601 (the profile's zone without one), or now."""
        return self.now if text is None else moment(text, self.tz, field)


def asker(request: Request, db: Db, user: User, now: Now) -> Asker:
    """The person asking, read once per request."""
    profile = service.profile(db, user=user)
    lang = browser_language(request.headers.get("accept-language"))
    return Asker(profile, ZoneInfo(profile.timezone), now, lang)


Ask = Annotated[Asker, Depends(asker)]
