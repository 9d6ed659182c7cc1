"""Apple Health records as readings: resting heart rate, HRV (SDNN), body mass, and one night of
sleep per wake-up date. Read by `restday.io.apple_health`; see docs/apple-health.md.

A night is the time ASLEEP (never in bed or awake) whose intervals end between 18:00 the day
before and 18:00 of its wake-up date, local time in each record's own UTC offset. Within one
source the intervals are merged (a minute counts once); across sources nothing is added: each night
takes one source, one with sleep stages before one without, then the one with more time asleep.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from restday.domain import Measure, Reading
from restday.domain.bounds import TEXT_MAX
from restday.domain.session import LB_IN_KG
from restday.io.base import ImportedReading, ParseResult, fingerprint
from restday.io.track import Broken, Implausible, Invalid, reading

__all__ = [
    "READINGS",
    "Clock",
    "Fields",
    "Nights",
    "apple_time",
    "record_reading",
    "short_source",
    "source",
]

source = "apple-health"

_SOURCE_MAX = TEXT_MAX["source"]

# Record type -> (measure, its units as factors to ours, method).
READINGS: dict[str, tuple[Measure, dict[str, float], str]] = {
    "HKQuantityTypeIdentifierRestingHeartRate": (Measure.RESTING_HR_BPM, {"count/min": 1.0}, ""),
    "HKQuantityTypeIdentifierHeartRateVariabilitySDNN": (Measure.HRV_SDNN_MS, {"ms": 1.0}, "SDNN"),
    "HKQuantityTypeIdentifierBodyMass": (
        Measure.BODY_MASS_KG,
        {"kg": 1.0, "g": 0.001, "lb": LB_IN_KG, "st": 14 * LB_IN_KG},
        "",
    ),
}

_SLEEP = "HKCategoryValueSleepAnalysis"
# Asleep values -> the stage they measure ("" for asleep without a stage).
_ASLEEP = {
    f"{_SLEEP}Asleep": "",  # before iOS 16
    f"{_SLEEP}AsleepUnspecified": "",
    f"{_SLEEP}AsleepCore": "core",
    f"{_SLEEP}AsleepDeep": "deep",
    f"{_SLEEP}AsleepREM": "REM",
}
_NOT_ASLEEP = frozenset({f"{_SLEEP}InBed", f"{_SLEEP}Awake"})
_STAGES = ("core", "deep", "REM")
_EVENING = 18  # an interval ending from this hour on belongs to the next day's night
_LONGEST = timedelta(days=1)
_HOURS_KEPT = 1024  # Apple writes each type in time order: recent hours are the ones asked


def apple_time(text: str) -> datetime:
    """Apple's "2024-03-10 01:30:00 -0500" (or ISO 8601 with an offset) as an aware datetime in
    that offset. Raises ValueError if it is not a time with an offset, Implausible (a ValueError)
    if it is not from 1970 to 2099."""
    if len(text) == 25 and text[19] == " ":
        text = text[:19] + text[20:]
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(text)
    if not 1970 <= moment.year < 2100:
        raise Implausible(text)
    return moment


class Clock:
    """UTC seconds of Apple's time stamps, fast: the hour and offset are parsed once each."""

    def __init__(self) -> None:
        self.hours: dict[str, int] = {}

    def seconds(self, text: str) -> int:
        """Whole UTC seconds of a time stamp; ValueError if it is not one of Apple's."""
        key = text[:13] + text[19:]  # "2024-03-10 01 -0500"
        hour = self.hours.get(key)
        if hour is None:
            if len(self.hours) >= _HOURS_KEPT:
                self.hours.clear()
            hour = self.hours[key] = int(apple_time(f"{text[:13]}:00:00{text[19:]}").timestamp())
        minute, second = int(text[14:16]), int(text[17:19])
        if not (text[13] == text[16] == ":" and 0 <= minute < 60 and 0 <= second < 60):
            raise ValueError(text)
        return hour + minute * 60 + second


def short_source(element: Any) -> str:
    """The record's sourceName (the device or app) cut to what a reading's source holds."""
    return (element.get("sourceName") or "").strip()[:_SOURCE_MAX] or "Apple Health"


class Fields:
    """An element's attributes checked as they are read: a broken one is reported (an
    ImportFileError, or with skip_invalid a skipped row) and raises Broken."""

    def __init__(self, invalid: Invalid) -> None:
        self.invalid = invalid

    def broken(self, element: Any, name: str, problem: str) -> Broken:
        """Report attribute `name` of `element` as broken; the caller raises what is returned."""
        self.invalid.found(element.sourceline, name, element.get(name), problem)
        return Broken()

    def time(self, element: Any, name: str) -> datetime:
        """A required date attribute as an aware datetime in its own offset."""
        text = element.get(name)
        if text is None:
            raise self.broken(element, name, f"the {element.tag} has no {name}")
        try:
            return apple_time(text)
        except Implausible:
            raise self.broken(element, name, "not a plausible date") from None
        except ValueError:
            raise self.broken(element, name, "not a date with a UTC offset") from None

    def number(self, element: Any, name: str) -> float:
        """A required attribute as a finite, non-negative number."""
        text = element.get(name)
        if text is None:
            raise self.broken(element, name, f"the {element.tag} has no {name}")
        try:
            return reading(text)
        except ValueError:
            raise self.broken(element, name, "not a valid number") from None

    def factor(self, element: Any, name: str, units: dict[str, float], default: str = "") -> float:
        """The factor that turns a value in the unit of attribute `name` into ours."""
        unit = element.get(name) or default
        if unit not in units:
            known = ", ".join(units)
            raise self.broken(element, name, f"not a unit restday reads here ({known})")
        return units[unit]


