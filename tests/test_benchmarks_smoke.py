"""A tiny run of the benchmark code (no timed assertions), so that it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import run as bench
from benchmarks.timing import Figure, peak_rss_mb


def test_a_tiny_run_gives_every_figure_with_its_baseline_and_target(tmp_path: Path) -> None:
    result = bench.run(20, repeats=1, yaml_files=5, cli_repeats=1, workdir=tmp_path)
    json.dumps(result)  # what --json prints
    expected = {
        "load JSONL -> typed",
        "load JSONL: peak RSS (MB)",
        "load YAML directory (5 files)",
        "validate corpus",
        "validate corpus.jsonl (path API)",
        "map (exact + near)",
        "export JSONL",
        "export CSV",
        "export CASE (s)",
        "export CASE: peak RSS (MB)",
        "export SQLite",
        "diff two corpora",
        "fmt (100 YAML files)",
        "validate YAML directory --jobs 2 (5 files)",
        "load YAML directory --jobs 2 (5 files)",
        "import .txt",
        "import .html",
        "import .docx",
        "import .pdf",
        "whole pipeline (s)",
        "carenos validate one.yaml (s)",
        "site",
        "site: search index (KB a standard)",
    }
    assert set(result["figures"]) == expected
    for figure in result["figures"].values():
        assert figure["baseline"]
        assert figure["baseline_value"] > 0
        assert figure["subject_value"] > 0
        assert figure["ratio"] == pytest.approx(
            figure["subject_value"] / figure["baseline_value"], rel=1e-2
        )
        assert isinstance(figure["met"], bool)
    assert set(result["figures"]["load JSONL -> typed"]["also"]) == {"json", "msgspec"}
    assert 0.0 <= result["quality"]["precision"] <= 1.0
    assert 0.0 <= result["quality"]["recall"] <= 1.0
    assert list(result["growth"]) == ["20"]
    text = bench.table(result)
    assert "load JSONL -> typed" in text
    assert "mapping quality against the planted rewordings: precision" in text


def test_absolute_targets_scale_with_the_standards() -> None:
    seconds = Figure("x", "s", "b", 1.0, 1.0, "seconds", 30.0, at=21_000, n=2_100)
    assert seconds.scaled_target == pytest.approx(3.0)
    assert seconds.met
    memory = Figure("m", "s", "b", 60.0, 20.0, "megabytes", 400.0, at=21_000, n=2_100, floor=20.0)
    assert memory.scaled_target == pytest.approx(58.0)  # 20 + 380 / 10
    assert not memory.met
    ratio = Figure("r", "s", "b", 3.0, 2.0, "ratio", 1.3)
    assert ratio.value == pytest.approx(1.5)
    assert not ratio.met


def test_peak_rss_is_the_process_own_not_its_parents() -> None:
    hog = bytearray(150 * 1024 * 1024)  # the parent's peak, which ru_maxrss would inherit
    idle, _ = peak_rss_mb("", "import sys")
    assert idle < 100, idle
    big, _ = peak_rss_mb(
        "data = bytearray(200 * 1024 * 1024)\ndata[::4096] = b'x' * len(data[::4096])"
    )
    assert big > idle + 150
    del hog


def test_the_csv_baseline_writes_the_exports_own_text() -> None:
    """The CSV figure's baseline is csv.writer of the same rows: the same text, byte for byte."""
    import csv
    import io

    from benchmarks import make_corpus, subjects

    import carenos

    corpus = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(30)]
    corpus += list(carenos.bundled())
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(subjects.csv_rows(corpus))
    assert out.getvalue() == carenos.export.to_csv(corpus)
    assert subjects.write_csv_rows(subjects.csv_rows(corpus)) == len(out.getvalue())
