"""Load and validate the rulebook TOML into a typed `Rulebook`."""

import dataclasses
import difflib
import json
import operator
import os
import re
import tomllib
import typing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from restday.errors import RulebookError
from restday.rules import values as v

__all__ = ["RULES_ENV", "Rule", "Rulebook", "default_rulebook", "load_rulebook"]

RULES_ENV = "RESTDAY_RULES"

# Rule id -> the shape of its values. The order is the order of `restday rules`.
RULE_SHAPES: dict[str, type] = {
    "intensity": v.IntensityThresholds,
    "rest.easy": v.RestHours,
    "rest.bodyweight": v.RestHours,
    "rest.moderate": v.RestHours,
    "rest.heavy": v.RestRange,
    "rest.heavy_legs": v.RestRegions,
    "rest.extra_intense": v.RestRange,
    "dose.secondary": v.Share,
    "dose.endurance_classes": v.Share,
    "factors": v.Factors,
    "sore.extend": v.SoreExtend,
    "fatigue": v.Fatigue,
    "calibration": v.Calibration,
    "freq.twice_weekly": v.Frequency,
    "endurance.alternate": v.NoValues,
    "endurance.week": v.EnduranceWeek,
    "endurance.vary": v.Lookback,
    "classes.streak": v.ClassStreak,
    "classes.alternate": v.ClassAlternate,
    "signs": v.Signs,
    "recovery.kinds": v.RecoveryExamples,
    "recovery.short_on_time": v.ShortOnTime,
    "recovery.aids": v.Aids,
    "recovery.planned": v.NoValues,
    "plan": v.PlanLayout,
    "history": v.Lookback,
    "load.srpe": v.SessionRpe,
    "load.trimp": v.Trimp,
    "load.pmc": v.Pmc,
    "load.acwr": v.Acwr,
    "load.baseline": v.Baseline,
}
TEXT_KEYS = ("title", "source_nl", "source_en")
# The tables that group rules ([rest], [load]): every proper prefix of a rule id.
GROUPS = frozenset(
    ".".join(parts[:end])
    for parts in (rule_id.split(".") for rule_id in RULE_SHAPES)
    for end in range(1, len(parts))
)
SAFE_KEY = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its id, where it comes from, and its values."""

    id: str
    title: str
    source_nl: str
    source_en: str
    citation: str | None
    values: Any

    def as_dict(self) -> dict[str, Any]:
        """The rule as plain JSON-able data."""
        return {
            "id": self.id,
            "title": self.title,
            "values": dataclasses.asdict(self.values),
            "ranges": {
                f.name: [limit.low, limit.high]
                for f in dataclasses.fields(self.values)
                if isinstance(limit := v.allowed(f), v.Limit)
            },
            "source_nl": self.source_nl,
            "source_en": self.source_en,
            "citation": self.citation,
        }


@dataclass(frozen=True, slots=True)
class Rulebook:
    """Every rule, validated; the engine reads numbers only from here."""

    rules: dict[str, Rule]
    path: str

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    @property
    def intensity(self) -> v.IntensityThresholds:
        """Thresholds that classify effort."""
        return typing.cast(v.IntensityThresholds, self.rules["intensity"].values)

    def rest_hours(self, rule_id: str) -> v.RestHours:
        """A fixed-hours rest rule (rest.easy, rest.bodyweight, rest.moderate)."""
        return typing.cast(v.RestHours, self.rules[rule_id].values)

    def rest_range(self, rule_id: str) -> v.RestRange:
        """A ranged rest rule (rest.heavy, rest.extra_intense)."""
        return typing.cast(v.RestRange, self.rules[rule_id].values)

    @property
    def heavy_legs(self) -> v.RestRegions:
        """The heavy leg day rule."""
        return typing.cast(v.RestRegions, self.rules["rest.heavy_legs"].values)

    @property
    def secondary(self) -> v.Share:
        """The dose of secondary muscles."""
        return typing.cast(v.Share, self.rules["dose.secondary"].values)

    @property
    def endurance_classes(self) -> v.Share:
        """The dose of endurance sessions and classes."""
        return typing.cast(v.Share, self.rules["dose.endurance_classes"].values)

    @property
    def class_alternate(self) -> v.ClassAlternate:
        """How different consecutive classes must be."""
        return typing.cast(v.ClassAlternate, self.rules["classes.alternate"].values)

    @property
    def factors(self) -> v.Factors:
        """Experience and sleep factors."""
        return typing.cast(v.Factors, self.rules["factors"].values)

    @property
    def fatigue(self) -> v.Fatigue:
        """How rest adds up when a muscle is trained before it is ready."""
        return typing.cast(v.Fatigue, self.rules["fatigue"].values)

    @property
    def calibration(self) -> v.Calibration:
        """How check-ins calibrate each region's recovery pace."""
        return typing.cast(v.Calibration, self.rules["calibration"].values)

    @property
    def sore(self) -> v.SoreExtend:
        """The soreness extension."""
        return typing.cast(v.SoreExtend, self.rules["sore.extend"].values)

    @property
    def frequency(self) -> v.Frequency:
        """Twice a week per muscle group."""
        return typing.cast(v.Frequency, self.rules["freq.twice_weekly"].values)

    @property
    def endurance_week(self) -> v.EnduranceWeek:
        """Training days in a row."""
        return typing.cast(v.EnduranceWeek, self.rules["endurance.week"].values)

    @property
    def endurance_vary(self) -> v.Lookback:
        """How far back sports are varied."""
        return typing.cast(v.Lookback, self.rules["endurance.vary"].values)

    @property
    def class_streak(self) -> v.ClassStreak:
        """Classes in a row."""
        return typing.cast(v.ClassStreak, self.rules["classes.streak"].values)

    @property
    def signs(self) -> v.Signs:
        """Warning-sign thresholds."""
        return typing.cast(v.Signs, self.rules["signs"].values)

    @property
    def recovery_kinds(self) -> v.RecoveryExamples:
        """Examples of total, active and passive recovery."""
        return typing.cast(v.RecoveryExamples, self.rules["recovery.kinds"].values)

    @property
    def short_on_time(self) -> v.ShortOnTime:
        """Short-on-time thresholds."""
        return typing.cast(v.ShortOnTime, self.rules["recovery.short_on_time"].values)

    @property
    def aids(self) -> v.Aids:
        """Sleep, protein and water targets."""
        return typing.cast(v.Aids, self.rules["recovery.aids"].values)

    @property
    def srpe(self) -> v.SessionRpe:
        """Session-RPE settings."""
        return typing.cast(v.SessionRpe, self.rules["load.srpe"].values)

    @property
    def trimp(self) -> v.Trimp:
        """TRIMP constants."""
        return typing.cast(v.Trimp, self.rules["load.trimp"].values)

    @property
    def pmc(self) -> v.Pmc:
        """CTL/ATL time constants and warning limits."""
        return typing.cast(v.Pmc, self.rules["load.pmc"].values)

    @property
    def acwr(self) -> v.Acwr:
        """Workload-ratio windows and band."""
        return typing.cast(v.Acwr, self.rules["load.acwr"].values)

    @property
    def baseline(self) -> v.Baseline:
        """Resting heart rate and HRV baseline settings."""
        return typing.cast(v.Baseline, self.rules["load.baseline"].values)

    @property
    def plan_layout(self) -> v.PlanLayout:
        """When planned sessions start and how long they last."""
        return typing.cast(v.PlanLayout, self.rules["plan"].values)

    @property
    def lookback_days(self) -> int:
        """How many days of history the engine needs."""
        return typing.cast(v.Lookback, self.rules["history"].values).lookback_days


