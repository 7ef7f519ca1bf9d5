"""Text laid out in columns (``pdftotext -layout``): side labels and content read in order.

A published NOS is often a table: side labels ("Performance criteria", "You must be able
to:") in a left column, ids and statements to their right. Extracted with its layout kept,
each line holds cells separated by runs of spaces. Where a document is laid out so, each
group of rows that has side labels is read as its labels first (left column first), then
its content, row by row; an id or mark in a cell of its own is read with the text beside
it. Every part keeps its line's index, so the account still names the physical line.
"""

from __future__ import annotations

import re

from attrs import evolve

from ..io.published import Document, SourceLine
from .marks import id_run, split_mark
from .vocabulary import heading_key, label_fragment, lead_in_key, meta_key

__all__ = ["reading_order"]

_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)")
_MIN_ROWS = 5


def _cells(text: str) -> list[tuple[int, str]]:
    """The cells of a line and the column each starts at (runs of 3+ spaces split them;
    a tab-separated row is a table row, read as it stands)."""
    if "\t" in text.strip():
        return [(len(text) - len(text.lstrip()), text.strip())] if text.strip() else []
    return [(m.start(), m.group(0)) for m in _GAP.finditer(text)]


def _is_mark(text: str) -> bool:
    return id_run(text) is not None or (split_mark(f"{text} x") is not None and len(text) <= 4)


def _rows(lines: list[str]) -> list[list[tuple[int, str]]]:
    rows = []
    for raw in lines:
        cells = _cells(raw)
        merged: list[tuple[int, str]] = []
        for start, text in cells:  # an id in a cell of its own goes with the text after it
            if merged and _is_mark(merged[-1][1]) and start > merged[-1][0]:
                merged[-1] = (start, f"{merged[-1][1]} {text}")
            else:
                merged.append((start, text))
        rows.append(merged)
    return rows


def _whole_label(text: str) -> bool:
    """A side label complete in itself (a heading, lead-in or metadata label)."""
    return any(key(text) is not None for key in (heading_key, lead_in_key, meta_key))


def _laid_out(rows: list[list[tuple[int, str]]]) -> bool:
    """Enough rows hold side labels beside content to read the text as columns."""
    return sum(1 for row in rows if len(row) >= 2 and label_fragment(row[0][1])) >= _MIN_ROWS


def reading_order(document: Document) -> list[tuple[int, SourceLine]]:
    """The document's lines as ``(index, part)`` in reading order (see the module)."""
    indexed = list(enumerate(document.lines, start=1))
    if document.kind not in ("text", "pdf"):
        return indexed
    rows = _rows([line.text for line in document.lines])
    if not _laid_out(rows):
        return indexed
    out: list[tuple[int, SourceLine]] = []
    labels: list[tuple[int, int, int, SourceLine]] = []
    content: list[tuple[int, SourceLine]] = []

    def flush() -> None:
        out.extend((index, part) for _, _, index, part in sorted(labels, key=lambda x: x[:2]))
        out.extend(content)
        labels.clear()
        content.clear()

    labelled = False
    for (index, line), row in zip(indexed, rows, strict=True):
        if not row:
            flush()
            out.append((index, line))
            labelled = False
            continue
        left = [
            (start, text)
            for position, (start, text) in enumerate(row)
            if label_fragment(text) and (position < len(row) - 1 or len(row) == 1)
        ]
        right = [(start, text) for start, text in row if (start, text) not in left]
        # A complete label that does not go on the labels before it starts the next group.
        starts = bool(left) and _whole_label(left[0][1])
        if starts:
            texts = [part.text for *_, part in labels]
            starts = not any(
                _whole_label(" ".join([*texts[-k:], left[0][1]])) for k in range(1, 4) if texts
            )
        if left and content and (not labelled or starts):
            flush()
        labelled = bool(left)
        labels.extend((start, len(labels), index, _part(line, text, start)) for start, text in left)
        content.extend((index, _part(line, text, start)) for start, text in right)
    flush()
    return out


def _part(line: SourceLine, text: str, column: int) -> SourceLine:
    return evolve(line, text=text, origin=evolve(line.origin, column=column))
