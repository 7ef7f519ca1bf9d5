"""Text and files of standards -> parsed documents: plain data, problems and lazy positions.

The reader tier's one entry point: :func:`parse_stream` reads a text in one of the
:data:`~carenos.io.formats.DocumentFormat` formats, and :func:`read_documents` reads a
file by its suffix (the :data:`~carenos.io.formats.READERS` table), one document at a
time. Nothing here knows the model; :mod:`carenos.documents` turns documents into
standards, :mod:`carenos.validation` into findings.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from typing import Any

from attrs import define, evolve, field, frozen

from ..errors import CarenosError, CharacterError, DuplicateKeyError, UsageError
from .characters import blank_refused, blank_surrogate_escapes, surrogate_escapes
from .files import decode, read_line_bytes, read_text
from .formats import READERS, DocumentFormat, input_format, suffix_list
from .json import canonical_positions, json_positions, parse_canonical_json, parse_json
from .positions import Positions
from .yaml import ParsedYaml, parse_yaml, parse_yaml_stream

__all__ = [
    "FileDocuments",
    "ParsedDocument",
    "locate",
    "parse",
    "parse_stream",
    "read_documents",
    "read_files",
]


@frozen
class ParsedDocument:
    """Plain data read from a text, with what is needed to say where things are.

    ``problems`` are the reader's non-fatal findings (duplicate keys, YAML tags), at
    lines of the file. ``positions`` maps JSON pointers to 1-based ``(line, column)`` of
    the document's own text, worked out when first asked for; ``line`` is the line of
    the file where that text starts (a line of JSON Lines), which :func:`locate` adds.
    """

    data: Any
    source: str
    text: str
    format: DocumentFormat
    problems: tuple[CarenosError, ...] = ()
    line: int = 1
    per_line: bool = False
    _positions: Callable[[], Positions] = field(default=Positions, eq=False, repr=False)

    @property
    def label(self) -> str:
        """Where the document is: its source, and ``:line`` for a line of JSON Lines."""
        return f"{self.source}:{self.line}" if self.per_line else self.source

    @functools.cached_property
    def positions(self) -> Positions:
        """Positions of the values and keys, by JSON pointer."""
        return self._positions()

    def detached(self, positions: Callable[[], Positions], *, data: bool = True) -> ParsedDocument:
        """This document without its text (nor, with ``data=False``, its data), whose
        positions come from ``positions``: what a worker process sends back."""
        return evolve(self, text="", data=self.data if data else None, positions=positions)


@define
class FileDocuments:
    """The documents of a file, read again when first asked for: the positions of the
    documents a worker process read (see :meth:`ParsedDocument.detached`).

    The file is read as it was: by :func:`read_documents`, or with ``blank`` as the
    validator reads a text whole (the characters the parser refuses blanked). A file
    that has changed meanwhile gives no positions rather than wrong ones.
    """

    path: str
    limit: int | None = None
    blank: bool = False
    _read: list[ParsedDocument] | None = field(default=None, init=False, eq=False)

    def positions(self, index: int) -> Positions:
        """The positions of the file's ``index``-th document."""
        if self._read is None:
            try:
                self._read = self._documents()
            except CarenosError:
                self._read = []
        return self._read[index].positions if index < len(self._read) else Positions()

    def _documents(self) -> list[ParsedDocument]:
        name = input_format(self.path)
        reader = READERS[name] if name is not None else None
        if self.blank and reader is not None and not reader.per_line:
            text = blank_refused(read_text(self.path, limit=self.limit))
            return parse_stream(text, reader.document, self.path, bulk=True)
        found = read_documents(self.path, limit=self.limit)
        return [item for item in found if isinstance(item, ParsedDocument)]


