"""A set of standards, loaded in bulk from directories, files and JSON Lines files."""

from __future__ import annotations

import functools
import os
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any, Protocol, TypedDict, overload

from ._build import sharing_texts
from ._gc import gc_paused
from ._pool import Workers, check_jobs, worth_it
from .documents import to_standard
from .errors import DuplicateError, ReadError, UsageError
from .io.formats import STANDARD_FILE_SUFFIXES
from .io.parse import ParsedDocument, read_documents, read_files
from .model import Standard, Statement, standards_of

__all__ = [
    "READ_OPTIONS",
    "STDIN_NAME",
    "Coded",
    "Corpus",
    "Key",
    "ReadOptions",
    "bundled",
    "bundled_path",
    "forget_stdin",
    "iter_standards",
    "key_of",
    "label_of",
    "load_corpus",
    "read_jobs",
    "read_standards",
    "standard_files",
    "stdin_text",
]


Key = tuple[str, str]
"""How a corpus keys a standard: ``(code, language)``."""


class Coded(Protocol):
    """What has a code and a language: a :class:`Standard`, or an outline of one."""

    @property
    def code(self) -> str:  # noqa: D102 - the class says it
        ...  # pragma: no cover - a protocol

    @property
    def language(self) -> str:  # noqa: D102 - the class says it
        ...  # pragma: no cover - a protocol


def key_of(standard: Coded) -> Key:
    """``(code, language)`` of a standard."""
    return standard.code, standard.language


def label_of(standard: Coded) -> str:
    """The code, and the language where it is not English: ``SCDHSC0393``, ``SCDHSC0393 (cy)``."""
    if standard.language == "en":
        return standard.code
    return f"{standard.code} ({standard.language})"


class Corpus:
    """Standards by code and language, in the order they were read.

    Iterating yields the standards. ``corpus["SCDHSC0393"]`` is the English version,
    ``corpus["SCDHSC0393", "cy"]`` and ``corpus.get("SCDHSC0393", language="cy")`` the
    Welsh one; ``source_of(code)`` says where it came from. Two standards with one code
    and language are an error; one code in two languages is two versions of a standard.
    """

    __slots__ = ("_by_key", "_sources")

    def __init__(
        self, standards: Standard | Iterable[tuple[Standard, str] | Standard] = ()
    ) -> None:
        self._by_key: dict[Key, Standard] = {}
        self._sources: dict[Key, str] = {}
        for item in standards_of(standards) if isinstance(standards, Standard) else standards:
            if isinstance(item, Standard):
                self._add(item, "<memory>")
            else:
                standard, source = item
                self._add(standard, source)

    def _add(self, standard: Standard, source: str) -> None:
        key = key_of(standard)
        if key in self._by_key:
            raise DuplicateError.of(label_of(standard), self._sources[key], source)
        self._by_key[key] = standard
        self._sources[key] = source

    @staticmethod
    def _key(key: str | Key, language: str = "en") -> Key:
        return key if isinstance(key, tuple) else (key, language)

    @overload
    def __getitem__(self, key: Key) -> Standard: ...
    @overload
    def __getitem__(self, key: str) -> Any: ...
    def __getitem__(self, key: str | Key) -> Any:
        """A standard by code (``"SCDHSC0393"``, or ``(code, language)``), or a statement by
        ref (``"SCDHSC0393/K12"``). Typed ``Any`` for a text key, which may be either:
        :meth:`standard` and :meth:`statement` say which they give."""
        if isinstance(key, str) and "/" in key:
            code, _, _local = key.partition("/")
            return self._by_key[code, "en"][key]
        return self._by_key[self._key(key)]

    def standard(self, code: str, language: str = "en") -> Standard:
        """The standard ``code`` in ``language`` (``KeyError`` if there is none)."""
        return self._by_key[code, language]

    def statement(self, ref: str, language: str = "en") -> Statement:
        """The statement ``ref`` (``"SCDHSC0393/K12"``) of the standard in ``language``."""
        code, _, _local = ref.partition("/")
        return self._by_key[code, language][ref]

    def get(
        self, code: str, default: Standard | None = None, *, language: str = "en"
    ) -> Standard | None:
        """The standard ``code`` in ``language`` (default English), or ``default``."""
        return self._by_key.get((code, language), default)

    def __iter__(self) -> Iterator[Standard]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        """A code, ``(code, language)``, a ref (``"CODE/K12"``) or a :class:`Standard`."""
        if isinstance(key, Standard):
            return self._by_key.get(key_of(key)) == key
        if isinstance(key, str):
            code, _, local = key.partition("/")
            standard = self._by_key.get((code, "en"))
            return standard is not None and (not local or key in standard)
        return key in self._by_key

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the standards, each once, in order."""
        return tuple(dict.fromkeys(code for code, _ in self._by_key))

    def languages(self, code: str) -> tuple[str, ...]:
        """The languages ``code`` is held in, in order (empty if none)."""
        return tuple(language for c, language in self._by_key if c == code)

    def source_of(self, code: str, language: str = "en") -> str:
        """Where the standard ``code`` in ``language`` was read from (``file`` or ``file:line``)."""
        return self._sources[(code, language)]

    def __repr__(self) -> str:
        return f"Corpus({len(self)} standards)"


class ReadOptions(TypedDict):
    """How paths are read when a caller does not say: ``recursive`` (directories below
    too) and ``jobs`` (processes that read many files; 1 reads them in this process)."""

    recursive: bool
    jobs: int


READ_OPTIONS: ReadOptions = {"recursive": True, "jobs": 1}
"""How paths are read when a caller does not say (the command line's ``--no-recursive``
sets ``recursive``, ``--jobs`` sets ``jobs``; a library call reads in its process)."""


def read_jobs(jobs: int | None = None) -> int:
    """``jobs`` checked (1 or more, else a :class:`UsageError`), or :data:`READ_OPTIONS`'."""
    return READ_OPTIONS["jobs"] if jobs is None else check_jobs(jobs)


