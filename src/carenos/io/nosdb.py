"""The UK NOS database's records (ukstandards.org.uk) -> the plain dict shape.

A record has 27 fields (``URN``, ``Title``, ``Overview``, ``Performance_criteria`` ...
``SOC_Code``, ``NOSCategory``). Its multi-line fields are lists of strings (the database
itself holds HTML; a string of HTML, ``<ol><li>``, ``<p>``, ``<br>`` and entities, is read
with the standard library's HTML parser); the ``;``-separated fields are strings.

The lists of performance criteria and knowledge follow one line convention, both ways:

- the fixed lead-in ("You must be able to:", "You need to know and understand:", the
  scope disclaimer) is left out on reading and written again on export;
- a line ``P3 text`` (``K12 text``) is the statement with that id; a line ``• text``
  is a sub-item of the statement before it; any other line is the title of the element
  (the heading of the knowledge) that the statements after it belong to;
- a list with no numbered line is one untitled group, its statements numbered in order
  (P1, P2 ...) and the kind listed in ``assigned_ids``, as the newest standards are published.

Other lists: a glossary line is ``term: definition``; an external link ``text (url)`` (its URL
``http:``, ``https:`` or ``mailto:``);
values are a text followed by ``• right`` lines, or a plain list of statements; dates are
written ``dd mm yyyy`` (``mm yyyy``, ``yyyy`` at a lower precision) and read in any form
:func:`carenos.metadata.iso_date` knows. Nothing here knows the model;
:mod:`carenos.export.nosdb` writes records by the same convention.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from ..errors import ContentError

__all__ = [
    "DATE_FIELDS",
    "FIELDS",
    "KNOWLEDGE_LEAD_IN",
    "PERFORMANCE_LEAD_IN",
    "SCOPE_LEAD_IN",
    "SEPARATED_FIELDS",
    "TEXT_FIELDS",
    "from_record",
    "html_lines",
]

PERFORMANCE_LEAD_IN = "You must be able to:"
KNOWLEDGE_LEAD_IN = "You need to know and understand:"
SCOPE_LEAD_IN = (
    "The details in this field are explanatory statements of scope and / or examples of "
    "possible contexts in which the NOS may apply; they are not to be regarded as range "
    "statements required for achievement of the NOS."
)

FIELDS = (
    "URN",
    "Title",
    "Overview",
    "Performance_criteria",
    "Knowledge_and_understanding",
    "Scope_range",
    "Scope_range_related_to_performance_criteria",
    "Scope_range_related_to_knowledge_and_understanding",
    "Values",
    "Behaviours",
    "Skills",
    "Glossary",
    "Links_to_other_NOS",
    "External_Links",
    "Developed_by",
    "Version_number",
    "Date_approved",
    "Indicative_review_date",
    "Validity",
    "Status",
    "Originating_organisation",
    "Original_URN",
    "Relevant_occupations",
    "Suite",
    "Keywords",
    "SOC_Code",
    "NOSCategory",
)
"""The fields of a record, in the database's order."""

_LIST_FIELDS = frozenset(FIELDS[2:14])
SEPARATED_FIELDS = {
    "Relevant_occupations": "relevant_occupations",
    "Suite": "suites",
    "Keywords": "keywords",
    "SOC_Code": "soc_codes",
}
TEXT_FIELDS = {
    "Developed_by": "developed_by",
    "Validity": "validity",
    "Status": "status",
    "Originating_organisation": "originating_organisation",
    "Original_URN": "original_urn",
    "NOSCategory": "category",
}
DATE_FIELDS = {"Date_approved": "date_approved", "Indicative_review_date": "indicative_review_date"}
_LEAD_INS = {
    " ".join(text.casefold().split()).rstrip(":. ")
    for text in (PERFORMANCE_LEAD_IN, KNOWLEDGE_LEAD_IN, SCOPE_LEAD_IN)
}
_STATEMENT = re.compile(r"([PK][0-9]+)\s+(\S.*)", re.DOTALL)
_BULLET = re.compile(r"[•·▪◦\-*]\s+(\S.*)", re.DOTALL)
_LINK = re.compile(r"(.*?)\s*\(((?:https?:|mailto:)[^\s()]+)\)")
_BLOCKS = frozenset({"p", "div", "li", "br", "ul", "ol", "tr", "h1", "h2", "h3", "h4"})


