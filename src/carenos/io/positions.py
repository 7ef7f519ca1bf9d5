"""Where each value of a parsed document sits in its source text."""

from __future__ import annotations

from attrs import define, field

__all__ = ["Positions", "parent_pointer", "pointer_join"]


def pointer_join(pointer: str, part: str | int) -> str:
    """``pointer`` extended by one key or index (JSON Pointer escaping applied)."""
    return f"{pointer}/{str(part).replace('~', '~0').replace('/', '~1')}"


def parent_pointer(pointer: str) -> str:
    """The pointer one level up (``""`` for the root)."""
    return pointer.rpartition("/")[0]


@define
class Positions:
    """1-based ``(line, column)`` of values and of mapping keys, by JSON pointer.

    Lookups fall back to the nearest enclosing value, so every pointer into the
    document has a position.
    """

    values: dict[str, tuple[int, int]] = field(factory=dict)
    keys: dict[str, tuple[int, int]] = field(factory=dict)

    def complete(self) -> Positions:
        """Every position, worked out (a scan that goes only as far as asked runs to its end)."""
        return self

    def of(self, pointer: str, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of the value at ``pointer`` (or of its key, with ``key=True``)."""
        if key and pointer in self.keys:
            return self.keys[pointer]
        while True:
            found = self.values.get(pointer)
            if found is not None:
                return found
            if not pointer:
                return None, None
            pointer = parent_pointer(pointer)
