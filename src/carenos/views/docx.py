"""A standard as a Word document (.docx), written with python-docx in Word's own styles.

Headings are Word's ``Title`` and ``Heading 1``/``Heading 2`` styles (the navigation pane
shows them), lists are ``List Bullet`` paragraphs with Word numbering (``List Bullet 2``
for the items under a statement), the metadata is a table. Printed ids stand at the start
of their statement with a tab and a hanging indent, as the published documents print
them. The document reads back through the importer's Word reader to the same standard.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import KnowledgeItem, PerformanceCriterion, ScopeStatement, Standard
from .labels import labels_for
from .rows import header_rows, metadata_rows

__all__ = ["render_docx"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters an XML document cannot hold (a standard with one has a CN005 finding)."""
_PROPERTY = 255
"""The longest text a Word document property holds."""


def _xml(text: str) -> str:
    """``text`` with the characters XML cannot hold shown as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


_HANG = 0.55
"""The hanging indent of a numbered statement, in inches (its id, a tab, its text)."""


class _Writer:
    """Writes one standard into one python-docx document."""

    def __init__(self, standard: Standard) -> None:
        import docx
        from docx.shared import Pt

        self.standard = standard
        self.labels = labels_for(standard.language)
        self.doc: Any = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
        properties = self.doc.core_properties
        properties.title = _xml(f"{standard.code} {standard.title}")[:_PROPERTY]
        properties.subject = "National Occupational Standard"
        properties.language = standard.language
        properties.identifier = _xml(standard.code)[:_PROPERTY]

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(_xml(text), level=level)

    def paragraph(self, text: str, style: str | None = None) -> Any:
        return self.doc.add_paragraph(_xml(text), style=style)

    def labelled(self, label: str, value: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(_xml(f" {value}"))

    def bullets(self, texts: Iterable[str], style: str = "List Bullet") -> None:
        for text in texts:
            self.paragraph(text, style)

    def statements(
        self, items: Iterable[PerformanceCriterion | KnowledgeItem], printed: bool
    ) -> None:
        from docx.shared import Inches

        for item in items:
            if printed:
                paragraph = self.doc.add_paragraph()
                paragraph.paragraph_format.left_indent = Inches(_HANG)
                paragraph.paragraph_format.first_line_indent = Inches(-_HANG)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(_HANG))
                paragraph.add_run(_xml(item.id)).bold = True
                paragraph.add_run(_xml(f"\t{item.text}"))
            else:
                self.paragraph(item.text, "List Bullet")
            self.bullets(item.sub_items, "List Bullet 2")

    def scope(self, heading: str, items: tuple[ScopeStatement, ...]) -> None:
        if items:
            self.heading(heading, 1)
            self.bullets(item.text for item in items)

    def table(self, rows: list[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            cells[1].text = _xml(value)

    def write(self) -> None:
        s, L = self.standard, self.labels
        self.doc.add_heading(_xml(s.title), level=0)
        self.labelled(L["urn"], s.code)
        for label, value in header_rows(s, L):
            self.labelled(label, value)
        self.heading(L["overview"], 1)
        for paragraph in s.overview.split("\n"):
            self.paragraph(paragraph)
        if s.elements:
            self.heading(L["performance"], 1)
            for element in s.elements:
                if element.title:
                    self.heading(element.title, 2)
                self.paragraph(L["performance_lead"])
                self.statements(element.performance_criteria, "P" not in s.assigned_ids)
        if s.knowledge:
            self.heading(L["knowledge"], 1)
            self.paragraph(L["knowledge_lead"])
            for section in s.knowledge:
                if section.heading:
                    self.heading(section.heading, 2)
                self.statements(section.items, "K" not in s.assigned_ids)
        self.scope(L["scope_pc"], s.scope.performance_criteria)
        self.scope(L["scope_ku"], s.scope.knowledge)
        self.scope(L["scope_general"], s.scope.general)
        self.sections()

    def sections(self) -> None:
        s, L = self.standard, self.labels
        if s.values:
            self.heading(L["values"], 1)
            if s.values.text:
                self.paragraph(s.values.text)
            self.bullets(s.values.rights or s.values.statements)
        lists: Mapping[str, Iterable[str]] = {
            "behaviours": s.behaviours,
            "skills": s.skills,
            "glossary": (f"{entry.term}: {entry.definition}" for entry in s.glossary),
            "links": s.links_to_other_nos,
            "external_links": (_link(link.text, link.url) for link in s.external_links),
        }
        for key, entries in lists.items():
            entries = list(entries)
            if entries:
                self.heading(L[key], 1)
                self.bullets(entries)
        for info in s.additional_information:
            self.heading(info.title, 1)
            for paragraph in info.paragraphs:
                self.paragraph(paragraph)
        rows = metadata_rows(s, L)
        if rows:
            self.heading(L["metadata"], 1)
            self.table(rows)


def _link(text: str, url: str | None) -> str:
    if url is None:
        return text
    return url if url == text else f"{text} ({url})"


def render_docx(standard: Standard) -> bytes:
    """The standard as the bytes of a Word document (.docx)."""
    writer = _Writer(standard)
    writer.write()
    out = io.BytesIO()
    writer.doc.save(out)
    return out.getvalue()
