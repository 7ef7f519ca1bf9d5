"""The importer's second stage: classified lines -> standards, with an account of each line.

A state machine whose states are the sections of a standard, in any order (Skills for
Health pages put the knowledge first): headings, lead-ins and bookmarks move it; a header
(a code and title) or a ``URN`` label starts a standard, and another one once statements
have been read starts the next (assessment guides embed several). In a list section a
marked line is a statement, or a sub-item where its mark nests (deeper, or another style
than the list's); unmarked text is an element title or knowledge heading where marked
statements follow it, a statement where the list has no marks at all (the 2026 pages),
and otherwise fits nowhere. Free sections (overview, scope, values, behaviours ...) take
their lines as they come. See :mod:`.builder` for how ids are given.
"""

from __future__ import annotations

import re

from .builder import SCOPE_KEYS
from .lines import Line, leading_label, title_like
from .lookahead import KINDS, following, next_is_item, section_is_plain, starts_standard
from .marks import Mark
from .state import ReaderState
from .vocabulary import LIST_FIELDS

__all__ = ["LayoutReader"]

_KINDS = KINDS
_SECTION_OF = {"P": "performance", "K": "knowledge"}
_MARKER_STATE = {
    "startoverview": "overview",
    "scopepc": "scope_pc",
    "startscopepc": "scope_pc",
    "scopeku": "scope_ku",
    "startscopeku": "scope_ku",
    "values": "values",
    "startvalues": "values",
}
_LISTS = {
    "behaviours": "behaviours",
    "skills": "skills",
    "links": "links_to_other_nos",
    "external_links": "external_links",
    "glossary": "glossary",
}
_ELEMENT_CODE = re.compile(r"([A-Z][A-Za-z]*[0-9][A-Za-z0-9]*?)(?:\.[0-9]+|[a-z])(?:\s+(\S.*))?")
_VALUES_START = "adherence to codes of practice"
_HEADING_STYLE = re.compile(r"(?:h|heading ?)([1-9])")


def _heading_level(style: str) -> int | None:
    """The level of a heading style (``h2``, ``Heading 2`` -> 2; ``Title`` -> 0), or None."""
    if style == "title":
        return 0
    found = _HEADING_STYLE.fullmatch(style.casefold())
    return int(found.group(1)) if found else None


_LETTERED = re.compile(r"([a-z]) (\S.*)")


