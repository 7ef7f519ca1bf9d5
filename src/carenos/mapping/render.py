"""Renderings of a :class:`~carenos.mapping.KnowledgeMap`: table, CSV, JSON, matrix; proposals.

Each ``render_*`` is one row of :data:`~carenos.io.formats.RENDERERS`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..catalogue import CATEGORIES
from ..io.formats import RENDERERS, output_function
from ..io.json import dump_json
from ..textnorm import plural
from .result import KnowledgeMap, SharedGroup

__all__ = [
    "proposals_yaml",
    "render",
    "render_csv",
    "render_json",
    "render_matrix",
    "render_table",
]


def render_table(kmap: KnowledgeMap) -> str:
    """Each shared statement, its text, and its links with match and score; a total line."""
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
        f"{plural(len(shared), 'shared statement')}, {plural(linked, 'link')}, "
        f"across {plural(len(kmap.codes), 'standard')}"
    )
    return "\n".join(lines) + "\n"


def render_json(kmap: KnowledgeMap) -> str:
    """:meth:`KnowledgeMap.to_dict` as indented JSON."""
    return dump_json(kmap.to_dict())


def render_csv(kmap: KnowledgeMap) -> str:
    """One row a link: ``id, category, proposed, ref, match, score, text`` (CRLF rows)."""
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


def render_matrix(kmap: KnowledgeMap) -> str:
    """Shared knowledge items by standard (rows) and category (columns), with totals."""
    coverage = kmap.coverage()
    used = [c for c in CATEGORIES if any(row.get(c) for row in coverage.values())]
    width = max([len(code) for code in kmap.codes] + [8])
    header = "standard".ljust(width) + "".join(f" {c:>{max(len(c), 3)}}" for c in used) + "  total"
    lines = [header]
    for code, row in coverage.items():
        cells = "".join(f" {row.get(c, 0):>{max(len(c), 3)}}" for c in used)
        lines.append(f"{code.ljust(width)}{cells}  {sum(row.values()):>5}")
    return "\n".join(lines) + "\n"


def render(kmap: KnowledgeMap, fmt: str = "table") -> str:
    """``kmap`` as text in ``fmt``, a row of :data:`~carenos.io.formats.RENDERERS`."""
    text: str = output_function(RENDERERS, fmt, "map")(kmap)
    return text


def proposals_yaml(groups: Iterable[SharedGroup]) -> str:
    """Catalogue YAML for proposed entries, each preceded by a comment with its refs."""
    from ..io.yaml_write import dump_yaml

    groups = list(groups)
    text = dump_yaml({"version": 1, "entries": [group.entry.to_dict() for group in groups]})
    comments = {f"  - id: {group.entry.id}": ", ".join(group.refs) for group in groups}
    out = []
    for line in text.splitlines():
        if line in comments:
            out.append(f"  # {comments[line]}")
        out.append(line)
    return "\n".join(out) + "\n"
