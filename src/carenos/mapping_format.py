"""Text renderings of a :class:`~carenos.mapping.KnowledgeMap`: table, CSV, JSON, matrix."""

from __future__ import annotations

import csv
import io
import json

from .catalogue import CATEGORIES
from .mapping import KnowledgeMap

__all__ = ["FORMATS", "render"]

FORMATS = ("table", "json", "csv", "matrix")
"""The output formats of ``carenos map``."""


def _table(kmap: KnowledgeMap) -> str:
    lines = []
    for group in kmap.shared():
        marker = " (proposed)" if group.proposed else ""
        lines.append(f"{group.entry.id}{marker}  [{group.entry.category}]")
        lines.append(f"    {group.entry.text}")
        for link in group.links:
            detail = f"  {link.differences}" if link.differences else ""
            lines.append(f"    {link.ref:<26} {link.match:<5} {link.score:5.1f}{detail}")
    shared = kmap.shared()
    linked = sum(len(group.links) for group in shared)
    lines.append(
        f"{len(shared)} shared statements, {linked} links, across {len(kmap.codes)} standards"
    )
    return "\n".join(lines) + "\n"


def _csv(kmap: KnowledgeMap) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "category", "proposed", "ref", "match", "score", "text"])
    for group in kmap.shared():
        for link in group.links:
            writer.writerow(
                [
                    group.entry.id,
                    group.entry.category,
                    "yes" if group.proposed else "no",
                    link.ref,
                    link.match,
                    f"{link.score:.1f}",
                    group.entry.text,
                ]
            )
    return out.getvalue()


def _matrix(kmap: KnowledgeMap) -> str:
    coverage = kmap.coverage()
    used = [c for c in CATEGORIES if any(row.get(c) for row in coverage.values())]
    width = max([len(code) for code in kmap.codes] + [8])
    header = "standard".ljust(width) + "".join(f" {c:>{max(len(c), 3)}}" for c in used) + "  total"
    lines = [header]
    for code, row in coverage.items():
        cells = "".join(f" {row.get(c, 0):>{max(len(c), 3)}}" for c in used)
        lines.append(f"{code.ljust(width)}{cells}  {sum(row.values()):>5}")
    return "\n".join(lines) + "\n"


def render(kmap: KnowledgeMap, fmt: str) -> str:
    """``kmap`` as text in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps(kmap.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(kmap)
    if fmt == "matrix":
        return _matrix(kmap)
    return _table(kmap)
