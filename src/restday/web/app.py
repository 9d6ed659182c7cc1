"""The web app: one FastAPI application with the route table of every page and the API."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import Response
from starlette.middleware.gzip import GZipMiddleware

from restday.errors import RestdayError
from restday.web import errors
from restday.web.config import WebConfig
from restday.web.security import Guard
from restday.web.templating import static_file

__all__ = ["create_app", "serve"]

# The pages, in the order of the navigation bar; each module has a `router`.
PAGES: tuple[str, ...] = (
    "today", "body", "log", "checkin", "plan", "history", "load", "imports", "rules", "settings",
    "calibration", "demo",
)  # fmt: skip


def create_app(config: WebConfig) -> FastAPI:
    """The app over the database and rulebook of `config` (opened, and migrated, now)."""
    from importlib import import_module

    from restday.rules import load_rulebook
    from restday.store.db import database_url, open_database
    from restday.web import api

    db = open_database(database_url(config.database_url))
    rules = load_rulebook(config.rules_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="restday",
        summary="How much rest you need, and what to do today.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.db = db
    app.state.rules = rules
    errors.install(app)
    app.include_router(api.router)
    for name in PAGES:
        module = import_module(f"restday.web.pages.{name}")
        app.include_router(
            module.router, include_in_schema=False
        )  # /api/openapi.json: the API only

    @app.get("/manifest.webmanifest", include_in_schema=False)
    def manifest() -> Response:
        return Response(_manifest(), media_type="application/manifest+json")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        found = static_file(name)
        if found is None:
            return Response("Not found", status_code=404, media_type="text/plain")
        return Response(
            found.body,
            media_type=found.media_type,
            headers={"cache-control": "public, max-age=31536000, immutable"},
        )

    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        Guard, allowed_hosts=config.allowed_hosts(), max_body_bytes=config.max_upload_bytes
    )
    return app


def _manifest() -> str:
    """The web app manifest: restday on a phone's home screen."""
    import json

    from restday.web.templating import static_url

    return json.dumps(
        {
            "name": "restday",
            "short_name": "restday",
            "description": "How much rest you need, and what to do today.",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#fbfbfd",
            "theme_color": "#1d4e89",
            "icons": [
                {"src": static_url("icon.svg"), "sizes": "any", "type": "image/svg+xml"},
                {"src": static_url("icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static_url("icon-512.png"), "sizes": "512x512", "type": "image/png"},
            ],
        }
    )


def _version() -> str:
    from importlib.metadata import version

    return version("restday")


def serve(config: WebConfig, ready: Callable[[], None]) -> None:
    """Open the database, listen on the address, call `ready`, and serve until interrupted."""
    import socket

    import uvicorn

    app = create_app(config)
    listener = socket.socket(socket.AF_INET6 if ":" in config.host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((config.host, config.port))
    except OSError as error:
        listener.close()
        raise RestdayError(
            f"Cannot listen on {config.address}: {error.strerror or error}; "
            "is restday already running there? Choose another --port"
        ) from None
    ready()
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
