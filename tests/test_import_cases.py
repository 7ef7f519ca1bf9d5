"""Data-driven cases: ``tests/cases/import/<case>.txt`` imports to ``<case>.yaml``.

The YAML is either the expected standard (written by hand) or ``error_lines``: the
``[line, text]`` pairs the import must name as fitting nowhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

import carenos
from carenos.io.nos_text import UnaccountedLinesError

from .support.paths import CASES

CASE_DIR = CASES / "import"
CASE_FILES = sorted(CASE_DIR.glob("*.txt"))


def test_there_are_cases() -> None:
    assert len(CASE_FILES) >= 2


@pytest.mark.parametrize("source", CASE_FILES, ids=lambda p: p.stem)
def test_case(source: Path) -> None:
    expected = YAML(typ="safe").load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    text = source.read_bytes().decode("utf-8")
    if "error_lines" in expected:
        with pytest.raises(UnaccountedLinesError) as caught:
            carenos.import_text(text, "X1", "T", source=str(source))
        assert [list(pair) for pair in caught.value.lines] == expected["error_lines"]
        assert caught.value.source == str(source)
    else:
        assert carenos.to_dict(carenos.import_text(text)) == expected
