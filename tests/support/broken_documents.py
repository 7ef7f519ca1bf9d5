"""Published documents made at test time, valid and then broken: .txt, .html, .docx, .pdf.

Every maker returns the bytes of a document that holds one small standard (``CODE``, two
performance criteria, two knowledge items) in the layout of its format; the breakers take
such bytes and return them truncated, flipped, re-zipped without a part, encrypted, or
with a broken cross-reference table. Nothing here is committed as a binary file.
"""

from __future__ import annotations

import functools
import html
import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterable, Mapping

CODE = "SCDHSC9999"

HEAD = (f"{CODE} Test standard", "Overview", "This standard is a fixture for broken documents.")
CRITERIA = ("do one thing", "do another thing")
KNOWLEDGE = ("know one thing", "know another thing")
PC_HEADING = ("Performance criteria", "You must be able to:")
K_HEADING = ("Knowledge and understanding", "You need to know and understand:")

LINES: tuple[str, ...] = (
    *HEAD,
    *PC_HEADING,
    *(f"P{n} {text}" for n, text in enumerate(CRITERIA, start=1)),
    *K_HEADING,
    *(f"K{n} {text}" for n, text in enumerate(KNOWLEDGE, start=1)),
)
"""The standard as the lines of a text extract (``P1 do one thing``)."""

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
"""The suffixes of the published documents carenos reads, each by its own reader."""


# --- text ---------------------------------------------------------------------------


def text_bytes(encoding: str = "utf-8", lines: Iterable[str] = LINES) -> bytes:
    """The standard as a text file in ``encoding`` (``utf-16`` writes its byte-order mark)."""
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


# --- HTML ---------------------------------------------------------------------------


