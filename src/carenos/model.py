"""The nouns of a National Occupational Standard, as frozen attrs classes.

Instances are immutable, hashable and compare by value; collections are tuples.
The dict shape (what YAML and JSON hold) is defined once, in :mod:`carenos.convert`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal, overload

from attrs import Attribute, evolve, field, frozen

from ._fields import MAX_TEXT_LENGTH, FieldValueError, is_text, matching, valid_text, valid_texts
from .codes import LANGUAGE, URN_IN_TEXT, is_id
from .metadata import Metadata

__all__ = [
    "MAX_TEXT_LENGTH",
    "Element",
    "ExternalLink",
    "FieldValueError",
    "GlossaryEntry",
    "InformationSection",
    "KnowledgeItem",
    "KnowledgeSection",
    "Metadata",
    "PerformanceCriterion",
    "Scope",
    "ScopeStatement",
    "Standard",
    "Standards",
    "Statement",
    "Values",
    "is_text",
    "standards_of",
]


def _valid_id(instance: _Statement, attribute: Attribute[Any], value: str) -> None:
    prefix = type(instance).PREFIX
    if not is_id(prefix, value):
        raise FieldValueError(
            attribute.name, f"{value!r} is not an id of the form {prefix}1, {prefix}2 ..."
        )


_new = object.__new__
_set = object.__setattr__


def _tuple(value: Any) -> tuple[Any, ...]:
    """A list (or other iterable) of a tuple field as a tuple: the model stays hashable."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
        raise FieldValueError("value", f"expected a list, got {type(value).__name__}")
    return tuple(value)


def _holds(statements: tuple[_Statement, ...], item: object) -> bool:
    """Whether ``item`` (a statement, or its id or ref) is one of ``statements``."""
    if isinstance(item, str):
        local = item.rpartition("/")[2]
        code = item.rpartition("/")[0]
        return any(s.id == local and (not code or s.standard_code == code) for s in statements)
    return item in statements


@frozen(weakref_slot=False)  # millions of them: no weak references
class _Statement:
    """A numbered statement of a standard: its ``id`` (``PREFIX`` and a number) and text."""

    PREFIX: ClassVar[str] = ""
    id: str = field(validator=_valid_id)
    text: str = field(validator=valid_text)
    standard_code: str = field(default="", kw_only=True)
    """Code of the standard this statement belongs to; set by :class:`Standard`."""
    sub_items: tuple[str, ...] = field(default=(), kw_only=True, validator=valid_texts)
    """A list nested under the statement ("... including: • ... • ..."), as published."""

    @property
    def ref(self) -> str:
        """The reference of this statement across the suite, e.g. ``SCDHSC0393/K12``."""
        return f"{self.standard_code}/{self.id}" if self.standard_code else self.id


@frozen(weakref_slot=False)  # millions of them: no weak references
class PerformanceCriterion(_Statement):
    """A performance criterion: what a worker must be able to do (``P1``, ``P2`` ...)."""

    PREFIX: ClassVar[str] = "P"


@frozen(weakref_slot=False)  # millions of them: no weak references
class KnowledgeItem(_Statement):
    """A knowledge and understanding statement (``K1``, ``K2`` ...)."""

    PREFIX: ClassVar[str] = "K"


Statement = PerformanceCriterion | KnowledgeItem
"""Either kind of numbered statement."""


@frozen
class Element:
    """An element of a standard: a group of performance criteria, titled where published so.

    The newest standards list their criteria in one plain list: one untitled element.
    """

    title: str | None = field(default=None, validator=valid_text)
    performance_criteria: tuple[PerformanceCriterion, ...] = field(default=(), converter=_tuple)

    def __iter__(self) -> Iterator[PerformanceCriterion]:
        return iter(self.performance_criteria)

    def __len__(self) -> int:
        return len(self.performance_criteria)

    def __contains__(self, item: object) -> bool:
        return _holds(self.performance_criteria, item)


