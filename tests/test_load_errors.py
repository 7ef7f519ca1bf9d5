"""Data-driven: each file under cases/load/ loads, or fails with the expected error and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import carenos
from carenos import errors

from .support.paths import CASES

LOAD_CASES = CASES / "load"
EXPECTED: dict[str, dict[str, object] | None] = json.loads(
    (LOAD_CASES / "expected.json").read_text(encoding="utf-8")
)


def test_every_case_file_has_an_expectation() -> None:
    files = {p.name for p in LOAD_CASES.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_case(name: str) -> None:
    path = LOAD_CASES / name
    expected = EXPECTED[name]
    if expected is None:
        assert carenos.load(path).code == "SCDHSC9999"
        return
    with pytest.raises(carenos.CarenosError) as caught:
        carenos.load(path)
    error = caught.value
    assert type(error).__name__ == expected["error"]
    assert isinstance(error, getattr(errors, str(expected["error"])))
    assert error.source == str(path)
    assert (error.line, error.column) == (expected["line"], expected["column"])
    assert str(expected["message"]) in error.message
    assert str(error).startswith(f"{path}:")


def test_dates_stay_the_text_that_was_written() -> None:
    standard = carenos.load(LOAD_CASES / "valid.yaml")
    assert standard.metadata is not None
    assert standard.metadata.date_approved == "2016-03-31"


def test_errors_are_never_raw_library_exceptions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"code: \xff\xfe\n")
    with pytest.raises(errors.ReadError, match="byte offset 6") as caught:
        carenos.load(bad)
    assert (caught.value.line, caught.value.column) == (1, 7)


def test_unknown_suffix_and_format_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(errors.UsageError, match=r"\.txt"):
        carenos.load(tmp_path / "x.txt")
    with pytest.raises(errors.UsageError, match="unknown format"):
        carenos.loads("{}", "toml")  # type: ignore[arg-type]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.ReadError, match="no such file"):
        carenos.load(tmp_path / "none.yaml")
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(errors.ReadError, match="directory"):
        carenos.load(tmp_path / "dir.yaml")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("code: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(errors.ReadError, match="size limit of 100 bytes"):
        carenos.load(path, max_size=100)
