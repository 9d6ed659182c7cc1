"""Whatever a damaged file stores, every later command still answers: no value can poison the store."""

import json
import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from restday import service
from restday.errors import ImportFileError
from restday.io.ics import history_to_ics
from restday.rules import default_rulebook
from restday.service import backup, importing, planning
from tests.io.fuzzing import EXTREMES, damaged, redefined, revalued

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
VARIANTS = 40
FILES = {
    "strong": ["strong_comma.csv", "strong_semicolon_lbs.csv", "strong_quoted_seconds.csv"],
    "hevy": ["hevy_kg.csv", "hevy_lbs_us.csv"],
    "fit": ["fit_run.fit", "fit_strength.fit"],
    "gpx": ["gpx_run_hr.gpx", "gpx_walk_v10.gpx"],
    "tcx": ["tcx_two_laps.tcx"],
}
# The near past of the fixtures' sessions, so that some extreme values land inside the bounds.
NEAR = ["2026-11-30 07:00:00", "2026-11-30T07:00:00Z", "30 Nov 2026, 07:00", "1440", "10000"]


def refielded(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A CSV file's bytes with one to three fields replaced by extreme or near values."""
    lines = data.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    if len(lines) < 2:
        return damaged(data, rng)
    done = []
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(1, len(lines))
        sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
        fields = lines[at].rstrip("\r\n").split(sep)
        column = rng.randrange(len(fields))
        fields[column] = rng.choice((*EXTREMES, *NEAR))
        lines[at] = sep.join(fields) + "\n"
        done.append(f"line {at + 1} field {column} set to {fields[column][:20]!r}")
    return "".join(lines).encode("utf-8"), ", ".join(done)


MUTATE = {
    "strong": refielded,
    "hevy": refielded,
    "fit": redefined,
    "gpx": revalued,
    "tcx": revalued,
}


def every_command_answers(db) -> None:
    """The reading commands, a plan and every export, at now and at each stored session's start."""
    rules = default_rulebook()
    stored = service.history(db, user="me").sessions
    for at in [NOW, *(s.start for s in stored[:: max(1, len(stored) // 5)])]:
        json.dumps(service.status(db, rules, at, user="me").muscles[0].ready_at is None)
        service.today(db, rules, at, 30, user="me")
        service.load(db, rules, at, 3650, user="me")
    ask = planning.PlanAsk(start=date(2026, 12, 1), available=dict.fromkeys(range(7), 60.0))
    json.dumps(planning.plan(db, rules, ask, user="me"), allow_nan=False)
    json.dumps(backup.backup_data(db, user="me"), allow_nan=False)
    history_to_ics(stored, "UTC", stamp=NOW, name="history", describe=lambda s: ("s", "s"))


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_damaged_files_that_import_never_break_a_later_command(db, tmp_path, fmt):
    rng = random.Random(f"poison:{fmt}")
    imported = 0
    for n in range(VARIANTS):
        name = rng.choice(FILES[fmt])
        data, what = MUTATE[fmt]((FIXTURES / name).read_bytes(), rng)
        file = tmp_path / f"{n}-{name}"
        file.write_bytes(data)
        try:
            report = importing.import_files(db, fmt, [file], now=NOW, skip_invalid=True, user="me")
        except ImportFileError:
            continue
        imported += report.sessions_added
        assert all(
            s.start <= NOW.replace(day=4) for s in service.history(db, user="me").sessions
        ), (
            name,
            what,
        )
    assert imported > 0
    every_command_answers(db)
