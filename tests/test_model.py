"""The model: immutable, hashable, compared by value, with the lookups users expect."""

from __future__ import annotations

import attrs
import pytest

import carenos
from carenos import Element, KnowledgeItem, KnowledgeSection, PerformanceCriterion, Standard


@pytest.fixture
def standard() -> Standard:
    return Standard(
        "SCDHSC0393",
        "Promote participation",
        "This standard is about groups.",
        (
            Element(
                "Plan", (PerformanceCriterion("P1", "agree"), PerformanceCriterion("P2", "plan"))
            ),
            Element("Act", (PerformanceCriterion("P3", "act"),)),
        ),
        (
            KnowledgeSection("Rights", (KnowledgeItem("K1", "rights"),)),
            KnowledgeSection("Theory", (KnowledgeItem("K2", "theory"), KnowledgeItem("K12", "x"))),
        ),
    )


def test_assignment_raises(standard: Standard) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        standard.title = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        standard.criteria[0].text = "other"  # type: ignore[misc]


def test_hashable_and_compared_by_value(standard: Standard) -> None:
    twin = carenos.from_dict(carenos.to_dict(standard))
    assert twin is not standard
    assert twin == standard
    assert hash(twin) == hash(standard)
    assert len({standard, twin}) == 1
    assert attrs.evolve(standard, title="Another") != standard


def test_criteria_and_knowledge_items_in_document_order(standard: Standard) -> None:
    assert [pc.id for pc in standard.criteria] == ["P1", "P2", "P3"]
    assert [k.id for k in standard.knowledge_items] == ["K1", "K2", "K12"]
    assert [s.id for s in standard.statements()] == ["P1", "P2", "P3", "K1", "K2", "K12"]


def test_lookup_by_id_and_ref(standard: Standard) -> None:
    assert standard["P3"].text == "act"
    assert standard["K12"].ref == "SCDHSC0393/K12"
    assert standard["SCDHSC0393/K2"].text == "theory"
    assert standard.get("K99") is None
    assert standard.get("OTHER0001/K1") is None
    with pytest.raises(KeyError, match="K99"):
        standard["K99"]


def test_statements_know_their_standard_even_when_built_without_it(standard: Standard) -> None:
    loose = KnowledgeItem("K5", "free-standing")
    assert loose.ref == "K5"
    assert {item.standard_code for item in standard.knowledge_items} == {"SCDHSC0393"}
    assert standard.criteria[0].ref == "SCDHSC0393/P1"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: PerformanceCriterion("K1", "x"), "P1, P2"),
        (lambda: KnowledgeItem("K1a", "x"), "K1, K2"),
        (lambda: KnowledgeItem("K1", ""), "empty"),
        (lambda: Element("", ()), "empty"),
        (lambda: carenos.Values("text", ("",)), "empty"),
    ],
)
def test_invalid_values_are_rejected(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


@pytest.mark.parametrize("cls", [PerformanceCriterion, KnowledgeItem])
def test_the_bulk_builder_is_the_constructor_without_its_calls(
    cls: type[PerformanceCriterion] | type[KnowledgeItem],
) -> None:
    from carenos._build import statements
    from carenos.model import MAX_TEXT_LENGTH

    def trusted(ident: str, text: str) -> PerformanceCriterion | KnowledgeItem:
        built = statements(cls, [{"id": ident, "text": text}], "ABC0001")
        assert built is not None
        return built[0]

    prefix = cls.PREFIX
    built = trusted(f"{prefix}12", "a text")
    assert built == cls(f"{prefix}12", "a text", standard_code="ABC0001")
    assert hash(built) == hash(cls(f"{prefix}12", "a text", standard_code="ABC0001"))
    assert type(built) is cls
    for ident, text in [
        (f"{prefix}1a", "x"),
        ("X1", "x"),
        (prefix, "x"),
        (f"{prefix}\u0661", "x"),  # an Arabic-Indic digit is not an ASCII digit
        (f"{prefix}1", ""),
        (f"{prefix}1", "x" * (MAX_TEXT_LENGTH + 1)),
    ]:
        assert statements(cls, [{"id": ident, "text": text}], "ABC0001") is None
        with pytest.raises(ValueError, match=r"id of the form|empty|over the limit"):
            cls(ident, text)
