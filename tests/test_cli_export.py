"""`carenos export` and `carenos import-case`: each format, --out written atomically, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import carenos

from .support.cli import Cli
from .support.export import CATALOGUE_FILE, STANDARDS, case_errors, fixture_standards

Export = Callable[..., tuple[int, bytes, str]]


@pytest.fixture
def export(cli: Cli) -> Export:
    """``carenos export STANDARDS ARGS``: its exit code, stdout bytes and stderr."""

    def run(*args: object) -> tuple[int, bytes, str]:
        result = cli("export", STANDARDS, *args)
        return result.exit_code, result.stdout_bytes, result.stderr

    return run


def test_json(export: Export) -> None:
    code, out, _ = export("--format", "json")
    assert code == 0
    assert [carenos.from_dict(obj) for obj in json.loads(out)] == fixture_standards()


def test_jsonl_from_a_jsonl_corpus(cli: Cli, export: Export, tmp_path: Path) -> None:
    code, out, _ = export("--format", "jsonl")
    assert code == 0
    lines = out.decode().splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["SCDHSC9001", "SCDHSC9002"]
    corpus = tmp_path / "all.jsonl"
    corpus.write_bytes(out)
    again = cli("export", corpus, "--format", "jsonl")
    assert again.exit_code == 0
    assert again.stdout_bytes == out


def test_csv_bytes_are_utf8_with_crlf(export: Export) -> None:
    code, out, _ = export("--format", "csv", "--catalogue", CATALOGUE_FILE)
    assert code == 0
    assert out.startswith(
        b"code,title,kind,id,ref,group,text,shared_id,match,score,language,sub_items\r\n"
    )
    # the header; 9 criteria and knowledge items; 9001's 2 rights and 2 scope statements
    assert out.count(b"\r\n") == 1 + 9 + 4
    assert "individuals\u2019 rights".encode() in out
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
    assert rows[11]["ref"] == "SCDHSC9002/K1"  # after 9001's 6 statements, 2 rights, 2 scope
    assert rows[11]["shared_id"] == "rights.equality-diversity-discrimination"
    assert rows[11]["match"] == "exact"


def test_case_with_title_and_creator(export: Export) -> None:
    code, out, _ = export(
        "--format", "case", "--case-title", "Care NOS", "--case-creator", "Skills body"
    )
    assert code == 0
    package = json.loads(out)
    assert package["CFDocument"]["title"] == "Care NOS"
    assert package["CFDocument"]["creator"] == "Skills body"
    assert len(package["CFItems"]) == 23
    assert case_errors(package) == []


def test_case_options_reach_the_package(export: Export, tmp_path: Path) -> None:
    previous = tmp_path / "previous"
    previous.mkdir()
    first = fixture_standards()[0]
    reworded = carenos.dumps(first).replace("the nature and goals", "the nature and aims")
    (previous / "SCDHSC9001.yaml").write_text(reworded, encoding="utf-8")
    code, out, err = export(
        "--format", "case", "--case-framework", "Care NOS", "--case-base-uri",
        "https://nos.example.org/case", "--case-near", "--case-previous", previous,
        "--case-publisher", "A publisher", "--case-version", "7",
    )  # fmt: skip
    assert code == 0, err
    package = json.loads(out)
    document = package["CFDocument"]
    assert (document["title"], document["publisher"], document["version"]) == (
        "Care NOS", "A publisher", "7",
    )  # fmt: skip
    assert document["uri"].startswith("https://nos.example.org/case/ims/case/v1p1/CFDocuments/")
    kinds = {a["associationType"] for a in package["CFAssociations"]}
    assert {"isRelatedTo", "replacedBy"} <= kinds
    code, _, err = export("--format", "case", "--case-base-uri", "not a uri ")
    assert code == 2
    assert "is not an absolute http(s) URI" in err


def test_yaml_stream(export: Export) -> None:
    code, out, _ = export("--format", "yaml")
    assert code == 0
    documents = out.decode().split("---\n")[1:]
    assert [carenos.loads(d) for d in documents] == fixture_standards()


def test_out_is_written_and_not_replaced_without_force(export: Export, tmp_path: Path) -> None:
    target = tmp_path / "nos.csv"
    code, out, _ = export("--format", "csv", "--out", target)
    assert (code, out) == (0, b"")
    written = target.read_bytes()
    assert written.startswith(
        b"code,title,kind,id,ref,group,text,shared_id,match,score,language,sub_items\r\n"
    )
    code, _, err = export("--format", "jsonl", "--out", target)
    assert code == 2
    assert "the file exists; replace it with --force" in err
    assert target.read_bytes() == written
    code, _, _ = export("--format", "jsonl", "--out", target, "--force")
    assert code == 0
    assert target.read_bytes().startswith(b'{"code":"SCDHSC9001"')
    # beside the CSV its frictionless descriptor; no temporary file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage.json", "nos.csv"]


def test_failed_export_leaves_no_file(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    first = json.dumps(carenos.to_dict(fixture_standards()[0]))
    bad.write_text(first + '\n{"code": 3}\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = cli("export", bad, "--format", "jsonl", "--out", target)
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
def test_usage_errors_exit_2(export: Export, args: list[str]) -> None:
    code, out, _ = export(*args)
    assert code == 2
    assert out == b""


def test_duplicate_standards_exit_1(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(STANDARDS, tmp_path / "copy")
    result = cli("export", STANDARDS, tmp_path / "copy", "--format", "json")
    assert result.exit_code == 1
    assert "SCDHSC9001 is also in" in result.stderr
    once = cli("export", STANDARDS, STANDARDS, "--format", "jsonl")  # the same files, once
    assert once.exit_code == 0
    assert once.stdout == cli("export", STANDARDS, "--format", "jsonl").stdout


def test_import_case_round_trip(cli: Cli, export: Export, tmp_path: Path) -> None:
    package = tmp_path / "nos.case.json"
    code, _, _ = export("--format", "case", "--out", package)
    assert code == 0
    out = tmp_path / "standards"
    result = cli("import-case", package, "--out", out)
    assert result.exit_code == 0, result.output
    assert "2 standards written to" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["SCDHSC9001.yaml", "SCDHSC9002.yaml"]
    assert list(carenos.load_corpus(out)) == fixture_standards()
    again = cli("import-case", package, "--out", out)
    assert again.exit_code == 2
    assert "the file exists; replace it with --force" in again.stderr
    forced = cli("import-case", package, "--out", out, "--force")
    assert forced.exit_code == 0


def test_import_case_to_stdout_and_bad_input(cli: Cli, export: Export, tmp_path: Path) -> None:
    package = tmp_path / "nos.case.json"
    export("--format", "case", "--out", package)
    result = cli("import-case", package)
    assert result.exit_code == 0
    assert [carenos.loads(d) for d in result.stdout.split("---\n")[1:]] == fixture_standards()
    not_case = tmp_path / "x.json"
    not_case.write_text('{"CFItems": []}', encoding="utf-8")
    result = cli("import-case", not_case)
    assert result.exit_code == 1
    assert "not a CASE package: the package has no CFDocument" in result.stderr


def test_csv_for_excel_and_its_data_package(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "nos.csv"
    result = cli("export", STANDARDS, "--format", "csv", "--bom", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbfcode,title,")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    assert (resource["path"], resource["encoding"]) == ("nos.csv", "utf-8-sig")
    fields = [field["name"] for field in resource["schema"]["fields"]]
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert fields == header.split(",")
    bad = cli("export", STANDARDS, "--format", "jsonl", "--bom")
    assert (bad.exit_code, "--bom applies to --format csv only" in bad.output) == (2, True)


def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    from benchmarks.make_corpus import write_corpus

    big = write_corpus(200, tmp_path / "corpus.jsonl")  # megabytes: more than a pipe holds
    carenos_cli = [sys.executable, "-m", "carenos", "export", str(big), "--format", "jsonl"]
    reader = [sys.executable, "-c", "import sys; sys.stdin.buffer.read(5)"]
    writer = subprocess.Popen(carenos_cli, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None
    subprocess.run(reader, stdin=writer.stdout, check=True)
    writer.stdout.close()
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 141  # as a shell reports SIGPIPE
    assert err == b""
