"""Writing standards: YAML a person would write, atomic writes, no silent overwrite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import carenos
from carenos.errors import UsageError
from carenos.io import files


def test_yaml_is_block_style_in_documented_key_order(minimal_dict: dict[str, Any]) -> None:
    text = carenos.dumps(carenos.from_dict(minimal_dict), "yaml")
    assert "!!" not in text
    assert "{" not in text
    keys = [line.split(":")[0] for line in text.splitlines() if not line.startswith(" ")]
    assert keys == ["code", "title", "overview", "elements", "knowledge"]
    assert "      - id: P1\n        text: do one thing\n" in text


def test_long_text_is_folded_and_reads_back(minimal_dict: dict[str, Any]) -> None:
    long = " ".join(["word"] * 60)
    standard = carenos.from_dict({**minimal_dict, "overview": long})
    text = carenos.dumps(standard)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert not [line for line in text.splitlines() if line.endswith(" ")]
    assert carenos.loads(text).overview == long


def test_dump_refuses_to_overwrite(tmp_path: Path, minimal_dict: dict[str, Any]) -> None:
    standard = carenos.from_dict(minimal_dict)
    path = tmp_path / "SCDHSC9999.yaml"
    path.write_text("precious\n", encoding="utf-8")
    with pytest.raises(UsageError, match="exists"):
        carenos.dump(standard, path)
    assert path.read_text(encoding="utf-8") == "precious\n"
    carenos.dump(standard, path, overwrite=True)
    assert carenos.load(path) == standard
    carenos.dump(standard, tmp_path / "out.json")
    assert carenos.load(tmp_path / "out.json") == standard


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text("old\n", encoding="utf-8")

    def half_then_fail(handle: Any) -> None:
        handle.write("new, half")
        raise RuntimeError("serialiser failed")

    with pytest.raises(RuntimeError, match="serialiser failed"):
        files.atomic_write(path, half_then_fail, overwrite=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["file.yaml"]


def test_dump_into_a_missing_directory_is_a_clear_error(
    tmp_path: Path, minimal_dict: dict[str, Any]
) -> None:
    target = tmp_path / "no-such-dir" / "SCDHSC9999.yaml"
    with pytest.raises(UsageError, match="no directory") as caught:
        carenos.dump(carenos.from_dict(minimal_dict), target)
    assert caught.value.source == str(target)
    assert not target.parent.exists()


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"

    def write_while_another_process_creates_it(handle: Any) -> None:
        handle.write("ours\n")
        path.write_text("theirs\n", encoding="utf-8")

    with pytest.raises(UsageError, match="the file exists"):
        files.atomic_write(path, write_while_another_process_creates_it)
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["file.yaml"]
