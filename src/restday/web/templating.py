"""The Jinja2 environment of the pages, and the package's static files under content-hashed names."""

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

__all__ = ["STATIC_TYPES", "StaticFile", "environment", "render_page", "static_file", "static_url"]

STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webmanifest": "application/manifest+json",
}


@dataclass(frozen=True, slots=True)
class StaticFile:
    """One file of `web/static/`, read once, served under a name with its hash."""

    name: str
    body: bytes
    media_type: str

    @property
    def hashed_name(self) -> str:
        """`style.css` as `style.1a2b3c4d.css`: a new name whenever the file changes."""
        stem, _, ext = self.name.rpartition(".")
        return f"{stem}.{hashlib.sha256(self.body).hexdigest()[:10]}.{ext}"


@cache
def _static_files() -> dict[str, StaticFile]:
    found = {}
    for entry in files("restday.web").joinpath("static").iterdir():
        suffix = "." + entry.name.rpartition(".")[2]
        if entry.is_file() and suffix in STATIC_TYPES:
            item = StaticFile(entry.name, entry.read_bytes(), STATIC_TYPES[suffix])
            found[item.hashed_name] = item
    return found


def static_file(hashed_name: str) -> StaticFile | None:
    """The static file served under `hashed_name`, or None (nothing outside the package)."""
    return _static_files().get(hashed_name)


def static_url(name: str) -> str:
    """The URL of a static file by its plain name: `/static/style.1a2b3c4d.css`."""
    for hashed, item in _static_files().items():
        if item.name == name:
            return f"/static/{hashed}"
    raise KeyError(f"no static file {name}")


@cache
def environment() -> Environment:
    """The pages' templates: autoescaped, and a missing variable is an error, not a blank."""
    env = Environment(
        loader=PackageLoader("restday.web", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static"] = static_url
    return env


def render_page(name: str, context: dict[str, Any]) -> str:
    """A template rendered with `context`."""
    return environment().get_template(name).render(context)
