"""`carenos load`: a readable summary, clear errors and exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

import carenos
from carenos.cli import main

from .conftest import CASES


def test_summary(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    carenos.dump(carenos.from_dict(minimal_dict), tmp_path / "SCDHSC9999.yaml")
    result = CliRunner().invoke(main, ["load", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "SCDHSC9999  Test standard" in result.output
    assert "1 elements, 1 performance criteria; 1 knowledge headings, 1 knowledge items" in (
        result.output
    )
    assert result.output.rstrip().endswith("1 standard loaded.")


def test_bad_file_exit_1_with_location() -> None:
    path = CASES / "load" / "wrong-type.yaml"
    result = CliRunner().invoke(main, ["load", str(path)])
    assert result.exit_code == 1
    assert f"{path}:8:15: error: " in result.output
    assert "(CN100)" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["load"]).exit_code == 2
    assert runner.invoke(main, ["load", "--no-such-option", "x"]).exit_code == 2
    result = runner.invoke(main, ["load", str(tmp_path / "x.txt")])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
