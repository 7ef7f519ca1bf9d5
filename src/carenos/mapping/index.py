"""Near-match candidates without comparing every pair: blocking keys, indexes and caches.

Exact matches are dictionary lookups of normal forms. Near candidates are only the texts
that share one of a statement's rarest keys (words, blocked on their first five
letters, and pairs of consecutive words), scored with rapidfuzz against a cutoff. Pairs
keep the candidates few when every word is common, so that matching takes time in
proportion to the corpus.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Sequence
from itertools import pairwise

from rapidfuzz import fuzz, process

from .._pool import over_ranges
from ..catalogue import Catalogue, EntryKind, SharedEntry
from ..textnorm import content_tokens, normal_form

__all__ = [
    "DEFAULT_THRESHOLD",
    "MATCH_PARALLEL_FROM",
    "CatalogueIndex",
    "NearIndex",
    "blocking_keys",
    "catalogue_index",
    "clear_caches",
]

DEFAULT_THRESHOLD = 85.0
"""Lowest rapidfuzz ratio (0-100) of normal forms that counts as a ``near`` match.

On the seed standards the most similar statements that are *not* the same score
72; a one-word change in a statement of ordinary length scores 87 to 99.
"""

_RARE_TOKENS = 4
"""How many of a statement's rarest keys select its near-match candidates.

A one-word change alters at most three keys (the word and the two pairs it is in), so
four keep at least one key that the two statements share.
"""

_KEY_LENGTH = 5
"""Words are blocked on their first letters, so that plurals, endings and typos still meet."""


def _key(token: str) -> str:
    """A word's key: its first letters; a short word's plural is its singular's key
    (``risks``, ``needs`` and ``plans`` are blocked as ``risk``, ``need`` and ``plan``;
    ``class``, ``focus`` and ``basis`` keep their s)."""
    if 3 < len(token) <= _KEY_LENGTH and token[-1] == "s" and token[-2] not in "siu":
        return token[:-1]
    return token[:_KEY_LENGTH]


@functools.lru_cache(maxsize=1 << 16)
def blocking_keys(normal: str) -> frozenset[str]:
    """The keys a normal form is blocked on: its content words' first letters, and pairs."""
    words = [_key(token) for token in content_tokens(normal)]
    return frozenset({*words, *(f"{a} {b}" for a, b in pairwise(words))})


_PAIRS_TELL = 5
"""Pairs of words (six words or more) from which a text is only compared with texts that
share one of its pairs (its rarest ones). Two words replaced change at most four pairs, so
a near twin of such a text (85: a word or two changed) still shares one, unless every
other word of it changed its key (its first five letters; a plural keeps its singular's):
such a twin is missed. In exchange a text none of whose pairs is indexed is not scored
against the hundred that happen to share its commonest words (nine lookups in ten, on the
benchmark corpus, found nothing that way). Shorter texts are blocked on their words too."""


def _lookup_keys(keys: frozenset[str]) -> Collection[str]:
    """The keys a text is indexed and looked up under: its pairs of words only where it has
    :data:`_PAIRS_TELL` of them, else all (a shorter text still meets a longer one through
    a pair: a word or two inserted or changed leave one)."""
    pairs = [key for key in keys if " " in key]
    return pairs if len(pairs) >= _PAIRS_TELL else keys


_MAX_BLOCK = 32
"""Most candidates taken from one blocking key. A key shared by more texts than this is
too common to tell them apart; capping it keeps near matching linear in the corpus (a
near twin among those texts is found only through a rarer key)."""


