"""The reviewed alias table: everyday and Strong/Hevy-style exercise names -> catalogue ids."""

import tomllib
from functools import cache
from importlib.resources import files

__all__ = ["load_aliases"]


@cache
def load_aliases() -> dict[str, tuple[str, ...]]:
    """Each catalogue id with the other names it is known by, as written in aliases.toml."""
    text = files("restday.catalog").joinpath("aliases.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["aliases"]
    return {exercise_id: tuple(names) for exercise_id, names in table.items()}
