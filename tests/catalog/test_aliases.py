"""The reviewed alias table of everyday and Strong/Hevy names."""

from collections import Counter

from restday.catalog import load_exercises, resolve_exercise
from restday.catalog.aliases import load_aliases
from restday.catalog.names import name_key


def test_every_alias_target_is_in_the_catalogue():
    exercises = load_exercises()

    assert [i for i in load_aliases() if i not in exercises] == []


def test_every_alias_resolves_to_its_target():
    wrong = {
        alias: resolve_exercise(alias).id
        for exercise_id, aliases in load_aliases().items()
        for alias in aliases
        if resolve_exercise(alias).id != exercise_id
    }

    assert wrong == {}


def test_no_alias_is_listed_twice():
    keys = Counter(name_key(a) for aliases in load_aliases().values() for a in aliases)

    assert [key for key, count in keys.items() if count > 1] == []
