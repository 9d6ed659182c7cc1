"""The log form of /log: what was typed as a Session, and the controls to show it again.

Controls are named like the domain's fields (`minutes`, `exercises[0].name`,
`exercises[0].sets[2].reps`), with a SPEC box per exercise (`exercises[0].spec`, `5x5@100kg`)
whose sets follow the rows; a problem of the domain is shown on the control its value came from.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import partial

from starlette.datastructures import FormData

from restday.catalog import resolve_activity, resolve_exercise
from restday.domain import ActivityKind, ExerciseEntry, Intensity, Session, SessionKind, SetEntry
from restday.domain.bounds import EXERCISES_MAX
from restday.domain.validate import session_problems
from restday.locales import Translator
from restday.parse import parse_sets
from restday.web.deps import form_text
from restday.web.formreader import FormReader, local_input

__all__ = [
    "INTENSITIES",
    "LIFTING",
    "ROWS_MAX",
    "SET_FIELDS",
    "LogForm",
    "read_session",
]

LIFTING = frozenset({SessionKind.STRENGTH, SessionKind.BODYWEIGHT})
INTENSITIES = (Intensity.EASY, Intensity.MODERATE, Intensity.HARD)
ROWS_NEW = 3
ROWS_MAX = 50
# The columns of a set row: weight for strength, seconds (a plank) for bodyweight.
SET_FIELDS = {
    SessionKind.STRENGTH: ("reps", "weight_kg", "rpe"),
    SessionKind.BODYWEIGHT: ("reps", "seconds", "rpe"),
}
_EXERCISE_KEY = re.compile(r"^exercises\[(\d{1,3})\](?:\.sets\[(\d{1,3})\])?\.\w+$")
_FIELD = re.compile(r"^exercises\[(\d+)\](?:\.sets\[(\d+)\])?(?:\.(\w+))?$")
# Several specs in one box: "5x5@100kg, 1x3@110kg" (a decimal comma in a weight stays).
_SPEC_SPLIT = re.compile(r"\s*[,;]\s*(?=\d+\s*[x×])", re.IGNORECASE)
_ACTIVITY_FIELDS = {
    SessionKind.ENDURANCE: ("sport", ActivityKind.SPORT),
    SessionKind.CLASS: ("class_kind", ActivityKind.CLASS),
    SessionKind.RECOVERY: ("recovery_kind", ActivityKind.RECOVERY),
}


@dataclass
class LogForm:
    """The form as it is shown: its kind, each control's text, and the set rows per exercise."""

    kind: SessionKind
    values: dict[str, str]
    rows: list[int] = field(default_factory=list)
    edited: bool = False

    @classmethod
    def blank(cls, kind: SessionKind, now: datetime, tz: tzinfo) -> "LogForm":
        """A new form: the time now in the person's zone, one exercise with a few empty rows."""
        values = {"start": local_input(now, tz), "intensity": Intensity.MODERATE.value}
        return cls(kind, values, [ROWS_NEW] if kind in LIFTING else [])

    @classmethod
    def submitted(cls, form: FormData, kind: SessionKind) -> "LogForm":
        """The form as sent, with a set or an exercise added or a suggestion picked if asked."""
        values = {key: form_text(form, key) for key in form if key not in ("csrf", "kind")}
        rows: list[int] = [ROWS_NEW] if kind in LIFTING else []
        for key in values:
            match = _EXERCISE_KEY.match(key)
            if match and kind in LIFTING and int(match[1]) < EXERCISES_MAX:
                i = int(match[1])
                rows += [0] * (i + 1 - len(rows))
                if match[2] is not None and int(match[2]) < ROWS_MAX:
                    rows[i] = max(rows[i], int(match[2]) + 1)
        state = cls(kind, values, rows)
        state._edit(values.pop("add_set", ""), "add_exercise" in values, values.pop("pick", ""))
        values.pop("add_exercise", None)
        return state

    def _edit(self, add_set: str, add_exercise: bool, pick: str) -> None:
        if add_set.isdigit() and int(add_set) < len(self.rows):
            i = int(add_set)
            self.rows[i] = min(self.rows[i] + 1, ROWS_MAX)
            self.edited = True
        if add_exercise and self.kind in LIFTING:
            if len(self.rows) < EXERCISES_MAX:
                self.rows.append(ROWS_NEW)
            self.edited = True
        index, sep, name = pick.partition(":")
        if sep and index.isdigit() and int(index) < len(self.rows):
            self.values[f"exercises[{int(index)}].name"] = name
            self.edited = True


