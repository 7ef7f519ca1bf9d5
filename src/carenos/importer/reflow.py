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

import itertools
import re
from collections import Counter

from ..codes import HEADER_CODE
from .lines import Line, reclassified, title_like
from .marks import Mark
from .vocabulary import label_fragment, lead_in_key

__all__ = ["join_split_labels", "join_wrapped", "mark_furniture", "pair_id_runs", "title_of"]

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
_CONTINUING = frozenset(
    "a an and or nor but the of to in on at by for from with into onto as that which who whom "
    "whose where when while if than your their his her its our my this these those be is are "
    "was were has have had can could may might must should will would not including such".split()
)
"""Words a statement does not end on: a line ending in one goes on."""
_OPENERS = frozenset("what why how where when which who whom ways the".split())
"""Words that knowledge statements start with ("how to ...", "the ways ...")."""
_LABEL_KINDS = frozenset({"text", "heading", "meta", "lead_in"})
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
    for line in content:
        if line.kind not in _FURNITURE_KINDS and line.kind != "item":
            continue
        at_edge = id(line) in edges
        if line.kind == "item":
            if at_edge and _PAGE_NUMBER.fullmatch(line.source.text.strip()):
                line.was, line.kind, line.note = "item", "furniture", "page number"
            continue
        if label_fragment(line.text):
            continue  # a piece of a wrapped label ("understand:"), repeated with its label
        count = counts[_form(line.text)]
        if _PAGE_NUMBER.fullmatch(line.text):  # a bare number is furniture at a page edge only
            if at_edge or "page" in line.text.casefold():
                line.was, line.kind, line.note = line.kind, "furniture", "page number"
        elif count >= 3 or (count >= 2 and at_edge) or (_PAGE_WORDS.search(line.text) and at_edge):
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
    for line in lines:
        if line.kind == "text" and line.text in heads and line.index > 1:
            line.was, line.kind, line.note = line.kind, "furniture", "running title"
        head = next(
            (h for h in heads if line.kind == "text" and line.text.startswith(f"{h} ")), None
        )
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
                candidate = reclassified(line, " ".join(x.text for x in group))
                if candidate.kind in ("heading", "meta", "lead_in") and candidate.value is None:
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
            and previous.kind in ("text", "item", "header", "lead_in")
            and not previous.closed
            and _continues(previous, last_length, line, widths.get(line.source.origin.column, 0))
        ):
            if previous.hyphenated and previous.text.endswith("-"):
                previous.text = _dehyphenated(previous.text, line.text, words)
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
    if previous.text.rsplit(" ", 1)[-1].casefold() in _CONTINUING:
        return True
    if previous.text.endswith((".", "!", "?")) and line.text[:1].isupper():
        return False
    first_word = line.text.split(" ", 1)[0]
    return last_length + 1 + len(first_word) > width * 0.8


def _joined_text(lines: list[Line], words: set[str]) -> str:
    text = lines[0].text
    for before, line in itertools.pairwise(lines):
        if before.hyphenated and text.endswith("-"):
            text = _dehyphenated(text, line.text, words)
        else:
            text = f"{text} {line.text}"
    return text


def _breaks(block: list[Line], count: int, openers: frozenset[str] | set[str]) -> list[int]:
    """Where to cut ``block`` (wrapped texts) into ``count`` statements: after the lines
    with the most room left, that end a sentence, or before a word that starts statements;
    never after a hyphenated line or one that ends on a word a statement does not end on."""
    width = max(len(line.text) for line in block)
    scores = []
    for i, line in enumerate(block[:-1]):
        score = float(width - len(line.text))
        if block[i + 1].text.split(" ", 1)[0].casefold() in openers:
            score += 30
        if line.text.endswith((".", ":", ";")):
            score += 1000
        if line.hyphenated or line.text.rsplit(" ", 1)[-1].casefold() in _CONTINUING:
            score -= 1000
        scores.append((score, -i, i))
    chosen = sorted(scores, reverse=True)[: count - 1]
    return sorted(i for _, _, i in chosen)


def pair_id_runs(lines: list[Line]) -> list[Line]:
    """Ids printed in a run of their own (a column of ``P1 P2 ...``, then a column of texts,
    as text extraction gives two-column tables) paired with the texts that follow them.

    The texts after a run are cut into as many statements as there are ids; a capitalised
    last line that heads what follows (an element title) is left out. Where there are fewer
    texts than ids, the run is left for the layout reader.
    """
    words = _vocabulary(lines)
    openers = _OPENERS | {
        line.text.split(" ", 1)[0].casefold() for line in lines if line.kind == "item"
    }
    out: list[Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.kind != "ids" or line.value is None:
            out.append(line)
            position += 1
            continue
        run: list[Line] = []
        while position < len(lines) and lines[position].kind in ("ids", "blank", "furniture"):
            run.append(lines[position])
            position += 1
        ids = [i for member in run if member.kind == "ids" for i in (member.value or "").split()]
        block: list[Line] = []
        others: list[Line] = []
        end = position
        while end < len(lines) and lines[end].kind in ("text", "furniture", "blank"):
            (block if lines[end].kind == "text" else others).append(lines[end])
            end += 1
        following = next((x for x in lines[end:] if x.kind not in ("blank", "furniture")), None)
        heads_next = following is not None and following.kind in ("ids", "lead_in", "heading")
        if block and heads_next and title_like(block[-1].text) and len(block) > len(ids):
            block.pop()
            end = lines.index(block[-1], position) + 1 if block else position
        if len(block) < len(ids) or not ids:
            out.extend(run)
            continue
        cuts = [-1, *_breaks(block, len(ids), openers), len(block) - 1]
        for member in run:
            if member.kind == "ids":
                member.value = None  # paired here: the layout reader takes it as a label
            out.append(member)
        for ident, (first, last) in zip(ids, itertools.pairwise(cuts), strict=True):
            group = block[first + 1 : last + 1]
            head = group[0]
            head.kind, head.mark, head.prefix = "item", Mark(ident[0], ident), ident
            head.text = _joined_text(group, words)
            head.joined.extend(member.index for member in group[1:])
            head.hyphenated, head.closed = group[-1].hyphenated, True
        out.extend(x for x in lines[position:end] if x.kind != "text")  # read into the items
        position = end
    return out
