"""CSV: one row per numbered statement (RFC 4180: CRLF line ends, minimal quoting, UTF-8).

``group`` is the element title or knowledge heading (empty where a group has none);
``sub_items`` are the statement's nested list, one a line within the cell. What is not a
numbered statement (scope, values, glossary, metadata ...) has no row: JSON and JSON Lines
hold it.

``shared_id`` is the id of the catalogue entry a knowledge item is linked to (exactly
or near). Linking a statement to the catalogue depends on that statement and the
catalogue only (proposed groups, which need the whole set, are left out), so each
standard is mapped on its own as it streams past: the result is the same as mapping
the whole set, and memory does not grow with it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from typing import IO

from ..catalogue import Catalogue, load_catalogue
from ..mapping import KnowledgeMap, map_knowledge
from ..model import KnowledgeItem, PerformanceCriterion, Standard, Standards, standards_of
from ._output import ExportOptions, text_of

__all__ = ["HEADER", "csv_rows", "shared_ids", "to_csv", "write_csv"]

HEADER = (
    "code",
    "title",
    "kind",
    "id",
    "ref",
    "group",
    "text",
    "shared_id",
    "language",
    "sub_items",
)
"""The columns of the CSV export."""


def shared_ids(kmap: KnowledgeMap) -> dict[str, str]:
    """Catalogue entry id by statement ref, for the catalogued (not proposed) groups."""
    return {
        link.ref: group.entry.id
        for group in kmap.groups
        if not group.proposed
        for link in group.links
    }


def csv_rows(standard: Standard, shared: dict[str, str]) -> Iterator[tuple[str, ...]]:
    """The rows of one standard: its criteria, then its knowledge items, in document order."""
    groups: list[tuple[str, str | None, Sequence[PerformanceCriterion | KnowledgeItem]]] = [
        ("performance_criterion", e.title, e.performance_criteria) for e in standard.elements
    ]
    groups += [("knowledge", k.heading, k.items) for k in standard.knowledge]
    for kind, group, statements in groups:
        for s in statements:
            shared_id = shared.get(s.ref, "") if kind == "knowledge" else ""
            row = (standard.code, standard.title, kind, s.id, s.ref, group or "", s.text)
            yield (*row, shared_id, standard.language, "\n".join(s.sub_items))


def write_csv(standards: Standards, handle: IO[str], options: ExportOptions | None = None) -> None:
    """Write the header and each standard's rows as it comes.

    The catalogue of ``options`` defaults to the bundled one. Open files with ``newline=""``.
    """
    standards = standards_of(standards)
    given = None if options is None else options.catalogue
    catalogue = load_catalogue() if given is None else given
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(HEADER)
    for standard in standards:
        writer.writerows(csv_rows(standard, shared_ids(map_knowledge([standard], catalogue))))


def to_csv(standards: Standards, *, catalogue: Catalogue | None = None) -> str:
    """The CSV text of the standards (see :func:`write_csv`)."""
    options = ExportOptions(catalogue=catalogue)
    return text_of(lambda handle: write_csv(standards, handle, options))