def read_session(
    form: FormData, state: LogForm, tz: tzinfo, now: datetime, t: Translator
) -> Session:
    """The session the form describes; raises InvalidInput naming each control at fault."""
    r = FormReader(form, tz)
    kind = state.kind
    start = r.moment("start", now)
    minutes = r.number("minutes")
    if minutes is None:
        r.add("minutes", t.ui("ui.web.log.required"))
    rpe = r.number("rpe") if kind is not SessionKind.RECOVERY else None
    fields: dict[str, object] = {}
    exercises: list[ExerciseEntry] = []
    places: list[tuple[int, list[str]]] = []
    if kind in LIFTING:
        exercises, places = _exercises(r, state, t)
    if kind in _ACTIVITY_FIELDS:
        name, activity_kind = _ACTIVITY_FIELDS[kind]
        text = r.text(name)
        if not text:
            r.add(name, t.ui("ui.web.log.choose"))
        else:
            found = r.checked(name, lambda: resolve_activity(text, activity_kind))
            fields[name] = found.name if found else None
    if kind is SessionKind.ENDURANCE:
        fields["distance_km"] = r.number("distance_km")
        wanted = r.text("intensity")
        if wanted in {i.value for i in INTENSITIES}:
            fields["intensity"] = Intensity(wanted)
        else:
            r.add("intensity", t.ui("ui.web.log.choose"), wanted or None)
    # A value already at fault stands in as a valid one, so the domain checks all the others too.
    session = Session(
        kind,
        start or now,
        1.0 if minutes is None else minutes,
        rpe,
        exercises=tuple(exercises),
        **fields,  # type: ignore[arg-type]
    )
    r.domain(session_problems(session, now=now), lambda f: _control(f, places))
    r.raise_problems()
    return session


def _exercises(
    r: FormReader, state: LogForm, t: Translator
) -> tuple[list[ExerciseEntry], list[tuple[int, list[str]]]]:
    """The exercises typed, and for each its form index and the control of each of its sets."""
    entries: list[ExerciseEntry] = []
    places: list[tuple[int, list[str]]] = []
    columns = SET_FIELDS[state.kind]
    for i, count in enumerate(state.rows):
        prefix = f"exercises[{i}]"
        if not any(v for k, v in state.values.items() if k.startswith(f"{prefix}.")):
            continue
        sets: list[SetEntry] = []
        controls: list[str] = []
        for j in range(count):
            row = f"{prefix}.sets[{j}]"
            if not any(r.text(f"{row}.{c}") for c in columns):
                continue
            values = {c: _set_value(r, f"{row}.{c}", c) for c in columns}
            if values.get("reps") is None and values.get("seconds") is None:
                r.add(f"{row}.reps", t.ui(f"ui.web.log.reps_needed_{state.kind.value}"))
            sets.append(SetEntry(**values))  # type: ignore[arg-type]
            controls.append(row)
        spec_name = f"{prefix}.spec"
        spec = r.text(spec_name)
        for part in _SPEC_SPLIT.split(spec) if spec else ():
            parsed = r.checked(spec_name, partial(parse_sets, part, "sets")) or ()
            sets += parsed
            controls += [spec_name] * len(parsed)
        name = r.text(f"{prefix}.name")
        if not name:
            r.add(f"{prefix}.name", t.ui("ui.web.log.required"))
        else:
            r.checked(f"{prefix}.name", partial(resolve_exercise, name))
        if not sets and not any(k.startswith(f"{prefix}.") for k in r.problems):
            r.add(spec_name, t.ui("ui.web.log.no_sets"))
        entries.append(ExerciseEntry(name, tuple(sets), rpe=r.number(f"{prefix}.rpe")))
        places.append((i, controls))
    if not entries:
        r.add("exercises[0].name", t.ui("ui.web.log.no_exercise"))
    return entries, places


def _set_value(r: FormReader, name: str, column: str) -> float | int | None:
    return r.whole(name, "set.reps") if column == "reps" else r.number(name)


def _control(field_name: str, places: list[tuple[int, list[str]]]) -> str:
    """The control a domain field's value came from: `exercises[1].sets[4].reps` -> its row or
    the SPEC box of that exercise."""
    match = _FIELD.match(field_name)
    if not match:
        return field_name
    k, j, rest = int(match[1]), match[2], match[3]
    if k >= len(places):
        return "exercises"
    i, controls = places[k]
    if j is None:
        return f"exercises[{i}].{rest or 'name'}"
    control = controls[int(j)] if int(j) < len(controls) else f"exercises[{i}].spec"
    return control if control.endswith(".spec") else f"{control}.{rest}"
