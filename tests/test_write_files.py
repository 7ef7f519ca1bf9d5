"""The one writer of standard files: import, import-case and export --format yaml --out DIR.

Before it was one function, `carenos import` and `export.yaml.write_yaml_files` had
drifted apart, each without a check the other had; the first two tests are those two.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import carenos
from carenos.errors import DuplicateError, UsageError
from carenos.export import write_yaml_files

from .support.cli import Cli
from .support.importing import SOURCES, TITLES
from .support.paths import ROOT

STANDARDS = ROOT / "data" / "standards"


def test_import_refuses_a_code_that_is_no_file_name(cli: Cli, tmp_path: Path) -> None:
    """`carenos import --code sub/X` once wrote out/sub/X.yaml when out/sub existed."""
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    result = cli(
        "import",
        str(SOURCES / "SCDHSC0393.txt"),
        "--out",
        str(out),
        "--code",
        "sub/SCDHSC0393",
        "--title",
        TITLES["SCDHSC0393"],
    )
    assert result.exit_code == 2, result.output
    assert "cannot name a file after the standard code 'sub/SCDHSC0393'" in result.output
    assert list(out.rglob("*.yaml")) == []


@pytest.mark.parametrize("overwrite", [False, True])
def test_two_standards_of_one_code_are_refused_before_anything_is_written(
    tmp_path: Path, overwrite: bool
) -> None:
    """write_yaml_files once let the second replace the first (overwrite), or wrote one."""
    first = carenos.load(STANDARDS / "SCDHSC0393.yaml")
    second = attrs.evolve(first, title="Another title")
    with pytest.raises(DuplicateError, match="are both SCDHSC0393: one file each"):
        write_yaml_files([first, second], tmp_path / "out", overwrite=overwrite)
    assert not (tmp_path / "out").exists()


def test_an_existing_file_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    corpus = carenos.load_corpus(STANDARDS)
    out = tmp_path / "out"
    out.mkdir()
    (out / "SCDHSC0429.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match="the file exists"):
        write_yaml_files(corpus, out)
    assert sorted(p.name for p in out.iterdir()) == ["SCDHSC0429.yaml"]
    assert (out / "SCDHSC0429.yaml").read_text(encoding="utf-8") == "mine\n"
    written = write_yaml_files(corpus, out, overwrite=True)
    assert [p.name for p in written] == ["SCDHSC0393.yaml", "SCDHSC0429.yaml"]
    assert carenos.load(out / "SCDHSC0429.yaml") == corpus["SCDHSC0429"]


def test_a_failing_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All files are written to temporary files first: a failure on the second moves none."""
    import os

    corpus = carenos.load_corpus(STANDARDS)
    real = os.fsync
    calls = 0

    def failing(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(UsageError, match="No space left on device"):
        write_yaml_files(corpus, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_yaml_to_a_directory_writes_one_file_a_standard(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = cli("export", "--format", "yaml", "--out", str(out), str(STANDARDS))
    assert result.exit_code == 0, result.output
    for path in sorted(STANDARDS.glob("*.yaml")):
        assert (out / path.name).read_bytes() == path.read_bytes()
    again = cli("export", "--format", "yaml", "--out", str(out), str(STANDARDS))
    assert again.exit_code == 2
    assert "the file exists" in again.output


def test_export_of_another_format_to_a_directory_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--format", "json", "--out", str(tmp_path), str(STANDARDS))
    assert result.exit_code == 2
    assert "--format json writes one file" in result.output


def test_a_directory_in_the_way_is_refused_before_any_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "SCDHSC0429.yaml").mkdir()
    (tmp_path / "SCDHSC0393.yaml").write_text("old\n", encoding="utf-8")
    with pytest.raises(UsageError, match="a directory is in the way"):
        write_yaml_files(carenos.load_corpus(STANDARDS), tmp_path, overwrite=True)
    assert (tmp_path / "SCDHSC0393.yaml").read_text(encoding="utf-8") == "old\n"
