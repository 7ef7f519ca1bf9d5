"""``carenos diff`` on the command line: inputs, exit codes, git, errors and output files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .support.cli import Cli
from .support.paths import CASES

REWORDED = CASES / "diff" / "reworded"
ADDED = CASES / "diff" / "added"


def test_exit_codes_follow_the_verdict(cli: Cli) -> None:
    assert cli("diff", REWORDED / "old.yaml", REWORDED / "new.yaml").exit_code == 1
    assert cli("diff", ADDED / "old.yaml", ADDED / "new.yaml").exit_code == 0
    same = cli("diff", ADDED / "old.yaml", ADDED / "old.yaml")
    assert (same.exit_code, same.output.splitlines()[0]) == (0, "CNDIFF01 -> CNDIFF01: equivalent")


def test_usage_errors_exit_2(cli: Cli, tmp_path: Path) -> None:
    three = cli("diff", REWORDED / "old.yaml", REWORDED / "new.yaml", REWORDED / "new.yaml")
    assert three.exit_code == 2
    assert "give OLD and NEW" in three.output
    missing = cli("diff", tmp_path / "nothing.yaml", REWORDED / "new.yaml")
    assert missing.exit_code == 2
    assert "nothing.yaml: error: no such file or directory" in missing.output
    lonely = cli("diff", REWORDED / "old.yaml")
    assert lonely.exit_code == 2
    assert "found no standard with its next version" in lonely.output
    git = cli("diff", "--git", "a", "b")
    assert (git.exit_code, "--git takes the 7 arguments" in git.output) == (2, True)
    assert cli("diff", "--format", "xml", REWORDED / "old.yaml").exit_code == 2


def test_bad_input_names_its_file_and_line(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "CNDIFF01.yaml"
    broken.write_text("code: CNDIFF01\ntitle: [unclosed\n", encoding="utf-8")
    result = cli("diff", REWORDED / "old.yaml", broken)
    assert result.exit_code == 1
    assert result.output.startswith(f"{broken}:")
    assert "Traceback" not in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = cli("diff", REWORDED / "old.yaml", empty)
    assert (nothing.exit_code, "no standards found" in nothing.output) == (1, True)


def test_jsonl_and_directories_are_read(cli: Cli, tmp_path: Path) -> None:
    lines = tmp_path / "new.jsonl"
    exported = cli("export", "--format", "jsonl", REWORDED / "new.yaml")
    lines.write_text(exported.output, encoding="utf-8")
    result = cli("diff", "--format", "json", REWORDED / "old.yaml", lines)
    got = json.loads(result.output)
    assert got["verdict"] == "not equivalent"
    assert [c["new"] for c in got["changes"] if c["kind"] == "reworded"] == [
        "CNDIFF01/P5",
        "CNDIFF01/K3",
    ]


def test_out_writes_a_file_and_keeps_an_existing_one(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "changes.csv"
    args = ("diff", "--format", "csv", REWORDED / "old.yaml", REWORDED / "new.yaml", "--out", out)
    assert cli(*args).exit_code == 1
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert (
        header == "old_standard,new_standard,part,kind,old,new,old_text,new_text,words,score,credit"
    )
    again = cli(*args)
    assert again.exit_code == 2
    assert "exists" in again.output
    assert cli(*args, "--force").exit_code == 1


def test_git_external_diff_driver(cli: Cli, tmp_path: Path) -> None:
    old, new = REWORDED / "old.yaml", REWORDED / "new.yaml"
    result = cli("diff", "--git", "CNDIFF01.yaml", old, "abc", "100644", new, "def", "100644")
    assert result.exit_code == 0  # git stops at an external diff that fails
    lines = result.output.splitlines()
    assert lines[:2] == [
        "carenos diff a/CNDIFF01.yaml b/CNDIFF01.yaml",
        "CNDIFF01 -> CNDIFF01: not equivalent",
    ]
    added = cli("diff", "--git", "CNDIFF01.yaml", "/dev/null", ".", ".", new, "def", "100644")
    assert added.exit_code == 0
    assert "(none) -> CNDIFF01: equivalent with additions" in added.output
    notes = tmp_path / "notes.md"
    notes.write_text("one\ntwo\n", encoding="utf-8")
    other = tmp_path / "notes2.md"
    other.write_text("one\nthree\n", encoding="utf-8")
    plain = cli("diff", "--git", "notes.md", notes, ".", ".", other, ".", ".")
    assert plain.exit_code == 0
    assert "-two\n+three\n" in plain.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_rev_compares_with_the_committed_version(cli: Cli, tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    target = tmp_path / "CNDIFF01.yaml"
    shutil.copy(REWORDED / "old.yaml", target)
    git("add", ".")
    git("-c", "user.email=a@example.org", "-c", "user.name=A", "commit", "-qm", "old")
    shutil.copy(REWORDED / "new.yaml", target)
    fresh = tmp_path / "CNDIFF03.yaml"
    shutil.copy(ADDED / "new.yaml", fresh)
    fresh.write_text(fresh.read_text(encoding="utf-8").replace("CNDIFF01", "CNDIFF03"))
    result = cli("diff", "--rev", "HEAD", "--format", "json", target, fresh)
    got = json.loads(result.output)
    assert [(pair["old"], pair["new"], pair["verdict"]) for pair in got] == [
        ("CNDIFF01", "CNDIFF01", "not equivalent"),
        (None, "CNDIFF03", "equivalent with additions"),
    ]
    bad = cli("diff", "--rev", "no-such-rev", target)
    assert bad.exit_code == 2
    assert "git show no-such-rev" in bad.output
