"""Shared by the fuzz tests: seeded damage to a file's bytes, and the check every outcome passes.

A parser is total when, for any bytes, it returns a ParseResult whose sessions hold only finite
numbers and aware datetimes, or raises ImportFileError; anything else fails `outcome`. What a
parser checks at the row, so that the import's gate never refuses a session for it, is checked too:
heart rates within their ranges, exercise names that are texts of one line and not too long.
"""

import math
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from restday.domain.validate import number_problem, text_problem
from restday.errors import ImportFileError
from restday.io.base import ParseResult

__all__ = [
    "EXTREMES",
    "Definition",
    "billion_laughs",
    "damaged",
    "definitions",
    "outcome",
    "redefined",
    "revalued",
    "variants",
]

# Values a broken or hostile file may hold where a time or a number belongs.
EXTREMES = (
    "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00Z",
    "0001-01-01",
    "9999-12-31T23:59:59-05:00",
    "9999-12-31T23:59:59.999999Z",
    "9999-12-31",
    "1969-12-31T23:59:59Z",
    "2099-12-31T23:59:59-23:59",
    "2024-02-30T10:00:00Z",
    "2024-06-01T10:00:00+24:00",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-1e400",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "5e-324",
    "-1",
    "-0",
    "0",
    "99999999999999999999999999999",
    "9" * 400,
    "",
    " ",
    "0x1F",
    "1_000",
    "١٢٣",  # Arabic-Indic digits: float() reads them
    "true",
)


def damaged(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """`data` with one to three random byte flips, insertions or deletions, or cut short; and
    what was done, for a failure message."""
    out = bytearray(data)
    if not out or rng.random() < 0.2:
        cut = rng.randrange(len(out) + 1)
        return bytes(out[:cut]), f"cut at byte {cut}"
    done = []
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(out))
        what = rng.choice(("flip", "insert", "delete"))
        if what == "flip":
            out[at] ^= 1 << rng.randrange(8) if rng.random() < 0.5 else rng.randrange(1, 256)
        elif what == "insert":
            out.insert(at, rng.randrange(256))
        else:
            del out[at]
        done.append(f"{what} at byte {at}")
    return bytes(out), ", ".join(done)


def billion_laughs(document: str) -> str:
    """`document` (a root element, no XML declaration) with "&lol9;" in it made the billion
    laughs: ten entities of ten each, 10**9 "lol"s (3 GB) when expanded."""
    root = re.match(r"<([\w:]+)", document)
    assert root, document
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = f"<!DOCTYPE {root.group(1)} [\n" + "\n".join(entities) + "\n]>"
    return f'<?xml version="1.0"?>\n{doctype}\n{document}'


# An element's text or an attribute's value, short enough to be a number, a time or a name.
_VALUE = re.compile(rb'>([^<>]{0,40})</|="([^"<>]{0,40})"')


def revalued(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """An XML file's bytes with one to three element texts or attribute values replaced by one of
    EXTREMES (the XML stays well-formed); and what was replaced."""
    spots = [m.span(1) if m.group(1) is not None else m.span(2) for m in _VALUE.finditer(data)]
    if not spots:
        return damaged(data, rng)
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), reverse=True)
    out, done = bytearray(data), []
    for start, end in chosen:
        value = rng.choice(EXTREMES)
        done.append(f"{bytes(out[start:end])!r} at byte {start} set to {value[:20]!r}")
        out[start:end] = value.encode("utf-8")
    return bytes(out), ", ".join(done)


@dataclass
class Definition:
    """Where a FIT definition message is: its global number's byte, each field's
    (number, size byte, base type byte, offset in the message's data), and its data messages."""

    global_at: int
    number: int
    fields: list[tuple[int, int, int, int]] = field(default_factory=list)
    messages: list[int] = field(default_factory=list)


def definitions(data: bytes) -> list[Definition]:
    """The definition messages of a FIT file's first part, as far as they can be read."""
    if len(data) < 14:
        return []
    header = data[0]
    end = min(len(data), header + int.from_bytes(data[4:8], "little"))
    found: list[Definition] = []
    local: dict[int, tuple[Definition, int]] = {}
    at = header
    while at < end:
        record = data[at]
        if record & 0x80:  # compressed timestamp header: a data message of local type 0-3
            known = local.get((record >> 5) & 3)
            at += 1 + (known[1] if known else 0)
        elif record & 0x40:
            if at + 6 > end:
                break
            definition = Definition(at + 3, int.from_bytes(data[at + 3 : at + 5], "little"))
            count, at, size = data[at + 5], at + 6, 0
            for _ in range(count):
                if at + 3 > end:
                    break
                definition.fields.append((data[at], at + 1, at + 2, size))
                size += data[at + 1]
                at += 3
            if record & 0x20 and at < end:
                count, at = data[at], at + 1
                for _ in range(count):
                    size += data[at + 1] if at + 1 < end else 0
                    at += 3
            found.append(definition)
            local[record & 0x0F] = (definition, size)
        else:
            known = local.get(record & 0x0F)
            if known:
                known[0].messages.append(at + 1)
            at += 1 + (known[1] if known else 0)
    return found


