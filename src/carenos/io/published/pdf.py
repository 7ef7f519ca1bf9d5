"""PDF (.pdf), read with pypdf: the text layer of each page, as lines.

Lines of a PDF are wrapped as the page set them, pages carry running headers and footers,
and words may be hyphenated at line ends: the importer deals with all of it. A PDF without
a text layer (a scan) cannot be read: it needs OCR first.
"""

from __future__ import annotations

import io

from ...errors import ReadError
from . import Document, Origin, SourceLine

__all__ = ["read_pdf_document"]


def read_pdf_document(data: bytes, source: str) -> Document:
    """The lines of a PDF's text layer, with their page and line on the page."""
    import logging

    from pypdf import PdfReader

    # pypdf logs what it recovers from (as warnings and errors): what it cannot read, it
    # raises, and that is reported; the rest is not the user's business.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("not a PDF file (it does not start with %PDF)", source=source)
    lines: list[SourceLine] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("the PDF is encrypted: save an unprotected copy", source=source)
        for page_number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            for line_number, raw in enumerate(text.split("\n"), start=1):
                lines.append(SourceLine(raw, Origin(line=line_number, page=page_number)))
    except ReadError:
        raise
    except Exception as error:  # pypdf raises many kinds on broken files
        raise ReadError(f"not a readable PDF: {error!r}", source=source) from None
    if not any(line.text.strip() for line in lines):
        raise ReadError(
            "the PDF has no text layer (a scanned document?): run it through OCR "
            "(for example ocrmypdf) and import the result",
            source=source,
        )
    return Document(source, "pdf", tuple(lines), reflow=True)
