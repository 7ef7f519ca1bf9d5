"""Test-only renderers: a :class:`~carenos.Standard` laid out as each family of published
documents that ``tests/cases/import/`` holds a real case of, for the importer to read back.

Each renderer prints what its layout prints and nothing else (the property tests in
``tests/property/test_import_layouts.py`` say, per family, what that leaves out):

- :func:`seed_text`: Word's "Save as text" of a UKCES-template standard
  (``data/sources/SCDHSC0393.txt``): bookmark markers, lead-ins, element titles and
  knowledge headings as lines of their own, ``P1 text`` / ``K1 text`` lines, the scope
  sections, the values and their rights, and the metadata table as ``Label<TAB>value``.
- :func:`nosdb_page_blank_lines`, :func:`nosdb_page_no_blank_lines`,
  :func:`nosdb_page_2026`: a NOS database page copied as text, with blank lines and
  ``  1.`` numbers (``nosdb-page-blank-lines``), or without blank lines and with ``- ``
  bullets (``nosdb-page-no-blank-lines``, ``nosdb-page-hsccld-2026``).
- :func:`sfh_tools_page`: the Skills for Health tools page (``other-sfh-tools-show-numbered``):
  knowledge before the criteria, nested numbered lists.
- :func:`nosdb_page_html`: the NOS database page saved as HTML (``nosdb-page-html``).
- :func:`word_document`: a .docx written with python-docx, with Word's own list numbering.
- :func:`pdf_document`: a PDF written with reportlab: wrapped lines, a running header and a
  "Page N of M" footer on every page.

Texts are printed as they are; the generated standards hold texts the layouts can print.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from carenos import Metadata, Standard
from carenos.model import KnowledgeItem, PerformanceCriterion, ScopeStatement

__all__ = [
    "PDF_LINES_PER_PAGE",
    "PDF_WIDTH",
    "date_in_words",
    "metadata_rows",
    "nosdb_page_2026",
    "nosdb_page_blank_lines",
    "nosdb_page_html",
    "nosdb_page_no_blank_lines",
    "pdf_document",
    "pdf_pages",
    "seed_text",
    "sfh_tools_page",
    "word_document",
    "wrap",
]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

SCOPE_DISCLAIMER = (
    "The details in this field are explanatory statements of scope and / or examples of "
    "possible contexts in which the NOS may apply; they are not to be regarded as range "
    "statements required for achievement of the NOS."
)
"""The fixed sentence under the template's two scope headings (a lead-in); general scope
statements (``Scope/range``, a heading of older layouts) have none."""

SCOPE_HEADINGS = {
    "performance_criteria": "Scope/range related to performance criteria",
    "knowledge": "Scope/range related to knowledge and understanding",
    "general": "Scope/range",
}


def date_in_words(value: str, *, short: bool = False) -> str:
    """An ISO date as published: ``2021``, ``March 2021``, ``30 March 2021`` (``Mar`` if short)."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = _MONTHS[int(parts[1]) - 1]
    if short:
        month = month[:3]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def metadata_rows(metadata: Metadata | None) -> list[tuple[str, str]]:
    """The metadata table of the UKCES template: ``(label, value)`` of each field that is set.

    Lists are printed ``"; "``-separated, dates in words.
    """
    if metadata is None:
        return []
    rows: list[tuple[str, str]] = []

    def add(label: str, value: object) -> None:
        if value is None or value == ():
            return
        if isinstance(value, tuple):
            rows.append((label, "; ".join(value)))
        else:
            rows.append((label, str(value)))

    def date(value: str | None) -> str | None:
        return None if value is None else date_in_words(value)

    add("Developed by", metadata.developed_by)
    add("Version number", metadata.version)
    add("Date approved", date(metadata.date_approved))
    add("Indicative review date", date(metadata.indicative_review_date))
    add("Validity", metadata.validity)
    add("Status", metadata.status)
    add("Originating organisation", metadata.originating_organisation)
    add("Original URN", metadata.original_urn)
    add("Relevant occupations", metadata.relevant_occupations)
    add("Suite", metadata.suites)
    add("Keywords", metadata.keywords)
    add("SOC code", metadata.soc_codes)
    add("NOS category", metadata.category)
    return rows


