"""The rulebook: every rule of the article is there, with its source, and bad files are refused clearly."""

import ast
import dataclasses
import re
from importlib import resources
from pathlib import Path

import pytest

from restday.errors import RulebookError
from restday.rules import default_rulebook, load_rulebook

ARTICLE_RULES = {
    "rest.moderate",
    "rest.heavy",
    "rest.heavy_legs",
    "rest.extra_intense",
    "rest.bodyweight",
    "freq.twice_weekly",
    "sore.extend",
    "factors",
    "endurance.alternate",
    "endurance.week",
    "endurance.vary",
    "classes.streak",
    "classes.alternate",
    "signs",
    "recovery.kinds",
    "recovery.short_on_time",
    "recovery.aids",
    "recovery.planned",
}
SHIPPED = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_e5c981ab12d8986c.txt"


def write(tmp_path, text):
    path = tmp_path / "rules.toml"
    path.write_text(text)
    return path


def test_every_rule_of_the_design_table_is_in_the_rulebook():
    assert set(default_rulebook().rules) >= ARTICLE_RULES


def test_every_rule_quotes_its_dutch_source_and_glosses_it_in_english():
    for rule in default_rulebook().rules.values():
        assert rule.source_nl and rule.source_en, rule.id


def test_the_article_numbers_are_the_rulebook_numbers():
    book = default_rulebook()
    assert book.rest_hours("rest.moderate").hours == 48
    assert (book.rest_range("rest.heavy").hours_min, book.rest_range("rest.heavy").hours_max) == (
        48,
        72,
    )
    assert book.heavy_legs.hours == 72
    assert book.frequency.times == 2
    assert (book.sore.extra_days_clear, book.sore.extra_days_very) == (1, 2)
    assert book.endurance_week.max_days_in_row == 6
    assert (book.class_streak.min_in_row, book.class_streak.max_in_row) == (3, 4)
    assert (book.aids.sleep_min_h, book.aids.sleep_max_h) == (7, 9)


def test_quoted_sentences_are_in_the_article(shared_data):
    if not ARTICLE.exists():
        pytest.skip("the seed article is not beside this clone")
    article = ARTICLE.read_text("utf-8").replace("’", "'")
    for rule in default_rulebook().rules.values():
        first = rule.source_nl.split(". ")[0].rstrip(".")
        assert first in article, rule.id


def test_every_rule_is_documented():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text()
    for rule_id in default_rulebook().rules:
        assert f"`{rule_id}`" in docs, rule_id


def test_a_tuned_copy_is_read_from_a_file_or_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path, SHIPPED.replace("hours = 48.0", "hours = 36.0"))
    assert load_rulebook(path).rest_hours("rest.moderate").hours == 36
    monkeypatch.setenv("RESTDAY_RULES", str(path))
    assert load_rulebook().rest_hours("rest.moderate").hours == 36


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("hours = 48.0", 'hours = "two days"'),
            'rest.moderate.hours: expected a number from 1 to 720, got "two days"',
        ),
        (
            ("min_in_row = 3", "min_in_row = 5"),
            "classes.streak.min_in_row: expected at most max_in_row (4), got 5",
        ),
        (("share = 0.5", "share = 0.5\nshares = 1"), "dose.secondary.shares: unknown key"),
        (("[rest.moderate]", "[rest.moderat]"), "[rest.moderat]: unknown rule"),
        (("times = 2\n", ""), "freq.twice_weekly.times: missing value"),
        (("version = 1", "version = 2"), "version: expected 1, got 2"),
        (("[signs]", "[signs"), "is not valid TOML"),
    ],
)
def test_a_malformed_rulebook_is_one_error_naming_the_key(tmp_path, change, message):
    path = write(tmp_path, SHIPPED.replace(*change, 1))
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_tuned_copy_may_give_a_whole_number_where_a_number_is_wanted(tmp_path):
    path = write(tmp_path, SHIPPED.replace("hours = 48.0", "hours = 36"))
    assert load_rulebook(path).rest_hours("rest.moderate").hours == 36.0


def test_the_values_in_docs_rules_md_are_the_rulebook_s():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text()
    rows = dict(re.findall(r"^\| `([a-z_.]+)` \| [^|]+ \| (.+) \|$", docs, re.MULTILINE))
    for rule_id, rule in default_rulebook().rules.items():
        shown = re.findall(r"`(\w+)` = ((?:\(.*?\))|[^,]+)", rows[rule_id])
        values = {k: ast.literal_eval(v.replace("true", "True")) for k, v in shown}
        assert values == dataclasses.asdict(rule.values), rule_id
