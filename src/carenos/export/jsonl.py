"""JSON (an array of standard objects) and JSON Lines (one standard object a line)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..bulk import gc_paused
from ..convert import to_dict
from ..io.json import dump_json, dump_json_line
from ..model import Standard
from .base import text_of

__all__ = ["to_json", "to_jsonl", "write_jsonl"]


def to_json(standards: Iterable[Standard]) -> str:
    """An indented JSON array of the standards' objects (the dict shape), ending in a newline."""
    return dump_json([to_dict(standard) for standard in standards])


def write_jsonl(standards: Iterable[Standard], handle: IO[str]) -> None:
    """Write one compact JSON object a line (LF-terminated), as each standard comes."""
    with gc_paused():
        for standard in standards:
            handle.write(dump_json_line(to_dict(standard)))
            handle.write("\n")


def to_jsonl(standards: Iterable[Standard]) -> str:
    """The JSON Lines text of the standards (see :func:`write_jsonl`)."""
    return text_of(lambda handle: write_jsonl(standards, handle))