def _paragraphs(standard: Standard) -> list[str]:
    return standard.overview.split("\n")


def _statements(standard: Standard, kind: str) -> list[PerformanceCriterion | KnowledgeItem]:
    return list(standard.criteria if kind == "P" else standard.knowledge_items)


def _groups(
    standard: Standard, kind: str
) -> list[tuple[str | None, Sequence[PerformanceCriterion | KnowledgeItem]]]:
    if kind == "P":
        return [(e.title, e.performance_criteria) for e in standard.elements]
    return [(s.heading, s.items) for s in standard.knowledge]


def _scope_lists(standard: Standard) -> Iterator[tuple[str, tuple[ScopeStatement, ...]]]:
    for key in ("performance_criteria", "knowledge", "general"):
        statements: tuple[ScopeStatement, ...] = getattr(standard.scope, key)
        if statements:
            yield key, statements


# -- the seed layout: Word's text extract ---------------------------------------------------


def seed_text(standard: Standard) -> str:
    """Word's text extract of a UKCES-template standard, as ``data/sources/SCDHSC0393.txt``.

    No code or title (the seed prints them only in the page header): give them on import.
    Sub-items are Word's bullets (``•<TAB>text``), the values' list statements too.
    """
    lines: list[str] = []
    first, *rest = _paragraphs(standard)
    lines += [f" \t[bookmark: StartOverview]{first}", *rest]
    if standard.elements:
        lines += [" Performance criteria", "", "You must be able to:", ""]
    for kind in ("P", "K"):
        for title, members in _groups(standard, kind):
            if title is not None:
                lines += [f" {title}", ""]
            for statement in members:
                lines.append(f"{statement.id} {statement.text}")
                lines += [f"•\t{sub}" for sub in statement.sub_items]
            lines.append("")
    scope = list(_scope_lists(standard))
    if scope or standard.values is not None:
        lines += [" Additional Information ", ""]
    for key, statements in scope:
        marker = {"performance_criteria": "[bookmark: ScopePC]"}.get(key, "")
        lines.append(f"\t{marker}{SCOPE_HEADINGS[key]}")
        if key != "general":
            lines.append(f"\t{SCOPE_DISCLAIMER}")
        lines.append("")
        lines += [statement.text for statement in statements]
    values = standard.values
    if values is not None:
        lines.append("\t[bookmark: Values]Values")
        if values.text is not None:
            lines.append(f"\t[bookmark: StartValues][bookmark: EndValues]{values.text}")
            lines += list(values.rights)
        else:
            lines += [f"•\t{statement}" for statement in values.statements]
    rows = metadata_rows(standard.metadata)
    if rows:
        lines += ["", *(f"{label}\t{value}" for label, value in rows)]
    return "\n".join(lines) + "\n \n"


# -- the NOS database page, copied as text ---------------------------------------------------


def _nosdb_header(standard: Standard, *, approved: str, split_date: bool) -> list[str]:
    metadata = standard.metadata or Metadata()
    lines = [f"URN: {standard.code}"]
    if metadata.suites:
        lines.append(f"Business Sectors (Suites): {', '.join(metadata.suites)}")
    if metadata.developed_by is not None:
        lines.append(f"Developed by: {metadata.developed_by}")
    if metadata.date_approved is not None:
        date = date_in_words(metadata.date_approved, short=True)
        lines += [f"{approved}:", date] if split_date else [f"{approved}: {date}"]
    return lines


