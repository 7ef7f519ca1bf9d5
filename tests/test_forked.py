"""Work on a loaded corpus in forked processes (``_pool.over_ranges``): the same results as
in one process, in order; a worker that dies is an error, not a hang or a traceback."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from attrs import evolve
from benchmarks import make_corpus

import carenos
from carenos._pool import over_ranges
from carenos.corpus import Corpus
from carenos.errors import LimitError, UsageError
from carenos.mapping import DEFAULT_THRESHOLD, map_knowledge, occurrences
from carenos.mapping import discover as discover_module
from carenos.mapping import index as index_module
from carenos.mapping.index import NearIndex, blocking_keys
from carenos.textnorm import normal_form
from carenos.validation import CORPUS_PARALLEL_FROM, validate_corpus, validate_paths
from carenos.validation.pipeline import DOCUMENTS_PARALLEL_FROM


@pytest.mark.parametrize(
    ("count", "jobs", "least"),
    [(0, 2, 1), (7, 1, 1), (7, 2, 1), (7, 3, 2), (9, 4, 5), (100, 2, 10)],
)
def test_ranges_cover_every_item_once_in_order(count: int, jobs: int, least: int) -> None:
    runs = over_ranges(lambda start, stop: list(range(start, stop)), count, jobs, least=least)
    assert [item for run in runs for item in run] == list(range(count))
    assert len(runs) == max(1, min(jobs, count // least))


def test_the_workers_are_other_processes() -> None:
    parent = os.getpid()
    runs = over_ranges(lambda start, stop: os.getpid(), 4, 2, least=1)
    assert len(runs) == 2
    assert parent not in runs


def test_a_worker_that_dies_is_an_error() -> None:
    def die(start: int, stop: int) -> int:
        if start:
            os._exit(9)
        return start

    with pytest.raises(LimitError, match="stopped abruptly"):
        over_ranges(die, 4, 2, least=1)


def test_jobs_must_be_a_number_of_processes() -> None:
    with pytest.raises(UsageError):
        over_ranges(lambda start, stop: None, 4, 0, least=1)


def test_validating_a_corpus_in_processes_gives_the_same_report() -> None:
    standards = [
        carenos.from_dict(make_corpus.make_standard(i)) for i in range(2 * CORPUS_PARALLEL_FROM)
    ]
    standards[3] = evolve(standards[3], title="A  title  with  double spaces")
    standards[-2] = evolve(standards[-2], overview=" leading space")
    corpus = Corpus(standards)
    one = validate_corpus(corpus, jobs=1)
    two = validate_corpus(corpus, jobs=2)
    assert one.findings
    assert two == one
    assert {f.code for f in one.findings} >= {"CN301"}


def test_validating_a_large_json_lines_file_in_processes_gives_the_same_report(
    tmp_path: Path,
) -> None:
    lines = [
        json.dumps(make_corpus.make_standard(i)) for i in range(2 * DOCUMENTS_PARALLEL_FROM + 3)
    ]
    broken = json.loads(lines[5])
    broken["title"] = "A  title  with  double spaces"
    lines[5] = json.dumps(broken)
    lines[700] = '{"code": "X1", "title": 3}'  # a schema error, at its line
    lines[900] = lines[10]  # a code twice: CN207 at the second
    lines[950] = "{not json"
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = validate_paths([path], jobs=1)
    two = validate_paths([path], jobs=2)
    assert two == one
    codes = {f.code for f in one.findings}
    assert {"CN301", "CN207"} <= codes
    assert {f.place.line for f in one.findings} >= {6, 701, 901, 951}


def _incremental(keys: Sequence[tuple[str, str]], threshold: float) -> list[list[int]]:
    """The earlier near wordings as discovery finds them in one process: an index grown
    wording by wording, each looked up before it is added (the reference for the ranges
    that forked processes take, each indexing the wordings before its range first)."""
    indexes: dict[str, NearIndex] = {}
    positions: dict[str, list[int]] = {}
    found = []
    for position, (kind, normal) in enumerate(keys):
        index = indexes.setdefault(kind, NearIndex(threshold))
        earlier = index.above(normal, blocking_keys(normal))
        found.append([positions[kind][n] for n in earlier])
        index.add(normal, blocking_keys(normal))
        positions.setdefault(kind, []).append(position)
    return found


def test_discovery_finds_what_an_index_grown_word_by_word_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(300)]
    keys = list(
        dict.fromkeys((o.kind, normal_form(o.text)) for s in standards for o in occurrences(s))
    )
    expected = _incremental(keys, DEFAULT_THRESHOLD)
    assert sum(map(len, expected)) > 100  # the corpus has near wordings to find
    assert discover_module._near_earlier(keys, DEFAULT_THRESHOLD, 1) == expected
    monkeypatch.setattr(discover_module, "DISCOVERY_PARALLEL_FROM", 1000)
    assert discover_module._near_earlier(keys, DEFAULT_THRESHOLD, 2) == expected
    assert discover_module._near_earlier(keys, DEFAULT_THRESHOLD, 3) == expected


def test_a_map_made_in_processes_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(200)]
    one = map_knowledge(standards)
    monkeypatch.setattr(discover_module, "DISCOVERY_PARALLEL_FROM", 1000)
    monkeypatch.setattr(index_module, "MATCH_PARALLEL_FROM", 100)
    real = over_ranges
    pids: list[int] = []

    def counted(
        work: Callable[[int, int], list[object]], count: int, jobs: int, *, least: int
    ) -> object:
        def tagged(start: int, stop: int) -> tuple[int, list[object]]:
            return os.getpid(), work(start, stop)

        runs = real(tagged, count, jobs, least=least)
        pids.extend(pid for pid, _ in runs)
        return [found for _, found in runs]

    monkeypatch.setattr(index_module, "over_ranges", counted)
    two = map_knowledge(standards, jobs=2)
    assert len(pids) == 2  # the catalogue's near matches, looked for in two processes
    assert os.getpid() not in pids
    assert two.to_dict() == one.to_dict()
    assert any(link.match == "near" for group in one.groups for link in group.links)
    assert [g.to_dict() for g in two.proposals()] == [g.to_dict() for g in one.proposals()]
    assert one.proposals()


def test_calls_from_two_threads_do_not_mix() -> None:
    import threading

    results: dict[str, list[object]] = {}

    def call(tag: str) -> None:
        runs = over_ranges(lambda start, stop: [tag] * (stop - start), 4, 2, least=1)
        results[tag] = [item for run in runs for item in run]

    for _ in range(3):
        threads = [threading.Thread(target=call, args=(tag,)) for tag in "AB"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == {"A": ["A"] * 4, "B": ["B"] * 4}


@pytest.mark.parametrize("site", [None, "https://example.org/nos/"])
def test_a_case_package_built_in_processes_is_the_same_text(
    monkeypatch: pytest.MonkeyPatch, site: str | None
) -> None:
    from carenos.export import CaseOptions, write
    from carenos.export.case import parts

    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(61)]
    options = CaseOptions(site_uri=site, near=True)
    one, two = io.StringIO(), io.StringIO()
    write("case", standards, one, case=options, jobs=1)
    monkeypatch.setattr(parts, "CASE_PARALLEL_FROM", 20)
    calls: list[int] = []
    real = parts.build_parts

    def counted(*args: object, **kwargs: object) -> object:
        parts = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(len(parts))
        return parts

    monkeypatch.setattr(parts, "build_parts", counted)
    write("case", standards, two, case=options, jobs=2)
    assert calls == [2]  # built in two processes
    assert two.getvalue() == one.getvalue()
    package = json.loads(one.getvalue())
    kinds = {a["associationType"] for a in package["CFAssociations"]}
    assert {"isChildOf", "exactMatchOf", "isRelatedTo"} <= kinds


@pytest.mark.parametrize("held", ["list", "corpus"])
def test_csv_written_in_processes_is_the_same_text(
    monkeypatch: pytest.MonkeyPatch, held: str
) -> None:
    from carenos.export import csv as csv_module
    from carenos.export import write

    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(61)]
    standards += carenos.bundled()  # rights and scope statements, linked to the catalogue
    standards[40] = evolve(standards[40], title="half \ud800 a character")  # CN005's, held
    one, two, streamed = io.StringIO(newline=""), io.StringIO(newline=""), io.StringIO(newline="")
    write("csv", standards, one, jobs=1, bom=True)
    monkeypatch.setattr(csv_module, "CSV_PARALLEL_FROM", 20)
    pids: list[int] = []

    def counted(work: Callable[[int, int], str], count: int, jobs: int, *, least: int) -> object:
        def tagged(start: int, stop: int) -> tuple[int, str]:
            return os.getpid(), work(start, stop)

        runs = over_ranges(tagged, count, jobs, least=least)
        pids.extend(pid for pid, _ in runs)
        return [path for _, path in runs]

    monkeypatch.setattr(csv_module, "over_ranges", counted)
    many = standards if held == "list" else Corpus(standards)
    write("csv", many, two, jobs=2, bom=True)
    assert len(pids) == 2  # two ranges, each written by a process other than this one
    assert os.getpid() not in pids
    assert two.getvalue() == one.getvalue()
    write("csv", iter(standards), streamed, jobs=2, bom=True)  # not held: one process
    assert len(pids) == 2
    assert streamed.getvalue() == one.getvalue()
    assert "\r\nSCDHSC0393,Promote" in one.getvalue()


@pytest.mark.parametrize(
    ("count", "workers"), [(0, 1), (7, 4), (1000, 1), (530_000, 2), (99, 3), (530_000, 64)]
)
def test_discovery_ranges_cover_the_wordings_and_take_as_long(count: int, workers: int) -> None:
    bounds = discover_module._balanced(count, workers)
    assert bounds[0] == 0
    assert bounds[-1] == count
    assert len(bounds) - 1 <= workers
    assert len(bounds) - 1 == workers or workers > 3  # few workers: each has a range
    assert bounds == sorted(bounds)
    if count >= 1000:  # no range of almost nothing
        assert min(b - a for a, b in pairwise(bounds)) >= count // 100
    adding = discover_module._ADDING
    times = [a * adding + (b - a) * (1 + adding) for a, b in pairwise(bounds)]
    if count >= 1000 and len(bounds) - 1 == workers:
        # a later range is shorter, and each takes as long within 1%
        assert [b - a for a, b in pairwise(bounds)] == sorted(
            (b - a for a, b in pairwise(bounds)), reverse=True
        )
        assert max(times) - min(times) <= 0.01 * max(times)
