"""Model v2: the fields of the UK NOS database, untitled groups, typed metadata, URN case."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import carenos
from carenos.export import from_case, to_case, to_csv, to_json, to_jsonl, to_yaml
from carenos.metadata import iso_date
from carenos.model import Values

from .support.cli import Cli
from .support.export import case_errors
from .support.paths import CASES, ROOT

V2 = CASES / "validate" / "valid-v2-fields" / "HSCCLDab220L.yaml"


@pytest.fixture
def v2() -> carenos.Standard:
    return carenos.load(V2)


def test_the_v2_standard_holds_every_field(v2: carenos.Standard) -> None:
    assert v2.code == "HSCCLDab220L"  # case kept, Legacy L
    assert v2.elements[0].title is None
    assert v2.knowledge[0].heading is None
    assert v2["P1"].sub_items == ("leisure activities", "learning activities")
    assert v2.scope.general[0].term == "Individuals"
    assert v2.values == Values(statements=("Person-centred practice", "Dignity and respect"))
    assert v2.glossary[0].definition == "Anything an individual takes part in"
    assert v2.linked_codes == ("SCDHSC0393",)
    assert v2.external_links[0].url == "https://www.legislation.gov.uk/ukpga/2014/23"
    assert v2.additional_information[0].title == "Evidence requirements"
    assert v2.metadata is not None
    assert (v2.metadata.version, v2.metadata.date_approved) == (1, "2026")
    assert (v2.metadata.validity, v2.metadata.category) == ("Legacy", "Core")
    assert v2.replaced_by == "HSCCLD221"


def test_it_validates_clean_with_the_catalogue_and_maps(v2: carenos.Standard) -> None:
    assert carenos.validate(V2).findings == ()
    kmap = carenos.map_knowledge(
        [v2, carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")]
    )
    assert kmap.codes == ("HSCCLDab220L", "SCDHSC0393")


def test_every_text_export_keeps_what_it_has_a_place_for(v2: carenos.Standard) -> None:
    assert carenos.from_dict(json.loads(to_json([v2]))[0]) == v2
    assert carenos.from_dict(json.loads(to_jsonl([v2]))) == v2
    assert carenos.loads(to_yaml([v2])) == v2
    rows = to_csv([v2]).split("\r\n")
    assert rows[1].startswith("HSCCLDab220L,")
    assert rows[1].endswith(',,en,"leisure activities\nlearning activities"')


def test_case_carries_the_new_fields_and_reads_back(v2: carenos.Standard) -> None:
    package = json.loads(to_case([v2]))
    assert case_errors(package) == []
    assert from_case(package) == [v2]


def test_old_files_with_a_text_version_still_load(minimal_dict: dict[str, object]) -> None:
    minimal_dict["metadata"] = {"version": "2", "date_approved": "2016-03-31"}
    standard = carenos.from_dict(minimal_dict)
    assert standard.metadata is not None
    assert standard.metadata.version == 2
    assert carenos.to_dict(standard)["metadata"]["version"] == 2


def test_a_welsh_version_is_named_for_its_language(tmp_path: Path, v2: carenos.Standard) -> None:
    welsh = attrs.evolve(v2, language="cy", title="Cefnogi unigolion")
    carenos.dump(welsh, tmp_path / "HSCCLDab220L.cy.yaml")
    assert carenos.validate(tmp_path / "HSCCLDab220L.cy.yaml").findings == ()
    carenos.dump(welsh, tmp_path / "HSCCLDab220L.yaml")
    report = carenos.validate(tmp_path / "HSCCLDab220L.yaml")
    assert [f.code for f in report.findings] == ["CN206"]
    assert "should be HSCCLDab220L.cy.yaml" in report.findings[0].message


def test_overview_paragraphs_are_no_stray_whitespace(minimal_dict: dict[str, object]) -> None:
    minimal_dict["overview"] = "First paragraph.\nSecond paragraph."
    assert carenos.validate(minimal_dict).findings == ()
    minimal_dict["overview"] = "First paragraph.\nSecond  paragraph."
    (finding,) = carenos.validate(minimal_dict).findings
    assert (finding.code, finding.message) == (
        "CN301",
        "stray whitespace in paragraph 2: a double space",
    )
    minimal_dict["title"] = "A\ntitle"
    assert "CN301" in [f.code for f in carenos.validate(minimal_dict).findings]


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("2016-03-31", "2016-03-31"),
        ("2026", "2026"),
        ("12 03 2021", "2021-03-12"),
        ("30/03/2021", "2021-03-30"),
        ("03/2021", "2021-03"),
        ("June 2014", "2014-06"),
        ("Sept 2014", "2014-09"),
        ("31st March 2021", "2021-03-31"),
        ("March 30, 2021", "2021-03-30"),
        ("32 01 2020", None),
        ("13/2020", None),
        ("Summer 2014", None),
    ],
)
def test_published_dates_read_as_iso(published: str, iso: str | None) -> None:
    assert iso_date(published) == iso


def test_the_cli_loads_maps_and_exports_the_v2_shape(cli: Cli) -> None:
    assert cli("load", V2).exit_code == 0
    assert cli("map", V2, "--format", "json").exit_code == 0
    for fmt in ("json", "jsonl", "csv", "case", "yaml"):
        assert cli("export", "--format", fmt, V2).exit_code == 0, fmt