def standard_files(
    directory: str | os.PathLike[str], *, recursive: bool | None = None
) -> list[Path]:
    """The standard files (``*.yaml``, ``*.yml``, ``*.json``) of a directory and, with
    ``recursive`` (the default, as yamllint and ruff search), of the directories below it
    (hidden ones, such as ``.git``, left out), sorted by path.

    Every entry so named is listed, even one that is not a readable file (a broken link,
    a symlink loop), so that reading it says what is wrong with it rather than skipping
    it in silence.
    """
    if recursive is None:
        recursive = READ_OPTIONS["recursive"]
    root = Path(directory)
    try:
        entries = sorted(root.iterdir())
    except OSError as exc:
        raise ReadError(f"cannot list the directory: {exc.strerror}", source=str(root)) from None
    found: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.suffix.lower() in STANDARD_FILE_SUFFIXES:  # even a directory so named
            found.append(entry)
        elif recursive and entry.is_dir() and not entry.is_symlink():
            found.extend(standard_files(entry, recursive=True))
    return found


def load_corpus(
    *paths: str | os.PathLike[str],
    max_size: int | None = None,
    recursive: bool | None = None,
    jobs: int | None = None,
) -> Corpus:
    """Load every standard of some files and directories (``*.yaml``/``*.yml``/``*.json``,
    searched recursively unless ``recursive=False``), in order.

    A file may be one standard, a YAML stream of several, a JSON array or JSON Lines; ``-``
    is standard input. YAML is read with the C parser; with ``jobs`` above 1, a directory
    of many files is parsed by that many processes (the same corpus, in the same order).
    Duplicate codes raise :class:`DuplicateError`; finding no standard at all raises
    :class:`ReadError` ("no standards found"), as every command does. The cyclic garbage
    collector is paused while the standards are built (see :func:`carenos._gc.gc_paused`).
    """
    if not paths:
        raise UsageError("give load_corpus() a path: a file or a directory of standards")
    standards = iter_standards(*paths, max_size=max_size, recursive=recursive, jobs=jobs)
    with gc_paused(), sharing_texts(), closing(standards):
        corpus = Corpus(standards)
    if not corpus:
        where = ", ".join(os.fspath(p) for p in paths)
        raise ReadError("no standards found", source=where)
    return corpus


def iter_standards(
    *paths: str | os.PathLike[str],
    max_size: int | None = None,
    recursive: bool | None = None,
    jobs: int | None = None,
) -> Generator[tuple[Standard, str], None, None]:
    """The standards of files and directories one at a time, with their sources.

    What :func:`load_corpus` reads, without holding them all (and without its check
    for duplicate codes). The source is the file, or ``file:line`` for a line of JSON
    Lines. A file named twice (itself and in its directory) is read once. The first
    problem met raises. ``jobs`` (default :data:`READ_OPTIONS`') processes parse the
    files of a path that has many; the standards are built here, in order.
    """
    jobs = read_jobs(jobs)
    read: set[Path] = set()
    several = len(paths) > 1  # the files of one path are each listed once
    with Workers(jobs) as workers:
        for files in _runs(paths, recursive):
            if files is None:
                yield from _stdin_standards(max_size)
            elif not worth_it(jobs, len(files)):
                for file in files:
                    if not several or _first_time(file, read):
                        yield from _standards_of(read_documents(file, limit=max_size))
            else:
                if several:
                    files = [file for file in files if _first_time(file, read)]
                work = functools.partial(read_files, limit=max_size)
                for documents in workers.map(work, files):
                    yield from _standards_of(documents)


