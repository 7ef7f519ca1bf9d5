"""What mapping finds: links, groups of linked statements, and the map that holds them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from attrs import frozen

from ..catalogue import EntryKind, SharedEntry
from ..errors import UsageError
from .occurrences import Occurrence

__all__ = ["KnowledgeMap", "Link", "Match", "SharedGroup", "UnknownRefError"]

Match = Literal["exact", "near"]
"""How a statement links to a shared entry."""


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


class UnknownRefError(UsageError, KeyError):
    """A ref that names no statement of the standards mapped: malformed (no ``CODE/``),
    of a standard not in the map, or written in another case (``scdhsc0393/k7``)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class KnowledgeMap:
    """How the statements of some standards link to shared entries, and to each other."""

    def __init__(
        self,
        codes: Sequence[str],
        groups: Sequence[SharedGroup],
        occurrences: Sequence[Occurrence],
    ) -> None:
        self.codes = tuple(codes)
        """The codes of the standards mapped, in order."""
        self.groups = tuple(groups)
        """Every group with at least one linked statement (catalogue entries, then proposals)."""
        self._occurrences = tuple(occurrences)
        self._group_of: dict[str, SharedGroup] = {}
        self._link_of: dict[str, Link] = {}
        for group in self.groups:
            for link in group.links:
                self._group_of[link.ref] = group
                self._link_of[link.ref] = link
        self._by_id = {group.entry.id: group for group in self.groups}
        self._folded: dict[str, str] | None = None

    def _checked(self, ref: str) -> str:
        """``ref`` if it can name a statement of the map; else an :class:`UnknownRefError`
        that says why, with the ref meant where only the case differs."""
        if ref in self._link_of:
            return ref
        code, slash, local = ref.partition("/")
        if self._folded is None:
            refs = (o.ref for o in self._occurrences)
            self._folded = {r.casefold(): r for r in refs} | {c.casefold(): c for c in self.codes}
        meant = self._folded.get(ref.casefold())
        if meant is not None and meant != ref:
            raise UnknownRefError(f"no statement {ref!r} in the map: did you mean {meant!r}?")
        if not slash or not local:
            raise UnknownRefError(
                f"{ref!r} is not a ref: a ref is CODE/ID, such as 'SCDHSC0393/K12' or "
                "'SCDHSC0393/rights/4'"
            )
        if code not in self.codes:
            hint = self._folded.get(code.casefold())
            raise UnknownRefError(
                f"no standard {code!r} in the map"
                + (f": did you mean {hint!r}?" if hint else f" (it maps {_listed(self.codes)})")
            )
        return ref

    def shared(self) -> tuple[SharedGroup, ...]:
        """Groups whose statements come from two or more standards."""
        return tuple(group for group in self.groups if len(group.codes) >= 2)

    def refs_for(self, entry_id: str) -> tuple[str, ...]:
        """Refs of the statements linked to ``entry_id`` (empty if none)."""
        group = self._by_id.get(entry_id)
        return group.refs if group else ()

    def entry_for(self, ref: str) -> SharedEntry | None:
        """The entry (catalogued or proposed) that ``ref`` is linked to, if any
        (:class:`UnknownRefError` for a ref that names no statement the map could hold)."""
        group = self._group_of.get(self._checked(ref))
        return group.entry if group else None

    def link_for(self, ref: str) -> Link | None:
        """How ``ref`` is linked (match and score), if it is (:class:`UnknownRefError` as
        for :meth:`entry_for`)."""
        return self._link_of.get(self._checked(ref))

    def equivalents(self, ref: str, *, exact_only: bool = True) -> tuple[str, ...]:
        """The refs of the other statements that are the same catalogued statement as
        ``ref``: evidence for one is evidence for them. Only exact matches by default, on
        both sides (a ``near`` one is drift: a person decides); ``exact_only=False`` adds
        the near ones. Empty for a statement in no catalogue entry
        (:class:`UnknownRefError` as for :meth:`entry_for`)."""
        group = self._group_of.get(self._checked(ref))
        link = self._link_of.get(ref)
        if group is None or link is None or group.proposed:
            return ()
        if exact_only and link.match != "exact":
            return ()
        return tuple(
            other.ref
            for other in group.links
            if other.ref != ref and (other.match == "exact" or not exact_only)
        )

    def __repr__(self) -> str:
        return (
            f"KnowledgeMap({len(self.codes)} standards, {len(self.groups)} shared entries, "
            f"{len(self.shared())} across standards)"
        )

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
    ) -> tuple[tuple[str, str], ...]:
        """Pairs ``(ref in code_a, ref in code_b)`` that share an entry, in code_a's order.

        Only knowledge items by default; ``kind="right"``, ``"scope"`` or ``None`` (all)
        for the others.
        """
        pairs: list[tuple[str, str]] = []
        for occurrence in self._occurrences:
            if occurrence.code != code_a or occurrence.ref not in self._group_of:
                continue
            if kind is not None and occurrence.kind != kind:
                continue
            for link in self._group_of[occurrence.ref].links:
                if link.code == code_b:
                    pairs.append((occurrence.ref, link.ref))
        return tuple(pairs)

    def coverage(self) -> dict[str, dict[str, int]]:
        """For each standard, how many of its knowledge items are shared, by category."""
        table: dict[str, dict[str, int]] = {code: {} for code in self.codes}
        shared = {ref for group in self.shared() for ref in group.refs}
        for occurrence in self._occurrences:
            if occurrence.kind == "knowledge" and occurrence.ref in shared:
                row = table[occurrence.code]
                category = self._group_of[occurrence.ref].entry.category
                row[category] = row.get(category, 0) + 1
        return table

    def unshared(self, code: str) -> tuple[str, ...]:
        """Refs of the knowledge items of ``code`` that no other standard shares."""
        shared = {ref for group in self.shared() for ref in group.refs}
        return tuple(
            o.ref
            for o in self._occurrences
            if o.code == code and o.kind == "knowledge" and o.ref not in shared
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


def _listed(codes: Sequence[str], most: int = 3) -> str:
    """``'A', 'B' and 4 more``: the first codes of a map, for a message."""
    if not codes:
        return "no standards"
    shown = ", ".join(repr(code) for code in codes[:most])
    return shown + (f" and {len(codes) - most} more" if len(codes) > most else "")
