"""Builders of present/ are checked against the JSON contracts, in English and Dutch."""

import json
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from restday.locales import Translator
from tests.conftest import CONTRACTS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def validate(data, contract: str) -> None:
    """Check built data against a JSON Schema of tests/contracts."""
    jsonschema.validate(data, json.loads((CONTRACTS / f"{contract}.schema.json").read_text()))


@pytest.fixture
def en() -> Translator:
    return Translator("en", AMSTERDAM)


@pytest.fixture
def nl() -> Translator:
    return Translator("nl", AMSTERDAM)
