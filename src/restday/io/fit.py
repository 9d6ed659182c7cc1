"""Garmin FIT activity files, decoded with Garmin's official SDK: one session per FIT `session`.

- The file type tells: an activity gives sessions, a wellness file (monitoring, sleep, HRV
  status) readings (see fit_wellness), a file of another kind (settings, course ...) nothing.
- A multisport file gives one session per sport; its transitions (changing from bike to run) are
  not training and are left out, with a warning that counts them.
- The sport comes from the session's sport and sub-sport (running -> run, cycling -> bike,
  fitness_equipment/indoor_rowing -> row ...). Strength training (sub-sport strength_training, or
  sport training with sets) is a strength session whose exercises come from the active `set`
  messages, named through the SDK's profile ("Upright Row", or the category, "Squat", when the
  watch gave no exercise); a set the watch could not name is kept as "Unknown exercise". Yoga,
  pilates, HIIT, flexibility, dance and boxing are classes. Any other sport (generic, golf ...) is
  an endurance session without a sport, with a warning.
- Duration is the timer time (pauses excluded), else the elapsed time; heart rate comes from the
  session, else from the records (or the separate `hr` messages of pool swims) in its time span.
  A heart rate no heart makes (outside RANGES["session.avg_hr_bpm"]) is left out with a warning:
  a sample is no reading, a session's summary counts as not given.
  Intensity and RPE are left unset: a device does not know them.
- A damaged file (bad checksum, cut off) still gives the sessions that were complete before the
  damage, with a warning that says what is damaged; with none complete it is an ImportFileError.
- One damaged byte can give a field of another type (a list, a text, nan): every value read is
  checked (a finite, non-negative number below READING_MAX; an aware datetime before 2100), and
  one that is not is left out as missing, with a warning that names it.
"""

import re
from bisect import bisect_left, bisect_right
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, cast

from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry
from restday.errors import ImportFileError
from restday.io import fitvalues
from restday.io.base import ImportedSession, ParseResult, fingerprint
from restday.io.track import (
    HeartRates,
    file_bytes,
    heart_rate_summary,
    left_out_warning,
    sport_name,
    summary_warning,
)

__all__ = ["exercise_name", "parse", "source"]

source = "fit"

UNKNOWN_EXERCISE = "Unknown exercise"

# FIT sport or sub-sport -> our class kind.
_CLASSES = {
    "yoga": "yoga",
    "pilates": "pilates",
    "hiit": "hiit",
    "flexibility_training": "stretching",
    "dance": "dance",
    "boxing": "boxing",
}


def _title(snake: str) -> str:
    return " ".join(part.capitalize() for part in snake.split("_"))


def _first(value: Any) -> Any:
    """The first of a FIT array field (the watch's best guess), or the value itself."""
    return value[0] if isinstance(value, list) and value else value


class _Damage:
    """The damaged fields of one session message and its sets, named once each for a warning."""

    def __init__(self) -> None:
        self.fields: list[str] = []

    def number(self, message: dict[str, Any], key: str, what: str = "") -> float | None:
        """`message[key]` as a number, None if missing; a damaged value is noted and None."""
        raw = message.get(key)
        number = fitvalues.number(raw)
        if raw is not None and number is None:
            self.note(f"{what}{key}")
        return number

    def text(self, message: dict[str, Any], key: str) -> str:
        """`message[key]` as a name ("running", or 77 for a number the SDK lacks), "" if missing."""
        raw = message.get(key)
        if isinstance(raw, str) or (isinstance(raw, int) and not isinstance(raw, bool)):
            return str(raw)
        if raw is not None:
            self.note(key)
        return ""

    def note(self, field: str) -> None:
        if field not in self.fields:
            self.fields.append(field)


@cache
def _categories() -> frozenset[str]:
    from garmin_fit_sdk import Profile

    return frozenset(v for v in Profile["types"]["exercise_category"].values() if v != "unknown")


def exercise_name(category: Any, subtype: Any) -> str:
    """An exercise's name from a set's category and category_subtype, through the SDK's profile."""
    from garmin_fit_sdk import Profile

    name = _first(category)
    if name not in _categories():  # 65534 ("unknown"), a number the SDK lacks, damage
        return UNKNOWN_EXERCISE
    names: dict[Any, Any] = Profile["types"].get(f"{name}_exercise_name") or {}
    number = _first(subtype)
    exercise = names.get(number) if isinstance(number, int) else None
    return _title(exercise if isinstance(exercise, str) else name)


