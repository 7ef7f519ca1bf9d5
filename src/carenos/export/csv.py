"""CSV: one row per statement (RFC 4180: CRLF line ends, minimal quoting, UTF-8; ``bom``
for Excel).

Rows are the criteria, the knowledge items, the rights of the values (``kind`` ``right``,
ids ``rights/N``) and the scope statements (``scope``, ids ``scope-pc/N``, ``scope-k/N``,
``scope-g/N``): every statement ``carenos map`` links. ``group`` is the element title,
knowledge heading, "Values" or the scope term (empty where there is none); ``sub_items``
are the statement's nested list, one a line within the cell. What is no statement
(glossary, metadata ...) has no row: JSON and JSON Lines hold it.

``shared_id`` is the id of the catalogue entry a statement is linked to, ``match`` how
(``exact``: the same statement, credit it everywhere; ``near``: drifted wording, a person
decides) and ``score`` the similarity (0-100). Linking a statement to the catalogue
depends on that statement and the catalogue only (proposed groups, which need the whole
set, are left out), so each standard is mapped on its own as it streams past: the result
is the same as mapping the whole set, and memory does not grow with it.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from typing import IO

from .._pool import over_ranges
from ..catalogue import Catalogue, load_catalogue
from ..corpus import read_jobs
from ..mapping import KnowledgeMap
from ..mapping.linking import Linker
from ..model import Standard, Standards, standards_of
from ._output import ExportOptions, text_of

__all__ = [
    "CSV_PARALLEL_FROM",
    "HEADER",
    "csv_rows",
    "data_package",
    "shared_ids",
    "statement_rows",
    "to_csv",
    "write_csv",
]

HEADER = (
    "code",
    "title",
    "kind",
    "id",
    "ref",
    "group",
    "text",
    "shared_id",
    "match",
    "score",
    "language",
    "sub_items",
)
"""The columns of the CSV export."""


def shared_ids(kmap: KnowledgeMap) -> dict[str, tuple[str, str, float]]:
    """``(entry id, match, score)`` by statement ref, for the catalogued (not proposed) groups."""
    return {
        link.ref: (group.entry.id, link.match, link.score)
        for group in kmap.groups
        if not group.proposed
        for link in group.links
    }


def statement_rows(standard: Standard) -> Iterator[tuple[str, str, str, str, str, tuple[str, ...]]]:
    """``(kind, id, ref, group, text, sub_items)`` of every statement, in document order."""
    for element in standard.elements:
        for pc in element.performance_criteria:
            yield "performance_criterion", pc.id, pc.ref, element.title or "", pc.text, pc.sub_items
    for section in standard.knowledge:
        for k in section.items:
            yield "knowledge", k.id, k.ref, section.heading or "", k.text, k.sub_items
    if standard.values is not None:
        for n, right in enumerate(standard.values.rights, start=1):
            yield "right", f"rights/{n}", f"{standard.code}/rights/{n}", "Values", right, ()
    for part, statements in (
        ("scope-pc", standard.scope.performance_criteria),
        ("scope-k", standard.scope.knowledge),
        ("scope-g", standard.scope.general),
    ):
        for n, scope in enumerate(statements, start=1):
            ident = f"{part}/{n}"
            yield "scope", ident, f"{standard.code}/{ident}", scope.term or "", scope.text, ()


def csv_rows(
    standard: Standard, shared: Mapping[str, tuple[str, str, float]]
) -> Iterator[tuple[str, ...]]:
    """The rows of one standard (see the module's description), in document order."""
    code, title, language = standard.code, standard.title, standard.language
    unlinked = ("", "", None)
    for kind, ident, ref, group, text, subs in statement_rows(standard):
        entry, match, score = shared.get(ref, unlinked)
        shown = "" if score is None else f"{score:.0f}"
        listed = "\n".join(subs) if subs else ""
        yield (code, title, kind, ident, ref, group, text, entry, match, shown, language, listed)


def write_csv(standards: Standards, handle: IO[str], options: ExportOptions | None = None) -> None:
    """Write the header and each standard's rows as it comes.

    The catalogue of ``options`` defaults to the bundled one. Open files with ``newline=""``.
    Standards already held (a loaded corpus, a list) are written by ``options.jobs``
    forked processes (default: the command line's ``--jobs``, else one) when there are
    enough of them (:data:`CSV_PARALLEL_FROM` a process): the same text.
    """
    standards = standards_of(standards)
    given = None if options is None else options.catalogue
    catalogue = load_catalogue() if given is None else given
    if options is not None and options.bom:
        handle.write("\ufeff")
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(HEADER)
    linker = Linker(catalogue)
    jobs = read_jobs(None if options is None else options.jobs)
    if jobs > 1 and isinstance(standards, Sized) and len(standards) >= 2 * CSV_PARALLEL_FROM:
        held = standards if isinstance(standards, Sequence) else list(standards)
        _write_forked(held, handle, linker, jobs)
        return
    writer.writerows(_linked_rows(standards, linker))


def _linked_rows(standards: Iterable[Standard], linker: Linker) -> Iterator[tuple[str, ...]]:
    """The rows of each standard in turn, its statements linked as it comes."""
    for standard in standards:
        yield from csv_rows(standard, linker.links(standard))


CSV_PARALLEL_FROM = 500
"""The fewest standards a forked process of :func:`write_csv` is given."""


def _write_forked(
    standards: Sequence[Standard], handle: IO[str], linker: Linker, jobs: int
) -> None:
    """The rows of ``standards``, written a range each by forked processes to files of
    their own, copied to ``handle`` in order (the same text as one process writes: a lone
    surrogate in a text passes through the files, for ``handle`` to refuse or keep)."""
    with tempfile.TemporaryDirectory(prefix="carenos-csv-") as directory:

        def work(start: int, stop: int) -> str:
            path = os.path.join(directory, f"rows-{start}.csv")
            with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as part:
                writer = csv.writer(part, lineterminator="\r\n")
                writer.writerows(_linked_rows(standards[start:stop], linker))
            return path

        for path in over_ranges(work, len(standards), jobs, least=CSV_PARALLEL_FROM):
            with open(path, encoding="utf-8", errors="surrogatepass", newline="") as part:
                shutil.copyfileobj(part, handle, 1 << 20)


def to_csv(standards: Standards, *, catalogue: Catalogue | None = None, bom: bool = False) -> str:
    """The CSV text of the standards (see :func:`write_csv`)."""
    options = ExportOptions(catalogue=catalogue, bom=bom)
    return text_of(lambda handle: write_csv(standards, handle, options))


_FIELDS = {
    "code": ("string", "The standard's URN."),
    "title": ("string", "The standard's title."),
    "kind": ("string", "performance_criterion, knowledge, right or scope."),
    "id": ("string", "The statement's id in its standard (P3, K12, rights/2, scope-pc/1)."),
    "ref": ("string", "CODE/ID: the statement across the suite."),
    "group": ("string", "Its element title, knowledge heading, Values, or scope term."),
    "text": ("string", "The statement."),
    "shared_id": ("string", "The shared-knowledge catalogue entry it is linked to, if any."),
    "match": ("string", "exact (the same statement: credit it everywhere) or near (drift)."),
    "score": ("integer", "How alike the statement and the entry are (0-100)."),
    "language": ("string", "ISO 639-1 language of the texts."),
    "sub_items": ("string", "The list nested under the statement, one a line."),
}


def data_package(resource: str, *, bom: bool = False) -> dict[str, object]:
    """The frictionless Data Package descriptor (``datapackage.json``) of a CSV export
    written to ``resource`` (a path relative to the descriptor)."""
    return {
        "profile": "tabular-data-package",
        "name": "carenos-statements",
        "title": "National Occupational Standards: one statement a row",
        "resources": [
            {
                "name": "statements",
                "path": resource,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": about}
                        for name, (kind, about) in _FIELDS.items()
                    ],
                    "primaryKey": ["ref", "language"],
                },
            }
        ],
    }
