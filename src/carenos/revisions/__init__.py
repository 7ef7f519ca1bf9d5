"""Revisions: what changed between two versions of a standard, and whether they are equivalent.

``diff(old, new)`` matches statements by their texts (not their ids or lines), classifies
each change (unchanged, renumbered, moved, editorial, reworded, added, removed, split,
merged), and gives a verdict and a credit table; ``diff_corpora`` pairs the standards of
two corpora (or a standard and its Legacy version) first. docs/revisions.md tells more.
"""

from __future__ import annotations

from .compare import diff
from .matching import REWORDED
from .pairing import diff_corpora, pair_standards
from .result import CHANGE_KINDS, Change, ChangeKind, Credit, StandardDiff, Verdict

__all__ = [
    "CHANGE_KINDS",
    "REWORDED",
    "Change",
    "ChangeKind",
    "Credit",
    "StandardDiff",
    "Verdict",
    "diff",
    "diff_corpora",
    "pair_standards",
]
