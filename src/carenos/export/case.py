"""1EdTech CASE 1.1: the standards as one CFPackage (JSON).

One CFDocument holds the set; each standard, element, knowledge heading, performance
criterion and knowledge item is a CFItem (``CFItemType`` Standard, Element,
KnowledgeHeading, PerformanceCriterion, KnowledgeItem, declared in
``CFDefinitions.CFItemTypes``); ``isChildOf`` associations with ``sequenceNumber``
give the hierarchy and its order. Knowledge items linked to one catalogue entry are
associated with the first of them that matches it exactly (or the first of them if
none does): ``exactMatchOf`` where both match it exactly, ``isRelatedTo`` otherwise.

A standard's CFItem has its code as ``humanCodingScheme``, its title as
``fullStatement`` and its overview as ``notes``; everything else of its dict shape
(language, scope, values, behaviours, skills, glossary, links, additional information,
metadata, replaces/replaced_by: what CASE has no place for) goes into
``extensions.carenos``. An untitled element or knowledge heading is a CFItem named
"Performance criteria" / "Knowledge and understanding" with ``untitled: true`` in its
extension; a statement's ``sub_items`` are in its extension.

Identifiers are UUIDs derived (uuid5, :data:`NAMESPACE`) from the refs: ``CODE`` for
a standard, ``CODE/E1`` for its first element, ``CODE/KH1`` for its first knowledge
heading, ``CODE/P3`` and ``CODE/K12`` for statements (``CODE@cy/...`` for a Welsh
version). Re-exporting gives the same identifiers, and with the same
``lastChangeDateTime`` the same bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import IO, Any

from attrs import frozen

from ..catalogue import Catalogue
from ..convert import to_dict
from ..errors import UsageError
from ..io.json import dump_json
from ..mapping import map_knowledge
from ..model import KnowledgeItem, PerformanceCriterion, Standard
from ._output import ExportOptions

__all__ = [
    "DEFAULT_BASE_URI",
    "DEFAULT_CREATOR",
    "DEFAULT_LAST_CHANGE",
    "DEFAULT_TITLE",
    "EXTENSION",
    "ITEM_TYPES",
    "NAMESPACE",
    "CaseOptions",
    "case_package",
    "identifier",
    "last_change_of",
    "rfc3339",
    "to_case",
    "write_case",
]

NAMESPACE = uuid.UUID("c28ec6ef-a65d-5ad8-b37f-cc07d3c0d257")
"""The uuid5 namespace of carenos CASE identifiers: uuid5(NAMESPACE_URL, "https://carenos.dev/case/")."""

DEFAULT_BASE_URI = "https://carenos.dev/case/"
"""Base of the ``uri`` of every CASE object (``BASE + "CFItems/" + identifier`` ...)."""

DEFAULT_TITLE = "UK National Occupational Standards for health and social care"
"""Title of the CFDocument unless another is given."""

DEFAULT_CREATOR = "carenos"
"""Creator of the CFDocument unless another is given."""

DEFAULT_LAST_CHANGE = "1970-01-01T00:00:00+00:00"
"""``lastChangeDateTime`` when none is given and no standard has an ISO ``date_approved``."""

EXTENSION = "carenos"
"""The key, in ``extensions`` objects, under which carenos keeps what CASE has no place for."""

ITEM_TYPES: dict[str, tuple[str, str]] = {
    "Standard": ("1", "A National Occupational Standard."),
    "Element": ("1.1", "An element of a standard: a titled group of performance criteria."),
    "PerformanceCriterion": ("1.1.1", "A performance criterion: what a worker must be able to do."),
    "KnowledgeHeading": ("1.2", "A heading under which knowledge items are grouped."),
    "KnowledgeItem": ("1.2.1", "A knowledge and understanding statement."),
}
"""The CFItemTypes: title -> (hierarchyCode, description)."""


@frozen
class CaseOptions:
    """What a CASE export can be told: document title and creator, URI base, change time.

    ``last_change`` is an ISO date or date-time (a time without offset is UTC); ``None``
    takes it from the data (:func:`last_change_of`).
    """

    title: str = DEFAULT_TITLE
    creator: str = DEFAULT_CREATOR
    base_uri: str = DEFAULT_BASE_URI
    last_change: str | None = None


def identifier(key: str) -> str:
    """The UUID (as text) of the CASE object with ``key``, e.g. ``"SCDHSC0393/K12"``."""
    return str(uuid.uuid5(NAMESPACE, key))


def rfc3339(text: str) -> str:
    """An ISO date or date-time as an RFC 3339 date-time; :class:`UsageError` if it is not one."""
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not an ISO date or date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def last_change_of(standards: Iterable[Standard]) -> str:
    """The latest ISO ``metadata.date_approved`` of the standards, else the default."""
    dates = []
    for standard in standards:
        approved = standard.metadata.date_approved if standard.metadata else None
        if approved is not None:
            try:
                dates.append(date.fromisoformat(approved))
            except ValueError:
                continue
    return rfc3339(max(dates).isoformat()) if dates else DEFAULT_LAST_CHANGE


_IN_ITEMS = frozenset({"code", "title", "overview", "elements", "knowledge"})
"""Keys of the dict shape that the CFItems hold; every other one goes into the extension."""


def _titled(title: str | None, label: str) -> tuple[str, dict[str, Any]]:
    """A group's ``fullStatement``: its title, or ``label`` marked untitled in the extension."""
    if title is not None:
        return title, {}
    return label, {"extensions": {EXTENSION: {"untitled": True}}}


