"""One standard as the importer builds it: the dict shape, filled field by field.

Each ``add_*`` method takes a line's text and returns the JSON pointer it went to, so the
layout reader can enter it in the account. Ids are worked out at the end
(:meth:`StandardBuilder.result`): printed ``P``/``K`` ids are kept; numbers that run 1..n
across the whole list become ``P1..Pn``; anything else (bullets, letters, numbers that
restart per element, no marks) is numbered in document order and listed in
``assigned_ids``.
"""

from __future__ import annotations

import re
from typing import Any

from ..terms import term_of
from .marks import Mark

__all__ = ["SCOPE_KEYS", "StandardBuilder"]

SCOPE_KEYS = {"scope_pc": "performance_criteria", "scope_ku": "knowledge", "scope": "general"}
"""The layout's scope sections -> the keys of ``scope`` in the dict shape."""


_LINK = re.compile(r"(.*?)\s*\(?((?:https?|mailto):\S+?)\)?")
_GLOSSARY = re.compile(r"(.{1,80}?)(?:\t|\s+[-–—:]\s+|:\s+)(\S.*)")


class StandardBuilder:
    """The fields of one standard read so far, in the dict shape."""

    def __init__(self) -> None:
        self.code: str | None = None
        self.title: str | None = None
        self.overview: list[str] = []
        self.elements: list[dict[str, Any]] = []
        self.knowledge: list[dict[str, Any]] = []
        self.marks: dict[str, list[Mark | None]] = {"P": [], "K": []}
        self.scope: dict[str, list[dict[str, str]]] = {key: [] for key in SCOPE_KEYS.values()}
        self.values: dict[str, Any] = {}
        self.value_statements: list[str] = []
        self.lists: dict[str, list[Any]] = {
            "behaviours": [],
            "skills": [],
            "glossary": [],
            "links_to_other_nos": [],
            "external_links": [],
            "additional_information": [],
        }
        self.metadata: dict[str, Any] = {}
        self.statements = 0

    # -- statements ---------------------------------------------------------------------

    def group(self, kind: str, title: str | None) -> str:
        """Start an element (``P``) or knowledge section (``K``), titled or not."""
        if kind == "P":
            self.elements.append({} if title is None else {"title": title})
            self.elements[-1]["performance_criteria"] = []
            return f"/elements/{len(self.elements) - 1}/title"
        self.knowledge.append({} if title is None else {"heading": title})
        self.knowledge[-1]["items"] = []
        return f"/knowledge/{len(self.knowledge) - 1}/heading"

    def statement(self, kind: str, text: str, mark: Mark | None) -> str:
        """Add a criterion or knowledge item to the last group (an untitled one if none)."""
        groups = self.elements if kind == "P" else self.knowledge
        if not groups:
            self.group(kind, None)
        key = "performance_criteria" if kind == "P" else "items"
        members = groups[-1][key]
        members.append({"id": "", "text": text})
        self.marks[kind].append(mark)
        self.statements += 1
        name = "elements" if kind == "P" else "knowledge"
        return f"/{name}/{len(groups) - 1}/{key}/{len(members) - 1}"

    def last_statement(self, kind: str) -> tuple[dict[str, Any], str] | None:
        """The last statement of ``kind`` and its pointer, or ``None``."""
        groups = self.elements if kind == "P" else self.knowledge
        key = "performance_criteria" if kind == "P" else "items"
        name = "elements" if kind == "P" else "knowledge"
        if groups and groups[-1][key]:
            return groups[-1][key][
                -1
            ], f"/{name}/{len(groups) - 1}/{key}/{len(groups[-1][key]) - 1}"
        return None

    def sub_item(self, kind: str, text: str) -> str | None:
        """Add ``text`` to the sub-items of the last statement of ``kind``."""
        found = self.last_statement(kind)
        if found is None:
            return None
        statement, pointer = found
        items = statement.setdefault("sub_items", [])
        items.append(text)
        return f"{pointer}/sub_items/{len(items) - 1}"

    # -- free text ----------------------------------------------------------------------

    def add_overview(self, text: str) -> str:
        """A paragraph of the overview (or the rest of one broken mid-sentence)."""
        last = self.overview[-1] if self.overview else ""
        if last and not last.endswith((".", ":", "!", "?")) and text[:1].islower():
            self.overview[-1] = f"{last} {text}"
        else:
            self.overview.append(text)
        return "/overview"

    def add_scope(self, section: str, text: str) -> str:
        """A scope statement of ``section`` (``scope_pc``, ``scope_ku``, ``scope``)."""
        key = SCOPE_KEYS[section]
        term = term_of(text)
        self.scope[key].append({"text": text} if term is None else {"term": term, "text": text})
        return f"/scope/{key}/{len(self.scope[key]) - 1}"

    def add_values(self, text: str, marked: bool) -> str:
        """Values: a text and the rights it lists, or a plain list of statements."""
        intro = self.values.get("text")
        if intro is None and not self.value_statements and not marked:
            self.values = {"text": text, "rights": []}
            return "/values/text"
        if intro is not None:
            rights = self.values["rights"]
            if not rights and not intro.endswith(":") and text.endswith(":") and not marked:
                self.values["text"] = f"{intro} {text}"
                return "/values/text"
            rights.append(text)
            return f"/values/rights/{len(rights) - 1}"
        self.value_statements.append(text)
        return f"/values/{len(self.value_statements) - 1}"

    def add_list(self, name: str, value: Any) -> str:
        """An entry of ``behaviours``, ``skills``, ``glossary``, ``links_to_other_nos`` ..."""
        self.lists[name].append(value)
        return f"/{name}/{len(self.lists[name]) - 1}"

    def glossary_entry(self, text: str) -> dict[str, str] | None:
        """A glossary line read as ``{term, definition}`` (``term: definition``), or ``None``."""
        found = _GLOSSARY.fullmatch(text)
        return None if found is None else {"term": found.group(1), "definition": found.group(2)}

    def add_entry(self, name: str, text: str) -> str:
        """A line of a list section (behaviours, skills, glossary, links ...), read as its kind."""
        value: Any = text
        if name == "external_links":
            found = _LINK.fullmatch(text)
            value = (
                {"text": found.group(1) or found.group(2), "url": found.group(2)}
                if found
                else {"text": text}
            )
        elif name == "glossary":
            value = self.glossary_entry(text)
        return self.add_list(name, value)

    def add_information(self, title: str | None, text: str | None) -> str:
        """A paragraph of additional information, under a new section where ``title`` is given."""
        sections = self.lists["additional_information"]
        if title is not None or not sections:
            sections.append({"title": title or "Additional information", "paragraphs": []})
            if text is None:
                return f"/additional_information/{len(sections) - 1}/title"
        paragraphs = sections[-1]["paragraphs"]
        paragraphs.append(text)
        return f"/additional_information/{len(sections) - 1}/paragraphs/{len(paragraphs) - 1}"

    def continue_information(self, text: str) -> str | None:
        """Join ``text`` to the last paragraph of additional information (a wrapped line)."""
        sections = self.lists["additional_information"]
        if not sections or not sections[-1]["paragraphs"]:
            return None
        paragraphs = sections[-1]["paragraphs"]
        paragraphs[-1] = f"{paragraphs[-1]} {text}"
        return f"/additional_information/{len(sections) - 1}/paragraphs/{len(paragraphs) - 1}"

    # -- the result ---------------------------------------------------------------------

    def _ids(self, kind: str) -> bool:
        """Give the statements of ``kind`` their ids; ``True`` if they were assigned."""
        groups = self.elements if kind == "P" else self.knowledge
        key = "performance_criteria" if kind == "P" else "items"
        members = [s for g in groups for s in g[key]]
        marks = self.marks[kind]
        printed = [m.value if m is not None and m.style == kind else None for m in marks]
        if members and all(printed):
            ids = [str(value) for value in printed]
            assigned = False
        else:
            numbers = [m.number if m is not None and m.style == "number" else None for m in marks]
            assigned = numbers != list(range(1, len(members) + 1))
            ids = [f"{kind}{n}" for n in range(1, len(members) + 1)]
        for statement, ident in zip(members, ids, strict=True):
            statement["id"] = ident
        return assigned and bool(members)

    def result(self) -> dict[str, Any]:
        """The standard in the dict shape (``code``/``title`` only where found)."""
        data: dict[str, Any] = {}
        if self.code:
            data["code"] = self.code
        if self.title:
            data["title"] = self.title
        if self.overview:
            data["overview"] = "\n".join(self.overview)
        assigned = [kind for kind in ("P", "K") if self._ids(kind)]
        data["elements"] = self.elements
        data["knowledge"] = self.knowledge
        scope = {key: value for key, value in self.scope.items() if value}
        if scope:
            data["scope"] = scope
        if self.values:
            data["values"] = self.values
        elif self.value_statements:
            data["values"] = self.value_statements
        for name, entries in self.lists.items():
            if name == "additional_information":
                entries = [s for s in entries if s["paragraphs"] or s["title"]]
                for section in entries:
                    if not section["paragraphs"]:
                        del section["paragraphs"]
            if entries:
                data[name] = entries
        if self.metadata:
            data["metadata"] = self.metadata
        if assigned:
            data["assigned_ids"] = assigned
        return data
