"""Word documents (.docx), read with python-docx.

The body is read in order, paragraphs and tables alike. A list paragraph's number or
bullet lives in its numbering properties (its own, or its style's), not in its text: the
reader works the label out as Word shows it (``1.``, ``a)``, ``•``), counting per list
and level, and gives it with the level. A table row is one line of tab-separated cells
(merged cells once). Headers and footers are page furniture and are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from ...errors import ReadError
from ...textnorm import squash_spaces
from . import Document, Origin, SourceLine

__all__ = ["read_docx_document"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET = "•"
_NESTED_STYLE = re.compile(r"List(?: Bullet| Number| Continue)? ([2-9])")


_HIGHEST = 3999
"""Numbers above this are written in digits whatever the list's format (as Word does for
roman numerals; letters run to the same bound, so a list cannot start at 10**14 and
spell it out)."""
_UNPACKED_LIMIT = 200 * 1024 * 1024
"""The most a Word package may unpack to (its parts are read whole): a zip bomb is refused."""


def _roman(number: int) -> str:
    values = zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letter(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _formatted(number: int, fmt: str) -> str:
    if number > _HIGHEST or number < 1:
        return str(number)
    if fmt == "lowerLetter":
        return _letter(number)
    if fmt == "upperLetter":
        return _letter(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


class _Numbering:
    """The document's list definitions and the counters of the lists read so far."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            return  # no numbering part, or one outside the package: lists lose their numbers
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in numbering.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = _val(lvl.find(f"{_W}start")) or "1"
                levels[int(_val(lvl, "ilvl") or 0)] = (
                    fmt,
                    text,
                    int(start) if start.isdigit() else 1,
                )
            abstract[_val(node, "abstractNumId") or ""] = levels
        for num in numbering.iter(f"{_W}num"):
            ref = _val(num.find(f"{_W}abstractNumId"))
            for level, definition in abstract.get(ref or "", {}).items():
                self.levels[(_val(num, "numId") or "", level)] = definition

    def label(self, num_id: str, level: int) -> str | None:
        """The label Word shows for the next paragraph of list ``num_id`` at ``level``."""
        definition = self.levels.get((num_id, level)) or self.levels.get((num_id, 0))
        if definition is None or num_id == "0":
            return None
        fmt, text, start = definition
        if fmt == "bullet" or fmt == "none":
            return _BULLET if fmt == "bullet" else None
        if not 0 <= level < 9:
            return None
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        label = text
        for n in range(9):
            fmt_n = self.levels.get((num_id, n), ("decimal", "", 1))[0]
            label = label.replace(f"%{n + 1}", _formatted(counters[n] or 1, fmt_n))
        return label or None


def _blocks(body: Any) -> Any:
    """The paragraphs and tables of the body in order, those in content controls included."""
    for child in body.iterchildren():
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        else:
            yield child


def _text(paragraph: Any) -> str:
    """A paragraph's text as Word shows it: every run, those inside insertions, content
    controls, fields and hyperlinks included (deleted text is not shown, so not read)."""
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)


def _number(value: str | None, default: int) -> int:
    """``value`` as a whole number (ASCII digits only), else ``default``."""
    return int(value) if value and value.isascii() and value.isdigit() else default


def _val(node: Any, name: str = "val") -> str | None:
    if node is None:
        return None
    value: str | None = node.get(f"{_W}{name}")
    return value


class _Styles:
    """The style of each paragraph, looked up once a style: python-docx looks a paragraph's
    style up anew each time, going through every style of the document for one that has
    none of its own (the default), which took 90% of reading a document."""

    def __init__(self) -> None:
        self._by_id: dict[str | None, Any] = {}

    def of(self, paragraph: Any) -> Any:
        """The paragraph's style (its own, or the document's default paragraph style)."""
        p_pr = paragraph._p.pPr
        ident = p_pr.style if p_pr is not None else None
        if ident not in self._by_id:
            self._by_id[ident] = paragraph.style
        return self._by_id[ident]


