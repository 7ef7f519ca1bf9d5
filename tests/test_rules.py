"""The rule catalogue: complete, documented, and the committed docs/rules.md is current."""

from __future__ import annotations

import re

import pytest

from carenos.rules import RULES, Hit, RuleContext, markdown, rule

from .support.paths import ROOT

SPECIFIED = {
    "CN001": "error",
    "CN002": "error",
    "CN003": "error",
    "CN004": "error",
    "CN100": "error",
    "CN201": "error",
    "CN202": "error",
    "CN203": "error",
    "CN204": "error",
    "CN205": "warning",
    "CN206": "error",
    "CN207": "error",
    "CN301": "warning",
    "CN303": "error",
    "CN401": "warning",
}


def test_the_catalogue_has_the_specified_codes_and_severities() -> None:
    assert {code: entry.severity for code, entry in RULES.items()} == SPECIFIED


def test_every_rule_has_a_title_and_a_rationale() -> None:
    for entry in RULES.values():
        assert entry.title.strip(), entry.code
        assert entry.rationale.strip(), entry.code


def test_semantic_rules_have_checks_and_stage_codes_do_not() -> None:
    with_check = {code for code, entry in RULES.items() if entry.check is not None}
    semantic = {c for c in SPECIFIED if c.startswith(("CN2", "CN3", "CN4"))} - {"CN207"}
    assert with_check == semantic


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == markdown(), "regenerate: carenos rules --markdown > docs/rules.md"


def test_the_table_has_a_row_per_rule() -> None:
    rows = re.findall(r"^\| (CN\d{3}) \|", markdown(), flags=re.MULTILINE)
    assert rows == sorted(SPECIFIED)


def test_a_code_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="twice"):

        @rule("CN201", "error", "again", "again")
        def again(context: RuleContext) -> list[Hit]:  # pragma: no cover
            return []


def test_a_malformed_code_is_refused() -> None:
    with pytest.raises(ValueError, match="form"):

        @rule("X1", "error", "bad", "bad")
        def bad(context: RuleContext) -> list[Hit]:  # pragma: no cover
            return []