def read_files(
    files: list[str | os.PathLike[str]], *, limit: int | None = None
) -> list[list[ParsedDocument | Exception]]:
    """For each file, its documents (:meth:`~ParsedDocument.detached`) as far as the first
    error met reading it, and that error: a worker's part of a load (``--jobs``)."""
    read: list[list[ParsedDocument | Exception]] = []
    for file in files:
        again = FileDocuments(os.fspath(file), limit)
        items: list[ParsedDocument | Exception] = []
        try:
            for item in read_documents(file, limit=limit):
                if isinstance(item, CarenosError):
                    items.append(item)
                    break
                items.append(item.detached(functools.partial(again.positions, len(items))))
        except Exception as error:  # raised where the reader in the process would raise it
            items.append(error)
        read.append(items)
    return read


def _json_document(text: str, source: str, line: int, per_line: bool = False) -> ParsedDocument:
    if not text.strip():  # an empty document, as an empty YAML file is (CN100), not a syntax error
        return ParsedDocument(None, source, text, "json", (), line, per_line, Positions)
    try:
        data = parse_json(text, source, line_offset=line - 1)
    except DuplicateKeyError as error:
        # JSON is YAML: read it as such to gather every duplicate key, at its place
        try:
            parsed = parse_yaml(text, source)
        except CarenosError:
            raise error from None
        if not parsed.problems:
            raise error from None
        problems = tuple(p.at(line=(p.line or 1) + line - 1) for p in parsed.problems)
        positions = parsed.positions
        return ParsedDocument(
            parsed.data, source, text, "json", problems, line, per_line, lambda: positions
        )
    return ParsedDocument(
        data, source, text, "json", (), line, per_line, lambda: json_positions(text)
    )


def parse_stream(
    text: str, fmt: DocumentFormat, source: str = "<string>", *, bulk: bool = False
) -> list[ParsedDocument]:
    """Every document of ``text``: one for JSON; one or more for a YAML stream (``---``).

    An empty text is one empty document (its data ``None``). Syntax errors raise
    :class:`~carenos.errors.ParseError`; other problems are collected on each document.
    ``bulk`` reads YAML with the fast parser (see :func:`carenos.io.yaml.parse_yaml_stream`).
    """
    if fmt == "json":
        document = _json_document(text, source, 1)
        if isinstance(document.data, list):  # an array of standards: `carenos export --format json`
            return _array_documents(document)
        return [document]
    if fmt != "yaml":
        raise UsageError(f"unknown format {fmt!r}: use 'yaml' or 'json'")
    found = parse_yaml_stream(text, source, bulk=bulk) or [parse_yaml(text, source, bulk=bulk)]
    return [_yaml_document(parsed, source, text) for parsed in found]


def _array_documents(array: ParsedDocument) -> list[ParsedDocument]:
    """Each item of a JSON array as a document of its own, placed in the array's text."""

    def positions_of(index: int) -> Callable[[], Positions]:
        prefix = f"/{index}"

        def within() -> Positions:
            whole = array.positions.complete()  # a scan that ran only as far as asked
            return Positions(
                {p[len(prefix) :]: at for p, at in whole.values.items() if _under(p, prefix)},
                {p[len(prefix) :]: at for p, at in whole.keys.items() if _under(p, prefix)},
            )

        return within

    return [
        ParsedDocument(
            item, array.source, array.text, "json", array.problems, 1, False, positions_of(i)
        )
        for i, item in enumerate(array.data)
    ]


def _under(pointer: str, prefix: str) -> bool:
    return pointer == prefix or pointer.startswith(prefix + "/")


def _yaml_document(parsed: ParsedYaml, source: str, text: str) -> ParsedDocument:
    problems = tuple(parsed.problems)
    return ParsedDocument(
        parsed.data, source, text, "yaml", problems, 1, False, lambda: parsed.positions
    )


