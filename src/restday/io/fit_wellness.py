"""Garmin wellness FIT files (monitoring, sleep, HRV status): readings, not sessions.

- Resting heart rate: the day's `current_day_resting_heart_rate` of `monitoring_hr_data`, the
  last one of each local day (the watch updates it through the day). `resting_heart_rate` is a
  7-day average and is not read.
- HRV: `hrv_status_summary.last_night_average` (RMSSD, ms), one per night; when a summary gives
  none, the mean of the night's `hrv_value` messages (the 24 hours before it).
- Sleep: `sleep_level` messages, each the level from its time until the next message; asleep is
  light, deep and REM. Asleep spans more than _NEW_NIGHT apart are separate nights, one reading
  per local wake-up date: start is the first asleep moment, `at` the end of the last.
- Times are UTC in FIT; `monitoring_info` gives the local offset (its local_timestamp minus its
  timestamp). A file without it gives its readings in UTC, with a warning.
- A value outside its range (0 for a heart rate; the SDK drops FIT's invalid 255 and 0xFFFF) or
  of the wrong type is left out with a warning, never read. A file cut short keeps what is
  complete before the cut; the night it cuts off is left out.
- Steps, activity, stress and Garmin's undocumented messages are left out, counted in a warning.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from restday.domain import Measure, Reading
from restday.domain.bounds import RANGES, Range
from restday.errors import ImportFileError
from restday.io import fitvalues
from restday.io.base import ImportedReading, ParseResult

__all__ = ["file_kind", "is_wellness", "other_kind", "readings", "source_name"]

# FIT file types that hold wellness data; 49 (sleep) is a number to SDKs that lack its name.
_WELLNESS_FILES = frozenset({"monitoring_a", "monitoring_b", "monitoring_daily", "sleep", 49})
_WELLNESS_FILES |= {"hrv", "hrv_status"}
_READ = ("monitoring_hr_data", "hrv_status_summary", "hrv_value", "sleep_level")
_WELLNESS_MESSAGES = (*_READ, "monitoring", "monitoring_info")
# Messages that describe the file and its device: read for names and times, never left out.
_DESCRIPTIVE = frozenset({"file_id", "file_creator", "device_info", "software", "monitoring_info"})
_GLOSS = {"monitoring": " (steps and activity)", "stress_level": " (stress)"}

_ASLEEP = frozenset({"light", "deep", "rem"})
_LEVELS = _ASLEEP | {"awake", "unmeasurable"}
_NEW_NIGHT = timedelta(hours=4)  # asleep spans further apart than this are separate nights
_MAX_OFFSET = timedelta(hours=14)  # UTC-12 to UTC+14: a larger offset is damage
_HRV_NIGHT = timedelta(hours=24)  # the hrv_value messages a summary sums up: the day before it
_SOURCE_MAX = 32

_RESTING_HR = RANGES["reading.resting_hr_bpm"]
_HRV = RANGES["reading.hrv_rmssd_ms"]
_SLEEP = RANGES["reading.sleep_h"]

_RESTING_HR_METHOD = "Garmin monitoring_hr_data"
_HRV_METHOD = "hrv_status_summary: last night's average (RMSSD)"
_HRV_VALUES_METHOD = "hrv_value: mean of the night's RMSSD values"
_SLEEP_METHOD = "Garmin sleep stages (light, deep, REM)"
_NO_STAGES = "holds no sleep stages: no night of sleep read"


def _messages(messages: dict[Any, Any], name: str) -> list[dict[Any, Any]]:
    """The decoded messages of one type ("sleep_level"), [] if none."""
    found = messages.get(f"{name}_mesgs")
    return found if isinstance(found, list) else []


def file_kind(messages: dict[Any, Any]) -> str | int | None:
    """The FIT file type ("activity", "monitoring_b", 49 for a type the SDK cannot name)."""
    file_ids = _messages(messages, "file_id")
    kind = file_ids[0].get("type") if file_ids else None
    if isinstance(kind, bool) or not isinstance(kind, str | int) or kind == "":
        return None
    return kind


def is_wellness(messages: dict[Any, Any]) -> bool:
    """Whether the file is a wellness file: by its type, or (not an activity) by its messages."""
    kind = file_kind(messages)
    if kind == "activity":
        return False
    if kind in _WELLNESS_FILES:
        return True
    return not messages.get("session_mesgs") and any(
        _messages(messages, name) for name in _WELLNESS_MESSAGES
    )


def other_kind(messages: dict[Any, Any]) -> str | None:
    """Why a FIT file of another kind than activity or wellness (settings, course ...) gives
    nothing, or None for an activity file or one without a type."""
    kind = file_kind(messages)
    if kind is None or kind == "activity":
        return None
    what = f"a FIT {kind} file" if isinstance(kind, str) else f"a FIT file of type {kind}"
    return f"not an activity or wellness file ({what}): nothing to import"


@cache
def _profile_names(kind: str) -> frozenset[str]:
    from garmin_fit_sdk import Profile

    return frozenset(v for v in Profile["types"][kind].values() if isinstance(v, str))


def _product_words(name: str) -> str:
    """ "fenix6S_sport" -> "fenix 6S sport"."""
    return re.sub(r"(?<=[a-z]{3})(?=\d)", " ", name.replace("_", " "))


def _device_field(messages: dict[Any, Any], key: str, kind: str) -> str | int | None:
    """A device field of file_id, else of device_info: a name the profile knows, or a number."""
    for message in (*_messages(messages, "file_id")[:1], *_messages(messages, "device_info")):
        value = message.get(key)
        if isinstance(value, str) and value in _profile_names(kind):
            return value
        number = fitvalues.number(value, fitvalues.FIT_MAX_TIME)
        if number is not None and number == int(number):
            return int(number)
    return None


def source_name(messages: dict[Any, Any]) -> str:
    """The device that wrote the file: "Garmin fenix 6", at most 32 characters."""
    maker = _device_field(messages, "manufacturer", "manufacturer")
    product = _device_field(messages, "garmin_product", "garmin_product")
    if product is None:
        product = _device_field(messages, "product", "garmin_product")
    words = [
        _product_words(maker).title() if isinstance(maker, str) else "",
        _product_words(product) if isinstance(product, str) else "",
    ]
    if isinstance(product, int):
        words[1] = f"product {product}"
    name = " ".join(w for w in words if w)
    if not isinstance(maker, str):
        name = f"FIT device {name}".rstrip()
    if len(name) > _SOURCE_MAX:  # at a word's end: "Garmin training peaks virtual"
        name = name[: _SOURCE_MAX + 1].rsplit(" ", 1)[0][:_SOURCE_MAX]
    return name


def _device_key(messages: dict[Any, Any], source: str) -> str:
    """The device in a reading's key: its serial number, else its name."""
    file_ids = _messages(messages, "file_id")
    serial = (
        fitvalues.number(file_ids[0].get("serial_number"), fitvalues.FIT_MAX_TIME)
        if file_ids
        else None
    )
    return str(int(serial)) if serial else source


