"""The moment a page is asked about (`?at=`): read in the profile's zone, said in words, stepped."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from restday.domain.bounds import EARLIEST, LATEST_ASKED
from restday.locales import Translator
from restday.parse import parse_time
from restday.web.formreader import local_input

__all__ = ["Step", "asked_moment", "day_words", "moment_error", "moment_words", "steps"]

_WORDS = "EEEE d MMMM HH:mm"
_WORDS_WITH_YEAR = "EEEE d MMMM y HH:mm"


def asked_moment(text: str, now: datetime, tz: tzinfo) -> datetime:
    """`?at=`'s moment: an ISO time or a datetime-local value read in `tz`; now when empty."""
    return parse_time(text, tz) if text.strip() else now


def moment_words(moment: datetime, now: datetime, t: Translator) -> str:
    """`moment` in words in the translator's language: "Thursday 3 December 18:00"."""
    from babel.dates import format_datetime

    local = moment.astimezone(t.tz)
    pattern = _WORDS if local.year == now.astimezone(t.tz).year else _WORDS_WITH_YEAR
    return format_datetime(local, pattern, tzinfo=t.tz, locale=t.lang)


def moment_error(text: str, t: Translator) -> str:
    """What to say of an `?at=` that cannot be read or is out of range, in the page's language."""
    first, last = str(EARLIEST.year), str(LATEST_ASKED.year - 1)
    return t.text(
        "ui.web.moment.invalid", {"value": text.strip()[:60], "first": first, "last": last}
    )


def day_words(day: date, t: Translator) -> str:
    """A day in words in the translator's language: "Tuesday 1 December"."""
    from babel.dates import format_date

    return format_date(day, _WORDS.removesuffix(" HH:mm"), locale=t.lang)


@dataclass(frozen=True, slots=True)
class Step:
    """One link to another moment; `current` when it is the moment shown."""

    label: str
    href: str
    current: bool = False


def steps(path: str, moment: datetime, now: datetime, t: Translator) -> list[Step]:
    """Links to step through time: the day before, now, the next three days, the day after."""
    shown = local_input(moment, t.tz)

    def step(label: str, at: datetime, href: str | None = None) -> Step:
        value = local_input(at, t.tz)
        return Step(label, href or f"{path}?at={value}", value == shown)

    ahead = [
        step(t.text("ui.web.body.plus_days", {"days": days}), now + timedelta(days=days))
        for days in (1, 2, 3)
    ]
    return [
        replace(step(t.ui("ui.web.body.previous_day"), moment - timedelta(days=1)), current=False),
        step(t.ui("ui.web.body.now"), now, path),
        *ahead,
        replace(step(t.ui("ui.web.body.next_day"), moment + timedelta(days=1)), current=False),
    ]
