"""Translator: numbers, times, names and lists in the person's language and time zone."""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from restday.errors import InvalidInput
from restday.locales import Translator
from tests.locales.conftest import AMSTERDAM

THURSDAY_18_UTC = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def test_times_are_shown_in_the_persons_time_zone_with_day_names(en, nl):
    assert en.text("ready_at", {"at": THURSDAY_18_UTC}) == "Recovered on Thu 26 Nov 19:00."
    assert nl.text("ready_at", {"at": THURSDAY_18_UTC}) == "Hersteld op do 26 nov 19:00."


@pytest.mark.parametrize(
    ("day", "name"),
    [(23, "ma"), (24, "di"), (25, "wo"), (26, "do"), (27, "vr"), (28, "za"), (29, "zo")],
)
def test_dutch_uses_dutch_day_names(nl, day, name):
    assert nl.when(date(2026, 11, day)) == f"{name} {day} nov"


def test_a_time_without_zone_is_read_in_the_persons_time_zone(en):
    assert en.when(datetime(2026, 11, 26, 7, 5)) == "Thu 26 Nov 07:05"


def test_another_zone_is_converted(en):
    new_york = timezone(timedelta(hours=-5))
    assert en.when(datetime(2026, 11, 26, 13, 0, tzinfo=new_york)) == "Thu 26 Nov 19:00"


def test_dates_are_shown_without_time(en, nl):
    assert en.text("ui.today_title", {"date": date(2026, 11, 26)}) == "Advice for Thu 26 Nov"
    assert nl.text("ui.today_title", {"date": date(2026, 11, 26)}) == "Advies voor do 26 nov"


def test_dutch_numbers_use_a_decimal_comma_and_whole_numbers_drop_the_zero(en, nl):
    water = {"l_min": 2.0, "l_max": 2.5}
    assert en.text("suggest.water", water) == "Drink 2 to 2.5 litres of water a day."
    assert nl.text("suggest.water", water) == "Drink 2 tot 2,5 liter water per dag."


def test_plural_fields_pick_the_form_by_the_number(en, nl):
    one = {"region": "legs", "level": 3, "days": 2, "extra_days": 1}
    two = {**one, "extra_days": 2}
    assert en.text("sore.extend", one).endswith(": 1 extra rest day.")
    assert en.text("sore.extend", two).endswith(": 2 extra rest days.")
    assert nl.text("sore.extend", one).endswith(": 1 extra rustdag.")
    assert nl.text("sore.extend", two).endswith(": 2 extra rustdagen.")


def test_examples_are_translated_and_joined_as_alternatives(en, nl):
    examples = {"examples": ("massage", "cold-plunge", "compression")}
    assert en.text("suggest.passive", examples) == (
        "Passive recovery helps too: a massage, a cold plunge or compression garments."
    )
    assert nl.text("suggest.passive", examples) == (
        "Passief herstel helpt ook: een massage, een koude duik of compressiekleding."
    )


def test_the_articles_total_rest_examples_in_dutch(nl):
    text = nl.text("suggest.total_rest", {"examples": ("netflix", "nap", "reading")})
    assert text.endswith("Netflix kijken, een dutje doen of lezen op de bank.")


def test_regions_are_translated_and_joined_with_and(en, nl):
    regions = {"regions": ("legs", "chest", "back")}
    assert en.text("verdict.train_ready", regions).endswith(": legs, chest and back.")
    assert nl.text("verdict.train_ready", regions).endswith(": benen, borst en rug.")


def test_a_comma_joined_muscle_list_is_translated_each(nl):
    text = nl.text(
        "warn.trained_before_ready",
        {"start": THURSDAY_18_UTC, "muscles": "calves, lower back", "hours": 20},
    )
    assert "heb je kuiten en onderrug getraind" in text


def test_kind_of_session_and_kind_of_class_are_both_named(nl):
    dose = {"kind": "endurance", "start": THURSDAY_18_UTC, "intensity": "hard", "hours": 48}
    assert (
        nl.text("dose", dose) == "48 uur rust na de duurtraining van do 26 nov 19:00 (intensief)."
    )
    alternate = nl.text("verdict.class_alternate", {"kind": "dance", "last": "hiit"})
    assert alternate == (
        "Wissel je lessen af: vandaag dansen na HIIT, zodat andere spiergroepen aan de beurt zijn."
    )


def test_sports_are_named(en, nl):
    assert en.text("verdict.vary_sport", {"sport": "swim", "last": "run"}).startswith(
        "Vary your sport: swimming today after running"
    )
    assert nl.text("verdict.vary_sport", {"sport": "swim", "last": "run"}).startswith(
        "Wissel van sport: vandaag zwemmen na hardlopen"
    )


def test_a_name_without_translation_stays_as_the_user_wrote_it(en, nl):
    assert nl.activity("padel") == "padel"
    assert en.text("verdict.vary_sport", {"sport": "padel", "last": "run"}).startswith(
        "Vary your sport: padel today"
    )


def test_helpers_name_regions_muscles_and_labels(en, nl):
    assert (nl.region("shoulders"), nl.muscle("shoulders")) == ("schouders", "schouderspieren")
    assert en.muscle("lower back") == "lower back"
    assert nl.ui("ui.last_trained") == "Laatst getraind"
    assert nl.ui("verdict.train") == "Train vandaag"
    assert en.ui("state.recovering") == "recovering"


def test_a_missing_msgid_is_an_error_not_the_id(t):
    with pytest.raises(KeyError, match=r"no\.such\.message"):
        t.text("no.such.message")
    with pytest.raises(KeyError):
        t.ui("ui.no_such_label")
    with pytest.raises(KeyError):
        t.region("tail")
    assert not t.has("no.such.message")


def test_a_missing_param_is_an_error_naming_message_and_param(t):
    with pytest.raises(KeyError, match=r"suggest\.water: no param 'l_max'"):
        t.text("suggest.water", {"l_min": 2.0})


def test_an_unsupported_language_is_refused(en):
    with pytest.raises(InvalidInput, match='Unknown language "de": use one of en, nl'):
        Translator("de", AMSTERDAM)


def test_importing_and_creating_a_translator_does_not_load_babel():
    code = (
        "import sys; from zoneinfo import ZoneInfo; from restday.locales import Translator; "
        "t = Translator('nl', ZoneInfo('UTC')); t.ui('ui.today'); t.text('warn.irritable'); "
        "assert 'babel' not in sys.modules, sorted(m for m in sys.modules if 'babel' in m); "
        "t.text('suggest.water', {'l_min': 2.0, 'l_max': 2.5}); assert 'babel' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
