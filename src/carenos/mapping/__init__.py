"""Cross-standard mapping: link each statement to the catalogue of shared statements.

A statement links to a catalogue entry as ``exact`` (equal normal forms, see
:func:`carenos.textnorm.normal_form`) or ``near`` (a rapidfuzz ``ratio`` of the normal
forms at or above the threshold, :data:`DEFAULT_THRESHOLD`). Statements that recur in
two or more standards but are in no entry are grouped too (discovery), under a
proposed id. Nothing compares every pair of statements (see :mod:`.index`).
"""

from __future__ import annotations

from ..io.formats import RENDERERS
from .index import DEFAULT_THRESHOLD, CatalogueIndex, catalogue_index
from .linking import map_knowledge, near_matches
from .occurrences import Occurrence, occurrences
from .portfolio import Portfolio
from .render import proposals_yaml, render
from .result import KnowledgeMap, Link, Match, SharedGroup, UnknownRefError

__all__ = [
    "DEFAULT_THRESHOLD",
    "RENDERERS",
    "CatalogueIndex",
    "KnowledgeMap",
    "Link",
    "Match",
    "Occurrence",
    "Portfolio",
    "SharedGroup",
    "UnknownRefError",
    "catalogue_index",
    "map_knowledge",
    "near_matches",
    "occurrences",
    "proposals_yaml",
    "render",
]
