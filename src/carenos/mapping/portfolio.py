"""Crediting evidence once, everywhere: the headline use of the shared-statement map."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Standard
from .result import KnowledgeMap

__all__ = ["Portfolio"]


class Portfolio:
    """The evidence of one learner, credited to every statement it covers.

    Evidence credited to a statement counts for the statements that are exactly the same
    catalogued statement in other standards (:meth:`KnowledgeMap.equivalents`), so an
    assessor does not assess it twice; statements that drifted (``near``) are not credited
    automatically.
    """

    def __init__(self, kmap: KnowledgeMap) -> None:
        self.kmap = kmap
        self._credited: dict[str, list[str]] = {}

    def credit(self, ref: str, evidence: str) -> tuple[str, ...]:
        """Credit ``evidence`` (an id of yours) to ``ref`` and its exact equivalents; the
        refs credited."""
        refs = (ref, *self.kmap.equivalents(ref))
        for each in refs:
            self._credited.setdefault(each, []).append(evidence)
        return refs

    def evidence_for(self, ref: str) -> tuple[str, ...]:
        """The evidence credited to ``ref``, in the order given."""
        return tuple(self._credited.get(ref, ()))

    def outstanding(self, standard: Standard, refs: Iterable[str] | None = None) -> tuple[str, ...]:
        """The refs of ``standard``'s knowledge items (or of ``refs``) with no evidence yet."""
        wanted = [k.ref for k in standard.knowledge_items] if refs is None else list(refs)
        return tuple(ref for ref in wanted if ref not in self._credited)

    def __repr__(self) -> str:
        return f"Portfolio({len(self._credited)} statements credited)"
