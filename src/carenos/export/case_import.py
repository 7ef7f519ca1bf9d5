"""Standards back from a CFPackage written by :func:`carenos.export.to_case`.

The hierarchy is read from the ``isChildOf`` associations (ordered by
``sequenceNumber``) and the ``CFItemType`` of each item; statement ids from
``humanCodingScheme`` (``CODE.K12``); scope, values and metadata from
``extensions.carenos`` (other extensions are ignored). Match associations are
derived data and are not read.
The standards are rebuilt through the one dict shape (:func:`carenos.from_dict`), so
what does not make a valid standard is a :class:`~carenos.errors.ContentError`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NoReturn

from ..convert import from_dict
from ..errors import ContentError
from ..io.json import parse_json
from ..model import Standard
from .case import EXTENSION

__all__ = ["from_case"]


class _Reader:
    def __init__(self, package: Any, source: str) -> None:
        self.source = source
        if not isinstance(package, dict):
            self.fail("a CFPackage is a JSON object")
        self.document = self.field(package, "CFDocument", dict, "the package")
        self.items: dict[str, dict[str, Any]] = {}
        for item in self.field(package, "CFItems", list, "the package", []):
            if not isinstance(item, dict):
                self.fail("CFItems holds something that is not an object")
            self.items[self.field(item, "identifier", str, "a CFItem")] = item
        self.children: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
        for association in self.field(package, "CFAssociations", list, "the package", []):
            if not isinstance(association, dict):
                self.fail("CFAssociations holds something that is not an object")
            if association.get("associationType") != "isChildOf":
                continue
            where = f"association {association.get('identifier')}"
            origin = self.field(association, "originNodeURI", dict, where)
            destination = self.field(association, "destinationNodeURI", dict, where)
            sequence = self.field(association, "sequenceNumber", int, where)
            self.children[self.field(destination, "identifier", str, where)].append(
                (sequence, self.field(origin, "identifier", str, where))
            )

    def fail(self, message: str) -> NoReturn:
        raise ContentError(f"not a carenos CASE package: {message}", source=self.source)

    def field(self, obj: dict[str, Any], key: str, kind: type, where: str, *default: Any) -> Any:
        if key not in obj:
            if default:
                return default[0]
            self.fail(f"{where} has no {key}")
        value = obj[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.fail(f"{key} of {where} is not a{'n' if kind is int else ''} {kind.__name__}")
        return value

    def children_of(self, parent: str, *kinds: str) -> list[dict[str, Any]]:
        found = []
        for _, ident in sorted(self.children.get(parent, [])):
            item = self.items.get(ident)
            if item is None:
                self.fail(f"isChildOf names the CFItem {ident}, which is not in the package")
            kind = item.get("CFItemType")
            if kind not in kinds:
                self.fail(f"CFItem {ident} is a {kind!r} under a parent that holds {kinds}")
            found.append(item)
        return found

    def text(self, item: dict[str, Any], key: str = "fullStatement") -> str:
        value: str = self.field(item, key, str, f"CFItem {item['identifier']}")
        return value

    def local_id(self, code: str, item: dict[str, Any]) -> str:
        coding = self.text(item, "humanCodingScheme")
        if not coding.startswith(code + "."):
            self.fail(f"humanCodingScheme {coding!r} does not start with {code}.")
        return coding[len(code) + 1 :]

    def standard(self, item: dict[str, Any]) -> Standard:
        code = self.text(item, "humanCodingScheme")
        data: dict[str, Any] = {
            "code": code,
            "title": self.text(item),
            "overview": self.text(item, "notes"),
            "elements": [],
            "knowledge": [],
        }
        for child in self.children_of(item["identifier"], "Element", "KnowledgeHeading"):
            statements = []
            for statement in self.children_of(
                child["identifier"], "PerformanceCriterion", "KnowledgeItem"
            ):
                found = {"id": self.local_id(code, statement), "text": self.text(statement)}
                subs = self.ours(statement).get("sub_items")
                statements.append({**found, "sub_items": subs} if subs is not None else found)
            group: dict[str, Any] = {}
            if not self.ours(child).get("untitled"):
                group["title" if child["CFItemType"] == "Element" else "heading"] = self.text(child)
            if child["CFItemType"] == "Element":
                data["elements"].append({**group, "performance_criteria": statements})
            else:
                data["knowledge"].append({**group, "items": statements})
        data.update({k: v for k, v in self.ours(item).items() if k not in data})
        return from_dict(data, source=f"{self.source} ({code})")

    def ours(self, item: dict[str, Any]) -> dict[str, Any]:
        """What carenos keeps in the item's ``extensions`` (empty if nothing)."""
        where = f"CFItem {item['identifier']}"
        extensions = self.field(item, "extensions", dict, where, {})
        found: dict[str, Any] = self.field(
            extensions, EXTENSION, dict, f"extensions of {where}", {}
        )
        return found


def from_case(package: dict[str, Any] | str, *, source: str = "<string>") -> list[Standard]:
    """The standards of a CFPackage (a dict, or its JSON text), in the package's order."""
    data = parse_json(package, source) if isinstance(package, str) else package
    reader = _Reader(data, source)
    document = reader.field(reader.document, "identifier", str, "the CFDocument")
    return [reader.standard(item) for item in reader.children_of(document, "Standard")]
