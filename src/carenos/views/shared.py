"""The shared statements a site shows: each catalogue entry with the statements linked to
it (exact or near), and, with discovery, the wording found shared but not catalogued."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Catalogue, load_catalogue
from ..mapping import Link, SharedGroup, map_knowledge
from ..mapping.linking import Linker
from ..model import Standard
from ..textnorm import word_diff

__all__ = ["shared_groups"]


def _catalogued(standards: Sequence[Standard], catalogue: Catalogue) -> list[SharedGroup]:
    """The catalogue's entries and the statements linked to them, as :func:`map_knowledge`
    links them, without discovery (:class:`~carenos.mapping.linking.Linker`)."""
    linker = Linker(catalogue)
    links: dict[str, list[Link]] = {}
    for standard in standards:
        for occurrence, entry, score, exact in linker.matches(standard):
            if exact:
                link = Link(occurrence.ref, occurrence.code, "exact", 100.0)
            else:
                differences = word_diff(entry.text, occurrence.text)
                link = Link(occurrence.ref, occurrence.code, "near", score, differences)
            links.setdefault(entry.id, []).append(link)
    return [SharedGroup(entry, tuple(links[entry.id])) for entry in catalogue if entry.id in links]


def shared_groups(
    standards: Sequence[Standard],
    catalogue: Catalogue | None,
    *,
    discover: bool = False,
    jobs: int = 1,
) -> list[tuple[str, SharedGroup]]:
    """``(language, group)`` for each shared statement of each language's standards.

    Without ``discover``, the catalogue's entries that statements link to; with it, also
    the groups :func:`~carenos.mapping.map_knowledge` proposes (the wording two or more
    standards share that the catalogue has not), and only groups across two standards;
    discovery looks for near wordings in ``jobs`` processes where they are many.
    """
    catalogue = load_catalogue() if catalogue is None else catalogue
    languages = sorted({s.language for s in standards}, key=lambda code: (code != "en", code))
    groups: list[tuple[str, SharedGroup]] = []
    for language in languages:
        chosen = [s for s in standards if s.language == language]
        if discover:
            found = list(map_knowledge(chosen, catalogue, language=language, jobs=jobs).shared())
        else:
            found = _catalogued(chosen, catalogue)
        groups += [(language, group) for group in found]
    return groups
