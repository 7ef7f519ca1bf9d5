"""Which texts of one version are which of the other: an optimal matching, splits and merges.

The order of the work, each step on what the last left over: texts equal in their normal
form, then texts with the same words (:func:`.words.same_words`), then an optimal
assignment of the rest by similarity (position breaks ties), keeping pairs at or above
:data:`REWORDED`; last, a text whose words are spread over several texts of the other
version is a split (or, the other way round, a merge). Nothing here depends on ids or on
line order, so renumbering and moving do not disturb it.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from attrs import frozen

from ..textnorm import STOPWORDS, normal_form
from .assign import assign
from .words import editorial_form, same_words, similarity

__all__ = [
    "PART_COVERAGE",
    "PART_SHARE",
    "REWORDED",
    "Item",
    "Matching",
    "match",
]

REWORDED = 65.0
"""Lowest similarity (0-100) at which two texts are one statement reworded, not one removed and one
added. docs/revisions.md gives the measurements that chose it."""

PART_COVERAGE = 0.75
"""A split's parts must together cover this much of the whole's words (a merge the same,
the other way round); a split or merge whose every part is also this much made of the
whole's words lost and added nothing."""

PART_SHARE = 0.25
"""The least part of a split or merge's part that must be made of the whole's words."""

_FORBIDDEN = 4.0


@frozen
class Item:
    """One text to match: where it is (``ref``, ``group``, ``label``) and what it says.

    ``group`` is its container (an element, a heading, a part of the scope); ``label`` is
    its printed id or position; ``position`` is its place in the document from 0 to 1,
    the tie-break between equally similar texts.
    """

    ref: str
    text: str
    group: int = 0
    label: str = ""
    position: float = 0.0


@frozen
class Matching:
    """What :func:`match` found: pairs with their similarity, splits, merges and the rest."""

    pairs: tuple[tuple[Item, Item, float], ...]
    splits: tuple[tuple[Item, tuple[Item, ...], float], ...]
    merges: tuple[tuple[tuple[Item, ...], Item, float], ...]
    removed: tuple[Item, ...]
    added: tuple[Item, ...]


def _pair_equal(
    old: list[Item], new: list[Item], key: Callable[[str], str], pairs: dict[int, tuple[int, float]]
) -> None:
    """Pair texts whose ``key`` is equal, in document order; record ``old index -> new``."""
    taken = {j for j, _ in pairs.values()}
    if len(pairs) == len(old) or len(taken) == len(new):
        return
    waiting: defaultdict[str, list[int]] = defaultdict(list)
    for j, item in enumerate(new):
        if j not in taken:
            waiting[key(item.text)].append(j)
    for i, item in enumerate(old):
        if i in pairs:
            continue
        queue = waiting.get(key(item.text))
        if queue:
            j = queue.pop(0)
            pairs[i] = (j, similarity(item.text, new[j].text))


def _assign_rest(
    old: list[Item], new: list[Item], threshold: float, pairs: dict[int, tuple[int, float]]
) -> None:
    """Pair what is left by an optimal assignment, keeping pairs at or above ``threshold``."""
    taken = {j for j, _ in pairs.values()}
    rows = [i for i in range(len(old)) if i not in pairs]
    cols = [j for j in range(len(new)) if j not in taken]
    if not rows or not cols:
        return
    scores = {(i, j): similarity(old[i].text, new[j].text) for i in rows for j in cols}
    rows = [i for i in rows if any(scores[i, j] >= threshold for j in cols)]
    cols = [j for j in cols if any(scores[i, j] >= threshold for i in rows)]
    if not rows or not cols:
        return
    cost = [
        [
            (1.0 - scores[i, j] / 100 if scores[i, j] >= threshold else _FORBIDDEN)
            + abs(old[i].position - new[j].position) / 100
            for j in cols
        ]
        for i in rows
    ]
    for r, c in assign(cost):
        i, j = rows[r], cols[c]
        if scores[i, j] >= threshold:
            pairs[i] = (j, scores[i, j])


