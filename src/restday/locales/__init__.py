"""English and Dutch wording of the engine's message ids, names and UI strings.

The catalogues are gettext files in `locales/<lang>/LC_MESSAGES/restday.po`, compiled to `.mo`
beside them (`python -m restday.locales.compile`). msgids are ids: the values of
`restday.engine.Msg`, names such as `region.legs` or `activity.walk`, and UI strings `ui.*`.
Messages are `str.format` templates whose fields are the engine's params; a field written
`{days:# day|# days}` picks the first form when the number is 1, the second otherwise ("#" is
the number). Only the stdlib is imported here; Babel is imported when a value is formatted.
"""

import gettext
import string
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from functools import cache
from pathlib import Path
from types import MappingProxyType

from restday.errors import InvalidInput

__all__ = ["LOCALE_DIR", "SUPPORTED", "Translator", "pick_language"]

SUPPORTED = ("en", "nl")
LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "restday"

_NO_PARAMS: Mapping[str, object] = MappingProxyType({})
_DATETIME_PATTERN = "EEE d MMM HH:mm"
_DATE_PATTERN = "EEE d MMM"
# Which msgid prefixes name the values of a param, tried in order.
_PREFIXES: dict[str, tuple[str, ...]] = {
    "region": ("region",),
    "regions": ("region",),
    "muscle": ("muscle",),
    "muscles": ("muscle",),
    "intensity": ("intensity",),
    "kind": ("kind", "activity"),
    "class_kind": ("activity",),
    "sport": ("activity",),
    "source": ("source",),
    "last": ("activity",),
    "activity": ("activity",),
    "examples": ("activity",),
    "experience": ("experience",),
    "goal": ("goal",),
    "state": ("state",),
    "severity": ("severity",),
    "verdict": ("verdict",),
}
_DEFAULT_PREFIXES = ("activity", "region")
# Params the engine passes as one comma-joined string of names.
_COMMA_JOINED = frozenset({"muscles"})
# Lists of alternatives read "a, b or c"; other lists "a, b and c".
_ALTERNATIVES = frozenset({"examples"})


def _language(value: str, where: str) -> str:
    code = value.strip().replace("_", "-").split("-")[0].lower()
    if code not in SUPPORTED:
        raise InvalidInput(f'Unknown language "{value}"{where}: use one of {", ".join(SUPPORTED)}')
    return code


def pick_language(
    explicit: str | None, profile_lang: str | None, environ: Mapping[str, str]
) -> str:
    """The language to speak: the explicit choice, else the profile's, else the locale's."""
    if explicit is not None:
        return _language(explicit, "")
    if profile_lang:
        return _language(profile_lang, " in the profile")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


class _Missing(gettext.NullTranslations):
    """The last fallback: a msgid without a translation is a bug, never shown as is."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)


@cache
def _catalogue(lang: str) -> gettext.GNUTranslations:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as fp:
            translations = gettext.GNUTranslations(fp)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} is missing: run python -m restday.locales.compile"
        ) from None
    translations.add_fallback(_Missing())
    return translations


class _Formatter(string.Formatter):
    """str.format with values worded by a Translator and `{n:one|other}` plural fields."""

    def __init__(self, translator: "Translator") -> None:
        self.t = translator

    def get_value(self, key: int | str, args: object, kwargs: Mapping[str, object]) -> object:
        if not isinstance(key, str):
            raise KeyError(key)
        return self.t.param(key, kwargs[key])

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            if not isinstance(value, int | float):
                raise TypeError(f"plural field {format_spec!r} needs a number, got {value!r}")
            one, other = format_spec.split("|")
            return (one if value == 1 else other).replace("#", self.t.number(value))
        if isinstance(value, int | float) and not format_spec:
            return self.t.number(value)
        return format(value, format_spec)


class Translator:
    """Words message ids and their params in one language, with times in one time zone."""

    def __init__(self, lang: str, tz: tzinfo) -> None:
        if lang not in SUPPORTED:
            raise InvalidInput(f'Unknown language "{lang}": use one of {", ".join(SUPPORTED)}')
        self.lang = lang
        self.tz = tz
        self._translations = _catalogue(lang)
        self._formatter = _Formatter(self)

    def has(self, msg_id: str) -> bool:
        """Whether the catalogue has a translation for `msg_id`."""
        try:
            self._translations.gettext(msg_id)
        except KeyError:
            return False
        return True

    def ui(self, key: str) -> str:
        """The translation of a msgid without params (a label, name or headline)."""
        return self._translations.gettext(key)

    def text(self, msg_id: str, params: Mapping[str, object] = _NO_PARAMS) -> str:
        """The sentence for `msg_id` with its params filled in; KeyError when either is missing."""
        template = self._translations.gettext(msg_id)
        try:
            return self._formatter.vformat(template, (), params)
        except KeyError as missing:
            raise KeyError(f"{msg_id}: no param {missing.args[0]!r}") from None

    def region(self, region: str) -> str:
        """The name of a region ("legs")."""
        return self.ui(f"region.{region}")

    def muscle(self, muscle: str) -> str:
        """The name of a muscle ("lower back")."""
        return self.ui(f"muscle.{muscle}")

    def activity(self, name: str) -> str:
        """The name of a sport, class or recovery activity; a name we do not know stays as is."""
        return self.name(name, ("activity",))

    def name(self, value: str, prefixes: tuple[str, ...]) -> str:
        """`value` translated by the first msgid `<prefix>.<value>` that exists, else as is."""
        for prefix in prefixes:
            msg_id = f"{prefix}.{value}"
            if self.has(msg_id):
                return self.ui(msg_id)
        return value

    def names(self, values: tuple[str, ...] | list[str], key: str = "") -> str:
        """Names translated and joined: "a, b and c" (or "a, b or c" for alternatives)."""
        prefixes = _PREFIXES.get(key, _DEFAULT_PREFIXES)
        words = [self.name(str(v), prefixes) for v in values]
        if len(words) < 2:
            return "".join(words)
        conjunction = self.ui("ui.or" if key in _ALTERNATIVES else "ui.and")
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    def number(self, value: float) -> str:
        """A number in the language: no trailing ".0", a decimal comma in Dutch."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.lang)

    def fixed(self, value: float, pattern: str) -> str:
        """A number with a fixed number of decimals (`pattern` as in str.format), decimal comma in Dutch."""
        text = pattern.format(value)
        return text.replace(".", ",") if self.lang == "nl" else text

    def when(self, value: date) -> str:
        """A moment ("Thu 26 Nov 19:00") in the time zone, or a date ("Thu 26 Nov")."""
        from babel.dates import format_date, format_datetime

        if isinstance(value, datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=self.tz)
            return format_datetime(moment, _DATETIME_PATTERN, tzinfo=self.tz, locale=self.lang)
        return format_date(value, _DATE_PATTERN, locale=self.lang)

    def param(self, key: str, value: object) -> object:
        """A param as the sentence shows it; numbers stay numbers for plural fields."""
        if value is None:
            return "-"
        if isinstance(value, date):
            return self.when(value)
        if isinstance(value, tuple | list):
            return self.names(value, key)
        if isinstance(value, str):
            if key in _COMMA_JOINED:
                return self.names([v for v in value.split(", ") if v], key)
            return self.name(value, _PREFIXES.get(key, ()))
        return value
