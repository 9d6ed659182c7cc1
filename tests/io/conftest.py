"""Fixtures for the importer tests: the small files in fixtures/ and ways to look at what was read."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixture():
    """The path of a file in tests/io/fixtures by name: fixture("strong_comma.csv")."""

    def path(name: str) -> Path:
        found = FIXTURES / name
        assert found.is_file(), f"no fixture {name}"
        return found

    return path


@pytest.fixture
def write(tmp_path):
    """Write a file (text, or bytes as they are) in a temporary folder and return its path."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write_file


def sets_of(result) -> int:
    """How many sets the parsed sessions hold."""
    return sum(len(e.sets) for s in result.sessions for e in s.session.exercises)


def exercises_of(result) -> int:
    """How many exercises the parsed sessions hold."""
    return sum(len(s.session.exercises) for s in result.sessions)


def table(session) -> list[tuple]:
    """A session's exercises as (name, [(reps, seconds, weight_kg, rpe, set type)])."""
    return [
        (e.name, [(s.reps, s.seconds, s.weight_kg, s.rpe, s.set_type.value) for s in e.sets])
        for e in session.exercises
    ]
