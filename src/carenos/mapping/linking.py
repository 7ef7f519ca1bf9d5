"""Linking statements to the catalogue: ``exact`` (equal normal forms) or ``near`` (fuzzy)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from .._gc import gc_paused
from .._pool import check_jobs
from ..catalogue import Catalogue, EntryKind, SharedEntry, load_catalogue
from ..model import Standard, Standards, standards_of
from ..textnorm import normal_form, word_diff
from .discover import discover
from .index import DEFAULT_THRESHOLD, catalogue_index
from .occurrences import Occurrence, occurrences
from .result import KnowledgeMap, Link, Match, SharedGroup

__all__ = ["LINKER_MEMO", "Linker", "catalogue_links", "map_knowledge", "near_matches"]


def near_matches(
    standard: Standard, catalogue: Catalogue, *, threshold: float = DEFAULT_THRESHOLD
) -> Iterator[tuple[Occurrence, Link, SharedEntry]]:
    """The statements of one standard that are a ``near`` (not exact) match of an entry.

    What :meth:`KnowledgeMap.near` gives for a single standard, without discovery: the
    validator's CN401 runs this for every file, against the cached catalogue index.
    """
    index = catalogue_index(catalogue, threshold)
    for occurrence in occurrences(standard):
        normal = normal_form(occurrence.text)
        found = index.match(occurrence.kind, normal)
        if found is not None and found[0].normal != normal:
            entry, score = found
            differences = word_diff(entry.text, occurrence.text)
            yield (
                occurrence,
                Link(occurrence.ref, occurrence.code, "near", score, differences),
                entry,
            )


class Linker:
    """Links statements to a catalogue's entries, as :func:`map_knowledge` links them,
    without discovery: for a writer that goes through many standards (CSV, CASE, the
    site). A text that recurs (most do) is normalised and matched once: the last
    :data:`LINKER_MEMO` distinct texts are remembered."""

    def __init__(self, catalogue: Catalogue, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.index = catalogue_index(catalogue, threshold)
        self._found: dict[tuple[EntryKind, str], tuple[SharedEntry, float, bool] | None] = {}

    def matches(self, standard: Standard) -> Iterator[tuple[Occurrence, SharedEntry, float, bool]]:
        """Each statement of ``standard`` linked to an entry: the occurrence, the entry,
        the score, and whether it is exact (equal normal forms)."""
        found = self._found
        for occurrence in occurrences(standard):
            key = (occurrence.kind, occurrence.text)
            try:
                known = found[key]
            except KeyError:
                if len(found) >= LINKER_MEMO:
                    found.clear()
                normal = normal_form(occurrence.text)
                match = self.index.match(occurrence.kind, normal)
                known = found[key] = None if match is None else (*match, match[0].normal == normal)
            if known is not None:
                yield occurrence, *known

    def links(self, standard: Standard) -> dict[str, tuple[str, Match, float]]:
        """``(entry id, match, score)`` of each statement of ``standard`` that links."""
        return {
            occurrence.ref: (entry.id, "exact", 100.0) if exact else (entry.id, "near", score)
            for occurrence, entry, score, exact in self.matches(standard)
        }


LINKER_MEMO = 1 << 18
"""Distinct texts a :class:`Linker` remembers the match of (then it starts again)."""


def catalogue_links(
    standard: Standard, catalogue: Catalogue, *, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, tuple[str, Match, float]]:
    """``(entry id, match, score)`` of each statement of one standard linked to a catalogue
    entry: what :func:`map_knowledge` links for the standard alone, without discovery (a
    row-per-statement export needs the links, not the proposals). For many standards, one
    :class:`Linker` matches each distinct text once."""
    return Linker(catalogue, threshold).links(standard)


def map_knowledge(
    standards: Standards,
    catalogue: Catalogue | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    language: str = "en",
    jobs: int = 1,
) -> KnowledgeMap:
    """Link the shareable statements of ``standards`` to ``catalogue`` (default: the bundled one).

    Statements in no catalogue entry that recur (exactly or near) in two or more of the
    standards are grouped under proposed entries. One language is mapped at a time
    (``language``, default English): a translation's statements have the refs of the
    English ones, and shared wording is shared within a language; standards in other
    languages are left out. The cyclic garbage collector is paused while the map is built
    (see :func:`carenos._gc.gc_paused`). With ``jobs`` above 1, the near matches of the
    catalogue and discovery's near wordings are looked for in that many forked processes
    where they are many; the map is the same.
    """
    standards = standards_of(standards)
    chosen = (standard for standard in standards if standard.language == language)
    with gc_paused():
        return _map(chosen, catalogue, threshold, check_jobs(jobs))


def _map(
    standards: Iterable[Standard], catalogue: Catalogue | None, threshold: float, jobs: int
) -> KnowledgeMap:
    catalogue = load_catalogue() if catalogue is None else catalogue
    index = catalogue_index(catalogue, threshold)
    standards = list(standards)
    found = [occurrence for standard in standards for occurrence in occurrences(standard)]
    taken = {entry.id for entry in catalogue}
    links: dict[str, list[Link]] = defaultdict(list)
    unlinked: list[tuple[Occurrence, str]] = []
    normals: dict[str, str] = {}  # most texts recur: normalise and match each once
    keys: dict[tuple[EntryKind, str], None] = {}  # each (kind, normal form) once, in order
    for occurrence in found:
        normal = normals.get(occurrence.text)
        if normal is None:
            normal = normals[occurrence.text] = normal_form(occurrence.text)
        keys[occurrence.kind, normal] = None
    matches = dict(zip(keys, index.match_all(list(keys), jobs), strict=True))
    for occurrence in found:
        normal = normals[occurrence.text]
        match = matches[occurrence.kind, normal]
        if match is None:
            unlinked.append((occurrence, normal))
            continue
        entry, score = match
        if entry.normal == normal:
            links[entry.id].append(Link(occurrence.ref, occurrence.code, "exact", 100.0))
        else:
            differences = word_diff(entry.text, occurrence.text)
            links[entry.id].append(
                Link(occurrence.ref, occurrence.code, "near", score, differences)
            )
    groups = [SharedGroup(entry, tuple(links[entry.id])) for entry in catalogue if links[entry.id]]
    groups += discover(unlinked, threshold, taken, jobs)
    return KnowledgeMap([s.code for s in standards], groups, found)
