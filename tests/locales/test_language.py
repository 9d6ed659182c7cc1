"""pick_language: the explicit choice, else the profile, else the locale, else English."""

import pytest

from restday.errors import InvalidInput
from restday.locales import pick_language


def test_the_explicit_choice_wins():
    assert pick_language("nl", "en", {"LANG": "en_US.UTF-8"}) == "nl"
    assert pick_language("en", "nl", {"LANG": "nl_NL.UTF-8"}) == "en"


def test_the_explicit_choice_may_carry_a_region_and_capitals():
    assert pick_language("nl-BE", None, {}) == "nl"
    assert pick_language("NL", None, {}) == "nl"


def test_without_a_choice_the_profile_decides():
    assert pick_language(None, "nl", {"LANG": "en_GB.UTF-8"}) == "nl"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "C.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_without_choice_or_profile_the_locale_decides(environ, lang):
    assert pick_language(None, None, environ) == lang


def test_an_unsupported_explicit_language_names_it_and_the_allowed_ones():
    with pytest.raises(InvalidInput, match=r'^Unknown language "fr": use one of en, nl$'):
        pick_language("fr", "nl", {})


def test_an_unsupported_profile_language_is_an_error_too():
    with pytest.raises(InvalidInput, match='"de" in the profile: use one of en, nl'):
        pick_language(None, "de", {})
