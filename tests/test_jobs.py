"""--jobs: many files read and checked by worker processes give what one process gives,
byte for byte (reports, exit codes, loaded corpora, errors at file:line:col)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks import make_corpus

import carenos
from carenos import cli_options
from carenos import corpus as corpus_module
from carenos._pool import PARALLEL_FROM, Workers, worth_it
from carenos.corpus import load_corpus
from carenos.errors import CarenosError, LimitError, UsageError
from carenos.validation import render, validate_paths

from .support.cli import Cli

COUNT = 64
MIDDLE = make_corpus.code_of(30)
NESTED = "SCDHSC9990"


def _write_many(directory: Path) -> Path:
    make_corpus.write_corpus(COUNT, directory / "corpus.jsonl", yaml_dir=directory)
    (directory / "corpus.jsonl").unlink()
    return directory


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of 64 valid standards (with CN401 warnings) and one nested below it."""
    directory = _write_many(tmp_path_factory.mktemp("valid"))
    (directory / "nested").mkdir()
    text = _text(directory, 0).replace(make_corpus.code_of(0), NESTED)
    (directory / "nested" / f"{NESTED}.yaml").write_text(text, "utf-8")
    return directory


def _extra() -> str:
    """A standard not in the directories, as a line of JSON."""
    return list(make_corpus.iter_lines(COUNT + 1))[-1]


