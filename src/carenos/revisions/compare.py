"""The diff of two versions of one standard: every statement, title, list and field compared.

Statements are matched within their kind (criteria with criteria, knowledge with
knowledge) by :func:`.matching.match`, whatever their ids. An element of the old version
goes to the new element that took most of its statements (for a tie, the one with the most
similar title); a statement is ``moved`` when it went to another element or heading than
the rest of its old one, ``renumbered`` when only its id changed. Titles and headings are
compared one to one, by an optimal assignment of the same likeness.
"""

from __future__ import annotations

from collections import Counter

from ..model import Standard, Statement
from .assign import assign
from .matching import REWORDED, Item, Matching, match
from .parts import field_texts, list_items, statement_text
from .result import Change, ChangeKind, StandardDiff
from .words import marked_words, same_words, similarity

__all__ = ["diff"]

_Groups = list[tuple[str | None, int]]  # (title, number of statements) of each group


def _statements(standard: Standard | None, kind: str) -> tuple[list[Item], _Groups]:
    """The criteria (``kind`` "P") or knowledge items of ``standard`` and their groups."""
    if standard is None:
        return [], []
    groups: list[tuple[str | None, tuple[Statement, ...]]]
    if kind == "P":
        groups = [(e.title, e.performance_criteria) for e in standard.elements]
    else:
        groups = [(s.heading, s.items) for s in standard.knowledge]
    total = max(1, sum(len(members) for _title, members in groups))
    items: list[Item] = []
    for g, (_title, members) in enumerate(groups):
        for statement in members:
            text = statement_text(statement.text, statement.sub_items)
            items.append(Item(statement.ref, text, g, statement.id, len(items) / total))
    return items, [(title, len(members)) for title, members in groups]


def _title_likeness(old: str | None, new: str | None) -> float:
    """Half the similarity of two titles (0-0.5); nothing where either is missing."""
    return similarity(old, new) / 200 if old and new else 0.0


def _flow(found: Matching) -> Counter[tuple[int, int]]:
    """How many statements went from each old group to each new group."""
    flow: Counter[tuple[int, int]] = Counter()
    for o, n, _score in found.pairs:
        flow[o.group, n.group] += 1
    for o, parts, _score in found.splits:
        flow.update((o.group, n.group) for n in parts)
    for parts, n, _score in found.merges:
        flow.update((o.group, n.group) for o in parts)
    return flow


def _likeness(flow: Counter[tuple[int, int]], old: _Groups, new: _Groups, i: int, j: int) -> float:
    """How much new group ``j`` is old group ``i``: their statements, titles and places."""
    shared = flow[i, j] / max(1, old[i][1], new[j][1])
    return shared + _title_likeness(old[i][0], new[j][0]) + (0.01 if i == j else 0.0)


def _destinations(flow: Counter[tuple[int, int]], old: _Groups, new: _Groups) -> dict[int, int]:
    """Where each old group's statements went: the new group that took most of them.

    Several old groups may go to one new group (elements merged into one list); a
    statement is ``moved`` when it went elsewhere than its old group's destination.
    """
    found: dict[int, int] = {}
    for i in range(len(old)):
        took = [(flow[i, j], _likeness(flow, old, new, i, j), -j) for j in range(len(new))]
        if took and max(took)[0]:
            found[i] = -max(took)[2]
    return found


def _counterparts(flow: Counter[tuple[int, int]], old: _Groups, new: _Groups) -> dict[int, int]:
    """Which new group each old group became, one to one (for comparing their titles)."""
    if not old or not new:
        return {}
    score = [[_likeness(flow, old, new, i, j) for j in range(len(new))] for i in range(len(old))]
    both_one = len(old) == len(new) == 1
    return {
        i: j
        for i, j in assign([[-s for s in row] for row in score])
        if both_one or flow[i, j] or score[i][j] >= REWORDED / 200
    }


def _place(groups: _Groups | None, g: int, what: str) -> str | None:
    """``element 2: Title`` of group ``g``, or ``None`` where there is one untitled group."""
    if not groups or (len(groups) == 1 and groups[0][0] is None):
        return None
    title = groups[g][0]
    return f"{what} {g + 1}" + (f": {title}" if title else "")


def _pair(
    part: str,
    old: Item,
    new: Item,
    score: float,
    moved: bool,
    places: tuple[str | None, str | None],
) -> Change:
    renumbered = old.label != new.label
    if old.text == new.text:
        kind: ChangeKind = "moved" if moved else "renumbered" if renumbered else "unchanged"
        also: tuple[str, ...] = ("renumbered",) if moved and renumbered else ()
        words = None
    else:
        kind = "editorial" if same_words(old.text, new.text) else "reworded"
        also = tuple(name for name, flag in (("moved", moved), ("renumbered", renumbered)) if flag)
        words = marked_words(old.text, new.text)
    return Change(kind, part, old.ref, new.ref, old.text, new.text, score, words, also, *places)


