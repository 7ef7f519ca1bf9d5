"""The CFItems and CFAssociations of one CFDocument, built standard by standard.

Each standard is a CFItem (``humanCodingScheme`` its code, ``fullStatement`` its title,
``notes`` its overview) with, under it by ``isChildOf`` in order: its elements and
knowledge headings (with their criteria and knowledge items), its scope/range statements,
its values and its behaviours, each a CFItem of its own type (:data:`ITEM_TYPES`). A
statement's ``humanCodingScheme`` is its ref (``CODE/P3``) where the publisher printed the
id; carenos invents no codes (elements, headings and assigned ids have none). What CASE has
no place for stays in ``extensions.carenos``, for the lossless round trip.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from typing import Any, Protocol
from urllib.parse import quote

from ...convert import to_dict
from ...model import KnowledgeItem, PerformanceCriterion, ScopeStatement, Standard
from ..yaml import file_name
from .identity import Keys, identifier
from .options import full_date, short_title

__all__ = ["EXTENSION", "ITEM_TYPES", "Builder", "Collector", "Links", "statement_keys"]

EXTENSION = "carenos"
"""The key, in ``extensions`` objects, under which carenos keeps what CASE has no place for."""

ITEM_TYPES: dict[str, tuple[str, str, str]] = {
    "Standard": ("1", "Standard", "A National Occupational Standard."),
    "Element": ("1.1", "Element", "An element of a standard: a group of performance criteria."),
    "Performance criterion": (
        "1.1.1",
        "PerformanceCriterion",
        "What a worker must be able to do.",
    ),
    "Knowledge heading": ("1.2", "KnowledgeHeading", "A heading of knowledge statements."),
    "Knowledge and understanding": (
        "1.2.1",
        "KnowledgeItem",
        "What a worker needs to know and understand.",
    ),
    "Scope/range related to performance criteria": (
        "1.3",
        "ScopePerformance",
        "A scope/range statement of the performance criteria.",
    ),
    "Scope/range related to knowledge and understanding": (
        "1.4",
        "ScopeKnowledge",
        "A scope/range statement of the knowledge and understanding.",
    ),
    "Scope/range": ("1.5", "Scope", "A scope/range statement of the whole standard."),
    "Values": ("1.6", "Values", "The values a worker's practice follows."),
    "Value": ("1.6.1", "Value", "One value, or one right the values list."),
    "Behaviour": ("1.7", "Behaviour", "A behaviour the standard expects."),
}
"""The CFItemTypes: title -> (hierarchyCode, typeCode, description)."""

_SCOPE_TYPES = {
    "performance_criteria": "Scope/range related to performance criteria",
    "knowledge": "Scope/range related to knowledge and understanding",
    "general": "Scope/range",
}
_UNTITLED = {"Element": "Performance criteria", "Knowledge heading": "Knowledge and understanding"}
"""The ``fullStatement`` of an untitled element or heading (``untitled`` in its extension)."""
_IN_ITEMS = frozenset({"code", "title", "overview", "elements", "knowledge"})
"""Keys of the dict shape the CFItems hold; the rest is kept in the standard's extension."""


def statement_keys(framework: str, standard: Standard) -> dict[str, str]:
    """The key of each statement of ``standard`` (by ref), as :class:`Builder` keys them."""
    keys = Keys(framework, standard)
    return {s.ref: keys.of(s.id[0], s.text) for s in standard.statements()}


def _ours(**values: Any) -> dict[str, Any]:
    found = {key: value for key, value in values.items() if value}
    return {"extensions": {EXTENSION: found}} if found else {}


class Links(Mapping[str, dict[str, Any]]):
    """The links (title, identifier, uri) of items by key, kept as their identifiers: a
    suite has millions of them, each uri is the base's with the identifier, and a coded
    statement's title is its key (its ref); other titles are kept aside."""

    def __init__(self, base: str) -> None:
        self._base = base
        self._kept: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def __setitem__(self, key: str, link: dict[str, Any]) -> None:
        if link["uri"] != self._base + link["identifier"]:  # pragma: no cover - by construction
            raise ValueError(f"not a link of {self._base}: {link['uri']}")
        self._kept[key] = link["identifier"]
        if link["title"] != key:
            self._titles[key] = link["title"]
        else:
            self._titles.pop(key, None)

    def __getitem__(self, key: str) -> dict[str, Any]:
        ident = self._kept[key]
        return {"title": self._titles.get(key, key), "identifier": ident, "uri": self._base + ident}

    def clear(self) -> None:
        """Forget every link."""
        self._kept.clear()
        self._titles.clear()

    def __iter__(self) -> Iterator[str]:
        return iter(self._kept)

    def __len__(self) -> int:
        return len(self._kept)


