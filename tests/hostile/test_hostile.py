"""Every hostile case through every interface that reads it: a clear error, bounded, no harm.

Each run must end in a :class:`~carenos.CarenosError` or a finding that names the file
and says what is wrong (exit code 1 or 2 from the command line, never a traceback,
never 0), within 2 seconds and 200 MB, without constructing anything from a tag, without
modifying any file, and without leaving output behind.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import carenos
from carenos.importer import import_file

from ..support.cli import Cli
from ..support.hostile import CASES, MARKER, TRIED, Case, huge_item, snapshot

SECONDS = 20.0
"""A guard against a hang or a runaway (quadratic) pass, not a speed figure: speed is
measured by `make bench`. A normal run takes well under a second (2 s under tracemalloc)."""
MEGABYTES = 200

RUNS = [
    pytest.param(case, interface, id=f"{case.name}-{interface}")
    for case in CASES
    for interface in case.interfaces
]


def _limit_memory() -> None:
    limit = MEGABYTES * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


_PEAK = """
import atexit, os, sys

def _report():  # the peak RSS of this process: VmHWM starts afresh at exec, ru_maxrss does not
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(os.environ["CARENOS_TEST_PEAK"], "w") as out:
        out.write(peak)

atexit.register(_report)
from carenos.cli import main
sys.argv[0] = "carenos"
main()
"""


def run_cli(*args: str) -> tuple[int, str, float, float]:
    """Run the command line in a subprocess under a memory limit.

    Returns the exit code, stdout and stderr together, seconds taken and peak RSS in MB
    (the process's own: ``ru_maxrss`` of a child starts at its parent's peak on Linux).
    """
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch, "peak")
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", _PEAK, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            preexec_fn=_limit_memory,
            env={**os.environ, "CARENOS_TEST_PEAK": str(peak_file)},
        )
        assert process.stdout is not None
        output = process.stdout.read().decode("utf-8", "replace")
        process.stdout.close()
        returncode = process.wait()
        seconds = time.perf_counter() - started
        peak_kb = float(peak_file.read_text()) if peak_file.exists() else float("inf")
    return returncode, output, seconds, peak_kb / 1024


def _cli_args(interface: str, path: Path, out: Path) -> list[str]:
    command = interface.removeprefix("cli-")
    if command == "export":
        return ["export", str(path), "--format", "jsonl", "--out", str(out / "all.jsonl")]
    if command == "import":
        return ["import", str(path), "--out", str(out)]
    return [command, str(path)]


def _api(interface: str, path: Path) -> str:
    """Run the API; the message of the error or finding it gave."""
    if interface == "api-validate":
        report = carenos.validate(path)
        assert not report.ok, report
        return "\n".join(f"{f.location}: {f.message}" for f in report.errors)
    try:
        if interface == "api-import":
            import_file(path)
        elif path.is_dir():
            carenos.load_corpus(path)
        else:
            carenos.load(path)
    except carenos.CarenosError as error:
        return str(error)
    pytest.fail(f"{interface} accepted {path}")


@pytest.mark.parametrize(("case", "interface"), RUNS)
def test_hostile_case(case: Case, interface: str, tmp_path: Path) -> None:
    path = case.make(tmp_path, ".txt" if interface.endswith("import") else case.suffix)
    if case.name == "unreadable" and os.access(path, os.R_OK):
        pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reads")
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(tmp_path)
    TRIED[case.name].add(interface)
    if interface.startswith("api-"):
        started = time.perf_counter()
        message = _api(interface, path)
        seconds = time.perf_counter() - started
        tracemalloc.start()  # a second run for memory: tracing slows Python down a lot
        try:
            assert _api(interface, path) == message
            peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        finally:
            tracemalloc.stop()
    else:
        code, message, seconds, peak = run_cli(*_cli_args(interface, path, out))
        assert "Traceback" not in message, message
        assert code == case.exit_code, message
    expected = case.expected(interface)
    assert expected in message, message
    assert path.name in message or str(path) in message, message
    assert seconds < SECONDS, f"took {seconds:.2f} s"
    assert peak < MEGABYTES, f"used {peak:.0f} MB"
    assert not (tmp_path / MARKER).exists(), "an object was constructed from a tag"
    assert snapshot(tmp_path) == before, "reading modified a file"
    assert not any(out.iterdir()), "a failed command left output behind"


def test_a_huge_knowledge_item_is_refused_within_bounds(tmp_path: Path) -> None:
    """1 MB of statement text is over the text limit: refused quickly, with little memory."""
    path = huge_item(tmp_path)
    TRIED["knowledge-item-1mb"].update({"api-validate", "cli-validate", "cli-map"})
    tracemalloc.start()
    started = time.perf_counter()
    report = carenos.validate(path)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    assert report.files == 1
    assert [(f.code, f.pointer) for f in report.findings] == [
        ("CN100", "/knowledge/0/items/0/text")
    ]
    assert "the limit is 10,000" in report.findings[0].message
    assert seconds < SECONDS, seconds
    assert peak < MEGABYTES, peak
    for command in ("validate", "map"):
        code, output, seconds, peak = run_cli(command, str(path))
        assert code == 1, output
        assert "the limit is 10,000" in output
        assert "Traceback" not in output
        assert seconds < SECONDS, (command, seconds)
        assert peak < MEGABYTES, (command, peak)


def test_an_unreadable_file_is_reported_even_as_root(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What chmod 000 cannot show under root: a refused open is a CN004 that names the file."""
    path = tmp_path / "SCDHSC9999.yaml"
    path.write_text("code: SCDHSC9999\n", encoding="utf-8")
    real = os.open

    def refusing(name: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(carenos.CarenosError, match="permission denied") as caught:
        carenos.load(path)
    assert caught.value.source == str(path)
    with pytest.raises(carenos.CarenosError, match="permission denied"):
        carenos.load_corpus(tmp_path)
    (finding,) = carenos.validate(path).findings
    assert (finding.code, finding.source, finding.message) == (
        "CN004",
        str(path),
        "permission denied",
    )
    result = cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}: error CN004 permission denied" in result.output
