"""`carenos map` and `carenos discover` through click's runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .support.cli import Cli
from .support.paths import ROOT

STANDARDS = str(ROOT / "data" / "standards")


def test_map_json_shape(cli: Cli) -> None:
    result = cli("map", STANDARDS, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["standards"] == ["SCDHSC0393", "SCDHSC0429"]
    first = data["shared"][0]
    assert set(first) == {"id", "category", "text", "refs"}
    assert first["id"] == "rights.equality-diversity-discrimination"
    assert first["refs"] == [
        {"ref": "SCDHSC0393/K1", "match": "exact", "score": 100.0},
        {"ref": "SCDHSC0429/K1", "match": "exact", "score": 100.0},
    ]
    assert len(data["unshared"]) == (45 - 34) + (57 - 34)


def test_map_csv_table_and_matrix(cli: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("map", STANDARDS, "--format", "csv").output)))
    assert len(rows) == 2 * (34 + 9 + 6)
    assert rows[0]["ref"] == "SCDHSC0393/K1"
    table = cli("map", STANDARDS).output
    assert "49 shared statements, 98 links, across 2 standards" in table
    matrix = cli("map", STANDARDS, "--format", "matrix").output.splitlines()
    assert matrix[0].split()[:3] == ["standard", "rights", "practice"]
    assert matrix[1].split()[0] == "SCDHSC0393"
    assert matrix[1].split()[-1] == "34"


def test_map_threshold_and_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("map", STANDARDS, "--threshold", "101").exit_code == 2
    assert cli("map", tmp_path / "none").exit_code == 2
    bad = tmp_path / "cat.yaml"
    bad.write_text("version: 1\nentries: 3\n", encoding="utf-8")
    result = cli("map", STANDARDS, "--catalogue", bad)
    assert result.exit_code == 1
    assert f"{bad}:2:10: error:" in result.output


def test_discover_writes_reviewable_yaml(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("version: 1\nentries: []\n", encoding="utf-8")
    out = tmp_path / "proposals.yaml"
    args = ["discover", STANDARDS, "--catalogue", empty, "--out", out]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert (
        "  # SCDHSC0393/K1, SCDHSC0429/K1\n  - id: rights.legal-work-setting-requirements\n" in text
    )
    assert text.count("  - id: ") == 34 + 9 + 6
    again = cli(*args)
    assert again.exit_code == 2
    assert "exists" in again.output


def test_max_size_applies_to_the_catalogue_too(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "cat.yaml"
    big.write_text("version: 1\nentries: []\n" + "# padding\n" * 2500, encoding="utf-8")
    result = cli("map", STANDARDS, "--catalogue", big, "--max-size", "1000000")
    assert result.exit_code == 0, result.output
    result = cli("map", STANDARDS, "--catalogue", big, "--max-size", "20000")
    assert result.exit_code == 1
    assert f"{big}: error: file is" in result.output
    assert "over the size limit of 20,000 bytes" in result.output
