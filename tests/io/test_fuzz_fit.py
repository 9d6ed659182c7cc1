"""FIT importer fuzzed: seeded damage to our fixtures and the real exports is a result or an
ImportFileError, never a crash, and what is imported holds only finite numbers and aware times.

Two kinds of damage: random bytes (flipped, inserted, deleted, cut), and bytes of the message
definitions, which make the Garmin SDK decode a field as a list, a text or a float, or one
message as another. A failure names its variant; `random.Random(variant)` rebuilds it.
"""

from pathlib import Path

import pytest

from restday.io import fit
from tests.conftest import SHARED_DATA
from tests.io.fuzzing import damaged, outcome, redefined, variants

FIXTURES = Path(__file__).parent / "fixtures"
REAL = sorted(p.name for p in (SHARED_DATA / "fit").glob("*.fit"))

# Decoding costs about 1 ms per 1,000 bytes: fewer variants of the larger files keep the whole
# module under about 10 s.
BYTES_PER_RUN = 300_000


def fuzz(tmp_path: Path, name: str, data: bytes, count: int) -> int:
    """Parse `count` damaged variants of `data`; return how many gave sessions."""
    path = tmp_path / "damaged.fit"
    imported = 0
    for variant, rng in variants(name, count):
        damage = redefined if rng.random() < 0.6 else damaged
        broken, what = damage(data, rng)
        path.write_bytes(broken)
        result = outcome(fit.parse, path, f"{variant} ({what})", skip_invalid=rng.random() < 0.5)
        imported += result is not None
    return imported


@pytest.mark.parametrize("name", ["fit_run.fit", "fit_strength.fit"])
def test_damaged_fixtures_give_a_result_or_an_import_error(tmp_path, name):
    imported = fuzz(tmp_path, name, (FIXTURES / name).read_bytes(), 300)

    assert imported > 30  # the damage is not all fatal: many variants still import


@pytest.mark.parametrize("name", REAL)
def test_damaged_real_files_give_a_result_or_an_import_error(tmp_path, shared_data, name):
    data = (shared_data / "fit" / name).read_bytes()

    fuzz(tmp_path, name, data, max(1, min(30, BYTES_PER_RUN // len(data))))
