"""The JSON position scanner places every value and key where the YAML reader does.

JSON positions were the YAML reader's (JSON is YAML); the scanner is the fast path that
``validate corpus.jsonl`` needs (a finding in a line of JSON Lines was 0.1 s of pure
YAML parsing). The plain path is the oracle: the two must agree on every document.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from benchmarks import make_corpus
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import carenos
from carenos.errors import CarenosError
from carenos.io.json import canonical_positions, dump_json, dump_json_line, json_positions
from carenos.io.yaml import parse_yaml

# Text the pure YAML reader takes inside a JSON string: it refuses some controls, and
# reads an escaped astral character ("\\ud800\\udc00") as two surrogates, not one.
_text = st.text(
    st.characters(
        blacklist_categories=["Cs", "Cc"],
        blacklist_characters="\u2028\u2029\ufeff",
        max_codepoint=0xFFFF,
    ),
    max_size=12,
)
_json: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)


def _agree(text: str) -> None:
    try:
        plain = parse_yaml(text).positions
    except CarenosError:  # a text the YAML reader refuses (a DEL character): no oracle
        assume(False)
        return
    fast = json_positions(text).complete()
    assert fast.values == plain.values
    assert fast.keys == plain.keys


@settings(max_examples=200, deadline=None)
@given(_json, st.sampled_from([None, 1, 2]), st.booleans())
def test_the_scanner_agrees_with_the_yaml_reader(
    value: Any, indent: int | None, ascii: bool
) -> None:
    _agree(json.dumps(value, indent=indent, ensure_ascii=ascii))


@pytest.mark.parametrize("indent", [None, 2])
def test_on_real_standards_compact_and_indented(indent: int | None) -> None:
    corpus = [
        *(carenos.to_dict(s) for s in carenos.bundled()),
        *(make_corpus.make_standard(i) for i in range(40)),
    ]
    for data in corpus:
        separators = (",", ":") if indent is None else None
        _agree(json.dumps(data, ensure_ascii=False, indent=indent, separators=separators))


def test_text_cut_short_has_the_positions_of_what_is_there() -> None:
    cut = json_positions('{"a": [1, 2').complete()
    assert cut.values == {"": (1, 1), "/a": (1, 7), "/a/0": (1, 8), "/a/1": (1, 11)}
    assert cut.keys == {"/a": (1, 2)}
    assert json_positions("]").complete().values == {}  # nothing to place, and no error
    lazy = json_positions('{"a": 1, "b": [2, {"c": 3}]}')
    assert lazy.of("/a") == (1, 7)
    assert "/b/1/c" not in lazy.values  # scanned only as far as asked
    assert lazy.of("/b/1/c", key=True) == (1, 20)
    assert lazy.of("/b/9") == (1, 15)  # no such item: the nearest enclosing value


def _canonical_agrees(value: Any) -> None:
    text = orjson.dumps(value).decode("utf-8")
    scanned = json_positions(text).complete()
    computed = canonical_positions(value)
    for pointer in [*scanned.values, "/nowhere", "/0/x/1"]:
        assert computed.of(pointer) == scanned.of(pointer), pointer
    for pointer in scanned.keys:
        assert computed.of(pointer, key=True) == scanned.of(pointer, key=True), pointer


@settings(max_examples=200, deadline=None)
@given(_json)
def test_canonical_positions_agree_with_the_scan(value: Any) -> None:
    """What a line of JSON Lines that carenos wrote gets: the same places, computed."""
    _canonical_agrees(value)


def test_canonical_positions_of_real_standards() -> None:
    for index in range(20):
        _canonical_agrees(make_corpus.make_standard(index))
    for standard in carenos.bundled():
        _canonical_agrees(carenos.to_dict(standard))


@settings(max_examples=200, deadline=None)
@given(_json)
def test_the_writers_write_what_json_dumps_wrote(value: Any) -> None:
    """orjson writes carenos's JSON: the same text as the json module did."""
    assert dump_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert dump_json_line(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
