"""Wrapped lines and wrapped labels: what printing did to the text, undone.

Wrapped lines are joined where the line before was full: the next line's first word would
not have fitted on it (a line that ends in a hyphen always continues). A hyphen at a line
end is undone only where the joined word is a word: one the document itself uses, or a stem
with a common suffix (``informa-``/``tion``); ``well-``/``being`` keeps its hyphen.
"""

from __future__ import annotations

import itertools
import re

from .lines import Line, as_label, title_like
from .vocabulary import lead_in_key

__all__ = ["CONTINUING", "dehyphenated", "join_split_labels", "join_wrapped", "vocabulary"]

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SUFFIXES = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ed", "ity", "ities",
    "ness", "ance", "ances", "ence", "ences", "al", "ial", "ual", "ive", "ives", "ible",
    "able", "ally", "ly", "ise", "ised", "ises", "ize", "ized", "ure", "ures", "ous", "ious",
    "er", "ers", "ist", "ists", "ship", "ships", "ful", "ate", "ates", "ated", "ation",
    "ations", "uals", "ual's", "ic", "ics", "ical", "ent", "ents", "ant", "ants", "ry",
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
            # the next few lines that say anything (a viewer may put blank lines between)
            ahead = [
                (at, x)
                for at, x in enumerate(lines[position : position + 8], start=position)
                if x.kind != "blank"
            ][:4]
            for size in (4, 3, 2):
                group = [x for _, x in ahead[:size]]
                if len(group) < size or any(
                    x.kind not in _LABEL_KINDS or len(x.text.split()) > 4 for x in group
                ):
                    continue
                candidate = as_label(line, " ".join(x.text for x in group))
                if candidate is not None:
                    merged = candidate
                    merged.joined.extend(x.index for x in group[1:])
                    skipped = lines[position : ahead[size - 1][0] + 1]
                    out.append(merged)
                    out.extend(x for x in skipped if x.kind == "blank")
                    position = ahead[size - 1][0] + 1
                    break
        if merged is None:
            out.append(line)
            position += 1
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


def _wraps_somewhere(lines: list[Line]) -> bool:
    """Some line plainly goes on on the next one: it ends in a hyphen or a word a statement
    does not end on ("... values you need to" / "carry out ..."). A text without one was not
    wrapped (a copied web page: a line a paragraph), however its line lengths fall."""
    content = [line for line in lines if line.content]
    return any(
        (before.hyphenated or before.text.rsplit(" ", 1)[-1].casefold() in CONTINUING)
        and after.kind == "text"
        and after.text[:1].islower()
        for before, after in itertools.pairwise(content)
    )


def _widths(lines: list[Line], always_wrapped: bool = False) -> dict[int | None, int]:
    """The width each column's lines were wrapped at (``None``: lines not in columns);
    empty where the document's lines were not wrapped.

    Wrapped text has many lines close to its width; text with a line per paragraph has
    lines of every length, and a long tail.
    """
    if not always_wrapped and not _wraps_somewhere(lines):
        return {}
    by_column: dict[int | None, list[int]] = {}
    for line in lines:
        if line.content:
            length = len(" ".join(line.source.text.split()))
            by_column.setdefault(line.source.origin.column, []).append(length)
    widths: dict[int | None, int] = {}
    for column, lengths in by_column.items():
        lengths.sort()
        if always_wrapped:
            widths[column] = lengths[-1]
            continue
        if len(lengths) < 5:
            continue
        width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
        full = sum(1 for length in lengths if length >= width * 0.8)
        if width <= 200 and full >= len(lengths) * 0.3:
            widths[column] = width
    return widths


def join_wrapped(lines: list[Line], *, always_wrapped: bool = False) -> list[Line]:
    """The lines with wrapped continuations read into the line they continue.

    A text line continues the text or item before it (no blank line between; furniture
    between, at a page break, is passed over) when that line ended in a hyphen or was full;
    never where it heads what follows (a capitalised line before statements or a lead-in, a
    lead-in ending in ":" before its list). ``always_wrapped`` says the lines were set on
    a page (a PDF's text layer), however few there are.
    """
    widths = _widths(lines, always_wrapped)
    words = vocabulary(lines)
    spaced = _double_spaced(lines)
    following = _following(lines)
    kept: list[Line] = []
    previous: Line | None = None
    last_length = 0
    passed_furniture = passed_blank = False
    for line in lines:
        if line.kind == "furniture":
            passed_furniture = True
            kept.append(line)
            continue
        if line.kind in ("blank", "marker"):
            passed_blank = True
            if not passed_furniture and not spaced:
                previous = None
        if (
            line.kind == "text"
            and previous is not None
            and previous.kind in ("text", "item", "header", "lead_in")
            and not previous.closed
            and not _heads(line, following[id(line)], following, always_wrapped)
            and (
                (
                    not (spaced and passed_blank)
                    and (
                        (always_wrapped and previous.kind == "item")  # a page marks statements
                        or (  # on a page, a paragraph goes on in lower case
                            always_wrapped
                            and line.text[:1].islower()
                            and not previous.text.endswith((".", ":", "!", "?"))
                        )
                        or _continues(
                            previous, last_length, line, widths.get(line.source.origin.column, 0)
                        )
                    )
                )
                or (
                    spaced
                    and previous.kind != "header"
                    and line.text[:1].islower()
                    and not previous.text.endswith((".", ":"))
                )
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
            passed_blank = False
            continue
        kept.append(line)
        if line.kind not in ("blank", "marker"):
            previous = line
            passed_furniture = passed_blank = False
            last_length = len(" ".join(line.source.text.split()))
    return kept


def _following(lines: list[Line]) -> dict[int, Line | None]:
    """For each line (by ``id``), the next line that is not blank, a marker or furniture."""
    found: dict[int, Line | None] = {}
    upcoming: Line | None = None
    for line in reversed(lines):
        found[id(line)] = upcoming
        if line.kind not in ("blank", "marker", "furniture"):
            upcoming = line
    return found


def _starts(line: Line | None) -> bool:
    """``line`` begins a list: a lead-in, a run of ids, or a statement with a printed id."""
    return line is not None and (
        line.kind in ("lead_in", "ids")
        or (line.kind == "item" and line.mark is not None and line.mark.style in "PK")
    )


def _heads(
    line: Line, upcoming: Line | None, following: dict[int, Line | None], printed: bool
) -> bool:
    """``line`` heads what comes after it, so it continues nothing before it: a title before
    a list (itself wrapped onto one more line, perhaps).

    On a printed page (``printed``) every statement has its mark: an unmarked line ending
    in ":" there is the end of a wrapped one; in copied text it is a lead-in of its own.
    """
    if upcoming is None:
        return False
    if line.text.endswith(":") and upcoming.kind == "item" and not printed:
        return True  # a lead-in to its sub-items
    wrapped = upcoming.kind == "text" and _starts(following.get(id(upcoming)))
    return title_like(line.text) and (_starts(upcoming) or wrapped)


def _continues(previous: Line, last_length: int, line: Line, width: int) -> bool:
    if previous.hyphenated:
        return True
    if line.text[:1].isupper() and line.text.split()[:1] == previous.text.split()[:1]:
        return False  # a list of parallel lines ("To be ...", "To be ...")
    if previous.text.endswith(":"):
        return False
    if previous.text.rsplit(" ", 1)[-1].casefold() in CONTINUING:
        return True  # "... non-compliance or" goes on, however the text is laid out
    if width < 45:  # no page or column is set this narrow: the text is not wrapped
        return False
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
