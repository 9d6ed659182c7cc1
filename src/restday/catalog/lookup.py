"""Find the catalogue exercise a person means: exact, normalised, alias, then fuzzy."""

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from restday.catalog.aliases import load_aliases
from restday.catalog.exercises import BODYWEIGHT_EQUIPMENT, Exercise, load_exercises
from restday.catalog.names import name_key, name_keys, split_parenthesised
from restday.errors import InvalidInput

__all__ = ["FUZZY_MARGIN", "FUZZY_MIN_SCORE", "exercise_candidates", "resolve_exercise"]

# A fuzzy match (rapidfuzz token_sort_ratio, 0-100, on normalised names) is accepted only at this
# score or above, and only when no other exercise scores within FUZZY_MARGIN of it.
FUZZY_MIN_SCORE = 90.0
FUZZY_MARGIN = 4.0
# How alike (rapidfuzz ratio) a misspelt word must be to the catalogue word it stands for.
_TYPO_MIN_SCORE = 75.0

# App-style equipment suffixes ("Leg Press (Machine)") by key, with the catalogue equipment meant.
_EQUIPMENT: dict[str, frozenset[str | None]] = {
    "barbell": frozenset({"barbell"}),
    "dumbbell": frozenset({"dumbbell"}),
    "machine": frozenset({"machine"}),
    "cable": frozenset({"cable"}),
    "kettlebell": frozenset({"kettlebells"}),
    "band": frozenset({"bands"}),
    "ez bar": frozenset({"e-z curl bar"}),
    "bodyweight": BODYWEIGHT_EQUIPMENT,
}


@dataclass(frozen=True, slots=True)
class _Index:
    """Catalogue names and aliases by the key they are matched on, and the fuzzy choices."""

    by_name: dict[str, str]
    by_key: dict[str, frozenset[str]]
    by_alias: dict[str, frozenset[str]]
    choices: tuple[str, ...]
    choice_ids: tuple[str, ...]
    words: frozenset[str]


@cache
def _index() -> _Index:
    """The lookup tables, built once."""
    exercises = load_exercises()
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    for e in exercises.values():
        by_key[name_key(e.name)].add(e.id)
        by_key[name_key(e.id)].add(e.id)
    by_alias = {
        name_key(alias): exercise_id
        for exercise_id, aliases in load_aliases().items()
        for alias in aliases
    }
    choices = {key: min(ids) for key, ids in by_key.items()} | by_alias
    return _Index(
        by_name={e.name: e.id for e in exercises.values()},
        by_key={key: frozenset(ids) for key, ids in by_key.items()},
        by_alias={key: frozenset({i}) for key, i in by_alias.items()},
        choices=tuple(choices),
        choice_ids=tuple(choices.values()),
        words=frozenset(word for key in choices for word in key.split()),
    )


def _same_equipment(text: str, by_key: Mapping[str, frozenset[str]]) -> list[str]:
    """Ids found for `text` without its "(Equipment)" suffix that use that equipment."""
    split = split_parenthesised(text)
    equipment = _EQUIPMENT.get(name_key(split[1])) if split else None
    if split is None or equipment is None:
        return []
    exercises = load_exercises()
    ids = by_key.get(name_key(split[0]), frozenset())
    return sorted(i for i in ids if exercises[i].equipment in equipment)


def _matches(text: str, keys: list[str]) -> Iterator[list[str]]:
    """Ids matching `text` at each step before fuzzy matching, most certain step first."""
    index = _index()
    for table in (index.by_key, index.by_alias):
        for key in keys:
            yield sorted(table.get(key, frozenset()))
        yield _same_equipment(text, table)


def _mends_typos(unknown: set[str], extra: set[str]) -> bool:
    """Whether each unknown word of a name is a typo of one extra word of a choice, and back."""
    from rapidfuzz import fuzz

    return (
        len(unknown) == len(extra)
        and all(any(fuzz.ratio(u, w) >= _TYPO_MIN_SCORE for w in extra) for u in unknown)
        and all(any(fuzz.ratio(u, w) >= _TYPO_MIN_SCORE for u in unknown) for w in extra)
    )