def _sub_items(statement: PerformanceCriterion | KnowledgeItem) -> dict[str, Any]:
    if not statement.sub_items:
        return {}
    return {"extensions": {EXTENSION: {"sub_items": list(statement.sub_items)}}}


class _Package:
    """Builds the CFItems and CFAssociations of a package, in document order."""

    def __init__(self, options: CaseOptions, stamp: str, document_key: str) -> None:
        self.base = options.base_uri
        self.stamp = stamp
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []
        self.document = self.link("CFDocuments", document_key, options.title)
        self.nodes: dict[str, dict[str, Any]] = {}

    def link(self, collection: str, key: str, title: str) -> dict[str, Any]:
        ident = identifier(key)
        return {"title": title, "identifier": ident, "uri": f"{self.base}{collection}/{ident}"}

    def item_type(self, name: str) -> dict[str, Any]:
        return self.link("CFItemTypes", f"CFItemType {name}", name)

    def item(
        self,
        key: str,
        kind: str,
        coding: str,
        statement: str,
        parent: dict[str, Any],
        sequence: int,
        **more: Any,
    ) -> dict[str, Any]:
        node = self.link("CFItems", key, coding)
        self.nodes[key] = node
        self.items.append(
            {
                "identifier": node["identifier"],
                "uri": node["uri"],
                "CFItemType": kind,
                "CFItemTypeURI": self.item_type(kind),
                "humanCodingScheme": coding,
                "fullStatement": statement,
                **more,
                "lastChangeDateTime": self.stamp,
            }
        )
        self.associate("isChildOf", key, node, parent, sequence)
        return node

    def associate(
        self,
        kind: str,
        key: str,
        origin: dict[str, Any],
        destination: dict[str, Any],
        sequence: int | None = None,
        **more: Any,
    ) -> None:
        link = self.link("CFAssociations", f"{kind} {key} {destination['identifier']}", kind)
        association: dict[str, Any] = {
            "identifier": link["identifier"],
            "uri": link["uri"],
            "associationType": kind,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        association.update(
            originNodeURI=origin, destinationNodeURI=destination, lastChangeDateTime=self.stamp
        )
        association.update(more)
        self.associations.append(association)

    def standard(self, standard: Standard, sequence: int) -> None:
        code = standard.code
        data = to_dict(standard)
        extra = {key: value for key, value in data.items() if key not in _IN_ITEMS}
        more: dict[str, Any] = {"notes": standard.overview}
        if standard.metadata is not None and standard.metadata.keywords:
            more["conceptKeywords"] = list(standard.metadata.keywords)
        if extra:
            more["extensions"] = {EXTENSION: extra}
        # a translation's items are other items than the English ones: keys of their own
        base = code if standard.language == "en" else f"{code}@{standard.language}"
        root = self.item(base, "Standard", code, standard.title, self.document, sequence, **more)
        position = 0
        for number, element in enumerate(standard.elements, start=1):
            position += 1
            key = f"{base}/E{number}"
            title, untitled = _titled(element.title, "Performance criteria")
            coding = f"{code}.E{number}"
            node = self.item(key, "Element", coding, title, root, position, **untitled)
            for index, pc in enumerate(element.performance_criteria, start=1):
                coding = f"{code}.{pc.id}"
                subs = _sub_items(pc)
                key = f"{base}/{pc.id}"
                self.item(key, "PerformanceCriterion", coding, pc.text, node, index, **subs)
        for number, section in enumerate(standard.knowledge, start=1):
            position += 1
            key = f"{base}/KH{number}"
            coding = f"{code}.KH{number}"
            heading, untitled = _titled(section.heading, "Knowledge and understanding")
            node = self.item(key, "KnowledgeHeading", coding, heading, root, position, **untitled)
            for index, k in enumerate(section.items, start=1):
                subs = _sub_items(k)
                coding = f"{code}.{k.id}"
                self.item(f"{base}/{k.id}", "KnowledgeItem", coding, k.text, node, index, **subs)

    def matches(self, standards: list[Standard], catalogue: Catalogue | None) -> None:
        # shared statements are catalogued in English: translations are not matched (the
        # map holds one language, English by default)
        kmap = map_knowledge(standards, catalogue)
        for group in kmap.groups:
            if group.proposed:
                continue
            links = [link for link in group.links if link.ref in self.nodes]
            exact = [link for link in links if link.match == "exact"]
            anchor = exact[0] if exact else (links[0] if links else None)
            for link in links:
                if anchor is None or link is anchor:
                    continue
                both_exact = link.match == "exact" and anchor.match == "exact"
                self.associate(
                    "exactMatchOf" if both_exact else "isRelatedTo",
                    link.ref,
                    self.nodes[link.ref],
                    self.nodes[anchor.ref],
                    extensions={EXTENSION: {"shared_id": group.entry.id}},
                )


def case_package(
    standards: Iterable[Standard],
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> dict[str, Any]:
    """The CFPackage of the standards as a dict (see the module's description).

    Args:
        standards: the standards, one CFDocument for all of them.
        options: title, creator, URI base and change time (default: :class:`CaseOptions`).
        catalogue: gives the matches between knowledge items (default: the bundled one).
    """
    options = CaseOptions() if options is None else options
    standards = list(standards)
    if options.last_change is None:
        stamp = last_change_of(standards)
    else:
        stamp = rfc3339(options.last_change)
    codes = [standard.code for standard in standards]
    package = _Package(options, stamp, "CFDocument " + "\n".join(codes))
    for sequence, standard in enumerate(standards, start=1):
        package.standard(standard, sequence)
    package.matches(standards, catalogue)
    document = package.document
    return {
        "CFDocument": {
            "identifier": document["identifier"],
            "uri": document["uri"],
            "creator": options.creator,
            "title": options.title,
            "lastChangeDateTime": stamp,
            "caseVersion": "1.1",
            "language": "en",
        },
        "CFItems": package.items,
        "CFAssociations": package.associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    **{k: v for k, v in package.item_type(name).items() if k != "title"},
                    "title": name,
                    "description": description,
                    "hierarchyCode": hierarchy,
                    "typeCode": name,
                    "lastChangeDateTime": stamp,
                }
                for name, (hierarchy, description) in ITEM_TYPES.items()
            ]
        },
    }


def to_case(
    standards: Iterable[Standard],
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> str:
    """The CFPackage of the standards as indented JSON text (see :func:`case_package`)."""
    return dump_json(case_package(standards, options, catalogue=catalogue))


def write_case(
    standards: Iterable[Standard], handle: IO[str], options: ExportOptions | None = None
) -> None:
    """Write :func:`to_case` of the standards, with the catalogue and CASE options given."""
    options = options or ExportOptions()
    handle.write(to_case(standards, options.case, catalogue=options.catalogue))
