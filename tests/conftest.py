"""Shared fixtures: a clean environment for every test, and the real data when it is there."""

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CONTRACTS = Path(__file__).resolve().parent / "contracts"


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch):
    """No setting from the developer's shell leaks into a test."""
    for name in (
        "RESTDAY_DATABASE_URL",
        "RESTDAY_RULES",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LANGUAGE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def shared_data() -> Path:
    """The real exports in ../shared/data; a user's own clone has none, so those tests skip."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this clone")
    return SHARED_DATA
