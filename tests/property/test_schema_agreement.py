"""The converter and the JSON Schema accept and reject exactly the same documents."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.errors import ContentError
from carenos.schema import validator

from .strategies import standards, value_paths

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2)
    ),
    max_leaves=4,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid standard's dict with one random change: replaced, removed or added value."""
    data = carenos.to_dict(draw(standards()))
    path = draw(st.sampled_from(value_paths(data)))
    if not path:
        return draw(JSON_VALUES)
    doc = copy.deepcopy(data)
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = draw(st.sampled_from(["replace", "remove", "add", "empty", "id", "long"]))
    if action == "replace":
        parent[last] = draw(JSON_VALUES)
    elif action == "remove":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(JSON_VALUES)
    elif action == "empty" and isinstance(parent[last], str):
        parent[last] = ""
    elif action == "long" and isinstance(parent[last], str):
        parent[last] = "x" * draw(st.sampled_from([9_999, 10_000, 10_001, 20_000]))
    elif action == "id" and isinstance(parent, dict) and "id" in parent:
        parent["id"] = draw(st.sampled_from(["P1\n", "K", "k1", "P01", "K1 ", "Q7", "P1.1"]))
    return doc


def _schema_accepts(doc: Any) -> bool:
    return not any(True for _ in validator().iter_errors(doc))


def _converter_accepts(doc: Any) -> bool:
    try:
        carenos.from_dict(doc)
    except ContentError:
        return False
    return True


@given(mutated_documents())
def test_schema_and_converter_agree(doc: Any) -> None:
    assert _schema_accepts(doc) == _converter_accepts(doc)


@given(JSON_VALUES)
def test_arbitrary_json_values_are_rejected_by_both(doc: Any) -> None:
    assert not _schema_accepts(doc)
    assert not _converter_accepts(doc)
