"""Reporters: a :class:`~carenos.validation.Report` as text, JSON or GitHub annotations.

Each is one row of :data:`~carenos.io.formats.REPORTERS`.
"""

from __future__ import annotations

from ..io.formats import REPORTERS, output_function
from ..io.json import dump_json
from ..textnorm import plural
from .findings import Finding, Report

__all__ = ["render", "render_github", "render_json", "render_text", "summary"]


def summary(report: Report) -> str:
    """One line: how many files, errors and warnings."""
    files = plural(report.files, "file")
    if not report.findings:
        return f"{files} checked: no problems found."
    errors, warnings = len(report.errors), len(report.warnings)
    return f"{files} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}."


def _text_line(finding: Finding) -> str:
    return f"{finding.location}: {finding.severity} {finding.code} {finding.message}"


def render_text(report: Report) -> str:
    """yamllint-like lines ``file:line:col: severity CODE message``, then the summary."""
    lines = [_text_line(f) for f in report.findings]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    """The report as one indented JSON object (``schemas/report.schema.json``)."""
    return dump_json(report.to_dict())


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


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands, ``::error file=…,line=…,col=…,title=CODE::message``."""
    return "".join(_annotation(f) + "\n" for f in report.findings)


def render(report: Report, fmt: str = "text") -> str:
    """The report in the output format ``fmt``, a row of :data:`~carenos.io.formats.REPORTERS`."""
    text: str = output_function(REPORTERS, fmt, "report")(report)
    return text
