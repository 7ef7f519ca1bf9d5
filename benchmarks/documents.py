"""Published documents of a standard for the importer's benchmark: the seed's extracted
text as ``.txt``, and the same lines as an HTML page, a Word document and a PDF, each
with its reader alone as the baseline (what the importer adds is recognising the layout
and accounting for every line).
"""

from __future__ import annotations

import html
from pathlib import Path

from carenos.importer import import_file
from carenos.model import Standard

__all__ = ["CODE", "TITLE", "imported", "make_documents", "read_alone"]

ROOT = Path(__file__).resolve().parent.parent
CODE = "SCDHSC0393"
TITLE = "Promote participation in agreed therapeutic group activities"


def _lines() -> list[str]:
    text = (ROOT / "data" / "sources" / f"{CODE}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()]


def make_documents(directory: Path) -> dict[str, Path]:
    """The standard as ``.txt``, ``.html``, ``.docx`` and ``.pdf`` in ``directory``."""
    import docx
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    directory.mkdir(parents=True, exist_ok=True)
    lines = _lines()
    made = {kind: directory / f"{CODE}.{kind}" for kind in ("txt", "html", "docx", "pdf")}
    made["txt"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line)
    made["html"].write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><title>{CODE}</title></head>'
        f"<body>\n{body}</body></html>\n",
        encoding="utf-8",
    )
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(made["docx"]))
    pdf = canvas.Canvas(str(made["pdf"]), pagesize=A4)
    y = 800.0
    for line in lines:
        for start in range(0, max(len(line), 1), 95):  # wrap long lines as a page would
            pdf.drawString(40, y, line[start : start + 95])
            y -= 12
            if y < 40:
                pdf.showPage()
                y = 800.0
    pdf.save()
    return made


def read_alone(kind: str, path: Path) -> int:
    """Baseline: the document's text by its reader alone (the characters read)."""
    if kind == "txt":
        return len(path.read_text(encoding="utf-8"))
    if kind == "html":
        import lxml.html

        return len(lxml.html.parse(str(path)).getroot().text_content())
    if kind == "docx":
        import docx

        return sum(len(p.text) for p in docx.Document(str(path)).paragraphs)
    import pypdf

    return sum(len(page.extract_text()) for page in pypdf.PdfReader(str(path)).pages)


def imported(path: Path) -> list[Standard]:
    """Subject: ``carenos import`` of the document (every line accounted for)."""
    return import_file(path, code=CODE, title=TITLE)
