"""Loading corpora from directories and JSON Lines files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import carenos
from carenos.errors import ContentError, DuplicateError, ParseError, ReadError

from .support.paths import ROOT


def _write_standards(directory: Path, base: dict[str, Any], codes: list[str]) -> None:
    for code in codes:
        data = {**base, "code": code}
        if code.endswith("1"):
            (directory / f"{code}.json").write_text(json.dumps(data), encoding="utf-8")
        else:
            (directory / f"{code}.yaml").write_text(
                carenos.dumps(carenos.from_dict(data)), encoding="utf-8"
            )


def test_directory_corpus(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    _write_standards(tmp_path, minimal_dict, ["ABC0002", "ABC0001", "ABC0003"])
    (tmp_path / "notes.txt").write_text("not a standard", encoding="utf-8")
    corpus = carenos.load_corpus(tmp_path)
    assert len(corpus) == 3
    assert corpus.codes == ("ABC0001", "ABC0002", "ABC0003")  # sorted by file name
    assert [s.code for s in corpus] == ["ABC0001", "ABC0002", "ABC0003"]
    assert corpus["ABC0002"].knowledge_items[0].ref == "ABC0002/K1"
    assert "ABC0003" in corpus
    assert "ABC0009" not in corpus
    assert corpus.get("ABC0009") is None
    assert corpus.get("ABC0001") is corpus["ABC0001"]
    assert corpus.source_of("ABC0001") == str(tmp_path / "ABC0001.json")


def test_jsonl_corpus(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({**minimal_dict, "code": f"ABC000{i}"}) for i in range(1, 4)]
    path.write_text(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    corpus = carenos.load_corpus(path)
    assert corpus.codes == ("ABC0001", "ABC0002", "ABC0003")
    assert corpus.source_of("ABC0003") == f"{path}:4"


def test_duplicate_codes_are_an_error(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([json.dumps(minimal_dict)] * 2) + "\n", encoding="utf-8")
    with pytest.raises(DuplicateError, match=f"also in {path}:1") as caught:
        carenos.load_corpus(path)
    assert caught.value.source == f"{path}:2"


def test_bad_jsonl_line_names_its_line(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    path = tmp_path / "corpus.jsonl"
    bad = {**minimal_dict, "title": 5}
    path.write_text(f"{json.dumps(minimal_dict)}\n{json.dumps(bad)}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="the title is read as a number") as caught:
        carenos.load_corpus(path)
    assert (caught.value.source, caught.value.line) == (str(path), 2)
    path.write_text(f"{json.dumps(minimal_dict)}\n{{oops\n", encoding="utf-8")
    with pytest.raises(ParseError) as parse_error:
        carenos.load_corpus(path)
    assert (parse_error.value.line, parse_error.value.column) == (2, 2)


def test_bulk_yaml_error_has_exact_position(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    text = carenos.dumps(carenos.from_dict(minimal_dict)).replace("text: know one thing", "text: 7")
    (tmp_path / "SCDHSC9999.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        carenos.load_corpus(tmp_path)
    expected_line = text.splitlines().index("        text: 7") + 1
    assert (caught.value.line, caught.value.column) == (expected_line, 15)


def test_jsonl_line_that_is_not_utf8_names_its_line(
    tmp_path: Path, minimal_dict: dict[str, Any]
) -> None:
    path = tmp_path / "corpus.jsonl"
    good = json.dumps(minimal_dict).encode()
    path.write_bytes(good + b"\n\n\n" + b'{"code": "\xff"}\n')
    with pytest.raises(ReadError, match="not UTF-8") as caught:
        carenos.load_corpus(path)
    assert (caught.value.source, caught.value.line) == (str(path), 4)
    findings = carenos.validate(path, catalogue=None).findings
    assert [(f.code, f.line) for f in findings] == [("CN004", 4)]


def test_a_yaml_stream_of_several_standards_round_trips(tmp_path: Path) -> None:
    from carenos import export

    seeds = carenos.load_corpus(ROOT / "data" / "standards")
    path = tmp_path / "all.yaml"
    path.write_text(export.to_yaml(seeds), encoding="utf-8")
    again = carenos.load_corpus(path)
    assert list(again) == list(seeds)
    report = carenos.validate(path)
    assert (report.ok, report.files, report.findings) == (True, 1, ())
    broken = path.read_text(encoding="utf-8").replace("- id: K45", "- id: K47", 1)
    path.write_text(broken, encoding="utf-8")
    found = carenos.validate(path).findings
    line = broken.splitlines().index("      - id: K47") + 1
    assert [(f.code, f.line, f.message) for f in found] == [
        ("CN202", line, "K47 follows K44: K45 to K46 are missing")
    ]
    with pytest.raises(ParseError, match="another document"):
        carenos.load(path)


def test_a_loaded_corpus_keeps_each_recurring_text_once(tmp_path: Path) -> None:
    """Issue 20's memory: equal texts of a corpus are one object (statements, scope, rights,
    headings), and the result is equal to what reading each standard alone gives."""
    from benchmarks import make_corpus

    path = make_corpus.write_corpus(12, tmp_path / "corpus.jsonl")
    corpus = carenos.load_corpus(path)
    first, second = corpus["SCDHSC10000"], corpus["SCDHSC10002"]  # modelled on one seed
    assert first.scope is not None
    assert second.scope is not None
    assert first.scope.performance_criteria[0].text is second.scope.performance_criteria[0].text
    assert first.values is not None
    assert second.values is not None
    assert first.values.rights[0] is second.values.rights[0]
    assert first.knowledge[0].heading is second.knowledge[0].heading
    texts: dict[str, list[int]] = {}
    for standard in corpus:
        for statement in standard.statements():
            texts.setdefault(statement.text, []).append(id(statement.text))
    recurring = [ids for ids in texts.values() if len(ids) > 1]
    assert recurring  # the benchmark corpus shares a third of its statements
    assert all(len(set(ids)) == 1 for ids in recurring)
    alone = [carenos.loads(line, "json") for line in path.read_text(encoding="utf-8").splitlines()]
    assert list(corpus) == alone
