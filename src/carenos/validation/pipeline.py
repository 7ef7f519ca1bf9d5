"""One document through the stages: read -> JSON Schema (on failure) -> model -> rules.

The JSON Schema runs only for documents that the converter rejects (the converter is
exactly as strict as the schema), so that a valid corpus costs a parse, a conversion
and the rules; positions are worked out only for documents that have findings.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from .._pool import Workers, over_ranges, worth_it
from ..convert import from_dict
from ..corpus import key_of, label_of
from ..errors import CarenosError, ContentError, DuplicateError
from ..io.characters import (
    blank_refused,
    blank_surrogate_escapes,
    place_in_text,
    refused_characters,
    surrogate_escapes,
)
from ..io.files import max_size, read_text
from ..io.formats import READERS, DocumentFormat, input_format
from ..io.parse import FileDocuments, ParsedDocument, parse_stream, read_documents
from ..model import Standard
from ..place import Hit, Locate, Place
from ..rules import RuleContext, run_rules
from ..rules.translation import Outline, structure_differences
from .findings import Finding, severity_of
from .schema_messages import schema_findings

if TYPE_CHECKING:
    from ..catalogue import Catalogue

__all__ = [
    "DOCUMENTS_PARALLEL_FROM",
    "Checked",
    "DocumentResult",
    "check_data",
    "check_files",
    "check_path",
    "check_standard",
    "check_text",
    "checked_files",
    "duplicate_codes",
    "files_of",
    "locator_of",
    "nowhere",
    "translation_findings",
]


def nowhere(_pointer: str, _at_key: bool = False, /) -> tuple[int | None, int | None]:
    """No position: for standards that were not read from a text."""
    return None, None


def locator_of(document: ParsedDocument) -> Locate:
    """Lines and columns in the document's file, worked out on the first call."""

    def locate(pointer: str, at_key: bool = False, /) -> tuple[int | None, int | None]:
        line, column = document.positions.of(pointer, key=at_key)
        if line is None:  # no positions: a line of JSON Lines is still known
            return (document.line if document.per_line else None), None
        return line + document.line - 1, column

    return locate


@frozen
class DocumentResult:
    """What checking one document found, and the outline of the standard it made (if it
    made one: what the corpus stage compares)."""

    findings: list[Finding]
    outline: Outline | None = None
    document: ParsedDocument | None = None


@frozen
class Checked:
    """A document's findings, and what the corpus stage needs of the standard it made:
    its :class:`Outline` and the document (for the positions of CN207 and CN208)."""

    findings: list[Finding]
    outline: Outline | None = None
    document: ParsedDocument | None = None

    @classmethod
    def of(cls, result: DocumentResult) -> Checked:
        """What the corpus stage keeps of ``result``."""
        if result.outline is None or result.document is None:
            return cls(result.findings)
        return cls(result.findings, result.outline, result.document)


