"""The UK NOS database's JSON in and out: records, HTML fields, the line convention, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import carenos
from carenos.errors import ContentError
from carenos.io.nosdb import FIELDS, html_lines

from .support.cli import Cli
from .support.paths import ROOT

STANDARDS = ROOT / "data" / "standards"

# A record as the database's pages show the newest standards: no elements, no numbers,
# HTML in the fields (a nested list under a criterion, paragraphs, entities).
HSCCLD = {
    "URN": "HSCCLD220",
    "Title": "Support individuals to participate in activities",
    "Overview": (
        "<p>This standard is about supporting individuals.</p>"
        "<p>It is for care &amp; support workers.</p>"
    ),
    "Performance_criteria": (
        "<p>You must be able to:</p><ol><li>agree the activities, including:<ul>"
        "<li>leisure</li><li>learning</li></ul></li>"
        "<li>support the individual to take part</li></ol>"
    ),
    "Knowledge_and_understanding": ["You need to know and understand:", "the individual's rights"],
    "Scope_range": None,
    "Scope_range_related_to_performance_criteria": [],
    "Scope_range_related_to_knowledge_and_understanding": [],
    "Values": ["Person-centred practice"],
    "Behaviours": [],
    "Skills": [],
    "Glossary": ["Activity: anything an individual takes part in"],
    "Links_to_other_NOS": ["SCDHSC0393"],
    "External_Links": ["Care Act 2014 (https://www.legislation.gov.uk/ukpga/2014/23)"],
    "Developed_by": "Skills for Care & Development",
    "Version_number": 1,
    "Date_approved": "30 03 2026",
    "Indicative_review_date": "2031",
    "Validity": "Current",
    "Status": "Original",
    "Originating_organisation": None,
    "Original_URN": None,
    "Relevant_occupations": "Health and Social Care; Care workers",
    "Suite": "Health and Social Care & Childcare Learning and Development",
    "Keywords": "activities; participation",
    "SOC_Code": "6145; 6146",
    "NOSCategory": "Core",
}


def test_a_record_of_the_newest_shape_reads_as_published() -> None:
    standard = carenos.from_nosdb(HSCCLD)
    assert standard.overview == (
        "This standard is about supporting individuals.\nIt is for care & support workers."
    )
    (element,) = standard.elements
    assert element.title is None
    assert [(pc.id, pc.text, pc.sub_items) for pc in element.performance_criteria] == [
        ("P1", "agree the activities, including:", ("leisure", "learning")),
        ("P2", "support the individual to take part", ()),
    ]
    assert [(k.id, k.text) for k in standard.knowledge_items] == [("K1", "the individual's rights")]
    assert standard.external_links[0].url == "https://www.legislation.gov.uk/ukpga/2014/23"
    assert standard.metadata is not None
    assert standard.metadata.date_approved == "2026-03-30"
    assert standard.metadata.soc_codes == ("6145", "6146")
    assert standard.metadata.category == "Core"
    assert carenos.validate(standard).findings == ()


def test_the_export_writes_the_lead_ins_again_and_every_field() -> None:
    record = carenos.to_nosdb(carenos.from_nosdb(HSCCLD))
    assert tuple(record) == FIELDS
    assert record["Performance_criteria"] == [
        "You must be able to:",
        "agree the activities, including:",
        "• leisure",
        "• learning",
        "support the individual to take part",
    ]
    assert record["Date_approved"] == "30 03 2026"
    assert record["SOC_Code"] == "6145; 6146"
    assert record["Scope_range"] == []
    assert record["Originating_organisation"] is None


def test_numbered_standards_keep_their_elements_and_ids() -> None:
    standard = carenos.load(STANDARDS / "SCDHSC0393.yaml")
    record = carenos.to_nosdb(standard)
    assert record["Performance_criteria"][1:3] == [
        "Plan agreed therapeutic group activities to ensure participation",
        "P1 agree with individuals in the group, the group as a whole and others the purpose "
        "of therapeutic group activities",
    ]
    assert carenos.from_nosdb(record) == standard


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("<p>one</p><p>two</p>", ["one", "two"]),
        ("one<br>two<br/>three", ["one", "two", "three"]),
        ("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", ["a", "• b", "c"]),
        (
            "Health &amp; Safety &ndash; &#8220;care&#8221;",
            ["Health & Safety \u2013 \u201ccare\u201d"],
        ),
        ("plain\ntext  with   spaces", ["plain", "text with spaces"]),
    ],
)
def test_html_fields_are_read_with_an_html_parser(html: str, lines: list[str]) -> None:
    assert html_lines(html) == lines


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Unknown": 1}, "unknown field 'Unknown'"),
        ({"Behaviours": [1]}, "Behaviours: should be a list of texts"),
        ({"Title": ["a"]}, "Title: should be a text"),
        ({"Glossary": ["no separator"]}, "'no separator' is not 'term: definition'"),
        ({"Version_number": "three"}, "version: write a whole number (1, 2 ...), not 'three'"),
        (
            {"Date_approved": "Summer"},
            "date_approved: write an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), not 'Summer'",
        ),
        (
            {"NOSCategory": "Specialist"},
            "category: write Core, Generic or Job-specific, not 'Specialist'",
        ),
    ],
)
def test_a_record_of_the_wrong_shape_is_an_error_naming_the_field(
    change: dict[str, object], message: str
) -> None:
    with pytest.raises(ContentError, match=re.escape(message)):
        carenos.from_nosdb({**HSCCLD, **change})


def test_import_and_export_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    records = tmp_path / "nos.json"
    records.write_text(
        json.dumps([HSCCLD, carenos.to_nosdb(carenos.load(STANDARDS / "SCDHSC0393.yaml"))])
    )
    result = cli("import", "--from", "nosdb", records, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "HSCCLD220.yaml",
        "SCDHSC0393.yaml",
    ]
    assert (tmp_path / "out" / "SCDHSC0393.yaml").read_bytes() == (
        STANDARDS / "SCDHSC0393.yaml"
    ).read_bytes()
    exported = cli("export", "--format", "nosdb", tmp_path / "out")
    assert exported.exit_code == 0
    assert [r["URN"] for r in json.loads(exported.stdout)] == ["HSCCLD220", "SCDHSC0393"]


def test_a_bad_record_names_the_file_and_the_record(cli: Cli, tmp_path: Path) -> None:
    records = tmp_path / "nos.json"
    records.write_text(json.dumps([HSCCLD, {**HSCCLD, "Validity": "Currnet"}]))
    result = cli("import", "--from", "nosdb", records, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        f"{records} [1]: error: validity: write Current or Legacy, not 'Currnet'" in result.stderr
    )
    assert not (tmp_path / "out").exists()
    assert (
        cli("import", "--from", "nosdb", records, "--code", "X1", "--out", tmp_path).exit_code == 2
    )