@frozen
class KnowledgeSection:
    """Knowledge items under one heading ("Rights", "Your practice" ...), or under none."""

    heading: str | None = field(default=None, validator=valid_text)
    items: tuple[KnowledgeItem, ...] = field(default=(), converter=_tuple)

    def __iter__(self) -> Iterator[KnowledgeItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: object) -> bool:
        return _holds(self.items, item)


@frozen(weakref_slot=False)  # millions of them: no weak references
class ScopeStatement:
    """One scope/range statement; ``term`` is the term it defines, where it defines one."""

    text: str = field(validator=valid_text)
    term: str | None = field(default=None, validator=valid_text)


@frozen
class Scope:
    """Scope/range statements: related to the performance criteria, to the knowledge, general."""

    performance_criteria: tuple[ScopeStatement, ...] = ()
    knowledge: tuple[ScopeStatement, ...] = ()
    general: tuple[ScopeStatement, ...] = ()


@frozen
class Values:
    """The values section: a text and the rights it lists, or a plain list of statements.

    The dict shape of the second form is the list itself.
    """

    text: str | None = field(default=None, validator=valid_text)
    rights: tuple[str, ...] = field(default=(), validator=valid_texts)
    statements: tuple[str, ...] = field(default=(), validator=valid_texts)

    def __attrs_post_init__(self) -> None:
        if self.text is None and self.rights:
            raise FieldValueError("rights", "rights come after the values' text: give a text")
        if self.text is not None and self.statements:
            raise FieldValueError("statements", "a text or a list of statements, not both")


@frozen
class GlossaryEntry:
    """A term the standard defines, and its definition."""

    term: str = field(validator=valid_text)
    definition: str = field(validator=valid_text)


@frozen
class ExternalLink:
    """A link to a document outside the NOS database: its text and, where given, its URL."""

    text: str = field(validator=valid_text)
    url: str | None = field(default=None, validator=valid_text)


@frozen
class InformationSection:
    """A published section with no field of its own ("Evidence requirements" ...), kept whole."""

    title: str = field(validator=valid_text)
    paragraphs: tuple[str, ...] = field(default=(), validator=valid_texts)


def _stamp_code(standard: Standard) -> None:
    """Give every statement of ``standard`` its code, rebuilding only what differs."""
    code = standard.code
    elements = standard.elements
    if any(pc.standard_code != code for e in elements for pc in e.performance_criteria):
        elements = tuple(
            evolve(
                e,
                performance_criteria=tuple(
                    evolve(pc, standard_code=code) for pc in e.performance_criteria
                ),
            )
            for e in elements
        )
        object.__setattr__(standard, "elements", elements)
    sections = standard.knowledge
    if any(k.standard_code != code for s in sections for k in s.items):
        sections = tuple(
            evolve(s, items=tuple(evolve(k, standard_code=code) for k in s.items)) for s in sections
        )
        object.__setattr__(standard, "knowledge", sections)


def _valid_assigned(instance: Standard, attribute: Attribute[Any], value: tuple[str, ...]) -> None:
    if any(kind not in ("P", "K") for kind in value) or len(set(value)) != len(value):
        raise FieldValueError(
            attribute.name, f"{list(value)!r} is not a list of P and K, each once"
        )


