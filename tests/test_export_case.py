"""CASE 1.1 export and import: valid against the official schema, counted, stable, round trip."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.errors import ContentError, UsageError
from carenos.export import CaseOptions, case_package, from_case, to_case

from .property.strategies import standards
from .support.export import case_errors, catalogue, fixture_standards, seed_standards

# The documented namespace: uuid5(NAMESPACE_URL, "https://carenos.dev/case/").
NAMESPACE = uuid.UUID("c28ec6ef-a65d-5ad8-b37f-cc07d3c0d257")


def _package(**options: Any) -> dict[str, Any]:
    return case_package(fixture_standards(), CaseOptions(**options), catalogue=catalogue())


def _by_coding(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["humanCodingScheme"]: item for item in package["CFItems"]}


def test_package_is_valid_against_the_official_schema() -> None:
    assert case_errors(_package()) == []


def test_item_and_association_counts_match_the_standards() -> None:
    package = _package()
    kinds = Counter(item["CFItemType"] for item in package["CFItems"])
    assert kinds == {
        "Standard": 2,
        "Element": 3,
        "KnowledgeHeading": 4,
        "PerformanceCriterion": 4,
        "KnowledgeItem": 5,
    }
    types = Counter(a["associationType"] for a in package["CFAssociations"])
    assert types == {"isChildOf": 18, "exactMatchOf": 1, "isRelatedTo": 1}
    declared = {t["title"]: t["identifier"] for t in package["CFDefinitions"]["CFItemTypes"]}
    assert set(declared) == set(kinds)
    for item in package["CFItems"]:
        assert item["CFItemTypeURI"]["identifier"] == declared[item["CFItemType"]]


def test_items_carry_codes_texts_and_what_case_has_no_place_for() -> None:
    items = _by_coding(_package())
    assert items["SCDHSC9001.K2"]["fullStatement"] == (
        "your role in promoting individuals\u2019 rights, choices, wellbeing and "
        "active participation"
    )
    assert items["SCDHSC9001.E2"]["fullStatement"] == (
        "Support individuals during therapeutic group activities"
    )
    assert items["SCDHSC9002.KH2"]["fullStatement"] == "Your practice"
    standard = items["SCDHSC9002"]
    assert standard["fullStatement"] == "Manage host relationships with individuals"
    assert standard["notes"] == (
        "This standard identifies the requirements when you manage host relationships."
    )
    assert standard["extensions"] == {"carenos": {"metadata": {"date_approved": "2017-06-30"}}}
    assert items["SCDHSC9001"]["conceptKeywords"] == ["therapeutic", "group activities"]
    assert "extensions" not in items["SCDHSC9001.K1"]


def test_hierarchy_in_order_with_sequence_numbers() -> None:
    package = _package()
    items = _by_coding(package)
    parent = items["SCDHSC9001"]["identifier"]
    by_id = {item["identifier"]: item["humanCodingScheme"] for item in package["CFItems"]}
    children = [
        (a["sequenceNumber"], by_id[a["originNodeURI"]["identifier"]])
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf" and a["destinationNodeURI"]["identifier"] == parent
    ]
    assert children == [
        (1, "SCDHSC9001.E1"),
        (2, "SCDHSC9001.E2"),
        (3, "SCDHSC9001.KH1"),
        (4, "SCDHSC9001.KH2"),
    ]
    document = package["CFDocument"]["identifier"]
    tops = [
        (a["sequenceNumber"], by_id[a["originNodeURI"]["identifier"]])
        for a in package["CFAssociations"]
        if a["destinationNodeURI"]["identifier"] == document
    ]
    assert tops == [(1, "SCDHSC9001"), (2, "SCDHSC9002")]


def test_shared_statements_are_matched() -> None:
    package = _package()
    by_id = {item["identifier"]: item["humanCodingScheme"] for item in package["CFItems"]}
    matches = {
        (
            a["associationType"],
            by_id[a["originNodeURI"]["identifier"]],
            by_id[a["destinationNodeURI"]["identifier"]],
        )
        for a in package["CFAssociations"]
        if a["associationType"] != "isChildOf"
    }
    assert matches == {
        ("exactMatchOf", "SCDHSC9002.K1", "SCDHSC9001.K1"),
        ("isRelatedTo", "SCDHSC9002.K2", "SCDHSC9001.K3"),
    }


def test_identifiers_are_uuid5_of_the_refs_and_unique() -> None:
    package = _package()
    items = _by_coding(package)
    assert items["SCDHSC9001.K2"]["identifier"] == str(uuid.uuid5(NAMESPACE, "SCDHSC9001/K2"))
    assert items["SCDHSC9002"]["identifier"] == str(uuid.uuid5(NAMESPACE, "SCDHSC9002"))
    assert items["SCDHSC9001.K2"]["uri"] == (
        "https://carenos.dev/case/CFItems/" + str(uuid.uuid5(NAMESPACE, "SCDHSC9001/K2"))
    )
    identifiers = [o["identifier"] for o in package["CFItems"] + package["CFAssociations"]]
    assert len(set(identifiers)) == len(identifiers) == 38


def test_export_is_byte_identical_run_to_run() -> None:
    assert to_case(fixture_standards()) == to_case(fixture_standards())
    first = to_case(fixture_standards(), catalogue=catalogue())
    assert first == to_case(fixture_standards(), catalogue=catalogue())


def test_last_change_defaults_to_latest_approval_and_can_be_set() -> None:
    stamps = {o["lastChangeDateTime"] for o in _package()["CFItems"]}
    assert stamps == {"2017-06-30T00:00:00+00:00"}
    assert _package(last_change="2024-05-01")["CFDocument"]["lastChangeDateTime"] == (
        "2024-05-01T00:00:00+00:00"
    )
    given_time = _package(last_change="2024-05-01T10:30:00+01:00")
    assert given_time["CFDocument"]["lastChangeDateTime"] == "2024-05-01T10:30:00+01:00"
    undated = carenos.Standard("AB01", "Title", "Overview", (), ())
    package = case_package([undated])
    assert package["CFDocument"]["lastChangeDateTime"] == "1970-01-01T00:00:00+00:00"
    with pytest.raises(UsageError, match="not an ISO date"):
        _package(last_change="31/03/2016")


def test_title_creator_and_base_are_configurable() -> None:
    package = _package(title="Care NOS", creator="Skills body", base_uri="https://x.test/c/")
    document = package["CFDocument"]
    assert (document["title"], document["creator"]) == ("Care NOS", "Skills body")
    assert document["uri"] == "https://x.test/c/CFDocuments/" + document["identifier"]
    assert all(item["uri"].startswith("https://x.test/c/CFItems/") for item in package["CFItems"])
    assert case_errors(package) == []


def test_import_gives_back_the_standards() -> None:
    corpus = fixture_standards()
    text = to_case(corpus, catalogue=catalogue())
    assert from_case(text) == corpus
    assert from_case(json.loads(text)) == corpus


def test_seed_standards_round_trip_through_case() -> None:
    seeds = seed_standards()
    package = case_package(seeds)
    assert case_errors(package) == []
    assert from_case(package) == seeds


@given(st.lists(standards(), max_size=3, unique_by=lambda s: s.code))
def test_round_trip_of_generated_standards(generated: list[carenos.Standard]) -> None:
    package = case_package(generated)
    assert from_case(package) == generated
    statements = sum(len(s.criteria) + len(s.knowledge_items) for s in generated)
    groups = sum(len(s.elements) + len(s.knowledge) for s in generated)
    assert len(package["CFItems"]) == len(generated) + groups + statements
    assert len(package["CFAssociations"]) == len(package["CFItems"])


def test_generated_package_is_valid_against_the_official_schema() -> None:
    @given(st.lists(standards(), max_size=2, unique_by=lambda s: s.code))
    def check(generated: list[carenos.Standard]) -> None:
        assert case_errors(case_package(generated)) == []

    case_errors({})  # skips here, not in every example, if the schema is absent
    check()


def _edited(action: Any) -> Any:
    """A change that does ``action(package)`` in place and imports the package."""

    def change(package: dict[str, Any]) -> Any:
        action(package)
        return package

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: [], "a CFPackage is a JSON object"),
        (lambda p: {"CFItems": []}, "the package has no CFDocument"),
        (_edited(lambda p: p["CFItems"][0].pop("notes")), "has no notes"),
        (_edited(lambda p: p["CFItems"][0].update(CFItemType="Topic")), "is a 'Topic' under"),
        (
            _edited(lambda p: p["CFItems"][2].update(humanCodingScheme="OTHER.P1")),
            "does not start with SCDHSC9001.",
        ),
        (_edited(lambda p: p["CFItems"].pop(1)), "which is not in the package"),
        (
            _edited(lambda p: p["CFAssociations"][0].update(sequenceNumber="1")),
            "sequenceNumber of",
        ),
        (_edited(lambda p: p["CFItems"][3].update(fullStatement="")), "must not be empty"),
    ],
)
def test_import_explains_what_is_wrong(change: Any, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        from_case(change(_package()), source="pkg.json")


def test_import_of_text_that_is_not_json() -> None:
    with pytest.raises(carenos.CarenosError, match="not valid JSON"):
        from_case("{", source="pkg.json")


def test_import_reads_only_scope_values_and_metadata_from_extensions() -> None:
    package = _package()
    package["CFItems"][0]["extensions"]["carenos"]["code"] = "HIJACKED"
    package["CFItems"][0]["extensions"]["other-tool"] = {"x": 1}
    assert from_case(package) == fixture_standards()
