"""The hostile suite's tally, printed at the end of the run."""

from __future__ import annotations

import pytest

from ..support.hostile import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many hostile cases were tried through how many interfaces."""
    if not TRIED:
        return
    interfaces = {name for names in TRIED.values() for name in names}
    runs = sum(len(names) for names in TRIED.values())
    terminalreporter.write_line(
        f"hostile suite: {len(TRIED)} cases x {len(interfaces)} interfaces tried "
        f"({runs} case-interface runs)"
    )