def html_body(lines: Iterable[str] = LINES) -> str:
    """The standard as paragraphs, for the inside of a ``<body>``."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def html_bytes(body: str | None = None, *, head: str = '<meta charset="utf-8">') -> bytes:
    """A whole page: ``head`` in its ``<head>``, ``body`` (default: the standard) in its body."""
    inner = html_body() if body is None else body
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>Test standard</title></head>\n"
        f"<body>{inner}</body></html>\n"
    ).encode()


# --- Word ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

DOCUMENT_XML = "word/document.xml"
NUMBERING_XML = "word/numbering.xml"


def paragraph_xml(text: str, num_id: int | None = None) -> str:
    """A Word paragraph of ``text``, an item of list ``num_id`` where given."""
    numbered = (
        f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        if num_id is not None
        else ""
    )
    return f"<w:p>{numbered}<w:r><w:t>{html.escape(text)}</w:t></w:r></w:p>"


def minimal_docx_parts() -> dict[str, bytes]:
    """The parts of a small Word package written by hand: lists numbered by numbering.xml.

    The criteria and the knowledge items are two decimal lists (``1.``, ``2.``), as Word
    saves them: the numbers are in the numbering part, not in the text.
    """
    body = "".join(
        [
            *(paragraph_xml(line) for line in (*HEAD, *PC_HEADING)),
            *(paragraph_xml(text, 1) for text in CRITERIA),
            *(paragraph_xml(line) for line in K_HEADING),
            *(paragraph_xml(text, 2) for text in KNOWLEDGE),
        ]
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{_R}"><w:body>{body}</w:body></w:document>'
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{DOCUMENT_XML}" ContentType="{_DOC_TYPE}.document.main+xml"/>'
        f'<Override PartName="/{NUMBERING_XML}" ContentType="{_DOC_TYPE}.numbering+xml"/>'
        "</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'officeDocument" Target="{DOCUMENT_XML}"/></Relationships>'
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="numbering.xml"/></Relationships>'
    )
    return {
        "[Content_Types].xml": content_types.encode(),
        "_rels/.rels": package_rels.encode(),
        DOCUMENT_XML: document.encode(),
        "word/_rels/document.xml.rels": document_rels.encode(),
        NUMBERING_XML: numbering.encode(),
    }


STYLES_XML = "word/styles.xml"


def docx_with_styles(styles: str, style_id: str) -> bytes:
    """The hand-written Word package with a styles part of ``styles`` (``<w:style>``
    elements) and a first paragraph in the style ``style_id``."""
    parts = minimal_docx_parts()
    parts[STYLES_XML] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    ).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/{STYLES_XML}" ContentType="{_DOC_TYPE}.styles+xml"/>'
        f"</Types>".encode(),
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/styles" Target="styles.xml"/></Relationships>',
    )
    styled = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>'
    parts[DOCUMENT_XML] = parts[DOCUMENT_XML].replace(b"<w:body>", f"<w:body>{styled}".encode())
    return zipped(parts)


def docx_of_lines(lines: Iterable[str]) -> bytes:
    """The hand-written Word package with ``lines`` as its paragraphs (no lists)."""
    body = "".join(paragraph_xml(line) for line in lines)
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return minimal_docx({DOCUMENT_XML: xml.encode()})


def docx_bomb(megabytes: int) -> bytes:
    """The hand-written Word package, its document.xml padded with ``megabytes`` MB of spaces.

    Deflate packs a megabyte of spaces into about a kilobyte: the file is small, what it
    unpacks to is not.
    """
    parts = minimal_docx_parts()
    head, tail = parts.pop(DOCUMENT_XML).split(b"<w:body>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open(DOCUMENT_XML, "w") as entry:
            entry.write(head + b"<w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                entry.write(chunk)
            entry.write(tail)
    return buffer.getvalue()


def zipped(parts: Mapping[str, bytes], *, compress: bool = True) -> bytes:
    """``parts`` as a zip archive (a Word package), deflated or stored."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def unzipped(data: bytes) -> dict[str, bytes]:
    """The parts of a zip archive, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_headers_patched(
    data: bytes, *, method: int | None = None, flags: int | None = None
) -> bytes:
    """``data`` (a zip archive) with every entry's compression ``method`` or ``flags`` set.

    Both the local headers and the central directory are patched, so the archive still
    opens: it is the entries that cannot be read (``flags=1`` says they are encrypted).
    """
    changed = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = changed.find(signature)
        while start >= 0:
            if flags is not None:
                changed[start + at : start + at + 2] = struct.pack("<H", flags)
            if method is not None:
                changed[start + at + 2 : start + at + 4] = struct.pack("<H", method)
            start = changed.find(signature, start + 4)
    return bytes(changed)


def zip_size_declared(data: bytes, name: str, size: int) -> bytes:
    """``data`` (a zip archive) declaring ``size`` as the unpacked size of entry ``name``,
    in its local header and its central directory alike (the bytes are not changed)."""
    changed = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    changed[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", size)
    entry = changed.find(b"PK\x01\x02")
    while entry >= 0:
        (length,) = struct.unpack("<H", changed[entry + 28 : entry + 30])
        if changed[entry + 46 : entry + 46 + length] == name.encode():
            changed[entry + 24 : entry + 28] = struct.pack("<I", size)
        entry = changed.find(b"PK\x01\x02", entry + 4)
    return bytes(changed)


def compressed_span(data: bytes, name: str) -> tuple[int, int]:
    """Where the compressed bytes of entry ``name`` of a zip archive are: (start, end)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    start = info.header_offset + 30 + name_length + extra_length
    return start, start + info.compress_size


def numbering_xml(*, ilvl: str = "0", start: str = "1", fmt: str = "decimal") -> bytes:
    """The numbering part of :func:`minimal_docx_parts` with its one level's values given."""
    numbering = minimal_docx_parts()[NUMBERING_XML]
    return (
        numbering.replace(b'w:ilvl="0"', f'w:ilvl="{html.escape(ilvl)}"'.encode())
        .replace(b'<w:start w:val="1"/>', f'<w:start w:val="{html.escape(start)}"/>'.encode())
        .replace(b'w:val="decimal"', f'w:val="{html.escape(fmt)}"'.encode())
    )


def minimal_docx(
    changes: Mapping[str, bytes | None] | None = None, *, compress: bool = True
) -> bytes:
    """The hand-written Word package, each part of ``changes`` replaced (``None``: dropped)."""
    parts = minimal_docx_parts()
    for name, data in (changes or {}).items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return zipped(parts, compress=compress)


