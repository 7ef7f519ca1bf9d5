"""Page furniture: running headers and footers, page numbers, running titles.

Furniture is what repeats: running headers and footers (the URN and title, "Page 3 of 7",
a copyright line) are recognised because the same line, digits aside, comes back on page
after page, or because it is a page number where a page starts or ends.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ..codes import HEADER_CODE
from .lines import Line, reclassified
from .vocabulary import label_fragment

__all__ = ["mark_furniture", "title_of"]

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[0-9]{1,3}(?:\s*(?:of|/)\s*[0-9]{1,3})?|[-–(]\s*[0-9]{1,3}\s*[-–)]", re.I
)
_PAGE_WORDS = re.compile(r"\bpage\s+[0-9]{1,3}(?:\s+of\s+[0-9]{1,3})?\b", re.I)
_DIGITS = re.compile(r"[0-9]+")
_FURNITURE_KINDS = frozenset({"text", "header", "meta"})


def _form(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def mark_furniture(lines: list[Line], paged: bool) -> list[Line]:
    """Mark running headers, footers and page numbers as furniture.

    A line (text, header or label kind) is furniture when, digits aside, it comes back
    three times or more, or twice at page edges of a paged document; a page number is
    furniture at a page edge, or anywhere when it says "page". A running title that text
    extraction ran into the line under it ("Title Performance") is split off that line.
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
    places: dict[str, list[int]] = {}
    for place, line in enumerate(content):
        places.setdefault(_form(line.text), []).append(place)
    edge_forms = {  # a line that comes back twice is furniture only at page edges each time
        form: all(id(content[place]) in edges for place in found) for form, found in places.items()
    }
    for form, found in places.items():  # a list (HSC41.1, HSC41.2 ...) is no furniture
        close = sum(1 for a, b in itertools.pairwise(found) if b - a <= 2)
        if close and close * 2 >= len(found) - 1:  # most of them one after the other
            counts[form] = 0
    after = {id(a): b for a, b in itertools.pairwise(content)}
    for previous, line in zip([None, *content], content, strict=False):
        if line.kind not in _FURNITURE_KINDS and line.kind != "item":
            continue
        if previous is not None and previous.kind == "meta" and previous.value is None:
            continue  # the value of the label before it ("Version Number" / "2")
        at_edge = id(line) in edges
        if line.kind == "item":
            if at_edge and _PAGE_NUMBER.fullmatch(line.source.text.strip()):
                line.was, line.kind, line.note = "item", "furniture", "page number"
            continue
        if label_fragment(line.text):
            continue  # a piece of a wrapped label ("understand:"), repeated with its label
        form = _form(line.text)
        count = counts[form]
        if _PAGE_NUMBER.fullmatch(line.text):  # a bare number: at a page edge, or by furniture
            beside = previous is not None and previous.kind == "furniture"
            marker = line.text.startswith("(") and count >= 2  # a viewer's "(3)" page marks
            upcoming = after.get(id(line))
            between = (  # a page's number between two statements of one list, no form feed
                previous is not None
                and upcoming is not None
                and previous.kind == upcoming.kind == "item"
                and line.text.isdigit()
            )
            marker = marker or between
            if at_edge or beside or marker or "page" in line.text.casefold():
                line.was, line.kind, line.note = line.kind, "furniture", "page number"
        elif (
            count >= 3
            or (count >= 2 and edge_forms[form])
            or (_PAGE_WORDS.search(line.text) and at_edge)
        ):
            line.was, line.kind, line.note = line.kind, "furniture", "running header or footer"
    return _split_running_titles(lines)


def _split_running_titles(lines: list[Line]) -> list[Line]:
    titles = Counter(
        title_of(line.value)
        for line in lines
        if line.was == "header" and line.value and len(line.value) > 12
    )
    heads = {title for title, n in titles.items() if n >= 2}
    heads.discard("")
    if not heads:
        return lines
    out: list[Line] = []
    upcoming_of: dict[int, Line] = {}  # each line's next line with content, found in one pass
    upcoming: Line | None = None
    for line in reversed(lines):
        if upcoming is not None:
            upcoming_of[id(line)] = upcoming
        if line.content:
            upcoming = line
    for line in lines:
        upcoming = upcoming_of.get(id(line))
        heads_statements = (
            upcoming is not None
            and upcoming.kind == "item"
            and upcoming.mark is not None
            and upcoming.mark.style in "PK"
        )  # an element that has the standard's title, not the running title
        if line.kind == "text" and line.text in heads and line.index > 1 and not heads_statements:
            line.was, line.kind, line.note = line.kind, "furniture", "running title"
        head = next(
            (
                h
                for h in heads
                if line.kind == "text"
                and line.text.startswith(f"{h} ")
                and label_fragment(line.text[len(h) + 1 :].split(" ", 1)[0])
            ),
            None,
        )  # the running title run into the label under it ("Title Performance")
        if head is None:
            out.append(line)
            continue
        first = reclassified(line, head)
        first.was, first.kind, first.note = first.kind, "furniture", "running title"
        out += [first, reclassified(line, line.text[len(head) + 1 :])]
    return out


def title_of(header_title: str) -> str:
    """The title in a running header's text after the code ("Title 3 SCDHSC0023" -> "Title")."""
    words = []
    for word in header_title.split():
        if word.isdigit() or HEADER_CODE.fullmatch(word):
            break
        words.append(word)
    return " ".join(words)
