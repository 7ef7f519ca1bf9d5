"""The statements of a standard that can be shared, each with its ref and its JSON pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..catalogue import EntryKind, category_of_heading
from ..model import Standard

__all__ = ["Occurrence", "occurrences"]


class Occurrence(NamedTuple):
    """A statement of one standard that can be shared: a knowledge item, a right or a scope text.

    A named tuple: there is one for every statement of a corpus. ``ref`` is how the suite
    names it: ``CODE/K12`` for knowledge items, ``CODE/rights/3`` for the third right of
    the values and ``CODE/scope-pc/2`` / ``CODE/scope-k/1`` / ``CODE/scope-g/1`` (general)
    for scope statements.
    ``pointer`` is where its text is in the standard's document
    (``/knowledge/0/items/11/text``), for findings.
    """

    ref: str
    pointer: str
    code: str
    text: str
    kind: EntryKind
    category: str


def occurrences(standard: Standard) -> Iterator[Occurrence]:
    """Every shareable statement of ``standard``, in document order."""
    code = standard.code
    for i, section in enumerate(standard.knowledge):
        category = category_of_heading(section.heading)
        for j, item in enumerate(section.items):
            pointer = f"/knowledge/{i}/items/{j}/text"
            yield Occurrence(item.ref, pointer, code, item.text, "knowledge", category)
    if standard.values is not None:
        for i, right in enumerate(standard.values.rights):
            ref = f"{code}/rights/{i + 1}"
            yield Occurrence(ref, f"/values/rights/{i}", code, right, "right", "rights")
    for part, name, statements in (
        ("scope-pc", "performance_criteria", standard.scope.performance_criteria),
        ("scope-k", "knowledge", standard.scope.knowledge),
        ("scope-g", "general", standard.scope.general),
    ):
        for i, statement in enumerate(statements):
            ref = f"{code}/{part}/{i + 1}"
            pointer = f"/scope/{name}/{i}/text"
            yield Occurrence(ref, pointer, code, statement.text, "scope", "specific")
