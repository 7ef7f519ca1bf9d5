"""``import-case`` as a CASE consumer: packages of other publishers, of servers that drop
extensions, without sequence numbers or with orphans; what is left out is reported."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from carenos.errors import ContentError
from carenos.export import case_package, from_case
from carenos.export.case_import import read_case

from .support.cli import Cli
from .support.export import case_errors, fixture_standards, seed_standards

DOC = "9a1f2c3e-0000-4000-8000-000000000001"


def _item(ident: str, statement: str, kind: str, code: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "identifier": ident,
        "uri": f"https://standards.example.org/ims/case/v1p1/CFItems/{ident}",
        "fullStatement": statement,
        "CFItemType": kind,
        "lastChangeDateTime": "2021-05-04T10:00:00+00:00",
    }
    if code is not None:
        item["humanCodingScheme"] = code
    return item


def _child(ident: str, origin: str, destination: str, sequence: int | None) -> dict[str, Any]:
    association: dict[str, Any] = {
        "identifier": ident,
        "uri": f"https://standards.example.org/ims/case/v1p1/CFAssociations/{ident}",
        "associationType": "isChildOf",
        "originNodeURI": {"title": origin, "identifier": origin, "uri": f"https://standards.example.org/{origin}"},
        "destinationNodeURI": {"title": destination, "identifier": destination, "uri": f"https://standards.example.org/{destination}"},
        "lastChangeDateTime": "2021-05-04T10:00:00+00:00",
    }  # fmt: skip
    if sequence is not None:
        association["sequenceNumber"] = sequence
    return association


def foreign_package() -> dict[str, Any]:
    """A framework of another publisher, in the shapes of the CASE 1.1 schema: a domain
    with a cluster of two standards and one standard of its own; no carenos field, one
    association without a sequence number, and an item under nothing."""
    ids = [f"9a1f2c3e-0000-4000-8000-0000000000{n:02d}" for n in range(2, 12)]
    return {
        "CFDocument": {
            "identifier": DOC,
            "uri": f"https://standards.example.org/ims/case/v1p1/CFDocuments/{DOC}",
            "creator": "A state education agency",
            "title": "Grade 3 Mathematics",
            "lastChangeDateTime": "2021-05-04T10:00:00+00:00",
        },
        "CFItems": [
            _item(ids[0], "Operations and Algebraic Thinking", "Domain", "3.OA"),
            _item(
                ids[1], "Represent and solve problems involving multiplication", "Cluster", "3.OA.A"
            ),
            _item(ids[2], "Interpret products of whole numbers", "Standard", "3.OA.A.1"),
            _item(
                ids[3], "Interpret whole-number quotients of whole numbers", "Standard", "3.OA.A.2"
            ),
            _item(ids[4], "Fluently multiply and divide within 100", "Standard", "3.OA.C.7"),
            _item(
                ids[5],
                "Know from memory all products of two one-digit numbers",
                "Standard",
                "3.OA.C.8",
            ),
        ],
        "CFAssociations": [
            _child(ids[6], ids[0], DOC, 1),
            _child(ids[7], ids[1], ids[0], 1),
            _child(ids[8], ids[2], ids[1], 1),
            _child(ids[9], ids[3], ids[1], None),
            _child("9a1f2c3e-0000-4000-8000-000000000099", ids[4], ids[0], 2),
        ],
    }


def test_the_foreign_package_is_schema_valid() -> None:
    assert case_errors(foreign_package()) == []


def test_a_package_of_another_publisher_imports_with_a_report() -> None:
    result = read_case(foreign_package(), source="math.json")
    (standard,) = result.standards
    assert (standard.code, standard.title) == ("3.OA", "Operations and Algebraic Thinking")
    assert [e.title for e in standard.elements] == [
        "Represent and solve problems involving multiplication",
        None,
    ]
    assert [pc.text for pc in standard.criteria] == [
        "Interpret products of whole numbers",
        "Interpret whole-number quotients of whole numbers",
        "Fluently multiply and divide within 100",
    ]
    assert standard.assigned_ids == ("P",)
    assert standard.metadata is not None
    assert standard.metadata.developed_by == "A state education agency"
    notes = "\n".join(result.notes)
    assert "1 isChildOf associations have no sequenceNumber" in notes
    assert "is read as the standard 3.OA" in notes
    assert "3.OA: no overview" in notes
    assert "('Know from memory all products of two one-digit ...') is under nothing" in notes


def test_a_package_that_lost_its_extensions_keeps_statements_scope_and_values() -> None:
    package = case_package(fixture_standards())

    def strip(value: Any) -> None:
        if isinstance(value, dict):
            value.pop("extensions", None)
            for inner in value.values():
                strip(inner)
        elif isinstance(value, list):
            for inner in value:
                strip(inner)

    strip(package)
    for association in package["CFAssociations"]:
        association.pop("sequenceNumber", None)
    back = from_case(package)
    original = fixture_standards()
    for got, want in zip(back, original, strict=True):
        assert (got.code, got.title, got.overview) == (want.code, want.title, want.overview)
        assert (got.elements, got.knowledge) == (want.elements, want.knowledge)
        assert (got.scope, got.values) == (want.scope, want.values)


def test_a_statement_without_its_isChildOf_is_kept_under_its_standard() -> None:
    package = case_package(seed_standards()[:1])
    by_id = {item["identifier"]: item for item in package["CFItems"]}
    coding = {ident: item.get("humanCodingScheme") for ident, item in by_id.items()}
    lost = next(
        a
        for a in package["CFAssociations"]
        if coding[a["originNodeURI"]["identifier"]] == "SCDHSC0393/K3"
    )
    package["CFAssociations"].remove(lost)
    result = read_case(package)
    (standard,) = result.standards
    assert standard.knowledge[-1].items[-1].id == "K3"
    assert any("(K3) has no isChildOf: added at the end" in note for note in result.notes)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: [], "a CFPackage is a JSON object"),
        (lambda p: {"CFItems": []}, "no CFDocument with an identifier"),
        (lambda p: {**p, "CFItems": {}}, "CFItems is not a list"),
        (lambda p: {**p, "CFItems": [], "CFAssociations": []}, "holds no standard"),
    ],
)
def test_what_is_no_package_is_refused_naming_the_file(change: Any, message: str) -> None:
    with pytest.raises(ContentError, match=message) as caught:
        read_case(change(copy.deepcopy(case_package(fixture_standards()))), source="pkg.json")
    assert caught.value.source == "pkg.json"


def test_cli_reports_notes_and_validates_what_it_writes(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "math.json"
    source.write_text(json.dumps(foreign_package()), encoding="utf-8")
    out = tmp_path / "out"
    result = cli("import-case", source, "--out", out)
    assert (out / "3.OA.yaml").is_file()
    assert f"{source}: note: CFItem" in result.output
    assert "1 standard written to" in result.output
    assert "CN204" in result.output or "error" in result.output  # no knowledge: a finding
    assert result.exit_code == 1
    ours = tmp_path / "ours.json"
    ours.write_text(json.dumps(case_package(seed_standards())), encoding="utf-8")
    clean = cli("import-case", ours, "--out", tmp_path / "seeds")
    assert clean.exit_code == 0, clean.output
    assert "note:" not in clean.output
