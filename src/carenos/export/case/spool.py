"""A JSON array of a package (its CFItems or CFAssociations) written to disk as it is made."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

import orjson

__all__ = ["Spool"]


class Spool:
    """A JSON array written to a file, an element at a time, indented as the elements of an
    array in :func:`~carenos.io.json.dump_json`'s text of the package.

    The file is a temporary one, or ``path`` (a worker's part). Parts written elsewhere
    (in :attr:`directory`) join the array where :meth:`extend` is called, without being
    copied: :meth:`copy_to` reads them in turn.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        else:
            self._file = open(path, "w+b")  # noqa: SIM115 - closed by close()
        self._count = 0  # elements written to the file or taken from parts
        self._pending: list[bytes] = []  # written a few thousand at a time
        self._pieces: list[tuple[int, int] | tuple[bytes, Path]] = []
        """In order: a stretch (start, end) of the file, or a part (its lead, its path)."""
        self._written = 0  # the end of the last stretch taken into ``_pieces``
        self._directory: str | None = None

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def count(self) -> int:
        """How many elements the array has."""
        return self._count + len(self._pending)

    @property
    def directory(self) -> Path:
        """A directory for the parts of this array, removed when the spool is closed."""
        if self._directory is None:
            self._directory = tempfile.mkdtemp(prefix="carenos-case-")
        return Path(self._directory)

    def close(self) -> None:
        """Write what is pending and close the file (and remove :attr:`directory`)."""
        try:
            if not self._file.closed:
                try:
                    self._flush()
                finally:
                    self._file.close()
        finally:
            if self._directory is not None:
                shutil.rmtree(self._directory, ignore_errors=True)
                self._directory = None

    def append(self, value: dict[str, Any], /) -> None:
        """Write one more element."""
        self._pending.append(orjson.dumps(value, option=orjson.OPT_INDENT_2))
        if len(self._pending) >= 4096:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            text = b",\n".join(self._pending).replace(b"\n", b"\n    ")
            self._file.write((b",\n    " if self._count else b"\n    ") + text)
            self._count += len(self._pending)
            self._pending.clear()

    def _stretch(self) -> None:
        """Take what the file holds since the last piece as a piece."""
        end = self._file.tell()
        if end > self._written:
            self._pieces.append((self._written, end))
            self._written = end

    def extend(self, path: str | os.PathLike[str], count: int) -> None:
        """Take the ``count`` elements another spool wrote to ``path`` (and closed) next."""
        if not count:
            return
        self._flush()
        self._stretch()
        self._pieces.append((b"," if self._count else b"", Path(path)))  # a part starts as
        self._count += count  # a first element does: after others, it needs a comma

    def copy_to(self, handle: IO[str]) -> None:
        """Write the array (``[]`` if empty) to ``handle``."""
        self._flush()
        self._stretch()
        if not self._count:
            handle.write("[]")
            return
        handle.write("[")
        decoder = codecs.getincrementaldecoder("utf-8")()
        for piece in self._pieces:
            if isinstance(piece[1], Path):
                lead, path = piece
                handle.write(decoder.decode(lead))
                with path.open("rb") as part:
                    for chunk in iter(lambda: part.read(1 << 20), b""):
                        handle.write(decoder.decode(chunk))
            else:
                start, end = piece
                self._file.seek(start)
                left = end - start
                while left > 0:
                    chunk = self._file.read(min(left, 1 << 20))
                    left -= len(chunk)
                    handle.write(decoder.decode(chunk))
        self._file.seek(0, os.SEEK_END)
        handle.write(decoder.decode(b"", final=True) + "\n  ]")
