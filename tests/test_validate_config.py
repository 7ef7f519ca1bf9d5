"""``carenos validate`` configured: carenos.toml / [tool.carenos], command-line selection,
inline and file suppressions (and unused ones reported), ``ok`` that follows the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .support.cli import Cli
from .support.paths import ROOT

SEED = ROOT / "data" / "standards" / "SCDHSC0393.yaml"
DRIFTED = ("experiences and beliefs that may have an impact on\n",
           "experience and beliefs that might have an impact on\n")  # fmt: skip
DRIFT_LINE = 123  # the text of K7 in SCDHSC0393.yaml


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one standard whose K7 drifted from the catalogue (a CN401 warning)."""
    (tmp_path / "standards").mkdir()
    text = SEED.read_text(encoding="utf-8").replace(*DRIFTED)
    (tmp_path / "standards" / "SCDHSC0393.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _json(cli: Cli, *args: object) -> tuple[int, dict[str, object]]:
    result = cli("validate", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def _codes(report: dict[str, object]) -> list[tuple[str, str, int]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [(f["code"], f["severity"], f["line"]) for f in findings]


def test_ok_follows_the_exit_code(cli: Cli, repo: Path) -> None:
    code, report = _json(cli, repo / "standards")
    assert (code, report["ok"], report["config"]) == (0, True, None)
    assert _codes(report) == [("CN401", "warning", DRIFT_LINE)]
    code, report = _json(cli, repo / "standards", "--strict")
    assert (code, report["ok"]) == (1, False)
    code, report = _json(cli, repo / "standards", "--warnings-as-errors", "--exit-zero")
    assert (code, report["ok"]) == (0, False)


def test_select_and_ignore_on_the_command_line(cli: Cli, repo: Path) -> None:
    assert _codes(_json(cli, repo / "standards", "--ignore", "CN4")[1]) == []
    assert _codes(_json(cli, repo / "standards", "--select", "CN2,CN3")[1]) == []
    selected = _json(cli, repo / "standards", "--select", "CN401")[1]
    assert _codes(selected) == [("CN401", "warning", DRIFT_LINE)]
    bad = cli("validate", repo / "standards", "--ignore", "K7")
    assert bad.exit_code == 2
    assert "'K7' is not a code or a prefix of one" in bad.output


@pytest.mark.parametrize("name", ["carenos.toml", "pyproject.toml"])
def test_a_config_file_found_upwards(cli: Cli, repo: Path, name: str) -> None:
    table = "[tool.carenos]\n" if name == "pyproject.toml" else ""
    severity = "[tool.carenos.severity]" if table else "[severity]"
    text = f'{table}warnings-as-errors = true\n{severity}\nCN401 = "error"\n'
    (repo / name).write_text(text, encoding="utf-8")
    code, report = _json(cli, repo / "standards" / "SCDHSC0393.yaml")
    assert code == 1
    assert report["config"] == str(repo / name)
    assert _codes(report) == [("CN401", "error", DRIFT_LINE)]
    isolated = _json(cli, repo / "standards", "--isolated")[1]
    assert (isolated["config"], _codes(isolated)) == (None, [("CN401", "warning", DRIFT_LINE)])


def test_per_file_ignores_threshold_catalogue_and_format(cli: Cli, repo: Path) -> None:
    (repo / "carenos.toml").write_text(
        'format = "github"\n[per-file-ignores]\n"standards/*.yaml" = ["CN401"]\n',
        encoding="utf-8",
    )
    result = cli("validate", repo / "standards")
    assert (result.exit_code, result.stdout) == (0, "")  # github format: no annotations
    (repo / "carenos.toml").write_text("cn401-threshold = 99\n", encoding="utf-8")
    assert _codes(_json(cli, repo / "standards")[1]) == []  # a score of 96 is no drift at 99
    (repo / "carenos.toml").write_text('catalogue = "empty.yaml"\n', encoding="utf-8")
    (repo / "empty.yaml").write_text("version: 1\nentries: []\n", encoding="utf-8")
    assert _codes(_json(cli, repo / "standards")[1]) == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("selct = []\n", "unknown setting 'selct'"),
        ("select = [3]\n", "select: write a list of codes"),
        ("cn401-threshold = 0\n", "cn401-threshold: write a score from 1 to 100"),
        ('format = "xml"\n', "format: write text, json or github"),
        ("[severity]\nCN401 = 'fatal'\n", "severity: write CODE"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_a_bad_config_is_a_usage_error_naming_it(
    cli: Cli, repo: Path, config: str, message: str
) -> None:
    (repo / "carenos.toml").write_text(config, encoding="utf-8")
    result = cli("validate", repo / "standards")
    assert result.exit_code == 2
    assert f"{repo / 'carenos.toml'}: error: {message}" in result.output


def _insert(repo: Path, at: int, line: str) -> Path:
    path = repo / "standards" / "SCDHSC0393.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(at - 1, line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_suppression_on_the_line_above_and_an_unused_one(cli: Cli, repo: Path) -> None:
    _insert(repo, DRIFT_LINE, "        # carenos: ignore[CN401]")
    _insert(repo, 1, "# carenos: ignore-file[CN205, CN301]")
    code, report = _json(cli, repo / "standards", "--strict")
    assert code == 1
    assert _codes(report) == [("CN010", "warning", 1), ("CN010", "warning", 1)]
    findings = report["findings"]
    assert isinstance(findings, list)
    assert findings[0]["message"] == "unused suppression: no CN205 finding in this file"


def test_an_end_of_line_suppression_and_a_file_suppression(cli: Cli, repo: Path) -> None:
    path = repo / "standards" / "SCDHSC0393.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "code: SCDHSC0393\n", "code: SCDHSC0393  # carenos: ignore\n"
    )
    path.write_text(text, encoding="utf-8")
    report = _json(cli, repo / "standards")[1]
    assert _codes(report) == [("CN010", "warning", 1), ("CN401", "warning", DRIFT_LINE)]
    _insert(repo, 1, "# carenos: ignore-file[CN401]")
    text = path.read_text(encoding="utf-8").replace("  # carenos: ignore\n", "\n")
    path.write_text(text, encoding="utf-8")
    assert _codes(_json(cli, repo / "standards")[1]) == []


def test_suppressions_on_standard_input_are_read_from_its_text(cli: Cli, repo: Path) -> None:
    """An editor validates its unsaved buffer under the file's name: the buffer's comments
    count, not those of the file on disk."""
    path = repo / "standards" / "SCDHSC0393.yaml"
    on_disk = path.read_text(encoding="utf-8")
    lines = on_disk.split("\n")
    lines.insert(DRIFT_LINE - 1, "        # carenos: ignore[CN401]")
    buffer = "\n".join(lines)
    args = ("validate", "--format", "json", "-", "--stdin-filename", path)
    report = json.loads(cli(*args, input=buffer).stdout)
    assert _codes(report) == []
    path.write_text(buffer, encoding="utf-8")  # the comment saved, the buffer without it
    report = json.loads(cli(*args, input=on_disk).stdout)
    assert _codes(report) == [("CN401", "warning", DRIFT_LINE)]
