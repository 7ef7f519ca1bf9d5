"""Exports as JSON, JSON Lines, CSV and YAML: valid, deterministic, streaming, read back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.corpus import read_standards
from carenos.errors import DuplicateError
from carenos.export import (
    to_csv,
    to_json,
    to_jsonl,
    to_yaml,
    write_csv,
    write_jsonl,
)
from carenos.export.csv import shared_ids
from carenos.mapping import map_knowledge
from carenos.mapping.linking import catalogue_links
from carenos.schema import validator

from .property.strategies import standards
from .support.export import STANDARDS, catalogue, fixture_standards, seed_standards

MINIMAL_JSONL = (
    '{"code":"SCDHSC9999","title":"Test standard","overview":"This standard is a fixture.",'
    '"elements":[{"title":"First element","performance_criteria":[{"id":"P1","text":"do one'
    ' thing"}]}],"knowledge":[{"heading":"Rights","items":[{"id":"K1","text":"know one thing"}]}]}'
    "\n"
)

MINIMAL_CSV = (
    "code,title,kind,id,ref,group,text,shared_id,match,score,language,sub_items\r\n"
    "SCDHSC9999,Test standard,performance_criterion,P1,SCDHSC9999/P1,First element,"
    "do one thing,,,,en,\r\n"
    "SCDHSC9999,Test standard,knowledge,K1,SCDHSC9999/K1,Rights,know one thing,,,,en,\r\n"
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_jsonl_of_a_small_standard_by_hand(minimal_dict: dict[str, Any]) -> None:
    assert to_jsonl([carenos.from_dict(minimal_dict)]) == MINIMAL_JSONL


def test_csv_of_a_small_standard_by_hand(minimal_dict: dict[str, Any]) -> None:
    assert to_csv([carenos.from_dict(minimal_dict)]) == MINIMAL_CSV


def test_every_json_and_jsonl_object_is_a_valid_standard() -> None:
    corpus = fixture_standards()
    array = json.loads(to_json(corpus))
    lines = [json.loads(line) for line in to_jsonl(corpus).splitlines()]
    assert len(array) == len(lines) == 2
    for obj, standard in [*zip(array, corpus, strict=True), *zip(lines, corpus, strict=True)]:
        assert list(validator("standard").iter_errors(obj)) == []
        assert carenos.from_dict(obj) == standard


def test_exports_are_byte_identical_run_to_run() -> None:
    for export in (to_json, to_jsonl, to_csv, to_yaml):
        assert export(fixture_standards()) == export(fixture_standards())


def test_csv_quotes_as_rfc_4180_and_names_shared_entries() -> None:
    rows = to_csv(fixture_standards(), catalogue=catalogue()).split("\r\n")
    assert rows[3] == (
        "SCDHSC9001,Promote participation in agreed therapeutic group activities,"
        "performance_criterion,P3,SCDHSC9001/P3,Support individuals during therapeutic group "
        'activities,"provide ""appropriate"" support, to enable individuals to participate",,,,'
        "en,"
    )
    # 9001: 3 criteria, 3 knowledge items, 2 rights, 2 scope statements; then 9002
    near, score = rows[13].rsplit(",near,", 1)
    assert near == (
        "SCDHSC9002,Manage host relationships with individuals,knowledge,K2,SCDHSC9002/K2,"
        'Your practice,"how to work in partnership with individuals, key persons and others",'
        "practice.partnership"
    )
    assert score.endswith(",en,")
    assert 85 <= int(score.split(",")[0]) < 100  # drift: at the threshold or above, not exact


def test_csv_has_a_row_per_statement_and_reads_back_to_the_texts() -> None:
    corpus = fixture_standards()
    rows = _rows(to_csv(corpus, catalogue=catalogue()))
    statements = [s for standard in corpus for s in standard.statements()]
    numbered = [r for r in rows if r["kind"] in ("performance_criterion", "knowledge")]
    assert len(numbered) == 9 == len(statements)
    assert [(r["ref"], r["text"]) for r in numbered] == [(s.ref, s.text) for s in statements]
    assert [r["kind"] for r in rows[:3]] == ["performance_criterion"] * 3
    assert [r["group"] for r in rows[3:6]] == ["Rights", "Rights", "Your practice"]
    assert [(r["ref"], r["group"]) for r in rows[6:10]] == [
        ("SCDHSC9001/rights/1", "Values"),
        ("SCDHSC9001/rights/2", "Values"),
        ("SCDHSC9001/scope-pc/1", "Individuals"),
        ("SCDHSC9001/scope-k/1", ""),
    ]
    assert [(r["shared_id"], r["match"]) for r in rows if r["shared_id"]] == [
        ("rights.equality-diversity-discrimination", "exact"),
        ("practice.partnership", "exact"),
        ("rights.equality-diversity-discrimination", "exact"),
        ("practice.partnership", "near"),
    ]


def test_shared_ids_per_standard_are_those_of_the_whole_set() -> None:
    corpus, shared = fixture_standards(), catalogue()
    whole = shared_ids(map_knowledge(corpus, shared))
    one_by_one: dict[str, tuple[str, str, float]] = {}
    for standard in corpus:
        one_by_one.update(shared_ids(map_knowledge([standard], shared)))
    assert one_by_one == whole
    assert len(whole) == 4


def test_the_csv_links_are_those_of_the_map() -> None:
    """The CSV links each standard through the catalogue index alone (no discovery): the
    same entries, matches and scores as ``map_knowledge`` of the whole set."""
    from benchmarks import make_corpus

    bench = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(60)]
    for corpus, shared in (
        (fixture_standards(), catalogue()),
        ([*carenos.bundled(), *bench], carenos.load_catalogue()),
    ):
        whole = shared_ids(map_knowledge(corpus, shared))
        fast: dict[str, tuple[str, str, float]] = {}
        for standard in corpus:
            fast.update(catalogue_links(standard, shared))
        assert fast == whole
        assert any(match == "near" for _, match, _ in whole.values())  # drift is linked too


@given(st.lists(standards(), max_size=3, unique_by=lambda s: s.code))
def test_csv_reads_back_for_generated_standards(generated: list[carenos.Standard]) -> None:
    rows = _rows(to_csv(generated))
    expected = [
        (
            standard.code,
            standard.title,
            kind,
            s.id,
            s.ref,
            group or "",
            s.text,
            "",
            "",
            "",
            standard.language,
            "\n".join(s.sub_items),
        )
        for standard in generated
        for kind, groups in (
            (
                "performance_criterion",
                [(e.title, e.performance_criteria) for e in standard.elements],
            ),
            ("knowledge", [(k.heading, k.items) for k in standard.knowledge]),
        )
        for group, statements in groups
        for s in statements
    ]
    numbered = [r for r in rows if r["kind"] in ("performance_criterion", "knowledge")]
    assert [tuple(row.values()) for row in numbered] == expected


def test_writers_stream_one_standard_at_a_time() -> None:
    first, second = fixture_standards()
    for write in (write_jsonl, write_csv):
        handle = io.StringIO()

        def feed(handle: io.StringIO = handle) -> Iterator[carenos.Standard]:
            yield first
            assert "SCDHSC9001" in handle.getvalue()  # written before the next is read
            assert "SCDHSC9002" not in handle.getvalue()
            yield second

        write(feed(), handle)
        assert "SCDHSC9002" in handle.getvalue()


def test_yaml_of_one_standard_is_its_yaml_and_of_several_a_stream() -> None:
    first, second = fixture_standards()
    assert to_yaml([first]) == carenos.dumps(first)
    stream = to_yaml([first, second])
    assert stream.startswith("---\ncode: SCDHSC9001\n")
    documents = stream.split("---\n")
    assert documents[0] == ""
    assert [carenos.loads(d) for d in documents[1:]] == [first, second]
    assert to_yaml([]) == ""


def test_read_standards_refuses_a_code_read_twice(tmp_path: Path) -> None:
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text(to_jsonl(fixture_standards()), encoding="utf-8")
    assert [s.code for s in read_standards([jsonl])] == ["SCDHSC9001", "SCDHSC9002"]
    with pytest.raises(DuplicateError, match="SCDHSC9001 is also in"):
        list(read_standards([STANDARDS, jsonl]))


def test_seed_standards_export_valid_json_objects() -> None:
    seeds = seed_standards()
    for obj in json.loads(to_json(seeds)):
        assert list(validator("standard").iter_errors(obj)) == []
    rows = _rows(to_csv(seeds))
    numbered = [r for r in rows if r["kind"] in ("performance_criterion", "knowledge")]
    assert [r["text"] for r in numbered] == [s.text for x in seeds for s in x.statements()]
