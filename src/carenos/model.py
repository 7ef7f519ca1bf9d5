"""The nouns of a National Occupational Standard, as frozen attrs classes.

Instances are immutable, hashable and compare by value; collections are tuples.
The dict shape (what YAML and JSON hold) is defined once, in :mod:`carenos.convert`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Self, overload

from attrs import Attribute, field, frozen

from .codes import is_id

__all__ = [
    "MAX_TEXT_LENGTH",
    "Element",
    "FieldValueError",
    "KnowledgeItem",
    "KnowledgeSection",
    "Metadata",
    "PerformanceCriterion",
    "Scope",
    "ScopeStatement",
    "Standard",
    "Statement",
    "Values",
]


class FieldValueError(ValueError):
    """A field of a model class was given a value it cannot hold."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


MAX_TEXT_LENGTH = 10_000
"""Longest text a field may hold, in characters (the schema's ``maxLength``).

NOS statements are a sentence or two; the longest seed text (a scope statement) is
under 600 characters. The limit keeps runaway or hostile texts out of every stage.
"""


def _text_problem(value: str) -> str | None:
    if not value:
        return "must not be empty"
    if len(value) > MAX_TEXT_LENGTH:
        return f"is {len(value):,} characters long, over the limit of {MAX_TEXT_LENGTH:,}"
    return None


def _valid_text(_instance: Any, attribute: Attribute[Any], value: str | None) -> None:
    if value is not None and not is_text(value):
        raise FieldValueError(attribute.name, str(_text_problem(value)))


def _valid_texts(_instance: Any, attribute: Attribute[Any], values: tuple[str, ...]) -> None:
    for index, value in enumerate(values):
        if problem := _text_problem(value):
            raise FieldValueError(f"{attribute.name}/{index}", problem)


def is_text(value: str) -> bool:
    """True if ``value`` is a text a field may hold: not empty, within the length limit."""
    return 0 < len(value) <= MAX_TEXT_LENGTH


def _valid_id(instance: _Statement, attribute: Attribute[Any], value: str) -> None:
    prefix = type(instance).PREFIX
    if not is_id(prefix, value):
        raise FieldValueError(
            attribute.name, f"{value!r} is not an id of the form {prefix}1, {prefix}2 ..."
        )


_new = object.__new__
_set = object.__setattr__


@frozen
class _Statement:
    """A numbered statement of a standard: its ``id`` (``PREFIX`` and a number) and text."""

    PREFIX: ClassVar[str] = ""
    id: str = field(validator=_valid_id)
    text: str = field(validator=_valid_text)
    standard_code: str = field(default="", kw_only=True)
    """Code of the standard this statement belongs to; set by :class:`Standard`."""

    @property
    def ref(self) -> str:
        """The reference of this statement across the suite, e.g. ``SCDHSC0393/K12``."""
        return f"{self.standard_code}/{self.id}" if self.standard_code else self.id

    @classmethod
    def _trusted(cls, ident: str, text: str, code: str) -> Self | None:
        """The statement, or ``None`` if ``ident`` or ``text`` would fail the validators.

        The bulk loader's hot loop (:mod:`carenos.convert`): the validators' checks
        (:func:`is_id`, :func:`is_text`) made inline, without the per-field validator calls
        of ``__init__``; the caller has checked that both are ``str``. Equal to what
        ``cls(ident, text, standard_code=code)`` builds (a test holds it to that).
        """
        if not (is_id(cls.PREFIX, ident) and is_text(text)):
            return None
        statement = _new(cls)
        _set(statement, "id", ident)
        _set(statement, "text", text)
        _set(statement, "standard_code", code)
        return statement


@frozen
class PerformanceCriterion(_Statement):
    """A performance criterion: what a worker must be able to do (``P1``, ``P2`` ...)."""

    PREFIX: ClassVar[str] = "P"


@frozen
class KnowledgeItem(_Statement):
    """A knowledge and understanding statement (``K1``, ``K2`` ...)."""

    PREFIX: ClassVar[str] = "K"


Statement = PerformanceCriterion | KnowledgeItem
"""Either kind of numbered statement."""


@frozen
class Element:
    """An element of a standard: a titled group of performance criteria."""

    title: str = field(validator=_valid_text)
    performance_criteria: tuple[PerformanceCriterion, ...]


