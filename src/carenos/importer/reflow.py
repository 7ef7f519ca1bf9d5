"""Page furniture and wrapped lines: what printing did to the text, undone.

Furniture is what repeats: running headers and footers (the URN and title, "Page 3 of 7",
a copyright line) are recognised because the same line, digits aside, comes back on page
after page, or because it is a page number where a page starts or ends. Wrapped lines are
joined where the line before was full: the next line's first word would not have fitted
on it (a line that ends in a hyphen always continues). A hyphen at a line end is undone
only where the joined word is a word: one the document itself uses, or a stem with a
common suffix (``informa-``/``tion``); ``well-``/``being`` keeps its hyphen.
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line

__all__ = ["join_wrapped", "mark_furniture"]

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[0-9]{1,3}(?:\s*(?:of|/)\s*[0-9]{1,3})?|[-–]\s*[0-9]{1,3}\s*[-–]", re.I
)
_PAGE_WORDS = re.compile(r"\bpage\s+[0-9]{1,3}(?:\s+of\s+[0-9]{1,3})?\b", re.I)
_DIGITS = re.compile(r"[0-9]+")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SUFFIXES = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ed", "ity", "ities",
    "ness", "ance", "ances", "ence", "ences", "al", "ial", "ual", "ive", "ives", "ible",
    "able", "ally", "ly", "ise", "ised", "ises", "ize", "ized", "ure", "ures", "ous", "ious",
    "er", "ers", "ist", "ists", "ship", "ships", "ful", "ate", "ates", "ated", "ation",
    "ations", "ual", "uals", "ual's", "ic", "ics", "ical", "ent", "ents", "ant", "ants", "ry",
)  # fmt: skip
_KEEP_HYPHEN = frozenset(
    "self well non co cross multi inter ex anti pre post semi person child long short full part "
    "day face one two three four decision evidence sign".split()
)
_FURNITURE_KINDS = frozenset({"text", "header", "meta"})


def _form(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def mark_furniture(lines: list[Line], paged: bool) -> None:
    """Mark running headers, footers and page numbers as furniture, in place.

    A line (text, header or label kind) is furniture when, digits aside, it comes back
    three times or more, or twice at page edges of a paged document; a page number is
    furniture at a page edge, or anywhere when it says "page".
    """
    content = [line for line in lines if line.content]
    edges: set[int] = set()
    if paged:
        pages: dict[int | None, list[Line]] = {}
        for line in content:
            pages.setdefault(line.source.origin.page, []).append(line)
        for members in pages.values():
            edges.update(id(line) for line in members[:3] + members[-3:])
    counts = Counter(_form(line.text) for line in content if line.kind in _FURNITURE_KINDS)
    for line in content:
        if line.kind not in _FURNITURE_KINDS and line.kind != "item":
            continue
        at_edge = id(line) in edges
        if line.kind == "item":
            if at_edge and _PAGE_NUMBER.fullmatch(line.source.text.strip()):
                line.was, line.kind, line.note = "item", "furniture", "page number"
            continue
        count = counts[_form(line.text)]
        if _PAGE_NUMBER.fullmatch(line.text) and (at_edge or "page" in line.text.casefold()):
            line.was, line.kind, line.note = line.kind, "furniture", "page number"
        elif count >= 3 or (count >= 2 and at_edge) or (_PAGE_WORDS.search(line.text) and at_edge):
            line.was, line.kind, line.note = line.kind, "furniture", "running header or footer"


def _vocabulary(lines: list[Line]) -> set[str]:
    return {word.casefold() for line in lines for word in _WORD.findall(line.text)}


def _dehyphenated(before: str, after: str, words: set[str]) -> str:
    """``before`` (ending in a hyphen) and ``after`` joined, the hyphen kept or undone."""
    left = _WORD.findall(before)
    right = _WORD.findall(after)
    if not left or not right:
        return f"{before}{after}"
    head, tail = left[-1].casefold(), right[0].casefold()
    joined = head + tail
    keep = (
        f"{head}-{tail}" in words
        or head in _KEEP_HYPHEN
        or right[0][:1].isupper()
        or (joined not in words and not (tail in _SUFFIXES and head not in words))
    )
    return f"{before}{after}" if keep else f"{before[:-1]}{after}"


def _width(lines: list[Line]) -> int:
    """The width the document's lines were wrapped at, or 0 where they were not wrapped.

    Wrapped text has many lines close to its width; text with a line per paragraph has
    lines of every length, and a long tail.
    """
    lengths = sorted(len(" ".join(line.source.text.split())) for line in lines if line.content)
    if len(lengths) < 5:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
    full = sum(1 for length in lengths if length >= width * 0.7)
    return width if width <= 200 and full >= len(lengths) * 0.3 else 0


def join_wrapped(lines: list[Line]) -> list[Line]:
    """The lines with wrapped continuations read into the line they continue.

    A text line continues the text or item before it (no blank line between; furniture
    between, at a page break, is passed over) when that line ended in a hyphen or was full.
    """
    width = _width(lines)
    words = _vocabulary(lines)
    kept: list[Line] = []
    previous: Line | None = None
    last_length = 0
    passed_furniture = False
    for line in lines:
        if line.kind == "furniture":
            passed_furniture = True
            kept.append(line)
            continue
        if line.kind in ("blank", "marker") and not passed_furniture:
            previous = None
        if (
            line.kind == "text"
            and previous is not None
            and previous.kind in ("text", "item", "header")
            and _continues(previous, last_length, line, width)
        ):
            if previous.hyphenated and previous.text.endswith("-"):
                previous.text = _dehyphenated(previous.text, line.text, words)
            else:
                previous.text = f"{previous.text} {line.text}"
            previous.joined.append(line.index)
            previous.hyphenated = line.hyphenated
            last_length = len(" ".join(line.source.text.split()))
            continue
        kept.append(line)
        if line.kind not in ("blank", "marker"):
            previous = line
            passed_furniture = False
            last_length = len(" ".join(line.source.text.split()))
    return kept


def _continues(previous: Line, last_length: int, line: Line, width: int) -> bool:
    if previous.hyphenated:
        return True
    if width < 30 or previous.text.endswith(":"):
        return False
    if previous.text.endswith((".", "!", "?")) and line.text[:1].isupper():
        return False
    first_word = line.text.split(" ", 1)[0]
    return last_length + 1 + len(first_word) > width * 0.8
