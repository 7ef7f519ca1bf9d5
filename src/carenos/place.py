"""Where a problem is: the one record shared by errors, findings and rule hits.

A :class:`Place` is a source (a file path, ``"<string>"``), the 1-based line and column
where they are known, and the JSON pointer of the value concerned. A :class:`Hit` is a
message at a pointer of one document, before the document's source and positions are
known: what a rule yields, and what the converter reports for each problem it finds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from attrs import evolve, field, frozen

__all__ = ["Hit", "Locate", "Place", "Placed", "location"]


class Locate(Protocol):
    """Line and column (1-based, ``None`` where unknown) of the value at a JSON pointer.

    With ``at_key``, of the mapping key at the pointer instead.
    """

    def __call__(  # noqa: D102 - the class says it
        self, pointer: str, at_key: bool = False, /
    ) -> tuple[int | None, int | None]: ...  # pragma: no cover - a protocol


def location(source: str, line: int | None, column: int | None) -> str:
    """``source:line:column`` with the parts that are known."""
    if line is None:
        return source
    return f"{source}:{line}" if column is None else f"{source}:{line}:{column}"


@frozen
class Place:
    """Where something is: ``source``, 1-based ``line`` and ``column``, JSON ``pointer``.

    Every part is ``None`` where unknown; ``at_key`` says the position is that of the
    mapping key at ``pointer`` rather than of its value (an unknown key, a duplicate).
    """

    source: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    at_key: bool = False

    @property
    def location(self) -> str:
        """``source:line:column`` with the parts that are known (``<input>`` if no source)."""
        return location(self.source or "<input>", self.line, self.column)

    def at_source(self, source: str) -> Place:
        """The same place in ``source``."""
        return evolve(self, source=source)


class Placed:
    """What has a :class:`Place` (errors and findings): its parts, read as attributes."""

    __slots__ = ()
    place: Place

    @property
    def line(self) -> int | None:
        """1-based line, if known."""
        return self.place.line

    @property
    def column(self) -> int | None:
        """1-based column, if known."""
        return self.place.column

    @property
    def pointer(self) -> str | None:
        """JSON pointer of the value concerned, if known."""
        return self.place.pointer

    @property
    def location(self) -> str:
        """``source:line:column`` with the parts that are known."""
        return self.place.location


@frozen
class Hit:
    """A message at a JSON pointer of one document (``at_key``: at the key, not the value)."""

    message: str
    pointer: str
    at_key: bool = False
    details: Mapping[str, Any] | None = field(default=None, eq=False, repr=False)
    """What tools may read beside the message (CN401: the entry, its text and the score)."""