def parse(
    text: str, fmt: DocumentFormat, source: str = "<string>", *, bulk: bool = False
) -> ParsedDocument:
    """The one document of ``text`` (a second YAML document is a syntax error)."""
    if fmt == "json":
        return _json_document(text, source, 1)
    if fmt != "yaml":
        raise UsageError(f"unknown format {fmt!r}: use 'yaml' or 'json'")
    return _yaml_document(parse_yaml(text, source, bulk=bulk), source, text)


def locate(error: CarenosError, document: ParsedDocument) -> CarenosError:
    """``error`` with the line and column of its JSON pointer in ``document``, where it has none."""
    if error.line is not None or error.pointer is None:
        return error
    line, column = document.positions.of(error.pointer, key=error.place.at_key)
    if line is not None:
        line += document.line - 1
    elif document.per_line:  # no positions (too deep to read for them): the line is known
        line = document.line
    return error.at(line=line, column=column)


def read_documents(
    path: str | os.PathLike[str], *, limit: int | None = None, bulk: bool = True
) -> Iterator[ParsedDocument | CarenosError]:
    """Each document of a file of standards, read by its suffix, or the error met reading it.

    A file that cannot be read at all, or whose text does not parse, gives its error;
    a JSON Lines file gives a document (or an error) for each non-blank line, so that a
    caller that gathers problems can go on after a bad line. Raises
    :class:`~carenos.errors.UsageError` for a suffix that carenos does not read.
    """
    source = os.fspath(path)
    name = input_format(path)
    if name is None and not os.path.lexists(source):  # the missing file, not its suffix
        yield from _missing(source, limit)
        return
    if name is None:
        raise UsageError(
            f"cannot tell the format from the suffix {os.path.splitext(source)[1]!r} "
            f"(use {suffix_list()})",
            source=source,
        )
    reader = READERS[name]
    if reader.per_line:
        yield from _per_line(source, reader.document, limit)
        return
    try:
        text = read_text(path, limit=limit)
        documents = parse_stream(text, reader.document, source, bulk=bulk)
    except CarenosError as error:
        yield error
        return
    yield from documents


def _canonical(data: Any) -> Callable[[], Positions]:
    """The positions of a canonical JSON document (see :func:`canonical_positions`)."""
    return lambda: canonical_positions(data)


def _missing(source: str, limit: int | None) -> Iterator[CarenosError]:
    """The error of reading a file that is not there (as :func:`read_text` words it)."""
    try:
        read_text(source, limit=limit)
    except CarenosError as error:
        yield error


def _per_line(
    source: str, fmt: DocumentFormat, limit: int | None
) -> Iterator[ParsedDocument | CarenosError]:
    if fmt != "json":  # pragma: no cover - every per-line format is JSON today
        raise UsageError(f"no per-line reader of {fmt}", source=source)
    try:
        for number, raw in read_line_bytes(source, limit=limit):
            if isinstance(raw, CarenosError):
                yield raw
                continue
            data = parse_canonical_json(raw)
            if data is not None:  # as carenos writes it: strict by construction
                text = raw.decode("utf-8")
                found = _canonical(data)
                yield ParsedDocument(data, source, text, "json", (), number, True, found)
                continue
            try:
                text = decode(raw, source)
            except CarenosError as error:
                yield error.at(line=number)
                continue
            try:
                yield _json_document(text, source, number, per_line=True)
            except CharacterError as error:  # a reader stops at it; a validator goes on
                yield error
                yield from _blanked_line(text, source, number)
            except CarenosError as error:
                yield error
    except CarenosError as error:
        yield error


def _blanked_line(text: str, source: str, number: int) -> Iterator[ParsedDocument | CarenosError]:
    """The document of a line of JSON Lines whose escapes of half a character are blanked:
    what a validator checks after the error of the escape (CN005), as it checks a ``.json``
    file, so that the line's other problems are found too, whatever is ignored."""
    try:
        yield _json_document(
            blank_surrogate_escapes(text, surrogate_escapes(text)), source, number, per_line=True
        )
    except CarenosError as error:
        yield error
