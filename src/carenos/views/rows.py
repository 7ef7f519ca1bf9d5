"""The label/value rows a rendered standard prints: its header and its metadata table.

One definition for every view (HTML, Word, Markdown), so the three print the same fields
in the same order, with the labels of the standard's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Standard
from ..textnorm import field_text

__all__ = ["header_rows", "metadata_rows"]

_HEADER = ("suites", "developed_by", "date_approved")
_TABLE = (
    "version",
    "indicative_review_date",
    "validity",
    "status",
    "originating_organisation",
    "original_urn",
    "relevant_occupations",
    "keywords",
    "soc_codes",
    "category",
)


def _rows(
    standard: Standard, labels: Mapping[str, str], names: tuple[str, ...]
) -> list[tuple[str, str]]:
    metadata = standard.metadata
    if metadata is None:
        return []
    rows = []
    for name in names:
        shown = field_text(getattr(metadata, name))
        if shown is not None:
            rows.append((labels[name], shown))
    return rows


def header_rows(standard: Standard, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """The rows under the title, after the URN: suites, developer, date approved."""
    return _rows(standard, labels, _HEADER)


def metadata_rows(standard: Standard, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """The metadata table's rows: the other metadata fields, then what it replaces or is
    replaced by."""
    rows = _rows(standard, labels, _TABLE)
    for name in ("replaces", "replaced_by"):
        value = getattr(standard, name)
        if value:
            rows.append((labels[name], value))
    return rows
