"""The command line alike across commands (newcomer trial, finding 15): -o and -f, --quiet,
--color, a --version that names the data, progress only on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from benchmarks import make_corpus

from carenos import cli_options

from .support.cli import Cli
from .support.paths import ROOT

STANDARDS = ROOT / "data" / "standards"


def test_version_names_the_schema_catalogue_and_data(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.output.startswith("carenos ")
    assert "(schema standard-2; shared-knowledge catalogue of " in result.output
    assert result.output.endswith("entries; 2 bundled standards)\n")


def test_short_options_for_out_and_format(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "nos.jsonl"
    assert cli("export", STANDARDS, "-f", "jsonl", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 2
    assert cli("validate", STANDARDS, "-f", "json").output.startswith("{")


def test_quiet_keeps_summaries_off_stderr(cli: Cli, tmp_path: Path) -> None:
    loud = cli("search", "privacy", STANDARDS)
    assert "statements found" in loud.stderr
    quiet = cli("-q", "search", "privacy", STANDARDS)
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_colour_only_when_asked_or_on_a_terminal(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "SCDHSC0393.yaml"
    text = (STANDARDS / "SCDHSC0393.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("id: K7\n", "id: K77\n"), encoding="utf-8")
    plain = cli("validate", "--isolated", path)
    assert "\x1b[" not in plain.output
    coloured = cli("--color", "always", "validate", "--isolated", path)
    assert "\x1b[31m\x1b[1merror\x1b[0m CN202" in coloured.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_for_long_work(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with cli_options.progress(250, "validating") as advance:
        for _ in range(250):
            advance()
    assert "validating" in terminal.getvalue()
    short = _Terminal()
    monkeypatch.setattr("sys.stderr", short)
    with cli_options.progress(10, "validating") as advance:
        advance()
    assert short.getvalue() == ""
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    with cli_options.progress(250, "validating") as advance:
        advance()
    assert piped.getvalue() == ""


@pytest.mark.parametrize(
    ("command", "label"),
    [(("load",), "loading"), (("export", "-f", "jsonl", "-o", "{out}"), "exporting")],
)
def test_reading_many_standards_shows_progress_on_a_terminal_only(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], label: str
) -> None:
    """Newcomer finding 18: long runs printed nothing until they finished."""
    corpus = make_corpus.write_corpus(cli_options.PROGRESS_FROM + 10, tmp_path / "big.jsonl")
    args = [arg.format(out=tmp_path / "out.jsonl") for arg in command]
    monkeypatch.setattr(cli_options, "showing_progress", lambda: True)  # as on a terminal
    shown = cli(*args, corpus)
    assert shown.exit_code == 0, shown.output
    assert shown.stderr.startswith(label)  # click draws the bar itself only on a real terminal
    monkeypatch.undo()
    (tmp_path / "out.jsonl").unlink(missing_ok=True)
    piped = cli(*args, corpus)  # CliRunner's stderr is not a terminal
    assert piped.exit_code == 0
    assert label not in piped.stderr
    assert piped.stdout == shown.stdout


def test_the_bar_counts_a_standard_a_file_and_a_line_a_jsonl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus.write_corpus(cli_options.PROGRESS_FROM, tmp_path / "big.jsonl")
    expected = cli_options._expected_standards([str(corpus), str(STANDARDS)])
    assert expected == cli_options.PROGRESS_FROM + 2
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(cli_options, "showing_progress", lambda: True)
    read = list(cli_options.read_standards_shown([str(corpus), str(STANDARDS)], max_size=None))
    assert len(read) == cli_options.PROGRESS_FROM + 2
    assert re.search(r"reading\s+\[#+\]\s+100%", terminal.getvalue())


def test_option_values_are_checked_with_clear_messages(cli: Cli) -> None:
    clash = cli(
        "validate",
        STANDARDS,
        "--no-catalogue",
        "--catalogue",
        ROOT / "data" / "shared-knowledge.yaml",
    )
    assert clash.exit_code == 2
    assert clash.stderr == (
        "carenos: error: --no-catalogue checks no wording: "
        "drop --catalogue or --threshold (CN900)\n"
    )
    date = cli("export", STANDARDS, "-f", "case", "--case-last-change", "yesterday")
    assert date.exit_code == 2
    assert date.stderr.startswith("carenos: error: 'yesterday' is not an ISO date")


def test_validate_takes_the_drift_threshold_map_takes(cli: Cli, tmp_path: Path) -> None:
    text = (STANDARDS / "SCDHSC0393.yaml").read_text(encoding="utf-8")
    drifted = text.replace("may have an impact on\n", "might have an impact on\n")
    (tmp_path / "SCDHSC0393.yaml").write_text(drifted, encoding="utf-8")
    assert "CN401" in cli("validate", "--isolated", tmp_path).output
    assert "CN401" not in cli("validate", "--isolated", tmp_path, "--threshold", "99").output