def nosdb_page_blank_lines(standard: Standard) -> str:
    """The NOS finder page copied with blank lines (``nosdb-page-blank-lines``).

    Title, ``Label: value`` header lines, a headed overview (the page's double space after
    a full stop), one list of criteria and one of knowledge numbered ``  1.`` from 1, a
    statement's sub-items as ``    •`` lines after a blank line.
    """
    lines = [standard.title, "", *_nosdb_header(standard, approved="Approved on", split_date=False)]
    lines += ["", "Overview", ""]
    for paragraph in _paragraphs(standard):
        lines += [paragraph.replace(". ", ".  "), ""]
    lead_ins = {
        "P": ["", "Performance criteria", "", "You must be able to:", ""],
        "K": ["", "", "Knowledge and Understanding", "", "You need to know and understand:", ""],
    }
    for kind in ("P", "K"):
        statements = _statements(standard, kind)
        if not statements:
            continue
        lines += lead_ins[kind]
        after_nested = False
        for number, statement in enumerate(statements, start=1):
            lines.append(f"  {number}. {statement.text}")
            if after_nested:
                lines.append("")
            after_nested = bool(statement.sub_items)
            if statement.sub_items:
                lines += ["", *(f"    • {sub}" for sub in statement.sub_items)]
        lines[-1] += "  "
    return "\n".join(lines) + "\n"


def _flat_page(standard: Standard, *, approved: str, nested: bool) -> str:
    lines = [standard.title, *_nosdb_header(standard, approved=approved, split_date=True)]
    lines += ["Overview", *_paragraphs(standard)]
    lead_ins = {
        "P": ["Performance criteria", "You must be able to:"],
        "K": ["Knowledge and Understanding", "You need to know and understand:"],
    }
    for kind in ("P", "K"):
        statements = _statements(standard, kind)
        if not statements:
            continue
        lines += lead_ins[kind]
        after_nested = False
        for statement in statements:
            plain = nested and (after_nested or bool(statement.sub_items))
            lines.append(statement.text if plain else f"- {statement.text}")
            after_nested = bool(statement.sub_items)
            lines += [f"- {sub}" for sub in statement.sub_items]
    return "\n".join(lines) + "\n"


def nosdb_page_no_blank_lines(standard: Standard) -> str:
    """The NOS finder page copied with no blank lines (``nosdb-page-no-blank-lines``).

    ``Approved on:`` with its value on the next line; statements are ``- `` bullets, except
    that a statement with sub-items and the statement after it lose their bullet (the page
    wraps them in paragraphs) while the sub-items keep theirs.
    """
    return _flat_page(standard, approved="Approved on", nested=True)


def nosdb_page_2026(standard: Standard) -> str:
    """A 2026 NOS finder page copied with no blank lines (``nosdb-page-hsccld-2026``).

    ``Approved:`` with its value on the next line, flat ``- `` bullets (no sub-items).
    """
    assert not any(s.sub_items for s in standard.statements()), "2026 lists are flat"
    return _flat_page(standard, approved="Approved", nested=False)


# -- the Skills for Health tools page ---------------------------------------------------------


def sfh_tools_page(standard: Standard) -> str:
    """The Skills for Health tools page as stored (``other-sfh-tools-show-numbered``).

    Code and title on one line, the overview with no heading, ``Version No N``, the knowledge
    first, lists numbered ``  1.`` from 1 with sub-items numbered ``    1.`` from 1.
    """
    lines = [f"{standard.code} {standard.title}", "", ""]
    for paragraph in _paragraphs(standard):
        lines += [paragraph, ""]
    if standard.metadata is not None and standard.metadata.version is not None:
        lines += [f"Version No {standard.metadata.version}", ""]
    lead_ins = {
        "K": ["Knowledge and Understanding", "", "You will need to know and understand:", ""],
        "P": ["Performance Criteria", "", "You must be able to do the following:", ""],
    }
    for kind in ("K", "P"):
        statements = _statements(standard, kind)
        if not statements:
            continue
        lines += lead_ins[kind]
        for number, statement in enumerate(statements, start=1):
            lines.append(f"  {number}. {statement.text}")
            lines += [f"    {n}. {sub}" for n, sub in enumerate(statement.sub_items, start=1)]
        lines.append("")
    return "\n".join(lines)


