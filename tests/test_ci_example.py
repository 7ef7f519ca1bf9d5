"""The GitHub Actions example of docs/examples/standards-workflow.yml, tried on a repository
of standards: each ``carenos`` step runs, and a finding becomes an annotation on its line."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .support.cli import Cli
from .support.paths import ROOT

WORKFLOW = ROOT / "docs" / "examples" / "standards-workflow.yml"


def _steps() -> list[str]:
    data: Any = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    steps = data["jobs"]["carenos"]["steps"]
    return [s["run"] for s in steps if "run" in s and s["run"].startswith("carenos ")]


def test_the_workflow_runs_carenos_on_the_standards() -> None:
    runs = _steps()
    assert runs[0] == "carenos fmt --check standards"
    assert runs[1] == "carenos validate --format github --warnings-as-errors standards"
    assert runs[2].startswith("carenos diff --rev origin/")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "standards").mkdir()
    for seed in (ROOT / "data" / "standards").glob("*.yaml"):
        shutil.copy(seed, tmp_path / "standards")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_clean_repository_passes_every_step(cli: Cli, repository: Path) -> None:
    for run in _steps()[:2]:
        result = cli(*shlex.split(run)[1:])
        assert result.exit_code == 0, (run, result.output)


def test_drift_is_an_annotation_and_fails_the_job(cli: Cli, repository: Path) -> None:
    path = repository / "standards" / "SCDHSC0393.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("may have an impact on", "might have an impact on"), encoding="utf-8"
    )
    result = cli(*shlex.split(_steps()[1])[1:])
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "::warning file=standards/SCDHSC0393.yaml,line=123,col=15,title=CN401::drifted from "
        "practice.own-background-beliefs"
    )
