"""Import published NOS: documents (.txt, .html, .docx, .pdf) and NOS database JSON.

A document is read into lines with their origin (:mod:`carenos.io.published`), the lines
are classified (:mod:`.lines`), furniture and wrapping are undone (:mod:`.reflow`), and a
state machine reads them into one standard or several (:mod:`.layout`), accounting for
every line (:mod:`.account`). The code and title come from the caller, else from the
document (a header line, a ``URN`` label, a running header), else from a suite index
(which also fills metadata the document does not have), else (for files) from a file name
such as ``SCDHSC0393.txt``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, get_args

from attrs import frozen

from ..codes import HEADER_CODE
from ..convert import from_dict
from ..errors import ContentError, ImportTextError, UsageError
from ..io.files import read_text
from ..io.json import parse_json
from ..io.nosdb import from_record
from ..io.published import Document, read_document
from ..io.published.text import text_document
from ..io.suite_index import SuiteIndex
from ..metadata import Category, Status, Validity, iso_date
from ..model import Standard
from .account import Entry, UnaccountedLinesError, explain
from .furniture import mark_furniture, title_of
from .ids import pair_id_runs, split_run_on_ids
from .layout import LayoutReader
from .lines import HEADER_LINE, classify_document, site_text, title_like
from .reflow import join_split_labels, join_wrapped

__all__ = [
    "Entry",
    "ImportResult",
    "Imported",
    "UnaccountedLinesError",
    "analyse",
    "code_from_filename",
    "explain",
    "from_nosdb",
    "import_document",
    "import_file",
    "import_nosdb",
    "import_text",
    "imported",
    "text_document",
]


def code_from_filename(path: str | os.PathLike[str]) -> str | None:
    """The code a file name gives (``SCDHSC0393.txt`` -> ``SCDHSC0393``), or None."""
    stem = Path(path).stem
    return stem if HEADER_CODE.fullmatch(stem) else None


@frozen
class ImportResult:
    """What the importer made of a document.

    ``data`` holds the dict shape of each standard found (``code``/``title`` where known);
    ``account`` maps each line (1-based, as in ``document.lines``) to its :class:`Entry`;
    ``unaccounted`` lists the lines inside a standard that fit nowhere, ``outside`` the
    lines outside every standard (reported, not errors).
    """

    document: Document
    data: tuple[dict[str, Any], ...]
    account: dict[int, Entry]
    unaccounted: tuple[tuple[int, str], ...]
    outside: tuple[tuple[int, str], ...]

    def explain(self) -> str:
        """Each line with what it was read as (``carenos import --explain``)."""
        return explain(self.document, self.account)


def analyse(document: Document, *, title_given: bool = False) -> ImportResult:
    """Read ``document`` into the dict shapes of its standards, accounting for every line.

    Never raises for lines that fit nowhere: they are in the result, for
    :func:`import_document` to refuse and ``--explain`` to show.
    """
    lines = classify_document(document)
    paged = any(line.origin.page is not None for line in document.lines)
    lines = split_run_on_ids(join_split_labels(mark_furniture(lines, paged)))
    lines = pair_id_runs(lines)
    if document.reflow:
        lines = join_wrapped(lines, always_wrapped=document.kind == "pdf")
    reader = LayoutReader(lines, title_given=title_given)
    reader.read()
    kept: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    renumber: dict[str, str] = {}
    results = [
        (number, data, span)
        for number, (data, span) in enumerate(reader.results())
        if data.get("elements") or data.get("knowledge")
    ]
    if len(results) > 1:  # statements with nothing of a standard around them: stray lines
        results = [r for r in results if any(k in r[1] for k in ("overview", "code", "title"))]
    for number, data, span in results:
        renumber[str(number)] = str(len(kept))
        kept.append(data)
        spans.append((span[0], span[-1]) if span else (0, -1))
    running = _running_header(document) if len(kept) == 1 else None
    named = running is not None and kept[0].setdefault("code", running[0]) == running[0]
    if running is not None and named and running[1]:
        kept[0].setdefault("title", running[1])
    account: dict[int, Entry] = {}
    unaccounted: list[tuple[int, str]] = []
    outside: list[tuple[int, str]] = []
    for index, entry in reader.account.items():
        if entry.standard in renumber or entry.role not in ("content", "label"):
            account[index] = Entry(
                entry.role, entry.pointer, renumber.get(entry.standard, ""), entry.note
            )
        else:  # read into a standard that turned out to hold no statement
            account[index] = Entry("outside", note="not part of a standard")
            outside.append((index, " ".join(document.lines[index - 1].text.split())))
    for line in reader.unplaced:
        shown = " ".join(line.source.text.split())
        inside = line.index not in reader.disowned and any(
            first <= line.index <= last for first, last in spans
        )
        for index in (line.index, *line.joined):
            if inside:
                account[index] = Entry("unaccounted", note="fits nowhere")
            else:
                account[index] = Entry("outside", note="not part of a standard")
        (unaccounted if inside else outside).append((line.index, shown))
    for index, entry in list(account.items()):
        if entry.standard:
            code = kept[int(entry.standard)].get("code", f"standard {int(entry.standard) + 1}")
            account[index] = Entry(entry.role, entry.pointer, str(code), entry.note)
    return ImportResult(
        document, tuple(kept), account, tuple(sorted(unaccounted)), tuple(sorted(outside))
    )


def _merged(data: dict[str, Any], code: str | None, title: str | None) -> None:
    if code:
        data["code"] = code
    if title:
        data["title"] = title


def import_document(
    document: Document,
    code: str | None = None,
    title: str | None = None,
    *,
    index: SuiteIndex | None = None,
    fallback_code: str | None = None,
) -> list[Standard]:
    """The standards in a published ``document`` (one, or several in an assessment guide).

    Raises :class:`UnaccountedLinesError` naming lines inside a standard that fit nowhere,
    :class:`ImportTextError` for a document that holds no standard, and
    :class:`UsageError` when a standard has no code or no title to be found.
    """
    return list(imported(document, code, title, index=index, fallback_code=fallback_code).standards)


@frozen
class Imported:
    """The standards of a document and the :class:`ImportResult` they were read from."""

    standards: tuple[Standard, ...]
    result: ImportResult


def imported(
    document: Document,
    code: str | None = None,
    title: str | None = None,
    *,
    index: SuiteIndex | None = None,
    fallback_code: str | None = None,
) -> Imported:
    """:func:`import_document`, with the account kept (for the lines it reports)."""
    source = document.source
    result = analyse(document, title_given=title is not None)
    if result.unaccounted:
        raise UnaccountedLinesError(
            result.unaccounted,
            source=source,
            hint=f" (carenos import --explain {source} shows what each line was read as)",
        )
    if not result.data:
        shown = "; ".join(f"line {n}: {t!r}" for n, t in result.outside[:5])
        raise ImportTextError(
            "no performance criteria and no knowledge items: this is not the text of a "
            f"standard{' (' + shown + ')' if shown else ''}",
            source=source,
            line=result.outside[0][0] if result.outside else None,
        )
    if (code or title) and len(result.data) > 1:
        first: dict[str, int] = {}
        for number, entry in sorted(result.account.items()):
            if entry.standard:
                first.setdefault(entry.standard, number)
        starts = sorted(first.values())
        raise ImportTextError(
            f"the document holds {len(result.data)} standards (from lines "
            f"{', '.join(map(str, starts))}), and --code and --title name one",
            source=source,
            line=starts[1],
        )
    standards = [
        _standard(
            dict(data),
            result,
            code,
            title,
            index=index,
            fallback_code=fallback_code if len(result.data) == 1 else None,
        )
        for data in result.data
    ]
    return Imported(tuple(standards), result)


def _running_header(document: Document) -> tuple[str, str | None] | None:
    """The code and title of the first header line (a running header, where the document
    prints them on every page only): what a one-standard document without a header of its
    own is called."""
    texts = [" ".join(line.text.split()) for line in document.lines]
    for number, text in enumerate(texts):
        found = HEADER_LINE.fullmatch(text)
        if found is None or site_text(text):
            continue
        title = title_of(found.group(3) or "")
        if not title:
            title = next((t for t in texts[number + 1 : number + 3] if title_like(t)), "")
        return found.group(1), title or None
    return None


def _standard(
    data: dict[str, Any],
    result: ImportResult,
    code: str | None,
    title: str | None,
    *,
    index: SuiteIndex | None,
    fallback_code: str | None,
) -> Standard:
    source = result.document.source
    _merged(data, code, title)
    entry = None
    if index is not None and "code" not in data and "title" in data:
        entry = index.find_title(data["title"])
        if entry is not None:
            data["code"] = entry.code
    if fallback_code:
        data.setdefault("code", fallback_code)
    if index is not None and entry is None and "code" in data:
        entry = index.get(data["code"])
    if entry is not None:
        if entry.title:
            data.setdefault("title", entry.title)
        data["metadata"] = {**entry.metadata, **data.get("metadata", {})}
    for key in ("code", "title"):
        if key not in data:
            raise UsageError(
                f"no {key} for this standard: give --{key}, a header line, "
                "or an index (--index) that lists it",
                source=source,
            )
    if "overview" not in data:
        raise ImportTextError("found no overview text", source=source, line=1)
    if "metadata" in data:
        for name in ("replaces", "replaced_by"):  # fields of the standard, in the table
            if name in data["metadata"]:
                data[name] = data["metadata"].pop(name)
        data["metadata"] = _typed(data["metadata"])
        if not data["metadata"]:
            del data["metadata"]
    try:
        return from_dict(data, source=source)
    except ContentError as error:
        lines = [n for n, where in result.account.items() if where.pointer == error.pointer]
        raise ImportTextError(
            f"the text does not make a standard: {error.message}",
            source=source,
            line=lines[0] if lines else None,
        ) from None


def _typed(metadata: dict[str, Any]) -> dict[str, Any]:
    """Metadata as published (texts) in the model's types: a version number, ISO dates.

    A value that cannot be read so is kept as it is, for the converter to refuse by name.
    """
    typed = dict(metadata)
    version = typed.get("version")
    if isinstance(version, str) and version.strip().isdigit():
        typed["version"] = int(version)
    for name in ("date_approved", "indicative_review_date"):
        value = typed.get(name)
        if isinstance(value, str):
            typed[name] = iso_date(value) or value
    for name in ("validity", "status", "category"):
        value = typed.get(name)
        if isinstance(value, str) and value.casefold() in _ENUMS:
            typed[name] = _ENUMS[value.casefold()]
    return typed


_ENUMS = {
    name.casefold(): name for kind in (Validity, Status, Category) for name in get_args(kind)
} | {"job specific": "Job-specific"}
"""The metadata enums' values by their lower case (published case varies)."""


