"""A package's standards built a range each in forked worker processes (``--jobs``).

Each worker inherits the loaded standards, builds the CFItems and CFAssociations of its
range into spool files of its own (the same objects, in the same order, as one process
would write), and links its statements to the catalogue; the package's spools then take
the parts in order. The text written is the same, byte for byte, as with one process.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from ..._pool import over_ranges
from ...mapping.linking import Linker
from ...model import Standard
from .items import Builder
from .spool import Spool

__all__ = ["CASE_PARALLEL_FROM", "Linked", "Part", "build_parts", "linked_refs"]

CASE_PARALLEL_FROM = 500
"""Standards a worker takes at least: below twice this, one process builds the package."""

Linked = list[tuple[str, str, str]]
"""``(ref, catalogue entry id, match)`` of the statements the catalogue links, in order."""


def linked_refs(linker: Linker | None, standards: Iterable[Standard]) -> Linked:
    """What the catalogue links of ``standards`` (English ones only), in corpus order."""
    found: Linked = []
    if linker is None:
        return found
    for standard in standards:
        if standard.language == "en":
            for ref, (entry_id, how, _score) in linker.links(standard).items():
                found.append((ref, entry_id, how))
    return found


@frozen
class Part:
    """What a worker built: its spools' files and counts, the item types it used, its
    catalogue links, and the links of the statements those are from."""

    items: str
    item_count: int
    associations: str
    association_count: int
    types: tuple[str, ...]
    linked: Linked
    nodes: dict[str, dict[str, Any]]


def build_parts(
    template: Builder,
    standards: Sequence[Standard],
    stamps: Sequence[str],
    ends: Sequence[str | None],
    linker: Linker | None,
    jobs: int,
    directories: tuple[Path, Path],
) -> list[Part]:
    """Build ``standards`` (numbered from 1, with their stamps and end dates) as
    ``template`` would, in ``jobs`` forked processes writing their items and associations
    to ``directories``."""

    def work(start: int, stop: int) -> Part:
        item_path = directories[0] / f"items-{start}.json"
        association_path = directories[1] / f"associations-{start}.json"
        items = Spool(item_path)
        try:
            associations = Spool(association_path)
        except BaseException:
            items.close()
            raise
        builder = template.fresh(items, associations)
        linked: Linked = []
        nodes: dict[str, dict[str, Any]] = {}
        try:
            for index in range(start, stop):
                standard = standards[index]
                found = linked_refs(linker, [standard])
                builder.keep = {ref for ref, _, _ in found}  # only their links go back
                builder.standard(standard, index + 1, stamps[index], ends[index])
                linked += found
                kept = builder.nodes  # of statements: rights and scope are not coded
                nodes.update((ref, kept[ref]) for ref, _, _ in found if ref in kept)
                kept.clear()
        finally:
            try:
                items.close()
            finally:
                associations.close()
        return Part(
            items=str(item_path),
            item_count=items.count,
            associations=str(association_path),
            association_count=associations.count,
            types=tuple(builder.types_used),
            linked=linked,
            nodes=nodes,
        )

    return over_ranges(work, len(standards), jobs, least=CASE_PARALLEL_FROM)
