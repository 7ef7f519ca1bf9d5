"""Inputs where text was once lost or misread (from a review of the importer): each is read
whole now, or reported."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

import carenos
from carenos.importer import analyse
from carenos.io.published import read_document
from carenos.io.published.text import text_document

HEAD = "XY1 Test standard\nOverview\nIt does.\n"
SMALL = (
    "Performance criteria\nYou must be able to:\nP1 do one thing\n"
    "Knowledge and understanding\nYou need to know and understand:\nK1 know one thing\n"
)


def test_every_line_of_site_text_before_an_overview_heading_is_reported() -> None:
    text = "XY0001 A small standard\nSome site text.\nMore site text.\nOverview\nIt does.\n" + SMALL
    result = analyse(text_document(text))
    assert result.outside == ((2, "Some site text."), (3, "More site text."))
    assert result.data[0]["overview"] == "It does."


def test_a_statement_after_the_scope_sentence_on_its_line_is_kept() -> None:
    text = (
        "XY1 Test standard\nOverview\nIt does.\n"
        + SMALL
        + "Scope/range related to performance criteria\n"
        "The details in this field are explanatory statements of scope and/or examples of "
        "possible contexts in which the NOS may apply; they are not to be regarded as range "
        "statements required for achievement of the NOS. Harm could include neglect\n"
    )
    (standard,) = carenos.importer.import_document(text_document(text))
    assert [s.text for s in standard.scope.performance_criteria] == ["Harm could include neglect"]


def test_a_reference_line_is_information_not_a_code() -> None:
    text = (
        "XY1 Test standard\nOverview\nIt does.\n"
        + SMALL
        + "Additional Information\nReference: NG97\n"
    )
    (standard,) = carenos.importer.import_document(text_document(text))
    assert standard.code == "XY1"
    assert standard.additional_information[0].paragraphs == ("Reference: NG97",)


def test_a_plain_statement_that_starts_with_a_label_word_is_a_statement() -> None:
    text = (
        "HSCCLD9 T\nOverview\nIt does.\nPerformance criteria\nYou must be able to:\n"
        "review date for the care plan and who agrees it\nagree the plan\n"
        "Knowledge and understanding\nYou need to know and understand:\nthe policy\n"
    )
    (standard,) = carenos.importer.import_document(text_document(text))
    assert [c.text for c in standard.criteria] == [
        "review date for the care plan and who agrees it",
        "agree the plan",
    ]
    assert standard.metadata is None


def test_a_field_in_the_page_header_and_the_table_at_its_foot_imports() -> None:
    text = (
        "XY1 Test standard\nApproved on: 2021\nOverview\nIt does.\n"
        + SMALL
        + "Date Approved\n31 Mar 2021\n"
    )
    (standard,) = carenos.importer.import_document(text_document(text))
    assert standard.metadata is not None
    assert standard.metadata.date_approved == "2021-03-31"


def test_word_text_in_content_controls_and_insertions_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (
        "XY1 Test standard",
        "Overview",
        "It does.",
        "Performance criteria",
        "P1 do one thing",
    ):
        document.add_paragraph(text)
    inserted = document.add_paragraph("P2 do a second thing")
    insertion = OxmlElement("w:ins")
    run = OxmlElement("w:r")
    words = OxmlElement("w:t")
    words.text = " with the individual"
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    insertion.append(run)
    inserted._p.append(insertion)
    control = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    held = document.add_paragraph("P3 do a third thing")
    content.append(held._p)  # moves the paragraph into the content control
    control.append(content)
    document.element.body.insert(len(document.element.body) - 1, control)
    for text in ("Knowledge and understanding", "K1 know one thing"):
        document.add_paragraph(text)
    path = tmp_path / "x.docx"
    document.save(str(path))
    (standard,) = carenos.import_file(path)
    assert [c.text for c in standard.criteria] == [
        "do one thing",
        "do a second thing with the individual",
        "do a third thing",
    ]


def test_html_table_captions_and_lists_in_cells_are_read(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_text(
        "<table><caption>Metadata of this standard</caption>"
        "<tr><th>Keywords</th><td><ul><li>groups</li><li>activities</li></ul></td></tr>"
        "<tr><th>Relevant Occupations</th><td><p>Health</p><p>Social Care</p></td></tr></table>",
        encoding="utf-8",
    )
    assert [line.text for line in read_document(path).lines] == [
        "Metadata of this standard",
        "Keywords\tgroups; activities",
        "Relevant Occupations\tHealth; Social Care",
    ]


def test_a_page_number_between_two_statements_is_furniture() -> None:
    text = (
        HEAD
        + "Performance criteria\nP1 do one thing\n12\nP2 do more\n"
        + SMALL[SMALL.index("Knowledge") :]
    )
    result = analyse(text_document(text))
    assert result.account[6].role == "furniture"
    assert [c["text"] for e in result.data[0]["elements"] for c in e["performance_criteria"]] == [
        "do one thing",
        "do more",
    ]


def test_control_characters_are_spaces_and_a_pdf_fonts_del_is_a_bullet() -> None:
    text = (
        HEAD
        + "Performance criteria\nYou must be able to:\n\x7f do one\x0bthing\n"
        + SMALL[SMALL.index("Knowledge") :]
    )
    (standard,) = carenos.importer.import_document(text_document(text))
    assert [c.text for c in standard.criteria] == ["do one thing"]


def test_a_line_of_control_characters_only_is_said_to_be_furniture() -> None:
    text = "\x08\x0b\n" + HEAD + SMALL
    result = analyse(text_document(text))
    assert result.account[1].role == "furniture"
    assert result.account[1].note == "control characters only"
