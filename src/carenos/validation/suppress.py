"""A run's config and its authors' suppressions applied to a report.

``# carenos: ignore[CN401]`` at the end of a line suppresses those codes' findings on that
line, and on a line of its own those on the next line, as yamllint's ``disable-line`` does
(``# carenos: ignore`` every code); ``# carenos: ignore-file[CN401]`` anywhere in a file
suppresses them in the whole file. A suppression that suppresses nothing is itself
reported (CN010), so that suppressions do not outlive what they were for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from attrs import evolve

from ..place import Place
from .config import Config
from .findings import Finding, Report, severity_of

__all__ = ["SUPPRESSION", "apply_config"]

SUPPRESSION = re.compile(
    r"#\s*carenos:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[A-Za-z0-9 ,]*)\])?"
)
"""A suppression comment: ``# carenos: ignore[CN401, CN301]`` or ``ignore-file[...]``."""


class _Suppression:
    def __init__(
        self, source: str, line: int, column: int, whole_file: bool, codes: list[str], target: int
    ) -> None:
        self.source, self.line, self.column = source, line, column
        self.whole_file, self.codes, self.target = whole_file, codes, target
        self.used: set[str] = set()

    def covers(self, finding: Finding) -> bool:
        if not self.whole_file and finding.line != self.target:
            return False
        matched = [c for c in self.codes if finding.code.startswith(c)] if self.codes else ["*"]
        self.used.update(matched)
        return bool(matched)

    def unused(self) -> list[str]:
        if not self.codes:
            return [] if self.used else ["any code"]
        return [code for code in self.codes if code not in self.used]


def _suppressions(source: str, text: str | None) -> list[_Suppression]:
    if text is None:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return []
    if "carenos:" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in SUPPRESSION.finditer(line):
            codes = [c.strip().upper() for c in (match["codes"] or "").split(",") if c.strip()]
            whole = match["kind"] == "ignore-file"
            alone = line.lstrip().startswith("#")  # a comment line: for the line below it
            target = number + 1 if alone and not whole else number
            found.append(_Suppression(source, number, match.start() + 1, whole, codes, target))
    return found


def apply_config(
    report: Report,
    config: Config,
    files: Iterable[str | Path] = (),
    texts: Mapping[str, str] | None = None,
) -> Report:
    """``report`` with the config's selection and severities and the files' suppressions
    applied, unused suppressions reported, and the config named. ``texts`` are the texts of
    sources not read from disk (standard input, by its name), whose comments count instead
    of those of a file of the same name."""
    texts = texts or {}
    sources = dict.fromkeys(
        [*(str(f) for f in files), *texts, *(f.source for f in report.findings)]
    )
    suppressions = {source: _suppressions(source, texts.get(source)) for source in sources}
    kept: list[Finding] = []
    for finding in report.findings:
        if not config.reports(finding.code, finding.source):
            continue
        if any(s.covers(finding) for s in suppressions.get(finding.source, [])):
            continue
        severity = config.severity.get(finding.code)
        kept.append(finding if severity is None else evolve(finding, severity=severity))
    for found in suppressions.values():
        for suppression in found:
            for code in suppression.unused():
                where = "in this file" if suppression.whole_file else "on this line"
                message = f"unused suppression: no {code} finding {where}"
                place = Place(suppression.source, suppression.line, suppression.column, None)
                unused = Finding("CN010", severity_of("CN010"), message, place)
                if config.reports("CN010", suppression.source):
                    kept.append(unused)
    strict = report.strict or config.warnings_as_errors
    return Report(tuple(kept), report.files, strict, config.source)