def word_docx() -> bytes:
    """The standard saved by python-docx (Word's own default template), its lists numbered."""
    import docx

    document = docx.Document()
    for line in (*HEAD, *PC_HEADING):
        document.add_paragraph(line)
    for text in CRITERIA:
        document.add_paragraph(text, style="List Number")
    for line in K_HEADING:
        document.add_paragraph(line)
    for text in KNOWLEDGE:
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def empty_docx() -> bytes:
    """A Word document with no text at all (python-docx's blank document)."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------


def pdf_bytes(
    lines: Iterable[str] = LINES,
    *,
    user_password: str | None = None,
    owner_password: str = "owner",
    compress: bool = True,
) -> bytes:
    """The standard as a one-page PDF with a text layer (reportlab), encrypted if asked.

    With ``user_password`` the PDF is encrypted (RC4, reportlab's standard encryption):
    ``""`` opens with no password (it only restricts printing or copying), anything else
    needs that password to read.
    """
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encrypt = (
        None
        if user_password is None
        else pdfencrypt.StandardEncryption(user_password, owner_password, canPrint=0)
    )
    page = canvas.Canvas(buffer, encrypt=encrypt, pageCompression=int(compress), invariant=1)
    y = 800
    for line in lines:
        page.drawString(72, y, line)
        y -= 16
    page.showPage()
    page.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A scan: one page that is only a picture of text, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(picture)
    for number, line in enumerate(LINES[:8]):
        draw.text((10, 10 + 22 * number), line, fill=0)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawImage(ImageReader(picture), 72, 400, width=400, height=200)
    page.showPage()
    page.save()
    return buffer.getvalue()


def blank_pdf(pages: int = 1) -> bytes:
    """A PDF whose pages have no content at all."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    for _ in range(pages):
        page.showPage()
    page.save()
    return buffer.getvalue()


def pypdf_encrypted(data: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    """``data`` re-written by pypdf's PdfWriter, encrypted with ``algorithm``."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, "owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def broken_xref(data: bytes, how: str) -> bytes:
    """``data`` (a PDF) with its cross-reference table broken ``how``.

    ``offsets``: every entry points 7 bytes off; ``garbage``: the table is noise;
    ``startxref``: the trailer points past the end; ``missing``: no table, no trailer.
    """
    start = data.rindex(b"\nxref") + 1
    end = data.index(b"trailer", start)
    if how == "offsets":
        table = data[start:end].split(b"\n")
        moved = [
            b"%010d %s" % (int(row[:10]) + 7, row[11:])
            if len(row) >= 18 and row[:10].isdigit() and row.endswith(b"n ")
            else row
            for row in table
        ]
        return data[:start] + b"\n".join(moved) + data[end:]
    if how == "garbage":
        noise = bytes(random.Random(1).randrange(33, 127) for _ in range(end - start))
        return data[:start] + noise + data[end:]
    if how == "startxref":
        at = data.rindex(b"startxref") + len(b"startxref\n")
        return data[:at] + b"99999999\n%%EOF\n"
    if how == "missing":
        return data[:start] + b"%%EOF\n"
    raise ValueError(how)


# --- the valid documents -----------------------------------------------------------

VALID: dict[str, tuple[str, Callable[[], bytes]]] = {
    "txt": (".txt", text_bytes),
    "html": (".html", html_bytes),
    "htm": (".htm", html_bytes),
    "docx": (".docx", minimal_docx),
    "word-docx": (".docx", word_docx),
    "pdf": (".pdf", pdf_bytes),
    "pdf-uncompressed": (".pdf", functools.partial(pdf_bytes, compress=False)),
}
"""Each valid document by name: its suffix and its maker. The hand-written Word package
is small (a mutation hits what python-docx parses); python-docx's own is Word's template;
the uncompressed PDF has its text operators in the clear, for mutations to reach."""


@functools.cache
def valid(name: str) -> bytes:
    """The bytes of the valid document ``name`` of :data:`VALID` (made once)."""
    return VALID[name][1]()


# --- noise and mutation -------------------------------------------------------------


def noise(size: int, seed: int = 0) -> bytes:
    """``size`` random bytes."""
    return random.Random(seed).randbytes(size)


def flipped(data: bytes, positions: Iterable[int], value: int = 0xFF) -> bytes:
    """``data`` with the bytes at ``positions`` (taken modulo its length) XOR-ed with ``value``."""
    changed = bytearray(data)
    for position in positions:
        changed[position % len(changed)] ^= value or 1
    return bytes(changed)
