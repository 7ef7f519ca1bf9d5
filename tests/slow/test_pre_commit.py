"""pre-commit itself, on a throwaway repository, with the hooks this repository ships: a
drifted shared statement and a duplicate code fail the commit, and the finding is shown.

Slow (pre-commit builds the hooks' environment, installing carenos from this repository's
HEAD): run by ``make test-slow``, which ``.ci/run`` calls.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..support.paths import ROOT

pytestmark = pytest.mark.slow

SEEDS = ROOT / "data" / "standards"


def _run(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / "build" / "pre-commit-home")}
    env.update(GIT_AUTHOR_NAME="A", GIT_AUTHOR_EMAIL="a@example.org")
    env.update(GIT_COMMITTER_NAME="A", GIT_COMMITTER_EMAIL="a@example.org")
    return subprocess.run(args, cwd=cwd, env=env, text=True, capture_output=True, check=check)


def _pre_commit() -> str | None:
    """pre-commit of this environment (a test extra), else one on the PATH."""
    here = Path(sys.executable).parent
    return shutil.which("pre-commit", path=str(here)) or shutil.which("pre-commit")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    pre_commit = _pre_commit()
    if shutil.which("git") is None or pre_commit is None:
        pytest.skip("git and pre-commit are needed")
    head = _run("git", "rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    (tmp_path / "standards").mkdir()
    for seed in SEEDS.glob("*.yaml"):
        shutil.copy(seed, tmp_path / "standards")
    (tmp_path / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: carenos-validate\n"
        "      - id: carenos-validate-all\n"
        "        args: [standards]\n",
        encoding="utf-8",
    )
    _run("git", "init", "-q", cwd=tmp_path)
    _run("git", "add", "-A", cwd=tmp_path)
    _run("git", "commit", "-qm", "the standards", cwd=tmp_path)
    _run(pre_commit, "install", cwd=tmp_path)
    return tmp_path


def test_a_drifted_statement_fails_the_commit_with_the_finding(repo: Path) -> None:
    path = repo / "standards" / "SCDHSC0393.yaml"
    text = path.read_text(encoding="utf-8")
    drifted = text.replace(
        "experiences and beliefs that may have an impact on",
        "experience and beliefs that might have an impact on",
    )
    assert drifted != text
    path.write_text(drifted, encoding="utf-8")
    _run("git", "add", "-A", cwd=repo)
    commit = _run("git", "commit", "-m", "reword", cwd=repo, check=False)
    assert commit.returncode != 0
    output = commit.stdout + commit.stderr
    assert "standards/SCDHSC0393.yaml:123:15: warning CN401 drifted from" in output


def test_a_duplicate_code_fails_the_commit_with_the_finding(repo: Path) -> None:
    shutil.copy(repo / "standards" / "SCDHSC0429.yaml", repo / "standards" / "SCDHSC9429.yaml")
    _run("git", "add", "-A", cwd=repo)
    commit = _run("git", "commit", "-m", "dup", cwd=repo, check=False)
    assert commit.returncode != 0
    assert "CN207 standard SCDHSC0429 is also in" in commit.stdout + commit.stderr
