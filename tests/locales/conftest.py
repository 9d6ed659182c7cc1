"""Catalogue fixtures: the .po files read with Babel, and translators in both languages."""

import string
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from restday.locales import LOCALE_DIR, SUPPORTED, Translator

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "restday.po"


def read_catalogue(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fp:
        return read_po(fp, abort_invalid=True)


def translations(lang: str) -> dict[str, str]:
    """msgid -> msgstr of one .po file, without the header."""
    return {str(m.id): str(m.string) for m in read_catalogue(lang) if m.id}


def placeholders(template: str) -> set[str]:
    """The str.format field names in a message."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


@pytest.fixture(scope="session")
def po() -> dict[str, dict[str, str]]:
    return {lang: translations(lang) for lang in SUPPORTED}


@pytest.fixture(params=SUPPORTED)
def t(request) -> Translator:
    return Translator(request.param, AMSTERDAM)


@pytest.fixture
def en() -> Translator:
    return Translator("en", AMSTERDAM)


@pytest.fixture
def nl() -> Translator:
    return Translator("nl", AMSTERDAM)
