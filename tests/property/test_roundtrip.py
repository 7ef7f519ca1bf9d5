"""Round trips between the model, dicts, YAML and JSON, and agreement with the schema."""

from __future__ import annotations

from hypothesis import given

import carenos
from carenos.schema import validator

from .strategies import standards


@given(standards())
def test_dict_round_trip(standard: carenos.Standard) -> None:
    assert carenos.from_dict(carenos.to_dict(standard)) == standard


@given(standards())
def test_yaml_round_trip(standard: carenos.Standard) -> None:
    assert carenos.loads(carenos.dumps(standard, "yaml"), "yaml") == standard


@given(standards())
def test_json_round_trip(standard: carenos.Standard) -> None:
    assert carenos.loads(carenos.dumps(standard, "json"), "json") == standard


@given(standards())
def test_to_dict_is_valid_against_the_schema(standard: carenos.Standard) -> None:
    errors = list(validator().iter_errors(carenos.to_dict(standard)))
    assert errors == []