class LayoutReader(ReaderState):
    """Reads the lines of one document into standards; one instance per document."""

    # -- reading ------------------------------------------------------------------------

    def read(self) -> None:
        """Read every line, in order."""
        for position, line in enumerate(self.lines):
            for name in line.markers:
                target = _MARKER_STATE.get(name.casefold().replace(" ", ""))
                if target is not None:
                    self.section = target
            handler = getattr(self, f"on_{line.kind}")
            handler(position, line)

    def on_lead_in(self, position: int, line: Line) -> None:
        """A lead-in ("You must be able to:"): it names the list that follows."""
        if line.key in _KINDS:
            self.enter(line.key)
        self.put(line, None, "label", "lead-in")

    def on_heading(self, position: int, line: Line) -> None:
        """A section heading, or a knowledge heading that happens to be a section word."""
        kind = _KINDS.get(self.section)
        style = (line.source.origin.style or "").casefold()
        styled = style.startswith(("heading", "title", "h"))
        level = _heading_level(style)
        deeper = level is not None and self.section_level is not None and level > self.section_level
        grouped = not styled and line.key not in _KINDS and self.heading_kind(position) == kind
        if kind and (grouped or deeper):  # "Values" under Knowledge: a heading of items
            self.put(line, self.builder.group(kind, line.text))
            self.top.pop(self.section, None)
            return
        self.section_level = level
        if line.key == "info":
            self.enter("additional")
            self.put(line, self.builder.add_information(line.text, None))
            self.info_open = True
            return
        if line.key == "additional":
            self.enter("additional")
            self.put(line, None, "label", "section heading")
            return
        if line.key == "overview" and self.start_lines:
            self.disown(self.start_lines)  # what stood before the heading was not the overview
            self.builder.overview.clear()
        self.enter(line.key)
        self.put(line, None, "label", "section heading")

    def on_header(self, position: int, line: Line) -> None:
        """A code and title: the standard's, an element's (``HSC21a ...``), or the next one's."""
        builder = self.builders[-1] if self.builders else None
        if self.section == "links" or (self.pending_meta and self.pending_meta != "code"):
            self.on_text(position, line)
            return
        if line.prefix:  # an element's code (HSC41.1), with the element's title or alone
            if not self.builder.code:
                self.builder.code = line.key
            if line.value and line.text.startswith(f"{line.key}.{line.prefix}"):
                self.enter("performance")
                self.put(line, self.builder.group("P", line.text.split(" ", 1)[1]))
                self.top.pop(self.section, None)
            elif line.value:
                self.on_text(position, line, title=line.value)
            else:
                self.put(line, None, "label", "an element's code")
            return
        if builder is not None and builder.code and line.key != builder.code:
            element = _ELEMENT_CODE.fullmatch(line.text)
            if line.key.startswith(builder.code) or (element and element.group(1) == builder.code):
                title = element.group(2) if element else line.value
                if title:
                    self.on_text(position, line, title=title)
                else:  # an element's code on its own line (a list of elements)
                    self.put(line, None, "label", "an element's code")
                return
        if builder is not None and line.key == builder.code and builder.statements:
            self.put(line, None, "label", "the code and title again")
            return
        if builder is not None and builder.statements and not starts_standard(self.lines, position):
            self.on_text(position, line)
            return
        self.set_code(line, line.key, position, line.value)
        if line.value is None and not self.builder.title:
            self.pending_meta = "title"

    # -- items and text -----------------------------------------------------------------

    def heading_kind(self, position: int) -> str | None:
        """``P`` or ``K`` where the line at ``position`` heads the statements after it."""
        line, seen = following(self.lines, position)
        if line is None:
            return None
        if line.kind == "ids":
            return (line.value or "P")[0]
        if line.kind != "item" or line.mark is None:
            return None
        if line.mark.style in _SECTION_OF:
            return line.mark.style
        for key in ("performance", "knowledge"):
            if key in seen:
                return _KINDS[key]
        if self.section in _KINDS and not self.is_sub(line):
            return _KINDS[self.section]
        return None

    def is_sub(self, line: Line) -> bool:
        """A marked line nests in the list it stands in (deeper, or of another style)."""
        top = self.top.get(self.section)
        if top is None or line.mark is None:
            return False
        style, value, indent = top
        if self.nested or line.indent > indent + 1:
            return True
        if line.mark.style != style:
            return not (style in _SECTION_OF and line.mark.style in _SECTION_OF)
        return style == "bullet" and line.mark.value != value and line.indent >= indent

    def on_item(self, position: int, line: Line) -> None:
        """A marked line: a statement, a sub-item, or a line of a free section."""
        mark = line.mark
        assert mark is not None
        if self.pending_meta is not None:  # a label's value that looks like a list item
            self.on_text(position, line)
            return
        if mark.style in _SECTION_OF and self.section in ("start", "overview", *_KINDS):
            self.enter(_SECTION_OF[mark.style])
        kind = _KINDS.get(self.section)
        if kind is None:
            self.on_text(position, line, marked=True)
            return
        builder = self.builder
        last = builder.last_statement(kind)
        opened = last is not None and (last[0]["text"].endswith(":") or "sub_items" in last[0])
        if self.is_sub(line) or (self.section not in self.top and opened and self.list_plain(kind)):
            pointer = builder.sub_item(kind, line.text)
            if pointer is not None:
                self.put(line, pointer)
                return
        if self.section not in self.top:
            self.top[self.section] = (mark.style, mark.value, line.indent)
        self.nested = False
        self.put(line, builder.statement(kind, line.text, mark))

    def list_plain(self, kind: str) -> bool:
        """The current list's statements so far had no marks (the 2026 pages)."""
        marks = self.builder.marks[kind]
        return bool(marks) and marks[-1] is None

    def on_text(
        self, position: int, line: Line, *, marked: bool = False, title: str | None = None
    ) -> None:
        """An unmarked line, read by the section it stands in."""
        text = title or line.text
        if self.pending_meta is not None and not marked:
            field = self.pending_meta
            if field not in ("code", "title"):
                self.meta_value(line, field, line.whole)  # moves on to the next label itself
                return
            self.pending_meta = self.next_field()
            if field == "code":
                self.set_code(line, line.text.split()[0], position)
            elif field == "title":
                self.builder.title = text
                self.put(line, "/title")
            return
        section = self.section
        builder = self.builder
        if self.pending_ids and section in ("start", "overview", *_KINDS):
            ident = self.pending_ids.pop(0)
            self.enter(_SECTION_OF[ident[0]])
            self.put(line, builder.statement(ident[0], text, Mark(ident[0], ident)))
            return
        if section in ("start", "overview", *_KINDS) and not marked:
            kind = self.heading_kind(position)
            titled = kind is not None and (title_like(text) or title is not None)
            placed = section in _KINDS or section == "overview" or kind == "P" or builder.overview
            if titled and placed:
                assert kind is not None
                self.enter(_SECTION_OF[kind])
                self.put(line, builder.group(kind, text))
                self.top.pop(self.section, None)
                return
        if (
            section in (*SCOPE_KEYS, "additional")
            and not marked
            and line.text.casefold().startswith(_VALUES_START)
        ):
            self.enter(section := "values")
        if section == "start" or (section == "metadata" and not builder.statements):
            self.on_start_text(position, line)
        elif section == "overview":
            if builder.title and line.text == builder.title:
                self.put(line, None, "label", "the title again")
            else:
                if self.start_lines:  # no Overview heading yet: it may still disown them
                    self.start_lines.append(line)
                self.put(line, builder.add_overview(line.whole))
        elif section in _KINDS:
            self.list_text(position, line, _KINDS[section])
        elif section in SCOPE_KEYS:
            self.put(line, builder.add_scope(section, line.text))
        elif section == "values":
            self.put(line, builder.add_values(line.text, marked))
        elif section in _LISTS:
            self.list_entry(line, _LISTS[section])
        elif section == "additional":
            if not marked and self.info_open and self.continues_paragraph(line):
                self.put(line, builder.continue_information(line.text))
            else:
                self.put(line, builder.add_information(None, line.whole))
            self.info_open = True
        elif section == "elements_list" and not line.text.endswith("."):
            self.put(line, None, "label", "listed again with its element")
        elif section == "metadata" and not marked and (found := leading_label(line.text)):
            self.last_meta = found[0]  # "Suite Health and Social Care", in the metadata table
            self.meta_value(line, found[0], found[1] or "")
        elif section == "metadata" and marked and self.last_meta in LIST_FIELDS:
            self.builder.metadata.setdefault(self.last_meta, []).append(line.text)
            self.put(line, f"/metadata/{self.last_meta}")
        else:
            self.unplaced.append(line)

    def continues_paragraph(self, line: Line) -> bool:
        """The line goes on the paragraph before it (it starts in lower case)."""
        return line.text[:1].islower()

    def on_start_text(self, position: int, line: Line) -> None:
        """Text before any section: the title, else the overview (no heading)."""
        builder = self.builder
        if builder.title and line.text == builder.title:
            self.put(line, None, "label", "the title again")
            return
        if not self.title_given and not builder.title and title_like(line.text):
            builder.title = line.text
            self.put(line, "/title")
            return
        self.enter("overview")
        self.start_lines.append(line)
        self.put(line, builder.add_overview(line.whole))

    def list_text(self, position: int, line: Line, kind: str) -> None:
        """Unmarked text in a list: a plain statement, a lead-in to sub-items, or nothing."""
        builder = self.builder
        lettered = _LETTERED.fullmatch(line.text)
        last = builder.last_statement(kind)
        if lettered and last is not None:  # "a getting at ...", "b recording ..." after "for:"
            items = last[0].get("sub_items", [])
            letter = lettered.group(1)
            if (letter == "a" and not items and last[0]["text"].endswith(":")) or (
                items and letter == chr(ord("a") + len(items))
            ):
                self.put(line, builder.sub_item(kind, lettered.group(2)))
                return
        plain = self.section not in self.top
        if plain and (section_is_plain(self.lines, position) or last):
            self.put(line, builder.statement(kind, line.text, None))
            return
        if line.text.endswith(":") and next_is_item(self.lines, position):
            self.put(line, builder.statement(kind, line.text, None))
            self.nested = True
            return
        if self.nested and line.text[:1].islower():
            self.nested = False
            self.put(line, builder.statement(kind, line.text, None))
            return
        self.unplaced.append(line)

    def list_entry(self, line: Line, name: str) -> None:
        """A line of behaviours, skills, glossary, links or external links."""
        builder = self.builder
        if name == "glossary" and not builder.glossary_entry(line.text):
            if self.pending_term is None:
                self.pending_term = line
                self.put(line, None, "label", "a term, defined on the next line")
                return
            term, self.pending_term = self.pending_term, None
            pointer = builder.add_list(name, {"term": term.text, "definition": line.text})
            self.put(term, f"{pointer}/term")
            self.put(line, f"{pointer}/definition")
            return
        self.put(line, builder.add_entry(name, line.text))
