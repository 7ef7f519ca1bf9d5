"""Wrapped lines and wrapped labels: what printing did to the text, undone.

Wrapped lines are joined where the line before was full: the next line's first word would
not have fitted on it (a line that ends in a hyphen always continues). A hyphen at a line
end is undone only where the joined word is a word: one the document itself uses, or a stem
with a common suffix (``informa-``/``tion``); ``well-``/``being`` keeps its hyphen.
"""

from __future__ import annotations

import re

from .lines import Line, as_label
from .vocabulary import lead_in_key

__all__ = ["CONTINUING", "dehyphenated", "join_split_labels", "join_wrapped", "vocabulary"]

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
CONTINUING = frozenset(
    "a an and or nor but the of to in on at by for from with into onto as that which who whom "
    "whose where when while if than your their his her its our my this these those be is are "
    "was were has have had can could may might must should will would not including such".split()
)
"""Words a statement does not end on: a line ending in one goes on."""
"""Words that knowledge statements start with ("how to ...", "the ways ...")."""
_LABEL_KINDS = frozenset({"text", "heading", "meta", "lead_in"})


def join_split_labels(lines: list[Line]) -> list[Line]:
    """Headings and labels that a narrow column wrapped ("Knowledge and" / "understanding",
    "Indicative" / "Review Date") read as one line again."""
    out: list[Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        merged = None
        if line.kind in _LABEL_KINDS and len(line.text.split()) <= 4:
            for size in (4, 3, 2):
                group = lines[position : position + size]
                if len(group) < size or any(
                    x.kind not in _LABEL_KINDS or len(x.text.split()) > 4 for x in group
                ):
                    continue
                candidate = as_label(line, " ".join(x.text for x in group))
                if candidate is not None:
                    merged = candidate
                    merged.joined.extend(x.index for x in group[1:])
                    position += size
                    break
        if merged is None:
            out.append(line)
            position += 1
        else:
            out.append(merged)
    return out


def vocabulary(lines: list[Line]) -> set[str]:
    """The words of the document, lower case (what counts as a word when dehyphenating)."""
    return {word.casefold() for line in lines for word in _WORD.findall(line.text)}


def dehyphenated(before: str, after: str, words: set[str]) -> str:
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


def _widths(lines: list[Line]) -> dict[int | None, int]:
    """The width each column's lines were wrapped at (``None``: lines not in columns);
    empty where the document's lines were not wrapped.

    Wrapped text has many lines close to its width; text with a line per paragraph has
    lines of every length, and a long tail.
    """
    by_column: dict[int | None, list[int]] = {}
    for line in lines:
        if line.content:
            length = len(" ".join(line.source.text.split()))
            by_column.setdefault(line.source.origin.column, []).append(length)
    widths: dict[int | None, int] = {}
    for column, lengths in by_column.items():
        lengths.sort()
        if len(lengths) < 5:
            continue
        width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
        full = sum(1 for length in lengths if length >= width * 0.7)
        if width <= 200 and full >= len(lengths) * 0.3:
            widths[column] = width
    return widths


def join_wrapped(lines: list[Line]) -> list[Line]:
    """The lines with wrapped continuations read into the line they continue.

    A text line continues the text or item before it (no blank line between; furniture
    between, at a page break, is passed over) when that line ended in a hyphen or was full.
    """
    widths = _widths(lines)
    words = vocabulary(lines)
    spaced = _double_spaced(lines)
    kept: list[Line] = []
    previous: Line | None = None
    last_length = 0
    passed_furniture = False
    for line in lines:
        if line.kind == "furniture":
            passed_furniture = True
            kept.append(line)
            continue
        if line.kind in ("blank", "marker") and not passed_furniture and not spaced:
            previous = None
        if (
            line.kind == "text"
            and previous is not None
            and previous.kind in ("text", "item", "header", "lead_in")
            and not previous.closed
            and (
                _continues(previous, last_length, line, widths.get(line.source.origin.column, 0))
                or (spaced and line.text[:1].islower() and not previous.text.endswith((".", ":")))
            )
        ):
            if previous.hyphenated and previous.text.endswith("-"):
                previous.text = dehyphenated(previous.text, line.text, words)
            else:
                previous.text = f"{previous.text} {line.text}"
            previous.joined.append(line.index)
            previous.hyphenated = line.hyphenated
            if previous.kind in ("text", "lead_in") and lead_in_key(previous.text) is not None:
                previous.kind, previous.key = "lead_in", lead_in_key(previous.text) or ""
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
    if line.text[:1].isupper() and line.text.split()[:1] == previous.text.split()[:1]:
        return False  # a list of parallel lines ("To be ...", "To be ...")
    if width < 30 or previous.text.endswith(":"):
        return False
    if previous.text.rsplit(" ", 1)[-1].casefold() in CONTINUING:
        return True
    if previous.text.endswith((".", "!", "?")) and line.text[:1].isupper():
        return False
    first_word = line.text.split(" ", 1)[0]
    return last_length + 1 + len(first_word) > width * 0.8


def _double_spaced(lines: list[Line]) -> bool:
    """Nearly every line is followed by a blank one (as some viewers give text): a single
    blank line then separates nothing."""
    content = [i for i, line in enumerate(lines[:-1]) if line.content]
    if len(content) < 10:
        return False
    followed = sum(1 for i in content if lines[i + 1].kind == "blank")
    return followed >= len(content) * 0.8
