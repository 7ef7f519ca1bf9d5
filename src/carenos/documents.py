"""One standard in, one standard out: ``load``/``loads``/``dump``/``dumps``.

Reading goes text -> plain data (:mod:`carenos.io`) -> model (:mod:`carenos.convert`);
errors on the way are :class:`~carenos.errors.CarenosError` with file, line and column.
"""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path
from typing import Any, Literal

from attrs import frozen

from .convert import from_dict, to_dict
from .errors import CarenosError, ContentError, UsageError
from .io.files import atomic_write, read_text
from .io.json import dump_json, json_positions, parse_json
from .io.positions import Positions
from .io.yaml import dump_yaml, parse_yaml, parse_yaml_stream
from .model import Standard

__all__ = [
    "Format",
    "ParsedDocument",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "parse",
    "parse_stream",
]

Format = Literal["yaml", "json"]
"""The text formats of a single standard."""

_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format of a standard file, from its suffix (``.yaml``, ``.yml``, ``.json``)."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise UsageError(
            f"cannot tell the format from the suffix {suffix!r} (use .yaml, .yml or .json)",
            source=os.fspath(path),
        ) from None


def _check_format(fmt: str) -> Format:
    if fmt not in ("yaml", "json"):
        raise UsageError(f"unknown format {fmt!r}: use 'yaml' or 'json'")
    return fmt  # type: ignore[return-value]


@frozen
class ParsedDocument:
    """Plain data read from a text, with what is needed to say where things are.

    ``problems`` are the reader's non-fatal findings (duplicate keys, YAML tags);
    ``positions`` maps JSON pointers to 1-based ``(line, column)``.
    """

    data: Any
    source: str
    text: str
    format: Format
    problems: tuple[CarenosError, ...]
    yaml_positions: Positions | None

    @functools.cached_property
    def positions(self) -> Positions:
        """Positions of the values (worked out once, when first needed, for JSON)."""
        if self.yaml_positions is not None:
            return self.yaml_positions
        return json_positions(self.text)


def parse(
    text: str, fmt: Format, source: str = "<string>", *, fast: bool = False
) -> ParsedDocument:
    """Read ``text`` into plain data; syntax errors raise, other problems are collected."""
    if fmt == "json":
        return ParsedDocument(parse_json(text, source), source, text, fmt, (), None)
    parsed = parse_yaml(text, source, fast=fast, positions=not fast)
    positions = None if fast else parsed.positions
    return ParsedDocument(parsed.data, source, text, fmt, tuple(parsed.problems), positions)


def parse_stream(
    text: str, fmt: Format, source: str = "<string>", *, fast: bool = False
) -> list[ParsedDocument]:
    """Every document of ``text``: one for JSON; one or more for a YAML stream (``---``).

    An empty text is one empty document. Positions are kept for every document of a
    stream of several, even when ``fast``.
    """
    if fmt == "json":
        return [parse(text, "json", source)]
    parsed = parse_yaml_stream(text, source, fast=fast, positions=not fast)
    if fast and len(parsed) > 1:
        parsed = parse_yaml_stream(text, source, fast=True, positions=True)
    if not parsed:
        return [parse(text, "yaml", source, fast=fast)]
    kept = len(parsed) > 1 or not fast
    return [
        ParsedDocument(
            p.data, source, text, "yaml", tuple(p.problems), p.positions if kept else None
        )
        for p in parsed
    ]


def locate(error: CarenosError, document: ParsedDocument) -> CarenosError:
    """Fill in ``error``'s line and column from its JSON pointer, where it has none."""
    if error.line is None and error.path is not None:
        key = isinstance(error, ContentError) and error.at_key
        error.line, error.column = document.positions.of(error.path, key=key)
    return error


def to_standard(document: ParsedDocument) -> Standard:
    """The model of a parsed document; raises its first problem or a located ContentError."""
    if document.problems:
        first = document.problems[0]
        if document.yaml_positions is None:  # fast read: read again for exact positions
            document = parse(document.text, document.format, document.source)
            first = document.problems[0]
        more = len(document.problems) - 1
        if more:  # a copy: the document keeps its problems as they were found
            first = copy.copy(first)
            first.message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise first
    if document.data is None:
        raise ContentError("the document is empty", source=document.source, line=1, column=1)
    try:
        return from_dict(document.data, source=document.source)
    except ContentError as error:
        if document.yaml_positions is None and document.format == "yaml":
            document = parse(document.text, "yaml", document.source)
        raise locate(error, document) from None


def loads(text: str, fmt: Format = "yaml", *, source: str = "<string>") -> Standard:
    """A :class:`Standard` from YAML or JSON text (``fmt`` is ``"yaml"`` or ``"json"``)."""
    return to_standard(parse(text, _check_format(fmt), source))


def load(path: str | os.PathLike[str], *, max_size: int | None = None) -> Standard:
    """A :class:`Standard` from a ``.yaml``, ``.yml`` or ``.json`` file."""
    fmt = format_of(path)
    text = read_text(path, limit=max_size)
    return to_standard(parse(text, fmt, os.fspath(path)))


def dumps(standard: Standard, fmt: Format = "yaml") -> str:
    """YAML (as a person would write it) or indented JSON text of ``standard``."""
    data = to_dict(standard)
    return dump_yaml(data) if _check_format(fmt) == "yaml" else dump_json(data)


def dump(
    standard: Standard,
    path: str | os.PathLike[str],
    *,
    fmt: Format | None = None,
    overwrite: bool = False,
) -> None:
    """Write ``standard`` to ``path`` atomically; an existing file needs ``overwrite=True``."""
    text = dumps(standard, fmt or format_of(path))
    atomic_write(path, text, overwrite=overwrite)
