"""The format tables, their Literals, the command line's choices and the docs agree."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO, get_args

import click
import pytest

from carenos.cli import main
from carenos.export import ExportOptions
from carenos.io import formats
from carenos.model import Standard

from .support.cli import Cli
from .support.paths import ROOT

TABLES = [
    (formats.WRITERS, formats.ExportFormat, "export"),
    (formats.REPORTERS, formats.ReportFormat, "validate"),
    (formats.RENDERERS, formats.MapFormat, "map"),
    (formats.RULE_FORMATS, formats.RulesFormat, "rules"),
]


def _choices(command: str) -> tuple[str, ...]:
    cmd = main.commands[command]
    (option,) = (p for p in cmd.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


@pytest.mark.parametrize(("table", "literal", "command"), TABLES, ids=[t[2] for t in TABLES])
def test_table_literal_and_choices_agree(
    table: dict[str, formats.Output], literal: object, command: str
) -> None:
    assert tuple(table) == get_args(literal)
    assert _choices(command) == tuple(table)
    for output in table.values():
        assert callable(output.load()), output.target


def test_input_formats_agree() -> None:
    assert tuple(formats.READERS) == get_args(formats.InputFormat)
    assert set(formats.SUFFIXES.values()) == set(formats.READERS)
    assert {r.document for r in formats.READERS.values()} == set(get_args(formats.DocumentFormat))
    assert formats.STANDARD_FILE_SUFFIXES == (".yaml", ".yml", ".json")
    assert formats.input_format("a/B.YML") == "yaml"
    assert formats.input_format("notes.txt") is None


def test_docs_formats_md_is_generated_from_the_tables(cli: Cli) -> None:
    committed = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert committed == formats.markdown(), (
        "regenerate: carenos formats --format markdown > docs/formats.md"
    )
    result = cli("formats", "--format", "markdown")
    assert (result.exit_code, result.output) == (0, committed)


def write_codes(
    standards: Iterable[Standard], handle: IO[str], options: ExportOptions | None = None
) -> None:
    """A throwaway exporter: one code a line."""
    for standard in standards:
        handle.write(f"{standard.code}\n")


def test_a_throwaway_exporter_added_by_one_row_is_everywhere(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = formats.Output(f"{__name__}:write_codes", "one code a line")
    monkeypatch.setitem(formats.WRITERS, "codes", row)
    result = cli("export", "--format", "codes", str(ROOT / "data" / "standards"))
    assert (result.exit_code, result.output) == (0, "SCDHSC0393\nSCDHSC0429\n")
    assert "codes" in cli("export", "--help").output
    assert "| `codes` | one code a line |" in formats.markdown()
    assert "export    codes     one code a line" in cli("formats").output

    from carenos.export import write

    out = io.StringIO()
    write("codes", [], out)
    assert out.getvalue() == ""


def test_an_unknown_format_is_refused_by_the_command_line(cli: Cli) -> None:
    result = cli("export", "--format", "codes", str(ROOT / "data"))
    assert result.exit_code == 2
    assert "'codes' is not one of" in result.output