def _runs(
    paths: Iterable[str | os.PathLike[str]], recursive: bool | None
) -> Iterator[list[Path] | None]:
    """The files to read, a run at a time: a directory's, or those named one after another
    (``*.yaml`` of a shell); ``None`` for standard input. A directory is listed when
    the runs before it have been read."""
    run: list[Path] = []
    for path in paths:
        root = Path(path)
        if os.fspath(path) != "-" and not root.is_dir():
            run.append(root)
            continue
        if run:
            yield run
            run = []
        yield None if os.fspath(path) == "-" else standard_files(root, recursive=recursive)
    if run:
        yield run


def _first_time(file: Path, read: set[Path]) -> bool:
    """Whether ``file`` is read for the first time (and, if so, remember it)."""
    resolved = file.resolve()
    if resolved in read:
        return False
    read.add(resolved)
    return True


def _standards_of(
    documents: Iterable[ParsedDocument | Exception],
) -> Iterator[tuple[Standard, str]]:
    """The standards of one file's documents, with their sources; its first error raises."""
    for document in documents:
        if isinstance(document, Exception):
            raise document
        yield to_standard(document), document.label


def read_standards(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_size: int | None = None,
    recursive: bool | None = None,
    at_least_one: bool = False,
    jobs: int | None = None,
) -> Iterator[Standard]:
    """The standards of files, directories and ``.jsonl`` files, one at a time, in order.

    Only the codes seen so far are kept (to refuse a code read twice, as
    :func:`~carenos.load_corpus` does), so memory does not grow with the standards.
    ``at_least_one`` makes finding none a :class:`ReadError` ("no standards found"), as
    every command treats it. ``-`` is standard input. ``jobs`` as for :func:`iter_standards`.
    """
    paths = list(paths)
    seen: dict[Key, str] = {}
    found = iter_standards(*paths, max_size=max_size, recursive=recursive, jobs=jobs)
    with closing(found):  # workers end with the reading, however it ends
        for standard, source in found:
            key = key_of(standard)
            if key in seen:
                raise DuplicateError.of(label_of(standard), seen[key], source)
            seen[key] = source
            yield standard
    if at_least_one and not seen:
        where = ", ".join(os.fspath(p) for p in paths) or "no path"
        raise ReadError("no standards found", source=where)


STDIN_NAME = "<stdin>"
"""What standard input is called in findings, unless ``--stdin-filename`` names it."""

_stdin: dict[str, str] = {}


def forget_stdin() -> None:
    """Forget the standard input read (a new command reads its own)."""
    _stdin.clear()


def stdin_text(name: str | None = None, *, limit: int | None = None) -> tuple[str, str]:
    """Standard input's text (read once, whatever asks for it again) and its name; more
    than the size limit (``limit``, else the default) is a :class:`ReadError`."""
    import sys

    from .io.files import decode, max_size

    source = name or STDIN_NAME
    if "text" not in _stdin:
        cap = max_size(limit)
        data = sys.stdin.buffer.read(cap + 1)
        if len(data) > cap:
            raise ReadError(
                f"standard input is over the size limit of {cap:,} bytes", source=source
            )
        _stdin["text"] = decode(data, source)
    return _stdin["text"], source


def _stdin_standards(max_size: int | None) -> Iterator[tuple[Standard, str]]:
    from .io.formats import input_format
    from .io.parse import parse_stream

    text, name = stdin_text(os.environ.get("CARENOS_STDIN_FILENAME"), limit=max_size)
    reader = input_format(name) or "yaml"
    if reader == "jsonl":
        lines = [line for line in text.splitlines() if line.strip()]
        documents = [d for line in lines for d in parse_stream(line, "json", name)]
    else:
        documents = parse_stream(text, "json" if reader == "json" else "yaml", name, bulk=True)
    for document in documents:
        yield to_standard(document), document.label


def bundled_path() -> Path:
    """The directory of the standards shipped inside the package."""
    from importlib import resources

    return Path(str(resources.files("carenos") / "data" / "standards"))


def bundled() -> Corpus:
    """The standards shipped with carenos (the seed standards of ``data/standards``), as a
    :class:`Corpus`: there in an installed wheel as in a clone."""
    return load_corpus(bundled_path())
