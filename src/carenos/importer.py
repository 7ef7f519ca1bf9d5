"""Import extracted NOS text as a :class:`~carenos.model.Standard`.

The code and title come from the caller, else from the text's header, else from a
suite index (which also fills metadata the text does not have), else (for files) the
code from a file name such as ``SCDHSC0393.txt``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .codes import HEADER_CODE
from .convert import from_dict
from .errors import ContentError, ImportTextError, UsageError
from .io.files import read_text
from .io.json import parse_json
from .io.nos_text import parse_nos_text
from .io.nosdb import from_record
from .io.suite_index import SuiteIndex
from .metadata import iso_date
from .model import Standard

__all__ = ["code_from_filename", "from_nosdb", "import_file", "import_nosdb", "import_text"]


def code_from_filename(path: str | os.PathLike[str]) -> str | None:
    """The code a file name gives (``SCDHSC0393.txt`` -> ``SCDHSC0393``), or None."""
    stem = Path(path).stem
    return stem if HEADER_CODE.fullmatch(stem) else None


def _merged(data: dict[str, Any], code: str | None, title: str | None) -> None:
    if code:
        data["code"] = code
    if title:
        data["title"] = title


def import_text(
    text: str,
    code: str | None = None,
    title: str | None = None,
    source: str = "<string>",
    *,
    index: SuiteIndex | None = None,
    fallback_code: str | None = None,
) -> Standard:
    """The standard in extracted NOS ``text``.

    Args:
        text: the text extracted from a published standard.
        code: the code, over the text's header.
        title: the title, over the text's header.
        source: what errors name as the source.
        index: a suite index, for what is still missing (and metadata).
        fallback_code: the last resort for the code (a file name's).

    Raises :class:`ImportTextError` for text that cannot be accounted for or holds no
    statement, and :class:`UsageError` when no code or no title can be found.
    """
    parsed = parse_nos_text(text, source=source)
    data = dict(parsed.data)
    if not data.get("elements") and not data.get("knowledge"):
        raise ImportTextError(
            "no performance criteria (P1 ...) and no knowledge items (K1 ...): "
            "this is not the text of a standard",
            source=source,
        )
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
    if "metadata" in data:
        data["metadata"] = _typed(data["metadata"])
    try:
        return from_dict(data, source=source)
    except ContentError as error:
        lines = [n for n, where in parsed.account.items() if where == error.pointer]
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
    return typed


def import_file(
    path: str | os.PathLike[str],
    *,
    code: str | None = None,
    title: str | None = None,
    index: SuiteIndex | None = None,
    max_size: int | None = None,
) -> Standard:
    """The standard in the extracted NOS text file at ``path`` (see :func:`import_text`)."""
    text = read_text(path, limit=max_size)
    return import_text(
        text,
        code,
        title,
        os.fspath(path),
        index=index,
        fallback_code=code_from_filename(path),
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
