"""/api/docs: Swagger UI over the OpenAPI document, served from the `swagger-ui-bundle` package (no
CDN), with a Content-Security-Policy that allows its files and its one inline start-up script.

The package's Swagger UI (4.15) reads OpenAPI 3.0 only, so the page loads /api/docs/openapi.json:
the document of /api/openapi.json (3.1) labelled 3.0.3, which it renders well enough.
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from restday.errors import NotFound

__all__ = ["router"]

router = APIRouter()

# The package's files the page loads, and their media types.
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}


def _asset_dir() -> Path:
    import swagger_ui_bundle

    return Path(swagger_ui_bundle.swagger_ui_path)


@cache
def _page() -> tuple[str, str]:
    """(the docs page, its Content-Security-Policy naming the hash of its inline script)."""
    from fastapi.openapi.docs import get_swagger_ui_html

    page = get_swagger_ui_html(
        openapi_url="/api/docs/openapi.json",
        title="restday API",
        swagger_js_url="/api/docs/swagger-ui-bundle.js",
        swagger_css_url="/api/docs/swagger-ui.css",
        swagger_favicon_url="/api/docs/favicon-32x32.png",
    )
    html = bytes(page.body).decode()
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    )
    policy = (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )
    return html, policy


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    """The interactive API documentation."""
    html, policy = _page()
    return HTMLResponse(html, headers={"content-security-policy": policy})


@router.get("/docs/openapi.json", include_in_schema=False)
def document_for_docs(request: Request) -> JSONResponse:
    """The OpenAPI document as the docs page's Swagger UI reads it."""
    return JSONResponse({**request.app.openapi(), "openapi": "3.0.3"})


@router.get("/docs/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """One file of Swagger UI, from the installed package."""
    if name not in ASSETS:
        raise NotFound(f"The API docs have no file {name[:80]}")
    return Response(
        (_asset_dir() / name).read_bytes(),
        media_type=ASSETS[name],
        headers={"cache-control": "public, max-age=86400"},
    )
