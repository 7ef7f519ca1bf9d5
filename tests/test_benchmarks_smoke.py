"""A tiny run of the benchmark code (no timed assertions), so that it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import run as bench


def test_a_tiny_run_gives_every_figure_with_its_baseline_and_ratio(tmp_path: Path) -> None:
    result = bench.run(
        20, repeats=1, yaml_files=5, scaling=(10, 20), cli_repeats=1, workdir=tmp_path
    )
    json.dumps(result)  # what --json prints
    expected = {
        "load JSONL",
        "validate corpus",
        "map knowledge",
        "export JSONL",
        "diff two corpora",
        "load YAML directory (5 files)",
        "carenos validate one.yaml (process)",
    }
    assert set(result["figures"]) == expected
    for figure in result["figures"].values():
        assert figure["baseline"]
        assert figure["baseline_s"] > 0
        assert figure["subject_s"] > 0
        assert figure["ratio"] == pytest.approx(
            figure["subject_s"] / figure["baseline_s"], rel=1e-2
        )
        assert isinstance(figure["met"], bool)
    assert result["memory"]["statements"] == 20 * 80
    assert set(result["scaling"]) == {
        "load JSONL",
        "validate corpus",
        "map knowledge",
        "export JSONL",
        "diff two corpora",
        "load YAML directory",
    }
    assert "load JSONL" in bench.table(result)
