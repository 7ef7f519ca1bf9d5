"""Rules that compare a standard with what it shares with others (CN4xx)."""

from __future__ import annotations

from collections.abc import Iterator

from ..place import Hit
from .context import RuleContext
from .registry import rule

__all__ = ["drifted_from_catalogue"]


@rule("CN401", "warning", needs_catalogue=True)
def drifted_from_catalogue(context: RuleContext) -> Iterator[Hit]:
    """A statement nearly, but not exactly, matches a shared catalogue statement.

    Why: Shared statements are assessed once and credited everywhere only if their wording
    is identical; a near match (knowledge items, rights and scope texts) is usually drift
    from the catalogue's text.

    Fix: Use the catalogue's wording exactly (the message names the entry and the words
    that differ); see `carenos map` and `data/shared-knowledge.yaml`. If the difference is
    deliberate, the statement is not the shared one: reword it clearly, or propose a
    catalogue change.
    """
    from ..mapping import near_matches

    assert context.catalogue is not None  # the registry runs this rule only with one
    from ..mapping import DEFAULT_THRESHOLD

    threshold = context.catalogue.drift_threshold or DEFAULT_THRESHOLD
    for occurrence, link, entry in near_matches(
        context.standard, context.catalogue, threshold=threshold
    ):
        yield Hit(
            f"drifted from {entry.id} (score {link.score:.0f}), the catalogue's words first: "
            f"{link.differences}; write {entry.text!r}",
            occurrence.pointer,
            details={"entry": entry.id, "expected": entry.text, "score": round(link.score, 1)},
        )
