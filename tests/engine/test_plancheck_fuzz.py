"""`restday plan --check FILE` reads any JSON a person hands it: a list of violations or one clear error."""

import json
import random
from datetime import date

import pytest

from restday.errors import InvalidInput
from restday.rules import default_rulebook
from restday.service import planning

ODD_VALUES = [None, True, 0, -1, 1e308, float("nan"), "", "x", "0001-01-01", "9999-12-31"]
ODD_VALUES += [[], {}, [1], {"a": 1}, 2**70, "legs", "strength", "rest", "hard"]


def places(data, path=()):
    """Every key or index path in a plan."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from places(value, (*path, index))


def mutated(plan, rng: random.Random):
    """The plan with one to three values replaced by odd ones, or deleted."""
    copy = json.loads(json.dumps(plan))
    paths = [p for p in places(copy) if p]
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths)
        node = copy
        try:
            for key in path[:-1]:
                node = node[key]
            if rng.random() < 0.2:
                del node[path[-1]]
            else:
                node[path[-1]] = rng.choice(ODD_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return copy


@pytest.mark.parametrize("name", ["strength-split", "endurance-week", "classes-week"])
def test_a_mangled_plan_is_checked_or_refused_in_words(name):
    rules = default_rulebook()
    plan = planning.template(name, date(2026, 11, 30), rules)
    rng = random.Random(name)
    for attempt in range(400):
        candidate = mutated(plan, rng)
        try:
            violations = planning.check(candidate, rules)
        except InvalidInput as error:
            assert str(error).startswith("Plan"), (attempt, candidate)
            continue
        assert all({"rule", "date"} <= set(v) for v in violations), (attempt, candidate)
