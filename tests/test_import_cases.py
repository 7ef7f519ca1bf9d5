"""Data-driven cases: each folder of ``tests/cases/import/`` is one published layout.

A folder holds ``source.*`` (the document, its layout reproduced from the real published
one named in ``case.yaml``'s ``url``, the statement texts rewritten), ``expected/CODE.yaml``
(each standard it must import to, written by hand) and ``case.yaml`` (``args`` for
``--code``/``--title``; ``outside``, the ``[line, text]`` pairs reported as not part of any
standard; ``errors``, the pairs the import must refuse as fitting nowhere).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import carenos
from carenos.export import text_of, write
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


REAL = [case for case in CASES_FOUND if (_yaml(case / "case.yaml") or {}).get("url")]
"""The cases reproduced from real published documents (the hand-made ones have no url)."""


@pytest.mark.parametrize("case", REAL, ids=lambda p: p.name)
def test_a_real_layout_validates_maps_and_exports(case: Path) -> None:
    meta = _yaml(case / "case.yaml")
    if meta.get("pending"):
        pytest.skip(f"pending (test_case says how it fails): {meta['pending']}")
    args = meta.get("args") or {}
    (source,) = case.glob("source.*")
    standards = list(imported(read_document(source), args.get("code"), args.get("title")).standards)
    for standard in standards:
        report = carenos.validate(standard)
        assert report.ok, [f"{f.code} {f.message}" for f in report.errors]
    kmap = carenos.map_knowledge(standards)
    assert set(kmap.coverage()) == {s.code for s in standards}
    for standard in standards:  # every knowledge item is in the map, shared or not
        shared = {ref for group in kmap.shared() for ref in group.refs}
        unshared = set(kmap.unshared(standard.code))
        assert {k.ref for k in standard.knowledge_items} <= shared | unshared
    for fmt in ("json", "jsonl", "csv", "case", "nosdb", "yaml"):
        text = text_of(functools.partial(write, fmt, standards))
        assert all(s.code in text for s in standards), fmt
    back = carenos.loads(text_of(functools.partial(write, "yaml", standards[:1])))
    assert back == standards[0]
