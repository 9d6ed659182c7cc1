"""Both catalogues say everything, with the engine's placeholders, and the .mo files are current."""

import re
import string
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from restday.domain import Experience, Goal, Intensity, Muscle, Region, SessionKind
from restday.engine import Msg, MuscleState, Severity, Verdict
from restday.locales import SUPPORTED, Translator
from restday.locales.compile import compiled, messages, stale
from restday.rules import default_rulebook
from tests.factories import ACTIVITIES
from tests.locales.conftest import AMSTERDAM, placeholders, po_path, read_catalogue

SRC = Path(__file__).resolve().parents[2] / "src" / "restday"

UI_KEYS = [
    "ui.muscle", "ui.region", "ui.state", "ui.recovered", "ui.ready_at", "ui.last_trained",
    "ui.why", "ui.warnings", "ui.suggestions", "ui.reasons", "ui.today", "ui.session_logged",
    "ui.checkin_saved", "ui.profile_saved", "ui.deleted", "ui.and", "ui.or",
]  # fmt: skip
ACTIVITY_NAMES = [
    "netflix", "nap", "reading", "easy-bike", "walk", "beginner-yoga", "massage", "cold-plunge",
    "compression", "run", "bike", "swim", "row", "hike", "ski", "indoor-cycling", "dance",
    "barre", "hiit", "bodypump", "boxing", "crossfit", "yoga", "pilates", "stretching",
    "foam-rolling",
]  # fmt: skip


def rulebook_activities() -> set[str]:
    rules = default_rulebook()
    kinds = rules.recovery_kinds
    return {*kinds.total, *kinds.active, *kinds.passive, *rules.endurance_week.recovery_activities}


def expected_ids() -> set[str]:
    names = {f"activity.{a}" for a in [*ACTIVITY_NAMES, *ACTIVITIES, *rulebook_activities()]}
    for prefix, enum in (
        ("region", Region),
        ("muscle", Muscle),
        ("verdict", Verdict),
        ("state", MuscleState),
        ("intensity", Intensity),
        ("kind", SessionKind),
        ("severity", Severity),
        ("goal", Goal),
        ("experience", Experience),
    ):
        names |= {f"{prefix}.{member.value}" for member in enum}
    return names | {m.value for m in Msg} | set(UI_KEYS)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_message_and_name_has_a_translation(po, lang):
    missing = sorted(i for i in expected_ids() if not po[lang].get(i, "").strip())
    assert not missing, f"{lang} catalogue lacks translations for: {', '.join(missing)}"


def test_both_catalogues_have_the_same_msgids(po):
    only_en = sorted(po["en"].keys() - po["nl"].keys())
    only_nl = sorted(po["nl"].keys() - po["en"].keys())
    assert not only_en, f"only in English: {only_en}"
    assert not only_nl, f"only in Dutch: {only_nl}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_no_translation_is_fuzzy_or_empty(lang):
    bad = [str(m.id) for m in read_catalogue(lang) if m.id and (m.fuzzy or not m.string)]
    assert not bad, f"{lang}: fuzzy or empty: {bad}"


def test_verdict_headlines_do_not_collide_with_engine_message_ids():
    assert {f"verdict.{v.value}" for v in Verdict}.isdisjoint(m.value for m in Msg)


def test_dutch_messages_have_the_same_placeholders_as_english(po):
    differ = {
        msgid: (sorted(placeholders(text)), sorted(placeholders(po["nl"][msgid])))
        for msgid, text in po["en"].items()
        if placeholders(text) != placeholders(po["nl"].get(msgid, ""))
    }
    assert not differ, f"placeholders differ (en, nl): {differ}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_placeholders_are_plain_names_and_plural_fields_have_two_forms(po, lang):
    for msgid, text in po[lang].items():
        for _, field, spec, conversion in string.Formatter().parse(text):
            if field is None:
                continue
            assert field.isidentifier(), f"{lang} {msgid}: field {field!r}"
            assert conversion is None, f"{lang} {msgid}: conversion on {field!r}"
            assert not spec or spec.count("|") == 1, f"{lang} {msgid}: spec {spec!r}"


def sample(field: str, count: float) -> object:
    """A value of the type the engine passes for a param of this name."""
    values: dict[str, object] = {
        "start": datetime(2026, 11, 23, 17, 0, tzinfo=UTC),
        "at": datetime(2026, 11, 26, 8, 30, tzinfo=UTC),
        "since": datetime(2026, 11, 10, 7, 0, tzinfo=UTC),
        "date": date(2026, 11, 26),
        "region": "legs",
        "regions": ("legs", "arms"),
        "muscles": "quadriceps, lower back",
        "examples": ("netflix", "nap", "reading"),
        "kind": "strength",
        "intensity": "heavy",
        "sport": "bike",
        "last": "run",
        "experience": "beginner",
        "ids": "#3, #4",
    }
    return values.get(field, count)


@pytest.mark.parametrize("count", [1, 2, 2.5])
@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_message_formats_with_the_params_its_english_text_names(po, lang, count):
    t = Translator(lang, AMSTERDAM)
    for msgid, text in po["en"].items():
        params = {field: sample(field, count) for field in placeholders(text)}
        out = t.text(msgid, params)
        assert out.strip(), msgid
        assert "{" not in out and "}" not in out and "|" not in out, f"{lang} {msgid}: {out}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_engine_sentences_start_with_a_capital_or_number_and_end_with_a_full_stop(po, lang):
    t = Translator(lang, AMSTERDAM)
    for msg in Msg:
        params = {field: sample(field, 2) for field in placeholders(po["en"][msg.value])}
        out = t.text(msg.value, params)
        assert out[0].isupper() or out[0].isdigit(), f"{lang} {msg.value}: {out}"
        assert out.endswith("."), f"{lang} {msg.value}: {out}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_the_mo_files_say_what_the_po_files_say(lang):
    po = po_path(lang)
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run python -m restday.locales.compile"
    assert messages(mo.read_bytes()) == messages(compiled(po)), (
        f"{mo} is stale: run python -m restday.locales.compile"
    )
    assert not stale()


def test_every_literal_msgid_in_the_presenters_is_in_the_catalogue(po):
    pattern = re.compile(
        r"""["']((?:ui|verdict|state|kind|intensity|region|muscle|activity|severity|goal|"""
        r"""experience)\.[a-z_ -]+)["']"""
    )
    used = {
        match
        for folder in ("cli", "web")
        for path in (SRC / folder).rglob("*.py")
        for match in pattern.findall(path.read_text(encoding="utf-8"))
    }
    missing = sorted(used - po["en"].keys())
    assert not missing, f"presenters use msgids the catalogue lacks: {missing}"
