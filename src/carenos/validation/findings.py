"""Findings and the report that gathers them: the data a validation hands to its reporters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from ..errors import CarenosError
from ..place import Hit, Locate, Place, Placed
from ..rules import RULES, Severity

__all__ = ["Finding", "Report", "severity_of"]


def severity_of(code: str) -> Severity:
    """The catalogue's severity of ``code`` (``error`` for a code it does not know)."""
    entry = RULES.get(code)
    return "error" if entry is None else entry.severity


@frozen
class Finding(Placed):
    """One problem found: its stable ``code``, ``severity``, message and :class:`Place`.

    ``source``, ``line``, ``column`` and ``pointer`` read the place: line and column are
    1-based and ``None`` where unknown; the pointer is the JSON pointer of the value
    concerned (``None`` when the finding is about the file as a whole).
    """

    code: str
    severity: Severity
    message: str
    place: Place
    details: Mapping[str, Any] | None = field(default=None, eq=False)
    """What tools may read beside the message (CN401: ``entry``, ``expected``, ``score``)."""

    @classmethod
    def of_error(cls, error: CarenosError, source: str) -> Finding:
        """The finding of an error (at its own place; ``source`` if it names none)."""
        place = error.place if error.source else error.place.at_source(source)
        return cls(error.code, severity_of(error.code), error.message, place)

    @classmethod
    def of_hit(cls, code: str, hit: Hit, source: str, locate: Locate | None = None) -> Finding:
        """The finding of a hit in the document read from ``source``, located by ``locate``."""
        line, column = (None, None) if locate is None else locate(hit.pointer, hit.at_key)
        place = Place(source, line, column, hit.pointer, hit.at_key)
        return cls(code, severity_of(code), hit.message, place, hit.details)

    @property
    def source(self) -> str:
        """The file (or ``"<string>"``, ``"<dict>"``) the finding is about."""
        return self.place.source or "<input>"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the items of ``schemas/report.schema.json``; ``path`` is the pointer)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "path": self.pointer,
            **({"details": dict(self.details)} if self.details else {}),
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
    strict: bool = False
    """Warnings fail the run too (``--strict``, ``--warnings-as-errors``, the config's
    ``warnings-as-errors``): :attr:`ok` then needs no finding at all."""
    config: str | None = None
    """The config file the run used, if any."""

    @property
    def ok(self) -> bool:
        """True when the run passes: no error (and, when :attr:`strict`, no warning either);
        what the exit code of ``carenos validate`` follows."""
        return self.passed(strict=self.strict)

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
        if strict:
            return not self.findings
        return not any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """``{"ok", "files", "config", "findings"}``: ``schemas/report.schema.json``."""
        return {
            "ok": self.ok,
            "files": self.files,
            "config": self.config,
            "findings": [f.to_dict() for f in self.findings],
        }
