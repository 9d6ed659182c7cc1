"""The rulebook: every number of the article, with its source."""

from restday.rules.loader import RULES_ENV, Rule, Rulebook, default_rulebook, load_rulebook

__all__ = ["RULES_ENV", "Rule", "Rulebook", "default_rulebook", "load_rulebook"]
