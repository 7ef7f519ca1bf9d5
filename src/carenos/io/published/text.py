"""Plain text (.txt): what Word's "Save as text", pdftotext, a browser copy or a viewer gives.

Form feeds (pdftotext's page breaks) start a new page; the line numbering is the file's.
Text that is not UTF-8 is read as UTF-16 where it starts with that byte-order mark, else
as Windows-1252 (Notepad's "ANSI"), which is what older extracts are.
"""

from __future__ import annotations

import re

from ...errors import ReadError
from ..files import normalise_newlines, refuse_nul
from . import Document, Origin, SourceLine

__all__ = ["decode_published", "read_text_document", "text_document"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_published(data: bytes, source: str) -> str:
    """The text of ``data``: UTF-8, UTF-16 (with its BOM) or Windows-1252; newlines as LF.

    Raises :class:`ReadError` for data that is not text (NUL bytes or control characters).
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("not text: a broken UTF-16 file", source=source) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            found = _CONTROL.search(text) or ("\ufffd" in text and re.search("\ufffd", text))
            if found:
                raise ReadError(
                    "not text: binary data (give a .docx, .pdf or .html file its suffix)",
                    source=source,
                ) from None
    refuse_nul(text, source, message="NUL byte: a binary file, not text")
    return normalise_newlines(text)


def read_text_document(data: bytes, source: str) -> Document:
    """The lines of a text file, with their line (and, after form feeds, page) numbers."""
    return text_document(decode_published(data, source), source)


def text_document(text: str, source: str = "<string>") -> Document:
    """The lines of ``text``, with their line (and, after form feeds, page) numbers."""
    text = normalise_newlines(text)
    paged = "\f" in text
    lines = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", " ")
        lines.append(SourceLine(raw, Origin(line=number, page=page if paged else None)))
    return Document(source, "text", tuple(lines), reflow=True)