def _num_pr(paragraph: Any, paragraph_style: Any) -> tuple[str, int] | None:
    """The list (numId, level) of a paragraph, from its own properties or its styles'."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph_style
    seen: set[str] = set()
    while num_pr is None and style is not None and style.style_id not in seen:
        seen.add(style.style_id)  # a style based on itself (or a ring of them) ends here
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
    named = _NESTED_STYLE.fullmatch(paragraph_style.name or "") if paragraph_style else None
    if named and level == 0:  # "List Bullet 2" nests by its style, not its numbering level
        level = int(named.group(1)) - 1
    return str(num_pr.numId.val), level


def _refuse_bombs(data: bytes, source: str) -> None:
    """Refuse a package that would unpack to more than :data:`_UNPACKED_LIMIT`."""
    unpacked = 0
    try:  # counted as it inflates: a package may declare sizes smaller than its parts are
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for entry in package.infolist():
                with package.open(entry) as part:
                    while unpacked <= _UNPACKED_LIMIT and (chunk := part.read(1 << 20)):
                        unpacked += len(chunk)
                if unpacked > _UNPACKED_LIMIT:
                    break
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as error:
        raise ReadError(f"not a readable Word document (.docx): {error}", source=source) from None
    except Exception as error:  # zlib and friends fail in many ways on a broken package
        raise ReadError(f"not a readable Word document (.docx): {error!r}", source=source) from None
    if unpacked > _UNPACKED_LIMIT:
        raise ReadError(
            f"not a readable Word document (.docx): it unpacks to {unpacked:,} bytes, "
            f"over the limit of {_UNPACKED_LIMIT:,}",
            source=source,
        )


def read_docx_document(data: bytes, source: str) -> Document:
    """The lines of a Word document (see the module)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    _refuse_bombs(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(f"not a readable Word document (.docx): {error}", source=source) from None
    except Exception as error:  # a broken package fails in many ways inside python-docx
        raise ReadError(f"not a readable Word document (.docx): {error!r}", source=source) from None
    lines: list[SourceLine] = []
    paragraph_number = 0
    table_number = 0
    try:
        numbering = _Numbering(document)
        styles = _Styles()
        for child in _blocks(document.element.body):
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, document)
                paragraph_number += 1
                paragraph_style = styles.of(paragraph)
                found = _num_pr(paragraph, paragraph_style)
                label = numbering.label(*found) if found else None
                style = paragraph_style.name if paragraph_style is not None else None
                for part in _text(child).split("\n"):
                    text = part.strip(" ")
                    if not text.strip():
                        continue
                    lines.append(
                        SourceLine(
                            text,
                            Origin(paragraph=paragraph_number, style=style),
                            label=label,
                            level=found[1] if found and label else None,
                        )
                    )
                    label = None  # a line break inside a list paragraph continues it
            elif child.tag == f"{_W}tbl":
                table_number += 1
                table = Table(child, document)
                for row_number, row in enumerate(child.iterchildren(f"{_W}tr"), start=1):
                    # each cell read once, as it is stored (python-docx's row.cells repeats
                    # spanned cells and resolves merged ones by walking up the rows)
                    cells = [
                        text
                        for tc in row.iterchildren(f"{_W}tc")
                        if (text := squash_spaces(_Cell(tc, table).text))
                    ]
                    if cells:
                        lines.append(
                            SourceLine(
                                "\t".join(cells),
                                Origin(cell=(table_number, row_number), style="table row"),
                            )
                        )
    except ReadError:
        raise
    except Exception as error:  # malformed XML parts surface while reading, not opening
        raise ReadError(f"not a readable Word document (.docx): {error!r}", source=source) from None
    if not lines:
        raise ReadError("the Word document has no text", source=source)
    return Document(source, "docx", tuple(lines), reflow=False)
