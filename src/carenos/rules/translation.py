"""Versions of one standard in two languages: the same structure, statement for statement.

CN208 is a corpus-stage rule: it compares a translation (``language`` other than
``en``) with the English version of its code, when both are validated together.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from ..model import Standard
from ..place import Hit
from .registry import declare

__all__ = ["Outline", "structure_differences"]

declare(
    "CN208",
    title="a translation does not have the structure of its English version (elements, "
    "headings, statement ids)",
    rationale="A Welsh version is the same standard: its statements are assessed and "
    "referenced (CODE/K12) as the English ones, so each must have its counterpart.",
    fix="Give the translation the English version's elements and knowledge headings, with "
    "the same statement ids in the same order; translate texts only.",
    stage="corpus",
    severity="error",
)


Groups = tuple[tuple[str, ...], ...]


@frozen
class Outline:
    """What the corpus stage compares of a standard (CN207, CN208): its code, language,
    and the statement ids of each element and knowledge heading. Small, where the
    standard is not, for a worker process to send back (``--jobs``)."""

    code: str
    language: str
    elements: Groups
    knowledge: Groups

    @classmethod
    def of(cls, standard: Standard) -> Outline:
        """The outline of ``standard``."""
        return cls(
            standard.code,
            standard.language,
            tuple(tuple(pc.id for pc in e.performance_criteria) for e in standard.elements),
            tuple(tuple(k.id for k in s.items) for s in standard.knowledge),
        )


def _ids(groups: Groups) -> list[str]:
    return [ident for group in groups for ident in group]


def structure_differences(translation: Outline, original: Outline) -> Iterator[Hit]:
    """Where ``translation`` differs in structure from ``original``, at its JSON pointers."""
    language = translation.language
    pairs = (
        ("/elements", "elements", translation.elements, original.elements),
        ("/knowledge", "knowledge headings", translation.knowledge, original.knowledge),
    )
    for pointer, noun, ours, theirs in pairs:
        if len(ours) != len(theirs):
            yield Hit(
                f"the {language} version has {len(ours)} {noun}, the en version {len(theirs)}",
                pointer,
                at_key=True,
            )
        elif _ids(ours) != _ids(theirs):
            missing = sorted(set(_ids(theirs)) - set(_ids(ours)))
            extra = sorted(set(_ids(ours)) - set(_ids(theirs)))
            detail = (
                "; ".join(
                    part
                    for part in (
                        f"missing {', '.join(missing)}" if missing else "",
                        f"not in the en version: {', '.join(extra)}" if extra else "",
                    )
                    if part
                )
                or "the same ids in another order or grouping"
            )
            message = f"the {language} version's ids differ from the en version's: {detail}"
            yield Hit(message, pointer, at_key=True)
