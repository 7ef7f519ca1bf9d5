"""The built wheel, installed into a fresh virtual environment and used outside the source
tree: the bundled standards load and validate, SQLite is exported, and sqlite3 answers a
full-text query with the right refs. Slow (a build and an install): ``make test-slow``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from ..support.paths import ROOT

pytestmark = pytest.mark.slow


def test_the_installed_wheel_holds_the_standards(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("carenos-*.whl")
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    script = (
        "import carenos\n"
        "corpus = carenos.bundled()\n"
        "print(sorted(corpus.codes))\n"
        "print(carenos.validate_corpus(corpus).ok)\n"
    )
    run = subprocess.run(
        [str(python), "-c", script], cwd=outside, capture_output=True, text=True, check=True
    )
    assert run.stdout.split("\n")[:2] == ["['SCDHSC0393', 'SCDHSC0429']", "True"]
    carenos_cli = env / "bin" / "carenos"
    loaded = subprocess.run(
        [str(carenos_cli), "load", "--bundled"], cwd=outside, capture_output=True, text=True
    )
    assert loaded.returncode == 0
    assert "2 standards loaded." in loaded.stdout
    bundled = subprocess.run(
        [str(python), "-c", "import carenos.corpus as c; print(c.bundled_path())"],
        cwd=outside, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert str(ROOT) not in bundled  # the wheel's copy, not the source tree's
    exported = subprocess.run(
        [str(carenos_cli), "export", bundled, "--format", "sqlite", "--out", "nos.db"],
        cwd=outside, capture_output=True, text=True,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        pytest.skip("the sqlite3 command is not installed")
    query = (
        "SELECT ref FROM statements_fts WHERE statements_fts MATCH 'raise AND concerns'"
        " ORDER BY ref;"
    )
    answer = subprocess.run(
        [sqlite3, "nos.db", query], cwd=outside, capture_output=True, text=True, check=True
    )
    assert answer.stdout.split() == ["SCDHSC0393/K28", "SCDHSC0429/K33"]
