"""`carenos export` and `carenos import-case`: each format, --out written atomically, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import carenos
from carenos.cli import main

from .export_support import CATALOGUE_FILE, STANDARDS, case_errors, fixture_standards


def _export(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, ["export", str(STANDARDS), *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def test_json() -> None:
    code, out, _ = _export("--format", "json")
    assert code == 0
    assert [carenos.from_dict(obj) for obj in json.loads(out)] == fixture_standards()


def test_jsonl_from_a_jsonl_corpus(tmp_path: Path) -> None:
    code, out, _ = _export("--format", "jsonl")
    assert code == 0
    lines = out.decode().splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["SCDHSC9001", "SCDHSC9002"]
    corpus = tmp_path / "all.jsonl"
    corpus.write_bytes(out)
    again = CliRunner().invoke(main, ["export", str(corpus), "--format", "jsonl"])
    assert again.exit_code == 0
    assert again.stdout_bytes == out


def test_csv_bytes_are_utf8_with_crlf() -> None:
    code, out, _ = _export("--format", "csv", "--catalogue", str(CATALOGUE_FILE))
    assert code == 0
    assert out.startswith(b"code,title,kind,id,ref,group,text,shared_id\r\n")
    assert out.count(b"\r\n") == 10
    assert "individuals\u2019 rights".encode() in out
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
    assert rows[7]["shared_id"] == "rights.equality-diversity-discrimination"


def test_case_with_title_and_creator() -> None:
    code, out, _ = _export(
        "--format", "case", "--case-title", "Care NOS", "--case-creator", "Skills body"
    )
    assert code == 0
    package = json.loads(out)
    assert package["CFDocument"]["title"] == "Care NOS"
    assert package["CFDocument"]["creator"] == "Skills body"
    assert len(package["CFItems"]) == 18
    assert case_errors(package) == []


def test_yaml_stream() -> None:
    code, out, _ = _export("--format", "yaml")
    assert code == 0
    documents = out.decode().split("---\n")[1:]
    assert [carenos.loads(d) for d in documents] == fixture_standards()


def test_out_is_written_and_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "nos.csv"
    code, out, _ = _export("--format", "csv", "--out", str(target))
    assert (code, out) == (0, b"")
    written = target.read_bytes()
    assert written.startswith(b"code,title,kind,id,ref,group,text,shared_id\r\n")
    code, _, err = _export("--format", "jsonl", "--out", str(target))
    assert code == 2
    assert "the file exists; replace it with --force" in err
    assert target.read_bytes() == written
    code, _, _ = _export("--format", "jsonl", "--out", str(target), "--force")
    assert code == 0
    assert target.read_bytes().startswith(b'{"code":"SCDHSC9001"')
    assert [p.name for p in tmp_path.iterdir()] == ["nos.csv"]  # no temporary file left


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    first = json.dumps(carenos.to_dict(fixture_standards()[0]))
    bad.write_text(first + '\n{"code": 3}\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["export", str(bad), "--format", "jsonl", "--out", str(target)]
    )
    assert result.exit_code == 1
    assert f"{bad}:2" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json", "--case-title", "x"],
        ["--format", "case", "--case-last-change", "yesterday"],
        ["--format", "xml"],
        [],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, out, _ = _export(*args)
    assert code == 2
    assert out == b""


def test_duplicate_standards_exit_1() -> None:
    result = CliRunner().invoke(
        main, ["export", str(STANDARDS), str(STANDARDS), "--format", "json"]
    )
    assert result.exit_code == 1
    assert "SCDHSC9001 is also in" in result.stderr


def test_import_case_round_trip(tmp_path: Path) -> None:
    package = tmp_path / "nos.case.json"
    code, _, _ = _export("--format", "case", "--out", str(package))
    assert code == 0
    out = tmp_path / "standards"
    result = CliRunner().invoke(main, ["import-case", str(package), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 standards written to" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["SCDHSC9001.yaml", "SCDHSC9002.yaml"]
    assert list(carenos.load_corpus(out)) == fixture_standards()
    again = CliRunner().invoke(main, ["import-case", str(package), "--out", str(out)])
    assert again.exit_code == 2
    assert "the file exists; replace it with --force" in again.stderr
    forced = CliRunner().invoke(main, ["import-case", str(package), "--out", str(out), "--force"])
    assert forced.exit_code == 0


def test_import_case_to_stdout_and_bad_input(tmp_path: Path) -> None:
    package = tmp_path / "nos.case.json"
    _export("--format", "case", "--out", str(package))
    result = CliRunner().invoke(main, ["import-case", str(package)])
    assert result.exit_code == 0
    assert [carenos.loads(d) for d in result.stdout.split("---\n")[1:]] == fixture_standards()
    not_case = tmp_path / "x.json"
    not_case.write_text('{"CFItems": []}', encoding="utf-8")
    result = CliRunner().invoke(main, ["import-case", str(not_case)])
    assert result.exit_code == 1
    assert "not a carenos CASE package: the package has no CFDocument" in result.stderr
