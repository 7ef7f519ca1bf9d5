"""Cross-standard mapping: link each statement to the catalogue of shared statements.

A statement links to a catalogue entry as ``exact`` (equal normal forms, see
:func:`carenos.textnorm.normal_form`) or ``near`` (a rapidfuzz ``ratio`` of the normal
forms at or above the threshold, :data:`DEFAULT_THRESHOLD`). Statements that recur in
two or more standards but are in no entry are grouped too (discovery), under a
proposed id. Nothing compares every pair of statements: exact matches are dictionary
lookups, and near candidates are only the entries that share one of a statement's
rarest keys (words, blocked on their first five letters, and pairs of consecutive
words), scored with rapidfuzz against a cutoff. Pairs keep the candidates few when
every word is common, so that mapping a corpus takes time in proportion to its size.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any, Literal, NamedTuple

from attrs import frozen
from rapidfuzz import fuzz, process

from .bulk import gc_paused
from .catalogue import Catalogue, EntryKind, SharedEntry, category_of_heading, load_catalogue
from .model import Standard
from .textnorm import content_tokens, normal_form, slug, word_diff

__all__ = [
    "DEFAULT_THRESHOLD",
    "CatalogueIndex",
    "KnowledgeMap",
    "Link",
    "Occurrence",
    "SharedGroup",
    "catalogue_index",
    "clear_caches",
    "map_knowledge",
    "near_matches",
    "occurrences",
    "proposals_yaml",
]

DEFAULT_THRESHOLD = 85.0
"""Lowest rapidfuzz ratio (0-100) of normal forms that counts as a ``near`` match.

On the seed standards the most similar statements that are *not* the same score
72; a one-word change in a statement of ordinary length scores 87 to 99.
"""

_RARE_TOKENS = 4
"""How many of a statement's rarest keys select its near-match candidates.

A one-word change alters at most three keys (the word and the two pairs it is in), so
four keep at least one key that the two statements share.
"""

Match = Literal["exact", "near"]


class Occurrence(NamedTuple):
    """A statement of one standard that can be shared: a knowledge item, a right or a scope text.

    A named tuple: there is one for every statement of a corpus. Refs are ``CODE/K12``
    for knowledge items, ``CODE/rights/3`` for the third right of the values and
    ``CODE/scope-pc/2`` / ``CODE/scope-k/1`` for scope statements.
    """

    ref: str
    code: str
    text: str
    kind: EntryKind
    category: str


def occurrences(standard: Standard) -> Iterator[Occurrence]:
    """Every shareable statement of ``standard``, in document order."""
    code = standard.code
    for section in standard.knowledge:
        category = category_of_heading(section.heading)
        for item in section.items:
            yield Occurrence(item.ref, code, item.text, "knowledge", category)
    if standard.values is not None:
        for number, right in enumerate(standard.values.rights, start=1):
            yield Occurrence(f"{code}/rights/{number}", code, right, "right", "rights")
    for part, statements in (
        ("scope-pc", standard.scope.performance_criteria),
        ("scope-k", standard.scope.knowledge),
    ):
        for number, statement in enumerate(statements, start=1):
            yield Occurrence(f"{code}/{part}/{number}", code, statement.text, "scope", "specific")


@frozen
class Link:
    """One statement linked to a shared entry: how (``exact``/``near``), score and differences."""

    ref: str
    code: str
    match: Match
    score: float
    differences: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``{"ref", "match", "score"}`` (and ``differences`` for near matches)."""
        data: dict[str, Any] = {"ref": self.ref, "match": self.match, "score": round(self.score, 1)}
        if self.differences:
            data["differences"] = self.differences
        return data


@frozen
class SharedGroup:
    """A shared entry and the statements linked to it; ``proposed`` if not in the catalogue."""

    entry: SharedEntry
    links: tuple[Link, ...]
    proposed: bool = False

    @property
    def refs(self) -> tuple[str, ...]:
        """The refs of the linked statements."""
        return tuple(link.ref for link in self.links)

    @property
    def codes(self) -> tuple[str, ...]:
        """The standards the group's statements come from, each once, in order."""
        return tuple(dict.fromkeys(link.code for link in self.links))

    def to_dict(self) -> dict[str, Any]:
        """The group in the JSON shape of ``carenos map --format json``."""
        data: dict[str, Any] = {
            "id": self.entry.id,
            "category": self.entry.category,
            "text": self.entry.text,
            "refs": [link.to_dict() for link in self.links],
        }
        if self.proposed:
            data["proposed"] = True
        return data