def _exercises(sets: list[dict[str, Any]], damage: _Damage) -> tuple[ExerciseEntry, ...]:
    """Active sets grouped by exercise, in the order each exercise first appears."""
    grouped: dict[str, list[SetEntry]] = {}
    for s in sets:
        reps = damage.number(s, "repetitions", "set ") or None
        weight = damage.number(s, "weight", "set ") or None
        seconds = damage.number(s, "duration", "set ") if reps is None else None
        entry = SetEntry(
            reps=int(reps) if reps is not None else None, seconds=seconds, weight_kg=weight
        )
        name = exercise_name(s.get("category"), s.get("category_subtype"))
        grouped.setdefault(name, []).append(entry)
    return tuple(ExerciseEntry(name, tuple(entries)) for name, entries in grouped.items())


def _kind(sport: str, sub: str, has_sets: bool) -> tuple[SessionKind, str | None, str | None]:
    """(kind, sport, class kind) for a FIT sport and sub-sport."""
    if sub == "strength_training" or (sport == "training" and has_sets):
        return SessionKind.STRENGTH, None, None
    class_kind = _CLASSES.get(sub) or _CLASSES.get(sport)
    if class_kind:
        return SessionKind.CLASS, None, class_kind
    return SessionKind.ENDURANCE, sport_name(sport) or sport_name(sub), None


def _damage(errors: list[Exception], position: int, header: Any, size: int) -> str | None:
    """What is wrong with the file, in words, or None if it decoded cleanly."""
    if not errors:
        return None
    text = re.sub(r"^FIT Runtime Error( at byte: \d+)?", "", str(errors[0])).strip()
    declared = header.header_size + header.data_size + 2
    if size < declared:
        return f"truncated at byte {size:,} (its header announces {declared:,} bytes)"
    if isinstance(errors[0], IndexError):
        return f"truncated at byte {position:,} (a message there runs past the end of the data)"
    if "CRC" in text:
        return "its checksum (CRC) does not match, so some of its data may be damaged"
    if position >= declared:
        return f"{size - position:,} unreadable bytes follow its end at byte {position:,}"
    return f"damaged at byte {position:,} ({text})"


def _not_fit(path: Path, data: bytes) -> ImportFileError:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if not data:
        return ImportFileError(path, "the file is empty, not a FIT file")
    if head.startswith(b"<"):
        return ImportFileError(path, "not a FIT file (it is XML: a GPX or TCX file?)")
    return ImportFileError(path, "not a FIT file")


def _no_session(messages: dict[str, Any], damage: str | None) -> str:
    """Why a FIT file gives no session."""
    records = len(messages.get("record_mesgs", []))
    if damage:
        held = f" ({records:,} records but no session summary)" if records else ""
        return f"{damage}: no complete activity{held}"
    return "no activity session in it: nothing recorded to import"


class _Series:
    """Heart-rate samples by time, from records or expanded hr messages, for summing up spans."""

    def __init__(self, samples: list[tuple[float, float]], damaged: int = 0) -> None:
        samples.sort()
        self.times = [t for t, _ in samples]
        self.bpm = [b for _, b in samples]
        self.damaged = damaged  # readings left out: a time or bpm of the wrong type

    def between(self, start: float, end: float) -> HeartRates:
        rates = HeartRates()
        for bpm in self.bpm[bisect_left(self.times, start) : bisect_right(self.times, end)]:
            rates.add(bpm)
        return rates


def _record_series(records: list[dict[str, Any]]) -> _Series:
    """Heart rate of the records; a damaged time or heart rate is no sample."""
    samples, damaged = [], 0
    for record in records:
        raw = record.get("heart_rate")
        moment, bpm = fitvalues.moment(record.get("timestamp")), fitvalues.number(raw)
        if moment is not None and bpm:
            samples.append((moment.timestamp(), bpm))
        elif raw is not None and raw != 0:
            damaged += 1
    return _Series(samples, damaged)


