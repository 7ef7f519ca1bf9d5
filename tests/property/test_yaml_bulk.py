"""The bulk YAML writer (the site's downloads) reads back to the same data: the model's
dict shape from any standard, and texts of any characters."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from ruamel.yaml import YAML

import carenos
from carenos.io.yaml_bulk import dump_yaml_bulk

from ..support.paths import ROOT
from .strategies import standards

_SAFE = YAML(typ="safe", pure=True)


@given(standards())
def test_a_standard_reads_back(standard: carenos.Standard) -> None:
    assert carenos.loads(dump_yaml_bulk(carenos.to_dict(standard))) == standard


_ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(_ANY_TEXT, _DATA, max_size=5))
@example({"text": "a\x85b\u2028c\x7f\ufeffd\x00\te\r\n"}).via("characters YAML escapes")
@example({"k": [[1, [2]], {"a": []}, {}]}).via("nested lists and empty containers")
def test_any_data_reads_back(data: dict[str, Any]) -> None:
    assert _SAFE.load(dump_yaml_bulk(data)) == data


def test_it_is_block_style() -> None:
    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    text = dump_yaml_bulk(carenos.to_dict(standard))
    assert text.startswith('code: "SCDHSC0393"\ntitle: "Promote participation')
    assert '\nelements:\n  - title: "Plan agreed' in text
    assert '\n    performance_criteria:\n      - id: "P1"\n        text: "agree with' in text
