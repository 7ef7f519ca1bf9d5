"""What the lines after a position say about the line at it.

The layout reader decides some lines by what follows them: a text is an element title
when statements follow it, a list is plain when no marked line follows in its section, a
code starts a standard when section headings follow it.
"""

from __future__ import annotations

from .lines import Line

__all__ = ["KINDS", "SKIPPED", "following", "next_is_item", "section_is_plain", "starts_standard"]

KINDS = {"performance": "P", "knowledge": "K"}
"""List sections and the kind of statement they hold."""

SKIPPED = frozenset({"blank", "marker", "furniture", "lead_in"})
"""Kinds of line that say nothing of what a line before them is."""


def following(lines: list[Line], position: int) -> tuple[Line | None, set[str]]:
    """The next line after ``position`` that is not skipped (nor a list heading), and the
    list sections (``performance``, ``knowledge``) that lead-ins or headings passed named."""
    seen: set[str] = set()
    for line in lines[position + 1 :]:
        if line.kind in SKIPPED or (line.kind == "ids" and line.value is None):
            if line.kind == "lead_in":
                seen.add(line.key)
            continue
        if line.kind == "heading" and line.key in KINDS:
            seen.add(line.key)
            continue
        return line, seen
    return None, seen


def next_is_item(lines: list[Line], position: int) -> bool:
    """The next line that says anything is a marked statement."""
    for line in lines[position + 1 :]:
        if line.kind not in SKIPPED:
            return line.kind == "item"
    return False


def section_is_plain(lines: list[Line], position: int) -> bool:
    """No marked line in the section from ``position`` to its end."""
    for line in lines[position + 1 :]:
        if line.kind in ("heading", "meta", "header"):
            return True
        if line.kind in ("item", "ids"):
            return False
    return True


def starts_standard(lines: list[Line], position: int) -> bool:
    """A header at ``position`` begins a standard: sections follow it before statements."""
    for line in lines[position + 1 : position + 40]:
        if line.kind in ("heading", "lead_in") or (line.kind == "meta" and line.key != "code"):
            return True
        if line.kind in ("item", "ids", "header"):
            return False
    return False
