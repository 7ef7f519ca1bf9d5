"""What the writers share: the options they are given, text from a writer, the output file."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from attrs import frozen

from ..io.files import atomic_write

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from .case import CaseOptions

__all__ = ["EXIT_BROKEN_PIPE", "ExportOptions", "text_of", "write_output"]

EXIT_BROKEN_PIPE = 141
"""The exit code when the reader of standard output went away: a shell's for SIGPIPE."""


@frozen
class ExportOptions:
    """What a writer may be told: the catalogue of shared statements, the CASE options.

    ``catalogue`` is ``None`` for the bundled one (used by the formats that link shared
    statements); ``case`` is ``None`` for the CASE defaults.
    """

    catalogue: Catalogue | None = None
    case: CaseOptions | None = None
    bom: bool = False
    """CSV: start with a byte order mark, so that Excel reads the file as UTF-8."""
    jobs: int | None = None
    """CASE and CSV: processes that build the package or write the rows of standards
    already held (``None``: the command line's ``--jobs``, else one)."""


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
    except BrokenPipeError:  # the reader went away (`| head`): end quietly, as SIGPIPE would
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_BROKEN_PIPE)
    finally:
        handle.detach()
