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
        return _all_texts(self.standard)

    @functools.cached_property
    def _joined(self) -> str:
        return " ".join([text for pointer, text in self._texts if pointer != "/overview"])

    @functools.cached_property
    def _printable(self) -> bool:
        return self._joined.isprintable()

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

    def others_printable(self) -> bool:
        """True if every text but the overview (which holds line breaks) is printable:
        no control, format or invisible character, no white space but the plain space.
        One check of the whole standard, which lets a rule about characters or white
        space skip every text but the overview of most standards."""
        return self._printable

    def single_spaced(self) -> bool:
        """True if no text but the overview holds white space other than single spaces
        between words: no leading or trailing white space, tab, line break or double space
        (one check of the whole standard; see :meth:`others_printable`)."""
        return self._single_spaced

    @functools.cached_property
    def _single_spaced(self) -> bool:
        joined = self._joined
        return (
            self._printable
            and "  " not in joined
            and not joined.startswith(" ")
            and not joined.endswith(" ")
        )


def _all_texts(s: Standard) -> list[tuple[str, str]]:
    """Every text of the standard with the JSON pointer of its dict shape, in that order
    (built in one list: the rules look at each text of every standard)."""
    out: list[tuple[str, str]] = [("/code", s.code), ("/title", s.title), ("/overview", s.overview)]
    add = out.append

    def each(pointer: str, texts: tuple[str, ...]) -> None:
        for i, text in enumerate(texts):
            add((f"{pointer}/{i}", text))

    def statement(pointer: str, statement: Statement) -> None:
        add((f"{pointer}/text", statement.text))
        if statement.sub_items:
            each(f"{pointer}/sub_items", statement.sub_items)

    def scope(pointer: str, statements: tuple[ScopeStatement, ...]) -> None:
        for i, one in enumerate(statements):
            if one.term is not None:
                add((f"{pointer}/{i}/term", one.term))
            add((f"{pointer}/{i}/text", one.text))

    for i, element in enumerate(s.elements):
        if element.title is not None:
            add((f"/elements/{i}/title", element.title))
        for j, criterion in enumerate(element.performance_criteria):
            statement(f"/elements/{i}/performance_criteria/{j}", criterion)
    for i, section in enumerate(s.knowledge):
        if section.heading is not None:
            add((f"/knowledge/{i}/heading", section.heading))
        for j, item in enumerate(section.items):
            statement(f"/knowledge/{i}/items/{j}", item)
    scope("/scope/performance_criteria", s.scope.performance_criteria)
    scope("/scope/knowledge", s.scope.knowledge)
    scope("/scope/general", s.scope.general)
    if s.values is not None and s.values.text is not None:
        add(("/values/text", s.values.text))
        each("/values/rights", s.values.rights)
    elif s.values is not None:
        each("/values", s.values.statements)
    each("/behaviours", s.behaviours)
    each("/skills", s.skills)
    for i, entry in enumerate(s.glossary):
        add((f"/glossary/{i}/term", entry.term))
        add((f"/glossary/{i}/definition", entry.definition))
    each("/links_to_other_nos", s.links_to_other_nos)
    for i, link in enumerate(s.external_links):
        add((f"/external_links/{i}/text", link.text))
        if link.url is not None:
            add((f"/external_links/{i}/url", link.url))
    for i, extra in enumerate(s.additional_information):
        add((f"/additional_information/{i}/title", extra.title))
        each(f"/additional_information/{i}/paragraphs", extra.paragraphs)
    if s.metadata is not None:
        for attribute in attrs.fields(Metadata):
            value = getattr(s.metadata, attribute.name)
            if isinstance(value, str):
                add((f"/metadata/{attribute.name}", value))
            elif isinstance(value, tuple):
                each(f"/metadata/{attribute.name}", value)
    for name in ("replaces", "replaced_by"):
        value = getattr(s, name)
        if value is not None:
            add((f"/{name}", value))
    return out
