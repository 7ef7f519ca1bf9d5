"""CASE 1.1 export: valid against both CASE schemas, NOS content in CASE places, round trip."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

import carenos
from carenos.errors import ContentError, UsageError
from carenos.export import CaseOptions, case_package, from_case, to_case
from carenos.export.case import DEFAULT_TITLE, catalogue_item

from .property.strategies import standards
from .support.export import case_errors, catalogue, fixture_standards, seed_standards

# The documented namespace: uuid5(NAMESPACE_URL, "https://carenos.dev/case/").
NAMESPACE = uuid.UUID("c28ec6ef-a65d-5ad8-b37f-cc07d3c0d257")
BASE = "https://carenos.dev/case/ims/case/v1p1/"


def _package(**options: Any) -> dict[str, Any]:
    return case_package(fixture_standards(), CaseOptions(**options), catalogue=catalogue())


def _by_coding(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        item["humanCodingScheme"]: item
        for item in package["CFItems"]
        if "humanCodingScheme" in item
    }


def _children(package: dict[str, Any], parent: str) -> list[tuple[int, str, str]]:
    by_id = {item["identifier"]: item for item in package["CFItems"]}
    return [
        (a["sequenceNumber"], by_id[a["originNodeURI"]["identifier"]]["CFItemType"],
         by_id[a["originNodeURI"]["identifier"]]["fullStatement"])
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf" and a["destinationNodeURI"]["identifier"] == parent
    ]  # fmt: skip


def test_package_is_valid_against_both_case_schemas_with_formats_checked() -> None:
    assert case_errors(_package()) == []
    assert case_errors(case_package(seed_standards())) == []


def test_every_part_of_a_standard_is_an_item_of_a_readable_type() -> None:
    package = _package()
    kinds = Counter(item["CFItemType"] for item in package["CFItems"])
    assert kinds == {
        "Standard": 2,
        "Element": 3,
        "Knowledge heading": 4,
        "Performance criterion": 4,
        "Knowledge and understanding": 5,
        "Scope/range related to performance criteria": 1,
        "Scope/range related to knowledge and understanding": 1,
        "Values": 1,
        "Value": 2,
    }
    types = Counter(a["associationType"] for a in package["CFAssociations"])
    assert types == {"isChildOf": 23, "exactMatchOf": 3}
    declared = {t["title"]: t for t in package["CFDefinitions"]["CFItemTypes"]}
    assert set(declared) == set(kinds)
    assert declared["Knowledge and understanding"]["typeCode"] == "KnowledgeItem"
    for item in package["CFItems"]:
        assert item["CFItemTypeURI"]["identifier"] == declared[item["CFItemType"]]["identifier"]


def test_the_hierarchy_holds_scope_and_values_after_the_statements() -> None:
    package = _package()
    standard = _by_coding(package)["SCDHSC9001"]
    assert _children(package, standard["identifier"]) == [
        (1, "Element", "Plan agreed therapeutic group activities to ensure participation"),
        (2, "Element", "Support individuals during therapeutic group activities"),
        (3, "Knowledge heading", "Rights"),
        (4, "Knowledge heading", "Your practice"),
        (5, "Scope/range related to performance criteria",
         "Individuals are children and young people or adults who require care or support"),
        (6, "Scope/range related to knowledge and understanding",
         "All knowledge statements must be applied in the context of this standard."),
        (7, "Values", "Adherence to codes of practice or conduct where applicable to your role. "
         "These include the rights"),
    ]  # fmt: skip
    values = next(i for i in package["CFItems"] if i["CFItemType"] == "Values")
    assert [text for _n, _k, text in _children(package, values["identifier"])] == [
        "To be treated as an individual",
        "To be respected",
    ]
    scope = next(i for i in package["CFItems"] if i["CFItemType"].endswith("performance criteria"))
    assert scope["alternativeLabel"] == "Individuals"


def test_codes_are_the_publishers_and_no_others() -> None:
    package = _package()
    codes = sorted(_by_coding(package))
    assert codes == [
        "SCDHSC9001", "SCDHSC9001/K1", "SCDHSC9001/K2", "SCDHSC9001/K3", "SCDHSC9001/P1",
        "SCDHSC9001/P2", "SCDHSC9001/P3", "SCDHSC9002", "SCDHSC9002/K1", "SCDHSC9002/K2",
        "SCDHSC9002/P1",
    ]  # fmt: skip
    unnumbered = evolve(fixture_standards()[1], assigned_ids=("P", "K"))
    items = case_package([unnumbered])["CFItems"]
    assert [i["humanCodingScheme"] for i in items if "humanCodingScheme" in i] == ["SCDHSC9002"]
    assert from_case(case_package([unnumbered])) == [unnumbered]


def test_document_fields_come_from_the_standards() -> None:
    document = _package()["CFDocument"]
    assert document == {
        "identifier": str(uuid.uuid5(NAMESPACE, f"document\n{DEFAULT_TITLE}\nen")),
        "uri": BASE + "CFDocuments/" + document["identifier"],
        "creator": "Skills for Care & Development",
        "title": DEFAULT_TITLE,
        "lastChangeDateTime": "2017-06-30T00:00:00+00:00",
        "publisher": "Skills for Care & Development",
        "caseVersion": "1.1",
        "language": "en",
    }
    one = case_package([fixture_standards()[0]])["CFDocument"]
    assert one["version"] == "2"
    assert one["statusStartDate"] == "2016-03-31"
    assert one["officialSourceURL"] == (
        "https://www.ukstandards.org.uk/en/nos-finder/SCDHSC9001/"
        "promote-participation-in-agreed-therapeutic-group-activities"
    )
    seeds = case_package(seed_standards())["CFDocument"]
    assert (seeds["title"], seeds["adoptionStatus"]) == ("Health and Social Care", "Adopted")


def test_items_are_stamped_with_their_standards_dates_never_the_epoch() -> None:
    package = _package()
    items = _by_coding(package)
    assert items["SCDHSC9001/K2"]["lastChangeDateTime"] == "2016-03-31T00:00:00+00:00"
    assert items["SCDHSC9001/K2"]["statusStartDate"] == "2016-03-31"
    assert items["SCDHSC9002/K2"]["lastChangeDateTime"] == "2017-06-30T00:00:00+00:00"
    given = _package(last_change="2024-05-01T10:30:00+01:00")
    assert {o["lastChangeDateTime"] for o in given["CFItems"]} == {"2024-05-01T10:30:00+01:00"}
    with pytest.raises(UsageError, match="not an ISO date"):
        _package(last_change="31/03/2016")


def test_undated_standards_take_the_day_of_the_export(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    undated = carenos.Standard("AB01", "Title", "Overview", (), ())
    assert case_package([undated])["CFDocument"]["lastChangeDateTime"] == (
        "2026-05-28T00:00:00+00:00"
    )
    assert "1970" not in to_case(seed_standards())


def test_legacy_standards_are_deprecated() -> None:
    standard = fixture_standards()[0]
    assert standard.metadata is not None
    legacy = evolve(
        standard,
        metadata=evolve(standard.metadata, validity="Legacy", indicative_review_date="2020-01"),
    )
    package = case_package([legacy])
    assert package["CFDocument"]["adoptionStatus"] == "Deprecated"
    assert {item["statusEndDate"] for item in package["CFItems"]} == {"2020-01-01"}
    assert case_errors(package) == []


def test_identifiers_are_uuid5_of_framework_standard_and_text() -> None:
    items = _by_coding(_package())
    text = (
        "your role in promoting individuals\u2019 rights, choices, wellbeing and "
        "active participation"
    )
    key = f"{DEFAULT_TITLE}\nen\nSCDHSC9001\nK\n{text}"
    assert items["SCDHSC9001/K2"]["identifier"] == str(uuid.uuid5(NAMESPACE, key))
    assert items["SCDHSC9001/K2"]["uri"] == BASE + "CFItems/" + str(uuid.uuid5(NAMESPACE, key))
    package = _package()
    identifiers = [o["identifier"] for o in package["CFItems"] + package["CFAssociations"]]
    assert len(set(identifiers)) == len(identifiers) == 49


def test_exact_matches_point_at_the_catalogue_and_near_ones_only_when_asked() -> None:
    def matches(package: dict[str, Any]) -> set[tuple[str, str, str]]:
        coding = {i["identifier"]: i.get("humanCodingScheme") for i in package["CFItems"]}
        return {
            (a["associationType"], coding[a["originNodeURI"]["identifier"]],
             a["destinationNodeURI"]["identifier"])
            for a in package["CFAssociations"] if a["associationType"] != "isChildOf"
        }  # fmt: skip

    rights = catalogue_item("rights.equality-diversity-discrimination")
    partnership = catalogue_item("practice.partnership")
    exact = {
        ("exactMatchOf", "SCDHSC9001/K1", rights),
        ("exactMatchOf", "SCDHSC9002/K1", rights),
        ("exactMatchOf", "SCDHSC9001/K3", partnership),
    }
    assert matches(_package()) == exact
    assert matches(_package(near=True)) == exact | {("isRelatedTo", "SCDHSC9002/K2", partnership)}


def test_titles_are_kept_within_what_servers_keep() -> None:
    title = "A framework " + "with a very long name " * 8
    document = _package(title=title)["CFDocument"]
    assert len(document["title"]) <= 120
    assert document["title"].endswith("\u2026")
    assert document["description"] == title


@pytest.mark.parametrize(
    ("base", "uri"),
    [
        ("https://x.test/c/", "https://x.test/c/ims/case/v1p1/CFDocuments/"),
        ("https://x.test/c", "https://x.test/c/ims/case/v1p1/CFDocuments/"),
        ("http://localhost:8000/", "http://localhost:8000/ims/case/v1p1/CFDocuments/"),
    ],
)
def test_the_base_uri_is_joined_with_a_slash(base: str, uri: str) -> None:
    package = _package(base_uri=base)
    assert package["CFDocument"]["uri"] == uri + package["CFDocument"]["identifier"]
    assert case_errors(package) == []


@pytest.mark.parametrize(
    "base", ["not a uri ", "ftp://x.test/", "/relative/", "https://", "https://x.test/a b/"]
)
def test_a_base_uri_that_is_no_absolute_http_uri_is_refused(base: str) -> None:
    with pytest.raises(UsageError, match="--case-base-uri"):
        CaseOptions(base_uri=base)


def test_the_carenos_round_trip_is_lossless() -> None:
    corpus = fixture_standards()
    text = to_case(corpus, catalogue=catalogue())
    assert from_case(text) == corpus
    assert from_case(json.loads(text)) == corpus
    assert from_case(case_package(seed_standards())) == seed_standards()


@settings(max_examples=40)
@given(st.lists(standards(), min_size=1, max_size=3, unique_by=lambda s: s.code))
def test_round_trip_of_generated_standards(generated: list[carenos.Standard]) -> None:
    english = [s for s in generated if s.language == "en"]
    if not english:
        with pytest.raises(ContentError, match="holds no standard"):
            from_case(case_package(generated))
        return
    assert from_case(case_package(generated)) == english


def test_generated_packages_are_valid_against_both_schemas() -> None:
    @settings(max_examples=40)
    @given(st.lists(standards(), max_size=2, unique_by=lambda s: s.code))
    def check(generated: list[carenos.Standard]) -> None:
        assert case_errors(case_package(generated)) == []

    case_errors({"CFDocument": {}})  # skips here, not in every example, if the schemas are absent
    check()


@pytest.mark.parametrize(
    "options", [CaseOptions(), CaseOptions(near=True), CaseOptions(language="cy")], ids=repr
)
def test_the_streamed_package_is_the_package(options: CaseOptions) -> None:
    """write_case spools the CFItems and CFAssociations to disk as they are made (a suite's
    package is gigabytes): the text is to_case's, byte for byte, empty arrays included."""
    import io

    from benchmarks import make_corpus

    from carenos.export._output import ExportOptions
    from carenos.export.case.package import write_case

    corpus = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(12)]
    for chosen in ([*corpus, *carenos.bundled()], []):
        streamed = io.StringIO()
        write_case(chosen, streamed, ExportOptions(case=options))
        assert streamed.getvalue() == to_case(chosen, options)


