"""The C path of YAML reading (lean resolver, one walk without positions) gives what the
reporting path gives: the same data, the same problems, the same errors."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from carenos.errors import CarenosError
from carenos.io.yaml import (
    MAX_DEPTH,
    _Builder,
    _compose,
    may_hold_anchor,
    parse_yaml_stream,
)
from carenos.io.yaml_bulk import dump_yaml_bulk
from carenos.io.yaml_c import Unclean, plain
from carenos.io.yaml_scalars import SCALARS
from carenos.io.yaml_write import dump_yaml

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
_WORDS = st.sampled_from(
    ["yes", "No", "TRUE", "null", "~", "", "0o17", "0x1F", "1_000", "-.inf", ".NaN", "1e3",
     "2001-12-14", "12:30", "<<", "=", "3.", "+1", "-0", "007", "a b", "x: y", "#c", "&a"]
)  # fmt: skip
_SCALAR = st.none() | st.booleans() | st.integers() | st.floats() | _TEXT | _WORDS
_DATA = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT | _WORDS, inner, max_size=4),
    max_leaves=25,
)


def _same(a: Any, b: Any) -> bool:
    """Equal, NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


def _outcome(text: str, bulk: bool) -> tuple[Any, ...]:
    try:
        found = parse_yaml_stream(text, "t.yaml", bulk=bulk)
    except CarenosError as exc:
        return ("error", str(exc))
    return ("read", [p.data for p in found], [[str(e) for e in p.problems] for p in found])


def _agree(text: str) -> None:
    bulk, single = _outcome(text, True), _outcome(text, False)
    assert bulk[0] == single[0], (bulk, single)
    if bulk[0] == "error":
        assert bulk == single
    else:
        assert _same(bulk[1], single[1])
        assert bulk[2] == single[2]


@pytest.mark.parametrize(
    "text",
    [
        "%YAML 1.1\n---\na: yes\nb: Off\nc: 0o17\n",  # the C parser reads every document as 1.2
        "a: !!int x\nb: !!float y\nc: !!bool maybe\nd: !!null z\ne: !!int 0x1f\n",
        "a: !!str 5\n",
        "a: SfC&D\nb: x &y\n",
        'a: "x \\ud800 y"\nb: "\\U0000DFFF"\nc: "\\u00e9 \\U0001F600"\n',  # halves of characters
        "%YAML 1.3\n---\ncode: x\n",  # a version neither parser reads: an error, not a crash
        '%YAML 1.2\n---\ncode: "\\U00110000"\n',  # an escape of no character
        'a: "\\ud800 \\UFFFFFFFF"\n',
        "\ufeff%YAML 1.1\n---\na: yes\n",  # a directive after a byte order mark
        "\ufeff&a x: 1\n",  # an anchor after one
        "a: 0x_\nb: 0b_\nc: ._\n",  # taken for numbers by ruamel's patterns, texts to YAML 1.2
    ],
)
def test_texts_read_alike(text: str) -> None:
    _agree(text)


@given(_DATA)
def test_written_data_reads_alike(data: Any) -> None:
    """Plain scalars (the canonical writer) exercise the resolver; quoted ones the walk."""
    _agree(dump_yaml(data))
    if isinstance(data, dict):
        _agree(dump_yaml_bulk(data))


_PIECES = st.sampled_from(
    ["a", "b", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "!!str ", "!!int ", "!x ",
     "&a ", "*a", "? ", "---\n", "'q'", '"d"', "1", "1.5", "true", "~", "<<: ", "#", "|\n  t\n"]
)  # fmt: skip


def _walks_agree(text: str) -> None:
    """On the C parser's node graph, the lean walk gives the reporting walk's data, or
    stops (and the text is read again on the reporting path)."""
    try:
        nodes = _compose(text, "t.yaml", True, stream=True)
    except CarenosError:
        return  # a syntax error: neither walk runs
    for node in nodes:
        if node is None:
            continue
        builder = _Builder("t.yaml")
        try:
            reported = builder.build(node, "", 0)
        except CarenosError:
            reported = builder.problems = [CarenosError("too deep")]
        try:
            lean = plain(node, SCALARS, MAX_DEPTH)
        except Unclean:
            continue
        assert builder.problems == []
        assert _same(lean, reported)


@given(st.lists(_PIECES, max_size=30).map("".join))
@example("a: 1\na: 2\n").via("a duplicate key")
@example("1: a\n2.5: b\nnull: c\n").via("keys that resolve to numbers and null")
@example("? [a]\n: b\n").via("a key that is not a scalar")
@example("a: !!str 5\nb: !!python/object x\n").via("tags, standard and not")
@example("<<: {a: 1}\n").via("a merge key")
@example("a: &x [1]\nb: *x\n").via("an anchor and its alias")
def test_any_text_walks_alike(text: str) -> None:
    _walks_agree(text)


def _nested(levels_block: int, levels_flow: int) -> str:
    lines = [f"{'  ' * i}k{i}:" for i in range(levels_block)]
    return "\n".join(lines) + " " + "[" * levels_flow + "1" + "]" * levels_flow + "\n"


@pytest.mark.parametrize(("block", "flow"), [(30, 40), (30, 33), (20, 20), (31, 33)])
def test_nesting_is_refused_alike(block: int, flow: int) -> None:
    """Deep enough to pass the cheap test for the C parser, so the walk counts the depth."""
    _walks_agree(_nested(block, flow))
    _agree(_nested(block, flow))


_OLD_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s\[\]{},]")


@given(st.text(alphabet="&a :[]{},\n\t\x0bx-?\u2028\x85\u3000", max_size=16))
def test_the_anchor_test_is_the_pattern(text: str) -> None:
    assert may_hold_anchor(text) == (_OLD_ANCHOR.search(text) is not None)


def test_an_escape_of_no_character_is_placed_at_the_escape() -> None:
    """The pure parser raises a bare ValueError for it: libyaml reads the text again to
    place it (a `\\U` that is no escape, in single quotes or after a backslash, is not)."""
    text = (
        "%YAML 1.2\n---\ncode: 'x \\U00110000'\ntitle: \"a\\\\U00110000\"\n"
        'overview: "ok \\U0001F600 \\U00110000"\n'
    )
    for bulk in (False, True):
        with pytest.raises(CarenosError) as caught:
            parse_yaml_stream(text, "t.yaml", bulk=bulk)
        assert (caught.value.line, caught.value.column) == (5, 28)  # libyaml's: after the U
        assert "an escape that a quoted text cannot hold" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "%YAML 1.3\n---\ncode: x\n",
        "%YAML " + "1" * 5000 + ".1\n---\na: 1\n",  # over Python's limit of digits
        'code: "x\ud800"\ntitle: t\n',  # a lone surrogate in the text itself
        '%YAML 1.2\r---\rx: 1\ra: "\\U00110000"\r',
    ],
)
def test_what_the_pure_parser_raises_is_placed_by_libyaml(text: str) -> None:
    for bulk in (False, True):
        with pytest.raises(CarenosError) as caught:
            parse_yaml_stream(text, "t.yaml", bulk=bulk)
        assert caught.value.line is not None
