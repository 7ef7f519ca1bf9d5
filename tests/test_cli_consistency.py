"""The command line alike across commands (newcomer trial, finding 15): -o and -f, --quiet,
--color, a --version that names the data, progress only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

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