@frozen
class KnowledgeSection:
    """Knowledge items under one heading ("Rights", "Your practice" ...)."""

    heading: str = field(validator=_valid_text)
    items: tuple[KnowledgeItem, ...]


@frozen
class ScopeStatement:
    """One scope/range statement; ``term`` is the term it defines, where it defines one."""

    text: str = field(validator=_valid_text)
    term: str | None = field(default=None, validator=_valid_text)


@frozen
class Scope:
    """Scope/range statements related to the performance criteria and to the knowledge."""

    performance_criteria: tuple[ScopeStatement, ...] = ()
    knowledge: tuple[ScopeStatement, ...] = ()


@frozen
class Values:
    """The values section: its text and the rights it lists."""

    text: str = field(validator=_valid_text)
    rights: tuple[str, ...] = field(default=(), validator=_valid_texts)


@frozen
class Metadata:
    """The metadata table of a published standard; every field is optional."""

    developed_by: str | None = field(default=None, validator=_valid_text)
    version: str | None = field(default=None, validator=_valid_text)
    date_approved: str | None = field(default=None, validator=_valid_text)
    indicative_review_date: str | None = field(default=None, validator=_valid_text)
    validity: str | None = field(default=None, validator=_valid_text)
    status: str | None = field(default=None, validator=_valid_text)
    originating_organisation: str | None = field(default=None, validator=_valid_text)
    original_urn: str | None = field(default=None, validator=_valid_text)
    relevant_occupations: tuple[str, ...] = field(default=(), validator=_valid_texts)
    suites: tuple[str, ...] = field(default=(), validator=_valid_texts)
    keywords: tuple[str, ...] = field(default=(), validator=_valid_texts)


def _stamp_code(standard: Standard) -> None:
    """Give every statement of ``standard`` its code, rebuilding only what differs."""
    code = standard.code
    elements = standard.elements
    if any(pc.standard_code != code for e in elements for pc in e.performance_criteria):
        elements = tuple(
            Element(
                e.title,
                tuple(
                    PerformanceCriterion(pc.id, pc.text, standard_code=code)
                    for pc in e.performance_criteria
                ),
            )
            for e in elements
        )
        object.__setattr__(standard, "elements", elements)
    sections = standard.knowledge
    if any(k.standard_code != code for s in sections for k in s.items):
        sections = tuple(
            KnowledgeSection(
                s.heading,
                tuple(KnowledgeItem(k.id, k.text, standard_code=code) for k in s.items),
            )
            for s in sections
        )
        object.__setattr__(standard, "knowledge", sections)


@frozen
class Standard:
    """A National Occupational Standard.

    ``standard["P3"]`` and ``standard.get("K12")`` look a statement up by id;
    ``criteria`` and ``knowledge_items`` list all of them in document order.
    """

    code: str = field(validator=_valid_text)
    title: str = field(validator=_valid_text)
    overview: str = field(validator=_valid_text)
    elements: tuple[Element, ...]
    knowledge: tuple[KnowledgeSection, ...]
    scope: Scope = Scope()
    values: Values | None = None
    metadata: Metadata | None = None

    def __attrs_post_init__(self) -> None:
        _stamp_code(self)

    @property
    def criteria(self) -> tuple[PerformanceCriterion, ...]:
        """All performance criteria, in document order across elements."""
        return tuple(pc for e in self.elements for pc in e.performance_criteria)

    @property
    def knowledge_items(self) -> tuple[KnowledgeItem, ...]:
        """All knowledge items, in document order across headings."""
        return tuple(k for s in self.knowledge for k in s.items)

    def statements(self) -> Iterator[Statement]:
        """Every numbered statement: criteria first, then knowledge items."""
        yield from self.criteria
        yield from self.knowledge_items

    @overload
    def get(self, ident: str) -> Statement | None: ...
    @overload
    def get(self, ident: str, default: Statement) -> Statement: ...
    def get(self, ident: str, default: Statement | None = None) -> Statement | None:
        """The statement ``ident`` (``"P3"``, ``"K12"``, ``"CODE/K12"``), or ``default``."""
        code, _, local = ident.rpartition("/")
        if code and code != self.code:
            return default
        for statement in self.statements():
            if statement.id == local:
                return statement
        return default

    def __getitem__(self, ident: str) -> Statement:
        found = self.get(ident)
        if found is None:
            raise KeyError(f"{self.code} has no statement {ident!r}")
        return found
