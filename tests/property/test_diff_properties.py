"""Properties of ``carenos.revisions.diff``: identity, renumbering, one rewording, symmetry."""

from __future__ import annotations

import random
from collections import Counter
from typing import TypeVar

from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from carenos import (
    Element,
    KnowledgeItem,
    KnowledgeSection,
    PerformanceCriterion,
    Standard,
)
from carenos.revisions import Change, StandardDiff, diff

from .strategies import standards

S = TypeVar("S", PerformanceCriterion, KnowledgeItem)

# Words of care statements, for statements that read like statements: distinct enough that
# two random ones are not one reworded, alike enough to share words.
VOCABULARY = tuple(
    """agree plan support individual record report risk consent rights privacy dignity
    medication safety hazard review feedback family carer colleague professional policy
    procedure legislation guidance communicate explain listen observe monitor assess
    identify prepare arrange provide encourage promote respect protect maintain check
    confirm ensure update share store secure information records equipment activity group
    environment needs preferences wellbeing choices independence health wishes beliefs
    culture language abilities outcomes goals progress changes concerns problems issues
    boundaries limits role responsibilities training development learning practice
    values diversity equality inclusion abuse harm neglect danger emergency incident
    infection hygiene nutrition mobility comfort pain treatment therapy programme service
    setting organisation team manager supervisor partner agency network community""".split()  # noqa: SIM905
)


def statement_texts(seed: int, count: int) -> list[str]:
    """``count`` statements of 7-12 words, no two sharing more than half their words."""
    rnd = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        words = rnd.sample(VOCABULARY, rnd.randint(7, 12))
        if all(len(set(words) & set(other.split())) <= len(words) // 2 for other in found):
            found.append(" ".join(words))
    return found


seeds = st.integers(0, 2**32)


@st.composite
def worded_standards(draw: st.DrawFn) -> Standard:
    """A standard of 1-4 elements and 1-3 knowledge sections of worded statements."""
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    k_sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    texts = statement_texts(draw(seeds), sum(sizes) + sum(k_sizes))
    elements, n = [], 0
    for e, size in enumerate(sizes):
        criteria = tuple(PerformanceCriterion(f"P{n + i + 1}", texts[n + i]) for i in range(size))
        elements.append(Element(f"Element {e + 1}", criteria))
        n += size
    sections, k = [], 0
    for h, size in enumerate(k_sizes):
        items = tuple(KnowledgeItem(f"K{k + i + 1}", texts[n + k + i]) for i in range(size))
        sections.append(KnowledgeSection(f"Heading {h + 1}", items))
        k += size
    return Standard("CNPROP01", "A title", "An overview.", tuple(elements), tuple(sections))


def renumbered(standard: Standard, elements: list[Element]) -> Standard:
    """``standard`` with ``elements`` and every id renumbered in document order."""
    n = 0
    new_elements = []
    for element in elements:
        criteria = []
        for pc in element.performance_criteria:
            n += 1
            criteria.append(PerformanceCriterion(f"P{n}", pc.text))
        new_elements.append(evolve(element, performance_criteria=tuple(criteria)))
    return evolve(standard, elements=tuple(new_elements))


def statement_changes(result: StandardDiff) -> list[Change]:
    return [c for c in result.changes if c.is_statement]


@settings(max_examples=60)
@given(standards())
def test_a_standard_against_itself_is_all_unchanged(standard: Standard) -> None:
    result = diff(standard, standard)
    assert {c.kind for c in result.changes} <= {"unchanged"}
    assert result.verdict == "equivalent"
    assert len(statement_changes(result)) == len(list(standard.statements()))
    assert all(row.credit == "full" for row in result.credits)


@given(worded_standards(), st.randoms(use_true_random=False))
def test_renumbering_and_shuffling_elements_is_equivalent(
    standard: Standard, rnd: random.Random
) -> None:
    elements = list(standard.elements)
    rnd.shuffle(elements)
    result = diff(standard, renumbered(standard, elements))
    assert result.verdict == "equivalent"
    assert {c.kind for c in statement_changes(result)} <= {"unchanged", "renumbered"}


@given(worded_standards(), st.data())
def test_one_reworded_statement_is_found_as_that_one_change(
    standard: Standard, data: st.DataObject
) -> None:
    statements = list(standard.statements())
    target = data.draw(st.sampled_from(statements))
    words = target.text.split()
    at = data.draw(st.integers(0, len(words) - 1))
    replacement = data.draw(st.sampled_from([w for w in VOCABULARY if w not in words]))
    words[at] = replacement
    new_text = " ".join(words)

    def swap(statement: S) -> S:
        return evolve(statement, text=new_text) if statement == target else statement

    new = evolve(
        standard,
        elements=tuple(
            evolve(e, performance_criteria=tuple(swap(pc) for pc in e.performance_criteria))
            for e in standard.elements
        ),
        knowledge=tuple(
            evolve(s, items=tuple(swap(k) for k in s.items)) for s in standard.knowledge
        ),
    )
    result = diff(standard, new)
    changed = [c for c in statement_changes(result) if c.kind != "unchanged"]
    assert [(c.kind, c.old, c.new, c.new_text) for c in changed] == [
        ("reworded", target.ref, target.ref, new_text)
    ]
    assert result.verdict == "not equivalent"


MIRROR = {"added": "removed", "removed": "added", "split": "merged", "merged": "split"}


@st.composite
def revised(draw: st.DrawFn) -> tuple[Standard, Standard]:
    """A standard and a revision of it: statements reworded, removed, added, split, merged."""
    standard = draw(worded_standards())
    fresh = iter(statement_texts(draw(seeds), 12))
    elements = []
    for element in standard.elements:
        texts = [pc.text for pc in element.performance_criteria]
        out: list[str] = []
        i = 0
        while i < len(texts):
            edit = draw(
                st.sampled_from(["keep", "keep", "reword", "drop", "add", "split", "merge"])
            )
            text = texts[i]
            words = text.split()
            if edit == "reword":
                out.append(" ".join([*words[:-1], "carefully", words[-1]]))
            elif edit == "add":
                out += [text, next(fresh, text)]
            elif edit == "split" and len(words) >= 8:
                half = len(words) // 2
                out += [" ".join(words[:half]), " ".join(words[half:])]
            elif edit == "merge" and i + 1 < len(texts):
                out.append(f"{text} and {texts[i + 1]}")
                i += 1
            elif edit != "drop":
                out.append(text)
            i += 1
        criteria = tuple(PerformanceCriterion("P1", t) for t in out)
        elements.append(Element(element.title, criteria))
    new = renumbered(standard, elements)
    return standard, new


@settings(max_examples=150)
@given(revised())
def test_diffing_back_mirrors_the_diff(pair: tuple[Standard, Standard]) -> None:
    old, new = pair
    forth, back = diff(old, new), diff(new, old)
    quiet = {"unchanged", "renumbered", "moved"}
    there = Counter(
        (MIRROR.get(c.kind, c.kind), repr(c.new), repr(c.old))
        for c in statement_changes(forth)
        if c.kind not in quiet
    )
    again = Counter(
        (c.kind, repr(c.old), repr(c.new)) for c in statement_changes(back) if c.kind not in quiet
    )
    assert there == again
    assert sum(1 for c in statement_changes(forth) if c.kind in quiet) == sum(
        1 for c in statement_changes(back) if c.kind in quiet
    )
    if forth.verdict == "equivalent":
        assert back.verdict == "equivalent"