def _changes(
    part: str,
    found: Matching,
    destination: dict[int, int] | None = None,
    old_groups: _Groups | None = None,
    new_groups: _Groups | None = None,
    what: str = "",
) -> list[Change]:
    """The changes a matching of one part found, in document order (new, else old)."""

    def places(o: Item | None, n: Item | None) -> tuple[str | None, str | None]:
        return (
            _place(old_groups, o.group, what) if o else None,
            _place(new_groups, n.group, what) if n else None,
        )

    keyed: list[tuple[float, Change]] = []
    for o, n, score in found.pairs:
        if destination is None:
            moved = o.group != n.group
        else:
            moved = destination.get(o.group, -1) != n.group
        keyed.append((n.position, _pair(part, o, n, score, moved, places(o, n))))
    for o, parts, score in found.splits:
        change = Change(
            "split",
            part,
            o.ref,
            tuple(p.ref for p in parts),
            o.text,
            tuple(p.text for p in parts),
            score,
            None,
            (),
            *places(o, parts[0]),
        )
        keyed.append((parts[0].position, change))
    for wholes, n, score in found.merges:
        change = Change(
            "merged",
            part,
            tuple(w.ref for w in wholes),
            n.ref,
            tuple(w.text for w in wholes),
            n.text,
            score,
            None,
            (),
            *places(wholes[0], n),
        )
        keyed.append((n.position, change))
    for o in found.removed:
        keyed.append(
            (
                o.position,
                Change(
                    "removed", part, o.ref, None, o.text, None, None, None, (), *places(o, None)
                ),
            )
        )
    for n in found.added:
        keyed.append(
            (
                n.position,
                Change("added", part, None, n.ref, None, n.text, None, None, (), *places(None, n)),
            )
        )
    keyed.sort(key=lambda pair: pair[0])
    return [change for _position, change in keyed]


def _titles(
    part: str,
    code: tuple[str, str],
    pointer: str,
    old: _Groups,
    new: _Groups,
    counterpart: dict[int, int],
) -> list[Change]:
    """The changes of element titles or knowledge headings, element by counterpart."""
    changes: list[Change] = []
    paired_new = set(counterpart.values())
    for i, (title, _n) in enumerate(old):
        ref = f"{code[0]}#{pointer.format(i)}"
        j = counterpart.get(i)
        if j is None:
            if title is not None:
                changes.append(Change("removed", part, ref, None, title, None))
            continue
        new_ref, new_title = f"{code[1]}#{pointer.format(j)}", new[j][0]
        changes.extend(_field(part, (ref, title), (new_ref, new_title), moved=i != j))
    for j, (title, _n) in enumerate(new):
        if j not in paired_new and title is not None:
            changes.append(
                Change("added", part, None, f"{code[1]}#{pointer.format(j)}", None, title)
            )
    return changes


def _field(
    part: str, old: tuple[str, str | None], new: tuple[str, str | None], *, moved: bool = False
) -> list[Change]:
    """The change of one single field, or none where it is empty on both sides."""
    (old_ref, a), (new_ref, b) = old, new
    if a is None and b is None:
        return []
    if a is None:
        return [Change("added", part, None, new_ref, None, b)]
    if b is None:
        return [Change("removed", part, old_ref, None, a, None)]
    if a == b:
        return [Change("renumbered" if moved else "unchanged", part, old_ref, new_ref, a, b, 100.0)]
    kind: ChangeKind = "editorial" if same_words(a, b) else "reworded"
    return [Change(kind, part, old_ref, new_ref, a, b, similarity(a, b), marked_words(a, b))]


def diff(
    old: Standard | None, new: Standard | None, *, threshold: float = REWORDED
) -> StandardDiff:
    """What changed from ``old`` to ``new`` (either may be ``None``: all added or removed).

    ``threshold`` is the lowest similarity (0-100) at which two statements are one reworded.
    """
    if old is None and new is None:
        raise ValueError("diff needs at least one standard")
    codes = (old.code if old else "", new.code if new else "")
    changes: list[Change] = []
    titles: list[Change] = []
    for kind, part, what, pointer in (
        ("P", "criterion", "element", "/elements/{}/title"),
        ("K", "knowledge", "heading", "/knowledge/{}/heading"),
    ):
        old_items, old_groups = _statements(old, kind)
        new_items, new_groups = _statements(new, kind)
        found = match(old_items, new_items, threshold=threshold)
        flow = _flow(found)
        counterpart = _counterparts(flow, old_groups, new_groups)
        destination = _destinations(flow, old_groups, new_groups)
        changes += _changes(part, found, destination, old_groups, new_groups, what)
        titles += _titles(
            what if kind == "P" else "knowledge heading",
            codes,
            pointer,
            old_groups,
            new_groups,
            counterpart,
        )
    changes += titles
    old_lists = list_items(old) if old else {}
    new_lists = list_items(new) if new else {}
    for part in dict.fromkeys([*old_lists, *new_lists]):
        found = match(old_lists.get(part, []), new_lists.get(part, []), threshold=threshold)
        changes += _changes(part, found)
    old_fields = field_texts(old) if old else {}
    new_fields = field_texts(new) if new else {}
    for name in dict.fromkeys([*old_fields, *new_fields]):
        pointer, a = old_fields.get(name, ("", None))
        new_pointer, b = new_fields.get(name, (pointer, None))
        changes += _field(
            name, (f"{codes[0]}#{pointer or new_pointer}", a), (f"{codes[1]}#{new_pointer}", b)
        )
    language = (new or old).language  # type: ignore[union-attr]
    return StandardDiff(
        old.code if old else None, new.code if new else None, language, tuple(changes)
    )
