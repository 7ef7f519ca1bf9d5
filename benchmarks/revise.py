"""A revision of a synthetic corpus, for the benchmark of ``carenos diff``.

Each standard keeps most statements, rewords some (a word changed), drops some, adds
some and is renumbered: what a real revision does, in known proportions.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Iterable

from attrs import evolve

from carenos.model import KnowledgeItem, KnowledgeSection, PerformanceCriterion, Standard
from carenos.revisions import StandardDiff, diff_corpora

__all__ = ["line_diff", "revise", "revised_diff"]


def _edit(texts: list[str], rnd: random.Random) -> list[str]:
    """Texts kept (85%), reworded (8%), dropped (4%), or followed by a new one (3%)."""
    out: list[str] = []
    for text in texts:
        roll = rnd.random()
        if roll < 0.08:
            words = text.split()
            words[rnd.randrange(len(words))] = "revised"
            out.append(" ".join(words))
        elif roll < 0.12:
            continue
        elif roll < 0.15:
            out += [text, f"{text} as the revision now asks"]
        else:
            out.append(text)
    return out or texts


def _renumbered(
    groups: list[tuple[PerformanceCriterion, ...]] | list[tuple[KnowledgeItem, ...]],
    rnd: random.Random,
) -> list[list[tuple[str, str]]]:
    """Each group's statements edited (:func:`_edit`), as ``(id, text)`` renumbered across them."""
    found: list[list[tuple[str, str]]] = []
    number = 0
    for group in groups:
        prefix = group[0].id[0] if group else "P"
        texts = _edit([statement.text for statement in group], rnd)
        found.append([(f"{prefix}{number + i + 1}", t) for i, t in enumerate(texts)])
        number += len(texts)
    return found


def revise(standards: Iterable[Standard], seed: int = 7) -> list[Standard]:
    """A revision of each standard, renumbered in document order."""
    rnd = random.Random(seed)
    revised = []
    for standard in standards:
        criteria = _renumbered([e.performance_criteria for e in standard.elements], rnd)
        knowledge = _renumbered([s.items for s in standard.knowledge], rnd)
        elements = tuple(
            evolve(e, performance_criteria=tuple(PerformanceCriterion(i, t) for i, t in group))
            for e, group in zip(standard.elements, criteria, strict=True)
        )
        sections = tuple(
            KnowledgeSection(s.heading, tuple(KnowledgeItem(i, t) for i, t in group))
            for s, group in zip(standard.knowledge, knowledge, strict=True)
        )
        revised.append(evolve(standard, elements=elements, knowledge=sections))
    return revised


def revised_diff(old: list[Standard], new: list[Standard]) -> list[StandardDiff]:
    """Subject: ``carenos diff`` of two corpora (paired by code)."""
    return diff_corpora(old, new)


def line_diff(old: list[Standard], new: list[Standard]) -> int:
    """Baseline: difflib's line diff of each pair's statement texts (what a line diff sees)."""
    changed = 0
    for a, b in zip(old, new, strict=True):
        before = [s.text for s in a.statements()]
        after = [s.text for s in b.statements()]
        changed += sum(1 for _ in difflib.unified_diff(before, after, lineterm=""))
    return changed
