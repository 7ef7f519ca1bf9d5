"""The importer for NOS text extracted from Word documents: text -> the plain dict shape.

Lines are classified one by one (:mod:`carenos.io.nos_lines`), then read in order by a
small state machine whose states are the sections of a standard, in the order the
documents have them: header, overview, performance criteria, knowledge, additional
information, scope (criteria), scope (knowledge), values, metadata table. Section labels
and bookmarks move it forward; a line of free text is an element title or a knowledge
heading when the next numbered line (``P..`` or ``K..``) says which (but never when it
sits right between two numbered lines of one kind, ``P3``/junk/``P4``: that is not how
headings are laid out, and taking it for one would hide junk), and otherwise belongs to
the section it is in, where that section holds free text.

Every line gets an entry in the *account*: the JSON pointer of the field it went to,
or ``"label"``, ``"marker"``, ``"blank"``. Lines that fit nowhere raise
:class:`UnaccountedLinesError`, which lists them; nothing is dropped.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Any

from attrs import frozen

from ..codes import HEADER_CODE
from ..errors import ImportTextError
from ..textnorm import plural, squash_spaces
from .nos_lines import LIST_FIELDS, Line, Part, classify, split_lines, split_list

__all__ = ["ParsedText", "UnaccountedLinesError", "parse_nos_text", "term_of"]


class UnaccountedLinesError(ImportTextError):
    """Lines of the text that fit nowhere; ``lines`` holds ``(line number, text)`` pairs."""

    def __init__(self, lines: tuple[tuple[int, str], ...], *, source: str) -> None:
        shown = "; ".join(f"line {n}: {text!r}" for n, text in lines[:10])
        more = f" (and {len(lines) - 10} more)" if len(lines) > 10 else ""
        count = plural(len(lines), "line")
        super().__init__(
            f"{count} fit nowhere in a standard: {shown}{more}",
            source=source,
            line=lines[0][0],
            column=1,
        )
        self.lines = lines


@frozen
class ParsedText:
    """What the importer made of a text: the dict shape and the account of every line.

    ``data`` has ``code`` and ``title`` only where the text has a header with them;
    ``account`` maps each 1-based line number to where the line went.
    """

    data: dict[str, Any]
    account: dict[int, str]


class _Section(IntEnum):
    START = 0
    OVERVIEW = 1
    PERFORMANCE = 2
    KNOWLEDGE = 3
    ADDITIONAL = 4
    SCOPE_PC = 5
    SCOPE_KU = 6
    VALUES = 7
    METADATA = 8


_LABEL_STATE = {
    "overview": _Section.OVERVIEW,
    "performance": _Section.PERFORMANCE,
    "knowledge": _Section.KNOWLEDGE,
    "additional": _Section.ADDITIONAL,
    "scope_pc": _Section.SCOPE_PC,
    "scope_ku": _Section.SCOPE_KU,
    "values": _Section.VALUES,
}
_MARKER_STATE = {
    "startoverview": _Section.OVERVIEW,
    "scopepc": _Section.SCOPE_PC,
    "startscopepc": _Section.SCOPE_PC,
    "scopeku": _Section.SCOPE_KU,
    "startscopeku": _Section.SCOPE_KU,
    "values": _Section.VALUES,
    "startvalues": _Section.VALUES,
}
_SKIPPED_BEFORE_IDS = frozenset({"prompt", "performance", "knowledge"})
_HEADER = re.compile(rf"({HEADER_CODE.pattern})(?:\s+(\S.*))?")
_VALUES_START = "adherence to codes of practice"
_TERM = re.compile(
    r"(?P<term>[A-Z][^:;]*?) (?:could include|may include|could be|takes account of|"
    r"may relate to|are|is) "
)
_NOT_TERMS = frozenset({"note", "where", "when", "if", "all", "this", "these", "it", "there"})


def term_of(text: str) -> str | None:
    """The term a scope sentence defines ("Others are ..." -> "Others"), or None."""
    found = _TERM.match(text)
    if found is None:
        return None
    term = found.group("term")
    words = term.split()
    if len(words) > 12 or words[0].casefold().rstrip(":,") in _NOT_TERMS:
        return None
    return term


class _Reader:
    """The state machine; one instance reads one text."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.items = [(line, part) for line in lines for part in line.parts]
        self.id_kind = {line.number: line.parts[0].key[0] for line in lines if line.is_id}
        self.state = _Section.START
        self.account: dict[int, str] = {}
        self.unaccounted: list[tuple[int, str]] = []
        self.data: dict[str, Any] = {}
        self.overview: list[str] = []
        self.elements: list[dict[str, Any]] = []
        self.knowledge: list[dict[str, Any]] = []
        self.scope: dict[str, list[dict[str, str]]] = {"performance_criteria": [], "knowledge": []}
        self.values: dict[str, Any] = {}
        self.metadata: dict[str, Any] = {}
        self.seen_content = False
        self.expect_title = False

    def account_for(self, line: Line, where: str) -> None:
        if where in ("label", "marker", "blank") and line.number in self.account:
            return  # a field pointer on the same line says more
        self.account[line.number] = where

    def reject(self, line: Line) -> None:
        self.account.pop(line.number, None)
        if not self.unaccounted or self.unaccounted[-1][0] != line.number:
            self.unaccounted.append((line.number, squash_spaces(line.raw)))

    def move(self, target: _Section) -> bool:
        if target < self.state:
            return False
        self.state = target
        return True

    def heading_kind(self, index: int) -> str | None:
        """``P`` or ``K`` if the text at ``items[index]`` heads the numbered lines after it."""
        line = self.items[index][0]
        before = self.id_kind.get(line.number - 1)
        if before is not None and before == self.id_kind.get(line.number + 1):
            return None  # squeezed between two numbered lines of one kind: not a heading
        for _, part in self.items[index + 1 :]:
            if part.kind == "label" and part.key in _SKIPPED_BEFORE_IDS:
                continue
            return part.key[0] if part.kind == "id" else None
        return None

    def read(self) -> None:
        index = 0
        for line in self.lines:
            if line.blank:
                self.account_for(line, "marker" if line.markers else "blank")
            for name in line.markers:
                target = _MARKER_STATE.get(name.casefold())
                if target is not None and target > self.state:
                    self.state = target
            for part in line.parts:
                self.read_part(index, line, part)
                self.seen_content = True
                index += 1

    def read_part(self, index: int, line: Line, part: Part) -> None:
        if part.kind == "label":
            self.read_label(line, part)
        elif part.kind == "meta":
            self.read_meta(line, part)
        elif part.kind == "id":
            self.read_id(line, part)
        elif self.state == _Section.METADATA:
            self.reject(line)
        else:
            self.read_text(index, line, part.text)

    def read_label(self, line: Line, part: Part) -> None:
        if part.key == "prompt":
            ok = self.state <= _Section.KNOWLEDGE
        elif part.key == "explanatory":
            ok = _Section.ADDITIONAL <= self.state <= _Section.SCOPE_KU
        else:
            ok = self.state != _Section.METADATA and self.move(_LABEL_STATE[part.key])
        if ok:
            self.account_for(line, "label")
        else:
            self.reject(line)

    def read_meta(self, line: Line, part: Part) -> None:
        self.state = _Section.METADATA
        field = part.key
        if field in self.metadata:
            self.reject(line)
            return
        if field in LIST_FIELDS:
            value: Any = split_list(part.text)[0]
        else:
            value = part.text
        if value:
            self.metadata[field] = value
            self.account_for(line, f"/metadata/{field}")
        else:
            self.account_for(line, "label")

    def read_id(self, line: Line, part: Part) -> None:
        item = {"id": part.key, "text": part.text}
        if part.key[0] == "P" and self.state == _Section.PERFORMANCE and self.elements:
            criteria = self.elements[-1]["performance_criteria"]
            criteria.append(item)
            self.account_for(
                line, f"/elements/{len(self.elements) - 1}/performance_criteria/{len(criteria) - 1}"
            )
        elif part.key[0] == "K" and self.state == _Section.KNOWLEDGE and self.knowledge:
            items = self.knowledge[-1]["items"]
            items.append(item)
            self.account_for(line, f"/knowledge/{len(self.knowledge) - 1}/items/{len(items) - 1}")
        else:
            self.reject(line)

    def read_header(self, line: Line, text: str) -> bool:
        if self.expect_title:
            self.expect_title = False
            self.data["title"] = text
            self.account_for(line, "/title")
            return True
        found = _HEADER.fullmatch(text)
        if self.seen_content or line.markers or found is None:
            return False
        self.data["code"] = found.group(1)
        self.account_for(line, "/code")
        if found.group(2):
            self.data["title"] = found.group(2)
        else:
            self.expect_title = True
        return True

    def read_text(self, index: int, line: Line, text: str) -> None:
        state = self.state
        if state == _Section.START and self.read_header(line, text):
            return
        kind = self.heading_kind(index) if state <= _Section.KNOWLEDGE else None
        if kind == "P" and state <= _Section.PERFORMANCE:
            self.state = _Section.PERFORMANCE
            self.elements.append({"title": text, "performance_criteria": []})
            self.account_for(line, f"/elements/{len(self.elements) - 1}/title")
        elif kind == "K":
            self.state = _Section.KNOWLEDGE
            self.knowledge.append({"heading": text, "items": []})
            self.account_for(line, f"/knowledge/{len(self.knowledge) - 1}/heading")
        elif state <= _Section.OVERVIEW:
            self.state = _Section.OVERVIEW
            self.overview.append(text)
            self.account_for(line, "/overview")
        elif state < _Section.VALUES and text.casefold().startswith(_VALUES_START):
            self.state = _Section.VALUES
            self.read_values(line, text)
        elif state in (_Section.SCOPE_PC, _Section.SCOPE_KU):
            key = "performance_criteria" if state == _Section.SCOPE_PC else "knowledge"
            statements = self.scope[key]
            term = term_of(text)
            statements.append({"text": text} if term is None else {"term": term, "text": text})
            self.account_for(line, f"/scope/{key}/{len(statements) - 1}")
        elif state == _Section.VALUES:
            self.read_values(line, text)
        else:
            self.reject(line)

    def read_values(self, line: Line, text: str) -> None:
        intro = self.values.get("text")
        if intro is None:
            self.values["text"] = text
            self.values["rights"] = []
            self.account_for(line, "/values/text")
        elif not intro.endswith(":") and text.endswith(":") and not self.values["rights"]:
            self.values["text"] = f"{intro} {text}"
            self.account_for(line, "/values/text")
        else:
            self.values["rights"].append(text)
            self.account_for(line, f"/values/rights/{len(self.values['rights']) - 1}")

    def result(self) -> dict[str, Any]:
        data = dict(self.data)
        if self.overview:
            data["overview"] = "\n".join(self.overview)
        data["elements"] = self.elements
        data["knowledge"] = self.knowledge
        scope = {key: value for key, value in self.scope.items() if value}
        if scope:
            data["scope"] = scope
        if self.values:
            data["values"] = self.values
        if self.metadata:
            data["metadata"] = self.metadata
        return data


def parse_nos_text(text: str, *, source: str = "<string>") -> ParsedText:
    """Read extracted NOS text into the plain dict shape, with an account of every line.

    Raises :class:`UnaccountedLinesError` (an :class:`ImportTextError`) listing the lines
    that fit nowhere, and :class:`ImportTextError` if the text has no overview.
    """
    lines = [classify(number, raw) for number, raw in enumerate(split_lines(text), start=1)]
    reader = _Reader(lines)
    reader.read()
    if reader.unaccounted:
        raise UnaccountedLinesError(tuple(sorted(reader.unaccounted)), source=source)
    if not reader.overview:
        raise ImportTextError("found no overview text", source=source, line=1)
    return ParsedText(reader.result(), reader.account)
