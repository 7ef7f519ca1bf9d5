"""JSON (an array of standard objects) and JSON Lines (one standard object a line)."""

from __future__ import annotations

from typing import IO

from .._gc import gc_paused
from ..convert import to_dict
from ..io.json import dump_json, dump_json_line
from ..model import Standards, standards_of
from ._output import ExportOptions, text_of

__all__ = ["to_json", "to_jsonl", "write_json", "write_jsonl"]


def to_json(standards: Standards) -> str:
    """An indented JSON array of the standards' objects (the dict shape), ending in a newline."""
    return dump_json([to_dict(standard) for standard in standards_of(standards)])


def write_json(standards: Standards, handle: IO[str], options: ExportOptions | None = None) -> None:
    """Write :func:`to_json` of the standards (the array is built whole, then written)."""
    standards = standards_of(standards)
    handle.write(to_json(standards))


def write_jsonl(
    standards: Standards, handle: IO[str], options: ExportOptions | None = None
) -> None:
    """Write one compact JSON object a line (LF-terminated), as each standard comes.

    The cyclic garbage collector is paused while the standards are converted (see
    :func:`carenos._gc.gc_paused`).
    """
    standards = standards_of(standards)
    with gc_paused():
        for standard in standards:
            handle.write(dump_json_line(to_dict(standard)))
            handle.write("\n")


def to_jsonl(standards: Standards) -> str:
    """The JSON Lines text of the standards (see :func:`write_jsonl`)."""
    return text_of(lambda handle: write_jsonl(standards, handle))
