"""The readiness summary of `today`: last night's sleep, resting heart rate and HRV, each marked."""

from typing import Any

from restday.engine.readiness import Marked, Readiness, hrv_measure
from restday.locales import Translator

__all__ = ["readiness_data", "readiness_line"]

_UNITS = {"sleep": "h", "resting_hr": "bpm", "hrv": "ms"}


def _marked(kind: str, marked: Marked | None, t: Translator) -> dict[str, Any] | None:
    if marked is None:
        return None
    day, baseline = marked.latest, marked.baseline
    return {
        "value": round(day.value, 1),
        "unit": _UNITS[kind],
        "at": day.at.isoformat(),
        "date": day.day.isoformat(),
        "source": day.source,
        "typed": day.typed,
        "method": day.method,
        "measure": hrv_measure(day.series) if kind == "hrv" else None,
        "mark": None if marked.mark is None else marked.mark.value,
        "low_below": marked.low_below,
        "high_above": marked.high_above,
        "baseline": None
        if baseline is None
        else {
            "mean": round(baseline.mean, 1),
            "sd": round(baseline.sd, 1),
            "days": baseline.days,
            "window_days": baseline.window_days,
        },
        "rule": marked.rule,
        "min_days": marked.min_days or None,
        "text": readiness_line(kind, marked, t),
    }


def readiness_line(kind: str, marked: Marked, t: Translator) -> str:
    """One line of the summary: "Resting heart rate 66 bpm (Apple Watch): high (normal for you:
    53 to 63, around your 28-day baseline of 58)"."""
    day, baseline = marked.latest, marked.baseline
    device = t.name(day.source, ("source",)) if day.typed else day.source
    source = ", ".join(x for x in (hrv_measure(day.series) if kind == "hrv" else "", device) if x)
    value = {"value": t.number(round(day.value, 1)), "source": source}
    shown = t.text(f"ui.readiness.{kind}", value)
    if marked.mark is None:
        return t.text("ui.readiness.no_baseline", {"what": shown, "min": marked.min_days})
    mark = t.ui(f"ui.readiness.mark.{marked.mark.value}")
    bounds = {"low": t.number(marked.low_below or 0), "high": t.number(marked.high_above or 0)}
    if baseline is None:
        return t.text("ui.readiness.against_range", {"what": shown, "mark": mark, **bounds})
    params = {"mean": t.number(round(baseline.mean)), "days": baseline.window_days}
    return t.text(
        "ui.readiness.against_baseline", {"what": shown, "mark": mark, **bounds, **params}
    )


def readiness_data(readiness: Readiness, t: Translator) -> dict[str, Any]:
    """The summary as contract JSON; a measure with nothing recent is null."""
    return {
        "sleep": _marked("sleep", readiness.sleep, t),
        "resting_hr": _marked("resting_hr", readiness.resting_hr, t),
        "hrv": _marked("hrv", readiness.hrv, t),
    }
