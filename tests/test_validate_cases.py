"""Data-driven validation cases: ``tests/cases/validate/<case>/`` holds an input file and
``expected.json``, the findings (code, line, column) written by hand. A case may name a
catalogue file of its folder (``"catalogue": "catalogue.yaml"``) for the CN4xx rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import carenos
from carenos.catalogue import load_catalogue

from .support.paths import CASES, ROOT

CASE_DIRS = sorted(p for p in (CASES / "validate").iterdir() if p.is_dir())
STANDARDS = sorted((ROOT / "data" / "standards").glob("*.yaml"))


def _inputs(case: Path) -> list[Path]:
    return sorted(p for p in case.iterdir() if p.name not in ("expected.json", "catalogue.yaml"))


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    (source,) = _inputs(case)
    catalogue = load_catalogue(case / expected["catalogue"]) if "catalogue" in expected else None
    report = carenos.validate(source, max_size=expected.get("max_size"), catalogue=catalogue)
    found = sorted((f.code, f.line or 0, f.column or 0) for f in report.findings)
    wanted = sorted((f["code"], f["line"] or 0, f["column"] or 0) for f in expected["findings"])
    assert found == wanted, "\n".join(
        f"{f.location}: {f.code} {f.message}" for f in report.findings
    )
    assert report.files == 1
    assert all(f.source == str(source) for f in report.findings)


def test_every_rule_has_a_case() -> None:
    covered = {name.split("-")[0].upper() for name in (p.name for p in CASE_DIRS)}
    # CN207 (two files) is tested in test_validate; the other stages' codes in their tests
    rules = {
        code
        for code, rule in carenos.rules.RULES.items()
        if rule.stage in ("read", "schema", "standard")
    }
    rules -= {"CN000"}  # beyond the limits: tests/hostile
    rules -= {"CN010"}  # suppression comments, applied by the command: test_validate_config
    assert rules <= covered, sorted(rules - covered)
    assert any(name.startswith("valid-") for name in (p.name for p in CASE_DIRS))


def test_the_committed_standards_are_there() -> None:
    assert [p.name for p in STANDARDS] == ["SCDHSC0393.yaml", "SCDHSC0429.yaml"]


@pytest.mark.parametrize("path", STANDARDS, ids=[p.name for p in STANDARDS])
def test_committed_standards_validate_clean(path: Path) -> None:
    report = carenos.validate(path, catalogue=load_catalogue())
    assert report.findings == (), "\n".join(
        f"{f.location}: {f.code} {f.message}" for f in report.findings
    )
