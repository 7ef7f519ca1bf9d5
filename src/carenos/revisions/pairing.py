"""Which standards of two corpora are two versions of one standard.

A pair is, in this order: a standard and the one it names as ``replaces`` (or that names
it as ``replaced_by``); one code in one language on both sides; a Legacy URN (the code
with ``L`` appended) and its code. Given one standard on each side, they are a pair
whatever their codes (``HSC24`` and ``SCDHSC0024``). Given one corpus, its Legacy
standards are paired with their successors in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Standard, standards_of
from .compare import diff
from .matching import REWORDED
from .result import StandardDiff

__all__ = ["diff_corpora", "pair_standards"]

Pair = tuple[Standard | None, Standard | None]


def _legacy_base(code: str) -> str | None:
    """``SCDHSC0393`` for ``SCDHSC0393L``; ``None`` for a code that does not end in L."""
    return code[:-1] if len(code) > 1 and code[-1] in "Ll" and code[-2].isalnum() else None


def _successor(old: Standard, by_key: dict[tuple[str, str], Standard]) -> Standard | None:
    """The standard of ``by_key`` that is ``old``'s next version, if one is."""
    language = old.language
    for new in by_key.values():
        if new.language == language and new.replaces == old.code and new is not old:
            return new
    for code in (old.replaced_by, old.code, _legacy_base(old.code)):
        if code is not None and (code, language) in by_key and by_key[code, language] is not old:
            return by_key[code, language]
    return None


def pair_standards(old: Iterable[Standard], new: Iterable[Standard] | None = None) -> list[Pair]:
    """Pairs ``(old version, new version)``; ``None`` for a side a standard has not.

    With ``new`` omitted, ``old`` is one corpus holding both versions: only its pairs are
    returned (a standard and its Legacy version, or linked by ``replaces``/``replaced_by``).
    """
    olds = list(old)
    if new is None:
        by_key = {(s.code, s.language): s for s in olds}
        replaced = {s.replaces for s in olds if s.replaces}
        pairs: list[Pair] = []
        for standard in olds:
            if standard.replaced_by or _legacy_base(standard.code) or standard.code in replaced:
                successor = _successor(standard, by_key)
                if successor is not None:
                    pairs.append((standard, successor))
        return pairs
    news = list(new)
    if len(olds) == 1 and len(news) == 1:
        return [(olds[0], news[0])]
    by_key = {(s.code, s.language): s for s in news}
    taken: set[int] = set()
    found: list[Pair] = []
    for standard in olds:
        successor = _successor(standard, by_key)
        if successor is not None and id(successor) not in taken:
            taken.add(id(successor))
            found.append((standard, successor))
        else:
            found.append((standard, None))
    found += [(None, s) for s in news if id(s) not in taken]
    return found


def diff_corpora(
    old: Iterable[Standard], new: Iterable[Standard] | None = None, *, threshold: float = REWORDED
) -> list[StandardDiff]:
    """The diff of every pair :func:`pair_standards` finds, in the old corpus's order."""
    old = standards_of(old)
    return [diff(a, b, threshold=threshold) for a, b in pair_standards(old, new)]