def import_text(
    text: str,
    code: str | None = None,
    title: str | None = None,
    source: str = "<string>",
    *,
    index: SuiteIndex | None = None,
    fallback_code: str | None = None,
) -> Standard:
    """The one standard in published NOS ``text`` (see :func:`import_document`).

    Args:
        text: the text of a published standard (extracted, copied or saved as text).
        code: the code, over the text's own.
        title: the title, over the text's own.
        source: what errors name as the source.
        index: a suite index, for what is still missing (and metadata).
        fallback_code: the last resort for the code (a file name's).
    """
    standards = import_document(
        text_document(text, source), code, title, index=index, fallback_code=fallback_code
    )
    if len(standards) > 1:
        raise ImportTextError(
            f"the text holds {len(standards)} standards: use import_document", source=source
        )
    return standards[0]


def import_file(
    path: str | os.PathLike[str],
    *,
    code: str | None = None,
    title: str | None = None,
    index: SuiteIndex | None = None,
    max_size: int | None = None,
    kind: str | None = None,
) -> list[Standard]:
    """The standards in the published document at ``path`` (.txt, .html, .docx, .pdf)."""
    document = read_document(path, kind=kind, max_size=max_size)
    return import_document(
        document, code, title, index=index, fallback_code=code_from_filename(path)
    )


def from_nosdb(record: Any, *, source: str = "<record>", language: str = "en") -> Standard:
    """The standard of a UK NOS database record (see :mod:`carenos.io.nosdb`)."""
    return from_dict(from_record(record, source=source, language=language), source=source)


def import_nosdb(
    path: str | os.PathLike[str], *, max_size: int | None = None, language: str = "en"
) -> list[Standard]:
    """The standards of a NOS database JSON file: one record, or an array of them.

    Each error names the file and the record (``FILE [3]``), and the field.
    """
    source = os.fspath(path)
    data = parse_json(read_text(path, limit=max_size), source)
    records = data if isinstance(data, list) else [data]
    return [
        from_nosdb(
            record, source=f"{source} [{i}]" if data is records else source, language=language
        )
        for i, record in enumerate(records)
    ]
