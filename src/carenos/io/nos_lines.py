"""The lines of extracted NOS text, each classified: blank, marker, label, id, metadata or text.

This is the first stage of the importer (:mod:`carenos.io.nos_text`): it knows what a
single line can be, but nothing of where it stands in the document. A line may hold
more than one part (``Values<TAB>Adherence to ...`` is a label and a text).
"""

from __future__ import annotations

import re
from typing import Literal

from attrs import frozen

from ..textnorm import squash_spaces
from .files import normalise_newlines

__all__ = [
    "LABELS",
    "LIST_FIELDS",
    "METADATA_LABELS",
    "Line",
    "Part",
    "PartKind",
    "classify",
    "split_lines",
    "split_list",
]

PartKind = Literal["label", "id", "meta", "text"]
"""What a part of a line is."""

_MARKER = re.compile(r"\[bookmark:[^\]\n]*\]")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[bookmark:\s*([^\]\n]*)\])+")
_ONE_MARKER = re.compile(r"\[bookmark:\s*([^\]\n]*)\]")
_ID = re.compile(r"([PK][0-9]+)\s+(\S.*)", re.DOTALL)
_META_SPLIT = re.compile(r"\t|\s{2,}")

LABELS: dict[str, str] = {
    "overview": "overview",
    "performance criteria": "performance",
    "knowledge and understanding": "knowledge",
    "additional information": "additional",
    "scope/range related to performance criteria": "scope_pc",
    "scope/range related to knowledge and understanding": "scope_ku",
    "values": "values",
    "you must be able to": "prompt",
    "you need to know and understand": "prompt",
    (
        "the details in this field are explanatory statements of scope and / or examples of "
        "possible contexts in which the nos may apply; they are not to be regarded as range "
        "statements required for achievement of the nos"
    ): "explanatory",
}
"""Section labels and fixed sentences (lower case, no final ``:`` or ``.``) -> label name."""

METADATA_LABELS: dict[str, str] = {
    "developed by": "developed_by",
    "version number": "version",
    "version": "version",
    "date approved": "date_approved",
    "indicative review date": "indicative_review_date",
    "validity": "validity",
    "status": "status",
    "originating organisation": "originating_organisation",
    "original urn": "original_urn",
    "relevant occupations": "relevant_occupations",
    "suite": "suites",
    "suites": "suites",
    "keywords": "keywords",
    "soc code": "soc_codes",
    "soc codes": "soc_codes",
    "nos category": "category",
    "noscategory": "category",
    "category": "category",
}
"""Labels of the metadata table (lower case) -> :class:`~carenos.model.Metadata` field."""

LIST_FIELDS = frozenset({"relevant_occupations", "suites", "keywords", "soc_codes"})
"""Metadata fields that hold lists."""


def split_list(value: str) -> tuple[list[str], int]:
    """Split a list cell on ``;`` (or on ``,`` where it has no ``;``); also count empty parts.

    Splitting on ``;`` first keeps items such as "Health, Public Services and Care" whole.
    """
    separator = ";" if ";" in value else ","
    parts = [squash_spaces(part) for part in value.split(separator)]
    kept = [part for part in parts if part]
    return kept, len(parts) - len(kept)


def split_lines(text: str) -> list[str]:
    """The lines of ``text``: a leading BOM dropped, CRLF and CR read as line ends."""
    return normalise_newlines(text).split("\n")


def _label_key(text: str) -> str:
    return squash_spaces(text).casefold().rstrip(":. ")


@frozen
class Part:
    """One part of a line: ``key`` is the label name, id or metadata field; ``text`` its text."""

    kind: PartKind
    key: str
    text: str


@frozen
class Line:
    """A classified line: its 1-based number, what it was, bookmark names, and its parts."""

    number: int
    raw: str
    markers: tuple[str, ...]
    """Names of the bookmarks before any text on the line (hints of the section)."""
    parts: tuple[Part, ...]

    @property
    def blank(self) -> bool:
        """Nothing on the line but whitespace (and perhaps markers)."""
        return not self.parts

    @property
    def is_id(self) -> bool:
        """The line is a numbered statement."""
        return len(self.parts) == 1 and self.parts[0].kind == "id"


def _parts(content: str) -> list[Part]:
    """The parts of a line's content (markers removed, leading whitespace stripped)."""
    text = squash_spaces(content)
    if not text:
        return []
    key = _label_key(text)
    if key in LABELS:
        return [Part("label", LABELS[key], text)]
    head, tab, rest = content.partition("\t")
    if tab and _label_key(head) in LABELS and squash_spaces(rest):
        return [
            Part("label", LABELS[_label_key(head)], squash_spaces(head)),
            *_parts(rest.lstrip()),
        ]
    pieces = _META_SPLIT.split(content, maxsplit=1)
    if len(pieces) == 2 and _label_key(pieces[0]) in METADATA_LABELS:
        return [Part("meta", METADATA_LABELS[_label_key(pieces[0])], squash_spaces(pieces[1]))]
    found = _ID.fullmatch(text)
    if found:
        return [Part("id", found.group(1), found.group(2))]
    return [Part("text", "", text)]


def classify(number: int, raw: str) -> Line:
    """Classify line ``number`` (1-based), whose text is ``raw``."""
    leading = _LEADING_MARKERS.match(raw)
    markers: tuple[str, ...] = ()
    if leading:
        markers = tuple(squash_spaces(m) for m in _ONE_MARKER.findall(leading.group(0)))
    content = _MARKER.sub("", raw).lstrip()
    return Line(number, raw, markers, tuple(_parts(content)))