@frozen
class Standard:
    """A National Occupational Standard.

    ``standard["P3"]`` and ``standard.get("K12")`` look a statement up by id;
    ``criteria`` and ``knowledge_items`` list all of them in document order.
    """

    code: str = field(validator=valid_text)
    language: str = field(
        default="en", kw_only=True, validator=matching(LANGUAGE, "an ISO 639-1 code (en, cy ...)")
    )
    """The language of the texts (ISO 639-1: ``en``, ``cy`` for Welsh)."""
    title: str = field(validator=valid_text)
    overview: str = field(validator=valid_text)
    """The overview; paragraphs are separated by line breaks."""
    elements: tuple[Element, ...] = field(converter=_tuple)
    knowledge: tuple[KnowledgeSection, ...] = field(converter=_tuple)
    scope: Scope = Scope()
    values: Values | None = None
    behaviours: tuple[str, ...] = field(default=(), kw_only=True, validator=valid_texts)
    skills: tuple[str, ...] = field(default=(), kw_only=True, validator=valid_texts)
    glossary: tuple[GlossaryEntry, ...] = field(default=(), kw_only=True)
    links_to_other_nos: tuple[str, ...] = field(default=(), kw_only=True, validator=valid_texts)
    """Links to other standards as published; :attr:`linked_codes` reads their URNs."""
    external_links: tuple[ExternalLink, ...] = field(default=(), kw_only=True)
    additional_information: tuple[InformationSection, ...] = field(default=(), kw_only=True)
    metadata: Metadata | None = None
    replaces: str | None = field(default=None, kw_only=True, validator=valid_text)
    """The URN of the standard this one replaces."""
    replaced_by: str | None = field(default=None, kw_only=True, validator=valid_text)
    """The URN of the standard that replaces this one (a Legacy standard's successor)."""
    assigned_ids: tuple[Literal["P", "K"], ...] = field(
        default=(), kw_only=True, validator=_valid_assigned
    )
    """The kinds of statement (``P``, ``K``) whose ids carenos assigned, in document order,
    because the published document printed none of its own (bullets, plain lines, numbers
    that restart): the ids are ours, not the publisher's."""

    def __attrs_post_init__(self) -> None:
        _stamp_code(self)

    @property
    def linked_codes(self) -> tuple[str, ...]:
        """The URNs that :attr:`links_to_other_nos` name, each once, in order."""
        found = (m.group(0) for link in self.links_to_other_nos for m in URN_IN_TEXT.finditer(link))
        return tuple(dict.fromkeys(found))

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

    def __iter__(self) -> Iterator[Statement]:
        """The statements: criteria, then knowledge items (as :meth:`statements`)."""
        return self.statements()

    def __len__(self) -> int:
        """How many statements (criteria and knowledge items) the standard has."""
        return sum(len(e.performance_criteria) for e in self.elements) + sum(
            len(s.items) for s in self.knowledge
        )

    def __contains__(self, item: object) -> bool:
        """Whether a statement, or its id or ref (``"K12"``, ``"CODE/K12"``), is here."""
        if isinstance(item, str):
            return self.get(item) is not None
        return any(item == s for s in self.statements())

    def group_of(self, ident: str) -> Element | KnowledgeSection | None:
        """The element or knowledge heading that holds the statement ``ident``: its parent."""
        for element in self.elements:
            if ident in element:
                return element
        for section in self.knowledge:
            if ident in section:
                return section
        return None

    def text_of(self, ref: str) -> str | None:
        """The text of any ref ``carenos map`` hands out: a statement (``CODE/K12``), a right
        (``CODE/rights/2``) or a scope statement (``CODE/scope-pc/1``, ``scope-k``,
        ``scope-g``); ``None`` if there is none."""
        statement = self.get(ref)
        if statement is not None:
            return statement.text
        parts = ref.split("/")
        if parts[0] == self.code:
            parts = parts[1:]
        if len(parts) != 2 or not parts[1].isdigit() or int(parts[1]) < 1:
            return None
        number = int(parts[1]) - 1
        lists = {
            "rights": self.values.rights if self.values else (),
            "scope-pc": tuple(s.text for s in self.scope.performance_criteria),
            "scope-k": tuple(s.text for s in self.scope.knowledge),
            "scope-g": tuple(s.text for s in self.scope.general),
        }
        found = lists.get(parts[0], ())
        return found[number] if number < len(found) else None

    def __repr__(self) -> str:
        return (
            f"Standard({self.code!r}, {self.title!r}, {len(self.elements)} elements, "
            f"{len(self)} statements)"
        )


Standards = Standard | Iterable[Standard]
"""What a function that takes standards accepts: several, or one."""


def standards_of(value: Standards) -> Iterable[Standard]:
    """``value`` as standards to go through: a single :class:`Standard` is one of one.

    A standard is itself iterable (over its statements), so the functions that take
    standards call this first, and one standard where several are expected just works.
    """
    return (value,) if isinstance(value, Standard) else value
