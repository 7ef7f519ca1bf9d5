"""What the coverage heatmap counts: per standard (or suite), its knowledge items that are
shared statements, by the shared statements' categories."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..mapping import SharedGroup
from ..model import Standard
from .heatmap import HeatRow

__all__ = ["HEATMAP_ROWS", "Key", "categories", "coverage_rows", "overview_rows", "suite_members"]

HEATMAP_ROWS = 300
"""Up to this many standards, the heatmap page has a row a standard; beyond, a row a suite
(each suite's page has its standards' heatmap)."""

Key = tuple[str, str]
"""A standard's code and language."""


def coverage_rows(
    standards: Iterable[Standard],
    groups: Sequence[tuple[str, SharedGroup]],
    href: Callable[..., str],
) -> dict[Key, HeatRow]:
    """Per standard, its shared knowledge items by category, each cell linked to the first
    of them (``href(code, language, ref=None)`` gives a page's address)."""
    group_of = {(language, ref): group for language, group in groups for ref in group.refs}
    rows: dict[Key, HeatRow] = {}
    for standard in standards:
        counts: dict[str, int] = {}
        links: dict[str, str] = {}
        for item in standard.knowledge_items:
            group = group_of.get((standard.language, item.ref))
            if group is None:
                continue
            category = group.entry.category
            counts[category] = counts.get(category, 0) + 1
            links.setdefault(category, href(standard.code, standard.language, item.ref))
        language = standard.language
        label = standard.code if language == "en" else f"{standard.code} ({language})"
        rows[standard.code, language] = HeatRow(label, href(standard.code, language), counts, links)
    return rows


def suite_members(standards: Iterable[Standard]) -> dict[str, list[Standard]]:
    """The standards of each suite they name (``(no suite)`` for those that name none)."""
    members: dict[str, list[Standard]] = {}
    for standard in standards:
        metadata = standard.metadata
        suites = metadata.suites if metadata and metadata.suites else ("(no suite)",)
        for suite in suites:
            members.setdefault(suite, []).append(standard)
    return members


def categories(rows: Iterable[HeatRow]) -> list[str]:
    """The categories any row counts, sorted."""
    return sorted({category for row in rows for category in row.counts})


def _from_root(href: str) -> str:
    """An address made for a page one directory down, for a page at the site's root."""
    return href.removeprefix("../")


def overview_rows(
    coverage: dict[Key, HeatRow], suites: Sequence[dict[str, Any]]
) -> tuple[list[HeatRow], str]:
    """The heatmap page's rows (a standard each, or a suite each past
    :data:`HEATMAP_ROWS`), addressed from the site's root, and their caption."""
    if len(coverage) <= HEATMAP_ROWS:
        rows = [
            HeatRow(
                row.label,
                _from_root(row.href),
                row.counts,
                {k: _from_root(v) for k, v in row.links.items()},
            )
            for row in coverage.values()
        ]
        return rows, (
            "Each row is a standard, each column a category of shared statements; a cell "
            "counts the standard's knowledge items in that category and links to the first."
        )
    rows = []
    for suite in suites:
        counts: dict[str, int] = {}
        for member in suite["standards"]:
            for category, n in coverage[member["key"]].counts.items():
                counts[category] = counts.get(category, 0) + n
        rows.append(
            HeatRow(suite["name"], suite["href"], counts, dict.fromkeys(counts, suite["href"]))
        )
    return rows, (
        "Each row is a suite (its page shows a row a standard), each column a category of "
        "shared statements; a cell counts the suite's knowledge items in it."
    )