class Collector(Protocol):
    """What the builder appends its CFItems and CFAssociations to (a list, or a spool)."""

    def append(self, value: dict[str, Any], /) -> None:
        """Take one more object."""


class Builder:
    """Builds the CFItems and CFAssociations of a package, in document order."""

    def __init__(
        self,
        base: str,
        framework: str,
        document: dict[str, Any],
        items: Collector | None = None,
        associations: Collector | None = None,
    ) -> None:
        self.base = base
        self.framework = framework
        self.document = document
        self.items: Collector = [] if items is None else items
        """Where the CFItems go: a list, or a spool that writes each as it comes."""
        self.associations: Collector = [] if associations is None else associations
        self.site: str | None = None
        """Where ``carenos site`` of the standards is (each standard's page an exemplar)."""
        self.nodes = Links(f"{base}ims/case/v1p1/CFItems/")
        """By code and ref, the links of the standards and statements."""
        self.keep: Container[str] | None = None
        """The refs of the statements whose links :attr:`nodes` keeps (``None``: all)."""
        self.types_used: dict[str, dict[str, Any]] = {}
        """The CFItemTypes used, each with its link (made once: every item has one)."""
        self.stamp = ""
        self._dates: dict[str, str] = {}

    def fresh(self, items: Collector, associations: Collector) -> Builder:
        """A builder of the same document for other standards, into other collectors."""
        builder = Builder(self.base, self.framework, self.document, items, associations)
        builder.site = self.site
        return builder

    def link(self, collection: str, ident: str, title: str) -> dict[str, Any]:
        """A LinkURI to the object ``ident`` of ``collection`` (``CFItems`` ...)."""
        uri = f"{self.base}ims/case/v1p1/{collection}/{ident}"
        return {"title": short_title(title), "identifier": ident, "uri": uri}

    def item_type(self, name: str) -> dict[str, Any]:
        """The link to the CFItemType ``name`` (one object for every item of the type)."""
        link = self.types_used.get(name)
        if link is None:
            link = self.link("CFItemTypes", identifier(f"CFItemType {name}"), name)
            self.types_used[name] = link
        return link

    def item(
        self,
        key: str,
        kind: str,
        statement: str,
        parent: dict[str, Any],
        sequence: int,
        **more: Any,
    ) -> dict[str, Any]:
        """Add a CFItem under ``parent`` and return its link."""
        coding = more.get("humanCodingScheme")
        node = self.link("CFItems", identifier(key), coding or statement)
        self.items.append(
            {
                "identifier": node["identifier"],
                "uri": node["uri"],
                "CFItemType": kind,
                "CFItemTypeURI": {**self.item_type(kind)},  # each item's own
                "fullStatement": statement,
                **more,
                **self._dates,
                "lastChangeDateTime": self.stamp,
            }
        )
        self.associate("isChildOf", node, parent, sequence)
        return node

    def associate(
        self,
        kind: str,
        origin: dict[str, Any],
        destination: dict[str, Any],
        sequence: int | None = None,
        **more: Any,
    ) -> None:
        """Add a CFAssociation ``kind`` from ``origin`` to ``destination``."""
        # an item has one parent: its isChildOf keeps its identifier when the item moves
        ends = (
            origin["identifier"]
            if kind == "isChildOf"
            else f"{origin['identifier']} {destination['identifier']}"
        )
        ident = identifier(f"{kind} {ends}")
        uri = f"{self.base}ims/case/v1p1/CFAssociations/{ident}"
        association: dict[str, Any]
        if sequence is None:
            association = {"identifier": ident, "uri": uri, "associationType": kind}
        else:
            association = {
                "identifier": ident,
                "uri": uri,
                "associationType": kind,
                "sequenceNumber": sequence,
            }
        association["originNodeURI"] = origin
        association["destinationNodeURI"] = destination
        association["lastChangeDateTime"] = self.stamp
        if more:
            association.update(more)
        self.associations.append(association)

    def standard(self, standard: Standard, sequence: int, stamp: str, end: str | None) -> None:
        """Add ``standard`` and everything under it (see the module's description)."""
        self.stamp = stamp
        metadata = standard.metadata
        start = full_date(metadata.date_approved) if metadata else None
        self._dates = {"statusStartDate": start} if start else {}
        if end is not None:
            self._dates["statusEndDate"] = end
        keys = Keys(self.framework, standard)
        extra = {k: v for k, v in to_dict(standard).items() if k not in _IN_ITEMS}
        more: dict[str, Any] = {"humanCodingScheme": standard.code, "notes": standard.overview}
        more["language"] = standard.language
        if metadata is not None and metadata.keywords:
            more["conceptKeywords"] = list(metadata.keywords)
        if extra:  # as the dict shape has it, empty lists included
            more["extensions"] = {EXTENSION: extra}
        root = self.item(
            keys.standard(), "Standard", standard.title, self.document, sequence, **more
        )
        self.nodes[standard.code] = root
        if self.site is not None:
            stem = file_name(standard.code, standard.language).removesuffix(".yaml")
            page = f"{self.site}standards/{quote(stem)}.html"
            target = {"title": short_title(standard.title), "identifier": identifier(page)}
            target["uri"] = page
            self.associate("exemplar", root, target)
        groups: list[tuple[str | None, tuple[PerformanceCriterion | KnowledgeItem, ...], str]]
        groups = [(e.title, e.performance_criteria, "Element") for e in standard.elements]
        groups += [(k.heading, k.items, "Knowledge heading") for k in standard.knowledge]
        numbers = {"Element": 0, "Knowledge heading": 0}
        for position, (title, members, kind) in enumerate(groups, start=1):
            numbers[kind] += 1
            key = keys.of(
                "element" if kind == "Element" else "heading", title or f"#{numbers[kind]}"
            )
            label = _UNTITLED[kind]
            more = _ours(untitled=title is None)
            node = self.item(key, kind, title or label, root, position, **more)
            for index, statement in enumerate(members, start=1):
                self.statement(standard, keys, statement, node, index)
        position = len(groups)
        position = self.scope(standard, keys, root, position)
        self.values(standard, keys, root, position)

    def statement(
        self,
        standard: Standard,
        keys: Keys,
        statement: PerformanceCriterion | KnowledgeItem,
        parent: dict[str, Any],
        index: int,
    ) -> None:
        """Add a criterion or knowledge item, coded by its ref where its id was printed."""
        prefix = statement.id[0]
        kind = "Performance criterion" if prefix == "P" else "Knowledge and understanding"
        ref = statement.ref
        if prefix in standard.assigned_ids:  # an id carenos gave: no code, kept aside
            more: dict[str, Any] = _ours(sub_items=list(statement.sub_items), id=statement.id)
        elif statement.sub_items:
            more = {"humanCodingScheme": ref, **_ours(sub_items=list(statement.sub_items))}
        else:
            more = {"humanCodingScheme": ref}
        node = self.item(
            keys.of(prefix, statement.text), kind, statement.text, parent, index, **more
        )
        if self.keep is None or ref in self.keep:
            self.nodes[ref] = node

    def scope(self, standard: Standard, keys: Keys, root: dict[str, Any], position: int) -> int:
        """Add the scope/range statements, each of the type of its part; the last position."""
        for part, kind in _SCOPE_TYPES.items():
            statements: tuple[ScopeStatement, ...] = getattr(standard.scope, part)
            for statement in statements:
                position += 1
                more = {"alternativeLabel": statement.term} if statement.term else {}
                key = keys.of(f"scope {part}", f"{statement.term}\n{statement.text}")
                self.item(key, kind, statement.text, root, position, **more)
        return position

    def values(self, standard: Standard, keys: Keys, root: dict[str, Any], position: int) -> None:
        """Add the values (a text and its rights, or a list) and the behaviours."""
        values = standard.values
        if values is not None and values.text is not None:
            position += 1
            node = self.item(keys.of("values", values.text), "Values", values.text, root, position)
            for index, right in enumerate(values.rights, start=1):
                self.item(keys.of("right", right), "Value", right, node, index)
        for text in values.statements if values is not None else ():
            position += 1
            self.item(keys.of("value", text), "Value", text, root, position)
        for text in standard.behaviours:
            position += 1
            self.item(keys.of("behaviour", text), "Behaviour", text, root, position)
