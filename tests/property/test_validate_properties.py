"""Properties: validate returns a Report and never raises, whatever the document."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.io.yaml_write import dump_yaml

from .strategies import standards, texts, value_paths

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | texts
json_like = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
KEYS = ["code", "title", "overview", "elements", "knowledge", "id", "text", "items", "heading"]


@given(json_like)
def test_any_json_like_document(data: Any) -> None:
    report = (
        carenos.validate({"document": data})
        if not isinstance(data, dict)
        else carenos.validate(data)
    )
    assert isinstance(report, carenos.Report)
    assert report.files == 1
    assert not report.ok  # nothing random is a standard ...
    assert all(f.code == "CN100" for f in report.findings)  # ... and a dict is not read


@st.composite
def mutated_standards(draw: st.DrawFn) -> dict[str, Any]:
    data = carenos.to_dict(draw(standards()))
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(value_paths(data)))
        replacement = draw(json_like | st.sampled_from(["P1", "K1", "  x ", "[bookmark: a]"]))
        if not target:
            continue
        parent = data
        for part in target[:-1]:
            parent = parent[part]
        if draw(st.booleans()) and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = replacement
        else:
            parent[target[-1]] = replacement
    return data


@given(mutated_standards())
def test_mutations_of_a_valid_standard(data: dict[str, Any]) -> None:
    report = carenos.validate(copy.deepcopy(data))
    assert isinstance(report, carenos.Report)
    as_yaml = carenos.validate(dump_yaml(data))
    assert isinstance(as_yaml, carenos.Report)
    # the same document as a dict and as YAML text: the same findings, at the same pointers
    assert sorted((f.code, f.pointer) for f in as_yaml.findings) == sorted(
        (f.code, f.pointer) for f in report.findings
    )
    assert all(f.line is not None for f in as_yaml.findings)


@given(st.text(max_size=200))
def test_any_text(text: str) -> None:
    assert isinstance(carenos.validate(text, name="t.yaml"), carenos.Report)
    assert isinstance(carenos.validate(text, fmt="json"), carenos.Report)


@given(standards())
def test_generated_standards_have_no_schema_finding(standard: carenos.Standard) -> None:
    report = carenos.validate(carenos.to_dict(standard))
    assert not any(f.code == "CN100" for f in report.findings)
