"""The importer's first stage: a document's lines, cleaned and classified one by one.

Each :class:`~carenos.io.published.SourceLine` becomes one :class:`Line` (two where a
heading and its text share a line, ``Values<TAB>Adherence ...``): blank, a bookmark
marker, page furniture, a section heading, a lead-in ("You must be able to:"), a metadata
label (with its value, or with the value on the next line), a header (a code and title),
a run of bare ids, a list item (with its mark), or text. Characters that only printing
put there are undone first: ligatures, non-breaking and zero-width spaces, soft hyphens.
Nothing here knows where a line stands in the document; :mod:`.layout` does.
"""

from __future__ import annotations

import re

from attrs import define, evolve, field

from ..codes import HEADER_CODE
from ..io.published import Document, SourceLine
from ..textnorm import squash_spaces
from .columns import reading_order
from .marks import Mark, id_run, parse_label, split_mark
from .runon import RUN_ON, split_run_on
from .vocabulary import heading_key, lead_in_key, meta_key, words_of

__all__ = [
    "HEADER_LINE",
    "Line",
    "as_label",
    "classify_document",
    "clean",
    "leading_label",
    "reclassified",
    "site_text",
    "title_like",
]

_MARKER = re.compile(r"\[bookmark:\s*([^\]\n]*)\]")
_LIGATURES = str.maketrans(
    {
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬀ": "ff",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\x7f": "•",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_SITE_TEXT = re.compile(r"…|\.\.\.|https?:|www\.|\.com\b|\.co\.uk\b")
"""What a site's own text has and a standard's header has not (a link, a cut-off title)."""
_AFTER_DISCLAIMER = re.compile(r"(.*?achievement of the NOS\.?)\s+(\S.*)", re.I)
_SQA_CODE = re.compile(r"^SQA [Cc]ode [A-Z0-9]{4} [0-9]{2}\s+")
"""An SQA unit code printed before the title ("SFHGEN23 - SQA Code HD45 04 Monitor ...")."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_META_SPLIT = re.compile(r"\t|\s{2,}|:\s*")
HEADER_LINE = re.compile(
    rf"(?:(?i:nos|unit|urn)\s*:?\s+)?(?:[A-Z0-9]{{4}} [0-9]{{2}} \()?({HEADER_CODE.pattern})"
    rf"(?:\.([0-9]{{1,2}}))?\)?(?:\s*[:\-–—|]?\s+(\S.*))?"
)
"""A header line: a code (``SCDHSC0393``, ``URN: X1``, an SQA unit's ``DK95 04 (HSC41)``,
an element's ``HSC41.1``) and perhaps the title after it."""


def site_text(text: str) -> bool:
    """``text`` is a site's own (a link, a title cut off with an ellipsis), not a document's."""
    return _SITE_TEXT.search(text) is not None


def title_like(text: str) -> bool:
    """A line that could be a title or heading: capitalised, short, no final full stop."""
    words = text.split()
    return (
        0 < len(words) <= 25
        and any(sum(c.isalpha() for c in word) >= 3 for word in words)
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'‘“(")
        and not text.endswith((".", ";", ","))
    )


@define
class Line:
    """One classified line; ``index`` is its 1-based place among the document's lines.

    ``kind`` is one of ``blank``, ``marker``, ``furniture``, ``heading``, ``lead_in``,
    ``meta``, ``header``, ``ids``, ``item``, ``text``. ``key`` is the section of a heading
    or lead-in, the field of a metadata label, the code of a header; ``value`` the value
    on a label's line (``None``: on the next line) or a header's title; ``joined`` the
    indexes of wrapped lines read into this one.
    """

    index: int
    source: SourceLine
    text: str
    kind: str
    key: str = ""
    value: str | None = None
    mark: Mark | None = None
    indent: int = 0
    markers: tuple[str, ...] = ()
    joined: list[int] = field(factory=list)
    note: str = ""
    hyphenated: bool = False
    """The physical line ended in a hyphen (or soft hyphen) after a letter."""
    prefix: str = ""
    """An item's mark as printed (``P3``, ``1.``, ``•``), which ``text`` leaves out."""
    was: str = ""
    """The kind the line had before it was found to be furniture."""
    closed: bool = False
    """The line holds its whole statement already (ids paired with their texts)."""

    @property
    def whole(self) -> str:
        """The text with an item's printed mark (``1. text``), bullets left out."""
        if self.mark is None or self.mark.style == "bullet" or not self.prefix:
            return self.text
        return f"{self.prefix} {self.text}"

    @property
    def content(self) -> bool:
        """The line holds text of the document (not blank, marker or furniture)."""
        return self.kind not in ("blank", "marker", "furniture")


def clean(raw: str) -> str:
    """``raw`` without bookmark markers and printing artefacts (ligatures, odd spaces,
    control characters; a DEL where a PDF font had a bullet reads as the bullet)."""
    text = _CONTROL.sub(" ", _MARKER.sub("", raw).translate(_LIGATURES))
    return text.replace("\u00ad", "") if "\u00ad" in text else text


def _indent(raw: str) -> int:
    width = 0
    for char in raw:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


_VERSION = re.compile(r"(?i:version(?:\s+(?:no\.?|number))?)\s*:?\s*([0-9]{1,3})")
_TRAILING_VERSION = re.compile(r"(.*\S)\s+((?i:version\s+no\.?)\s*[0-9]{1,3})")


def _meta(text: str) -> tuple[str, str | None] | None:
    """``(field, value)`` of a metadata line (value ``None`` when it is on the next line)."""
    version = _VERSION.fullmatch(text)
    if version:
        return "version", version.group(1)
    bare = text.rstrip(":").strip()
    key = meta_key(bare)
    marked = split_mark(text)
    if key is not None and (marked is None or marked[0].style != "bullet"):
        return key, None  # a label alone; "• Replaces" is a list item, whatever its words
    pieces = _META_SPLIT.split(text, maxsplit=1)
    if len(pieces) == 2 and pieces[1].strip():
        key = meta_key(pieces[0].strip())
        if key is not None:
            return key, squash_spaces(pieces[1])
    return None


def leading_label(text: str, shortest: int = 1) -> tuple[str, str | None] | None:
    """``(field, value)`` of a metadata label of ``shortest`` words or more and its value,
    one space apart ("Version Number 2"); a label is capitalised ("review date for ..." is
    a statement)."""
    words = text.split(" ")
    if not text[:1].isupper():
        return None
    for size in range(3, shortest - 1, -1):
        key = meta_key(" ".join(words[:size]))
        if key is not None and key not in ("code", "title") and len(words) > size:
            return key, " ".join(words[size:])
    return None


def _leading_heading(text: str) -> tuple[str, str]:
    """A heading at the start of ``text`` and the capitalised sentence after it, if any."""
    words = text.split(" ")
    if words[0].casefold() in ("the", "a", "an", "this", "these", "your", "all"):
        return "", ""  # a sentence, not a heading run into one
    for size in (7, 6, 5, 4, 3, 2, 1):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        if not rest[:1].isupper() or len(words) <= size:
            continue
        key = heading_key(head)
        single = key == "overview" or (key == "values" and len(rest.split()) >= 8)
        if key is not None and (len(words_of(head)) > 1 or single):
            return head, rest
    return "", ""


def _classify(index: int, source: SourceLine) -> list[Line]:
    raw = source.text
    markers = tuple(squash_spaces(m) for m in _MARKER.findall(raw))
    cleaned = clean(raw)
    hyphenated = bool(re.search(r"[A-Za-z]-\s*$", cleaned)) or raw.rstrip().endswith("\u00ad")
    text = squash_spaces(cleaned)
    indent = source.level * 4 if source.level is not None else _indent(cleaned)

    def line(
        kind: str,
        shown: str = text,
        *,
        key: str = "",
        value: str | None = None,
        mark: Mark | None = None,
        note: str = "",
        prefix: str = "",
    ) -> list[Line]:
        made = Line(index, source, shown, kind, key, value, mark, indent, markers)
        made.note, made.prefix, made.hyphenated = note, prefix, hyphenated
        return [made]

    if not text:
        if "".join(_MARKER.sub("", raw).split()):  # something, but nothing a reader sees
            return line("furniture", "", note="control characters only")
        return line("marker" if markers else "blank", "")
    if source.furniture:
        return line("furniture", note=source.furniture)
    if source.label is not None:
        return line("item", mark=parse_label(source.label), prefix=source.label)
    head, rest = _leading_heading(text) if heading_key(text) is None else ("", "")
    if head and lead_in_key(rest) is not None:  # "Scope/range ... The details in this field ..."
        return [
            *line("heading", head, key=heading_key(head) or ""),
            *line("lead_in", rest, key=lead_in_key(rest) or ""),
        ]
    lead = lead_in_key(text)
    after = _AFTER_DISCLAIMER.fullmatch(text) if lead == "scope" else None
    if after is not None:  # the fixed sentence, then a statement on the same line
        return [
            *line("lead_in", after.group(1), key="scope"),
            *_classify(index, evolve(source, text=after.group(2))),
        ]
    if lead is not None:
        return line("lead_in", key=lead)
    heading = heading_key(text)
    if heading is not None:
        return line("heading", key=heading)
    head, tab, rest = cleaned.strip().partition("\t")
    key = heading_key(squash_spaces(head)) if tab and squash_spaces(rest) else None
    if key is None:  # a heading run into the sentence after it ("Overview This standard ...")
        head, rest = _leading_heading(text)
        key = heading_key(head) if head else None
    if key is not None:
        second = _classify(index, SourceLine(rest, source.origin))[0]
        second.hyphenated = hyphenated
        return [*line("heading", squash_spaces(head), key=key), second]
    trailing = _TRAILING_VERSION.fullmatch(text)
    if trailing is not None:  # the Skills for Health tools site ends an overview so
        first = _classify(index, SourceLine(trailing.group(1), source.origin))
        return [
            *first,
            *line("meta", trailing.group(2), key="version", value=trailing.group(2).split()[-1]),
        ]
    meta = _meta(cleaned.strip())
    if meta is None:  # "Developed by Skills for Care": a label of two words or more, a space
        meta = leading_label(text, 1 if source.origin.style == RUN_ON else 2)
    if meta is not None:
        return line("meta", key=meta[0], value=meta[1])
    ids = id_run(text)
    if ids is not None and (len(ids) > 1 or text == ids[0]):
        return line("ids", value=" ".join(ids))
    marked = split_mark(text)
    if marked is not None:
        prefix = text[: len(text) - len(marked[1])].strip()
        mark, rest = marked
        if mark.style == "bullet" and f" {mark.value} " in rest:  # two bullets on one line
            parts = [part.strip() for part in rest.split(f" {mark.value} ") if part.strip()]
            return [made for part in parts for made in line("item", part, mark=mark, prefix=prefix)]
        return line("item", rest, mark=mark, prefix=prefix)
    header = HEADER_LINE.fullmatch(text)
    if header is not None and not text[:1].islower() and not _SITE_TEXT.search(text):
        element = header.group(2) or ""  # HSC41.1: an element of HSC41
        title = _SQA_CODE.sub("", header.group(3) or "") or None
        return line("header", key=header.group(1), value=title, prefix=element)
    return line("text")


def reclassified(line: Line, text: str) -> Line:
    """A line of ``line``'s place holding ``text`` (a part of it, or it and the next lines)."""
    return _classify(line.index, SourceLine(text, line.source.origin))[0]


def as_label(line: Line, text: str) -> Line | None:
    """``text`` at ``line``'s place as one whole heading, lead-in or label, else ``None``."""
    parts = _classify(line.index, SourceLine(text, line.source.origin))
    whole = len(parts) == 1 and parts[0].kind in ("heading", "meta", "lead_in")
    return parts[0] if whole and parts[0].value is None else None


def classify_document(document: Document) -> list[Line]:
    """The classified lines of ``document``, in order."""
    return [
        line
        for index, source in reading_order(document)
        for part in split_run_on(source)
        for line in _classify(index, part)
    ]
