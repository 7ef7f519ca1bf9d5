"""The suite index reader copes with the dirt of real data and says what it repaired."""

from __future__ import annotations

import pytest

from carenos.errors import ReadError
from carenos.io.suite_index import parse_index, read_index

from .support.paths import SHARED

HEAD = "urn,title,developed_by,suite,relevant_occupations,validity,status,keywords,original_urn\n"


def test_repairs_and_warnings() -> None:
    index = parse_index(
        HEAD
        + 'SCDHSC00243, Support the safe use ,D,S1; S2;,,Current,,"a, b ,",HSC243\n'
        + "SCDHSC0243,Again,,,,,,,\n"
        + ",No code,,,,,,,\n",
        source="i.csv",
    )
    entry = index.get("SCDHSC0243")
    assert entry is not None
    assert entry.title == "Support the safe use"
    assert entry.metadata == {
        "developed_by": "D",
        "validity": "Current",
        "original_urn": "HSC243",
        "suites": ["S1", "S2"],
        "keywords": ["a", "b"],
    }
    assert index.warnings == (
        "i.csv:2: warning: code SCDHSC00243 read as SCDHSC0243",
        "i.csv:3: warning: SCDHSC0243 repeats line 2; row skipped",
        "i.csv:4: warning: row without a code skipped",
        "i.csv: warning: dropped 2 empty list parts (trailing or doubled separators)",
    )
    assert index.find_title("support the SAFE use") is entry


def test_not_an_index() -> None:
    with pytest.raises(ReadError, match="no column urn"):
        parse_index("code,name\nA1,b\n", source="x.csv")


def test_the_shared_suite_index() -> None:
    path = SHARED / "suite" / "scdhsc-index.csv"
    if not path.exists():
        pytest.skip(f"the suite index {path} is absent (../shared/suite/ not checked out)")
    index = read_index(path)
    assert index.get("SCDHSC0243") is not None
    assert index.get("SCDHSC00243") is None
    entry = index.get("SCDHSC0024")
    assert entry is not None
    assert entry.metadata["keywords"] == ["Prepare", "support", "care"]
    assert "status" not in entry.metadata
    assert any("SCDHSC00243" in w for w in index.warnings)