def check_standard(
    standard: Standard,
    source: str,
    *,
    locate: Locate = nowhere,
    file: Path | None = None,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """The findings of the semantic rules on one standard."""
    context = RuleContext(standard, source, file, locate, catalogue)
    return [Finding.of_hit(entry.code, hit, source, locate) for entry, hit in run_rules(context)]


def check_data(
    data: Any,
    source: str,
    *,
    locate: Locate = nowhere,
    file: Path | None = None,
    catalogue: Catalogue | None = None,
    line: int = 1,
) -> DocumentResult:
    """The findings of one document's plain data: the schema's, or the rules'."""
    if data is None:
        empty = Finding("CN100", "error", "the document is empty", Place(source, line, 1, ""))
        return DocumentResult([empty])
    try:
        standard = from_dict(data, source=source)
    except ContentError as error:
        return DocumentResult(list(schema_findings(data, error, source, locate)))
    found = check_standard(standard, source, locate=locate, file=file, catalogue=catalogue)
    return DocumentResult(found, Outline.of(standard))


DOCUMENTS_PARALLEL_FROM = 500
"""Documents of one file a forked worker is worth (JSON Lines): fewer, checked here."""


def _check_documents(
    documents: list[ParsedDocument],
    file: Path | None,
    catalogue: Catalogue | None,
    jobs: int = 1,
) -> list[DocumentResult]:
    """Each document checked; by ``jobs`` forked processes where they are many (a large
    JSON Lines file), which have the documents already and send back what they found."""
    named = file if len(documents) == 1 else None  # CN206: a stream of several has no one name

    def check(start: int, stop: int) -> list[tuple[list[Finding], Outline | None]]:
        found = []
        for document in documents[start:stop]:
            problems = [Finding.of_error(problem, document.source) for problem in document.problems]
            result = check_data(
                document.data,
                document.source,
                locate=locator_of(document),
                file=None if document.per_line else named,
                catalogue=catalogue,
                line=document.line,
            )
            found.append((problems + result.findings, result.outline))
        return found

    runs = over_ranges(check, len(documents), jobs, least=DOCUMENTS_PARALLEL_FROM)
    checked = (item for run in runs for item in run)
    return [
        DocumentResult(findings, outline, document)
        for (findings, outline), document in zip(checked, documents, strict=True)
    ]


def check_text(
    text: str,
    fmt: DocumentFormat,
    source: str,
    *,
    limit: int | None = None,
    catalogue: Catalogue | None = None,
) -> list[DocumentResult]:
    """A result for each document of the text (a YAML stream may hold several)."""
    cap = max_size(limit)
    if len(text) > cap and len(text.encode("utf-8", "surrogatepass")) > cap:
        message = f"text is over the size limit of {cap:,} bytes"
        return [DocumentResult([Finding("CN004", "error", message, Place(source))])]
    return _check_read_text(text, fmt, source, None, catalogue)


def _check_read_text(
    text: str, fmt: DocumentFormat, source: str, file: Path | None, catalogue: Catalogue | None
) -> list[DocumentResult]:
    """The results of a text read whole. The characters its parser refuses are CN005
    findings of their own, then blanked, so that the other findings are still found; the
    rules' CN005 and CN304 findings are placed at the character they name."""
    escapes = surrogate_escapes(text) if fmt == "json" else []
    refused = [
        Finding(r.code, severity_of(r.code), r.message, Place(source, r.line, r.column, ""))
        for r in [*refused_characters(text), *escapes]
    ]
    if refused:
        text = blank_surrogate_escapes(blank_refused(text), escapes)
    try:
        documents = parse_stream(text, fmt, source, bulk=True)
    except CarenosError as error:
        return [DocumentResult([*refused, Finding.of_error(error, source)])]
    results = [
        DocumentResult(_at_characters(r.findings, text), r.outline, r.document)
        for r in _check_documents(documents, file, catalogue)
    ]
    if refused:
        first = results[0] if results else DocumentResult([])
        results[:1] = [DocumentResult(refused + first.findings, first.outline, first.document)]
    return results


def _at_characters(findings: list[Finding], text: str) -> list[Finding]:
    """Findings of CN005 and CN304 at the line and column of the character they name."""
    seen: Counter[tuple[str | None, str]] = Counter()
    placed = []
    for finding in findings:
        place = finding.place
        if finding.code in _CHARACTER_CODES and place.line is not None and place.column:
            key = (place.pointer, finding.message)
            line, column = place_in_text(text, place.line, place.column, finding.message, seen[key])
            seen[key] += 1
            finding = evolve(finding, place=evolve(place, line=line, column=column))
        placed.append(finding)
    return placed


_CHARACTER_CODES = frozenset({"CN005", "CN304"})


def check_path(
    path: Path, *, limit: int | None = None, catalogue: Catalogue | None = None, jobs: int = 1
) -> list[DocumentResult]:
    """A result for each document of a file (each line of JSON Lines is one; their checks
    spread over ``jobs`` processes where they are many)."""
    source = str(path)
    name = input_format(path)
    reader = READERS[name] if name is not None else None
    if reader is not None and not reader.per_line:
        try:
            text = read_text(path, limit=limit)
        except CarenosError as error:
            return [DocumentResult([Finding.of_error(error, source)])]
        return _check_read_text(text, reader.document, source, path, catalogue)
    documents: list[ParsedDocument] = []
    results: list[DocumentResult] = []
    try:
        for item in read_documents(path, limit=limit):
            if isinstance(item, CarenosError):
                results.append(DocumentResult([Finding.of_error(item, source)]))
            else:
                documents.append(item)
    except CarenosError as error:  # a suffix carenos does not read
        return [DocumentResult([Finding.of_error(error, source)])]
    return results + _check_documents(documents, path, catalogue, jobs)


def check_files(
    files: list[Path], *, limit: int | None = None, catalogue: Catalogue | None = None
) -> list[list[Checked]]:
    """What :func:`check_path` finds in each file, its documents detached (their positions
    read again where the corpus stage asks for them): a worker's part (``--jobs``)."""
    checked = []
    for path in files:
        again = FileDocuments(str(path), limit, blank=True)
        found, documents = [], 0
        for result in check_path(path, limit=limit, catalogue=catalogue):
            if result.document is not None:  # the file's documents, in order
                positions = functools.partial(again.positions, documents)
                result = evolve(result, document=result.document.detached(positions, data=False))
                documents += 1
            found.append(Checked.of(result))
        checked.append(found)
    return checked


def checked_files(
    files: list[Path], *, limit: int | None, catalogue: Catalogue | None, jobs: int
) -> Iterator[tuple[Path, list[Checked]]]:
    """Each file with what checking it found, in order: in ``jobs`` processes where the
    files are many, else here."""
    if not worth_it(jobs, len(files)):
        for path in files:
            found = check_path(path, limit=limit, catalogue=catalogue, jobs=jobs)
            yield path, [Checked.of(r) for r in found]
        return
    work = functools.partial(check_files, limit=limit, catalogue=catalogue)
    with Workers(jobs) as workers:
        yield from zip(files, workers.map(work, files), strict=True)


def duplicate_codes(checked: Iterable[Checked]) -> Iterator[Finding]:
    """CN207 for each standard whose code and language an earlier document already has."""
    first: dict[tuple[str, str], str] = {}
    for result in checked:
        if result.outline is None or result.document is None:
            continue
        key = key_of(result.outline)
        if key in first:
            label = label_of(result.outline)
            error = DuplicateError.of(label, first[key], result.document.source)
            hit = Hit(error.message, "/code")
            yield Finding.of_hit(
                error.code, hit, result.document.source, locator_of(result.document)
            )
        else:
            first[key] = result.document.label


def translation_findings(
    outlines: Iterable[tuple[Outline, str, Locate]],
) -> Iterator[Finding]:
    """CN208 for each translation whose structure is not that of its English version."""
    found = list(outlines)
    english = {s.code: s for s, _, _ in found if s.language == "en"}
    for outline, source, locate in found:
        original = english.get(outline.code)
        if outline.language == "en" or original is None:
            continue
        for hit in structure_differences(outline, original):
            yield Finding.of_hit("CN208", hit, source, locate)


def files_of(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Finding]]:
    """The files to validate: each file given, and the standard files of each directory."""
    from ..corpus import standard_files

    files: list[Path] = []
    findings: list[Finding] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                files.extend(standard_files(path))
            except CarenosError as error:
                findings.append(Finding.of_error(error, str(path)))
        else:
            files.append(path)
    return list(dict.fromkeys(files)), findings
