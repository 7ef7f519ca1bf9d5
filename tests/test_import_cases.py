"""Data-driven cases: each folder of ``tests/cases/import/`` is one published layout.

A folder holds ``source.*`` (the document, its layout reproduced from the real published
one named in ``case.yaml``'s ``url``, the statement texts rewritten), ``expected/CODE.yaml``
(each standard it must import to, written by hand) and ``case.yaml`` (``args`` for
``--code``/``--title``; ``outside``, the ``[line, text]`` pairs reported as not part of any
standard; ``errors``, the pairs the import must refuse as fitting nowhere).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import carenos
from carenos.importer import UnaccountedLinesError, imported
from carenos.io.published import read_document

from .support.paths import CASES

CASE_DIR = CASES / "import"
CASES_FOUND = sorted(path for path in CASE_DIR.iterdir() if path.is_dir())


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _param(case: Path) -> Any:
    """A case; one whose ``case.yaml`` says ``pending: why`` must still fail (strict xfail)."""
    pending = _yaml(case / "case.yaml").get("pending")
    marks = [pytest.mark.xfail(strict=True, reason=pending)] if pending else []
    return pytest.param(case, marks=marks, id=case.name)


def test_there_are_cases_of_a_dozen_layouts() -> None:
    assert len(CASES_FOUND) >= 14
    for case in CASES_FOUND:
        assert len(list(case.glob("source.*"))) == 1, case
        assert (case / "case.yaml").is_file(), case


@pytest.mark.parametrize("case", [_param(case) for case in CASES_FOUND])
def test_case(case: Path) -> None:
    meta = _yaml(case / "case.yaml")
    args = meta.get("args") or {}
    (source,) = case.glob("source.*")
    document = read_document(source)
    if meta.get("errors"):
        with pytest.raises(UnaccountedLinesError) as caught:
            imported(document, args.get("code"), args.get("title"))
        assert [list(pair) for pair in caught.value.lines] == meta["errors"]
        assert caught.value.source == str(source)
        return
    result = imported(document, args.get("code"), args.get("title"))
    expected = {path.stem: _yaml(path) for path in sorted((case / "expected").glob("*.yaml"))}
    got = {standard.code: carenos.to_dict(standard) for standard in result.standards}
    assert got == expected
    assert [list(pair) for pair in result.result.outside] == meta.get("outside", [])
    lines = document.lines
    assert sorted(result.result.account) == list(range(1, len(lines) + 1))
    for number, line in enumerate(lines, start=1):
        entry = result.result.account[number]
        if line.text.strip():
            assert entry.role not in ("blank", "unaccounted"), (number, line.text, entry)
