"""What the exports share: reading inputs one standard at a time, and text from a writer."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from ..corpus import iter_standards
from ..errors import DuplicateError
from ..model import Standard

__all__ = ["read_standards", "text_of"]


def read_standards(
    paths: Iterable[str | os.PathLike[str]], *, max_size: int | None = None
) -> Iterator[Standard]:
    """The standards of files, directories and ``.jsonl`` files, one at a time, in order.

    Only the codes seen so far are kept (to refuse a code read twice, as
    :func:`~carenos.load_corpus` does), so memory does not grow with the standards.
    """
    seen: dict[str, str] = {}
    for path in paths:
        for standard, source in iter_standards(path, max_size=max_size):
            if standard.code in seen:
                raise DuplicateError(
                    f"standard {standard.code} is also in {seen[standard.code]}", source=source
                )
            seen[standard.code] = source
            yield standard


def text_of(write: Callable[[IO[str]], None]) -> str:
    """The text that ``write`` writes to a handle."""
    out = io.StringIO(newline="")
    write(out)
    return out.getvalue()
