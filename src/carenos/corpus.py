"""A set of standards, loaded in bulk from a directory or a JSON Lines file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .bulk import gc_paused
from .convert import from_dict
from .documents import format_of, parse_stream, to_standard
from .errors import ContentError, DuplicateError, ReadError
from .io.files import read_lines, read_text
from .io.json import parse_json
from .model import Standard

__all__ = [
    "Corpus",
    "iter_jsonl",
    "iter_standards",
    "load_corpus",
    "read_standards",
    "standard_files",
]

STANDARD_SUFFIXES = (".yaml", ".yml", ".json")


class Corpus:
    """Standards by code, in the order they were read.

    Iterating yields the standards; ``corpus["SCDHSC0393"]`` and ``corpus.get(code)``
    look one up; ``source_of(code)`` says where it came from. Two standards with one
    code are an error.
    """

    __slots__ = ("_by_code", "_sources")

    def __init__(self, standards: Iterable[tuple[Standard, str]] = ()) -> None:
        self._by_code: dict[str, Standard] = {}
        self._sources: dict[str, str] = {}
        for standard, source in standards:
            self._add(standard, source)

    def _add(self, standard: Standard, source: str) -> None:
        code = standard.code
        if code in self._by_code:
            raise DuplicateError(f"standard {code} is also in {self._sources[code]}", source=source)
        self._by_code[code] = standard
        self._sources[code] = source

    def __getitem__(self, code: str) -> Standard:
        return self._by_code[code]

    def get(self, code: str, default: Standard | None = None) -> Standard | None:
        """The standard ``code``, or ``default``."""
        return self._by_code.get(code, default)

    def __iter__(self) -> Iterator[Standard]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the standards, in order."""
        return tuple(self._by_code)

    def source_of(self, code: str) -> str:
        """Where the standard ``code`` was read from (``file`` or ``file:line``)."""
        return self._sources[code]

    def __repr__(self) -> str:
        return f"Corpus({len(self)} standards)"


def standard_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The standard files (``*.yaml``, ``*.yml``, ``*.json``) of a directory, sorted by name.

    Every entry so named is listed, even one that is not a readable file (a directory, a
    broken link, a symlink loop), so that reading it says what is wrong with it rather
    than skipping it in silence.
    """
    root = Path(directory)
    try:
        entries = list(root.iterdir())
    except OSError as exc:
        raise ReadError(f"cannot list the directory: {exc.strerror}", source=str(root)) from None
    return sorted(p for p in entries if p.suffix.lower() in STANDARD_SUFFIXES)


def iter_jsonl(
    path: str | os.PathLike[str], *, limit: int | None = None
) -> Iterator[tuple[Standard, str]]:
    """Standards of a JSON Lines file, one a line, as they are read (blank lines skipped).

    Each comes with its source, ``file:line``. The size limit applies to each line.
    """
    source = os.fspath(path)
    for number, text in read_lines(path, limit=limit):
        if isinstance(text, ReadError):
            raise text
        data = parse_json(text, source, line_offset=number - 1)
        try:
            yield from_dict(data, source=source), f"{source}:{number}"
        except ContentError as error:
            error.line, error.column = number, None
            raise


def load_corpus(path: str | os.PathLike[str], *, max_size: int | None = None) -> Corpus:
    """Load every standard of a directory (``*.yaml``/``*.yml``/``*.json``) or a ``.jsonl`` file.

    YAML is read with the C parser. Duplicate codes raise :class:`DuplicateError`.
    """
    with gc_paused():
        return Corpus(iter_standards(path, max_size=max_size))


def iter_standards(
    path: str | os.PathLike[str], *, max_size: int | None = None
) -> Iterator[tuple[Standard, str]]:
    """The standards of a file, directory or ``.jsonl`` file one at a time, with their sources.

    What :func:`load_corpus` reads, without holding them all (and without its check
    for duplicate codes).
    """
    root = Path(path)
    if root.suffix.lower() == ".jsonl":
        return iter_jsonl(root, limit=max_size)
    if root.is_dir():
        return _read_files(standard_files(root), max_size)
    return _read_files([root], max_size)  # reading says why, if it is not a file


def _read_files(paths: Iterable[Path], limit: int | None) -> Iterator[tuple[Standard, str]]:
    for file in paths:
        source = str(file)
        text = read_text(file, limit=limit)
        for document in parse_stream(text, format_of(file), source, fast=True):
            yield to_standard(document), source


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
