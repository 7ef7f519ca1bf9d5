"""Data-driven cases: each folder of ``tests/cases/diff/`` is two versions and what changed.

A folder holds ``old.yaml`` and ``new.yaml`` (or ``old/`` and ``new/`` directories, or one
``corpus/`` holding a Legacy standard and its successor) and ``expected.yaml``, written by
hand from the edits made: the ``verdict``; ``changes``, every statement change other than
unchanged and renumbered as ``[kind, old, new]`` (local ids; lists for split and merged;
null for the side added or removed has not); optionally ``counts`` (every kind, including
unchanged and renumbered) and ``other`` (the changes of titles, lists and fields as
``[part, kind]``, unchanged and renumbered left out; checked where given). Each case runs
through ``carenos diff --format json``, whose output must also match the diff schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from carenos.schema import validator

from .support.cli import Cli
from .support.paths import CASES

CASE_DIR = CASES / "diff"
CASES_FOUND = sorted(path for path in CASE_DIR.iterdir() if path.is_dir())
QUIET = {"unchanged", "renumbered"}


def _local(ref: Any) -> Any:
    if isinstance(ref, list):
        return [_local(r) for r in ref]
    return None if ref is None else ref.rpartition("/")[2]


def _arguments(case: Path) -> list[str]:
    if (case / "corpus").is_dir():
        return [str(case / "corpus")]
    suffix = "" if (case / "old").is_dir() else ".yaml"
    return [str(case / f"old{suffix}"), str(case / f"new{suffix}")]


def _check_pair(got: dict[str, Any], expected: dict[str, Any]) -> None:
    for key in ("old", "new"):
        if key in expected:
            assert got[key] == expected[key]
    assert got["verdict"] == expected["verdict"], got["reason"]
    statements = [c for c in got["changes"] if c["part"] in ("criterion", "knowledge")]
    if "changes" in expected:
        found = [
            [c["kind"], _local(c["old"]), _local(c["new"])]
            for c in statements
            if c["kind"] not in QUIET
        ]
        assert sorted(map(repr, found)) == sorted(map(repr, expected["changes"]))
    if "counts" in expected:
        assert got["counts"] == expected["counts"]
    if "other" in expected:
        others = [
            [c["part"], c["kind"]]
            for c in got["changes"]
            if c["part"] not in ("criterion", "knowledge") and c["kind"] not in QUIET
        ]
        assert sorted(others) == sorted(expected["other"])


def test_there_are_cases_of_every_kind() -> None:
    kinds: set[str] = set()
    for case in CASES_FOUND:
        expected = YAML(typ="safe").load((case / "expected.yaml").read_text(encoding="utf-8"))
        for pair in expected.get("pairs", [expected]):
            kinds.update(change[0] for change in pair.get("changes", []))
            kinds.update(pair.get("counts", {}))
    assert kinds == {
        "unchanged", "renumbered", "moved", "editorial", "reworded", "added", "removed",
        "split", "merged",
    }  # fmt: skip


@pytest.mark.parametrize("case", CASES_FOUND, ids=[case.name for case in CASES_FOUND])
def test_case(case: Path, cli: Cli) -> None:
    import json

    expected = YAML(typ="safe").load((case / "expected.yaml").read_text(encoding="utf-8"))
    result = cli("diff", "--format", "json", *_arguments(case))
    got = json.loads(result.output)
    validator("diff").validate(got)
    pairs = expected.get("pairs")
    if pairs is None:
        assert isinstance(got, dict)
        _check_pair(got, expected)
        verdicts = [expected["verdict"]]
    else:
        assert isinstance(got, list)
        assert len(got) == len(pairs)
        for one, want in zip(got, pairs, strict=True):
            _check_pair(one, want)
        verdicts = [pair["verdict"] for pair in pairs]
    assert result.exit_code == (1 if "not equivalent" in verdicts else 0)


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_every_format_names_every_change_of_the_seed_case(fmt: str, cli: Cli) -> None:
    case = CASE_DIR / "together-seed"
    result = cli("diff", "--format", fmt, *_arguments(case))
    assert result.exit_code == 1
    for needle in ("reworded", "split", "merged", "moved", "editorial", "removed", "added"):
        assert needle in result.output, (fmt, needle)
    assert "[-goals-] {+aims+}" in result.output or "~~goals~~ **aims**" in result.output
