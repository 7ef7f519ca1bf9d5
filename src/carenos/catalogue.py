"""The catalogue of shared statements: stable ids, categories and canonical texts."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from importlib import resources
from typing import Any, Literal

from attrs import field, frozen

from .errors import ContentError
from .io.positions import pointer_join
from .textnorm import normal_form

__all__ = [
    "CATEGORIES",
    "Catalogue",
    "EntryKind",
    "SharedEntry",
    "category_of_heading",
    "load_catalogue",
]

CATEGORIES = (
    "rights",
    "practice",
    "theory",
    "development",
    "communication",
    "health-safety",
    "safeguarding",
    "information",
    "leadership",
    "risk",
    "multi-disciplinary",
    "specific",
)
"""The categories of shared statements, in the order standards present them."""

EntryKind = Literal["knowledge", "right", "scope"]
"""What an entry is shared between: knowledge items, values' rights or scope statements."""

_HEADINGS = {
    "rights": "rights",
    "your practice": "practice",
    "practice": "practice",
    "theory": "theory",
    "theory for practice": "theory",
    "personal and professional development": "development",
    "professional development": "development",
    "communication": "communication",
    "health and safety": "health-safety",
    "safeguarding": "safeguarding",
    "safe-guarding": "safeguarding",
    "multi-disciplinary working": "multi-disciplinary",
    "multidisciplinary working": "multi-disciplinary",
    "handling information": "information",
    "leading practice": "leadership",
    "leadership": "leadership",
    "risk management": "risk",
    "specific to this nos": "specific",
}


def category_of_heading(heading: str | None) -> str:
    """The category a knowledge heading stands for ("Safe-guarding" -> ``safeguarding``).

    Headings that name no known category, and knowledge under no heading, are ``specific``.
    """
    return "specific" if heading is None else _HEADINGS.get(normal_form(heading), "specific")


@frozen
class SharedEntry:
    """One shared statement: a stable ``id``, its ``category`` and canonical ``text``.

    A removed entry stays, ``deprecated``, pointing to the entry that ``replaced_by`` it.
    """

    id: str
    category: str
    text: str
    kind: EntryKind = "knowledge"
    deprecated: bool = False
    replaced_by: str | None = None
    normal: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "normal", normal_form(self.text))

    def to_dict(self) -> dict[str, Any]:
        """The entry as the catalogue file holds it (defaults omitted)."""
        data: dict[str, Any] = {"id": self.id, "category": self.category, "text": self.text}
        if self.kind != "knowledge":
            data["kind"] = self.kind
        if self.deprecated:
            data["deprecated"] = True
        if self.replaced_by:
            data["replaced_by"] = self.replaced_by
        return data


@frozen(cache_hash=True)
class Catalogue:
    """Shared entries by id, in file order."""

    entries: tuple[SharedEntry, ...]
    source: str = "<catalogue>"
    drift_threshold: float | None = None
    """The lowest score (0-100) at which CN401 calls a statement drift from an entry (a
    config's ``cn401-threshold``); ``None`` for :data:`carenos.mapping.DEFAULT_THRESHOLD`."""

    def __iter__(self) -> Iterator[SharedEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> SharedEntry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def active(self, kind: EntryKind | None = None) -> tuple[SharedEntry, ...]:
        """Entries that are not deprecated (of one ``kind``, if given)."""
        return tuple(
            e for e in self.entries if not e.deprecated and (kind is None or e.kind == kind)
        )


def _bundled() -> str:
    return str(resources.files("carenos") / "data" / "shared-knowledge.yaml")


def load_catalogue(
    path: str | os.PathLike[str] | None = None, *, max_size: int | None = None
) -> Catalogue:
    """The catalogue at ``path``, or the one shipped with carenos (read once, then cached).

    The file is checked against ``shared-knowledge.schema.json``; ids must be unique and
    every ``replaced_by`` must name an entry. ``max_size`` is the size limit in bytes.
    """
    if path is None:
        return _bundled_catalogue()
    return _read_catalogue(os.fspath(path), limit=max_size)


@functools.cache
def _bundled_catalogue() -> Catalogue:
    # the shipped file is checked against the schema by the test suite (test_catalogue):
    # not checking it here keeps jsonschema out of the start of every command
    return _read_catalogue(_bundled(), schema_check=False)


def _schema_errors(data: Any) -> Iterator[Any]:
    from .schema import validator

    return validator("shared-knowledge").iter_errors(data)


def _read_catalogue(
    source: str, *, schema_check: bool = True, limit: int | None = None
) -> Catalogue:
    from .io.files import read_text
    from .io.parse import locate, parse

    text = read_text(source, limit=limit)
    document = parse(text, "yaml", source, bulk=True)
    if document.problems:
        raise document.problems[0]
    for error in _schema_errors(document.data) if schema_check else ():
        pointer = ""
        for part in error.absolute_path:
            pointer = pointer_join(pointer, part)
        raise locate(
            ContentError(f"{pointer or '/'}: {error.message}", source=source, pointer=pointer),
            document,
        )
    entries = tuple(
        SharedEntry(
            id=item["id"],
            category=item["category"],
            text=item["text"],
            kind=item.get("kind", "knowledge"),
            deprecated=item.get("deprecated", False),
            replaced_by=item.get("replaced_by"),
        )
        for item in document.data["entries"]
    )
    ids = {e.id for e in entries}
    seen_ids: set[str] = set()
    texts: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(entries):
        problem, part = None, "id"
        if entry.id in seen_ids:
            problem = f"duplicate id {entry.id!r}"
        elif entry.replaced_by is not None and entry.replaced_by not in ids:
            problem = (
                f"{entry.id} is replaced by {entry.replaced_by!r}, which is not in the catalogue"
            )
            part = "replaced_by"
        elif not entry.deprecated and (entry.kind, entry.normal) in texts:
            other = texts[(entry.kind, entry.normal)]
            problem = f"{entry.id} has the same text as {other}: one statement, one entry"
            part = "text"
        if problem is not None:
            error = ContentError(problem, source=source, pointer=f"/entries/{index}/{part}")
            raise locate(error, document)
        seen_ids.add(entry.id)
        if not entry.deprecated:
            texts[(entry.kind, entry.normal)] = entry.id
    return Catalogue(entries, source)
