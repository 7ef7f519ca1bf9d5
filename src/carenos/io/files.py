"""Reading text files safely and writing them atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, NoReturn

from ..errors import CarenosError, ReadError, UsageError

__all__ = [
    "DEFAULT_MAX_SIZE",
    "atomic_write",
    "atomic_write_many",
    "decode",
    "max_size",
    "normalise_newlines",
    "read_bytes",
    "read_line_bytes",
    "read_lines",
    "read_text",
    "refuse_nul",
    "refuse_overwrite",
]

DEFAULT_MAX_SIZE = 5 * 1024 * 1024
"""Largest file carenos reads by default (5 MB); ``CARENOS_MAX_SIZE`` overrides it."""


def max_size(override: int | None = None) -> int:
    """The size limit in bytes: ``override``, else ``CARENOS_MAX_SIZE``, else 5 MB."""
    if override is not None:
        return override
    raw = os.environ.get("CARENOS_MAX_SIZE", "").strip()
    if not raw:
        return DEFAULT_MAX_SIZE
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"CARENOS_MAX_SIZE must be a number of bytes, not {raw!r}") from None
    if value <= 0:
        raise UsageError(f"CARENOS_MAX_SIZE must be positive, not {value}")
    return value


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of ``data`` without a byte-order mark; CRLF and CR become LF.

    Raises :class:`ReadError` naming the byte offset of the first bad byte, or the
    place of a NUL byte (no text format carenos reads has one: it is a binary file).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ReadError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at byte offset {exc.start}",
            source=source,
            line=line,
            column=column,
        ) from None
    refuse_nul(text, source)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """``text`` without a leading byte-order mark, with CRLF and CR as LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def refuse_nul(
    text: str,
    source: str,
    kind: type[CarenosError] = ReadError,
    message: str = "NUL byte in the text: not a text file",
) -> None:
    """Raise ``kind`` at the line and column of the first NUL character of ``text``, if any."""
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - text.rfind("\n", 0, offset)
        raise kind(message, source=source, line=line, column=column)


