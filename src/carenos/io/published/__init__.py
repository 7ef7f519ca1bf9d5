"""Readers of published documents (.txt, .html, .docx, .pdf): bytes -> lines with their origin.

Each reader turns one file into a :class:`Document`: its lines in reading order, each with
where it came from (line, page, paragraph, table cell, list level and the list label the
document shows but does not hold in its text, as Word numbering does). The importer
(:mod:`carenos.importer`) reads the lines; nothing here knows what a standard is. Which
reader reads which suffix is the table :data:`carenos.io.formats.DOCUMENT_READERS`.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from attrs import frozen

from ...errors import UsageError
from ..files import read_bytes

__all__ = ["Document", "Origin", "SourceLine", "read_document"]


@frozen
class Origin:
    """Where a line came from; fields that do not apply to the format are ``None``."""

    line: int | None = None
    """The line of a text file (1-based)."""
    page: int | None = None
    """The page (1-based) of a PDF, or of text with form feeds between pages."""
    paragraph: int | None = None
    """The paragraph of a Word or HTML document (1-based, body order)."""
    cell: tuple[int, int] | None = None
    """The table and row (1-based) of a table row, its cells joined by tabs."""
    style: str | None = None
    """The paragraph style or HTML element (``Heading 1``, ``List Bullet``, ``h2``, ``li``)."""
    column: int | None = None
    """The character column a part of a line laid out in columns starts at (0-based)."""

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.cell is not None:
            parts.append(f"table {self.cell[0]} row {self.cell[1]}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.style:
            parts.append(self.style)
        return ", ".join(parts)


@frozen
class SourceLine:
    """One line of a document: its text and origin.

    ``label`` is a list label the document shows outside the text (Word or HTML list
    numbering: ``"1."``, ``"•"``), ``level`` the list's nesting level (0 for the outer
    list); ``furniture`` says why the reader already knows the line is not content
    (``"<nav>"``, ``"outside <main>"``).
    """

    text: str
    origin: Origin
    label: str | None = None
    level: int | None = None
    furniture: str | None = None


@frozen
class Document:
    """The lines of one published document.

    ``reflow`` says the lines may be wrapped (text, PDF) and the importer should join them;
    paragraphs of Word and HTML documents are whole lines already.
    """

    source: str
    kind: str
    lines: tuple[SourceLine, ...]
    reflow: bool


def read_document(
    path: str | os.PathLike[str], *, kind: str | None = None, max_size: int | None = None
) -> Document:
    """The document at ``path``, read by the reader of its suffix (or of ``kind``).

    A suffix with no reader of its own is read as text. Raises
    :class:`~carenos.errors.ReadError` naming the file for what cannot be read.
    """
    from ..formats import DOCUMENT_READERS, document_kind

    source = os.fspath(path)
    name = kind or document_kind(PurePath(source)) or "text"
    if name not in DOCUMENT_READERS:
        raise UsageError(
            f"unknown document kind {name!r}: use one of {', '.join(DOCUMENT_READERS)}"
        )
    data = read_bytes(path, limit=max_size)
    result: Document = DOCUMENT_READERS[name].load()(data, source)
    return result
