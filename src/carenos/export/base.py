"""What the exports share: reading inputs one standard at a time, and text from a writer."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from ..corpus import iter_standards
from ..errors import DuplicateError
from ..io.files import atomic_write
from ..model import Standard

__all__ = ["read_standards", "text_of", "write_output"]


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


def write_output(
    out: str | os.PathLike[str] | None,
    write: Callable[[IO[str]], None],
    *,
    overwrite: bool = False,
) -> None:
    """Run ``write`` on the file ``out`` (atomically, see :func:`~carenos.io.files.atomic_write`).

    ``None`` or ``"-"`` is standard output, written as UTF-8 with the line ends the
    writer writes (no translation), whatever the platform and locale.
    """
    if out is not None and os.fspath(out) != "-":
        atomic_write(out, write, overwrite=overwrite)
        return
    sys.stdout.flush()
    handle = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True)
    try:
        write(handle)
        handle.flush()
    finally:
        handle.detach()
