"""What a rule may look at: the standard, where it came from, positions and the catalogue."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..model import KnowledgeItem, Metadata, PerformanceCriterion, Standard
from ..place import Locate

if TYPE_CHECKING:
    from ..catalogue import Catalogue

__all__ = ["RuleContext"]


def _no_position(_pointer: str, _at_key: bool = False, /) -> tuple[int | None, int | None]:
    return None, None


@frozen
class RuleContext:
    """What a check may look at.

    Attributes:
        standard: the standard checked.
        source: where it came from, as findings name it.
        file: the file it was read from (``None`` for texts, dicts and models).
        locate: line and column of a JSON pointer (the rules' way to cite a line).
        catalogue: the shared statements to compare wording with; rules that need it
            (CN4xx) run only when it is given.
    """

    standard: Standard
    source: str = "<standard>"
    file: Path | None = None
    locate: Locate = _no_position
    catalogue: Catalogue | None = None

    @functools.cached_property
    def _criteria(self) -> list[tuple[str, PerformanceCriterion]]:
        return [
            (f"/elements/{i}/performance_criteria/{j}", criterion)
            for i, element in enumerate(self.standard.elements)
            for j, criterion in enumerate(element.performance_criteria)
        ]

    @functools.cached_property
    def _knowledge_items(self) -> list[tuple[str, KnowledgeItem]]:
        return [
            (f"/knowledge/{i}/items/{j}", item)
            for i, section in enumerate(self.standard.knowledge)
            for j, item in enumerate(section.items)
        ]

    @functools.cached_property
    def _texts(self) -> list[tuple[str, str]]:
        return list(_all_texts(self.standard))

    def criteria(self) -> Iterator[tuple[str, PerformanceCriterion]]:
        """Every performance criterion with its JSON pointer, in document order."""
        return iter(self._criteria)

    def knowledge_items(self) -> Iterator[tuple[str, KnowledgeItem]]:
        """Every knowledge item with its JSON pointer, in document order."""
        return iter(self._knowledge_items)

    def statements(self) -> Iterator[tuple[str, PerformanceCriterion | KnowledgeItem]]:
        """Every numbered statement with its pointer: criteria, then knowledge items."""
        yield from self._criteria
        yield from self._knowledge_items

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every text of the standard with its JSON pointer, in document order."""
        return iter(self._texts)


def _all_texts(s: Standard) -> Iterator[tuple[str, str]]:
    yield "/code", s.code
    yield "/title", s.title
    yield "/overview", s.overview
    for i, element in enumerate(s.elements):
        yield f"/elements/{i}/title", element.title
        for j, criterion in enumerate(element.performance_criteria):
            yield f"/elements/{i}/performance_criteria/{j}/text", criterion.text
    for i, section in enumerate(s.knowledge):
        yield f"/knowledge/{i}/heading", section.heading
        for j, item in enumerate(section.items):
            yield f"/knowledge/{i}/items/{j}/text", item.text
    for part, statements in (
        ("performance_criteria", s.scope.performance_criteria),
        ("knowledge", s.scope.knowledge),
    ):
        for i, statement in enumerate(statements):
            if statement.term is not None:
                yield f"/scope/{part}/{i}/term", statement.term
            yield f"/scope/{part}/{i}/text", statement.text
    if s.values is not None:
        yield "/values/text", s.values.text
        for i, right in enumerate(s.values.rights):
            yield f"/values/rights/{i}", right
    if s.metadata is not None:
        for attribute in attrs.fields(Metadata):
            value = getattr(s.metadata, attribute.name)
            if isinstance(value, str):
                yield f"/metadata/{attribute.name}", value
            elif value is not None:
                for i, text in enumerate(value):
                    yield f"/metadata/{attribute.name}/{i}", text
