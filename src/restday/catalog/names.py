"""Exercise names in a comparable form: case, punctuation, plurals and spelling set aside."""

import re
import unicodedata

__all__ = ["name_key", "name_keys", "split_parenthesised"]

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc]")
_NON_WORD = re.compile(r"[\W_]+")
_PARENTHESISED = re.compile(r"^(?P<rest>[^()]*)\((?P<inner>[^()]+)\)\s*$")

# Words written more than one way, mapped to one form; applied after plurals are dropped.
_SPELLINGS = {
    "pullup": "pull up",
    "pushup": "push up",
    "chinup": "chin up",
    "situp": "sit up",
    "stepup": "step up",
    "flye": "fly",
    "flie": "fly",
    "single": "one",
    "db": "dumbbell",
    "bb": "barbell",
    "kb": "kettlebell",
    "calve": "calf",
    "ezbar": "ez bar",
    "skullcrusher": "skull crusher",
}


def _singular(word: str) -> str:
    """The word without an English plural ending ("curls" -> "curl", "crunches" -> "crunch")."""
    if len(word) < 3 or word.endswith("ss") or not word.endswith("s"):
        return word
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def name_key(name: str) -> str:
    """The name casefolded, without accents or punctuation, each word singular, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _NON_WORD.sub(" ", _APOSTROPHES.sub("", text))
    words = (_SPELLINGS.get(w, w) for w in map(_singular, text.split()))
    return " ".join(" ".join(words).split())


def split_parenthesised(name: str) -> tuple[str, str] | None:
    """A name ending in one parenthesised part, split: "Squat (Barbell)" -> ("Squat", "Barbell")."""
    match = _PARENTHESISED.match(name.strip())
    if match is None or not match["rest"].strip():
        return None
    return match["rest"].strip(), match["inner"].strip()


def name_keys(name: str) -> list[str]:
    """The name's key and, for app-style names such as "Squat (Barbell)", "Barbell Squat"'s key."""
    keys = [name_key(name)]
    split = split_parenthesised(name)
    if split is not None:
        moved = name_key(f"{split[1]} {split[0]}")
        if moved not in keys:
            keys.append(moved)
    return [k for k in keys if k]