def _hr_messages(data: bytes) -> _Series:
    """Heart rate from a full decode's `hr` messages (pool swims keep it there, not in records)."""
    from garmin_fit_sdk import Decoder, Stream, expand_heart_rates
    from garmin_fit_sdk.util import FIT_EPOCH_S

    decoded, _ = Decoder(Stream.from_byte_array(bytearray(data))).read(merge_heart_rates=False)
    messages = decoded.get("hr_mesgs", [])
    try:
        expanded: list[Any] = expand_heart_rates(messages)
    # The SDK's helper trips over damaged hr messages (a field missing, a list, a text).
    except (RuntimeError, LookupError, TypeError, ValueError, ArithmeticError):
        return _Series([], len(messages))
    samples, damaged = [], 0
    for h in expanded:
        seconds, bpm = (
            fitvalues.number(h.get("timestamp"), fitvalues.FIT_MAX_TIME),
            fitvalues.number(h.get("heart_rate")),
        )
        if seconds is not None and bpm:
            samples.append((seconds + FIT_EPOCH_S, bpm))
        elif h.get("heart_rate") not in (None, 0):
            damaged += 1
    return _Series(samples, damaged)


def _within(moment: Any, start: datetime, end: datetime) -> bool:
    moment = fitvalues.moment(moment)
    return moment is not None and start <= moment <= end


def _after(start: datetime, seconds: float) -> datetime:
    """`seconds` after `start`, or the last moment a datetime holds if that is later."""
    try:
        return start + timedelta(seconds=seconds)
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


