"""A JSON array of a package (its CFItems or CFAssociations) written to disk as it is made."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from typing import IO, Any

import orjson

__all__ = ["Spool"]


class Spool:
    """A JSON array written to a file, an element at a time, indented as the elements of an
    array in :func:`~carenos.io.json.dump_json`'s text of the package.

    The file is a temporary one, or ``path`` (a worker's part, which :meth:`extend` of the
    whole package's spool takes in).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        else:
            self._file = open(path, "w+b")  # noqa: SIM115 - closed by close()
        self.count = 0
        self._pending: list[bytes] = []  # written a few thousand at a time

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Write what is pending and close the file."""
        if not self._file.closed:
            self._flush()
            self._file.close()

    def append(self, value: dict[str, Any], /) -> None:
        """Write one more element."""
        self._pending.append(orjson.dumps(value, option=orjson.OPT_INDENT_2))
        if len(self._pending) >= 4096:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            text = b",\n".join(self._pending).replace(b"\n", b"\n    ")
            self._file.write((b",\n    " if self.count else b"\n    ") + text)
            self.count += len(self._pending)
            self._pending.clear()

    def extend(self, path: str | os.PathLike[str], count: int) -> None:
        """Write the ``count`` elements another spool wrote to ``path`` (and closed)."""
        if not count:
            return
        self._flush()
        with open(path, "rb") as part:
            if self.count:
                self._file.write(b",")  # the part starts as a first element does
            shutil.copyfileobj(part, self._file, 1 << 20)
        self.count += count

    def copy_to(self, handle: IO[str]) -> None:
        """Write the array (``[]`` if empty) to ``handle``."""
        self._flush()
        if not self.count:
            handle.write("[]")
            return
        handle.write("[")
        self._file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        for chunk in iter(lambda: self._file.read(1 << 20), b""):
            handle.write(decoder.decode(chunk))
        handle.write(decoder.decode(b"", final=True) + "\n  ]")