class KnowledgeMap:
    """How the statements of some standards link to shared entries, and to each other."""

    def __init__(
        self, codes: Sequence[str], groups: Sequence[SharedGroup], units: Sequence[Occurrence]
    ) -> None:
        self.codes = tuple(codes)
        """The codes of the standards mapped, in order."""
        self.groups = tuple(groups)
        """Every group with at least one linked statement (catalogue entries, then proposals)."""
        self._occurrences = tuple(units)
        self._group_of: dict[str, SharedGroup] = {}
        self._link_of: dict[str, Link] = {}
        for group in self.groups:
            for link in group.links:
                self._group_of[link.ref] = group
                self._link_of[link.ref] = link
        self._by_id = {group.entry.id: group for group in self.groups}

    def shared(self) -> tuple[SharedGroup, ...]:
        """Groups whose statements come from two or more standards."""
        return tuple(group for group in self.groups if len(group.codes) >= 2)

    def refs_for(self, entry_id: str) -> tuple[str, ...]:
        """Refs of the statements linked to ``entry_id`` (empty if none)."""
        group = self._by_id.get(entry_id)
        return group.refs if group else ()

    def entry_for(self, ref: str) -> SharedEntry | None:
        """The entry (catalogued or proposed) that ``ref`` is linked to, if any."""
        group = self._group_of.get(ref)
        return group.entry if group else None

    def link_for(self, ref: str) -> Link | None:
        """How ``ref`` is linked (match and score), if it is."""
        return self._link_of.get(ref)

    def near(self) -> tuple[tuple[Link, SharedEntry], ...]:
        """Statements linked ``near`` (not exactly) to a catalogue entry: wording drift."""
        return tuple(
            (link, group.entry)
            for group in self.groups
            if not group.proposed
            for link in group.links
            if link.match == "near"
        )

    def between(
        self, code_a: str, code_b: str, kind: EntryKind | None = "knowledge"
    ) -> list[tuple[str, str]]:
        """Pairs ``(ref in code_a, ref in code_b)`` that share an entry, in code_a's order.

        Only knowledge items by default; ``kind="right"``, ``"scope"`` or ``None`` (all)
        for the others.
        """
        pairs = []
        for unit in self._occurrences:
            if unit.code != code_a or unit.ref not in self._group_of:
                continue
            if kind is not None and unit.kind != kind:
                continue
            for link in self._group_of[unit.ref].links:
                if link.code == code_b:
                    pairs.append((unit.ref, link.ref))
        return pairs

    def coverage(self) -> dict[str, dict[str, int]]:
        """For each standard, how many of its knowledge items are shared, by category."""
        table: dict[str, dict[str, int]] = {code: {} for code in self.codes}
        shared = {ref for group in self.shared() for ref in group.refs}
        for unit in self._occurrences:
            if unit.kind == "knowledge" and unit.ref in shared:
                row = table[unit.code]
                category = self._group_of[unit.ref].entry.category
                row[category] = row.get(category, 0) + 1
        return table

    def unshared(self, code: str) -> tuple[str, ...]:
        """Refs of the knowledge items of ``code`` that no other standard shares."""
        shared = {ref for group in self.shared() for ref in group.refs}
        return tuple(
            u.ref
            for u in self._occurrences
            if u.code == code and u.kind == "knowledge" and u.ref not in shared
        )

    def proposals(self) -> tuple[SharedGroup, ...]:
        """Groups that recur across standards but are not in the catalogue (discovery)."""
        return tuple(group for group in self.groups if group.proposed)

    def to_dict(self) -> dict[str, Any]:
        """``{"standards", "shared", "unshared"}``: the JSON of ``carenos map``."""
        return {
            "standards": list(self.codes),
            "shared": [group.to_dict() for group in self.shared()],
            "unshared": [ref for code in self.codes for ref in self.unshared(code)],
        }


_KEY_LENGTH = 5
"""Words are blocked on their first letters, so that plurals, endings and typos still meet."""


@functools.lru_cache(maxsize=1 << 16)
def _keys(normal: str) -> frozenset[str]:
    words = [token[:_KEY_LENGTH] for token in content_tokens(normal)]
    return frozenset({*words, *(f"{a} {b}" for a, b in pairwise(words))})


_MAX_BLOCK = 32
"""Most candidates taken from one blocking key. A key shared by more texts than this is
too common to tell them apart; capping it keeps near matching linear in the corpus (a
near twin among those texts is found only through a rarer key)."""


