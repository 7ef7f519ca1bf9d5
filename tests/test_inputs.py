"""One input rule for every command: an empty directory is an error (exit 1), directories
are searched recursively (unless --no-recursive), '-' is standard input (named by
--stdin-filename), and a JSON array of standards is read like JSON Lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import carenos

from .support.cli import Cli
from .support.paths import ROOT

SEED = ROOT / "data" / "standards" / "SCDHSC0393.yaml"
COMMANDS = {
    "load": ["load"],
    "validate": ["validate", "--isolated"],
    "map": ["map"],
    "discover": ["discover"],
    "export": ["export", "--format", "jsonl"],
    "search": ["search", "therapeutic group"],
}


def _seen(command: str, output: str) -> bool:
    """Whether the command's output shows it read SCDHSC0393."""
    if command == "validate":
        return "1 file checked: no problems found." in output
    if command == "discover":
        return output.strip() != ""
    if command == "map":
        return "across 1 standard\n" in output or "across 2 standards\n" in output
    return "SCDHSC0393" in output


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_directory_is_an_error(cli: Cli, tmp_path: Path, command: str) -> None:
    result = cli(*COMMANDS[command], tmp_path)
    assert result.exit_code == 1, result.output
    if command == "validate":  # findings are its output
        assert "no standard" in result.stdout
    else:
        assert "no standard" in result.stderr
        assert result.stdout == ""  # not even a CSV header or an empty package
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "case", "yaml"])
def test_an_empty_export_writes_nothing_at_all(cli: Cli, tmp_path: Path, fmt: str) -> None:
    result = cli("export", tmp_path, "-f", fmt)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{tmp_path}: error: no standards found (CN004)\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_nested_directory_is_searched(cli: Cli, tmp_path: Path, command: str) -> None:
    nested = tmp_path / "suite" / "2026"
    nested.mkdir(parents=True)
    shutil.copy(SEED, nested)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "SCDHSC0393.yaml").write_text("not: a standard\n", encoding="utf-8")
    result = cli(*COMMANDS[command], tmp_path)
    assert result.exit_code == 0, result.output
    assert _seen(command, result.output)
    flat = cli(*COMMANDS[command], tmp_path, "--no-recursive")
    assert flat.exit_code == 1
    assert "no standard" in flat.output


@pytest.mark.parametrize("command", COMMANDS)
def test_standard_input(cli: Cli, command: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    result = cli(*COMMANDS[command], "-", "--stdin-filename", "SCDHSC0393.yaml", input=text)
    assert result.exit_code == 0, result.output
    assert _seen(command, result.output)
    as_json = json.dumps(carenos.to_dict(carenos.loads(text)))
    result = cli(*COMMANDS[command], "-", "--stdin-filename", "SCDHSC0393.json", input=as_json)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_a_json_array_is_read(cli: Cli, tmp_path: Path, command: str) -> None:
    array = tmp_path / "standards.json"
    exported = cli("export", ROOT / "data" / "standards", "--format", "json")
    array.write_text(exported.output, encoding="utf-8")
    result = cli(*COMMANDS[command], array)
    assert result.exit_code == 0, result.output
    assert _seen(command, result.output) or command == "validate"
    assert [s.code for s in carenos.load_corpus(array)] == ["SCDHSC0393", "SCDHSC0429"]


def test_validate_names_stdin_and_places_findings(cli: Cli) -> None:
    text = SEED.read_text(encoding="utf-8").replace("id: K7\n", "id: k7\n")
    result = cli("validate", "--isolated", "-", "--stdin-filename", "SCDHSC0393.yaml", input=text)
    assert result.exit_code == 1
    assert result.output.startswith("SCDHSC0393.yaml:122:13: error CN100 id 'k7': write K7")


def test_python_load_corpus_follows_the_same_rule(tmp_path: Path) -> None:
    nested = tmp_path / "suite" / "deeper"
    nested.mkdir(parents=True)
    shutil.copy(SEED, nested / SEED.name)
    other = ROOT / "data" / "standards" / "SCDHSC0429.yaml"
    corpus = carenos.load_corpus(tmp_path / "suite", other)
    assert corpus.codes == ("SCDHSC0393", "SCDHSC0429")
    assert corpus.source_of("SCDHSC0393") == str(nested / SEED.name)
    with pytest.raises(carenos.CarenosError, match="no standards found") as flat:
        carenos.load_corpus(tmp_path / "suite", recursive=False)
    assert flat.value.source == str(tmp_path / "suite")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(carenos.CarenosError, match="no standards found"):
        carenos.load_corpus(empty)
    with pytest.raises(carenos.CarenosError, match="give load_corpus\\(\\) a path"):
        carenos.load_corpus()
    again = carenos.load_corpus(nested / SEED.name, tmp_path / "suite")  # one file named twice
    assert again.codes == ("SCDHSC0393",)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEED, copy / "another-name.yaml")
    with pytest.raises(carenos.CarenosError, match="standard SCDHSC0393 is also in"):
        carenos.load_corpus(nested, copy)


def test_python_validate_of_nothing_fails(tmp_path: Path) -> None:
    report = carenos.validate(tmp_path)
    assert not report.ok
    assert [f.code for f in report.findings] == ["CN004"]


@pytest.mark.parametrize("command", ["validate", "load"])
def test_an_item_of_a_json_array_is_placed_at_its_line(
    cli: Cli, tmp_path: Path, command: str
) -> None:
    good = carenos.to_dict(carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml"))
    bad = json.loads(json.dumps(good))
    bad["knowledge"][0]["items"][1]["id"] = "Q2"
    path = tmp_path / "array.json"
    text = json.dumps([good, bad], indent=1, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index('"Q2"')].count("\n") + 1
    column = text.index('"Q2"') - text.rfind("\n", 0, text.index('"Q2"'))
    result = cli(command, path)
    assert result.exit_code == 1
    assert f"{path}:{line}:{column}:" in result.output
