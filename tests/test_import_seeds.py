"""The two seed documents import to what they say, and the committed YAML is what they make."""

from __future__ import annotations

import pytest

import carenos
from carenos.io.suite_index import read_index

from .support.importing import SOURCES, TITLES, account_of, norm, seed
from .support.paths import ROOT, SHARED

RIGHTS = [
    "To be treated as an individual",
    "To be treated equally and not be discriminated against",
    "To be respected",
    "To have privacy",
    "To be treated in a dignified way",
    "To be protected from danger and harm",
    "To be supported and cared for in a way that meets their needs, takes account of their "
    "choices and also protects them",
    "To communicate using their preferred methods of communication and language",
    "To access information about themselves",
]
VALUES_TEXT = (
    "Adherence to codes of practice or conduct where applicable to your role, and the principles "
    "and values that underpin your work setting including the rights of children and adults. "
    "These include the rights:"
)
HEADINGS = {
    "SCDHSC0429": [
        ("Rights", 1, 6),
        ("Your practice", 7, 21),
        ("Theory", 22, 23),
        ("Personal and professional development", 24, 26),
        ("Communication", 27, 28),
        ("Health and Safety", 29, 31),
        ("Safe-guarding", 32, 37),
        ("Multi-disciplinary working", 38, 39),
        ("Handling information", 40, 44),
        ("Leading practice", 45, 51),
        ("Risk management", 52, 53),
        ("Specific to this NOS", 54, 57),
    ],
    "SCDHSC0393": [
        ("Rights", 1, 5),
        ("Your practice", 6, 20),
        ("Theory for practice", 21, 22),
        ("Personal and professional development", 23, 23),
        ("Communication", 24, 25),
        ("Health and Safety", 26, 27),
        ("Safe-guarding", 28, 31),
        ("Handling information", 32, 34),
        ("Specific to this NOS", 35, 45),
    ],
}
ELEMENTS = {
    "SCDHSC0429": [
        (
            "Plan to develop groups to promote individual growth, development and independence",
            1,
            10,
        ),
        (
            "Use group processes and dynamics to promote individual growth, development and "
            "independence",
            11,
            16,
        ),
        ("Help groups to achieve planned outcomes for their members", 17, 24),
        ("Disengage from groups appropriately", 25, 29),
    ],
    "SCDHSC0393": [
        ("Plan agreed therapeutic group activities to ensure participation", 1, 10),
        ("Promote individuals' participation in agreed therapeutic group activities", 11, 21),
        ("Evaluate agreed therapeutic group activities", 22, 29),
    ],
}
NOTE = (
    "Note: Where an individual finds it difficult or impossible to express their own preferences "
    "and make decisions about their life, achievement of this standard may require the "
    "involvement of advocates or others who are able to represent the views and best interests "
    "of the individual."
)
LANGUAGE = (
    "Where there are language differences within the work setting, achievement of this standard "
    "may require the involvement of interpreters or translation services."
)
INDIVIDUAL = (
    "The individual is the adult, child or young person you support or care for in your work"
)
OTHERS = (
    "Others are your colleagues and other professionals whose work contributes to the "
    "individual\u2019s well-being and who enable you to carry out your role"
)
SCOPE_PC_TERMS = {
    "SCDHSC0429": [None, None, "The individual", "Others", "Processes", "Resources"],
    "SCDHSC0393": [
        None,
        None,
        "Harm and abuse",
        "The individual",
        "Others",
        "A risk",
        "Support needs",
        "Therapeutic group activities",
    ],
}
FACTORS = "Factors that may affect the health, wellbeing and development of individuals"