class NearIndex:
    """Candidates for near matches: texts that share a rare key, scored with rapidfuzz.

    ``scan_all`` scores every text instead (one C call beats blocking for a few texts).
    """

    def __init__(self, threshold: float, *, scan_all: bool = False) -> None:
        self.threshold = threshold
        self.scan_all = scan_all
        self.normals: list[str] = []
        self.by_key: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, normal: str, keys: frozenset[str] | None = None) -> int:
        """Index ``normal`` (under ``keys``, default its own; a text of many words under its
        pairs only, as it is looked up: :data:`_PAIRS_TELL`); return its position."""
        index = len(self.normals)
        self.normals.append(normal)
        by_key = self.by_key
        for key in _lookup_keys(blocking_keys(normal) if keys is None else keys):
            by_key[key].append(index)
        return index

    def above(self, normal: str, keys: frozenset[str] | None = None) -> list[int]:
        """Positions of every candidate text that reaches the cutoff against ``normal``."""
        candidates = self._candidates(normal, keys)
        if not candidates:
            return []
        normals = self.normals
        found = process.extract(
            normal,
            list(map(normals.__getitem__, candidates)),
            scorer=fuzz.ratio,
            score_cutoff=self.threshold,
            limit=None,
        )
        return [candidates[index] for _, _, index in found]

    def _candidates(self, normal: str, keys: frozenset[str] | None) -> list[int]:
        """The positions sharing one of the rarest keys of ``normal`` (each key capped; a
        text of many words, its pairs only: :data:`_PAIRS_TELL`), or every position with
        ``scan_all``."""
        if self.scan_all:
            return list(range(len(self.normals)))
        get = self.by_key.get
        wanted = _lookup_keys(blocking_keys(normal) if keys is None else keys)
        counts = [(len(held), key) for key in wanted if (held := get(key))]
        counts.sort()  # the rarest keys first, then by key
        held_by = self.by_key
        rare = counts[:_RARE_TOKENS]
        return sorted({i for count, key in rare for i in held_by[key][: min(_MAX_BLOCK, count)]})

    def best(self, normal: str, keys: frozenset[str] | None = None) -> tuple[int, float] | None:
        """Position and score of the indexed text nearest ``normal``, if it reaches the cutoff."""
        candidates = self._candidates(normal, keys)
        if not candidates:
            return None
        normals = self.normals
        found = process.extractOne(
            normal,
            list(map(normals.__getitem__, candidates)),
            scorer=fuzz.ratio,
            score_cutoff=self.threshold,
        )
        return None if found is None else (candidates[found[2]], found[1])


_SCAN_ALL = 64
"""A catalogue kind with up to this many entries is scanned whole in one rapidfuzz call."""

_MEMO_SIZE = 1 << 16
"""How many near-match results a catalogue index remembers (texts recur across a corpus)."""


class CatalogueIndex:
    """A catalogue ready for matching: exact lookups and near candidates, per kind."""

    def __init__(self, catalogue: Catalogue, threshold: float) -> None:
        self._exact: dict[EntryKind, dict[str, SharedEntry]] = {}
        self._memo: dict[tuple[EntryKind, str], tuple[SharedEntry, float] | None] = {}
        self._near: dict[EntryKind, tuple[NearIndex, tuple[SharedEntry, ...]]] = {}
        for kind in ("knowledge", "right", "scope"):
            entries = catalogue.active(kind)
            self._exact[kind] = {entry.normal: entry for entry in entries}
            near = NearIndex(threshold, scan_all=len(entries) <= _SCAN_ALL)
            for entry in entries:
                near.add(entry.normal)
            self._near[kind] = (near, entries)

    def match(self, kind: EntryKind, normal: str) -> tuple[SharedEntry, float] | None:
        """The entry that the normal form ``normal`` matches, with the score (100 = exact)."""
        same = self._exact[kind].get(normal)
        if same is not None:
            return same, 100.0
        memo = self._memo
        key = (kind, normal)
        if key in memo:
            return memo[key]
        near, entries = self._near[kind]
        found = near.best(normal) if entries else None
        result = None if found is None else (entries[found[0]], found[1])
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = result
        return result

    def match_all(
        self, keys: Sequence[tuple[EntryKind, str]], jobs: int = 1
    ) -> list[tuple[SharedEntry, float] | None]:
        """:meth:`match` of each ``(kind, normal form)``, in order. With ``jobs`` above 1
        and enough texts without an exact entry (:data:`MATCH_PARALLEL_FROM` a process),
        their near lookups run in forked processes, which inherit the index; only
        positions and scores come back."""
        found: list[tuple[SharedEntry, float] | None] = []
        near: list[int] = []  # where a near lookup is wanted
        for kind, normal in keys:
            same = self._exact[kind].get(normal)
            found.append(None if same is None else (same, 100.0))
            if same is None and self._near[kind][1]:
                near.append(len(found) - 1)

        def work(start: int, stop: int) -> list[tuple[int, float] | None]:
            return [self._near[keys[at][0]][0].best(keys[at][1]) for at in near[start:stop]]

        runs = over_ranges(work, len(near), jobs, least=MATCH_PARALLEL_FROM)
        for at, best in zip(near, (best for run in runs for best in run), strict=True):
            if best is not None:
                found[at] = (self._near[keys[at][0]][1][best[0]], best[1])
        return found


MATCH_PARALLEL_FROM = 5000
"""The fewest near lookups a forked process of :meth:`CatalogueIndex.match_all` is given."""


@functools.lru_cache(maxsize=8)
def catalogue_index(catalogue: Catalogue, threshold: float = DEFAULT_THRESHOLD) -> CatalogueIndex:
    """The (cached) :class:`CatalogueIndex` of ``catalogue`` at ``threshold``."""
    return CatalogueIndex(catalogue, threshold)


def clear_caches() -> None:
    """Forget the cached normal forms, blocking keys and catalogue indexes (for benchmarks)."""
    normal_form.cache_clear()
    blocking_keys.cache_clear()
    catalogue_index.cache_clear()