# -- the NOS database page saved as HTML ------------------------------------------------------


def nosdb_page_html(standard: Standard) -> str:
    """The NOS finder page saved as HTML (``nosdb-page-html``).

    Site navigation around ``<main>``, an ``h1`` title, ``<p><strong>Label:</strong> value``
    header lines, ``h2`` section headings, lead-ins as paragraphs. Criteria and knowledge are
    ``<ol>`` lists (``<ul>`` where the standard's ids are assigned, not printed); element
    titles and knowledge headings are ``h3`` headings, each group its own list, numbered
    on (``start``) so that the numbers run over the whole list; a statement with sub-items
    is ``<li><p>text</p><ul>...</ul></li>``.
    """

    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    out = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
        f"<title>{esc(standard.title)}</title>\n</head>\n<body>",
        '<header>\n<nav aria-label="Main">\n<ul>\n<li><a href="/en">Home</a></li>',
        '<li><a href="/en/nos-finder">NOS Finder</a></li>\n</ul>\n</nav>\n</header>',
        "<main>\n<section>",
        f"<h1>{esc(standard.title)}</h1>",
    ]
    for line in _nosdb_header(standard, approved="Approved on", split_date=False):
        label, _, value = line.partition(": ")
        value = f"<span>{esc(value)}</span>" if label.startswith("Approved") else esc(value)
        out.append(f"<p><strong>{esc(label)}:</strong> {value}</p>")
    out += ["</section>\n<section>", "<h2>Overview</h2>"]
    out += [f"<p>{esc(p).replace('. ', '.&nbsp; ')}</p>" for p in _paragraphs(standard)]
    heads = {
        "P": ("Performance criteria", "You must be able to:"),
        "K": ("Knowledge and Understanding", "You need to know and understand:"),
    }
    for kind in ("P", "K"):
        groups = _groups(standard, kind)
        if not groups:
            continue
        heading, lead_in = heads[kind]
        out += [f"<h2>{heading}</h2>", f"<p>{lead_in}</p>"]
        tag = "ul" if kind in standard.assigned_ids else "ol"
        number = 1
        for title, members in groups:
            if title is not None:
                out.append(f"<h3>{esc(title)}</h3>")
            start = f' start="{number}"' if tag == "ol" and number > 1 else ""
            out.append(f"<{tag}{start}>")
            for statement in members:
                if statement.sub_items:
                    subs = "".join(f"<li>{esc(sub)}</li>\n" for sub in statement.sub_items)
                    out.append(f"<li>\n<p>{esc(statement.text)}</p>\n<ul>\n{subs}</ul>\n</li>")
                else:
                    out.append(f"<li>{esc(statement.text)}</li>")
                number += 1
            out.append(f"</{tag}>")
    out += ["</section>\n</main>", "<footer><p>UK Standards</p></footer>\n</body>\n</html>\n"]
    return "\n".join(out)


# -- a Word document --------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word_numbering(document: Any) -> tuple[str, str]:
    """Add Word's multi-level lists (a numbered one, a bulleted one) to ``document``.

    Returns the two abstract numbering ids. Level 0 is ``1.`` / ``•``, level 1 ``a)`` / ``o``,
    as Word's own list buttons make them.
    """
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    taken = [int(node.get(f"{_W}abstractNumId")) for node in numbering.iter(f"{_W}abstractNum")]
    ids = []
    for offset, levels in enumerate(
        [
            [("decimal", "%1."), ("lowerLetter", "%2)")],
            [("bullet", "\u2022"), ("bullet", "o")],
        ]
    ):
        abstract_id = str(max(taken) + 1 + offset)
        body = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for level, (fmt, text) in enumerate(levels)
        )
        node = parse_xml(
            '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f"{body}</w:abstractNum>"
        )
        first_num = numbering.find(f"{_W}num")
        if first_num is not None:
            first_num.addprevious(node)
        else:
            numbering.append(node)
        ids.append(abstract_id)
    return ids[0], ids[1]


