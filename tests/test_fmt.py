"""``carenos fmt`` and ``validate --fix`` on files: check, diff, write, fix, refuse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .support.cli import Cli
from .support.paths import ROOT

SEEDS = ROOT / "data" / "standards"
MESSY = """\
# drafted from the 2019 version
title: Promote  participation   # keep this title short
code: SCDHSC9999
overview: This standard covers the things a worker does.
elements:
  - performance_criteria:
      - text: agree with individuals the purpose\u00a0of the activities   # the first
        id: p1
      - {id: P3, text: agree with all involved the goals of the activity}
    title: Plan agreed activities
knowledge:
  # Rights first, as every standard of the suite
  - items:
      - id: K01
        text: legal and work setting requirements on equality, diversity and rights
    heading: Rights
"""


def test_the_committed_standards_are_in_the_canonical_layout(cli: Cli) -> None:
    result = cli("fmt", "--check", SEEDS)
    assert result.exit_code == 0, result.output
    assert "0 files would be reformatted, 2 left unchanged" in result.output


def test_check_diff_and_write(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC9999.yaml"
    path.write_text(MESSY, encoding="utf-8")
    check = cli("fmt", "--check", tmp_path)
    assert check.exit_code == 1
    assert f"would reformat {path}" in check.output
    diff = cli("fmt", "--diff", tmp_path)
    assert diff.exit_code == 0
    assert "+code: SCDHSC9999\n" in diff.output
    assert "-code: SCDHSC9999\n" in diff.output
    assert "+      - id: P3\n" in diff.output
    assert path.read_text(encoding="utf-8") == MESSY  # --check and --diff write nothing
    written = cli("fmt", tmp_path)
    assert written.exit_code == 0
    assert "1 file reformatted, 0 left unchanged" in written.output
    text = path.read_text(encoding="utf-8")
    for comment in ("# drafted from", "# keep this title short", "# the first", "# Rights first"):
        assert comment in text
    assert text.index("code:") < text.index("title:") < text.index("overview:")
    assert "{id:" not in text  # flow mappings written as blocks
    assert cli("fmt", "--check", tmp_path).exit_code == 0


def test_validate_fix_mends_what_it_can_and_says_so(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC9999.yaml"
    path.write_text(MESSY, encoding="utf-8")
    before = cli("validate", "--isolated", tmp_path)
    assert before.exit_code == 1
    fixed = cli("validate", "--isolated", "--fix", "--fix-drift", tmp_path)
    assert fixed.exit_code == 0, fixed.output
    for said in (
        f"{path}:2: fixed: title: whitespace and invisible characters",
        f"{path}:8: fixed: id 'p1' written P1",
        f"{path}:9: fixed: P3 renumbered P2",
        f"{path}:14: fixed: id 'K01' written K1",
        f"{path}:15: fixed: SCDHSC9999/K1: the wording of rights.equality-diversity-discrimination",
    ):
        assert said in fixed.output
    assert "1 file checked: no problems found." in fixed.output
    text = path.read_text(encoding="utf-8")
    again = cli("validate", "--isolated", "--fix", "--fix-drift", tmp_path)
    assert "fixed:" not in again.output
    assert path.read_text(encoding="utf-8") == text


def test_a_file_that_does_not_parse_is_reported_and_left(cli: Cli, tmp_path: Path) -> None:
    shutil.copy(SEEDS / "SCDHSC0393.yaml", tmp_path)
    broken = tmp_path / "SCDHSC9999.yaml"
    broken.write_text("code: SCDHSC9999\ntitle: [unclosed\n", encoding="utf-8")
    result = cli("fmt", tmp_path)
    assert result.exit_code == 1
    assert f"{broken}:2:8: error: the [ that starts here is never closed" in result.output
    assert "0 files reformatted, 1 left unchanged, 1 not read" in result.output
    assert broken.read_text(encoding="utf-8") == "code: SCDHSC9999\ntitle: [unclosed\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('code: SCDHSC9999\ntitle: "\\U00110000"\n', ":2:11: error: an escape that a quoted"),
        ("%YAML 1.3\n---\ncode: SCDHSC9999\n", ":1:1: error: not valid YAML: found incompat"),
    ],
)
def test_what_the_round_trip_reader_raises_is_an_error_not_a_traceback(
    cli: Cli, tmp_path: Path, text: str, said: str
) -> None:
    """ruamel.yaml's pure reader raises Python errors of its own on these (an escape of no
    character, a YAML version it does not know): each is CN001."""
    broken = tmp_path / "SCDHSC9999.yaml"
    broken.write_text(text, encoding="utf-8")
    for args in (("fmt", broken), ("validate", "--fix", broken)):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert f"{broken}{said}" in result.output
        assert broken.read_text(encoding="utf-8") == text


def test_dates_and_times_are_kept_as_written(cli: Cli, tmp_path: Path) -> None:
    """The round trip keeps a date or time as its text (ruamel's own built a date: it
    raised on a date of no day, and wrote a time its own way)."""
    text = (SEEDS / "SCDHSC0393.yaml").read_text(encoding="utf-8")
    stamps = "approved: 2001-13-45\nreviewed: 2001-12-14t21:59:43.10-05:00\nnext: 2001-1-5\n"
    path = tmp_path / "SCDHSC0393.yaml"
    path.write_text(text + stamps, encoding="utf-8")
    result = cli("fmt", "--check", path)
    assert result.exit_code == 0, result.output  # unknown keys stay after the known ones
    path.write_text(stamps + text, encoding="utf-8")
    assert cli("fmt", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == text + stamps
