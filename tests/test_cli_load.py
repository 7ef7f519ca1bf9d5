"""`carenos load`: a readable summary, clear errors and exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import carenos

from .support.cli import Cli
from .support.paths import CASES


def test_summary(cli: Cli, tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    carenos.dump(carenos.from_dict(minimal_dict), tmp_path / "SCDHSC9999.yaml")
    result = cli("load", tmp_path)
    assert result.exit_code == 0, result.output
    assert "SCDHSC9999  Test standard" in result.output
    assert "1 elements, 1 performance criteria; 1 knowledge headings, 1 knowledge items" in (
        result.output
    )
    assert result.output.rstrip().endswith("1 standard loaded.")


def test_bad_file_exit_1_with_location(cli: Cli) -> None:
    path = CASES / "load" / "wrong-type.yaml"
    result = cli("load", path)
    assert result.exit_code == 1
    assert f"{path}:8:15: error: " in result.output
    assert "(CN100)" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(cli: Cli, tmp_path: Path) -> None:
    assert cli("load").exit_code == 2
    assert cli("load", "--no-such-option", "x").exit_code == 2
    result = cli("load", tmp_path / "x.txt")
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output


def test_one_code_in_two_paths_is_an_error(
    cli: Cli, tmp_path: Path, minimal_dict: dict[str, Any]
) -> None:
    carenos.dump(carenos.from_dict(minimal_dict), tmp_path / "SCDHSC9999.yaml")
    (tmp_path / "other").mkdir()
    carenos.dump(carenos.from_dict(minimal_dict), tmp_path / "other" / "copy.yaml")
    result = cli("load", tmp_path / "other", tmp_path / "SCDHSC9999.yaml")
    assert result.exit_code == 1
    assert "standard SCDHSC9999 is also in" in result.output
    once = cli("load", tmp_path / "SCDHSC9999.yaml", tmp_path, "--no-recursive")
    assert once.exit_code == 0, once.output  # one file named twice is read once
    assert once.output.endswith("1 standard loaded.\n")


def test_a_missing_path_is_a_usage_error_for_every_reading_command(
    cli: Cli, tmp_path: Path
) -> None:
    missing = tmp_path / "nope"
    for args in (["load"], ["validate"], ["map"], ["discover"], ["export", "--format", "json"]):
        result = cli(*args, missing)
        assert result.exit_code == 2, (args, result.output)
        assert "does not exist" in result.output