class _NearIndex:
    """Candidates for near matches: texts that share a rare word, scored with rapidfuzz."""

    def __init__(self, threshold: float, *, scan_all: bool = False) -> None:
        self.threshold = threshold
        self.scan_all = scan_all
        self.normals: list[str] = []
        self.by_token: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, normal: str, keys: frozenset[str] | None = None) -> int:
        index = len(self.normals)
        self.normals.append(normal)
        for key in _keys(normal) if keys is None else keys:
            self.by_token[key].append(index)
        return index

    def best(self, normal: str, keys: frozenset[str] | None = None) -> tuple[int, float] | None:
        if self.scan_all:  # a few texts (a small catalogue): one C call beats blocking
            found = process.extractOne(
                normal, self.normals, scorer=fuzz.ratio, score_cutoff=self.threshold
            )
            return None if found is None else (found[2], found[1])
        by_token = self.by_token
        tokens = [key for key in (_keys(normal) if keys is None else keys) if key in by_token]
        rare = sorted(tokens, key=lambda t: (len(by_token[t]), t))[:_RARE_TOKENS]
        candidates = sorted({i for token in rare for i in by_token[token][:_MAX_BLOCK]})
        if not candidates:
            return None
        normals = self.normals
        found = process.extractOne(
            normal,
            [normals[i] for i in candidates],
            scorer=fuzz.ratio,
            score_cutoff=self.threshold,
        )
        return None if found is None else (candidates[found[2]], found[1])


_SCAN_ALL = 64
"""A catalogue kind with up to this many entries is scanned whole in one rapidfuzz call."""

_MEMO_SIZE = 1 << 16
"""How many near-match results a catalogue index remembers (texts recur across a corpus)."""


class CatalogueIndex:
    """A catalogue ready for matching: exact lookups and near candidates, per kind."""

    def __init__(self, catalogue: Catalogue, threshold: float) -> None:
        self._exact: dict[EntryKind, dict[str, SharedEntry]] = {}
        self._memo: dict[tuple[EntryKind, str], tuple[SharedEntry, float] | None] = {}
        self._near: dict[EntryKind, tuple[_NearIndex, tuple[SharedEntry, ...]]] = {}
        for kind in ("knowledge", "right", "scope"):
            entries = catalogue.active(kind)
            self._exact[kind] = {entry.normal: entry for entry in entries}
            near = _NearIndex(threshold, scan_all=len(entries) <= _SCAN_ALL)
            for entry in entries:
                near.add(entry.normal)
            self._near[kind] = (near, entries)

    def match(self, kind: EntryKind, normal: str) -> tuple[SharedEntry, float] | None:
        """The entry that the normal form ``normal`` matches, with the score (100 = exact)."""
        same = self._exact[kind].get(normal)
        if same is not None:
            return same, 100.0
        memo = self._memo
        key = (kind, normal)
        if key in memo:
            return memo[key]
        near, entries = self._near[kind]
        found = near.best(normal) if entries else None
        result = None if found is None else (entries[found[0]], found[1])
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = result
        return result


@functools.lru_cache(maxsize=8)
def catalogue_index(catalogue: Catalogue, threshold: float = DEFAULT_THRESHOLD) -> CatalogueIndex:
    """The (cached) :class:`CatalogueIndex` of ``catalogue`` at ``threshold``."""
    return CatalogueIndex(catalogue, threshold)


def near_matches(
    standard: Standard, catalogue: Catalogue, *, threshold: float = DEFAULT_THRESHOLD
) -> Iterator[tuple[Occurrence, Link, SharedEntry]]:
    """The statements of one standard that are a ``near`` (not exact) match of an entry.

    What :meth:`KnowledgeMap.near` gives for a single standard, without discovery: the
    validator's CN401 runs this for every file, against the cached catalogue index.
    """
    index = catalogue_index(catalogue, threshold)
    for unit in occurrences(standard):
        normal = normal_form(unit.text)
        found = index.match(unit.kind, normal)
        if found is not None and found[0].normal != normal:
            entry, score = found
            link = Link(unit.ref, unit.code, "near", score, word_diff(entry.text, unit.text))
            yield unit, link, entry


