"""Safe on 127.0.0.1 too: the Host check (DNS rebinding), cross-site writes refused, CSRF tokens,
a size limit on request bodies, and the security headers of every response."""

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from restday.errors import Forbidden, RestdayError, TooLarge

__all__ = ["CSRF_COOKIE", "CSRF_FIELD", "Guard", "new_token", "same_token"]

CSRF_COOKIE = "restday_csrf"
CSRF_FIELD = "csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Pages use only what the package serves; /api/docs adds its own inline start-up script.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # Not "no-referrer": with it a browser posts the page's forms with `Origin: null`, refused above.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    # Personal data (the API's answers too) is never cached; static files set their own.
    "cache-control": "no-store",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_token() -> str:
    """A fresh CSRF token."""
    return secrets.token_urlsafe(32)


def same_token(cookie: str | None, given: str | None) -> bool:
    """Whether a form's CSRF field matches the browser's cookie."""
    return bool(cookie and given) and hmac.compare_digest(str(cookie), str(given))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            text: str = value.decode("latin-1")
            return text
    return None


def _refusal(scope: Scope, allowed_hosts: frozenset[str] | None) -> RestdayError | None:
    """Why a request is refused before the app sees it, or None."""
    host = (_header(scope, b"host") or "").lower()
    if allowed_hosts is not None and host not in allowed_hosts:
        return Forbidden(f'This server does not answer for the host "{host[:80]}"')
    if scope["method"] in SAFE_METHODS:
        return None
    site = _header(scope, b"sec-fetch-site")
    origin = _header(scope, b"origin")
    if site in ("cross-site", "same-site") or (
        origin is not None and origin.split("://", 1)[-1].lower() != host
    ):
        return Forbidden("Changes are only accepted from restday's own pages")
    return None


class Guard:
    """Middleware around the app: refuse foreign hosts and cross-site writes, cap request bodies,
    add the security headers to every response."""

    def __init__(
        self, app: ASGIApp, *, allowed_hosts: frozenset[str] | None, max_body_bytes: int
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", ())}
                message["headers"] = list(message.get("headers", ())) + [
                    (key.encode(), value.encode())
                    for key, value in HEADERS.items()
                    if key.encode() not in present
                ]
            await send(message)

        limit = self.max_body_bytes
        refusal = _refusal(scope, self.allowed_hosts)
        length = _header(scope, b"content-length")
        if refusal is None and length and length.isdigit() and int(length) > limit:
            refusal = TooLarge(_too_large(limit))
        if refusal is not None:
            await _refuse(scope, with_headers, refusal)
            return
        received = 0

        async def capped() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise TooLarge(_too_large(limit))
            return message

        await self.app(scope, capped, with_headers)


def _too_large(limit: int) -> str:
    megabytes = limit // (1024 * 1024)
    return (
        f"The upload is larger than the limit of {megabytes} MB (a large export, such as Apple "
        "Health's, imports with `restday import`, or start `restday serve --max-upload-mb` higher)"
    )


async def _refuse(scope: Scope, send: Send, error: RestdayError) -> None:
    """Answer a refused request through the app's one error handler."""
    from restday.web.errors import error_response

    await error_response(scope, error)(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
