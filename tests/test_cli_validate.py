"""``carenos validate`` and ``carenos rules``: every output format and every exit code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carenos.rules import RULES, render_markdown
from carenos.schema import validator

from .support.cli import Cli
from .support.paths import CASES

VALID = CASES / "validate" / "valid-yaml" / "SCDHSC9999.yaml"
GAP = CASES / "validate" / "cn201-gap" / "SCDHSC9999.yaml"
WARNING = CASES / "validate" / "cn205-repeated-text" / "SCDHSC9999.yaml"


Run = Callable[..., tuple[int, str]]


@pytest.fixture
def run(cli: Cli) -> Run:
    """``carenos validate ARGS``: its exit code and output."""

    def validate(*args: object) -> tuple[int, str]:
        result = cli("validate", *args)
        return result.exit_code, result.output

    return validate


def test_valid_file_exits_0_with_a_summary(run: Run) -> None:
    assert run(str(VALID)) == (0, "1 file checked: no problems found.\n")


def test_text_lines_are_yamllint_like(run: Run) -> None:
    code, output = run(str(GAP))
    assert code == 1
    assert output.splitlines() == [
        f"{GAP}:13:13: error CN201 P4 follows P2: P3 is missing",
        "1 file checked: 1 error, 0 warnings.",
    ]


def test_text_lines_are_sorted_by_file_then_line(run: Run, tmp_path: Path) -> None:
    text = VALID.read_text(encoding="utf-8")
    files = {
        "SCDHSC0001": text.replace("title: Promote participation in", "title: 5\nx: Promote in"),
        "SCDHSC0002": text.replace("id: P3", "id: P4"),
        "SCDHSC0003": text.replace("id: K2", "id: K3"),
    }
    for name, content in files.items():
        (tmp_path / f"{name}.yaml").write_text(content.replace("SCDHSC9999", name), "utf-8")
    early, middle, late = (str(tmp_path / f"{name}.yaml") for name in files)
    code, output = run(late, middle, early)
    lines = output.splitlines()
    assert code == 1
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{early}:2:8",
        f"{early}:3:1",
        f"{middle}:13:13",
        f"{late}:22:13",
    ]
    assert lines[-1] == "3 files checked: 4 errors, 0 warnings."


def test_warnings_exit_0_unless_strict(run: Run) -> None:
    assert run(str(WARNING))[0] == 0
    code, output = run("--strict", str(WARNING))
    assert code == 1
    assert "warning CN205 K2 has the same text as K1" in output


def test_json_output_validates_against_the_report_schema(run: Run) -> None:
    other = CASES / "validate" / "valid-json" / "SCDHSC9998.json"
    code, output = run("--format", "json", str(GAP), str(other))
    assert code == 1
    data = json.loads(output)
    assert list(validator("report").iter_errors(data)) == []
    assert data["ok"] is False
    assert data["files"] == 2
    assert data["findings"] == [
        {
            "code": "CN201",
            "severity": "error",
            "message": "P4 follows P2: P3 is missing",
            "source": str(GAP),
            "line": 13,
            "column": 13,
            "path": "/elements/1/performance_criteria/0/id",
        }
    ]


def test_json_output_of_a_clean_run(run: Run) -> None:
    code, output = run("--format", "json", str(VALID))
    clean: dict[str, object] = {"ok": True, "files": 1, "config": None, "findings": []}
    assert (code, json.loads(output)) == (0, clean)


def test_github_annotations(run: Run) -> None:
    code, output = run("--format", "github", str(GAP))
    assert code == 1
    assert (
        output == f"::error file={GAP},line=13,col=13,title=CN201::P4 follows P2: P3 is missing\n"
    )


def test_github_escapes_and_omits_unknown_positions(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a,b.yaml"
    path.write_text("code: x\n", encoding="utf-8")
    code, output = run("--format", "github", "--max-size", "3", str(path))
    assert code == 1
    assert output.startswith(f"::error file={tmp_path}/a%2Cb.yaml,title=CN004::file is 8 bytes")


def test_a_directory_is_expanded(run: Run, tmp_path: Path) -> None:
    (tmp_path / "SCDHSC9999.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "SCDHSC9998.json").write_text("{}", encoding="utf-8")
    code, output = run(str(tmp_path))
    assert code == 1
    assert output.splitlines()[-1] == "2 files checked: 5 errors, 0 warnings."


@pytest.mark.parametrize(
    "args",
    [
        ["does-not-exist.yaml"],
        ["--format", "xml", "PLACEHOLDER"],
        ["--no-such-option", "PLACEHOLDER"],
        ["--max-size", "0", "PLACEHOLDER"],
        [],
    ],
    ids=["missing-path", "bad-format", "unknown-option", "bad-max-size", "no-path"],
)
def test_usage_problems_exit_2(run: Run, args: list[str]) -> None:
    code, _ = run(*(str(VALID) if a == "PLACEHOLDER" else a for a in args))
    assert code == 2


def test_a_bad_environment_size_limit_exits_2(cli: Cli) -> None:
    result = cli("validate", VALID, env={"CARENOS_MAX_SIZE": "lots"})
    assert result.exit_code == 2
    assert "--max-size" in result.output


def test_rules_lists_every_code(cli: Cli) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == sorted(RULES)
    assert "CN205  warning  the same statement text twice within a standard" in result.output


def test_rules_markdown_prints_the_docs_page(cli: Cli) -> None:
    result = cli("rules", "--format", "markdown")
    assert (result.exit_code, result.output) == (0, render_markdown())


def test_an_empty_directory_is_an_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", tmp_path)
    assert result.exit_code == 1
    assert "no standard files" in result.output
