"""What a diff of two versions of a standard holds: changes, a verdict and a credit table."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from attrs import frozen

from ..textnorm import plural

__all__ = [
    "CHANGE_KINDS",
    "COMPLETE_SCORE",
    "STATEMENT_PARTS",
    "Change",
    "ChangeKind",
    "Credit",
    "StandardDiff",
    "Verdict",
]

ChangeKind = Literal[
    "unchanged", "renumbered", "moved", "editorial", "reworded", "added", "removed", "split",
    "merged",
]  # fmt: skip
"""What happened to one statement (or title, heading, scope statement, field ...)."""

CHANGE_KINDS: tuple[ChangeKind, ...] = (
    "unchanged", "renumbered", "moved", "editorial", "reworded", "added", "removed", "split",
    "merged",
)  # fmt: skip
"""Every :data:`ChangeKind`, in the order reports list them."""

Verdict = Literal["equivalent", "equivalent with additions", "not equivalent"]
"""Whether evidence gathered against the old version counts for the new one."""

STATEMENT_PARTS = ("criterion", "knowledge")
"""The parts evidence is assessed against: the verdict and the credit table are theirs."""

COMPLETE_SCORE = 75.0
"""The score at which a split or merge lost and added nothing (``PART_COVERAGE`` x 100)."""

_SAME_CONTENT = frozenset({"unchanged", "renumbered", "moved", "editorial", "split", "merged"})

Refs = str | tuple[str, ...] | None
Texts = str | tuple[str, ...] | None


@frozen
class Change:
    """One change: its kind, the part of the standard, and both sides' refs and texts.

    ``old`` and ``new`` are refs (``CODE/P3``, or ``CODE#/pointer`` for what has no id);
    tuples of refs for the parts of a ``split`` (``new``) or ``merged`` (``old``) change;
    ``None`` on the side an ``added`` or ``removed`` change has not. ``score`` is the
    similarity (0-100) of the texts, or for a split or merge how well the parts cover the
    whole. ``words`` marks the words that changed (``[-old-]{+new+}``); ``also`` names what
    else happened to an editorial or reworded statement (``renumbered``, ``moved``);
    ``old_place`` and ``new_place`` name its element or heading.
    """

    kind: ChangeKind
    part: str
    old: Refs
    new: Refs
    old_text: Texts
    new_text: Texts
    score: float | None = None
    words: str | None = None
    also: tuple[str, ...] = ()
    old_place: str | None = None
    new_place: str | None = None

    @property
    def changes_content(self) -> bool:
        """Whether this is a statement split or merged with words lost or added on the way
        (its score below :data:`~carenos.revisions.matching.PART_COVERAGE`)."""
        return (
            self.is_statement
            and self.kind in ("split", "merged")
            and (self.score or 0.0) < COMPLETE_SCORE
        )

    @property
    def is_statement(self) -> bool:
        """Whether this is a performance criterion or knowledge item."""
        return self.part in STATEMENT_PARTS


@frozen
class Credit:
    """One row of the credit table: an old statement and the new ones its evidence counts for.

    ``credit`` is ``full`` (the new statements ask nothing more), ``partial`` (a merged
    statement: the evidence counts together with that of the other statements merged
    into it; a split whose parts add words) or ``none`` (reworded or removed: assess
    again).
    """

    old: str
    old_text: str
    new: tuple[str, ...]
    credit: Literal["full", "partial", "none"]
    kind: ChangeKind


@frozen
class StandardDiff:
    """The changes from one version of a standard (``old``, a code) to another (``new``).

    A standard present on one side only has ``None`` for the other: everything in it is
    added or removed.
    """

    old: str | None
    new: str | None
    language: str
    changes: tuple[Change, ...]

    def counts(self, *, statements_only: bool = True) -> dict[str, int]:
        """How many changes of each kind (of the statements only, by default)."""
        found = Counter(c.kind for c in self.changes if c.is_statement or not statements_only)
        return {kind: found[kind] for kind in CHANGE_KINDS if found[kind]}

    @property
    def verdict(self) -> Verdict:
        """``equivalent`` when every statement's content is kept (unchanged, renumbered,
        moved, editorial, split or merged), ``equivalent with additions`` when statements
        were added too, else ``not equivalent`` (a statement reworded or removed)."""
        kinds = {c.kind for c in self.changes if c.is_statement}
        if kinds & {"reworded", "removed"} or any(c.changes_content for c in self.changes):
            return "not equivalent"
        if "added" in kinds:
            return "equivalent with additions"
        return "equivalent"

    @property
    def reason(self) -> str:
        """The verdict's reason in a sentence: what was reworded, removed or added."""
        parts = []
        order = ("reworded", "removed", "added", "split", "merged", "moved", "renumbered")
        for kind in (*order, "editorial"):
            changes = [c for c in self.changes if c.is_statement and c.kind == kind]
            if changes:
                refs = [_short(c.new if kind == "added" else c.old) for c in changes]
                shown = ", ".join(refs[:8]) + (", ..." if len(refs) > 8 else "")
                parts.append(f"{plural(len(refs), 'statement')} {kind} ({shown})")
                if any(c.changes_content for c in changes):
                    parts[-1] += " with words lost or added"
        if not parts:
            return "every statement is unchanged"
        return "; ".join(parts)

    @property
    def credits(self) -> tuple[Credit, ...]:
        """For each old statement, the new statement(s) its evidence counts for, or none."""
        rows: list[Credit] = []
        for change in self.changes:
            if not change.is_statement or change.old is None:
                continue
            if change.kind == "merged":
                assert isinstance(change.old, tuple)
                assert isinstance(change.old_text, tuple)
                assert isinstance(change.new, str)
                rows.extend(
                    Credit(ref, text, (change.new,), "partial", "merged")
                    for ref, text in zip(change.old, change.old_text, strict=True)
                )
                continue
            assert isinstance(change.old, str)
            assert isinstance(change.old_text, str)
            if change.kind == "split" and change.changes_content:
                assert isinstance(change.new, tuple)
                rows.append(Credit(change.old, change.old_text, change.new, "partial", "split"))
            elif change.kind in _SAME_CONTENT:
                new = change.new if isinstance(change.new, tuple) else (str(change.new),)
                rows.append(Credit(change.old, change.old_text, new, "full", change.kind))
            else:
                rows.append(Credit(change.old, change.old_text, (), "none", change.kind))
        return tuple(rows)


def _short(refs: Refs) -> str:
    """``P3`` for ``CODE/P3``; ``P3+P4`` for a tuple."""
    if isinstance(refs, tuple):
        return "+".join(_short(ref) for ref in refs)
    return (refs or "").rpartition("/")[2]
