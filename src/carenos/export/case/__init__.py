"""1EdTech CASE 1.1: standards as a CFPackage that CASE servers keep.

One CFDocument a framework and language: its identifier comes from the framework key (an
option; by default the suite every standard names first), never from which standards
are exported or in what order, so a second export that overlaps the first updates the
same document. Items are keyed by their texts (:mod:`.identity`): an unchanged statement
keeps its identifier when renumbered or moved, a changed one gets a new identifier and,
given the previous version, a ``replacedBy`` association from the old one. Standards,
elements, knowledge headings, criteria, knowledge, scope/range statements, values and
behaviours are CFItems of human-readable types (:mod:`.items`); the document's creator,
publisher, version, official page, adoption status and dates come from the standards'
metadata (:mod:`.package`); every ``uri`` is the CASE 1.1 REST binding's path under a
checked base (:mod:`.options`). Exact matches to the shared-knowledge catalogue are
``exactMatchOf`` associations to the catalogue's own CFDocument.
"""

from __future__ import annotations

from .identity import NAMESPACE, identifier
from .items import EXTENSION, ITEM_TYPES
from .options import DEFAULT_BASE_URI, DEFAULT_TITLE, MAX_TITLE, CaseOptions, base_uri, rfc3339
from .package import NOS_FINDER, case_package, catalogue_item, to_case, write_case

__all__ = [
    "DEFAULT_BASE_URI",
    "DEFAULT_TITLE",
    "EXTENSION",
    "ITEM_TYPES",
    "MAX_TITLE",
    "NAMESPACE",
    "NOS_FINDER",
    "CaseOptions",
    "base_uri",
    "case_package",
    "catalogue_item",
    "identifier",
    "rfc3339",
    "to_case",
    "write_case",
]
