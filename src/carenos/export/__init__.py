"""Exports for data pipelines: JSON, JSON Lines, CSV, YAML and 1EdTech CASE 1.1, and back from CASE.

The ``to_*`` functions take any iterable of standards (a :class:`~carenos.Corpus`, a
list) and return text; the ``write_*`` functions write to a text handle as the
standards come, so that a stream (:func:`carenos.corpus.read_standards`) is never held
whole. Output is deterministic: the same standards give the same bytes. Each format is
one row of :data:`WRITERS` (the table in :mod:`carenos.io.formats`).
"""

from __future__ import annotations

from typing import IO, get_args

from ..catalogue import Catalogue
from ..io.formats import WRITERS, ExportFormat, output_function
from ..model import Standards
from ._output import ExportOptions, text_of, write_output
from .case import CaseOptions, case_package, to_case, write_case
from .case_import import from_case
from .csv import to_csv, write_csv
from .json import to_json, to_jsonl, write_json, write_jsonl
from .nosdb import to_nosdb, write_nosdb
from .yaml import to_yaml, write_yaml, write_yaml_files

__all__ = [
    "FORMATS",
    "WRITERS",
    "CaseOptions",
    "ExportFormat",
    "ExportOptions",
    "case_package",
    "from_case",
    "text_of",
    "to_case",
    "to_csv",
    "to_json",
    "to_jsonl",
    "to_nosdb",
    "to_yaml",
    "write",
    "write_case",
    "write_csv",
    "write_json",
    "write_jsonl",
    "write_nosdb",
    "write_output",
    "write_yaml",
    "write_yaml_files",
]

FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
"""The shipped export formats, in the order the command line lists them."""


def write(
    fmt: str,
    standards: Standards,
    handle: IO[str],
    *,
    catalogue: Catalogue | None = None,
    case: CaseOptions | None = None,
    bom: bool = False,
    jobs: int | None = None,
) -> None:
    """Write the standards to ``handle`` in ``fmt``, a row of :data:`WRITERS`.

    ``catalogue`` is used by the formats that link shared statements (``csv``, ``case``),
    ``case`` (the options) by ``case`` only, ``jobs`` (processes) by ``case`` and ``csv``.
    Streaming formats (``jsonl``, ``csv``) hold one standard at a time.
    """
    writer = output_function(WRITERS, fmt, "export")
    writer(standards, handle, ExportOptions(catalogue=catalogue, case=case, bom=bom, jobs=jobs))