def read_bytes(path: str | os.PathLike[str], *, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, within the size limit, never modifying it.

    Every failure is a :class:`ReadError` that names the file.
    """
    source = os.fspath(path)
    cap = max_size(limit)
    try:
        # Non-blocking, so that a FIFO cannot hang the open; only regular files are read.
        with os.fdopen(os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                raise ReadError("not a regular file", source=source)
            size = status.st_size
            if size > cap:
                raise ReadError(
                    f"file is {size:,} bytes, over the size limit of {cap:,} bytes "
                    "(raise it with --max-size or CARENOS_MAX_SIZE)",
                    source=source,
                )
            data = handle.read(cap + 1)
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("is a directory, not a file", source=source) from None
    except FileNotFoundError:
        raise ReadError("no such file", source=source) from None
    except PermissionError:
        raise ReadError("permission denied", source=source) from None
    except OSError as exc:
        reason = "too many levels of symbolic links" if exc.errno == errno.ELOOP else exc.strerror
        raise ReadError(f"cannot read: {reason}", source=source) from None
    if len(data) > cap:
        raise ReadError(f"file is over the size limit of {cap:,} bytes", source=source)
    return data


def read_text(path: str | os.PathLike[str], *, limit: int | None = None) -> str:
    """Read ``path`` as UTF-8 text (see :func:`read_bytes` and :func:`decode`)."""
    return decode(read_bytes(path, limit=limit), os.fspath(path))


def read_lines(
    path: str | os.PathLike[str], *, limit: int | None = None
) -> Iterator[tuple[int, str | ReadError]]:
    """The non-blank lines of a text file (JSON Lines) as ``(line number, text)``.

    The size limit applies to each line. A line over it, or not UTF-8, comes as its
    :class:`ReadError` (naming that line) instead of its text, so a caller may go on; a
    file that cannot be opened raises.
    """
    source = os.fspath(path)
    for number, raw in read_line_bytes(path, limit=limit):
        if isinstance(raw, ReadError):
            yield number, raw
            continue
        try:
            yield number, decode(raw, source)
        except ReadError as error:
            yield number, error.at(line=number)


def read_line_bytes(
    path: str | os.PathLike[str], *, limit: int | None = None
) -> Iterator[tuple[int, bytes | ReadError]]:
    """The non-blank lines of a file as ``(line number, bytes)``, without their line end;
    a line over the size limit comes as its :class:`ReadError`. What :func:`read_lines`
    decodes; a reader with a faster path for some lines (JSON Lines) takes the bytes."""
    source = os.fspath(path)
    cap = max_size(limit)
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, generator
    except OSError:
        read_text(source, limit=limit)  # raises the ReadError that says why
        raise ReadError("cannot read", source=source) from None  # pragma: no cover
    with handle:
        for number, raw in enumerate(handle, start=1):
            if len(raw) > cap:
                message = f"line is over the size limit of {cap:,} bytes"
                yield number, ReadError(message, source=source, line=number)
                continue
            if not raw.strip():
                continue
            yield number, raw.rstrip(b"\r\n")


def refuse_overwrite(path: str | os.PathLike[str], *, overwrite: bool) -> None:
    """Raise :class:`UsageError` if ``path`` exists and ``overwrite`` is not given."""
    if not overwrite and os.path.lexists(path):
        raise UsageError(
            "the file exists; replace it with --force (overwrite=True in Python)",
            source=os.fspath(path),
        )


def _move_into_place(tmp_name: str, target: Path, *, overwrite: bool) -> None:
    """Rename the written temporary file to ``target``.

    Without ``overwrite`` a hard link puts it in place only if no file has appeared at
    ``target`` since it was checked (no race); where links are not supported, a rename.
    """
    if overwrite:
        os.replace(tmp_name, target)
        return
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        refuse_overwrite(target, overwrite=False)
        raise  # pragma: no cover - refuse_overwrite raised
    except OSError:  # no hard links on this file system
        refuse_overwrite(target, overwrite=False)
        os.replace(tmp_name, target)
        return
    os.unlink(tmp_name)


def _write_temp(target: Path, write: Callable[[IO[str]], None] | str | bytes) -> str:
    """Write the text (or bytes) to a new temporary file beside ``target``; return its name."""
    directory = target.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write: no directory {str(directory)!r}", source=str(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror}", source=str(target)) from None
    try:
        if isinstance(write, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(write)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            _write_text(fd, write)
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
    except BaseException as exc:
        _discard(tmp_name)
        _raise_write_error(exc, target)
    return tmp_name


def _write_text(fd: int, write: Callable[[IO[str]], None] | str) -> None:
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        if isinstance(write, str):
            handle.write(write)
        else:
            write(handle)
        handle.flush()
        os.fsync(handle.fileno())


def _discard(tmp_name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp_name)


def _raise_write_error(exc: BaseException, target: Path) -> NoReturn:
    if isinstance(exc, OSError):
        raise UsageError(
            f"cannot write: {exc.strerror or exc}; the file is as it was", source=str(target)
        ) from None
    raise exc


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[IO[str]], None] | str | bytes,
    *,
    overwrite: bool = False,
) -> None:
    """Write text (or bytes) to ``path`` through a temporary file beside it and a rename.

    ``write`` is the text, or a function that writes it to the open file. An existing
    file is replaced only with ``overwrite``; if writing fails, it is left as it was (an
    ``OSError``, such as a full disk, becomes a :class:`UsageError` that says so).
    """
    atomic_write_many([(path, write)], overwrite=overwrite)


def atomic_write_many(
    files: Sequence[tuple[str | os.PathLike[str], Callable[[IO[str]], None] | str | bytes]],
    *,
    overwrite: bool = False,
) -> None:
    """Write several files as :func:`atomic_write` does, all or none as far as a file system allows.

    Every target is checked first (none may exist, unless ``overwrite``), then every text
    is written to a temporary file, and only then are they moved into place: a failure
    while writing leaves no file changed.
    """
    targets = [Path(path) for path, _ in files]
    for target in targets:
        refuse_overwrite(target, overwrite=overwrite)
        if target.is_dir():  # os.replace would fail on it after other files were moved
            raise UsageError("cannot write: a directory is in the way", source=str(target))
    written: list[str] = []
    try:
        for target, (_, write) in zip(targets, files, strict=True):
            written.append(_write_temp(target, write))
    except BaseException:
        for tmp_name in written:
            _discard(tmp_name)
        raise
    for index, (target, tmp_name) in enumerate(zip(targets, written, strict=True)):
        try:
            _move_into_place(tmp_name, target, overwrite=overwrite)
        except BaseException as exc:
            for left in written[index:]:
                _discard(left)
            _raise_write_error(exc, target)