def _word_list(document: Any, abstract_id: str) -> str:
    """A new list (``w:num``) of ``abstract_id`` that starts from 1: its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    num_id = str(max(int(node.get(f"{_W}numId")) for node in numbering.iter(f"{_W}num")) + 1)
    numbering.append(
        parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _numbered(paragraph: Any, num_id: str, level: int) -> None:
    """Give ``paragraph`` its own numbering properties: list ``num_id``, ``level``."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = int(num_id)


def word_document(standard: Standard) -> bytes:
    """The standard as a Word document (.docx), written with python-docx.

    A ``Heading 1`` with the code and title, ``Heading 2`` section headings, element titles
    and knowledge headings as ``Heading 3``. Statements are ``List Number`` paragraphs
    (``List Bullet`` where the standard's ids are assigned) whose numbers Word makes: in
    the numbering properties, never in the text. The criteria take theirs from the style
    (the template's single-level lists: one list over all of them), their sub-items are
    ``List Bullet 2`` paragraphs (the style's own bullet list); the knowledge is a list of
    its own (Word's multi-level lists, restarting at 1), its sub-items that list's level 1.
    The values' rights are plain paragraphs, their list statements bullets. The metadata
    table is a two-column table at the end.
    """
    import docx

    document = docx.Document()
    decimal, bullet = _word_numbering(document)
    document.add_paragraph(f"{standard.code} {standard.title}", style="Heading 1")
    document.add_paragraph("Overview", style="Heading 2")
    for paragraph in _paragraphs(standard):
        document.add_paragraph(paragraph)
    heads = {
        "P": ("Performance criteria", "You must be able to:"),
        "K": ("Knowledge and understanding", "You need to know and understand:"),
    }
    for kind in ("P", "K"):
        groups = _groups(standard, kind)
        if not groups:
            continue
        heading, lead_in = heads[kind]
        document.add_paragraph(heading, style="Heading 2")
        document.add_paragraph(lead_in)
        assigned = kind in standard.assigned_ids
        num_id = _word_list(document, bullet if assigned else decimal) if kind == "K" else ""
        style = "List Bullet" if assigned else "List Number"
        for title, members in groups:
            if title is not None:
                document.add_paragraph(title, style="Heading 3")
            for statement in members:
                item = document.add_paragraph(statement.text, style=style)
                if kind == "K":
                    _numbered(item, num_id, 0)
                for sub in statement.sub_items:
                    sub_paragraph = document.add_paragraph(sub, style="List Bullet 2")
                    if kind == "K":
                        _numbered(sub_paragraph, num_id, 1)
    for key, statements in _scope_lists(standard):
        document.add_paragraph(SCOPE_HEADINGS[key], style="Heading 2")
        if key != "general":
            document.add_paragraph(SCOPE_DISCLAIMER)
        for scope_statement in statements:
            document.add_paragraph(scope_statement.text)
    values = standard.values
    if values is not None:
        document.add_paragraph("Values", style="Heading 2")
        if values.text is not None:
            document.add_paragraph(values.text)
            for right in values.rights:
                document.add_paragraph(right)
        else:
            for value in values.statements:
                document.add_paragraph(value, style="List Bullet")
    rows = metadata_rows(standard.metadata)
    if rows:
        table = document.add_table(rows=len(rows), cols=2)
        for row, (label, value) in zip(table.rows, rows, strict=True):
            row.cells[0].text = label
            row.cells[1].text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- a PDF ------------------------------------------------------------------------------------

PDF_WIDTH = 78
"""The width (in characters) that the PDF's lines are wrapped at."""

