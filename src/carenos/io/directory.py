"""A directory written whole: built in a temporary directory beside its place, then moved
into place, so that a reader never sees half of it and a failure leaves nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError

__all__ = ["directory_written_whole"]


def _check(target: Path, overwrite: bool) -> Path:
    """The parent ``target`` is built in; a :class:`UsageError` for what is in the way."""
    if target.exists() and not target.is_dir():
        raise UsageError("cannot write a directory: a file is in the way", source=str(target))
    if target.is_dir() and any(target.iterdir()) and not overwrite:
        raise UsageError(
            "the directory is not empty; replace it with --force (overwrite=True in Python)",
            source=str(target),
        )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"cannot write: no directory {str(parent)!r}", source=str(target))
    return parent


@contextmanager
def directory_written_whole(out: str | os.PathLike[str], *, overwrite: bool) -> Iterator[Path]:
    """A temporary directory to write in; moved to ``out`` when the block ends well.

    An existing ``out`` that is not empty is refused unless ``overwrite``; then it is
    replaced, and only once the new directory is complete. If the block raises, the
    temporary directory goes and ``out`` is as it was.
    """
    target = Path(out)
    parent = _check(target, overwrite)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        yield work
        os.chmod(work, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "previous")
            os.replace(work, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