class _Lines(HTMLParser):
    """Lines of an HTML fragment: a paragraph, list item or line break ends a line; an
    item of a nested list becomes ``• text``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.depth = 0
        self.item_depth = 0

    def _end_line(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(f"• {text}" if self.item_depth > 1 else text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_line()
        if tag in ("ul", "ol"):
            self.depth += 1
        if tag == "li":
            self.item_depth = self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._end_line()
        if tag in ("ul", "ol"):
            self.depth = max(0, self.depth - 1)
            self.item_depth = self.depth

    def handle_data(self, data: str) -> None:
        self.current.append(data)


def html_lines(value: str) -> list[str]:
    """The lines of a field's text: HTML is parsed; plain text is split at line breaks."""
    if "<" not in value and "&" not in value:
        return [" ".join(line.split()) for line in value.splitlines() if line.strip()]
    parser = _Lines()
    parser.feed(value)
    parser.close()
    parser._end_line()
    return parser.lines


class _Record:
    """One record being read: its fields checked and their lines found."""

    def __init__(self, record: Any, source: str) -> None:
        if not isinstance(record, dict):
            raise ContentError("a NOS database record is a JSON object", source=source)
        unknown = sorted(set(record) - set(FIELDS))
        if unknown:
            raise ContentError(
                f"unknown field {unknown[0]!r} (a record has {', '.join(FIELDS)})",
                source=source,
                pointer=f"/{unknown[0]}",
                at_key=True,
            )
        self.record = record
        self.source = source
        self.read: dict[str, list[str]] = {}

    def fail(self, name: str, problem: str) -> ContentError:
        return ContentError(f"{name}: {problem}", source=self.source, pointer=f"/{name}")

    def lines(self, name: str) -> list[str]:
        """The lines of a list field, lead-ins left out (each field parsed once)."""
        if name not in self.read:
            self.read[name] = self._lines(name)
        return self.read[name]

    def _lines(self, name: str) -> list[str]:
        value = self.record.get(name)
        if value is None or value == "":
            return []
        if isinstance(value, str):
            found = html_lines(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            found = [line for v in value for line in html_lines(v)]
        else:
            raise self.fail(name, "should be a list of texts (or a text)")
        return [line for line in found if _key(line) not in _LEAD_INS]

    def text(self, name: str) -> str | None:
        value = self.record.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self.fail(name, "should be a text")
        return " ".join(value.split())


def _key(line: str) -> str:
    return " ".join(line.casefold().split()).rstrip(":. ")


def _groups(lines: list[str], prefix: str, key: str) -> list[dict[str, Any]]:
    """Titled (or untitled) groups of statements from lines, as the module describes."""
    numbered = any(
        (m := _STATEMENT.fullmatch(line)) is not None and m.group(1)[0] == prefix for line in lines
    )
    groups: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    count = 0

    def new_group(title: str | None) -> None:
        nonlocal statements
        statements = []
        group: dict[str, Any] = (
            {} if title is None else {"heading" if key == "items" else "title": title}
        )
        group[key] = statements
        groups.append(group)

    for line in lines:
        bullet = _BULLET.fullmatch(line)
        found = _STATEMENT.fullmatch(line)
        if bullet and statements:
            statements[-1].setdefault("sub_items", []).append(bullet.group(1))
            continue
        if numbered and (found is None or found.group(1)[0] != prefix):
            new_group(line)
            continue
        if not groups:
            new_group(None)
        count += 1
        if numbered and found is not None:
            statements.append({"id": found.group(1), "text": found.group(2)})
        else:
            statements.append({"id": f"{prefix}{count}", "text": line})
    return groups


def _scope(lines: list[str]) -> list[dict[str, Any]]:
    from ..terms import term_of

    found = []
    for line in lines:
        term = term_of(line)
        found.append({"text": line} if term is None else {"term": term, "text": line})
    return found


def _values(lines: list[str]) -> Any:
    """A text and its ``• right`` lines, or a plain list of statements."""
    rights = [_BULLET.fullmatch(line) for line in lines[1:]]
    if rights and all(rights):
        return {"text": lines[0], "rights": [m.group(1) for m in rights if m]}
    return lines


_LISTS = {"P": "Performance_criteria", "K": "Knowledge_and_understanding"}


def _separated(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def from_record(record: Any, *, source: str = "<record>", language: str = "en") -> dict[str, Any]:
    """The dict shape of a NOS database record (see the module for the line convention).

    Raises :class:`~carenos.errors.ContentError` naming the field for a record that is not
    of the database's shape; what the dict shape refuses, the converter reports.
    """
    from ..metadata import iso_date

    r = _Record(record, source)
    data: dict[str, Any] = {
        "code": r.text("URN"),
        "title": r.text("Title"),
        "overview": "\n".join(r.lines("Overview")),
        "elements": _groups(r.lines("Performance_criteria"), "P", "performance_criteria"),
        "knowledge": _groups(r.lines("Knowledge_and_understanding"), "K", "items"),
    }
    assigned = [
        kind
        for kind, name in (("P", "elements"), ("K", "knowledge"))
        if data[name] and not any(_STATEMENT.fullmatch(line) for line in r.lines(_LISTS[kind]))
    ]
    if assigned:
        data["assigned_ids"] = assigned
    if language != "en":
        data["language"] = language
    scope = {
        name: _scope(r.lines(field))
        for name, field in (
            ("performance_criteria", "Scope_range_related_to_performance_criteria"),
            ("knowledge", "Scope_range_related_to_knowledge_and_understanding"),
            ("general", "Scope_range"),
        )
        if r.lines(field)
    }
    if scope:
        data["scope"] = scope
    if r.lines("Values"):
        data["values"] = _values(r.lines("Values"))
    for name, field in (("behaviours", "Behaviours"), ("skills", "Skills")):
        if r.lines(field):
            data[name] = r.lines(field)
    glossary = []
    for line in r.lines("Glossary"):
        term, _, definition = line.partition(": ")
        if not definition:
            raise r.fail("Glossary", f"{line!r} is not 'term: definition'")
        glossary.append({"term": term, "definition": definition})
    if glossary:
        data["glossary"] = glossary
    if r.lines("Links_to_other_NOS"):
        data["links_to_other_nos"] = r.lines("Links_to_other_NOS")
    links = []
    for line in r.lines("External_Links"):
        found = _LINK.fullmatch(line)
        links.append(
            {"text": found.group(1) or found.group(2), "url": found.group(2)}
            if found
            else {"text": line}
        )
    if links:
        data["external_links"] = links
    metadata: dict[str, Any] = {}
    for field, name in TEXT_FIELDS.items():
        if (value := r.text(field)) is not None:
            metadata[name] = value
    version = r.record.get("Version_number")
    if version is not None and version != "":
        metadata["version"] = version
    for field, name in DATE_FIELDS.items():
        if (value := r.text(field)) is not None:
            metadata[name] = iso_date(value) or value
    for field, name in SEPARATED_FIELDS.items():
        if (value := r.text(field)) is not None and _separated(value):
            metadata[name] = _separated(value)
    if metadata:
        data["metadata"] = dict(sorted(metadata.items(), key=lambda kv: _ORDER.index(kv[0])))
    return {key: value for key, value in data.items() if value is not None}


_ORDER = (
    "developed_by",
    "version",
    "date_approved",
    "indicative_review_date",
    "validity",
    "status",
    "category",
    "originating_organisation",
    "original_urn",
    "relevant_occupations",
    "suites",
    "keywords",
    "soc_codes",
)
