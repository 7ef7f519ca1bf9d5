"""Open Badges 3.0 export: achievements valid against the 1EdTech schema, aligned to CASE."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from attrs import evolve
from jsonschema import Draft201909Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

from carenos.export import CaseOptions, ExportOptions, case_package
from carenos.export.badges import achievements

from .support.cli import Cli
from .support.export import STANDARDS, fixture_standards, seed_standards
from .support.paths import SHARED

BADGES_SCHEMA = SHARED / "badges" / "ob_v3p0_achievementcredential.schema.json"


@cache
def _achievement_validator() -> Draft201909Validator | None:
    if not BADGES_SCHEMA.is_file():
        return None
    schema = json.loads(BADGES_SCHEMA.read_text(encoding="utf-8"))
    resource = Resource.from_contents(schema, default_specification=DRAFT201909)
    registry: Registry[Any] = Registry().with_resource(schema["$id"], resource)
    target = {"$ref": schema["$id"] + "#/$defs/Achievement"}
    return Draft201909Validator(
        target, registry=registry, format_checker=Draft201909Validator.FORMAT_CHECKER
    )


def badge_errors(achievement: dict[str, Any]) -> list[str]:
    """Problems of an achievement against the Open Badges 3.0 schema (skip if absent)."""
    validator = _achievement_validator()
    if validator is None:
        pytest.skip(f"the Open Badges 3.0 schema is not at {BADGES_SCHEMA}")
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(achievement)]


def test_every_achievement_is_valid_against_the_open_badges_schema() -> None:
    found = achievements(seed_standards()) + achievements(fixture_standards())
    assert len(found) == 4
    for achievement in found:
        assert badge_errors(achievement) == []


def test_an_achievement_carries_the_standard_and_aligns_to_its_case_items() -> None:
    options = ExportOptions(case=CaseOptions(base_uri="https://nos.example.org/"))
    (first, _second) = achievements(fixture_standards(), options)
    standard = fixture_standards()[0]
    assert (first["name"], first["humanCode"], first["description"]) == (
        standard.title,
        "SCDHSC9001",
        standard.overview,
    )
    assert first["criteria"]["narrative"].startswith(
        "You must be able to:\n\n**Plan agreed therapeutic group activities to ensure "
        "participation**\n\n- P1 agree with individuals"
    )
    assert first["tag"] == ["therapeutic", "group activities"]
    assert first["creator"]["name"] == "Skills for Care & Development"
    package = case_package(fixture_standards(), options.case)
    uris = {item.get("humanCodingScheme"): item["uri"] for item in package["CFItems"]}
    aligned = {a["targetCode"]: a["targetUrl"] for a in first["alignment"]}
    assert aligned == {
        code: uri for code, uri in uris.items() if code and code.startswith("SCDHSC9001")
    }
    assert {a["targetType"] for a in first["alignment"]} == {"CFItem"}
    assert len(first["alignment"]) == 1 + len(list(standard.statements()))


def test_assigned_ids_are_not_shown_as_codes() -> None:
    unnumbered = evolve(fixture_standards()[1], assigned_ids=("P", "K"))
    (achievement,) = achievements([unnumbered])
    assert "- P1 " not in achievement["criteria"]["narrative"]
    assert [a.get("targetCode") for a in achievement["alignment"]] == [
        "SCDHSC9002",
        None,
        None,
        None,
    ]
    assert badge_errors(achievement) == []


def test_identifiers_are_stable_and_unique() -> None:
    first = achievements(seed_standards())
    assert first == achievements(seed_standards())
    assert len({a["id"] for a in first}) == 2
    assert all(a["id"].startswith("urn:uuid:") for a in first)


def test_cli_writes_badges(cli: Cli) -> None:
    result = cli("export", STANDARDS, "--format", "badges", "--case-base-uri", "https://x.test")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [a["humanCode"] for a in found] == ["SCDHSC9001", "SCDHSC9002"]
    assert found[0]["alignment"][0]["targetUrl"].startswith("https://x.test/ims/case/v1p1/CFItems/")