def _stem(word: str) -> str:
    """A crude stem, the same for ``support``, ``supports``, ``supported`` and ``supporting``."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@functools.lru_cache(maxsize=1 << 14)
def _content(text: str) -> Counter[str]:
    """The stems of the words of ``text`` that are not stopwords, counted."""
    words = normal_form(text).replace("'", "").replace("-", " ")
    return Counter(
        _stem(w)
        for w in "".join(c if c.isalnum() else " " for c in words).split()
        if w not in STOPWORDS
    )


def _covered(part: Counter[str], whole: Counter[str]) -> float:
    return sum((part & whole).values()) / max(1, sum(part.values()))


def _pieces(whole: Item, candidates: Sequence[Item]) -> tuple[tuple[Item, ...], float] | None:
    """The candidates ``whole`` was split into, and how completely; or ``None``.

    Candidates that are at least :data:`PART_SHARE` made of the whole's words are taken,
    the most so first, while each covers more of the whole; the group stands if together
    they cover :data:`PART_COVERAGE` of it, no one part covers almost all of it (that is a
    rewording), and every part covers some of it that the others do not. The score is
    the lesser of the coverage and the least share (0-100): at :data:`PART_COVERAGE` or
    above, no content was lost or added.
    """
    words = _content(whole.text)
    if sum(words.values()) < 4:
        return None
    shares = [
        (_covered(_content(c.text), words), n, c)
        for n, c in enumerate(candidates)
        if sum(_content(c.text).values()) >= 2
    ]
    parts: list[Item] = []
    together: Counter[str] = Counter()
    coverage = 0.0
    for share, _n, candidate in sorted(shares, key=lambda s: (-s[0], s[1])):
        if share < PART_SHARE:
            break
        more = _covered(words, together + _content(candidate.text))
        if more > coverage:
            parts.append(candidate)
            together += _content(candidate.text)
            coverage = more
    if len(parts) < 2 or coverage < PART_COVERAGE:
        return None
    if max(_covered(words, _content(p.text)) for p in parts) > 0.85:
        return None
    for part in parts:  # every part covers some of the whole that the others do not
        others = sum((_content(p.text) for p in parts if p is not part), Counter())
        if _covered(words, others) >= coverage:
            return None
    least = min(_covered(_content(p.text), words) for p in parts)
    ordered = tuple(sorted(parts, key=lambda p: p.position))
    return ordered, round(min(coverage, least) * 100, 1)


def match(old: Sequence[Item], new: Sequence[Item], *, threshold: float = REWORDED) -> Matching:
    """Match the texts of an old version with those of a new one (see the module's steps)."""
    olds, news = list(old), list(new)
    found: dict[int, tuple[int, float]] = {}
    _pair_equal(olds, news, normal_form, found)
    _pair_equal(olds, news, editorial_form, found)
    firm = set(found)  # the same words: never broken up into a split or merge
    _assign_rest(olds, news, threshold, found)
    firm.update(
        i for i, (j, _) in found.items() if i not in firm and same_words(olds[i].text, news[j].text)
    )
    by_new = {j: i for i, (j, _) in found.items()}
    used_old: set[int] = set()
    used_new: set[int] = set()
    splits: list[tuple[Item, tuple[Item, ...], float]] = []
    merges: list[tuple[tuple[Item, ...], Item, float]] = []
    loose = len(found) < max(len(olds), len(news))  # a split or merge leaves one unpaired
    for olds_in, news_in, score in _groups(olds, news, found, by_new, firm) if loose else ():
        if used_old.intersection(olds_in) or used_new.intersection(news_in):
            continue
        used_old.update(olds_in)
        used_new.update(news_in)
        if len(olds_in) == 1:
            splits.append((olds[olds_in[0]], tuple(news[j] for j in news_in), score))
        else:
            merges.append((tuple(olds[i] for i in olds_in), news[news_in[0]], score))
    kept = {i: found[i] for i in sorted(found) if i not in used_old and found[i][0] not in used_new}
    paired_new = {j for j, _ in kept.values()}
    return Matching(
        pairs=tuple((olds[i], news[j], score) for i, (j, score) in kept.items()),
        splits=tuple(splits),
        merges=tuple(merges),
        removed=tuple(o for i, o in enumerate(olds) if i not in kept and i not in used_old),
        added=tuple(n for j, n in enumerate(news) if j not in paired_new and j not in used_new),
    )


def _groups(
    olds: list[Item],
    news: list[Item],
    found: dict[int, tuple[int, float]],
    by_new: dict[int, int],
    firm_old: set[int],
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Every split and merge that could be, best first (the order is the same either way
    round, so that diffing back finds the same groups). ``firm_old`` are the old texts
    paired with the same words, which stay paired."""
    firm_new = {found[i][0] for i in firm_old}
    groups: list[tuple[tuple[float, list[str]], tuple[int, ...], tuple[int, ...], float]] = []
    for i, whole in enumerate(olds):
        if i in firm_old:
            continue
        free = [j for j in range(len(news)) if j not in firm_new and by_new.get(j, i) == i]
        got = _pieces(whole, [news[j] for j in free])
        if got:
            parts, score = got
            news_in = tuple(j for j in free if news[j] in parts)
            texts = sorted([whole.text, *(p.text for p in parts)])
            groups.append(((-score, texts), (i,), news_in, score))
    for j, whole in enumerate(news):
        if j in firm_new:
            continue
        free = [i for i in range(len(olds)) if i not in firm_old and found.get(i, (j, 0.0))[0] == j]
        got = _pieces(whole, [olds[i] for i in free])
        if got:
            parts, score = got
            olds_in = tuple(i for i in free if olds[i] in parts)
            texts = sorted([whole.text, *(p.text for p in parts)])
            groups.append(((-score, texts), olds_in, (j,), score))
    groups.sort(key=lambda group: group[0])
    return [(olds_in, news_in, score) for _key, olds_in, news_in, score in groups]
