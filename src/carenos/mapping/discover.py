"""Discovery: statements in no catalogue entry that recur across standards, grouped."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from .._pool import over_ranges
from ..catalogue import EntryKind, SharedEntry
from ..textnorm import slug, word_diff
from .index import NearIndex, blocking_keys
from .occurrences import Occurrence
from .result import Link, SharedGroup

__all__ = ["DISCOVERY_PARALLEL_FROM", "discover"]


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


DISCOVERY_PARALLEL_FROM = 20_000
"""Distinct wordings a forked worker is worth, looking for their near ones."""


def _near_earlier(
    keys: list[tuple[EntryKind, str]], threshold: float, jobs: int
) -> list[list[int]]:
    """For each wording (by position in ``keys``), the earlier ones of its kind near it:
    what an index that grows wording by wording finds. With ``jobs`` above 1 and many
    wordings, forked processes take a range of wordings each; a process first indexes the
    wordings before its range (without looking them up), so the lists are the same."""

    workers = max(1, min(jobs, len(keys) // DISCOVERY_PARALLEL_FROM))
    bounds = _balanced(len(keys), workers)

    def near(first: int, last: int) -> list[list[int]]:
        return _grown(keys, threshold, bounds[first], bounds[last])

    ranges = len(bounds) - 1
    runs = over_ranges(near, ranges, ranges, least=1)
    return [nears for run in runs for nears in run]


_ADDING = 0.5
"""What indexing a wording costs next to looking it up (measured: about half)."""


def _balanced(count: int, workers: int) -> list[int]:
    """Bounds of up to ``workers`` ranges of ``count`` wordings that take as long each: a
    later range first indexes every wording before it, so it is shorter (and with many
    workers, the last would be nearly empty: fewer are used)."""
    low, high = 0.0, float(count) * (1 + _ADDING)  # the time of the longest range
    bounds = [0]
    for _ in range(60):  # bisect that time until the ranges cover every wording
        time, bounds = (low + high) / 2, [0]
        for _worker in range(workers):
            start = bounds[-1]
            length = max(0, int((time - start * _ADDING) / (1 + _ADDING)))
            bounds.append(min(count, start + length))
        low, high = (time, high) if bounds[-1] < count else (low, time)
    bounds[-1] = count
    kept = [0]  # a range of few wordings is worth no process: it goes to the one before
    for bound in bounds[1:]:
        if bound - kept[-1] >= max(1, count // 100):
            kept.append(bound)
    if len(kept) > 1:
        kept[-1] = count
    elif count:
        kept.append(count)
    return kept if count else bounds


def _grown(
    keys: list[tuple[EntryKind, str]], threshold: float, start: int, stop: int
) -> list[list[int]]:
    """:func:`_near_earlier` of the wordings ``start`` to ``stop``: each looked up, then
    added, in an index that already holds the wordings before ``start``."""
    indexes: dict[EntryKind, NearIndex] = {}
    positions: dict[EntryKind, list[int]] = defaultdict(list)
    found = []
    for position in range(stop):
        kind, normal = keys[position]
        index = indexes.get(kind)
        if index is None:
            index = indexes[kind] = NearIndex(threshold)
        wanted = blocking_keys(normal)
        of_kind = positions[kind]
        if position >= start:
            found.append([of_kind[n] for n in index.above(normal, wanted)])
        index.add(normal, wanted)
        of_kind.append(position)
    return found


def discover(
    unlinked: list[tuple[Occurrence, str]], threshold: float, taken: set[str], jobs: int = 1
) -> list[SharedGroup]:
    """Proposed groups of the statements (with their normal forms) that no entry took.

    Statements with one normal form are one candidate; candidates that are near one
    another (one union-find pass over a :class:`~.index.NearIndex`) are one group, kept
    when its statements come from two or more standards, and headed by the wording most of
    them use (``exact``; the others ``near`` it). Proposed ids are new to ``taken``, which
    grows with them. ``jobs`` processes look for the near ones where the wordings are
    many; the groups are the same.
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

    for position, nears in enumerate(_near_earlier(keys, threshold, jobs)):
        for near in nears:  # joined to every near one, not the best
            parent[root(near)] = root(position)
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