def _real_time(value: Any) -> datetime | None:
    """A decoded FIT time as an aware datetime; None if missing, damaged or only seconds since
    the device was switched on."""
    from garmin_fit_sdk.util import convert_datetime_to_timestamp

    moment = fitvalues.moment(value)
    if moment is None or convert_datetime_to_timestamp(moment) < fitvalues.FIT_MIN_REAL_TIME:
        return None
    return moment


def _local_offset(messages: dict[Any, Any]) -> timezone | None:
    """The local offset of the first monitoring_info that gives one, to the minute."""
    from garmin_fit_sdk.util import FIT_EPOCH_S

    for info in _messages(messages, "monitoring_info"):
        moment = _real_time(info.get("timestamp"))
        local = fitvalues.number(info.get("local_timestamp"), fitvalues.FIT_MAX_TIME)
        if moment is None or local is None:
            continue
        offset = timedelta(minutes=round((local + FIT_EPOCH_S - moment.timestamp()) / 60))
        if abs(offset) <= _MAX_OFFSET:
            return timezone(offset)
    return None


def _value(raw: Any, bound: Range) -> tuple[float | None, str | None]:
    """(the value, None) if `raw` is a number within `bound`; (None, how it is shown) if it is a
    number outside it; (None, None) if it is missing or not a number."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None, None
    if bound.problem(raw):
        return None, f"{raw:g}"
    return float(raw), None


def _outside(count_of: str, shown: list[str], bound: Range) -> str:
    """ "left out 2 resting heart rates outside 20-150 bpm (0, 200)"."""
    values = ", ".join(shown[:3]) + (f" and {len(shown) - 3:,} more" if len(shown) > 3 else "")
    words = f"{bound.low:g}-{bound.high:g} {bound.unit}"
    return f"left out {fitvalues.plural(len(shown), count_of)} outside {words} ({values})"


@dataclass(slots=True)
class _Night:
    """Asleep spans close enough together to be one night."""

    start: datetime
    end: datetime
    seconds: float
    index: int
    woke: bool  # a level that is not asleep followed its last span


class _Reader:
    """Turns a wellness file's decoded messages into readings."""

    def __init__(self, messages: dict[Any, Any], result: ParseResult) -> None:
        self.messages, self.result = messages, result
        self.source = source_name(messages)
        self.device = _device_key(messages, self.source)
        self.tz: timezone = _local_offset(messages) or UTC
        self.damaged: Counter[str] = Counter()  # messages without a real time or a readable value
        self.hrv_values: list[tuple[datetime, float]] = []

    def timed(self, name: str) -> Iterator[tuple[int, datetime, dict[Any, Any]]]:
        """(index from 1, local time, message) of each message of a type; one without a real
        time is counted as damaged."""
        for index, message in enumerate(_messages(self.messages, name), start=1):
            moment = _real_time(message.get("timestamp"))
            if moment is None:
                self.damaged[name] += 1
            else:
                yield index, moment.astimezone(self.tz), message

    def add(self, what: str, day: date, reading: Reading, record: str) -> None:
        """Add a reading, keyed by what it is, its local day and the device."""
        key = f"garmin:{what}:{day.isoformat()}:{self.device}"
        self.result.readings.append(ImportedReading(reading, key, record=record))

    def resting_hr(self) -> None:
        """One resting heart rate per local day: the day's last."""
        by_day: dict[date, tuple[datetime, float, int]] = {}
        outside: list[str] = []
        missing = 0
        for index, at, message in self.timed("monitoring_hr_data"):
            raw = message.get("current_day_resting_heart_rate")
            bpm, shown = _value(raw, _RESTING_HR)
            if shown is not None:
                outside.append(shown)
            elif raw is None:
                missing += 1
            elif bpm is None:
                self.damaged["monitoring_hr_data"] += 1
            elif at.date() not in by_day or by_day[at.date()][0] <= at:
                by_day[at.date()] = (at, bpm, index)
        for day, (at, bpm, index) in sorted(by_day.items()):
            reading = Reading(Measure.RESTING_HR_BPM, at, bpm, self.source, _RESTING_HR_METHOD)
            self.add("resting_hr", day, reading, f"monitoring_hr_data {index}")
        if outside:
            self.result.warnings.append(_outside("resting heart rate", outside, _RESTING_HR))
        if missing:
            self.result.warnings.append(
                f"left out {fitvalues.plural(missing, 'monitoring_hr_data message')} without the day's "
                "resting heart rate (current_day_resting_heart_rate)"
            )

    def values(self) -> list[tuple[datetime, float]]:
        """The hrv_value messages in range, by time."""
        values = []
        for _, at, message in self.timed("hrv_value"):
            value, _ = _value(message.get("value"), _HRV)
            if value is not None:
                values.append((at, value))
        return sorted(values, key=lambda pair: pair[0])

    def night_mean(self, label: str, raw: Any, shown: str | None, at: datetime) -> float | None:
        """For a summary without a usable average: the mean of the night's hrv_value messages,
        with a warning that says so (or that the night has no HRV)."""
        night = [value for moment, value in self.hrv_values if at - _HRV_NIGHT < moment <= at]
        why = "gives no last night's average"
        if shown is not None:
            why = f"gives last night's average {shown} ms, outside {_HRV.low:g}-{_HRV.high:g} {_HRV.unit}"
        elif raw is not None:
            why = "gives a damaged last night's average"
        if not night:
            self.result.warnings.append(f"{label} {why}: no HRV read for its night")
            return None
        used = fitvalues.plural(len(night), "hrv_value message")
        self.result.warnings.append(f"{label} {why}: read the mean of its {used}")
        return round(sum(night) / len(night), 1)

    def hrv(self) -> None:
        """One HRV per night: the summary's last night's average, else the mean of its values."""
        self.hrv_values = self.values()
        summaries = list(self.timed("hrv_status_summary"))
        if self.hrv_values and not summaries:
            held = fitvalues.plural(len(self.hrv_values), "hrv_value message")
            self.result.warnings.append(f"holds {held} but no hrv_status_summary: no HRV read")
        by_night: dict[date, tuple[Reading, str]] = {}
        for index, at, message in summaries:
            label = f"hrv_status_summary {index}"
            raw = message.get("last_night_average")
            ms, shown = _value(raw, _HRV)
            method = _HRV_METHOD
            if ms is None:
                ms, method = self.night_mean(label, raw, shown, at), _HRV_VALUES_METHOD
            if ms is not None:
                reading = Reading(Measure.HRV_RMSSD_MS, at, ms, self.source, method)
                by_night[at.date()] = (reading, label)
        for day, (reading, label) in sorted(by_night.items()):
            self.add("hrv", day, reading, label)

    def levels(self) -> list[tuple[datetime, str, int]]:
        """(time, level, index from 1) of the sleep_level messages, by time; a level the SDK
        names but restday does not know is counted as not asleep, with a warning."""
        levels, unknown = [], Counter[str]()
        for index, at, message in self.timed("sleep_level"):
            level = message.get("sleep_level")
            if isinstance(level, bool) or not isinstance(level, str | int):
                self.damaged["sleep_level"] += 1
                continue
            if level not in _LEVELS:
                unknown[str(level)] += 1
            levels.append((at, str(level), index))
        if unknown:
            shown = ", ".join(f"{level} ({count:,})" for level, count in unknown.items())
            self.result.warnings.append(
                f"counted {fitvalues.plural(unknown.total(), 'sleep level')} restday does not know as "
                f"not asleep ({shown})"
            )
        return sorted(levels, key=lambda level: level[0])

    def nights(self, levels: list[tuple[datetime, str, int]]) -> list[_Night]:
        """The asleep spans, as nights."""
        nights: list[_Night] = []
        for (start, level, index), (end, after, _) in pairwise(levels):
            if level not in _ASLEEP or end <= start:
                continue
            if nights and start - nights[-1].end <= _NEW_NIGHT:
                night = nights[-1]
                night.end, night.seconds = end, night.seconds + (end - start).total_seconds()
            else:
                nights.append(_Night(start, end, (end - start).total_seconds(), index, False))
            nights[-1].woke = after not in _ASLEEP
        return nights

    def sleep(self, cut: bool) -> None:
        """One night of sleep per local wake-up date; a night the file's end cuts off is left out."""
        levels = self.levels()
        nights = self.nights(levels)
        if not nights and (levels or file_kind(self.messages) in ("sleep", 49)):
            self.result.warnings.append(_NO_STAGES)
        if cut and nights and not nights[-1].woke:
            lost = nights.pop()
            self.result.warnings.append(
                f"the night from {lost.start:%Y-%m-%d %H:%M} is cut off by the damage: left out"
            )
        by_day: dict[date, list[_Night]] = {}
        for night in nights:  # a nap and a night, or a night split by a long wake: one reading
            by_day.setdefault(night.end.date(), []).append(night)
        outside: list[str] = []
        for day, same in sorted(by_day.items()):
            hours = round(sum(night.seconds for night in same) / 3600, 2)
            if _SLEEP.problem(hours):
                outside.append(f"{hours:g}")
                continue
            start, end = same[0].start, same[-1].end
            reading = Reading(Measure.SLEEP_H, end, hours, self.source, _SLEEP_METHOD, start)
            self.add("sleep", day, reading, f"sleep_level {same[0].index}")
        if outside:
            self.result.warnings.append(_outside("night of sleep", outside, _SLEEP))

    def left_out(self) -> None:
        """Warnings for the damaged messages and the types restday does not read."""
        if self.damaged:
            shown = ", ".join(f"{name} {count:,}" for name, count in self.damaged.items())
            self.result.warnings.append(
                f"left out {fitvalues.plural(self.damaged.total(), 'damaged message')} ({shown})"
            )
        named, undocumented = Counter[str](), 0
        for key, found in self.messages.items():
            count = len(found) if isinstance(found, list) else 0
            name = str(key).removesuffix("_mesgs")
            if name.isdigit():  # the SDK names a message it has no profile for by its number
                undocumented += count
            elif name not in _READ and name not in _DESCRIPTIVE and count:
                named[name] = count
        parts = [f"{name} {count:,}{_GLOSS.get(name, '')}" for name, count in named.most_common()]
        if undocumented:
            parts.append(f"undocumented {undocumented:,}")
        if parts:
            total = named.total() + undocumented
            self.result.warnings.append(
                f"left out {fitvalues.plural(total, 'message')} of types restday does not read: "
                + ", ".join(parts)
            )


def readings(path: Path, messages: dict[Any, Any], *, damage: str | None, cut: bool) -> ParseResult:
    """The readings of a decoded wellness FIT file. `damage` says what is wrong with the file
    (None if it decoded cleanly); `cut` whether the decoder stopped before its end.

    Raises ImportFileError if the file is damaged and holds no complete reading.
    """
    result = ParseResult()
    reader = _Reader(messages, result)
    holds = [name for name in _READ if _messages(messages, name)]
    if reader.tz is UTC and holds:
        result.warnings.append("gives no local time (no monitoring_info): times are in UTC")
    reader.resting_hr()
    reader.hrv()
    reader.sleep(cut)
    if not holds and file_kind(messages) not in ("sleep", 49):
        result.warnings.append(
            "holds no resting heart rate, HRV or sleep stages: nothing to import"
        )
    reader.left_out()
    if damage:
        if not result.readings:
            raise ImportFileError(path, f"{damage}: no complete reading")
        result.warnings.insert(
            0,
            f"{damage}; imported the {fitvalues.plural(len(result.readings), 'complete reading')}",
        )
    return result