def test_the_links_kept_for_alignment_are_those_the_package_holds() -> None:
    """The builder keeps each link as its identifier (and its title where it is not its
    key): what it gives back is the link the items and associations hold."""
    from carenos.export.case.package import build_package

    package, links = build_package(fixture_standards(), CaseOptions(), catalogue=catalogue())
    by_identifier = {item["identifier"]: item for item in package["CFItems"]}
    children = {
        a["originNodeURI"]["identifier"]: a["originNodeURI"]
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf"
    }
    assert len(links) > 10
    for key, link in links.items():
        assert link == children[link["identifier"]]
        item = by_identifier[link["identifier"]]
        assert item["uri"] == link["uri"]
        assert item["humanCodingScheme"] == key


def test_links_keep_a_title_apart_from_its_key() -> None:
    from carenos.export.case.items import Links

    links = Links("https://example.org/CFItems/")
    uri = "https://example.org/CFItems/"
    links["SCDHSC0393/P1"] = {"title": "SCDHSC0393/P1", "identifier": "a", "uri": uri + "a"}
    links["X/K1"] = {"title": "know the law", "identifier": "b", "uri": uri + "b"}
    assert links["X/K1"] == {"title": "know the law", "identifier": "b", "uri": uri + "b"}
    assert links["SCDHSC0393/P1"]["title"] == "SCDHSC0393/P1"
    links["X/K1"] = {"title": "X/K1", "identifier": "c", "uri": uri + "c"}  # replaced
    assert links["X/K1"] == {"title": "X/K1", "identifier": "c", "uri": uri + "c"}
    assert list(links) == ["SCDHSC0393/P1", "X/K1"]
