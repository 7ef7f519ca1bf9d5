"""The CASE writer's spools: elements appended, and parts written elsewhere taken in
between, give the text ``dump_json`` gives the whole array."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carenos.export.case.spool import Spool
from carenos.io.json import dump_json

_ELEMENT = st.dictionaries(
    st.sampled_from(["identifier", "title", "sequenceNumber"]),
    st.one_of(st.text(max_size=5), st.integers(0, 9)),
    max_size=3,
)
# each step: an element appended here, or a part of elements written by another spool
_STEPS = st.lists(
    st.one_of(
        _ELEMENT.map(lambda e: ("append", [e])), st.lists(_ELEMENT).map(lambda p: ("part", p))
    ),
    max_size=8,
)


def _expected(elements: list[dict[str, Any]]) -> str:
    text = dump_json({"CFItems": elements})
    return text[len('{\n  "CFItems": ') : -len("\n}\n")]


@settings(max_examples=60, deadline=None)
@given(_STEPS)
def test_a_spool_writes_its_elements_and_parts_in_order(
    steps: list[tuple[str, list[dict[str, Any]]]],
) -> None:
    everything: list[dict[str, Any]] = []
    out = io.StringIO()
    with Spool() as spool:
        for number, (kind, elements) in enumerate(steps):
            everything += elements
            if kind == "append":
                spool.append(elements[0])
                continue
            path = spool.directory / f"part-{number}.json"
            with Spool(path) as part:
                for element in elements:
                    part.append(element)
            spool.extend(path, len(elements))
        assert spool.count == len(everything)
        spool.copy_to(out)
        directory = spool.directory
    assert out.getvalue() == _expected(everything)
    assert not directory.exists()  # removed with the spool


def test_many_elements_are_written_in_batches(tmp_path: Path) -> None:
    elements = [{"identifier": str(n), "title": "é" * (n % 3)} for n in range(10_000)]
    out = io.StringIO()
    with Spool(tmp_path / "whole.json") as spool:
        for element in elements:
            spool.append(element)
        spool.copy_to(out)
    assert out.getvalue() == _expected(elements)


@pytest.mark.parametrize("count", [0, 1])
def test_an_empty_part_changes_nothing(tmp_path: Path, count: int) -> None:
    out = io.StringIO()
    with Spool() as spool:
        for n in range(count):
            spool.append({"n": n})
        empty = tmp_path / "empty.json"
        Spool(empty).close()
        spool.extend(empty, 0)
        spool.copy_to(out)
    assert out.getvalue() == _expected([{"n": n} for n in range(count)])
