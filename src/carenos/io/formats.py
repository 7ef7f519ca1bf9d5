"""The tables of formats: what carenos reads, by suffix, and what it writes, by name.

This module imports nothing heavy, so the command line builds its choices from it at
start-up; each output table names the function that writes a format as
``"module:function"``, imported on first use. Adding a reader, an exporter, a reporter
or a map renderer is one module plus one row here; the ``Literal`` types below name the
shipped rows for type checkers, and a test keeps them, the tables, the command line and
the docs in agreement.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any, Literal

from attrs import frozen

__all__ = [
    "DIFF_FORMATS",
    "DOCUMENT_READERS",
    "OUTPUT_TABLES",
    "READERS",
    "RENDERERS",
    "REPORTERS",
    "RULE_FORMATS",
    "STANDARD_FILE_SUFFIXES",
    "SUFFIXES",
    "VIEW_FORMATS",
    "VIEW_SUFFIXES",
    "WRITERS",
    "DiffFormat",
    "DocumentFormat",
    "DocumentReader",
    "ExportFormat",
    "InputFormat",
    "MapFormat",
    "Output",
    "Reader",
    "ReportFormat",
    "RulesFormat",
    "document_kind",
    "input_format",
    "markdown",
    "output_function",
    "suffix_list",
]

DocumentFormat = Literal["yaml", "json"]
"""The text formats of one document (JSON is also read as YAML, of which it is a subset)."""

InputFormat = Literal["yaml", "json", "jsonl"]
"""The file formats carenos reads standards from."""

ExportFormat = Literal["json", "jsonl", "csv", "sqlite", "case", "badges", "yaml", "nosdb"]
"""The shipped rows of :data:`WRITERS`."""

ReportFormat = Literal["text", "json", "github"]
"""The shipped rows of :data:`REPORTERS`."""

MapFormat = Literal["table", "json", "csv", "matrix"]
"""The shipped rows of :data:`RENDERERS`."""

RulesFormat = Literal["text", "markdown", "json"]
"""The shipped rows of :data:`RULE_FORMATS`."""

DiffFormat = Literal["text", "json", "markdown", "csv"]
"""The shipped rows of :data:`DIFF_FORMATS`."""


@frozen
class Reader:
    """How a file format holds standards.

    ``document`` is how each document is parsed; ``per_line`` says each non-blank line
    is one document (JSON Lines: the size limit applies to a line, and findings name it);
    otherwise the file is one document, or a YAML stream of several.
    """

    suffixes: tuple[str, ...]
    document: DocumentFormat
    per_line: bool
    help: str


READERS: dict[InputFormat, Reader] = {
    "yaml": Reader((".yaml", ".yml"), "yaml", False, "one standard, or a stream (---) of several"),
    "json": Reader((".json",), "json", False, "one standard as a JSON object"),
    "jsonl": Reader((".jsonl",), "json", True, "JSON Lines: one standard a line"),
}
"""The input formats, by name."""

SUFFIXES: Mapping[str, InputFormat] = {
    suffix: name for name, reader in READERS.items() for suffix in reader.suffixes
}
"""Input format by file suffix (lower case, with the dot)."""

STANDARD_FILE_SUFFIXES: tuple[str, ...] = tuple(
    suffix for suffix, name in SUFFIXES.items() if not READERS[name].per_line
)
"""Suffixes of files named for the one standard they hold (``CODE.yaml``)."""


def input_format(path: str | os.PathLike[str]) -> InputFormat | None:
    """The input format of ``path`` from its suffix, or ``None`` if carenos does not read it."""
    return SUFFIXES.get(PurePath(path).suffix.lower())


def suffix_list(formats: tuple[InputFormat, ...] | None = None) -> str:
    """``*.yaml, *.yml, *.json, *.jsonl``: the suffixes of ``formats`` (default: all)."""
    return ", ".join(
        f"*{suffix}" for suffix, name in SUFFIXES.items() if formats is None or name in formats
    )


def _named(target: str) -> Callable[..., Any]:
    """The function ``"module:function"`` names, imported now."""
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


@frozen
class DocumentReader:
    """How ``carenos import`` reads a published document: its suffixes and its reader.

    ``target`` names a function ``(bytes, source) -> Document`` of
    :mod:`carenos.io.published`, imported on use (the libraries behind it are heavy).
    """

    suffixes: tuple[str, ...]
    target: str
    help: str

    def load(self) -> Callable[..., Any]:
        """The reader function named by ``target``."""
        return _named(self.target)


DOCUMENT_READERS: dict[str, DocumentReader] = {
    "text": DocumentReader(
        (".txt", ".text"),
        "carenos.io.published.text:read_text_document",
        "text: Word's or pdftotext's extract, a copied web page (UTF-8, UTF-16 or Windows-1252)",
    ),
    "html": DocumentReader(
        (".html", ".htm", ".xhtml"),
        "carenos.io.published.html:read_html_document",
        "a saved web page (NOS database, Skills for Health tools)",
    ),
    "docx": DocumentReader(
        (".docx",), "carenos.io.published.docx:read_docx_document", "a Word document"
    ),
    "pdf": DocumentReader(
        (".pdf",), "carenos.io.published.pdf:read_pdf_document", "a PDF with a text layer"
    ),
}
"""``carenos import``: the readers of published documents, by kind."""


def document_kind(path: str | os.PathLike[str]) -> str | None:
    """The kind of published document ``path`` is by its suffix, or ``None``."""
    suffix = PurePath(path).suffix.lower()
    for name, reader in DOCUMENT_READERS.items():
        if suffix in reader.suffixes:
            return name
    return None


@frozen
class Output:
    """One row of an output table: the function that writes it and a line of help.

    ``target`` is ``"module:function"``, imported by :meth:`load` when the format is
    used; ``needs_catalogue`` says the format includes shared-statement links.
    """

    target: str
    help: str
    needs_catalogue: bool = False

    def load(self) -> Callable[..., Any]:
        """The function named by ``target``."""
        return _named(self.target)


def output_function(table: Mapping[str, Output], name: str, what: str) -> Callable[..., Any]:
    """The function of the row ``name`` of ``table``; a :class:`UsageError` if there is none."""
    output = table.get(name)
    if output is None:
        from ..errors import UsageError

        raise UsageError(f"unknown {what} format {name!r}: use one of {', '.join(table)}")
    return output.load()


WRITERS: dict[str, Output] = {
    "json": Output("carenos.export.json:write_json", "an array of standards"),
    "jsonl": Output("carenos.export.json:write_jsonl", "JSON Lines: one standard a line"),
    "csv": Output("carenos.export.csv:write_csv", "one statement a row, with its shared id", True),
    "sqlite": Output(
        "carenos.export.sqlite:write_sqlite",
        "a SQLite database with a full-text index (--out FILE.db)",
        True,
    ),
    "case": Output("carenos.export.case:write_case", "a 1EdTech CASE 1.1 CFPackage", True),
    "badges": Output(
        "carenos.export.badges:write_badges",
        "Open Badges 3.0 achievements aligned to the CASE items",
        True,
    ),
    "yaml": Output("carenos.export.yaml:write_yaml", "a standard, or a stream of several"),
    "nosdb": Output("carenos.export.nosdb:write_nosdb", "UK NOS database records (27 fields)"),
}
"""``carenos export --format``: writers ``(standards, handle, ExportOptions) -> None``."""

REPORTERS: dict[str, Output] = {
    "text": Output(
        "carenos.validation.reporters:render_text", "file:line:col: severity CODE message"
    ),
    "json": Output("carenos.validation.reporters:render_json", "one JSON object (report schema)"),
    "github": Output("carenos.validation.reporters:render_github", "GitHub Actions annotations"),
}
"""``carenos validate --format``: reporters ``(Report) -> str``."""

RENDERERS: dict[str, Output] = {
    "table": Output("carenos.mapping.render:render_table", "shared statements and their links"),
    "json": Output("carenos.mapping.render:render_json", "the map as one JSON object"),
    "csv": Output("carenos.mapping.render:render_csv", "one link a row"),
    "matrix": Output(
        "carenos.mapping.render:render_matrix", "shared statements by standard and category"
    ),
}
"""``carenos map --format``: renderers ``(KnowledgeMap) -> str``."""

RULE_FORMATS: dict[str, Output] = {
    "text": Output("carenos.rules.render:render_text", "one line a rule"),
    "markdown": Output("carenos.rules.render:render_markdown", "the page docs/rules.md"),
    "json": Output("carenos.rules.render:render_json", "every rule with its why and fix"),
}
"""``carenos rules --format``: renderers ``(rules) -> str``."""

DIFF_FORMATS: dict[str, Output] = {
    "text": Output("carenos.revisions.render:render_text", "a review: per element, -/+ and ~"),
    "json": Output("carenos.revisions.render:render_json", "one object a pair (diff schema)"),
    "markdown": Output("carenos.revisions.render:render_markdown", "a pull request comment"),
    "csv": Output("carenos.revisions.render:render_csv", "one change a row: a mapping table"),
}
"""``carenos diff --format``: renderers ``(diffs, single) -> str``."""

VIEW_FORMATS: dict[str, Output] = {
    "html": Output("carenos.views.html:render_html", "a web page, as the NOS database shows it"),
    "docx": Output("carenos.views.docx:render_docx", "a Word document in Word's styles"),
    "markdown": Output("carenos.views.markdown:render_markdown", "Markdown, for review"),
}
"""``carenos render --format``: views ``(standard) -> str`` (``bytes`` for docx)."""

VIEW_SUFFIXES: Mapping[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".md": "markdown",
}
"""The view a ``--out`` suffix names, where ``--format`` is not given."""

OUTPUT_TABLES: tuple[tuple[str, Mapping[str, Output]], ...] = (
    ("carenos export --format", WRITERS),
    ("carenos validate --format", REPORTERS),
    ("carenos map --format", RENDERERS),
    ("carenos rules --format", RULE_FORMATS),
    ("carenos diff --format", DIFF_FORMATS),
    ("carenos render --format", VIEW_FORMATS),
)


def markdown() -> str:
    """The Markdown page of the tables (the committed ``docs/formats.md``)."""
    lines = [
        "# Formats",
        "",
        "<!-- Generated from the format tables (src/carenos/io/formats.py): do not edit by hand.",
        "     Regenerate with: carenos formats --format markdown > docs/formats.md -->",
        "",
        "## Read",
        "",
        "| format | suffixes | holds |",
        "| --- | --- | --- |",
    ]
    for name, reader in READERS.items():
        suffixes = ", ".join(f"`{s}`" for s in reader.suffixes)
        lines.append(f"| `{name}` | {suffixes} | {reader.help} |")
    lines += ["", "## `carenos import`", "", "| kind | suffixes | reads |", "| --- | --- | --- |"]
    for kind, document in DOCUMENT_READERS.items():
        suffixes = ", ".join(f"`{s}`" for s in document.suffixes)
        lines.append(f"| `{kind}` | {suffixes} | {document.help} |")
    for title, table in OUTPUT_TABLES:
        lines += ["", f"## `{title}`", "", "| format | writes |", "| --- | --- |"]
        lines += [f"| `{name}` | {output.help} |" for name, output in table.items()]
    return "\n".join(lines) + "\n"
