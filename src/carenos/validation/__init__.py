"""Validation: read -> JSON Schema -> model -> semantic rules, gathered in a :class:`Report`.

Findings are data: bad content never raises, and one pass gathers every finding (see
:mod:`.pipeline` for the stages, :mod:`.findings` for the records, :mod:`.reporters`
for the output formats).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from ..catalogue import Catalogue, load_catalogue
from ..corpus import Corpus
from ..errors import CarenosError, ReadError
from ..io.formats import REPORTERS, STANDARD_FILE_SUFFIXES, SUFFIXES, DocumentFormat, suffix_list
from ..model import Standard
from ..rules.translation import Outline
from .findings import Finding, Report
from .pipeline import (
    Checked,
    check_data,
    check_standard,
    check_text,
    checked_files,
    duplicate_codes,
    files_of,
    locator_of,
    nowhere,
    translation_findings,
)
from .reporters import render, summary

__all__ = [
    "CORPUS_PARALLEL_FROM",
    "REPORTERS",
    "CatalogueChoice",
    "Finding",
    "Report",
    "render",
    "summary",
    "validate",
    "validate_corpus",
    "validate_paths",
    "validate_text",
]

CatalogueChoice = Catalogue | Literal["bundled"] | None
"""Which catalogue CN401 checks wording against: the shipped one, another, or none."""


def _catalogue(choice: CatalogueChoice) -> Catalogue | None:
    return load_catalogue() if choice == "bundled" else choice


def _looks_like_path(text: str) -> bool:
    """A text of one line that names a file: one that exists, has a suffix carenos reads,
    or reads as a path (``data/standardz``) rather than as a document, since no one line
    without a ``key: value`` or a JSON bracket is a standard."""
    if "\n" in text or not text.strip() or len(text) > 4096:
        return False
    path = Path(text)
    if path.suffix.lower() in SUFFIXES or path.exists():
        return True
    if text != text.strip():  # "0\t" is a YAML text; a path has no spaces around it
        return False
    return not (text[0] in "{[" or ": " in text or text.endswith(":"))


def validate(
    source: str | os.PathLike[str] | Mapping[str, Any] | Standard,
    *,
    fmt: DocumentFormat | None = None,
    name: str | None = None,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
) -> Report:
    """Validate one standard: a file or directory path, a YAML/JSON text, a dict or a model.

    Never raises for bad content: every problem is a :class:`Finding` of the returned
    :class:`Report`.

    Args:
        source: a path (``os.PathLike``, or a ``str`` of one line that exists, has a
            suffix carenos reads, or holds no ``key: value`` or JSON bracket, so that a
            mistyped path is "no such file"), else the text of a document (see
            :func:`validate_text`, which never guesses), a dict or a :class:`Standard`.
        fmt: the format of a text (default YAML, of which JSON is a subset; ``"json"``
            reads strict JSON).
        name: the source reported for texts, dicts and models.
        max_size: the size limit in bytes.
        catalogue: what CN401 compares shared wording with: the shipped catalogue by
            default, another, or ``None`` for no such check, as on the command line.
    """
    chosen = _catalogue(catalogue)
    if isinstance(source, Standard):
        found = check_standard(source, name or "<standard>", catalogue=chosen)
        return Report(tuple(found), files=1)
    if isinstance(source, Mapping):
        result = check_data(dict(source), name or "<dict>", catalogue=chosen)
        return Report(tuple(result.findings), files=1)
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and fmt is None and name is None and _looks_like_path(source)
    ):
        return validate_paths([source], max_size=max_size, catalogue=chosen)
    if isinstance(source, str):
        return validate_text(
            source, fmt=fmt or "yaml", name=name, max_size=max_size, catalogue=chosen
        )
    raise TypeError(
        f"cannot validate a {type(source).__name__}: give a path, text, dict or Standard"
    )


def validate_text(
    text: str,
    *,
    fmt: DocumentFormat = "yaml",
    name: str | None = None,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
) -> Report:
    """Validate the text of a document (or of a YAML stream of several), as :func:`validate`."""
    results = check_text(
        text, fmt, name or "<string>", limit=max_size, catalogue=_catalogue(catalogue)
    )
    return Report(tuple(f for result in results for f in result.findings), files=1)


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
    on_file: Callable[[Path], None] | None = None,
    jobs: int | None = None,
) -> Report:
    """Validate files and directories (their ``*.yaml``/``*.yml``/``*.json``) as one corpus.

    Besides each document's findings, a code used twice is a CN207 finding. A line of
    JSON Lines is one JSON document; its findings name the line. ``catalogue`` is as
    for :func:`validate`; ``on_file`` is called with each file checked (a progress bar).
    With ``jobs`` above 1 (default: :data:`~carenos.corpus.READ_OPTIONS`', 1 unless the
    command line's ``--jobs`` set it), that many processes check the files where they
    are many; the corpus stage (CN207, CN208) runs here; the report is the same.
    """
    from ..corpus import read_jobs

    chosen = _catalogue(catalogue)
    paths = list(paths)
    jobs = read_jobs(jobs)
    files, findings = files_of(p for p in paths if os.fspath(p) != "-")
    results: list[Checked] = []
    for file, checked in checked_files(files, limit=max_size, catalogue=chosen, jobs=jobs):
        results += checked
        if on_file is not None:  # progress: one file done
            on_file(file)
    if any(os.fspath(p) == "-" for p in paths):  # standard input, named by --stdin-filename
        from ..corpus import STDIN_NAME, stdin_text
        from ..io.formats import input_format

        name = os.environ.get("CARENOS_STDIN_FILENAME") or STDIN_NAME
        try:
            text, name = stdin_text(name, limit=max_size)
        except CarenosError as error:
            findings.append(Finding.of_error(error, name))
        else:
            fmt: DocumentFormat = "json" if input_format(name) == "json" else "yaml"
            stdin = check_text(text, fmt, name, limit=max_size, catalogue=chosen)
            results += [Checked.of(result) for result in stdin]
        files.append(Path(name))
    if not files and not findings:
        where = ", ".join(os.fspath(p) for p in paths) or "no path"
        missing = ReadError(f"no standard files ({suffix_list()}) found", source=where)
        findings.append(Finding.of_error(missing, where))
    for result in results:
        findings.extend(result.findings)
    findings.extend(duplicate_codes(results))
    findings.extend(
        translation_findings(
            (r.outline, r.document.source, locator_of(r.document))
            for r in results
            if r.outline is not None and r.document is not None
        )
    )
    return Report(tuple(findings), files=len(files))


CORPUS_PARALLEL_FROM = 500
"""Standards of a loaded corpus a worker process is worth (forking costs a few tens of ms)."""


def validate_corpus(
    corpus: Corpus | str | os.PathLike[str],
    *,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
    jobs: int | None = None,
) -> Report:
    """Validate a directory of standards, or the standards of a loaded :class:`Corpus`.

    A loaded corpus has no positions (its codes are unique by construction), so only the
    semantic rules run, with findings at JSON pointers. With ``jobs`` above 1 (default as
    for :func:`validate_paths`), a large corpus is checked by that many forked processes,
    each given a run of its standards; the report is the same.
    """
    if not isinstance(corpus, Corpus):
        return validate_paths([corpus], max_size=max_size, catalogue=catalogue, jobs=jobs)
    from .._pool import over_ranges
    from ..corpus import read_jobs

    chosen = _catalogue(catalogue)
    standards = list(corpus)
    sources = Counter(corpus.source_of(s.code, s.language) for s in standards)

    def check(start: int, stop: int) -> list[Finding]:
        found: list[Finding] = []
        for standard in standards[start:stop]:
            source = corpus.source_of(standard.code, standard.language)
            # CN206 names a file for one standard; a stream of several is named for none
            single = sources[source] == 1
            named = single and Path(source).suffix.lower() in STANDARD_FILE_SUFFIXES
            file = Path(source) if named else None
            found.extend(check_standard(standard, source, file=file, catalogue=chosen))
        return found

    runs = over_ranges(check, len(standards), read_jobs(jobs), least=CORPUS_PARALLEL_FROM)
    findings = [finding for run in runs for finding in run]
    findings.extend(
        translation_findings(
            (Outline.of(s), corpus.source_of(s.code, s.language), nowhere) for s in corpus
        )
    )
    return Report(tuple(findings), files=len(corpus))