def _fuzzy_scores(keys: list[str]) -> list[tuple[float, str]]:
    """Fuzzy scores of the catalogue exercises close to any of the keys, best first.

    Fuzzy matching mends spelling and word order, never meaning: a choice scores only if it has
    every word of the key the catalogue knows ("incline" is no typo of "decline") and its other
    words are typos of the key's unknown words ("barbel" -> "barbell"), one for one.
    """
    from rapidfuzz import fuzz, process

    index = _index()
    best: dict[str, float] = {}
    for key in keys:
        words = set(key.split())
        unknown = words - index.words
        for choice, score, position in process.extract(
            key,
            index.choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=FUZZY_MIN_SCORE - FUZZY_MARGIN,
            limit=None,
        ):
            choice_words = set(choice.split())
            if words - unknown <= choice_words and _mends_typos(unknown, choice_words - words):
                exercise_id = index.choice_ids[position]
                best[exercise_id] = max(score, best.get(exercise_id, 0.0))
    return sorted(((score, i) for i, score in best.items()), key=lambda s: (-s[0], s[1]))


def _candidate_ids(keys: list[str], limit: int) -> list[str]:
    """Ids of the exercises whose names look most like any of the keys, best first.

    A name scores the mean of sharing the key's words (token_set_ratio) and looking alike
    overall (ratio), or, if higher, the same with the spaces taken out ("benchpress").
    """
    from rapidfuzz import fuzz, process

    index = _index()
    joined = [choice.replace(" ", "") for choice in index.choices]
    best: dict[str, float] = {}
    for key in keys:
        glued = key.replace(" ", "")
        scores = [
            {p: s for _, s, p in process.extract(query, choices, scorer=scorer, limit=None)}
            for query, choices, scorer in (
                (key, index.choices, fuzz.token_set_ratio),
                (key, index.choices, fuzz.ratio),
                (glued, joined, fuzz.partial_ratio),
                (glued, joined, fuzz.ratio),
            )
        ]
        for position, exercise_id in enumerate(index.choice_ids):
            shared, alike, part, whole = (s[position] for s in scores)
            score = max((shared + alike) / 2, (part + whole) / 2)
            best[exercise_id] = max(score, best.get(exercise_id, 0.0))
    exercises = load_exercises()
    ranked = sorted(best, key=lambda i: (-best[i], len(exercises[i].name), exercises[i].name))
    return ranked[:limit]


def _quoted(ids: list[str]) -> str:
    """Catalogue names of the ids, quoted and comma-separated."""
    exercises = load_exercises()
    return ", ".join(f'"{exercises[i].name}"' for i in ids)


def exercise_candidates(name: str, limit: int = 3) -> list[str]:
    """The catalogue names that look most like `name`, best first (at most `limit`)."""
    keys = name_keys(name)
    if not keys or limit <= 0:
        return []
    exercises = load_exercises()
    return [exercises[i].name for i in _candidate_ids(keys, limit)]


def resolve_exercise(name: str) -> Exercise:
    """The catalogue exercise `name` stands for; raises InvalidInput if unknown or ambiguous.

    Tried in turn: the exact name or id; the name with case, punctuation, plurals and an
    app-style "(Equipment)" suffix set aside; the alias table; a clear fuzzy match.
    """
    exercises = load_exercises()
    text = name.strip()
    exact = text if text in exercises else _index().by_name.get(text)
    if exact is not None:
        return exercises[exact]
    keys = name_keys(text)
    text = " ".join(text.split())  # shown in one-line errors
    if not keys:
        raise InvalidInput('Exercise name is empty: give one such as "Barbell Squat"')
    for ids in _matches(text, keys):
        if len(ids) == 1:
            return exercises[ids[0]]
        if ids:
            raise InvalidInput(f'Exercise "{text}" is ambiguous: did you mean {_quoted(ids)}?')
    scores = _fuzzy_scores(keys)
    if scores and scores[0][0] >= FUZZY_MIN_SCORE:
        close = [i for score, i in scores if scores[0][0] - score < FUZZY_MARGIN]
        if len(close) == 1:
            return exercises[close[0]]
        raise InvalidInput(f'Exercise "{text}" is ambiguous: did you mean {_quoted(close[:3])}?')
    raise InvalidInput(
        f'Unknown exercise "{text}": did you mean {_quoted(_candidate_ids(keys, 3))}?'
    )
