"""A directory written whole: built in a temporary directory beside its place, then moved
into place, so that a reader never sees half of it and a failure leaves nothing."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError

__all__ = ["directory_written_whole"]

_NOT_EMPTY = "the directory is not empty; replace it with --force (overwrite=True in Python)"


def _check(target: Path, overwrite: bool) -> Path:
    """The parent ``target`` is built in; a :class:`UsageError` for what is in the way."""
    here = Path.cwd().resolve()
    resolved = target.resolve()
    if resolved == here or resolved in here.parents:
        raise UsageError(
            "cannot write a directory over the current one or one above it", source=str(target)
        )
    if target.exists() and not target.is_dir():
        raise UsageError("cannot write a directory: a file is in the way", source=str(target))
    if target.is_dir() and any(target.iterdir()) and not overwrite:
        raise UsageError(_NOT_EMPTY, source=str(target))
    parent = resolved.parent
    if not parent.is_dir():
        raise UsageError(f"cannot write: no directory {str(parent)!r}", source=str(target))
    return parent


def _move_into_place(work: Path, target: Path, parent: Path, overwrite: bool) -> None:
    """Rename ``work`` to ``target``. Without ``overwrite`` the rename itself refuses a
    ``target`` that is not empty (something may have appeared there since the check);
    with it, the old directory is moved aside first, and put back if the rename fails."""
    if not overwrite or not target.exists():
        try:
            os.rename(work, target)  # replaces an empty directory, refuses a full one
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise UsageError(_NOT_EMPTY, source=str(target)) from None
            raise
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
    os.replace(target, old / "previous")
    try:
        os.replace(work, target)
    except BaseException:
        os.replace(old / "previous", target)  # the user's directory, back where it was
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def directory_written_whole(out: str | os.PathLike[str], *, overwrite: bool) -> Iterator[Path]:
    """A temporary directory to write in; moved to ``out`` when the block ends well.

    An existing ``out`` that is not empty is refused unless ``overwrite``; then it is
    replaced, and only once the new directory is complete. If the block raises, the
    temporary directory goes and ``out`` is as it was. An ``OSError`` (a full disk, a
    name too long) is a :class:`UsageError` that names the file.
    """
    target = Path(out)
    parent = _check(target, overwrite)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        yield work
        os.chmod(work, 0o777 & ~_umask())
        _move_into_place(work, target, parent, overwrite)
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        where = error.filename if isinstance(error.filename, str) else str(target)
        raise UsageError(
            f"cannot write: {error.strerror or error}; {target} is as it was", source=where
        ) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
