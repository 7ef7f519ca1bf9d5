"""Fixtures shared by the export tests: hand-written standards, a catalogue, the CASE schema."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft201909Validator

import carenos
from carenos.catalogue import Catalogue, load_catalogue

from .paths import CASES, ROOT, SHARED

EXPORT = CASES / "export"
STANDARDS = EXPORT / "standards"
CATALOGUE_FILE = EXPORT / "catalogue.yaml"
CASE_SCHEMA = SHARED / "case" / "case_v1p1_cfpackage-jsonschema1.json"
CASE_1_0_SCHEMA = SHARED / "case" / "opensalt-case-v1p0-cfpackage-schema.json"
SEED = ROOT / "data" / "standards"

# RFC 3339 date-time (jsonschema checks "date-time" only with an optional package).
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def fixture_standards() -> list[carenos.Standard]:
    """The two hand-written fixtures, SCDHSC9001 and SCDHSC9002, in that order."""
    return list(carenos.load_corpus(STANDARDS))


def catalogue() -> Catalogue:
    """Two entries: the rights statement (exact in both) and partnership (near in 9002)."""
    return load_catalogue(CATALOGUE_FILE)


def seed_standards() -> list[carenos.Standard]:
    """The two real seed standards in data/standards."""
    standards = list(carenos.load_corpus(SEED))
    assert [s.code for s in standards] == ["SCDHSC0393", "SCDHSC0429"]
    return standards


@cache
def _case_validators() -> tuple[Draft201909Validator, Draft4Validator] | None:
    if not (CASE_SCHEMA.is_file() and CASE_1_0_SCHEMA.is_file()):
        return None
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    opensalt = json.loads(CASE_1_0_SCHEMA.read_text(encoding="utf-8"))
    return (
        Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER),
        Draft4Validator(opensalt, format_checker=Draft4Validator.FORMAT_CHECKER),
    )


def case_errors(package: dict[str, Any], *, compat: str = "1.1") -> list[str]:
    """Problems of ``package`` against the official CASE 1.1 schema and the CASE 1.0 schema
    OpenSALT enforces, formats checked (skip where they are absent). Packages with CASE 1.1
    association types (``isTranslationOf``) are checked against 1.1 only unless ``compat``
    is ``"1.0"``."""
    validators = _case_validators()
    if validators is None:
        pytest.skip(f"the CASE schemas are not in {CASE_SCHEMA.parent}")
    v11, v10 = validators
    checks: list[tuple[str, Draft201909Validator | Draft4Validator]] = [("1.1", v11)]
    types = {a.get("associationType") for a in package.get("CFAssociations", [])}
    if compat == "1.0" or "isTranslationOf" not in types:
        checks.append(("1.0", v10))
    found = [
        f"CASE {name} {list(e.absolute_path)}: {e.message}"
        for name, validator in checks
        for e in validator.iter_errors(package)
    ]
    stamps = _values(package, "lastChangeDateTime")
    found += [f"not an RFC 3339 date-time: {s!r}" for s in stamps if not RFC3339.fullmatch(s)]
    return found


def _values(data: Any, key: str) -> list[Any]:
    if isinstance(data, dict):
        own = [data[key]] if key in data else []
        return own + [v for value in data.values() for v in _values(value, key)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value, key)]
    return []
