"""Reporters: a :class:`~carenos.validation.Report` as text, JSON or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal

from .validation import Finding, Report

__all__ = ["FORMATS", "ReportFormat", "format_report", "github", "json_text", "summary", "text"]

ReportFormat = Literal["text", "json", "github"]
"""The output formats of ``carenos validate``."""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(report: Report) -> str:
    """One line: how many files, errors and warnings."""
    files = _plural(report.files, "file")
    if not report.findings:
        return f"{files} checked: no problems found."
    errors, warnings = len(report.errors), len(report.warnings)
    return f"{files} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}."


def _text_line(finding: Finding) -> str:
    return f"{finding.location}: {finding.severity} {finding.code} {finding.message}"


def text(report: Report) -> str:
    """yamllint-like lines ``file:line:col: severity CODE message``, then the summary."""
    lines = [_text_line(f) for f in report.findings]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def json_text(report: Report) -> str:
    """The report as one indented JSON object (``schemas/report.schema.json``)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding) -> str:
    props = [f"file={_escape_property(finding.source)}"]
    if finding.line is not None:
        props.append(f"line={finding.line}")
        if finding.column is not None:
            props.append(f"col={finding.column}")
    props.append(f"title={finding.code}")
    return f"::{finding.severity} {','.join(props)}::{_escape_data(finding.message)}"


def github(report: Report) -> str:
    """GitHub Actions workflow commands, ``::error file=…,line=…,col=…,title=CODE::message``."""
    return "".join(_annotation(f) + "\n" for f in report.findings)


FORMATS: dict[str, Callable[[Report], str]] = {"text": text, "json": json_text, "github": github}
"""The reporters by format name."""


def format_report(report: Report, fmt: ReportFormat = "text") -> str:
    """The report in the output format ``fmt``."""
    return FORMATS[fmt](report)
