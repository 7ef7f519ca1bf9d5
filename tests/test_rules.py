"""The rule catalogue: complete, documented, and the committed docs/rules.md is current."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import carenos
import carenos.errors
from carenos.rules import RULES, Hit, RuleContext, registered, render_markdown, rule

from .support.cli import Cli
from .support.paths import ROOT

SPECIFIED = {
    "CN000": "error",
    "CN001": "error",
    "CN002": "error",
    "CN003": "error",
    "CN004": "error",
    "CN005": "error",
    "CN010": "warning",
    "CN100": "error",
    "CN101": "error",
    "CN102": "error",
    "CN103": "error",
    "CN104": "error",
    "CN105": "error",
    "CN106": "error",
    "CN107": "error",
    "CN201": "error",
    "CN202": "error",
    "CN203": "error",
    "CN204": "error",
    "CN205": "warning",
    "CN206": "error",
    "CN207": "error",
    "CN208": "error",
    "CN301": "warning",
    "CN303": "error",
    "CN304": "warning",
    "CN401": "warning",
    "CN500": "error",
    "CN900": "error",
}


def test_the_catalogue_has_the_specified_codes_and_severities() -> None:
    assert {code: entry.severity for code, entry in RULES.items()} == SPECIFIED


def test_every_rule_has_a_title_a_rationale_and_a_fix() -> None:
    for entry in RULES.values():
        assert entry.title.strip(), entry.code
        assert entry.rationale.strip(), entry.code
        assert entry.fix.strip(), entry.code


def _subclasses(
    kind: type[carenos.errors.CarenosError],
) -> Iterator[type[carenos.errors.CarenosError]]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_code_the_program_can_print_is_catalogued_with_a_fix() -> None:
    """Codes written anywhere in src/ and the codes of every error class are all in RULES."""
    import carenos.cli
    import carenos.export
    import carenos.importer
    import carenos.mapping
    import carenos.validation

    written = set()
    for path in (ROOT / "src" / "carenos").rglob("*.py"):
        written |= set(re.findall(r"\bCN[0-9]{3}\b", path.read_text(encoding="utf-8")))
    raised = {kind.code for kind in _subclasses(carenos.errors.CarenosError)}
    raised.add(carenos.errors.CarenosError.code)
    assert written >= {"CN000", "CN100", "CN201", "CN401", "CN500", "CN900"}  # the scan works
    missing = sorted((written | raised) - set(RULES))
    assert missing == []
    assert all(RULES[code].fix for code in written | raised)


def test_error_codes_are_read_from_the_error_classes() -> None:
    for kind in carenos.errors.ERROR_KINDS:
        entry = RULES[kind.code]
        assert (entry.title, entry.rationale, entry.fix, entry.stage) == (
            kind.title,
            kind.rationale,
            kind.fix,
            kind.stage,
        )
        assert entry.check is None


def test_semantic_rules_have_checks_and_stage_codes_do_not() -> None:
    with_check = {code for code, entry in RULES.items() if entry.check is not None}
    semantic = {c for c in SPECIFIED if c.startswith(("CN2", "CN3", "CN4"))} - {"CN207", "CN208"}
    semantic.add("CN005")  # a rule on the texts, which the read stage also reports
    assert with_check == semantic
    assert {RULES[code].stage for code in with_check} == {"standard"}


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_markdown(), (
        "regenerate: carenos rules --format markdown > docs/rules.md"
    )


def test_the_page_has_a_row_and_a_section_per_rule() -> None:
    page = render_markdown()
    rows = re.findall(r"^\| \[(CN\d{3})\]\(#cn\d{3}\) \|", page, flags=re.MULTILINE)
    sections = re.findall(r"^## (CN\d{3})$", page, flags=re.MULTILINE)
    assert rows == sections == sorted(SPECIFIED)
    assert f"**Fix.** {RULES['CN201'].fix}" in page


def test_a_code_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="twice"):

        @rule("CN201", "error", title="again", rationale="again", fix="again")
        def again(context: RuleContext) -> list[Hit]:  # pragma: no cover
            return []


def test_a_malformed_code_is_refused() -> None:
    with pytest.raises(ValueError, match="form"):

        @rule("X1", "error", title="bad", rationale="bad", fix="bad")
        def bad(context: RuleContext) -> list[Hit]:  # pragma: no cover
            return []


def test_a_rule_without_a_fix_is_refused() -> None:
    with pytest.raises(ValueError, match="no fix"):

        @rule("CN398", "error", title="no fix", rationale="why", fix=" ")
        def unfixable(context: RuleContext) -> list[Hit]:  # pragma: no cover
            return []

    with pytest.raises(ValueError, match="no rationale and no fix"):

        @rule("CN398", "error")
        def undocumented(context: RuleContext) -> list[Hit]:  # pragma: no cover
            """Only a title."""
            return []

    assert "CN398" not in RULES


def test_a_rule_is_documented_by_its_docstring() -> None:
    def check(context: RuleContext) -> list[Hit]:  # pragma: no cover
        """A title that runs
        over two lines.

        Why: A reason,
        wrapped.

        Fix: What to do.
        """
        return []

    with registered("CN397", severity="error") as add:
        add(check)
        entry = RULES["CN397"]
        assert (entry.title, entry.rationale, entry.fix, entry.severity) == (
            "a title that runs over two lines",
            "A reason, wrapped.",
            "What to do.",
            "error",
        )
    assert "CN397" not in RULES


def test_registered_refuses_a_code_in_the_catalogue_and_keeps_it() -> None:
    with (
        pytest.raises(ValueError, match="twice"),
        registered("CN201", title="t", rationale="r", fix="f"),
    ):
        pass  # pragma: no cover
    assert RULES["CN201"].check is not None


def test_rules_code_explains_one_rule(cli: Cli) -> None:
    result = cli("rules", "CN201")
    assert result.exit_code == 0
    entry = RULES["CN201"]
    assert result.output.splitlines()[:2] == ["CN201 (error, standard stage)", entry.title]
    assert f"Why: {entry.rationale}" in result.output
    assert f"Fix: {entry.fix}" in result.output


def test_rules_of_an_unknown_code_is_a_usage_error(cli: Cli) -> None:
    result = cli("rules", "CN999")
    assert result.exit_code == 2
    assert "no rule CN999" in result.output


def test_rules_json_lists_every_code_with_its_fix(cli: Cli) -> None:
    result = cli("rules", "--format", "json")
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert [item["code"] for item in listed] == sorted(SPECIFIED)
    assert listed[0].keys() == {"code", "severity", "stage", "title", "rationale", "fix"}
    assert all(item["fix"] for item in listed)


def test_a_throwaway_rule_added_through_the_registry_is_everywhere(
    cli: Cli, tmp_path: object
) -> None:
    """The registry alone adds a rule: validate runs it, `rules` and the docs list it."""
    import carenos

    with registered(
        "CN399",
        title="a throwaway rule",
        rationale="to show the registry is enough",
        fix="ignore it",
    ) as add:

        @add
        def flag_titles(context: RuleContext) -> Iterator[Hit]:
            yield Hit("every title is flagged", "/title")

        report = carenos.validate(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
        assert [(f.code, f.line) for f in report.findings] == [("CN399", 2)]
        listed = cli("rules").output
        assert "CN399  warning  a throwaway rule" in listed
        assert "Fix: ignore it" in cli("rules", "CN399").output
        assert "## CN399" in render_markdown()
    assert "CN399" not in RULES
    assert "CN399" not in cli("rules").output


_ODD = "\x00\x07\t\n\x0b\x0c\r\x1b\x7f\x85\x9f\xa0\xad\u200b\u200e\u2028\u202e\u2066\ufeff\ud800"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é" + _ODD), min_size=1, max_size=12))
def test_the_character_rules_find_what_their_patterns_find(text: str) -> None:
    """The rules skip texts no character of theirs can be in: never one that holds one."""
    from attrs import evolve

    from carenos.io.characters import CONTROL, INVISIBLE
    from carenos.rules.characters import control_characters, invisible_characters

    standard = evolve(carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml"), title=text)
    context = RuleContext(standard)
    control = [hit.message for hit in control_characters(context) if hit.pointer == "/title"]
    invisible = [hit.message for hit in invisible_characters(context) if hit.pointer == "/title"]
    assert len(control) == len(CONTROL.findall(text))
    assert len(invisible) == len(INVISIBLE.findall(text))


class _EveryText(RuleContext):
    """A context without the standard-wide pre-checks: every rule looks at every text."""

    def others_printable(self) -> bool:
        return False

    def single_spaced(self) -> bool:
        return False


_SPACED = st.text(alphabet=st.sampled_from("ab é\u2019  " + _ODD), max_size=10)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(_SPACED, min_size=1, max_size=3),
    where=st.sampled_from(["title", "overview", "items", "scope"]),
)
def test_the_standard_wide_pre_checks_change_no_finding(texts: list[str], where: str) -> None:
    """CN005, CN304, CN301 and CN205 find the same with the pre-checks as text by text."""
    from carenos._fields import FieldValueError
    from carenos.rules.characters import control_characters, invisible_characters
    from carenos.rules.structure import repeated_texts
    from carenos.rules.text import stray_whitespace

    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    try:
        standard = _placed(standard, texts, where)
    except FieldValueError:  # a text the model refuses (empty, spaces only)
        assume(False)
    for check in (control_characters, invisible_characters, stray_whitespace, repeated_texts):
        quick = [(hit.message, hit.pointer) for hit in check(RuleContext(standard))]
        every = [(hit.message, hit.pointer) for hit in check(_EveryText(standard))]
        assert quick == every


def _placed(standard: carenos.Standard, texts: list[str], where: str) -> carenos.Standard:
    from attrs import evolve

    if where == "title":
        standard = evolve(standard, title=" ".join(texts))
    elif where == "overview":
        standard = evolve(standard, overview=" ".join(texts))
    elif where == "items":
        section = standard.knowledge[0]
        items = [evolve(item, text=text) for item, text in zip(section.items, texts, strict=False)]
        changed = evolve(section, items=(*items, *section.items[len(items) :]))
        standard = evolve(standard, knowledge=(changed, *standard.knowledge[1:]))
    else:
        scope = standard.scope.performance_criteria
        new = [evolve(one, text=text) for one, text in zip(scope, texts, strict=False)]
        changed_scope = evolve(standard.scope, performance_criteria=(*new, *scope[len(new) :]))
        standard = evolve(standard, scope=changed_scope)
    return standard


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["K0", "K1", "K2", "K3", "K01", "K4", "K5"]), max_size=6))
def test_numbering_in_sequence_is_the_only_shortcut(ids: list[str]) -> None:
    """The numbering rule returns early only for K1, K2 ... Kn: what the full walk finds
    nothing in."""
    from carenos.model import KnowledgeItem
    from carenos.rules import structure

    items = [(f"/knowledge/0/items/{n}", KnowledgeItem(id=i, text="t")) for n, i in enumerate(ids)]
    quick = [(hit.message, hit.pointer) for hit in structure._numbering(items, "K")]
    structure._in_sequence.cache_clear()
    real = structure._in_sequence
    try:
        structure._in_sequence = lambda _prefix, _count: None  # type: ignore[assignment]
        walked = [(hit.message, hit.pointer) for hit in structure._numbering(items, "K")]
    finally:
        structure._in_sequence = real
    assert quick == walked


def test_no_character_of_the_character_rules_is_printable() -> None:
    """What lets the rules skip a printable text (and a standard whose texts all are)."""
    import sys

    from carenos.io.characters import CONTROL, INVISIBLE

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for pattern in (CONTROL, INVISIBLE):
        found = pattern.findall(every)
        assert found  # the pattern matched something: the check means something
        assert not any(char.isprintable() for char in found)