def clear_caches() -> None:
    """Forget the cached normal forms, blocking keys and catalogue indexes (for benchmarks)."""
    normal_form.cache_clear()
    _keys.cache_clear()
    catalogue_index.cache_clear()


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def map_knowledge(
    standards: Iterable[Standard],
    catalogue: Catalogue | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> KnowledgeMap:
    """Link the shareable statements of ``standards`` to ``catalogue`` (default: the bundled one).

    Statements in no catalogue entry that recur (exactly or near) in two or more of the
    standards are grouped under proposed entries.
    """
    with gc_paused():
        return _map(standards, catalogue, threshold)


def _map(
    standards: Iterable[Standard], catalogue: Catalogue | None, threshold: float
) -> KnowledgeMap:
    catalogue = load_catalogue() if catalogue is None else catalogue
    index = catalogue_index(catalogue, threshold)
    standards = list(standards)
    units = [unit for standard in standards for unit in occurrences(standard)]
    taken = {entry.id for entry in catalogue}
    links: dict[str, list[Link]] = defaultdict(list)
    unlinked: list[tuple[Occurrence, str]] = []
    normals: dict[str, str] = {}  # most texts recur: normalise and match each once
    matches: dict[tuple[EntryKind, str], tuple[SharedEntry, float] | None] = {}
    for unit in units:
        normal = normals.get(unit.text)
        if normal is None:
            normal = normals[unit.text] = normal_form(unit.text)
        try:
            found = matches[unit.kind, normal]
        except KeyError:
            found = matches[unit.kind, normal] = index.match(unit.kind, normal)
        if found is None:
            unlinked.append((unit, normal))
            continue
        entry, score = found
        if entry.normal == normal:
            links[entry.id].append(Link(unit.ref, unit.code, "exact", 100.0))
        else:
            differences = word_diff(entry.text, unit.text)
            links[entry.id].append(Link(unit.ref, unit.code, "near", score, differences))
    groups = [SharedGroup(entry, tuple(links[entry.id])) for entry in catalogue if links[entry.id]]
    groups += _discover(unlinked, threshold, taken)
    return KnowledgeMap([s.code for s in standards], groups, units)


def _discover(
    unlinked: list[tuple[Occurrence, str]], threshold: float, taken: set[str]
) -> list[SharedGroup]:
    """Group statements in no catalogue entry that recur across standards."""
    by_normal: dict[tuple[EntryKind, str], list[Occurrence]] = {}
    for unit, normal in unlinked:
        by_normal.setdefault((unit.kind, normal), []).append(unit)
    keys = list(by_normal)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    indexes: dict[EntryKind, _NearIndex] = {}
    positions: dict[EntryKind, list[int]] = defaultdict(list)
    for position, (kind, normal) in enumerate(keys):
        index = indexes.setdefault(kind, _NearIndex(threshold))
        blocking = _keys(normal)
        found = index.best(normal, blocking)
        if found is not None:
            parent[position] = root(positions[kind][found[0]])
        index.add(normal, blocking)
        positions[kind].append(position)
    clusters: dict[int, list[int]] = defaultdict(list)
    for position in range(len(keys)):
        clusters[root(position)].append(position)
    groups = []
    for members in clusters.values():
        first_kind, first_normal = keys[members[0]]
        units = [unit for m in members for unit in by_normal[keys[m]]]
        if len({unit.code for unit in units}) < 2:
            continue
        normal_of = {unit.ref: keys[m][1] for m in members for unit in by_normal[keys[m]]}
        head = units[0]
        entry = SharedEntry(
            id=_unique_id(f"{head.category}.{slug(head.text)}", taken),
            category=head.category,
            text=head.text,
            kind=first_kind,
        )
        group_links = tuple(
            Link(u.ref, u.code, "exact", 100.0)
            if normal_of[u.ref] == first_normal
            else Link(
                u.ref,
                u.code,
                "near",
                fuzz.ratio(first_normal, normal_of[u.ref]),
                word_diff(head.text, u.text),
            )
            for u in units
        )
        groups.append(SharedGroup(entry, group_links, proposed=True))
    return groups


def proposals_yaml(groups: Iterable[SharedGroup]) -> str:
    """Catalogue YAML for proposed entries, each preceded by a comment with its refs."""
    from .io.yaml import dump_yaml

    groups = list(groups)
    text = dump_yaml({"version": 1, "entries": [group.entry.to_dict() for group in groups]})
    comments = {f"  - id: {group.entry.id}": ", ".join(group.refs) for group in groups}
    out = []
    for line in text.splitlines():
        if line in comments:
            out.append(f"  # {comments[line]}")
        out.append(line)
    return "\n".join(out) + "\n"
