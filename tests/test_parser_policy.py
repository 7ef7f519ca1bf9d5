"""One function picks the YAML parser; whichever it picks, the results are the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import carenos
from carenos.errors import UnsupportedYamlError
from carenos.io.yaml import parse_yaml, parse_yaml_stream
from carenos.validation import validate_text

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


def test_a_stream_is_read_again_once_for_all_its_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings in every document of a stream cost one more read, not one per document."""
    from carenos.io import yaml as reader

    documents = [SEED.replace("SCDHSC0393", f"SCDHSC{n:04d}") for n in range(20)]
    text = "".join(
        f"---\n{d.replace('Promote participation', 'Promote  participation', 1)}" for d in documents
    )
    real, real_clean = reader._read, reader._read_clean
    calls = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("with positions")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def counting_clean(*args: object, **kwargs: object) -> object:
        calls.append("without positions")
        return real_clean(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "_read", counting)
    monkeypatch.setattr(reader, "_read_clean", counting_clean)
    report = validate_text(text, catalogue=None)
    assert [f.code for f in report.findings] == ["CN301"] * 20
    assert calls == ["without positions", "with positions"]


def test_an_anchor_after_a_colon_in_flow_style_is_refused_in_bulk() -> None:
    text = (
        '{"code": "SCDHSC9997", "title":&t "One", "overview": "O", "elements": [], "knowledge": []}'
    )
    report = validate_text(text, catalogue=None)
    assert "CN003" in [f.code for f in report.findings]


def test_a_line_of_json_lines_keeps_its_line_without_positions(tmp_path: Path) -> None:
    """Too deep to read for positions: the finding still names its line."""
    deep: dict[str, object] = {"extra": 1}
    for _ in range(70):
        deep = {"a": deep}
    record = {
        "code": "SCDHSC9996",
        "title": "T",
        "overview": "O",
        "elements": [],
        "knowledge": [],
        "extra": deep,
    }
    path = tmp_path / "deep.jsonl"
    path.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    report = carenos.validate(path, catalogue=None)
    assert {(f.code, f.line) for f in report.findings} >= {("CN100", 2)}
    with pytest.raises(carenos.CarenosError) as caught:
        carenos.load_corpus(path)
    assert caught.value.line == 2


def test_rules_load_under_python_oo(tmp_path: Path) -> None:
    """``python -OO`` strips docstrings: the catalogue still loads and validation runs."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-OO", "-m", "carenos", "validate", str(ROOT / "data" / "standards")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "2 files checked: no problems found.\n")


def test_the_c_paths_resolver_resolves_as_ruamels_own() -> None:
    """The C path's resolver skips ruamel's per-scalar search for the YAML version (the C
    parser always resolves as 1.2): every node's tag is the same as with ruamel's own."""
    from benchmarks import make_corpus
    from ruamel.yaml import YAML

    from carenos.io.yaml import _yaml

    texts = [
        "%YAML 1.1\n---\na: yes\nb: 0o17\nc: 017\nd: 1_000\ne: 2001-12-14\nf: ~\ng: .inf\n",
        "a: [1, 1.5, true, null, '3', x]\n",
        *(carenos.dumps(carenos.from_dict(make_corpus.make_standard(i))) for i in range(3)),
        *(carenos.dumps(s) for s in carenos.bundled()),
    ]

    def tags(node: Any) -> Any:
        if isinstance(node.value, str):
            return str(node.tag), node.value
        if node.value and isinstance(node.value[0], tuple):
            return str(node.tag), [(tags(k), tags(v)) for k, v in node.value]
        return str(node.tag), [tags(item) for item in node.value]

    for text in texts:
        ours = _yaml(True).compose(text)
        theirs = YAML(typ="safe", pure=False).compose(text)
        assert tags(ours) == tags(theirs)