class _Reader:
    """Turns decoded FIT messages into sessions."""

    def __init__(self, data: bytes, messages: dict[str, Any], result: ParseResult) -> None:
        self.data, self.messages, self.result = data, messages, result
        self.sessions: list[dict[str, Any]] = messages.get("session_mesgs", [])
        self.sets = [s for s in messages.get("set_mesgs", []) if s.get("set_type") == "active"]
        self.series: list[_Series] | None = None

    def heart_rate(self, start: datetime, end: datetime) -> HeartRates:
        """Heart rate between two moments, from records, else from hr messages; `outside` counts
        the samples left out of every series tried."""
        if self.series is None:
            self.series = [_record_series(self.messages.get("record_mesgs", []))]
            if self.messages.get("hr_mesgs"):
                self.series.append(_hr_messages(self.data))
            damaged = sum(series.damaged for series in self.series)
            if damaged:
                self.result.warnings.append(
                    f"left out {fitvalues.plural(damaged, 'damaged heart-rate reading')}"
                )
        rates, outside = HeartRates(), 0
        for series in self.series:
            rates = series.between(start.timestamp(), end.timestamp())
            outside += rates.outside
            if rates.count:
                break
        rates.outside = outside
        return rates

    def sets_between(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        if len(self.sessions) == 1:
            return self.sets
        return [
            s for s in self.sets if _within(s.get("start_time") or s.get("timestamp"), start, end)
        ]

    def end_of(self, index: int, start: datetime, elapsed: float) -> datetime:
        """Where a session's span ends: its elapsed time, cut just before the next session."""
        end = _after(start, elapsed)
        for later in self.sessions[index + 1 :]:
            begins = fitvalues.moment(later.get("start_time"))
            if begins is not None and start < begins <= end:
                return begins - timedelta(microseconds=1)
        return end

    def summary(
        self, label: str, message: dict[str, Any], damage: _Damage
    ) -> tuple[float | None, float | None]:
        """The session's average and maximum heart rate; one outside its range is missing, with
        a warning (0 is not given)."""
        found, outside = [], []
        for key, bound in (
            ("avg_heart_rate", "session.avg_hr_bpm"),
            ("max_heart_rate", "session.max_hr_bpm"),
        ):
            bpm = damage.number(message, key)
            found.append(heart_rate_summary(bpm, bound))
            if bpm and found[-1] is None:
                outside.append(f"{key} {bpm:g}")
        if outside:
            self.result.warnings.append(summary_warning(label, outside))
        return found[0], found[1]

    def session(self, index: int, message: dict[str, Any]) -> None:
        """Add the session of one FIT session message, or a warning why it is left out."""
        from garmin_fit_sdk.util import convert_datetime_to_timestamp

        label = f"session {index + 1}"
        damage = _Damage()
        sport, sub = damage.text(message, "sport"), damage.text(message, "sub_sport")
        start = fitvalues.moment(message.get("start_time"))
        if start is None or convert_datetime_to_timestamp(start) < fitvalues.FIT_MIN_REAL_TIME:
            self.result.warnings.append(f"{label} has no real start time; left out")
            return
        timer = damage.number(message, "total_timer_time")
        elapsed = damage.number(message, "total_elapsed_time")
        seconds = timer or elapsed or 0.0
        if not seconds / 60 > 0:  # 5e-324 s is no duration either
            damaged = {"total_timer_time", "total_elapsed_time"} & set(damage.fields)
            why = "a damaged duration" if damaged else "no duration"
            self.result.warnings.append(f"{label} has {why}; left out")
            return
        end = self.end_of(index, start, elapsed or seconds)
        sets = self.sets_between(start, end)
        kind, name, class_kind = _kind(sport, sub, bool(sets))
        what = f"{sport}/{sub}" if sub and sub != "generic" else sport
        if kind is SessionKind.ENDURANCE and name is None:
            shown = f'sport "{what}" is not known' if sport else "no sport given"
            self.result.warnings.append(f"{label}: {shown}; imported without a sport")
        if kind is SessionKind.STRENGTH and not sets:
            self.result.warnings.append(f"{label} is strength training without sets")
        avg_hr, max_hr = self.summary(label, message, damage)
        if not avg_hr or not max_hr:
            rates = self.heart_rate(start, end)
            avg_hr, max_hr = avg_hr or rates.average, max_hr or rates.maximum
            if rates.outside:
                self.result.warnings.append(left_out_warning(label, rates.outside))
        metres = damage.number(message, "total_distance") or 0.0
        session = Session(
            kind=kind,
            start=start,
            minutes=seconds / 60,
            exercises=_exercises(sets, damage) if kind is SessionKind.STRENGTH else (),
            sport=name,
            class_kind=class_kind,
            distance_km=metres / 1000 or None,
            avg_hr_bpm=avg_hr or None,
            max_hr_bpm=max_hr or None,
        )
        if damage.fields:
            self.result.warnings.append(
                f"{label}: damaged values left out ({', '.join(damage.fields)})"
            )
        key = fingerprint(source, start.isoformat(), sport, index)
        self.result.sessions.append(ImportedSession(session, key, record=label))


def parse(path: Path, *, skip_invalid: bool = False, in_folder: bool = False) -> ParseResult:
    """Read a FIT file: an activity gives one session per sport in it, a wellness file (monitoring,
    sleep, HRV status) its readings (see fit_wellness). FIT has no rows to skip. A FIT file of
    another kind (settings, course ...) or an empty file is an ImportFileError, or with
    `in_folder` (it was found in a folder being imported) an empty result with a warning."""
    from garmin_fit_sdk import Decoder, Stream

    from restday.io import fit_wellness

    path = Path(path)
    data = file_bytes(path)
    if not data and in_folder:  # a watch leaves empty files behind a sync that broke off
        return ParseResult(warnings=["the file is empty: nothing to import"])
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    if not decoder.is_fit():
        raise _not_fit(path, data)
    header = decoder.read_file_header(True)
    # Without component expansion and heart-rate merging, real watch files decode a quarter
    # faster, and nothing read here needs them; the rare file whose heart rate lives only in
    # `hr` messages is decoded again in full (see _hr_messages).
    decoded, errors = decoder.read(expand_components=False, merge_heart_rates=False)
    messages = cast("dict[str, Any]", decoded)
    damage = _damage(errors, stream.position(), header, len(data))
    if fit_wellness.is_wellness(messages):
        cut = bool(errors) and stream.position() < header.header_size + header.data_size
        return fit_wellness.readings(path, messages, damage=damage, cut=cut)
    if not messages.get("session_mesgs"):
        other = None if damage else fit_wellness.other_kind(messages)
        if other and in_folder:
            return ParseResult(warnings=[other])
        raise ImportFileError(path, other or _no_session(messages, damage))
    result = ParseResult()
    reader = _Reader(data, messages, result)
    transitions = 0
    for index, message in enumerate(reader.sessions):
        if message.get("sport") == "transition":
            transitions += 1
        else:
            reader.session(index, message)
    if transitions:
        result.warnings.append(
            f"left out {fitvalues.plural(transitions, 'transition')} between sports (not training)"
        )
    if damage:
        result.warnings.insert(
            0,
            f"{damage}; imported the {fitvalues.plural(len(result.sessions), 'complete session')}",
        )
    if not result.sessions:
        raise ImportFileError(path, "no session in it has a real start time and a duration")
    return result
