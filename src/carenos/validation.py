"""Validation: read -> JSON Schema -> model -> semantic rules, gathered in a :class:`Report`.

Findings are data: bad content never raises, and one pass gathers every finding. The
JSON Schema runs only for documents that the converter rejects (the converter is exactly
as strict as the schema), so that a valid corpus costs a parse, a conversion and the
rules; positions are worked out only for documents that have findings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import field, frozen

from .catalogue import Catalogue, load_catalogue
from .convert import _json_kind, from_dict
from .corpus import STANDARD_SUFFIXES, Corpus, standard_files
from .documents import Format, ParsedDocument, parse, parse_stream
from .errors import CarenosError, ContentError, DuplicateKeyError
from .io.files import max_size, read_lines, read_text
from .io.positions import Positions, pointer_join
from .io.yaml import parse_yaml
from .model import Standard
from .rules import RULES, RuleContext, Severity, run_rules

__all__ = ["Finding", "Report", "validate", "validate_corpus", "validate_paths"]


@frozen
class Finding:
    """One problem found: its stable ``code``, ``severity``, message and where it is.

    ``line`` and ``column`` are 1-based and ``None`` where unknown; ``path`` is the JSON
    pointer of the value concerned (``None`` when the finding is about the file as a whole).
    """

    code: str
    severity: Severity
    message: str
    source: str
    line: int | None = None
    column: int | None = None
    path: str | None = None

    @property
    def location(self) -> str:
        """``source:line:column`` with the parts that are known."""
        parts = [self.source]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the finding (the items of ``schemas/report.schema.json``)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "path": self.path,
        }


def _sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    return (
        finding.source,
        finding.line or 0,
        finding.column or 0,
        finding.code,
        finding.message,
    )


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=_sort_key))


@frozen
class Report:
    """The findings of validating ``files`` documents, sorted by source, line and column."""

    findings: tuple[Finding, ...] = field(default=(), converter=_sorted)
    files: int = 0

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return tuple(f for f in self.findings if f.severity == "warning")

    def passed(self, *, strict: bool = False) -> bool:
        """True when there is no error (and, with ``strict``, no warning either)."""
        return not self.findings if strict else self.ok

    def to_dict(self) -> dict[str, Any]:
        """``{"ok", "files", "findings"}``, the shape of ``schemas/report.schema.json``."""
        return {
            "ok": self.ok,
            "files": self.files,
            "findings": [f.to_dict() for f in self.findings],
        }


# --- findings from errors and hits ------------------------------------------------------


def _severity(code: str) -> Severity:
    entry = RULES.get(code)
    return "error" if entry is None else entry.severity


def _from_error(error: CarenosError, source: str) -> Finding:
    return Finding(
        error.code,
        _severity(error.code),
        error.message,
        error.source or source,
        error.line,
        error.column,
        error.path,
    )


class _Where:
    """Positions of one document, worked out only when a finding needs them."""

    def __init__(self, document: ParsedDocument | None) -> None:
        self._document = document
        self._positions: Positions | None = None

    def __call__(self, pointer: str, key: bool = False) -> tuple[int | None, int | None]:
        document = self._document
        if document is None:
            return None, None
        if self._positions is None:
            if document.yaml_positions is not None or document.format == "json":
                self._positions = document.positions
            else:  # read with the fast parser: read again with it, keeping positions
                try:
                    parsed = parse_yaml(document.text, document.source, fast=True)
                    self._positions = parsed.positions
                except CarenosError:  # pragma: no cover - it read the same text before
                    self._positions = Positions()
        return self._positions.of(pointer, key=key)

    def value(self, pointer: str) -> tuple[int | None, int | None]:
        """Position of the value at ``pointer`` (the rules' ``locate``)."""
        return self(pointer)


def _at(
    code: str, message: str, source: str, where: _Where, pointer: str, key: bool = False
) -> Finding:
    line, column = where(pointer, key)
    return Finding(code, _severity(code), message, source, line, column, pointer)


# --- the JSON Schema stage ---------------------------------------------------------------

_MAX_SHOWN = 60


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _schema_findings(
    data: Any, error: ContentError, source: str, where: _Where
) -> Iterator[Finding]:
    """Every JSON Schema error of ``data`` as a CN100 finding at the most specific place."""
    from .schema import validator  # only for documents that fail: keeps jsonschema lazy

    found = False
    for problem in validator().iter_errors(data):
        found = True
        keyword = str(problem.validator)
        pointer = ""
        for part in problem.absolute_path:
            pointer = pointer_join(pointer, part)
        shown = pointer or "/"
        if keyword == "additionalProperties" and isinstance(problem.instance, dict):
            allowed = (
                problem.schema.get("properties", {}) if isinstance(problem.schema, dict) else {}
            )
            for key in problem.instance:
                if key not in allowed:
                    yield _at(
                        "CN100",
                        f"additionalProperties: unknown key {_shown(key)} in {shown}",
                        source,
                        where,
                        pointer_join(pointer, key),
                        key=True,
                    )
            continue
        if keyword == "type":
            message = (
                f"type: {shown} should be {problem.validator_value}, "
                f"not {_json_kind(problem.instance)}"
            )
        elif keyword == "minLength":
            message = f"minLength: {shown} must not be empty"
        elif keyword == "maxLength":
            message = (
                f"maxLength: {shown} is {len(problem.instance):,} characters long, "
                f"over the limit of {problem.validator_value:,}"
            )
        elif keyword == "pattern":
            message = (
                f"pattern: {_shown(problem.instance)} at {shown} does not match "
                f"{problem.validator_value}"
            )
        elif keyword == "required":
            message = f"required: {problem.message} in {shown}"
        else:  # pragma: no cover - the standard schema uses only the keywords above
            message = f"{keyword}: {_shown(problem.message)} at {shown}"
        yield _at("CN100", message, source, where, pointer)
    if not found:  # the converter found what the schema does not say: report its problems
        for pointer, message in error.problems or (("", error.message),):
            yield _at("CN100", message, source, where, pointer)


# --- one document -----------------------------------------------------------------------


@frozen
class _Outcome:
    findings: list[Finding]
    standard: Standard | None = None
    where: _Where | None = None
    line: int | None = None  # the line of a JSON Lines document; None for a whole file


def _check_data(
    data: Any,
    source: str,
    where: _Where,
    file: Path | None,
    extras: Mapping[str, Any],
) -> _Outcome:
    if data is None:
        return _Outcome([Finding("CN100", "error", "the document is empty", source, 1, 1, "")])
    try:
        standard = from_dict(data, source=source)
    except ContentError as error:
        return _Outcome(list(_schema_findings(data, error, source, where)))
    return _Outcome(_check_standard(standard, source, where, file, extras), standard, where)


def _check_standard(
    standard: Standard,
    source: str,
    where: _Where,
    file: Path | None,
    extras: Mapping[str, Any],
) -> list[Finding]:
    context = RuleContext(standard, source, file, where.value, extras)
    return [
        _at(entry.code, hit.message, source, where, hit.pointer, hit.key)
        for entry, hit in run_rules(context)
    ]


def _parse(text: str, fmt: Format, source: str) -> list[ParsedDocument]:
    if fmt == "json":
        try:
            return [parse(text, "json", source)]
        except DuplicateKeyError as error:
            try:  # JSON is YAML: read it as such to gather every duplicate key
                document = parse(text, "yaml", source)
            except CarenosError:
                raise error from None
            if not document.problems:
                raise error from None
            return [document]
    fast = "&" not in text  # the C parser does not keep anchor names
    documents = parse_stream(text, "yaml", source, fast=fast)
    if fast and any(document.problems for document in documents):
        documents = parse_stream(text, "yaml", source)
    return documents


def _check_text(
    text: str,
    fmt: Format,
    source: str,
    file: Path | None,
    limit: int | None,
    extras: Mapping[str, Any],
) -> list[_Outcome]:
    """An outcome for each document of the text (a YAML stream may hold several)."""
    cap = max_size(limit)
    if len(text) > cap and len(text.encode("utf-8", "surrogatepass")) > cap:
        message = f"text is over the size limit of {cap:,} bytes"
        return [_Outcome([Finding("CN004", "error", message, source)])]
    try:
        documents = _parse(text, fmt, source)
    except CarenosError as error:
        return [_Outcome([_from_error(error, source)])]
    named = file if len(documents) == 1 else None  # a stream is not named for one code
    outcomes = []
    for document in documents:
        problems = [_from_error(problem, source) for problem in document.problems]
        outcome = _check_data(document.data, source, _Where(document), named, extras)
        outcomes.append(_Outcome(problems + outcome.findings, outcome.standard, outcome.where))
    return outcomes


def _check_file(path: Path, limit: int | None, extras: Mapping[str, Any]) -> list[_Outcome]:
    source = str(path)
    try:
        text = read_text(path, limit=limit)
    except CarenosError as error:
        return [_Outcome([_from_error(error, source)])]
    fmt: Format = "json" if path.suffix.lower() == ".json" else "yaml"
    return _check_text(text, fmt, source, path, limit, extras)


def _shifted(findings: Iterable[Finding], line: int) -> list[Finding]:
    """Findings of a document that starts at ``line`` of its file (one line of JSON Lines)."""
    return [attrs.evolve(f, line=line + (f.line or 1) - 1) for f in findings]


def _check_jsonl(path: Path, limit: int | None, extras: Mapping[str, Any]) -> list[_Outcome]:
    """Each line of a JSON Lines file as a JSON document (the size limit is per line)."""
    source = str(path)
    outcomes: list[_Outcome] = []
    try:
        for number, text in read_lines(path, limit=limit):
            if isinstance(text, CarenosError):
                outcomes.append(_Outcome([_from_error(text, source)]))
                continue
            (outcome,) = _check_text(text, "json", source, None, limit, extras)
            found = _shifted(outcome.findings, number)
            outcomes.append(_Outcome(found, outcome.standard, outcome.where, number))
    except CarenosError:
        return _check_file(path, limit, extras)  # says why it cannot be read
    return outcomes


def _duplicate_codes(outcomes: Iterable[tuple[str, _Outcome]]) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for source, outcome in outcomes:
        if outcome.standard is None or outcome.where is None:
            continue
        code = outcome.standard.code
        label = source if outcome.line is None else f"{source}:{outcome.line}"
        if code in first:
            message = f"standard {code} is also in {first[code]}"
            finding = _at("CN207", message, source, outcome.where, "/code")
            yield finding if outcome.line is None else _shifted([finding], outcome.line)[0]
        else:
            first[code] = label


# --- the public entry points ------------------------------------------------------------


def _looks_like_path(text: str) -> bool:
    if "\n" in text or not text.strip() or len(text) > 4096:
        return False
    path = Path(text)
    return path.suffix.lower() in (*STANDARD_SUFFIXES, ".jsonl") or path.exists()


CatalogueChoice = Catalogue | Literal["bundled"] | None
"""Which catalogue CN401 checks wording against: the shipped one, another, or none."""


def _context(extras: Mapping[str, Any] | None, catalogue: CatalogueChoice) -> dict[str, Any]:
    context = dict(extras or {})
    if "catalogue" not in context and catalogue is not None:
        context["catalogue"] = load_catalogue() if catalogue == "bundled" else catalogue
    return context


def validate(
    source: str | os.PathLike[str] | Mapping[str, Any] | Standard,
    *,
    fmt: Format | None = None,
    name: str | None = None,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
    extras: Mapping[str, Any] | None = None,
) -> Report:
    """Validate one standard: a file or directory path, a YAML/JSON text, a dict or a model.

    A ``str`` is a path when it is one line naming a ``.yaml``/``.yml``/``.json`` file or
    an existing file or directory; otherwise it is the text of a document, read as
    ``fmt`` (default YAML, of which JSON is a subset; ``"json"`` reads strict JSON).
    ``name`` is the source reported for texts, dicts and models; ``max_size`` is the
    size limit in bytes; ``catalogue`` is what CN401 compares shared wording with (the
    shipped catalogue by default, ``None`` for no such check), as on the command line;
    ``extras`` is more context for rules that ask for it. Never raises for bad content:
    every problem is a :class:`Finding` of the returned :class:`Report`.
    """
    context = _context(extras, catalogue)
    if isinstance(source, Standard):
        where = _Where(None)
        label = name or "<standard>"
        return Report(tuple(_check_standard(source, label, where, None, context)), files=1)
    if isinstance(source, Mapping):
        label = name or "<dict>"
        data = dict(source)
        return Report(tuple(_check_data(data, label, _Where(None), None, context).findings), 1)
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and fmt is None and name is None and _looks_like_path(source)
    ):
        return validate_paths([source], max_size=max_size, catalogue=None, extras=context)
    if isinstance(source, str):
        outcomes = _check_text(source, fmt or "yaml", name or "<string>", None, max_size, context)
        return Report(tuple(f for outcome in outcomes for f in outcome.findings), files=1)
    raise TypeError(
        f"cannot validate a {type(source).__name__}: give a path, text, dict or Standard"
    )


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
    extras: Mapping[str, Any] | None = None,
) -> Report:
    """Validate files, directories (their ``*.yaml``/``*.yml``/``*.json``) and ``.jsonl`` files.

    They are one corpus: besides each document's findings, a code used twice is a CN207
    finding. A line of JSON Lines is one JSON document; its findings name the line.
    ``catalogue`` and ``extras`` are as for :func:`validate`.
    """
    context = _context(extras, catalogue)
    files: list[Path] = []
    findings: list[Finding] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                files.extend(standard_files(path))
            except CarenosError as error:
                findings.append(_from_error(error, str(path)))
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))
    outcomes = [
        (str(file), outcome)
        for file in unique
        for outcome in (
            _check_jsonl(file, max_size, context)
            if file.suffix.lower() == ".jsonl"
            else _check_file(file, max_size, context)
        )
    ]
    for _, outcome in outcomes:
        findings.extend(outcome.findings)
    findings.extend(_duplicate_codes(outcomes))
    return Report(tuple(findings), files=len(unique))


def validate_corpus(
    corpus: Corpus | str | os.PathLike[str],
    *,
    max_size: int | None = None,
    catalogue: CatalogueChoice = "bundled",
    extras: Mapping[str, Any] | None = None,
) -> Report:
    """Validate a directory of standards, or the standards of a loaded :class:`Corpus`.

    A loaded corpus has no positions (its codes are unique by construction), so only the
    semantic rules run, with findings at JSON pointers.
    """
    if not isinstance(corpus, Corpus):
        return validate_paths([corpus], max_size=max_size, catalogue=catalogue, extras=extras)
    context = _context(extras, catalogue)
    findings: list[Finding] = []
    for standard in corpus:
        source = corpus.source_of(standard.code)
        file = Path(source) if Path(source).suffix.lower() in STANDARD_SUFFIXES else None
        findings.extend(_check_standard(standard, source, _Where(None), file, context))
    return Report(tuple(findings), files=len(corpus))