def _table(data: dict[str, Any], rule_id: str) -> Any:
    node: Any = data
    for part in rule_id.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _key(dotted: str) -> str:
    """A dotted key as a problem names it; a key TOML must quote is quoted."""
    return dotted if SAFE_KEY.fullmatch(dotted) else json.dumps(dotted)


def _shown(value: Any) -> str:
    """A TOML value as a problem shows it: `nan`, `true`, `"two days"`, `["legs", 3]`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 60 else f"{value[:60]}…", ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return f"[{', '.join(_shown(x) for x in value)}]"
    return "a table" if isinstance(value, dict) else str(value)


def _words(allowed: v.Limit | v.Names | v.Switch, whole: bool) -> str:
    """What a field may hold, in words."""
    return allowed.words(whole) if isinstance(allowed, v.Limit) else allowed.words()


def _problem(raw: Any, whole: bool, allowed: v.Limit | v.Names | v.Switch) -> str | None:
    """What is wrong with one value, or None."""
    expected = f"expected {_words(allowed, whole)}"
    if isinstance(allowed, v.Limit):
        return None if allowed.holds(raw, whole) else f"{expected}, got {_shown(raw)}"
    if isinstance(allowed, v.Switch):
        return None if isinstance(raw, bool) else f"{expected}, got {_shown(raw)}"
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        return f"{expected}, got {_shown(raw)}"
    unknown = [_shown(x) for x in raw if not allowed.accepts(x)]
    twice = [_shown(x) for x in dict.fromkeys(raw) if raw.count(x) > 1]
    if unknown:
        return f"{expected}, got {', '.join(unknown)}"
    if twice:
        return f"expected each name once, got {', '.join(twice)} more than once"
    return f"{expected}, got an empty list" if allowed.non_empty and not raw else None


def _orderings(rule_id: str, table: dict[str, Any], good: dict[str, Any]) -> list[str]:
    """Problems with fields that must stay at most, or below, another field of the rule."""
    found = []
    for f in dataclasses.fields(RULE_SHAPES[rule_id]):
        limit = v.allowed(f)
        if not isinstance(limit, v.Limit) or f.name not in good:
            continue
        for other, holds, words in (
            (limit.upto, operator.le, "at most"),
            (limit.below, operator.lt, "less than"),
        ):
            if other in good and not holds(good[f.name], good[other]):
                found.append(
                    f"{rule_id}.{f.name}: expected {words} {other} ({_shown(table[other])}), "
                    f"got {_shown(table[f.name])}"
                )
    return found


def _rule(rule_id: str, table: Any, problems: list[str]) -> Rule | None:
    """The rule of `table`, or None when it has problems, which join `problems`."""
    if not isinstance(table, dict):
        got = "missing rule" if table is None else f"expected a table, got {_shown(table)}"
        problems.append(f"[{rule_id}]: {got}")
        return None
    before = len(problems)
    for key in TEXT_KEYS:
        if key not in table:
            problems.append(f"{rule_id}.{key}: missing text")
        elif not isinstance(table[key], str) or not table[key].strip():
            problems.append(f"{rule_id}.{key}: expected a non-empty text, got {_shown(table[key])}")
    if not isinstance(table.get("citation", ""), str):
        problems.append(f"{rule_id}.citation: expected a text, got {_shown(table['citation'])}")
    shape = RULE_SHAPES[rule_id]
    hints = typing.get_type_hints(shape)
    fields = dataclasses.fields(shape)
    keys = [*(f.name for f in fields), *TEXT_KEYS, "citation"]
    problems += [
        f"{rule_id}.{_key(k)}: unknown key (allowed: {', '.join(keys)})"
        for k in table
        if k not in keys
    ]
    good = {}
    for f in fields:
        allowed = v.allowed(f)
        whole = hints[f.name] is int
        if f.name not in table:
            problems.append(
                f"{rule_id}.{f.name}: missing value (expected {_words(allowed, whole)})"
            )
        elif problem := _problem(table[f.name], whole, allowed):
            problems.append(f"{rule_id}.{f.name}: {problem}")
        else:
            raw = table[f.name]
            good[f.name] = (
                tuple(raw)
                if isinstance(allowed, v.Names)
                else raw
                if whole or isinstance(allowed, v.Switch)
                else float(raw)
            )
    problems += _orderings(rule_id, table, good)
    if len(problems) > before:
        return None
    return Rule(
        rule_id,
        table["title"],
        table["source_nl"],
        table["source_en"],
        table.get("citation"),
        shape(**good),
    )


def _unknown(data: dict[str, Any], prefix: str = "") -> list[str]:
    """Problems with the tables and keys that are no rule and hold none, in file order."""
    found = []
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if dotted in RULE_SHAPES or dotted == "version":
            continue
        if dotted in GROUPS and isinstance(value, dict):
            found += _unknown(value, f"{dotted}.")
        elif isinstance(value, dict):
            close = difflib.get_close_matches(dotted, RULE_SHAPES, n=1)
            hint = f"did you mean [{close[0]}]?" if close else f"known: {', '.join(RULE_SHAPES)}"
            found.append(f"[{_key(dotted)}]: unknown rule ({hint})")
        else:
            found.append(f"{_key(dotted)}: unknown key")
    return found


def _parse(text: str, path: str) -> Rulebook:
    """The rulebook in `text`, or one RulebookError that lists every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulebookError(f"Rulebook {path}: is not valid TOML ({exc})") from None
    problems = []
    version = data.get("version")
    if "version" not in data:
        problems.append("version: missing value (expected 1)")
    elif type(version) is not int or version != 1:
        problems.append(f"version: expected 1, got {_shown(version)}")
    problems += _unknown(data)
    rules = {rule_id: _rule(rule_id, _table(data, rule_id), problems) for rule_id in RULE_SHAPES}
    if problems:
        raise RulebookError(f"Rulebook {path}: {'; '.join(problems)}")
    return Rulebook({rule_id: rule for rule_id, rule in rules.items() if rule}, path)


def default_rulebook() -> Rulebook:
    """The rulebook shipped with restday."""
    text = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
    return _parse(text, "(built-in)")


def load_rulebook(path: str | os.PathLike[str] | None = None) -> Rulebook:
    """The rulebook at `path`, else at $RESTDAY_RULES, else the built-in one."""
    chosen = path or os.environ.get(RULES_ENV)
    if not chosen:
        return default_rulebook()
    file = Path(chosen)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise RulebookError(f"Rulebook {file}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise RulebookError(
            f"Rulebook {file}: is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line})"
        ) from None
    return _parse(text, str(file))
