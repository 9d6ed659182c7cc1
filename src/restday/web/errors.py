"""The one error handler: problem JSON (RFC 9457) under /api/, the error page elsewhere.

A `RestdayError` is the person's to fix and says so; anything else is a bug, logged, and answered
with a plain 500 that shows no traceback.
"""

import logging
import math
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from restday.errors import ImportFileError, InvalidInput, Problem, RestdayError

__all__ = ["error_response", "install", "problem_body"]

log = logging.getLogger("restday.web")
PROBLEM_JSON = "application/problem+json"


def _problem_data(problem: Problem) -> dict[str, Any]:
    value = problem.value
    plain = isinstance(value, bool | int | str) or (
        isinstance(value, float) and math.isfinite(value)
    )
    shown = value if value is None or plain else str(value)  # JSON has no NaN or infinity
    return {"field": problem.field, "message": problem.message, "value": shown}


def problem_body(status: int, detail: str, error: Exception | None = None) -> dict[str, Any]:
    """The problem JSON of one error: title, status, detail, and each field at fault."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if isinstance(error, InvalidInput) and error.problems:
        body["field"] = error.field
        body["errors"] = [_problem_data(p) for p in error.problems]
    if isinstance(error, ImportFileError):
        body["file"] = error.file
        body.update({k: v for k, v in _file_details(error).items() if v is not None})
    return body


def _file_details(error: ImportFileError) -> Mapping[str, object]:
    return {
        "line": error.line,
        "column": error.column,
        "record": error.record,
        "problem": error.problem,
    }


def _is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_response(scope: Mapping[str, Any], error: Exception) -> Response:
    """The answer to `error` for the request of `scope`."""
    if isinstance(error, HTTPException) and isinstance(error.__cause__, RestdayError):
        error = error.__cause__  # FastAPI's "error parsing the body" over the upload limit: 413
    if isinstance(error, RestdayError):
        status, detail = error.http_status, str(error)
    elif isinstance(error, HTTPException):
        status = error.status_code
        detail = error.detail if isinstance(error.detail, str) else HTTPStatus(status).phrase
    else:
        status, detail = 500, "Something went wrong inside restday; nothing was changed by it"
    headers = dict(error.headers or {}) if isinstance(error, HTTPException) else {}  # 405's Allow
    if _is_api(str(scope.get("path", ""))):
        return JSONResponse(
            problem_body(status, detail, error),
            status_code=status,
            media_type=PROBLEM_JSON,
            headers=headers,
        )
    return _error_page(scope, status, detail, headers)


def _error_page(
    scope: Mapping[str, Any], status: int, detail: str, headers: Mapping[str, str]
) -> Response:
    from zoneinfo import ZoneInfo

    from restday.locales import Translator
    from restday.web.deps import browser_language
    from restday.web.templating import render_page

    asked = dict((k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", ()))
    lang = browser_language(asked.get("accept-language"))
    try:
        html = render_page(
            "error.html",
            {
                "t": Translator(lang, ZoneInfo("UTC")),
                "lang": lang,
                "status": status,
                "detail": detail,
            },
        )
    except Exception:  # the error page itself must never fail: a plain one instead
        log.exception("the error page failed")
        html = f"<!doctype html><title>{status}</title><p>{HTTPStatus(status).phrase}</p>"
    return HTMLResponse(html, status_code=status, headers={**headers, "cache-control": "no-store"})


def _validation_error(error: RequestValidationError) -> InvalidInput:
    """FastAPI's own check of a request as problems naming each field (`exercises[0].sets`)."""
    problems = []
    for item in error.errors():
        where = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path")]
        name = ""
        for part in where:
            name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
        problems.append(Problem(name or "request", str(item.get("msg", "is not valid"))))
    return InvalidInput(problems=problems)


def install(app: FastAPI) -> None:
    """Send every error of `app` through `error_response`."""

    async def restday_error(request: Request, error: Exception) -> Response:
        return error_response(request.scope, error)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(request.scope, _validation_error(error))

    async def bug(request: Request, error: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        return error_response(request.scope, error)

    app.add_exception_handler(RestdayError, restday_error)
    app.add_exception_handler(HTTPException, restday_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, bug)