def _text(directory: Path, index: int) -> str:
    return (directory / f"{make_corpus.code_of(index)}.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, valid: Path) -> Path:
    """The valid standards and some that are not: every stage has findings, and the corpus
    stage's findings (CN207, CN208) need the positions of documents a worker read."""
    directory = tmp_path_factory.mktemp("mixed")
    shutil.copytree(valid, directory, dirs_exist_ok=True)
    first, fifth = _text(valid, 0), _text(valid, 5)
    write = {
        f"{MIDDLE}-bad.yaml": "code: [unclosed\n  title: x\n",
        f"{MIDDLE}-empty.yaml": "",
        f"{MIDDLE}-schema.yaml": _text(valid, 3).replace("id: P2\n", "id: Q2\n", 1),
        "ZZ-copy.yaml": first,  # CN207 of the first standard
        # a line break the parser refuses, blanked (CN304): its CN207 is where the validator read it
        "ZZ-break.yaml": "# pasted\u2028text\n" + fifth,
        "ZZ-welsh.yaml": "language: cy\n" + first.replace("id: K3\n", "id: K99\n", 1),
    }
    for name, text in write.items():
        (directory / name).write_text(text, encoding="utf-8")
    extra = list(make_corpus.iter_lines(COUNT + 2))[COUNT:]  # a JSON array, one item bad
    (directory / "more.json").write_text(f'[{extra[0]},\n{{"code": 1}},\n{extra[1]}]', "utf-8")
    return directory


def test_the_fixtures_are_many_files(valid: Path, mixed: Path) -> None:
    assert len(corpus_module.standard_files(valid)) >= PARALLEL_FROM
    found = {f.code for f in validate_paths([mixed], jobs=1).findings}
    assert {"CN001", "CN100", "CN304", "CN207", "CN208", "CN401"} <= found


@pytest.mark.parametrize("jobs", [2, 3])
def test_validation_reports_the_same_findings(mixed: Path, jobs: int) -> None:
    serial = validate_paths([mixed], jobs=1)
    parallel = validate_paths([mixed], jobs=jobs)
    assert parallel.findings == serial.findings
    assert parallel.files == serial.files
    for fmt in ("text", "json", "github"):
        assert render(parallel, fmt) == render(serial, fmt)


def test_the_corpus_stage_places_what_workers_read(mixed: Path) -> None:
    report = validate_paths([mixed], jobs=2)
    places = {(Path(f.source).name, f.code): (f.line, f.column) for f in report.findings}
    assert places["ZZ-copy.yaml", "CN207"] == (1, 7)
    assert places["ZZ-break.yaml", "CN207"] == (2, 7)  # as the validator reads: blanked
    assert places["ZZ-welsh.yaml", "CN208"][0] is not None


def test_progress_sees_every_file_in_order(mixed: Path) -> None:
    serial: list[Path] = []
    parallel: list[Path] = []
    validate_paths([mixed], jobs=1, on_file=serial.append)
    validate_paths([mixed], jobs=2, on_file=parallel.append)
    assert parallel == serial
    assert len(serial) > PARALLEL_FROM


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_the_validate_command_prints_the_same(cli: Cli, mixed: Path, fmt: str) -> None:
    one = cli("validate", "--isolated", "-f", fmt, "--jobs", "1", mixed)
    two = cli("validate", "--isolated", "-f", fmt, "-j", "2", mixed)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr


def test_a_valid_directory_exits_0_either_way(cli: Cli, valid: Path) -> None:
    for jobs in ("1", "2"):
        result = cli("validate", "--isolated", "--select", "CN1,CN2", "-j", jobs, valid)
        assert result.exit_code == 0, result.output


def _standards(corpus: carenos.Corpus) -> list[tuple[object, str]]:
    return [(s, corpus.source_of(s.code, s.language)) for s in corpus]


def test_a_loaded_corpus_is_the_same(valid: Path) -> None:
    serial = load_corpus(valid, jobs=1)
    parallel = load_corpus(valid, jobs=2)
    assert _standards(parallel) == _standards(serial)
    assert len(parallel) == COUNT + 1
    # several paths: a file named twice is read once, in the order first met
    nested = valid / "nested" / f"{NESTED}.yaml"
    again = load_corpus(nested, valid, jobs=2)
    assert _standards(again) == _standards(load_corpus(nested, valid, jobs=1))
    assert next(iter(again)).code == NESTED


def test_files_named_one_after_another_are_one_run(
    valid: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(valid.glob("*.yaml"))  # what a shell's *.yaml gives
    runs: list[int] = []

    def counted(jobs: int, files: int) -> bool:
        runs.append(files)
        return worth_it(jobs, files)

    monkeypatch.setattr(corpus_module, "worth_it", counted)
    parallel = load_corpus(*files, valid / "nested", jobs=2)
    assert runs == [COUNT, 1]
    assert _standards(parallel) == _standards(load_corpus(*files, valid / "nested", jobs=1))


BREAKAGES: dict[str, Callable[[Path], object]] = {
    "bad YAML": lambda d: (d / f"{MIDDLE}-x.yaml").write_text("a: [b\n", "utf-8"),
    "not a standard": lambda d: (d / f"{MIDDLE}-x.yaml").write_text(
        _text(d, 3).replace("id: P2\n", "id: Q2\n", 1), "utf-8"
    ),
    "empty": lambda d: (d / f"{MIDDLE}-x.yaml").write_text("", "utf-8"),
    "duplicate code": lambda d: shutil.copy(d / f"{make_corpus.code_of(2)}.yaml", d / "ZZ.yaml"),
    "a directory named .yaml": lambda d: (d / f"{MIDDLE}-x.yaml").mkdir(),
    "not UTF-8": lambda d: (d / f"{MIDDLE}-x.yaml").write_bytes(b"code: \xff\xfe\x00\n"),
    "bad item of a JSON array": lambda d: (d / f"{MIDDLE}-x.json").write_text(
        "[\n" + _extra().replace('"id":"P2"', '"id":"Q2"') + "\n]", "utf-8"
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_first_error_of_a_load_is_the_same(valid: Path, tmp_path: Path, breakage: str) -> None:
    directory = tmp_path / "corpus"
    shutil.copytree(valid, directory)
    BREAKAGES[breakage](directory)
    errors = []
    for jobs in (1, 2):
        with pytest.raises(CarenosError) as raised:
            load_corpus(directory, jobs=jobs)
        errors.append((type(raised.value), str(raised.value)))
    assert errors[1] == errors[0]


@pytest.mark.parametrize("breakage", ["bad YAML", "not a standard", "duplicate code"])
@pytest.mark.parametrize("command", [["load"], ["export", "-f", "jsonl"], ["map"]])
def test_commands_that_read_stop_at_the_same_error(
    cli: Cli, valid: Path, tmp_path: Path, breakage: str, command: list[str]
) -> None:
    directory = tmp_path / "corpus"
    shutil.copytree(valid, directory)
    BREAKAGES[breakage](directory)
    one = cli(*command, "-j", "1", directory)
    two = cli(*command, "-j", "2", directory)
    assert one.exit_code == two.exit_code == 1
    assert (two.stdout, two.stderr) == (one.stdout, one.stderr)
    assert "Traceback" not in two.output


@pytest.mark.parametrize("command", [["load"], ["export", "-f", "jsonl"], ["search", "care"]])
def test_commands_that_read_print_the_same(cli: Cli, valid: Path, command: list[str]) -> None:
    one = cli(*command, "-j", "1", valid)
    two = cli(*command, "--jobs", "2", valid)
    assert one.exit_code == two.exit_code == 0, one.output
    assert two.stdout == one.stdout


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
@pytest.mark.parametrize("command", ["validate", "load", "export"])
def test_jobs_below_one_are_a_usage_error(cli: Cli, valid: Path, jobs: str, command: str) -> None:
    result = cli(command, *(["-f", "jsonl"] if command == "export" else []), "-j", jobs, valid)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


@pytest.mark.parametrize("jobs", [0, -2, True])
def test_jobs_below_one_are_a_usage_error_of_the_api(valid: Path, jobs: int) -> None:
    with pytest.raises(UsageError, match="jobs"):
        load_corpus(valid, jobs=jobs)
    with pytest.raises(UsageError, match="jobs"):
        validate_paths([valid], jobs=jobs)


def _squares(chunk: list[int]) -> list[int]:
    return [item * item for item in chunk]


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("count", [1, 7, 50, 203, 1001])
def test_workers_give_each_result_in_order(jobs: int, count: int) -> None:
    with Workers(jobs) as workers:
        assert list(workers.map(_squares, list(range(count)))) == _squares(list(range(count)))


def _die(_chunk: list[int], **_options: object) -> list[int]:
    os._exit(3)


def test_a_worker_that_dies_is_a_clear_error() -> None:
    with Workers(2) as workers, pytest.raises(LimitError, match="worker process stopped"):
        list(workers.map(_die, list(range(100))))


def test_a_worker_that_dies_is_no_traceback(
    cli: Cli, valid: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus_module, "read_files", _die)
    result = cli("load", "-j", "2", valid)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("carenos: error: a worker process stopped abruptly")
    assert result.stderr.endswith("(CN000)\n")


def test_a_command_leaves_the_library_in_its_process(cli: Cli, valid: Path) -> None:
    assert cli("load", valid).exit_code == 0  # all cores, then back to one for the library
    assert corpus_module.READ_OPTIONS["jobs"] == 1


def test_progress_bars_advance_with_workers(
    cli: Cli, valid: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_options, "showing_progress", lambda: True)
    monkeypatch.setattr(cli_options, "PROGRESS_FROM", 10)
    for command, label in ((["validate", "--isolated"], "validating"), (["load"], "loading")):
        result = cli(*command, "-j", "2", valid)
        assert result.stderr.startswith(label), result.stderr