@pytest.fixture(params=["SCDHSC0429", "SCDHSC0393"])
def code(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def imported(code: str) -> carenos.Standard:
    return carenos.import_text(seed(code), code, TITLES[code])


def test_elements_and_criteria(code: str) -> None:
    standard = imported(code)
    got = [(e.title, [p.id for p in e.performance_criteria]) for e in standard.elements]
    want = [(t, [f"P{n}" for n in range(a, b + 1)]) for t, a, b in ELEMENTS[code]]
    assert got == want
    assert len(standard.criteria) == 29


def test_knowledge_headings_and_items(code: str) -> None:
    standard = imported(code)
    got = [(s.heading, [k.id for k in s.items]) for s in standard.knowledge]
    want = [(h, [f"K{n}" for n in range(a, b + 1)]) for h, a, b in HEADINGS[code]]
    assert got == want
    assert len(standard.knowledge_items) == {"SCDHSC0429": 57, "SCDHSC0393": 45}[code]


def test_every_statement_text_is_the_source_line(code: str) -> None:
    by_id = {}
    for raw in seed(code).splitlines():
        words = raw.split()
        if words and words[0][0] in "PK" and words[0][1:].isdigit():
            by_id[words[0]] = " ".join(words[1:])
    standard = imported(code)
    assert {s.id: s.text for s in standard.statements()} == by_id


def test_a_few_texts_spelled_out() -> None:
    a, b = imported("SCDHSC0429"), imported("SCDHSC0393")
    assert (
        a["K1"].text
        == b["K1"].text
        == ("legal and work setting requirements on equality, diversity, discrimination and rights")
    )
    mine = "your own background, experiences and beliefs that may have an impact on your practice"
    assert a["K8"].text == b["K7"].text == mine
    assert a["K2"].text == (
        "your role in promoting individuals\u2019 rights, choices, wellbeing and active "
        "participation"
    )
    assert a["P6"].text == "identify where you or others could usefully support existing groups"
    assert b["P23"].text == (
        "support individuals to give feedback on of the activity and its benefits to themselves "
        "and the group"
    )
    assert a.overview.startswith(
        "This standard identifies the requirements when you work with groups"
    )
    assert b.overview.endswith(
        "contributing to the evaluation of the agreed therapeutic group activities."
    )
    assert "  " not in b.overview


def test_values(code: str) -> None:
    values = imported(code).values
    assert values is not None
    assert values.text == VALUES_TEXT
    assert list(values.rights) == RIGHTS


def test_scope_in_order(code: str) -> None:
    scope = imported(code).scope
    texts = [s.text for s in scope.performance_criteria]
    assert texts[:2] == [NOTE, LANGUAGE]
    assert INDIVIDUAL in texts
    assert OTHERS in texts
    assert texts.index(INDIVIDUAL) + 1 == texts.index(OTHERS)
    assert [s.term for s in scope.performance_criteria] == SCOPE_PC_TERMS[code]
    assert [(s.term, s.text[:40]) for s in scope.knowledge] == [
        (None, "All knowledge statements must be applied"),
        (FACTORS, "Factors that may affect the health, well"),
    ]
    assert scope.knowledge[1].text.endswith("social deprivation; substance misuse")


def test_the_explanatory_sentence_is_a_label(code: str) -> None:
    text = seed(code)
    account = account_of(text)
    lines = text.split("\n")
    found = [n for n, raw in enumerate(lines, 1) if "explanatory statements of scope" in raw]
    assert len(found) == 2
    assert [account[n] for n in found] == ["label", "label"]


def test_import_without_a_title_is_a_usage_error() -> None:
    with pytest.raises(carenos.CarenosError) as caught:
        carenos.import_text(seed("SCDHSC0393"), code="SCDHSC0393")
    assert type(caught.value).__name__ == "UsageError"
    assert "title" in caught.value.message


def test_committed_yaml_is_what_the_importer_makes(code: str) -> None:
    index_path = SHARED / "suite" / "scdhsc-index.csv"
    if not index_path.exists():
        pytest.skip(f"the suite index {index_path} is absent (../shared/suite/ not checked out)")
    from carenos.importer import import_file

    (standard,) = import_file(SOURCES / f"{code}.txt", index=read_index(index_path))
    committed = (ROOT / "data" / "standards" / f"{code}.yaml").read_text(encoding="utf-8")
    assert carenos.dumps(standard) == committed
    loaded = carenos.load(ROOT / "data" / "standards" / f"{code}.yaml")
    assert loaded.title == TITLES[code]
    assert loaded.metadata is not None
    assert loaded.metadata.original_urn == "HSC" + code[-3:]
    assert loaded.metadata.suites == ("Health and Social Care",)


def test_norm_helper_agrees_with_the_committed_texts() -> None:
    assert norm(" \t[bookmark: X]a\u00a0 b\t") == "a b"
