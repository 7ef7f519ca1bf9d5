"""Discovery: statements in no catalogue entry that recur across standards, grouped."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from ..catalogue import EntryKind, SharedEntry
from ..textnorm import slug, word_diff
from .index import NearIndex, blocking_keys
from .occurrences import Occurrence
from .result import Link, SharedGroup

__all__ = ["discover"]


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def discover(
    unlinked: list[tuple[Occurrence, str]], threshold: float, taken: set[str]
) -> list[SharedGroup]:
    """Proposed groups of the statements (with their normal forms) that no entry took.

    Statements with one normal form are one candidate; candidates that are near one
    another (one union-find pass over a :class:`~.index.NearIndex`) are one group, kept
    when its statements come from two or more standards, and headed by the wording most of
    them use (``exact``; the others ``near`` it). Proposed ids are new to ``taken``, which
    grows with them.
    """
    by_normal: dict[tuple[EntryKind, str], list[Occurrence]] = {}
    for occurrence, normal in unlinked:
        by_normal.setdefault((occurrence.kind, normal), []).append(occurrence)
    keys = list(by_normal)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    indexes: dict[EntryKind, NearIndex] = {}
    positions: dict[EntryKind, list[int]] = defaultdict(list)
    for position, (kind, normal) in enumerate(keys):
        index = indexes.setdefault(kind, NearIndex(threshold))
        blocking = blocking_keys(normal)
        for near in index.above(normal, blocking):  # joined to every near one, not the best
            parent[root(positions[kind][near])] = root(position)
        index.add(normal, blocking)
        positions[kind].append(position)
    clusters: dict[int, list[int]] = defaultdict(list)
    for position in range(len(keys)):
        clusters[root(position)].append(position)
    groups = []
    for members in clusters.values():
        found_here = [o for m in members for o in by_normal[keys[m]]]
        if len({o.code for o in found_here}) < 2:
            continue
        # the wording most of its statements use heads the group (the first, on a tie):
        # a rewording met first in the corpus is not the shared statement
        top = max(members, key=lambda m: (len(by_normal[keys[m]]), -m))
        first_kind, first_normal = keys[top]
        normal_of = {o.ref: keys[m][1] for m in members for o in by_normal[keys[m]]}
        head = by_normal[keys[top]][0]
        entry = SharedEntry(
            id=_unique_id(f"{head.category}.{slug(head.text)}", taken),
            category=head.category,
            text=head.text,
            kind=first_kind,
        )
        group_links = tuple(
            Link(o.ref, o.code, "exact", 100.0)
            if normal_of[o.ref] == first_normal
            else Link(
                o.ref,
                o.code,
                "near",
                fuzz.ratio(first_normal, normal_of[o.ref]),
                word_diff(head.text, o.text),
            )
            for o in found_here
        )
        groups.append(SharedGroup(entry, group_links, proposed=True))
    return groups
