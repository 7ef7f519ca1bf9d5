"""The mechanical fixes of ``--fix``: what a finding says to do, done, and said.

- whitespace (CN301): leading, trailing and double spaces, tabs and line breaks in a text
  (the overview keeps one line break between paragraphs);
- characters (CN005, CN304): control and bidirectional characters and zero-width ones
  deleted, non-breaking and other special spaces made plain spaces;
- ids (CN100, CN201, CN202): ``k7``, ``K07`` written ``K7``; criteria and knowledge
  renumbered 1, 2 ... in document order where their numbering is off;
- drift (CN401, only when asked): a statement that nearly matches a shared statement
  takes the catalogue's wording.

Each change is a :class:`Fix` naming the line it was made on. The text is then laid out
canonically (:func:`carenos.authoring.format_text`), comments kept.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..catalogue import Catalogue
from ..io.characters import CONTROL, INVISIBLE
from ..textnorm import squash_spaces
from .layout import load_documents, order_keys, round_trip, yaml_text

__all__ = ["Fix", "fix_text"]

_ZERO_WIDTH = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_ID = re.compile(r"\s*([PpKk])\s*0*([0-9]+)\s*")


@frozen
class Fix:
    """One change ``--fix`` made: the file, the line (1-based) and what was done."""

    source: str
    line: int | None
    what: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: fixed: {self.what}"


def _clean(text: str, paragraphs: bool) -> str:
    """``text`` without control, bidirectional or invisible characters, its spaces squashed."""
    text = CONTROL.sub(" ", text)
    text = INVISIBLE.sub(lambda m: "" if m.group() in _ZERO_WIDTH else " ", text)
    if paragraphs:
        return "\n".join(squash_spaces(p) for p in text.split("\n") if p.strip())
    return squash_spaces(text)


def _line(container: Any, key: Any) -> int | None:
    try:
        if isinstance(container, CommentedMap):
            return int(container.lc.key(key)[0]) + 1
        if isinstance(container, CommentedSeq):
            return int(container.lc.item(key)[0]) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return None


class _Fixer:
    def __init__(self, source: str) -> None:
        self.source = source
        self.fixes: list[Fix] = []

    def note(self, container: Any, key: Any, what: str) -> None:
        self.fixes.append(Fix(self.source, _line(container, key), what))

    def texts(self, value: Any, path: str = "") -> None:
        """Clean every text below ``value`` (keys stay as they are)."""
        pairs = (
            value.items()
            if isinstance(value, dict)
            else enumerate(value)
            if isinstance(value, list)
            else ()
        )
        for key, item in list(pairs):
            where = f"{path}/{key}"
            if isinstance(item, str):
                cleaned = _clean(item, paragraphs=where == "/overview")
                if cleaned != item and cleaned:
                    value[key] = type(item)(cleaned) if type(item) is not str else cleaned
                    self.note(
                        value, key, f"{where.lstrip('/')}: whitespace and invisible characters"
                    )
            else:
                self.texts(item, where)

    def ids(self, document: Any) -> None:
        """Write ids as ``P3``/``K12``; renumber each kind in document order where it is off."""
        for kind, groups, members in (
            ("P", "elements", "performance_criteria"),
            ("K", "knowledge", "items"),
        ):
            statements = [
                s
                for group in (document.get(groups) or [])
                if isinstance(group, dict)
                for s in (group.get(members) or [])
                if isinstance(s, dict)
            ]
            for statement in statements:
                ident = statement.get("id")
                found = _ID.fullmatch(ident) if isinstance(ident, str) else None
                if (
                    found
                    and found.group(1).upper() == kind
                    and ident != f"{kind}{int(found.group(2))}"
                ):
                    statement["id"] = f"{kind}{int(found.group(2))}"
                    self.note(statement, "id", f"id {ident!r} written {statement['id']}")
            wanted = [f"{kind}{n}" for n in range(1, len(statements) + 1)]
            if [s.get("id") for s in statements] != wanted:
                for statement, ident in zip(statements, wanted, strict=True):
                    if statement.get("id") != ident:
                        self.note(statement, "id", f"{statement.get('id')} renumbered {ident}")
                        statement["id"] = ident

    def drift(self, document: Any, catalogue: Catalogue) -> None:
        """Give each statement that drifted from a shared statement the catalogue's words."""
        import json

        from ..convert import from_dict
        from ..errors import CarenosError
        from ..mapping import DEFAULT_THRESHOLD, near_matches

        try:
            standard = from_dict(json.loads(json.dumps(document)))
        except (CarenosError, TypeError, ValueError):
            return  # not a valid standard yet: the other fixes first
        threshold = catalogue.drift_threshold or DEFAULT_THRESHOLD
        for occurrence, _link, entry in near_matches(standard, catalogue, threshold=threshold):
            parts = occurrence.pointer.strip("/").split("/")
            container: Any = document
            for part in parts[:-1]:
                container = container[int(part)] if isinstance(container, list) else container[part]
            key: Any = int(parts[-1]) if isinstance(container, list) else parts[-1]
            container[key] = entry.text
            self.note(container, key, f"{occurrence.ref}: the wording of {entry.id}")


def fix_text(
    text: str,
    source: str = "<string>",
    *,
    catalogue: Catalogue | None = None,
    drift: bool = False,
) -> tuple[str, list[Fix]]:
    """``text`` with its mechanical findings mended and laid out canonically, and the fixes.

    ``drift`` also gives drifted statements the wording of ``catalogue`` (the bundled one
    by default).
    """
    from ..schema import schema

    yaml = round_trip()
    documents = load_documents(text, source, yaml)
    fixer = _Fixer(source)
    for document in documents:
        if not isinstance(document, dict):
            continue
        fixer.texts(document)
        fixer.ids(document)
        if drift:
            from ..catalogue import load_catalogue

            fixer.drift(document, catalogue or load_catalogue())
    root = schema("standard")
    for document in documents:
        order_keys(document, root, root)
    return yaml_text(documents, yaml), fixer.fixes