# FIT base types: enum, sint8, uint8, sint16, uint16, sint32, uint32, string, float32, float64,
# uint8z, uint16z, uint32z, byte, sint64, uint64, uint64z.
BASE_TYPES = (0x00, 0x01, 0x02, 0x83, 0x84, 0x85, 0x86, 0x07, 0x88, 0x89, 0x0A, 0x8B, 0x8C, 0x0D)
BASE_TYPES += (0x8E, 0x8F, 0x90)

# Messages an importer reads (session, set, record, hr, file_id), then others (lap, activity,
# event): what a damaged global number turns a message into.
_MESSAGES = (18, 225, 20, 132, 0, 19, 34, 21)

# The fields the importer reads, by message: their damage is what matters most.
_READ = {
    18: {2, 5, 6, 7, 8, 9, 16, 17},  # session: start, sport, sub-sport, times, distance, hr
    225: {0, 3, 4, 5, 6, 7, 8, 254},  # set: duration, reps, weight, type, start, category
    20: {3, 253},  # record: heart rate, timestamp
    132: {0, 9, 10, 253},  # hr: fractional timestamp, event timestamps, bpm, timestamp
    0: {0},  # file_id: type
}


def redefined(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """`data` with one to three bytes of its definitions damaged, so that a field decodes as
    another type (a list, a text, a float) or a message as another message; and what was done.

    Mostly a field's base type or a message's number, which keep the messages after it readable,
    and mostly in the messages an importer reads (session, set, record, hr, file_id); sometimes a
    field's size, which garbles what follows. Without definitions, `damaged`.
    """
    found = definitions(data)
    if not found:
        return damaged(data, rng)
    read = [d for d in found if d.number in _MESSAGES[:5]]
    out, done = bytearray(data), []
    for _ in range(rng.randint(1, 3)):
        definition = rng.choice(read if read and rng.random() < 0.8 else found)
        kind = rng.choices(("type", "global", "size"), (0.6, 0.25, 0.15))[0]
        if kind == "global" or not definition.fields:
            kind, at = "global", definition.global_at
            out[at] = rng.choice(_MESSAGES)
        elif kind == "type":
            wanted = _READ.get(definition.number, ())
            fields = [f for f in definition.fields if f[0] in wanted and rng.random() < 0.9]
            at = rng.choice(fields or definition.fields)[2]
            out[at] = rng.choice(BASE_TYPES)
        else:
            at = rng.choice(definition.fields)[1]
            out[at] = rng.choice((1, 2, 3, 4, 8, 16, 255, (out[at] * 2) & 0xFF))
        done.append(f"{kind} byte {at} set to {out[at]}")
    return bytes(out), ", ".join(done)


def variants(name: str, count: int) -> list[tuple[str, random.Random]]:
    """`count` seeded generators, one per variant, each named so a failure can be reproduced:
    `random.Random("gpx_run_hr.gpx:17")` rebuilds variant 17."""
    return [(f"{name}:{i}", random.Random(f"{name}:{i}")) for i in range(count)]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _problems(result: ParseResult) -> list[str]:
    """Every value of the sessions that is not a finite number or an aware datetime."""
    found = []
    for item in result.sessions:
        s = item.session
        if not isinstance(s.start, datetime) or s.start.utcoffset() is None:
            found.append(f"start {s.start!r}")
        numbers = [
            ("minutes", s.minutes),
            ("distance_km", s.distance_km),
            ("avg_hr_bpm", s.avg_hr_bpm),
            ("max_hr_bpm", s.max_hr_bpm),
        ]
        for e in s.exercises:
            for j, x in enumerate(e.sets, start=1):
                where = f"{e.name} set {j}"
                numbers += [(f"{where} reps", x.reps), (f"{where} seconds", x.seconds)]
                numbers.append((f"{where} weight_kg", x.weight_kg))
        for name, value in numbers:
            if value is not None and not _finite(value):
                found.append(f"{name} {value!r}")
        if _finite(s.minutes) and not s.minutes > 0:
            found.append(f"minutes {s.minutes!r}")
        for bound, value in (("avg_hr_bpm", s.avg_hr_bpm), ("max_hr_bpm", s.max_hr_bpm)):
            if _finite(value) and number_problem(f"session.{bound}", value):
                found.append(f"{bound} {value!r} out of range")
        found += [
            f"exercise name {e.name!r}: {problem.message}"
            for e in s.exercises
            if (problem := text_problem("exercise", e.name, "name"))
        ]
    return found


def outcome(parse, path: Path, variant: str, *, skip_invalid: bool) -> ParseResult | None:
    """Parse `path`; fail with `variant` in the message unless the outcome is a clean
    ParseResult or an ImportFileError naming the file (then None)."""
    try:
        result = parse(path, skip_invalid=skip_invalid)
    except ImportFileError as error:
        assert error.file == str(path), f"{variant}: the error names {error.file}"
        return None
    except Exception as error:  # the bug this test is for: say which variant, keep the trace
        raise AssertionError(
            f"{variant} (skip_invalid={skip_invalid}): {type(error).__name__}: {error}"
        ) from error
    assert isinstance(result, ParseResult), variant
    problems = _problems(result)
    assert not problems, f"{variant} (skip_invalid={skip_invalid}): {problems}"
    return result