def record_reading(element: Any, kind: str, fields: Fields) -> ImportedReading:
    """A resting heart rate, HRV or body mass record as a reading; raises Broken."""
    measure, units, method = READINGS[kind]
    at = fields.time(element, "startDate")
    value = round(fields.number(element, "value") * fields.factor(element, "unit", units), 3)
    name = element.get("sourceName")
    key = fingerprint(source, kind, element.get("startDate"), name)
    found = Reading(measure, at, value, short_source(element), method)
    return ImportedReading(found, key, line=element.sourceline)


@dataclass(slots=True)
class _Night:
    """One source's asleep intervals of one night (UTC seconds), its first and last moments."""

    source: str
    line: int | None
    first: datetime
    last: datetime
    intervals: list[tuple[float, float]] = field(default_factory=list)
    stages: set[str] = field(default_factory=set)

    def add(self, start: datetime, end: datetime) -> None:
        self.intervals.append((start.timestamp(), end.timestamp()))
        self.first, self.last = min(self.first, start), max(self.last, end)

    def asleep_h(self) -> float:
        """Hours asleep: the union of the intervals, a minute counted once."""
        ordered = sorted(self.intervals)
        seconds = 0.0
        begin, until = ordered[0]
        for start, end in ordered[1:]:
            if start > until:
                seconds += until - begin
                begin, until = start, end
            else:
                until = max(until, end)
        return (seconds + until - begin) / 3600

    def method(self, others: list[str]) -> str:
        """How the night was measured, and which other sources were not added."""
        stages = [s for s in _STAGES if s in self.stages]
        how = f"asleep stages ({', '.join(stages)})" if stages else "asleep, no stages"
        if len(others) == 1:
            how += f"; also recorded by {others[0]}, counted once"
        elif others:
            how += f"; also recorded by {len(others)} other sources, counted once"
        return how


def _wake_up_date(end: datetime) -> date:
    """The night an interval belongs to: the date it ends, or the next one from 18:00 on."""
    return end.date() + timedelta(days=1) if end.hour >= _EVENING else end.date()


class Nights:
    """Sleep records collected by wake-up date and source, then one reading per night."""

    def __init__(self) -> None:
        self.nights: dict[date, dict[str, _Night]] = {}
        self.in_bed: set[date] = set()
        self.unknown: Counter[str] = Counter()

    def add(self, element: Any, fields: Fields) -> None:
        """Add one SleepAnalysis record; raises Broken if its dates are broken."""
        value = element.get("value") or ""
        asleep = value in _ASLEEP
        if not asleep and value not in _NOT_ASLEEP:
            self.unknown[value.removeprefix(_SLEEP) or "(none)"] += 1
            return
        start, end = fields.time(element, "startDate"), fields.time(element, "endDate")
        if end < start:
            raise fields.broken(element, "endDate", "ends before its startDate")
        if end - start > _LONGEST:
            raise fields.broken(element, "endDate", "more than a day after its startDate")
        night = _wake_up_date(end)
        if not asleep:
            self.in_bed.add(night)
            return
        name = short_source(element)
        sources = self.nights.setdefault(night, {})
        found = sources.get(name)
        if found is None:
            found = sources[name] = _Night(name, element.sourceline, start, end)
        found.add(start, end)
        if _ASLEEP[value]:
            found.stages.add(_ASLEEP[value])

    def readings(self, result: ParseResult) -> None:
        """Add one sleep reading per night, and warnings for what gave none."""
        no_time: list[date] = []
        for day in sorted(self.nights):
            hours = {n.source: n.asleep_h() for n in self.nights[day].values()}
            chosen = max(self.nights[day].values(), key=lambda n: (bool(n.stages), hours[n.source]))
            others = sorted(name for name in hours if name != chosen.source)
            hours_asleep = round(hours[chosen.source], 3)
            if not hours_asleep:  # asleep records that start where they end: no night to read
                no_time.append(day)
                continue
            method = chosen.method(others)
            found = Reading(
                Measure.SLEEP_H, chosen.last, hours_asleep, chosen.source, method, chosen.first
            )
            key = f"{source}:sleep:{day.isoformat()}"
            result.readings.append(ImportedReading(found, key, line=chosen.line))
        only_in_bed = sorted(self.in_bed - self.nights.keys())
        if only_in_bed:
            shown = ", ".join(d.isoformat() for d in only_in_bed[:3])
            more = f" and {len(only_in_bed) - 3:,} more" if len(only_in_bed) > 3 else ""
            nights = "1 night has" if len(only_in_bed) == 1 else f"{len(only_in_bed):,} nights have"
            result.warnings.append(
                f"{nights} time in bed or awake but none asleep, so no sleep reading "
                f"({shown}{more})"
            )
        if no_time:
            shown = ", ".join(d.isoformat() for d in no_time[:3])
            more = f" and {len(no_time) - 3:,} more" if len(no_time) > 3 else ""
            nights = "1 night has" if len(no_time) == 1 else f"{len(no_time):,} nights have"
            result.warnings.append(
                f"{nights} asleep records that last no time, so no sleep reading ({shown}{more})"
            )
        if self.unknown:
            total = sum(self.unknown.values())
            shown = ", ".join(f"{v} {n:,}" for v, n in self.unknown.most_common(3))
            result.warnings.append(
                f"left out {total:,} sleep {'record' if total == 1 else 'records'} with a value "
                f"restday does not know ({shown})"
            )
