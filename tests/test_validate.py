"""The validate API: inputs of every kind, the report, corpora and hostile files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import carenos
from carenos.catalogue import Catalogue, SharedEntry
from carenos.place import Place
from carenos.schema import validator

from .support.paths import CASES

VALID = CASES / "validate" / "valid-yaml" / "SCDHSC9999.yaml"


def codes(report: carenos.Report) -> list[str]:
    return [f.code for f in report.findings]


def test_a_valid_dict_gives_an_ok_report(minimal_dict: dict[str, object]) -> None:
    report = carenos.validate(minimal_dict)
    assert report.ok
    assert report.findings == ()
    assert report.files == 1


def test_a_dict_has_pointers_but_no_positions(minimal_dict: dict[str, object]) -> None:
    minimal_dict["code"] = "bad code"
    (finding,) = carenos.validate(minimal_dict).findings
    assert (finding.code, finding.pointer, finding.line, finding.column) == (
        "CN206",
        "/code",
        None,
        None,
    )
    assert finding.source == "<dict>"


def test_a_standard_model_is_checked_by_the_rules(minimal_dict: dict[str, object]) -> None:
    standard = carenos.from_dict(minimal_dict)
    element = carenos.Element("Second", (carenos.PerformanceCriterion("P3", "do it"),))
    broken = carenos.Standard(
        standard.code,
        standard.title,
        standard.overview,
        (*standard.elements, element),
        standard.knowledge,
    )
    report = carenos.validate(broken)
    assert codes(report) == ["CN201"]
    assert report.findings[0].pointer == "/elements/1/performance_criteria/0/id"
    assert report.findings[0].message == "P3 follows P1: P2 is missing"


def test_a_text_is_read_as_yaml_and_named_string() -> None:
    report = carenos.validate(VALID.read_text(encoding="utf-8").replace("id: P3", "id: P5"))
    (finding,) = report.findings
    assert (finding.code, finding.source, finding.line, finding.column) == (
        "CN201",
        "<string>",
        13,
        13,
    )
    assert finding.message == "P5 follows P2: P3 to P4 are missing"


def test_json_text_with_fmt_json_is_strict() -> None:
    report = carenos.validate('{"code": NaN}', fmt="json", name="doc.json")
    assert codes(report) == ["CN001"]
    assert report.findings[0].source == "doc.json"


def test_a_path_as_str_or_pathlike() -> None:
    assert carenos.validate(str(VALID)).findings == ()
    assert carenos.validate(VALID).findings == ()


def test_a_missing_file_is_a_cn004_finding(tmp_path: Path) -> None:
    report = carenos.validate(tmp_path / "SCDHSC0001.yaml")
    assert codes(report) == ["CN004"]
    assert "no such file" in report.findings[0].message


def test_not_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC0001.yaml"
    path.write_bytes(b"code: SC\xc3(\n")
    (finding,) = carenos.validate(path).findings
    assert finding.code == "CN004"
    assert "byte offset 8" in finding.message


def test_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC0001.yaml"
    path.write_text("# nothing here\n", encoding="utf-8")
    (finding,) = carenos.validate(path).findings
    assert (finding.code, finding.message) == ("CN100", "the document is empty")


def test_every_problem_is_gathered_in_one_pass() -> None:
    text = VALID.read_text(encoding="utf-8")
    text = text.replace("id: P3", "id: P2").replace("id: K2", "id: K3")
    text = text.replace("title: Promote participation\n", "title: 'Promote  participation'\n")
    assert codes(carenos.validate(text)) == ["CN301", "CN203", "CN202"]


def test_schema_messages_are_in_the_authors_words() -> None:
    text = VALID.read_text(encoding="utf-8").replace("code: SCDHSC9999\n", "code: [1]\nextra: 2\n")
    messages = sorted(f.message for f in carenos.validate(text).findings)
    assert messages == [
        "the code should be text, not a list",
        "unknown key 'extra' (the standard has no such key)",
    ]


def test_an_alias_is_refused_without_being_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    started = time.perf_counter()
    report = carenos.validate("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "CN003" in codes(report)
    assert not report.ok


def test_a_python_tag_constructs_nothing() -> None:
    report = carenos.validate("code: !!python/object/apply:os.system ['false']\n")
    (tag,) = [f for f in report.findings if f.code == "CN003"]
    assert (tag.line, tag.column, tag.pointer) == (1, 7, "/code")


def test_over_the_size_limit_reads_nothing_past_it(tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC9999.yaml"
    path.write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (finding,) = carenos.validate(path, max_size=10).findings
    assert finding.code == "CN004"
    assert "size limit of 10 bytes" in finding.message
    assert carenos.validate(VALID.read_text(encoding="utf-8"), max_size=10).findings[0].code == (
        "CN004"
    )


def test_a_directory_and_duplicate_codes(tmp_path: Path) -> None:
    text = VALID.read_text(encoding="utf-8")
    (tmp_path / "SCDHSC9999.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "SCDHSC9999.yml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a standard", encoding="utf-8")
    report = carenos.validate_corpus(tmp_path)
    assert report.files == 2
    yml = str(tmp_path / "SCDHSC9999.yml")
    assert sorted((f.code, f.source, f.line) for f in report.findings) == [("CN207", yml, 1)]
    assert carenos.validate(tmp_path) == report


def test_a_loaded_corpus(tmp_path: Path) -> None:
    text = VALID.read_text(encoding="utf-8")
    (tmp_path / "SCDHSC9999.yaml").write_text(text.replace("id: K2", "id: K7"), encoding="utf-8")
    report = carenos.validate_corpus(carenos.load_corpus(tmp_path))
    assert [(f.code, f.pointer, f.line) for f in report.findings] == [
        ("CN202", "/knowledge/1/items/0/id", None)
    ]


def test_rules_that_need_a_catalogue_run_only_with_one(minimal_dict: dict[str, object]) -> None:
    from carenos.rules import RULES, Hit, RuleContext, registered

    with registered(
        "CN499", title="test rule", rationale="needs a catalogue", fix="none", needs_catalogue=True
    ) as add:

        @add
        def needs_catalogue(context: RuleContext) -> list[Hit]:
            assert context.catalogue is not None
            return [Hit(f"catalogue has {len(context.catalogue)}", "/code")]

        assert carenos.validate(minimal_dict, catalogue=None).findings == ()
        catalogue = Catalogue(
            (SharedEntry("a.one", "rights", "one"), SharedEntry("a.two", "rights", "two"))
        )
        report = carenos.validate(minimal_dict, catalogue=catalogue)
        assert [(f.code, f.severity, f.message) for f in report.findings] == [
            ("CN499", "warning", "catalogue has 2")
        ]
        assert report.ok
    assert "CN499" not in RULES


def test_report_flags_and_serialisation(minimal_dict: dict[str, object]) -> None:
    minimal_dict["title"] = "two  spaces"
    report = carenos.validate(minimal_dict)
    assert report.ok
    assert report.passed()
    assert not report.passed(strict=True)
    assert len(report.warnings) == 1
    assert report.errors == ()
    data = report.to_dict()
    assert data == {
        "ok": True,
        "files": 1,
        "config": None,
        "findings": [
            {
                "code": "CN301",
                "severity": "warning",
                "message": "stray whitespace in the text: a double space",
                "source": "<dict>",
                "line": None,
                "column": None,
                "path": "/title",
            }
        ],
    }
    assert list(validator("report").iter_errors(json.loads(json.dumps(data)))) == []


def test_findings_are_sorted_by_source_line_and_column() -> None:
    a = carenos.Finding("CN201", "error", "m", Place("b.yaml", 3, 1))
    b = carenos.Finding("CN100", "error", "m", Place("a.yaml", 9, 1))
    c = carenos.Finding("CN100", "error", "m", Place("b.yaml", 1, 5))
    assert carenos.Report((a, b, c)).findings == (b, c, a)


def test_an_unsupported_input_type_is_a_usage_error() -> None:
    with pytest.raises(TypeError, match="cannot validate"):
        carenos.validate(42)  # type: ignore[arg-type]


def test_text_that_only_libyaml_reads_is_located_by_libyaml() -> None:
    # libyaml reads "0\t" as the scalar 0 (ruamel's pure parser refuses the tab)
    (finding,) = carenos.validate("0\t").findings
    assert (finding.code, finding.line, finding.column, finding.pointer) == ("CN100", 1, 1, "")


def test_json_lines_each_line_is_a_document(
    tmp_path: Path, minimal_dict: dict[str, object]
) -> None:
    path = tmp_path / "corpus.jsonl"
    bad = {**minimal_dict, "code": "SCDHSC9998", "title": 7}
    lines = [json.dumps(minimal_dict), "", json.dumps(bad), json.dumps(minimal_dict), "{oops"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = carenos.validate(path)
    found = [(f.code, f.source, f.line) for f in report.findings]
    assert found == [
        ("CN100", str(path), 3),
        ("CN207", str(path), 4),
        ("CN001", str(path), 5),
    ]
    assert "also in " + f"{path}:1" in report.findings[1].message


def test_each_alias_is_reported_where_it_is_used() -> None:
    report = carenos.validate("a: &x [1]\nb: *x\nc: *x\n", catalogue=None)
    cn003 = [
        (f.line, f.column, f.message.split(" ")[0]) for f in report.findings if f.code == "CN003"
    ]
    assert cn003 == [(1, 4, "anchors"), (2, 1, "aliases"), (3, 1, "aliases")]