PDF_LINES_PER_PAGE = 28
"""Body lines on a page of the PDF (between the running header and the footer)."""


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` characters, greedily, at spaces (a longer word alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _pdf_body(standard: Standard) -> list[tuple[int, str]]:
    """The body lines of the PDF as ``(indent in characters, text)``."""
    body: list[tuple[int, str]] = []

    def block(text: str, indent: int = 0, hanging: int = 0) -> None:
        for number, line in enumerate(wrap(text, PDF_WIDTH - indent - hanging)):
            if number == 0 and hanging:
                body.append((indent, line))
            else:
                body.append((indent + hanging, line))

    def statement_block(ident: str, text: str) -> None:
        pieces = wrap(f"{ident} {text}", PDF_WIDTH)
        first = pieces[0]
        body.append((0, first))
        rest = text[len(first) - len(ident) :].strip()
        if rest:
            block(rest, len(ident) + 1)

    body.append((0, "Overview"))
    for paragraph in _paragraphs(standard):
        block(paragraph)
    heads = {
        "P": ("Performance criteria", "You must be able to:"),
        "K": ("Knowledge and understanding", "You need to know and understand:"),
    }
    for kind in ("P", "K"):
        groups = _groups(standard, kind)
        if not groups:
            continue
        heading, lead_in = heads[kind]
        body += [(0, heading), (0, lead_in)]
        for title, members in groups:
            if title is not None:
                block(title)
            for statement in members:
                statement_block(statement.id, statement.text)
                for sub in statement.sub_items:
                    block(f"\u2022 {sub}", len(statement.id) + 1, 2)
    for key, statements in _scope_lists(standard):
        body.append((0, SCOPE_HEADINGS[key]))
        if key != "general":
            block(SCOPE_DISCLAIMER)
        for scope_statement in statements:
            block(scope_statement.text)
    values = standard.values
    if values is not None:
        body.append((0, "Values"))
        if values.text is not None:
            block(values.text)
            for right in values.rights:
                block(right)
        else:
            for value in values.statements:
                block(f"\u2022 {value}", 0, 2)
    for label, value in metadata_rows(standard.metadata):
        body.append((-1, f"{label}\t{value}"))
    return body


def pdf_pages(standard: Standard) -> list[list[tuple[int, str]]]:
    """The PDF's pages, each its body lines ``(indent, text)``; a metadata row is
    ``(-1, "label<TAB>value")``, drawn as two cells on one line."""
    body = _pdf_body(standard)
    return [
        body[start : start + PDF_LINES_PER_PAGE]
        for start in range(0, len(body), PDF_LINES_PER_PAGE)
    ]


def pdf_document(standard: Standard) -> bytes:
    """The standard as a PDF with a text layer (reportlab, Bitstream Vera 9 on A4).

    Every page has a running header (the code and title) and a "Page N of M" footer;
    the body (:func:`pdf_pages`) is wrapped at :data:`PDF_WIDTH` characters, statements
    with their continuation lines under the text (not the id), and broken into pages of
    :data:`PDF_LINES_PER_PAGE` lines wherever that falls, inside a statement too. The
    metadata table's label and value are two cells of one line.
    """
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # An embedded TrueType font: its text layer maps every glyph back to its character
    # (the standard Type 1 fonts give no bullet back).
    font = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(font)))
    char = 5.4  # an average character of Vera at 9 points
    left = 50.0
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    pages = pdf_pages(standard)
    for number, lines in enumerate(pages, start=1):
        page.setFont("Vera", 9)
        page.drawString(left, 800, f"{standard.code} {standard.title}")
        y = 770.0
        for indent, text in lines:
            if indent < 0:
                label, value = text.split("\t")
                page.drawString(left, y, label)
                page.drawString(left + 26 * char, y, value)
            else:
                page.drawString(left + indent * char, y, text)
            y -= 12
        page.drawString(left + 30 * char, 40, f"Page {number} of {len(pages)}")
        page.showPage()
    page.save()
    return buffer.getvalue()
