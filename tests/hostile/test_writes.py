"""No data loss on write: a write that fails half-way leaves the old file as it was.

The failure is made in the file handle itself (it writes part of the text, then the
"disk is full"), so every writer is caught out the same way: ``dump``, ``import --force``
and ``export --out``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

import carenos

from ..support.cli import Cli
from ..support.hostile import CODE, standard_yaml

OLD = "the old file, which must survive\n"


class _HalfFull:
    """A text handle that writes part of what it is given, then fails as a full disk does."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, text: str) -> int:
        self._handle.write(text[: len(text) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _HalfFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text files opened for writing by carenos fail half-way through the first write."""
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real(fd, mode, *args, **kwargs)
        return _HalfFull(handle) if "w" in mode else handle

    monkeypatch.setattr(os, "fdopen", fdopen)  # carenos.io.files writes through it


def _intact(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temporary was left"


def test_dump_that_fails_half_way(tmp_path: Path, disk_full: None) -> None:
    target = tmp_path / f"{CODE}.yaml"
    target.write_text(OLD, encoding="utf-8")
    standard = carenos.loads(standard_yaml())
    with pytest.raises(carenos.CarenosError, match="cannot write: No space left on device"):
        carenos.dump(standard, target, overwrite=True)
    _intact(target)


def test_import_force_that_fails_half_way(cli: Cli, tmp_path: Path, disk_full: None) -> None:
    source = Path(__file__).parents[2] / "data" / "sources" / "SCDHSC0393.txt"
    out = tmp_path / "out"
    out.mkdir()
    target = out / "SCDHSC0393.yaml"
    target.write_text(OLD, encoding="utf-8")
    result = cli("import", source, "--out", out, "--force", "--title", "T")
    assert result.exit_code == 2, result.output
    assert "cannot write: No space left on device" in result.output
    assert "Traceback" not in result.output
    _intact(target)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "case", "yaml"])
def test_export_out_that_fails_half_way(
    cli: Cli, tmp_path: Path, disk_full: None, fmt: str
) -> None:
    source = tmp_path / "in" / f"{CODE}.yaml"
    source.parent.mkdir()
    source.write_text(standard_yaml(), encoding="utf-8")
    target = tmp_path / "out" / "export.txt"
    target.parent.mkdir()
    target.write_text(OLD, encoding="utf-8")
    result = cli("export", source, "--format", fmt, "--out", target, "--force")
    assert result.exit_code == 2, result.output
    assert f"{target}: error: cannot write" in result.output
    _intact(target)
    assert source.read_text(encoding="utf-8") == standard_yaml()
