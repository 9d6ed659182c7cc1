"""Check-ins and device readings by day (`restday checkin --list`), each saying where it came from."""

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from restday.domain import CheckIn, Measure, Reading
from restday.locales import Translator
from restday.present.moments import iso
from restday.present.sessions import source_text

if TYPE_CHECKING:
    from restday.service.records import Wellness

__all__ = ["checkin_text", "reading_text", "wellness_data"]

UNITS = {
    Measure.SLEEP_H: "h",
    Measure.RESTING_HR_BPM: "bpm",
    Measure.HRV_SDNN_MS: "ms",
    Measure.HRV_RMSSD_MS: "ms",
    Measure.BODY_MASS_KG: "kg",
}
_SCALES = ("sleep_quality", "fatigue", "motivation")


def reading_text(reading: Reading, t: Translator) -> str:
    """A reading in words: "Sleep 7.3 h (Apple Watch; asleep stages (core))"; a method the label
    names already ("SDNN") is not said twice."""
    label = t.ui(f"ui.reading.{reading.measure.value}")
    method = "" if reading.method in label else reading.method
    how = "; ".join(x for x in (reading.source, method) if x)
    value = t.number(round(reading.value, 1))
    return f"{label} {value} {UNITS[reading.measure]} ({how})"


def checkin_text(checkin: CheckIn, t: Translator) -> str:
    """What a check-in holds, in words: "sleep 6.5 h, fatigue 3/5, legs sore 2/3"."""
    parts = []
    if checkin.sleep_h is not None:
        parts.append(t.text("ui.checkin.sleep", {"hours": t.number(checkin.sleep_h)}))
    for name in _SCALES:
        value = getattr(checkin, name)
        if value is not None:
            parts.append(t.text(f"ui.checkin.{name}", {"level": value}))
    for region, level in sorted(checkin.soreness.items()):
        parts.append(t.text("ui.checkin.sore", {"region": region.value, "level": level}))
    if checkin.irritable:
        parts.append(t.ui("ui.checkin.irritable"))
    parts += [t.text("ui.checkin.injury", {"region": r.value}) for r in sorted(checkin.injuries)]
    if checkin.resting_hr_bpm is not None:
        parts.append(t.text("ui.checkin.resting_hr", {"bpm": checkin.resting_hr_bpm}))
    if checkin.hrv_ms is not None:
        parts.append(t.text("ui.checkin.hrv", {"ms": t.number(checkin.hrv_ms)}))
    return ", ".join(parts) or t.ui("ui.checkin.empty")


def wellness_data(found: "Wellness", t: Translator) -> dict[str, Any]:
    """Days, newest first, each with its check-ins (typed) and readings (measured), apart: a
    check-in's day is its date in the person's zone, a reading's where it was measured."""
    days: defaultdict[date, dict[str, list[dict[str, Any]]]] = defaultdict(
        lambda: {"checkins": [], "readings": []}
    )
    for checkin, source in found.checkins:
        entry = {**checkin.to_dict(), "at": iso(checkin.at, t.tz), "id": checkin.id}
        entry |= {"source": source, "source_text": source_text(source, t)}
        entry["text"] = checkin_text(checkin, t)
        days[checkin.at.astimezone(t.tz).date()]["checkins"].append(entry)
    for reading, fmt in found.readings:
        entry = {**reading.to_dict(), "unit": UNITS[reading.measure], "format": fmt}
        entry |= {"id": reading.id, "text": reading_text(reading, t)}
        days[reading.at.date()]["readings"].append(entry)
    return {"days": [{"date": day.isoformat(), **days[day]} for day in sorted(days, reverse=True)]}
