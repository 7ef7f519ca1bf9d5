"""Linking statements to the catalogue: ``exact`` (equal normal forms) or ``near`` (fuzzy)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from .._gc import gc_paused
from ..catalogue import Catalogue, EntryKind, SharedEntry, load_catalogue
from ..model import Standard, Standards, standards_of
from ..textnorm import normal_form, word_diff
from .discover import discover
from .index import DEFAULT_THRESHOLD, catalogue_index
from .occurrences import Occurrence, occurrences
from .result import KnowledgeMap, Link, Match, SharedGroup

__all__ = ["catalogue_links", "map_knowledge", "near_matches"]


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


def catalogue_links(
    standard: Standard, catalogue: Catalogue, *, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, tuple[str, Match, float]]:
    """``(entry id, match, score)`` of each statement of one standard linked to a catalogue
    entry: what :func:`map_knowledge` links for the standard alone, without discovery (a
    row-per-statement export needs the links, not the proposals)."""
    index = catalogue_index(catalogue, threshold)
    links: dict[str, tuple[str, Match, float]] = {}
    for occurrence in occurrences(standard):
        normal = normal_form(occurrence.text)
        found = index.match(occurrence.kind, normal)
        if found is not None:
            entry, score = found
            exact = entry.normal == normal
            links[occurrence.ref] = (
                entry.id,
                "exact" if exact else "near",
                100.0 if exact else score,
            )
    return links


def map_knowledge(
    standards: Standards,
    catalogue: Catalogue | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    language: str = "en",
) -> KnowledgeMap:
    """Link the shareable statements of ``standards`` to ``catalogue`` (default: the bundled one).

    Statements in no catalogue entry that recur (exactly or near) in two or more of the
    standards are grouped under proposed entries. One language is mapped at a time
    (``language``, default English): a translation's statements have the refs of the
    English ones, and shared wording is shared within a language; standards in other
    languages are left out. The cyclic garbage collector is paused while the map is built
    (see :func:`carenos._gc.gc_paused`).
    """
    standards = standards_of(standards)
    chosen = (standard for standard in standards if standard.language == language)
    with gc_paused():
        return _map(chosen, catalogue, threshold)


def _map(
    standards: Iterable[Standard], catalogue: Catalogue | None, threshold: float
) -> KnowledgeMap:
    catalogue = load_catalogue() if catalogue is None else catalogue
    index = catalogue_index(catalogue, threshold)
    standards = list(standards)
    found = [occurrence for standard in standards for occurrence in occurrences(standard)]
    taken = {entry.id for entry in catalogue}
    links: dict[str, list[Link]] = defaultdict(list)
    unlinked: list[tuple[Occurrence, str]] = []
    normals: dict[str, str] = {}  # most texts recur: normalise and match each once
    matches: dict[tuple[EntryKind, str], tuple[SharedEntry, float] | None] = {}
    for occurrence in found:
        normal = normals.get(occurrence.text)
        if normal is None:
            normal = normals[occurrence.text] = normal_form(occurrence.text)
        try:
            match = matches[occurrence.kind, normal]
        except KeyError:
            match = matches[occurrence.kind, normal] = index.match(occurrence.kind, normal)
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
    groups += discover(unlinked, threshold, taken)
    return KnowledgeMap([s.code for s in standards], groups, found)
