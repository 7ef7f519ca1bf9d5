"""Exports for data pipelines: JSON, JSON Lines, CSV, YAML and 1EdTech CASE 1.1, and back from CASE.

The ``to_*`` functions take any iterable of standards (a :class:`~carenos.Corpus`, a
list) and return text; ``write_jsonl`` and ``write_csv`` write to a text handle as the
standards come, so that a stream (:func:`read_standards`) is never held whole.
Output is deterministic: the same standards give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Literal

from ..catalogue import Catalogue
from ..model import Standard
from .base import read_standards, text_of, write_output
from .case import CaseOptions, case_package, to_case
from .case_import import from_case
from .csv import to_csv, write_csv
from .jsonl import to_json, to_jsonl, write_jsonl
from .yaml import to_yaml, write_yaml_files

__all__ = [
    "FORMATS",
    "CaseOptions",
    "ExportFormat",
    "case_package",
    "from_case",
    "read_standards",
    "text_of",
    "to_case",
    "to_csv",
    "to_json",
    "to_jsonl",
    "to_yaml",
    "write",
    "write_csv",
    "write_jsonl",
    "write_output",
    "write_yaml_files",
]

ExportFormat = Literal["json", "jsonl", "csv", "case", "yaml"]
"""The export formats."""

FORMATS: tuple[ExportFormat, ...] = ("json", "jsonl", "csv", "case", "yaml")
"""The export formats, in the order the command line lists them."""


def write(
    fmt: ExportFormat,
    standards: Iterable[Standard],
    handle: IO[str],
    *,
    catalogue: Catalogue | None = None,
    case: CaseOptions | None = None,
) -> None:
    """Write the standards to ``handle`` in ``fmt`` (streaming for ``jsonl`` and ``csv``).

    ``catalogue`` is used by ``csv`` and ``case``, ``case`` (the options) by ``case`` only.
    """
    if fmt == "jsonl":
        write_jsonl(standards, handle)
    elif fmt == "csv":
        write_csv(standards, handle, catalogue=catalogue)
    elif fmt == "json":
        handle.write(to_json(standards))
    elif fmt == "yaml":
        handle.write(to_yaml(standards))
    else:
        handle.write(to_case(standards, case, catalogue=catalogue))
