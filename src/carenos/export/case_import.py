"""Standards from a CASE CFPackage: carenos's own, or any schema-valid package, best effort.

The hierarchy is read from the ``isChildOf`` associations, ordered by ``sequenceNumber``
where given (else in the package's order); each item's kind from its ``CFItemType``
(the title or ``typeCode`` of :data:`~carenos.export.case.ITEM_TYPES`). What carenos
kept in ``extensions.carenos`` is read first; where it is missing (a package that went
through a CASE server, which drops extensions) scope/range, values and behaviours come
from their own items and statement ids from ``humanCodingScheme`` (``CODE/P3``, or the
older ``CODE.P3``), else from their order. A package of another publisher is read as well
as it can be: each top-level item a standard, items with children elements, the others
criteria. Everything left out or guessed is a note of :class:`CaseImport`; an item that
is under nothing (no ``isChildOf``) is attached to its standard by its code where it has
one, and noted otherwise, never dropped in silence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NoReturn

from attrs import frozen

from ..convert import from_dict
from ..errors import ContentError
from ..io.json import parse_json
from ..model import Standard
from .case.items import EXTENSION, ITEM_TYPES

__all__ = ["CaseImport", "from_case", "read_case"]

_KIND = {title: code for title, (_h, code, _d) in ITEM_TYPES.items()}
_GROUPS = {"Element": "P", "KnowledgeHeading": "K"}
_STATEMENTS = {"PerformanceCriterion": "P", "KnowledgeItem": "K"}
_SCOPE = {
    "ScopePerformance": "performance_criteria",
    "ScopeKnowledge": "knowledge",
    "Scope": "general",
}


@frozen
class CaseImport:
    """What :func:`read_case` read: the standards, and a note for each thing left out or
    guessed (one line each, naming the item)."""

    standards: tuple[Standard, ...]
    notes: tuple[str, ...]


def _short(text: object) -> str:
    value = str(text)
    return value if len(value) <= 50 else value[:47] + "..."


class _Reader:
    def __init__(self, package: Any, source: str) -> None:
        self.source = source
        self.notes: list[str] = []
        if not isinstance(package, dict):
            self.fail("a CFPackage is a JSON object")
        document = package.get("CFDocument")
        if not isinstance(document, dict) or not isinstance(document.get("identifier"), str):
            self.fail("the package has no CFDocument with an identifier")
        self.document: str = document["identifier"]
        creator = document.get("creator")
        self.creator = creator if isinstance(creator, str) and creator != "not stated" else None
        self.items: dict[str, dict[str, Any]] = {}
        for item in self.listed(package, "CFItems"):
            if isinstance(item, dict) and isinstance(item.get("identifier"), str):
                self.items[item["identifier"]] = item
            else:
                self.notes.append(f"a CFItem without an identifier is left out: {_short(item)}")
        self.children: defaultdict[str, list[tuple[float, int, str]]] = defaultdict(list)
        unnumbered = 0
        for order, association in enumerate(self.listed(package, "CFAssociations")):
            if (
                not isinstance(association, dict)
                or association.get("associationType") != "isChildOf"
            ):
                continue
            origin = self.end(association, "originNodeURI")
            parent = self.end(association, "destinationNodeURI")
            if origin is None or parent is None:
                self.notes.append(
                    "an isChildOf association without its ends is left out: "
                    f"{association.get('identifier')}"
                )
                continue
            sequence = association.get("sequenceNumber")
            if not isinstance(sequence, int) or isinstance(sequence, bool):
                unnumbered += 1
                sequence = None
            self.children[parent].append(
                (float("inf") if sequence is None else sequence, order, origin)
            )
        if unnumbered:
            self.notes.append(
                f"{unnumbered} isChildOf associations have no sequenceNumber: "
                "the package's order is used"
            )
        self.reached: set[str] = set()

    def fail(self, message: str) -> NoReturn:
        raise ContentError(f"not a CASE package: {message}", source=self.source)

    def listed(self, package: dict[str, Any], key: str) -> list[Any]:
        value = package.get(key, [])
        if not isinstance(value, list):
            self.fail(f"{key} is not a list")
        return value

    @staticmethod
    def end(association: dict[str, Any], key: str) -> str | None:
        node = association.get(key)
        ident = node.get("identifier") if isinstance(node, dict) else None
        return ident if isinstance(ident, str) else None

    def kind(self, item: dict[str, Any]) -> str:
        name = item.get("CFItemType")
        return _KIND.get(name, name) if isinstance(name, str) else ""

    def under(self, parent: str) -> list[dict[str, Any]]:
        found = []
        for _sequence, _order, ident in sorted(self.children.get(parent, [])):
            item = self.items.get(ident)
            if item is None:
                self.notes.append(
                    f"isChildOf names the CFItem {ident}, which is not in the package"
                )
                continue
            self.reached.add(ident)
            found.append(item)
        return found

    @staticmethod
    def text(item: dict[str, Any], key: str = "fullStatement") -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) and value else None

    @staticmethod
    def ours(item: dict[str, Any]) -> dict[str, Any]:
        extensions = item.get("extensions")
        found = extensions.get(EXTENSION) if isinstance(extensions, dict) else None
        return found if isinstance(found, dict) else {}

    def local_id(
        self, code: str, item: dict[str, Any], prefix: str, number: int
    ) -> tuple[str, bool]:
        """The statement's id, and whether it was given (not assigned from its order)."""
        given = self.ours(item).get("id")
        if isinstance(given, str):
            return given, False
        coding = self.text(item, "humanCodingScheme") or ""
        for separator in ("/", "."):
            if coding.startswith(code + separator) and coding[len(code) + 1 :].startswith(prefix):
                return coding[len(code) + 1 :], True
        return f"{prefix}{number}", False

    def standard(self, item: dict[str, Any], foreign: bool) -> dict[str, Any]:
        ident = item["identifier"]
        code = self.text(item, "humanCodingScheme") or f"CASE{ident.replace('-', '')[:8].upper()}"
        title = self.text(item) or code
        if foreign:
            self.notes.append(
                f"CFItem {ident} ({item.get('CFItemType')!r}, {_short(title)!r}) "
                f"is read as the standard {code}"
            )
        overview = self.text(item, "notes") or self.text(item, "description")
        if overview is None:
            self.notes.append(
                f"{code}: no overview (notes) in the package: the title stands for it"
            )
        data: dict[str, Any] = {
            "code": code,
            "title": title,
            "overview": overview or title,
            "elements": [],
            "knowledge": [],
        }
        found: dict[str, Any] = {"scope": defaultdict(list), "values": [], "behaviours": []}
        numbers = {"P": 0, "K": 0}
        printed: set[str] = set()
        for child in self.under(ident):
            kind = self.kind(child)
            if kind in _GROUPS or foreign:
                prefix = _GROUPS.get(kind, "P")
                members = self.under(child["identifier"]) or ([child] if foreign else [])
                statements = []
                for member in members:
                    numbers[prefix] += 1
                    sid, was_printed = self.local_id(code, member, prefix, numbers[prefix])
                    if was_printed:
                        printed.add(prefix)
                    entry: dict[str, Any] = {"id": sid, "text": self.text(member) or ""}
                    subs = self.ours(member).get("sub_items")
                    if subs:
                        entry["sub_items"] = subs
                    statements.append(entry)
                    self.deeper(member, code)
                group: dict[str, Any] = {}
                titled = not self.ours(child).get("untitled") and members != [child]
                if titled and self.text(child):
                    group["title" if prefix == "P" else "heading"] = self.text(child)
                if prefix == "P":
                    data["elements"].append({**group, "performance_criteria": statements})
                else:
                    data["knowledge"].append({**group, "items": statements})
            elif kind in _SCOPE:
                entry = {"text": self.text(child) or ""}
                if self.text(child, "alternativeLabel"):
                    entry["term"] = self.text(child, "alternativeLabel")
                found["scope"][_SCOPE[kind]].append(entry)
            elif kind == "Values":
                rights = [self.text(r) or "" for r in self.under(child["identifier"])]
                found["values"] = {"text": self.text(child) or "", "rights": rights}
            elif kind == "Value" and isinstance(found["values"], list):
                found["values"].append(self.text(child) or "")
            elif kind == "Behaviour":
                found["behaviours"].append(self.text(child) or "")
            else:
                self.notes.append(
                    f"{code}: CFItem {child['identifier']} of type "
                    f"{child.get('CFItemType')!r} is left out"
                )
        ours = self.ours(item)
        if not ours:
            if found["scope"]:
                data["scope"] = dict(found["scope"])
            if found["values"]:
                data["values"] = found["values"]
            if found["behaviours"]:
                data["behaviours"] = found["behaviours"]
            assigned = [p for p in ("P", "K") if numbers[p] and p not in printed]
            if assigned:
                data["assigned_ids"] = assigned
            metadata = self.metadata(item)
            if metadata:
                data["metadata"] = metadata
        data.update({k: v for k, v in ours.items() if k not in data})
        return data

    def metadata(self, item: dict[str, Any]) -> dict[str, Any]:
        """What CASE fields say of a standard whose carenos extension is gone."""
        found: dict[str, Any] = {}
        creator = self.creator
        if creator:
            found["developed_by"] = creator
        keywords = item.get("conceptKeywords")
        if isinstance(keywords, list) and all(isinstance(k, str) for k in keywords) and keywords:
            found["keywords"] = keywords
        start = self.text(item, "statusStartDate")
        if start:
            found["date_approved"] = start
        if self.text(item, "statusEndDate"):
            found["validity"] = "Legacy"
        return found

    def deeper(self, item: dict[str, Any], code: str) -> None:
        below = self.under(item["identifier"])
        if below:
            self.notes.append(
                f"{code}: {len(below)} items below {item['identifier']} are left out "
                "(a statement holds no items)"
            )

    def orphans(self, standards: list[dict[str, Any]]) -> None:
        """Attach each statement under nothing to its standard by its code, or note it."""
        by_code = {data["code"]: data for data in standards}
        for ident, item in self.items.items():
            if ident in self.reached:
                continue
            coding = self.text(item, "humanCodingScheme") or ""
            code, _, local = coding.rpartition("/")
            if code not in by_code:
                code, _, local = coding.rpartition(".")
            data = by_code.get(code)
            kind = _STATEMENTS.get(self.kind(item))
            if data is not None and kind is not None and local[:1] == kind:
                groups = data["elements"] if kind == "P" else data["knowledge"]
                if not groups:
                    groups.append({"performance_criteria": []} if kind == "P" else {"items": []})
                members = groups[-1]["performance_criteria" if kind == "P" else "items"]
                members.append({"id": local, "text": self.text(item) or ""})
                self.notes.append(
                    f"{code}: CFItem {ident} ({local}) has no isChildOf: added at the end of its "
                    + ("element" if kind == "P" else "knowledge")
                )
            else:
                self.notes.append(
                    f"CFItem {ident} ({_short(self.text(item) or coding)!r}) is under nothing "
                    "(no isChildOf) and is left out"
                )


def read_case(package: dict[str, Any] | str, *, source: str = "<string>") -> CaseImport:
    """The standards of a CFPackage (a dict, or its JSON text), in its order, and notes.

    Raises :class:`~carenos.errors.ContentError` where it is no CFPackage, holds no
    standard, or what it holds makes no valid standard.
    """
    data = parse_json(package, source) if isinstance(package, str) else package
    reader = _Reader(data, source)
    top = reader.under(reader.document)
    ours = [item for item in top if reader.kind(item) == "Standard"]
    dicts = [reader.standard(item, foreign=not ours) for item in (ours or top)]
    reader.orphans(dicts)
    if not dicts:
        raise ContentError("the CASE package holds no standard", source=source)
    standards = tuple(from_dict(d, source=f"{source} ({d['code']})") for d in dicts)
    return CaseImport(standards, tuple(reader.notes))


def from_case(package: dict[str, Any] | str, *, source: str = "<string>") -> list[Standard]:
    """The standards of a CFPackage (see :func:`read_case`, whose notes this leaves out)."""
    return list(read_case(package, source=source).standards)
