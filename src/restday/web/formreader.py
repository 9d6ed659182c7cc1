"""Read a submitted form into domain values, collecting every problem by its control's name.

A page reads each control, builds the record, adds the domain's own problems (mapped back to the
controls) and shows them all at once beside their fields, with the input kept.
"""

import math
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import TypeVar

from starlette.datastructures import FormData

from restday.domain.bounds import RANGES, Range
from restday.errors import InvalidInput, Problem
from restday.parse import parse_time
from restday.web.deps import form_number, form_text

__all__ = ["FormReader", "limits", "local_input", "messages", "summary"]

T = TypeVar("T")


def local_input(moment: datetime, tz: tzinfo) -> str:
    """A moment as a `datetime-local` control shows it: `2026-12-01T18:05` in `tz`."""
    return moment.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def limits(bound: str) -> dict[str, str]:
    """The attributes of a number control for the range `RANGES[bound]`: min, max, step."""
    found: Range = RANGES[bound]
    return {
        "min": f"{found.low:g}",
        "max": f"{found.high:g}",
        "step": "1" if found.whole else "any",
        "inputmode": "numeric" if found.whole else "decimal",
    }


class FormReader:
    """The controls of one submitted form, read one by one; what is wrong is kept, not raised."""

    def __init__(self, form: FormData, tz: tzinfo) -> None:
        self.form = form
        self.tz = tz
        self.problems: dict[str, Problem] = {}

    def text(self, name: str) -> str:
        """A text control as typed, stripped ('' when absent)."""
        return form_text(self.form, name)

    def add(self, name: str, message: str, value: object = None) -> None:
        """A problem of control `name` (the first one found for a control is kept)."""
        self.problems.setdefault(name, Problem(name, message, value))

    def checked(self, name: str, read: Callable[[], T]) -> T | None:
        """What `read` returns, or None with its InvalidInput as the problem of `name`."""
        try:
            return read()
        except InvalidInput as error:
            self.add(name, error.problems[0].message if error.problems else str(error))
            return None

    def number(self, name: str) -> float | None:
        """A number control (a decimal comma allowed); None when empty or not a number."""
        return self.checked(name, lambda: form_number(self.form, name))

    def whole(self, name: str, bound: str) -> int | None:
        """A whole-number control; None when empty or not whole (then a problem in `bound`'s words)."""
        value = self.number(name)
        if value is None:
            return None
        if not math.isfinite(value) or value != int(value):
            self.add(name, RANGES[bound].problem(math.nan) or "", self.text(name))
            return None
        return int(value)

    def moment(self, name: str, default: datetime) -> datetime | None:
        """A `datetime-local` control read in the zone (`default` when empty)."""
        text = self.text(name)
        return self.checked(name, lambda: parse_time(text, self.tz)) if text else default

    def domain(self, problems: Iterable[Problem], control: Callable[[str], str] = str) -> None:
        """The domain's problems of the record, each on the control `control(field)` names."""
        for p in problems:
            self.add(control(p.field), p.message, p.value)

    def raise_problems(self) -> None:
        """Raise the problems found as one InvalidInput (return when there are none)."""
        if self.problems:
            raise InvalidInput(problems=list(self.problems.values()))


def messages(error: InvalidInput) -> dict[str, str]:
    """Each control's first problem as a sentence, by the control's name."""
    found: dict[str, str] = {}
    for p in error.problems:
        found.setdefault(p.field, p.message[:1].upper() + p.message[1:])
    return found


def summary(
    errors: dict[str, str], label: Callable[[str], str], position: Callable[[str], tuple[int, ...]]
) -> dict[str, str]:
    """The errors for the summary at the top: in the page's order, each led by its field's label."""
    found = {}
    for name in sorted(errors, key=position):
        words = label(name)
        found[name] = f"{words}: {errors[name]}" if words else errors[name]
    return found
