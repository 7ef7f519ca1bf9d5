"""HTML (.html, .htm): a saved NOS database page, or any page that shows a standard.

Read with lxml's HTML parser, which copes with the broken markup saved pages have. Block
elements (paragraphs, headings, list items, definition terms and descriptions, divs) make
lines; ``<br>`` breaks one; a table row is one line of tab-separated cells; a list item
carries its level and label (``1.``, ``•``) as the reader's, not the text's. Scripts and
styles are not text. Navigation, headers, footers and asides, and everything outside
``<main>`` where the page has one, are lines marked as furniture.
"""

from __future__ import annotations

import codecs
import itertools
import re
from typing import Any

from ...errors import ReadError
from ...textnorm import squash_spaces
from . import Document, Origin, SourceLine

__all__ = ["read_html_document"]

_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split()
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "button"})
_FURNITURE = {"nav": "<nav>", "header": "<header>", "footer": "<footer>", "aside": "<aside>"}


class _Walker:
    """Walks the tree once, gathering lines; one instance reads one page."""

    def __init__(self, has_main: bool) -> None:
        self.lines: list[SourceLine] = []
        self.buffer: list[str] = []
        self.paragraph = 0
        self.tables = 0
        self.has_main = has_main
        self.pending: dict[str, Any] = {}

    def flush(self, context: dict[str, Any]) -> None:
        text = squash_spaces("".join(self.buffer))
        self.buffer = []
        if not text:
            return
        self.paragraph += 1
        info = {**context, **self.pending}
        self.pending = {}
        furniture = self.furniture(info)
        self.lines.append(
            SourceLine(
                text,
                Origin(paragraph=self.paragraph, style=info.get("style")),
                label=info.get("label"),
                level=info.get("level"),
                furniture=furniture,
            )
        )

    def walk(self, element: Any, context: dict[str, Any]) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIPPED or not isinstance(element.tag, str):
            self.tail(element, context)
            return
        if tag == "br":
            self.flush(context)
            self.tail(element, context)
            return
        if tag == "table":
            self.flush(context)
            self.table(element, context)
            self.tail(element, context)
            return
        inner = dict(context)
        if tag == "main":
            inner["in_main"] = True
        if tag in _FURNITURE and "furniture" not in inner:
            inner["furniture"] = _FURNITURE[tag]
        block = tag in _BLOCKS
        if block:
            self.flush(context)
            if tag in ("ul", "ol"):
                inner["list_depth"] = context.get("list_depth", -1) + 1
                inner["ordered"] = tag == "ol"
                inner["counter"] = [_start(element)]
            elif tag == "li":
                depth = context.get("list_depth", 0)
                counter = context.get("counter")
                if context.get("ordered") and counter is not None:
                    label = f"{counter[0]}."
                    counter[0] += 1
                else:
                    label = "•"
                inner["style"] = "li"
                self.pending = {"label": label, "level": depth, "style": "li"}
            elif (tag[:1] == "h" and tag[1:].isdigit()) or tag in ("dt", "dd", "p", "th", "td"):
                inner["style"] = tag
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child, inner)
        if block:
            self.flush(inner)
            self.pending = {}
        self.tail(element, context)

    def tail(self, element: Any, context: dict[str, Any]) -> None:
        if element.tail:
            self.buffer.append(element.tail)

    def furniture(self, context: dict[str, Any]) -> str | None:
        """Why a line in ``context`` is furniture: in navigation, or outside ``<main>``."""
        found: str | None = context.get("furniture")
        if found is None and self.has_main and not context.get("in_main"):
            found = "outside <main>"
        return found

    def table(self, table: Any, context: dict[str, Any]) -> None:
        """A table: its caption, then a line of tab-separated cells a row."""
        self.tables += 1
        caption = table.find("caption")
        if caption is not None:
            self.buffer.append(caption.text_content())
            self.flush({**context, "style": "caption"})
        for row_number, row in enumerate(table.iter("tr"), start=1):
            cells = [_cell_text(cell) for cell in row if _tag(cell) in ("td", "th")]
            text = "\t".join(cell for cell in cells if cell)
            if not text:
                continue
            self.paragraph += 1
            furniture = self.furniture(context)
            self.lines.append(
                SourceLine(
                    text,
                    Origin(paragraph=self.paragraph, cell=(self.tables, row_number), style="tr"),
                    furniture=furniture,
                )
            )


