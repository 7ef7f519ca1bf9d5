"""One standard in, one standard out: ``load``/``loads``/``dump``/``dumps``.

Reading goes text -> plain data (:mod:`carenos.io.parse`) -> model
(:mod:`carenos.convert`); errors on the way are :class:`~carenos.errors.CarenosError`
with file, line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .convert import from_dict, to_dict
from .errors import ContentError, UsageError
from .io.files import atomic_write, read_text
from .io.formats import READERS, DocumentFormat, input_format, suffix_list
from .io.json import dump_json
from .io.parse import ParsedDocument, locate, parse
from .io.yaml_write import dump_yaml
from .model import Standard
from .textnorm import plural

__all__ = ["dump", "dumps", "format_of", "load", "loads", "to_standard"]


def format_of(path: str | os.PathLike[str]) -> DocumentFormat:
    """The format of a one-standard file, from its suffix (``.yaml``, ``.yml``, ``.json``)."""
    name = input_format(path)
    if name is None or READERS[name].per_line:
        suffix = Path(path).suffix.lower()
        raise UsageError(
            f"cannot tell the format of one standard from the suffix {suffix!r} "
            f"(use {suffix_list(('yaml', 'json'))})",
            source=os.fspath(path),
        )
    return READERS[name].document


def _check_format(fmt: str) -> DocumentFormat:
    if fmt not in ("yaml", "json"):
        raise UsageError(f"unknown format {fmt!r}: use 'yaml' or 'json'")
    return fmt  # type: ignore[return-value]


def to_standard(document: ParsedDocument) -> Standard:
    """The model of a parsed document; raises its first problem or a located ContentError."""
    if document.problems:
        first = document.problems[0]
        more = len(document.problems) - 1
        if more:
            first = first.with_message(f"{first.message} (and {plural(more, 'more problem')})")
        raise first
    if document.data is None:
        raise ContentError(
            "the document is empty", source=document.source, line=document.line, column=1
        )
    try:
        return from_dict(document.data, source=document.source)
    except ContentError as error:
        raise locate(error, document) from None


def loads(text: str | bytes, fmt: DocumentFormat = "yaml", *, source: str = "<string>") -> Standard:
    """A :class:`Standard` from YAML or JSON text (``fmt`` is ``"yaml"`` or ``"json"``);
    bytes are read as UTF-8 (a byte order mark, UTF-16 and Windows-1252 as files are)."""
    if isinstance(text, bytes | bytearray):
        from .io.files import decode

        text = decode(bytes(text), source)
    return to_standard(parse(text, _check_format(fmt), source))


def load(path: str | os.PathLike[str], *, max_size: int | None = None) -> Standard:
    """A :class:`Standard` from a ``.yaml``, ``.yml`` or ``.json`` file."""
    fmt = format_of(path)
    text = read_text(path, limit=max_size)
    return to_standard(parse(text, fmt, os.fspath(path)))


def dumps(standard: Standard | Iterable[Standard], fmt: DocumentFormat = "yaml") -> str:
    """YAML (as a person would write it) or indented JSON text of ``standard``; of several
    standards (a :class:`~carenos.Corpus`, a list), a YAML stream or a JSON array."""
    if not isinstance(standard, Standard):
        many = [to_dict(s) for s in standard]
        if _check_format(fmt) == "json":
            return dump_json(many)
        return "".join(f"---\n{dump_yaml(data)}" for data in many)
    data = to_dict(standard)
    return dump_yaml(data) if _check_format(fmt) == "yaml" else dump_json(data)


def dump(
    standard: Standard,
    path: str | os.PathLike[str],
    *,
    fmt: DocumentFormat | None = None,
    overwrite: bool = False,
) -> None:
    """Write ``standard`` to ``path`` atomically; an existing file needs ``overwrite=True``."""
    text = dumps(standard, fmt or format_of(path))
    atomic_write(path, text, overwrite=overwrite)
