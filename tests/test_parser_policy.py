"""One function picks the YAML parser; whichever it picks, the results are the same."""

from __future__ import annotations

from pathlib import Path

import pytest

import carenos
from carenos.errors import UnsupportedYamlError
from carenos.io.yaml import parse_yaml, parse_yaml_stream

from .support.paths import ROOT

SEED = (ROOT / "data" / "standards" / "SCDHSC0393.yaml").read_text(encoding="utf-8")

TEXTS = [
    SEED,
    SEED.replace("code: SCDHSC0393", "code: &c SCDHSC0393"),  # an anchor, never used
    SEED.replace("title: Promote", "title: !!str Promote"),
    SEED + "code: again\n",
    "a: &x [1]\nb: *x\n",
    "developed_by: SfC&D\ntitle: Health & Safety\n",
    "---\na: 1\n---\nb: [2, 3]\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_bulk_and_single_reads_agree(text: str) -> None:
    bulk = parse_yaml_stream(text, "t.yaml", bulk=True)
    single = parse_yaml_stream(text, "t.yaml")
    assert [p.data for p in bulk] == [p.data for p in single]
    assert [[str(e) for e in p.problems] for p in bulk] == [
        [str(e) for e in p.problems] for p in single
    ]
    assert [p.positions for p in bulk] == [p.positions for p in single]  # worked out lazily


def test_an_unused_anchor_is_refused_in_bulk_too(tmp_path: Path) -> None:
    """The C parser drops anchors; the policy gives such a text to the pure one."""
    (tmp_path / "SCDHSC0393.yaml").write_text(TEXTS[1], encoding="utf-8")
    with pytest.raises(UnsupportedYamlError, match="anchors") as caught:
        carenos.load_corpus(tmp_path)
    assert (caught.value.line, caught.value.column) == (1, 7)


def test_bulk_positions_are_only_worked_out_when_asked() -> None:
    parsed = parse_yaml(SEED, bulk=True)
    assert parsed._positions is None
    assert parsed.positions.of("/title") == (2, 8)