def _cell_text(cell: Any) -> str:
    """A cell's text; paragraphs and list items in it are separated by "; " (a list)."""
    parts: list[str] = []
    for block in cell.iter():
        if block is not cell and _tag(block) in ("p", "li", "div", "br"):
            parts.append("; ")
        if block.text and _tag(block) not in _SKIPPED:
            parts.append(block.text)
        if block is not cell and block.tail:
            parts.append(block.tail)
    return squash_spaces("".join(parts)).strip("; ").replace(" ; ", "; ").replace("; ; ", "; ")


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _start(element: Any) -> int:
    try:
        return int(element.get("start", "1"))
    except ValueError:
        return 1


_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HUGE_TAG = re.compile(r"<[A-Za-z][^<>]{200000,}>")
_WEB_CHARSETS = frozenset(
    "utf-8 utf8 cp1252 windows-1252 iso-8859-2 iso-8859-15 latin2 windows-1250 windows-1251 "
    "windows-1253 windows-1254 windows-1257 koi8-r koi8-u mac-roman macintosh gb2312 gbk "
    "gb18030 big5 shift_jis euc-jp euc-kr iso-2022-jp".split()
)
"""The charsets a page may declare that carenos decodes by (the web's, less UTF-16, which
browsers read as UTF-8 where a page declares it)."""
_ATTRIBUTES = re.compile(r"""=\s*["']""")
_MOST_ATTRIBUTES = 100_000
"""More attributes than any page has: lxml's parser slows with each one (a guard)."""
_WINDOWS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}
"""Labels that browsers read as Windows-1252 (the WHATWG Encoding Standard)."""


def _decoded(data: bytes, source: str) -> str:
    """The text of a page: by its byte-order mark, else its declared charset where the bytes
    are in it, else UTF-8 where they are, else Windows-1252 (what browsers fall back to)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace")
    found = _CHARSET.search(data[:4096])
    names = []
    if found:
        name = found.group(1).decode("ascii").lower()
        name = "cp1252" if name in _WINDOWS else name
        if name in _WEB_CHARSETS:  # Python's other codecs (punycode, unicode_escape) are no page's
            names.append(name)
    for name in (*names, "utf-8"):
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeError):
            continue
    return data.decode("cp1252", errors="replace")


def read_html_document(data: bytes, source: str) -> Document:
    """The lines of an HTML page (see the module)."""
    from lxml import etree
    from lxml import html as lxml_html

    if not data.strip():
        raise ReadError("an empty HTML file", source=source)
    text = _XML_DECLARATION.sub("", _decoded(data, source))
    huge = _HUGE_TAG.search(text)
    if huge is not None:
        raise ReadError(
            f"not readable as HTML: a tag of {len(huge.group(0)):,} characters",
            source=source,
        )
    if sum(1 for _ in itertools.islice(_ATTRIBUTES.finditer(text), _MOST_ATTRIBUTES + 1)) > (
        _MOST_ATTRIBUTES
    ):
        raise ReadError(
            f"not readable as HTML: over {_MOST_ATTRIBUTES:,} attributes", source=source
        )
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"not readable as HTML: {error}", source=source) from None
    if any("depth" in str(entry.message).casefold() for entry in parser.error_log):
        raise ReadError(
            "not readable as HTML: elements nested too deeply (the parser would drop the rest)",
            source=source,
        )
    body = root.find("body")
    if body is None:
        body = root
    has_main = body.find(".//main") is not None
    walker = _Walker(has_main)
    walker.walk(body, {})
    walker.flush({})
    if not any(line.furniture is None for line in walker.lines):
        raise ReadError("the HTML page has no text in its body", source=source)
    return Document(source, "html", tuple(walker.lines), reflow=False)
