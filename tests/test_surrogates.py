"""A JSON escape of half a character (``\\ud800`` alone) is refused where it is read: every
command names the file, line and column (validate: CN005); no command fails writing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.errors import CharacterError, ParseError
from carenos.io.characters import surrogate_escapes
from carenos.io.json import parse_json

from .support.cli import Cli

CASE = Path(__file__).parent / "cases" / "validate" / "cn005-lone-surrogate" / "SCDHSC9999.json"


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        (r'"a \ud800 b"', [4]),
        (r'"a \udc00 b"', [4]),
        (r'"a \ud83d\ude00 b"', []),  # a pair: one character (an emoji)
        (r'"a \\ud800 b"', []),  # an escaped backslash, then text
        (r'"a \\\ud800 b"', [6]),  # an escaped backslash, then the escape
        (r'"\uD800\uD800\uDC00"', [2]),  # the first high one has no low one
        (r'"\ude00\ud83d"', [2, 8]),  # the wrong way round
    ],
)
def test_unpaired_escapes_are_found_at_their_column(text: str, columns: list[int]) -> None:
    assert [escape.column for escape in surrogate_escapes(text)] == columns
    assert all(escape.code == "CN005" for escape in surrogate_escapes(text))


@given(st.text())
def test_what_json_writes_has_no_unpaired_escape(text: str) -> None:
    """Text without surrogates, written with every character escaped, has none."""
    assert surrogate_escapes(json.dumps(text, ensure_ascii=True)) == []


def test_reading_refuses_it_at_its_line_and_column() -> None:
    with pytest.raises(CharacterError) as caught:  # a ParseError, of CN005
        carenos.load(CASE)
    assert (caught.value.line, caught.value.column) == (22, 25)
    assert "unpaired surrogate" in caught.value.message
    assert caught.value.code == "CN005"
    with pytest.raises(ParseError) as refused:
        parse_json("{\n" + r'"a": "\udfff"}', "x.json", line_offset=10)
    assert (refused.value.line, refused.value.column) == (12, 7)


def test_export_names_it_instead_of_failing_to_write(cli: Cli, tmp_path: Path) -> None:
    lines = tmp_path / "one.jsonl"
    lines.write_text(json.dumps(json.loads(CASE.read_text())) + "\n", encoding="utf-8")
    for fmt in ("jsonl", "csv", "case", "yaml"):
        result = cli("export", "--format", fmt, lines)
        assert result.exit_code == 1, (fmt, result.output)
        assert "Traceback" not in result.output
        assert f"{lines}:1:" in result.stderr
        assert "unpaired surrogate" in result.stderr
        assert "(CN005)" in result.stderr


def test_a_line_of_json_lines_is_still_checked_after_its_escape(cli: Cli, tmp_path: Path) -> None:
    """As in a .json file: the escape is CN005, and the line's other problems are found too,
    so that ignoring CN005 does not let a line that no loader reads pass."""
    line = r'{"code":"SCDHSC9999","title":"t \ud800","overview":"x","elements":[],"knowledge":[]}'
    lines = tmp_path / "one.jsonl"
    lines.write_text("\n" + line + "\n", encoding="utf-8")
    single = tmp_path / "SCDHSC9999.json"
    single.write_text(line + "\n", encoding="utf-8")
    codes = {}
    for path in (lines, single):
        result = cli("validate", "--format", "json", path)
        codes[path.suffix] = [
            (f["code"], f["column"]) for f in json.loads(result.output)["findings"]
        ]
    assert codes[".jsonl"] == codes[".json"] == [("CN005", 33), ("CN204", 67), ("CN204", 82)]
    ignored = cli("validate", "--ignore", "CN005", lines)
    assert ignored.exit_code == 1
    assert "CN204" in ignored.output
    with pytest.raises(CharacterError):
        carenos.load_corpus(lines)
