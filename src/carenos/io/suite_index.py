"""The suite index: a CSV of codes, titles and metadata of the standards of a suite.

The format is that of ``scdhsc-index.csv`` (columns urn, title, developed_by, suite,
relevant_occupations, validity, status, keywords, original_urn). It is real data with
real dirt: the reader trims cells, drops empty list parts (trailing ``;``), repairs codes
with a surplus leading zero (``SCDHSC00243`` -> ``SCDHSC0243``) and keeps the first of two
rows with one code, and says what it repaired in ``warnings``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from typing import Any

from attrs import frozen

from ..errors import ReadError
from ..textnorm import plural, split_list, squash_spaces
from .files import read_text

__all__ = ["IndexEntry", "SuiteIndex", "parse_index", "read_index"]

_COLUMNS = ("urn", "title")
_TEXT_FIELDS = {
    "developed_by": "developed_by",
    "validity": "validity",
    "status": "status",
    "original_urn": "original_urn",
}
_LIST_FIELDS = {
    "suite": "suites",
    "relevant_occupations": "relevant_occupations",
    "keywords": "keywords",
}
_LETTERS_DIGITS = re.compile(r"([A-Za-z]+)([0-9]+)")
_DIGITS = 4


@frozen
class IndexEntry:
    """One row of the index: ``code``, ``title`` and ``metadata`` in the dict shape."""

    code: str
    title: str | None
    metadata: dict[str, Any]
    line: int


@frozen
class SuiteIndex:
    """The rows of an index by code, and the warnings (``source:line: warning: ...``)."""

    source: str
    entries: dict[str, IndexEntry]
    warnings: tuple[str, ...]

    def get(self, code: str) -> IndexEntry | None:
        """The entry for ``code``, or None."""
        return self.entries.get(code)

    def find_title(self, title: str) -> IndexEntry | None:
        """The only entry with this title (whitespace and case aside), or None."""
        wanted = squash_spaces(title).casefold()
        found = [e for e in self.entries.values() if (e.title or "").casefold() == wanted]
        return found[0] if len(found) == 1 else None


def _repair_code(code: str) -> str:
    """``code`` with surplus leading zeros of its number removed (``SCDHSC00243``)."""
    found = _LETTERS_DIGITS.fullmatch(code)
    if found is None:
        return code
    letters, digits = found.groups()
    if len(digits) > _DIGITS and digits.startswith("0"):
        digits = digits.lstrip("0").zfill(_DIGITS)
    return letters + digits


def parse_index(text: str, *, source: str = "<string>") -> SuiteIndex:
    """Read index CSV ``text``; raises :class:`ReadError` without ``urn`` and ``title`` columns."""
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    missing = [c for c in _COLUMNS if c not in columns]
    if missing:
        raise ReadError(f"not a suite index: no column {', '.join(missing)}", source=source, line=1)
    entries: dict[str, IndexEntry] = {}
    warnings: list[str] = []
    dropped = 0
    for row in reader:
        line = reader.line_num

        def cell(name: str, row: dict[str, Any] = row) -> str:
            value = row.get(name)
            return squash_spaces(value) if isinstance(value, str) else ""

        raw_code = cell("urn")  # URNs keep their case (LANAgM17)
        if not raw_code:
            warnings.append(f"{source}:{line}: warning: row without a code skipped")
            continue
        code = _repair_code(raw_code)
        if code != raw_code:
            warnings.append(f"{source}:{line}: warning: code {raw_code} read as {code}")
        if code in entries:
            warnings.append(
                f"{source}:{line}: warning: {code} repeats line {entries[code].line}; row skipped"
            )
            continue
        metadata: dict[str, Any] = {}
        for column, field in _TEXT_FIELDS.items():
            if cell(column):
                metadata[field] = cell(column)
        for column, field in _LIST_FIELDS.items():
            parts, empty = split_list(cell(column))
            dropped += empty if cell(column) else 0
            if parts:
                metadata[field] = parts
        entries[code] = IndexEntry(code, cell("title") or None, metadata, line)
    if dropped:
        warnings.append(
            f"{source}: warning: dropped {plural(dropped, 'empty list part')} "
            "(trailing or doubled separators)"
        )
    return SuiteIndex(source, entries, tuple(warnings))


def read_index(path: str | os.PathLike[str], *, max_size: int | None = None) -> SuiteIndex:
    """Read the index CSV file at ``path`` (see :func:`parse_index`) within the size limit."""
    return parse_index(read_text(path, limit=max_size), source=os.fspath(path))
