"""What a rule may look at: the standard, where it came from, positions and the catalogue."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..model import (
    KnowledgeItem,
    Metadata,
    PerformanceCriterion,
    ScopeStatement,
    Standard,
    Statement,
)
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


def _each(pointer: str, texts: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for i, text in enumerate(texts):
        yield f"{pointer}/{i}", text


def _scope(pointer: str, statements: tuple[ScopeStatement, ...]) -> Iterator[tuple[str, str]]:
    for i, statement in enumerate(statements):
        if statement.term is not None:
            yield f"{pointer}/{i}/term", statement.term
        yield f"{pointer}/{i}/text", statement.text


def _statement(pointer: str, statement: Statement) -> Iterator[tuple[str, str]]:
    yield f"{pointer}/text", statement.text
    yield from _each(f"{pointer}/sub_items", statement.sub_items)


def _all_texts(s: Standard) -> Iterator[tuple[str, str]]:
    """Every text of the standard with the JSON pointer of its dict shape, in that order."""
    yield "/code", s.code
    yield "/title", s.title
    yield "/overview", s.overview
    for i, element in enumerate(s.elements):
        if element.title is not None:
            yield f"/elements/{i}/title", element.title
        for j, criterion in enumerate(element.performance_criteria):
            yield from _statement(f"/elements/{i}/performance_criteria/{j}", criterion)
    for i, section in enumerate(s.knowledge):
        if section.heading is not None:
            yield f"/knowledge/{i}/heading", section.heading
        for j, item in enumerate(section.items):
            yield from _statement(f"/knowledge/{i}/items/{j}", item)
    yield from _scope("/scope/performance_criteria", s.scope.performance_criteria)
    yield from _scope("/scope/knowledge", s.scope.knowledge)
    yield from _scope("/scope/general", s.scope.general)
    if s.values is not None and s.values.text is not None:
        yield "/values/text", s.values.text
        yield from _each("/values/rights", s.values.rights)
    elif s.values is not None:
        yield from _each("/values", s.values.statements)
    yield from _each("/behaviours", s.behaviours)
    yield from _each("/skills", s.skills)
    for i, entry in enumerate(s.glossary):
        yield f"/glossary/{i}/term", entry.term
        yield f"/glossary/{i}/definition", entry.definition
    yield from _each("/links_to_other_nos", s.links_to_other_nos)
    for i, link in enumerate(s.external_links):
        yield f"/external_links/{i}/text", link.text
        if link.url is not None:
            yield f"/external_links/{i}/url", link.url
    for i, extra in enumerate(s.additional_information):
        yield f"/additional_information/{i}/title", extra.title
        yield from _each(f"/additional_information/{i}/paragraphs", extra.paragraphs)
    if s.metadata is not None:
        for attribute in attrs.fields(Metadata):
            value = getattr(s.metadata, attribute.name)
            if isinstance(value, str):
                yield f"/metadata/{attribute.name}", value
            elif isinstance(value, tuple):
                yield from _each(f"/metadata/{attribute.name}", value)
    for name in ("replaces", "replaced_by"):
        value = getattr(s, name)
        if value is not None:
            yield f"/{name}", value
