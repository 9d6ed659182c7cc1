"""Load and validate the rulebook TOML into a typed `Rulebook`."""

import dataclasses
import os
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
SOURCE_KEYS = ("title", "source_nl", "source_en", "citation")


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


def _rule_ids(data: dict[str, Any], prefix: str = "") -> list[str]:
    ids = []
    for key, value in data.items():
        if isinstance(value, dict):
            rule_id = f"{prefix}{key}"
            ids += [rule_id] if "title" in value else _rule_ids(value, f"{rule_id}.")
    return ids


def _convert(value: Any, kind: Any, key: str) -> Any:
    origin = typing.get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise RulebookError(f"{key}: expected a list of names, got {value!r}")
        return tuple(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RulebookError(f"{key}: expected a whole number of at least 0, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise RulebookError(f"{key}: expected a number of at least 0, got {value!r}")
        return float(value)
    raise TypeError(kind)  # pragma: no cover - a shape with an unsupported field type


def _rule(rule_id: str, table: Any) -> Rule:
    if not isinstance(table, dict):
        raise RulebookError(f"[{rule_id}] is missing")
    for key in ("title", "source_nl", "source_en"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise RulebookError(f"{rule_id}.{key}: every rule needs a non-empty text")
    shape = RULE_SHAPES[rule_id]
    hints = typing.get_type_hints(shape)
    fields = [f.name for f in dataclasses.fields(shape)]
    nested = {k for k, x in table.items() if isinstance(x, dict)}
    unknown = set(table) - set(fields) - set(SOURCE_KEYS) - nested
    if unknown:
        raise RulebookError(
            f"{rule_id}.{sorted(unknown)[0]}: unknown key; allowed: {', '.join(fields)}"
        )
    kwargs = {}
    for name in fields:
        if name not in table:
            raise RulebookError(f"{rule_id}.{name}: missing value")
        kwargs[name] = _convert(table[name], hints[name], f"{rule_id}.{name}")
    citation = table.get("citation")
    return Rule(
        id=rule_id,
        title=table["title"],
        source_nl=table["source_nl"],
        source_en=table["source_en"],
        citation=citation if isinstance(citation, str) else None,
        values=shape(**kwargs),
    )


def _check_ranges(book: Rulebook) -> None:
    for rule_id in ("rest.heavy", "rest.extra_intense"):
        r = book.rest_range(rule_id)
        if r.hours_min > r.hours_max:
            raise RulebookError(
                f"{rule_id}.hours_min: {r.hours_min} is above hours_max {r.hours_max}"
            )
    streak = book.class_streak
    if streak.min_in_row > streak.max_in_row or streak.min_in_row < 1:
        raise RulebookError(
            f"classes.streak.min_in_row: must be 1 to max_in_row, got {streak.min_in_row}"
        )
    for rule_id in ("dose.secondary", "dose.endurance_classes"):
        share = typing.cast(v.Share, book.rules[rule_id].values).share
        if share > 1:
            raise RulebookError(f"{rule_id}.share: must be 0 to 1, got {share}")


def _parse(text: str, path: str) -> Rulebook:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulebookError(f"Rulebook {path} is not valid TOML: {exc}") from None
    try:
        if data.get("version") != 1:
            raise RulebookError(f"version: expected 1, got {data.get('version')!r}")
        unknown = sorted(set(_rule_ids(data)) - set(RULE_SHAPES))
        if unknown:
            raise RulebookError(f"[{unknown[0]}]: unknown rule; known: {', '.join(RULE_SHAPES)}")
        rules = {rule_id: _rule(rule_id, _table(data, rule_id)) for rule_id in RULE_SHAPES}
        book = Rulebook(rules=rules, path=path)
        _check_ranges(book)
    except RulebookError as exc:
        raise RulebookError(f"Rulebook {path}: {exc}") from None
    return book


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
        text = file.read_text("utf-8")
    except OSError as exc:
        raise RulebookError(f"Rulebook {file}: cannot be read ({exc.strerror})") from None
    return _parse(text, str(file))
