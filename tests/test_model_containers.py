"""The model as containers, as a developer expects (newcomer trial, findings 1, 13, 17, 21):
each reproduction of the trial, now passing."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import carenos
from carenos import KnowledgeItem
from carenos.export import to_csv
from carenos.mapping import UnknownRefError

from .support.paths import ROOT

SEED = ROOT / "data" / "standards" / "SCDHSC0393.yaml"


@pytest.fixture(scope="module")
def standard() -> carenos.Standard:
    return carenos.load(SEED)


@pytest.fixture(scope="module")
def corpus() -> carenos.Corpus:
    return carenos.load_corpus(ROOT / "data" / "standards")


def test_a_standard_is_a_container_of_its_statements(standard: carenos.Standard) -> None:
    assert "K12" in standard
    assert "SCDHSC0393/K12" in standard
    assert "K99" not in standard
    assert "SCDHSC0429/K1" not in standard
    assert standard["K12"] in standard
    statements = list(standard)
    assert len(statements) == len(standard) == 29 + 45
    assert [s.id for s in statements[:2]] == ["P1", "P2"]
    assert statements[29].id == "K1"
    assert repr(standard) == (
        "Standard('SCDHSC0393', 'Promote participation in agreed therapeutic group activities', "
        "3 elements, 74 statements)"
    )


def test_elements_and_headings_are_containers_and_statements_know_their_parent(
    standard: carenos.Standard,
) -> None:
    element = standard.elements[1]
    assert len(element) == 11
    assert next(pc.id for pc in element) == "P11"
    assert "P11" in element
    assert "P1" not in element
    section = standard.knowledge[0]
    assert (len(section), section.heading, "K5" in section) == (5, "Rights", True)
    assert standard.group_of("P11") is element
    assert standard.group_of("K3") is section
    assert standard.group_of("K99") is None


def test_the_refs_of_the_map_resolve(standard: carenos.Standard, corpus: carenos.Corpus) -> None:
    kmap = carenos.map_knowledge(corpus)
    for group in kmap.groups:
        for ref in group.refs:
            code = ref.partition("/")[0]
            assert corpus[code].text_of(ref) is not None, ref
    assert standard.text_of("SCDHSC0393/scope-k/1") == standard.scope.knowledge[0].text
    assert standard.text_of("SCDHSC0393/rights/99") is None
    assert corpus["SCDHSC0429/K7"].text == corpus["SCDHSC0429"]["K7"].text
    assert "SCDHSC0393/K12" in corpus
    assert "SCDHSC0393/K99" not in corpus
    with pytest.raises(KeyError):
        corpus["SCDHSC0393/K99"]


def test_one_standard_where_many_are_expected_works(standard: carenos.Standard) -> None:
    assert to_csv(standard).splitlines()[1].startswith("SCDHSC0393,")
    assert carenos.map_knowledge(standard).codes == ("SCDHSC0393",)
    assert list(carenos.Corpus([standard])) == [standard]
    assert list(carenos.Corpus(standard)) == [standard]
    assert carenos.export.to_jsonl(standard).count("\n") == 1


def test_model_errors_are_carenos_errors_and_lists_become_tuples(
    standard: carenos.Standard,
) -> None:
    with pytest.raises(carenos.CarenosError, match="title: must not be empty"):
        attrs.evolve(standard, title="")
    rebuilt = attrs.evolve(standard, elements=list(standard.elements))
    assert rebuilt == standard
    assert hash(rebuilt) == hash(standard)
    with pytest.raises(carenos.CarenosError, match="text: must be a text, not int"):
        KnowledgeItem("K1", 5)  # type: ignore[arg-type]
    with pytest.raises(carenos.CarenosError, match="expected a list, got str"):
        carenos.Element("A title", "P1")


def test_loads_takes_bytes() -> None:
    text = SEED.read_bytes()
    assert carenos.loads(text) == carenos.loads(text.decode("utf-8"))


def test_crediting_evidence_with_the_library(corpus: carenos.Corpus) -> None:
    kmap = carenos.map_knowledge(corpus)
    assert kmap.equivalents("SCDHSC0393/K6") == ("SCDHSC0429/K7",)
    assert kmap.equivalents("SCDHSC0393/K35") == ()
    assert kmap.equivalents("SCDHSC0393/P3") == ()  # in a mapped standard, not shareable
    portfolio = carenos.Portfolio(kmap)
    assert portfolio.credit("SCDHSC0393/K6", "e1") == ("SCDHSC0393/K6", "SCDHSC0429/K7")
    assert portfolio.evidence_for("SCDHSC0429/K7") == ("e1",)
    assert "SCDHSC0429/K7" not in portfolio.outstanding(corpus["SCDHSC0429"])
    assert repr(kmap).startswith("KnowledgeMap(2 standards, ")
    assert isinstance(kmap.between("SCDHSC0393", "SCDHSC0429"), tuple)


@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ("scdhsc0393/k7", "did you mean 'SCDHSC0393/K7'?"),
        ("SCDHSC0393/k7", "did you mean 'SCDHSC0393/K7'?"),
        ("scdhsc0393/K99", "did you mean 'SCDHSC0393'?"),
        ("K7", "'K7' is not a ref: a ref is CODE/ID"),
        ("SCDHSC0393/", "is not a ref"),
        ("nowhere/K1", "no standard 'nowhere' in the map (it maps 'SCDHSC0393', 'SCDHSC0429')"),
    ],
)
def test_a_ref_that_names_nothing_in_the_map_is_an_error_not_none(
    corpus: carenos.Corpus, ref: str, says: str
) -> None:
    """Newcomer finding 21: ``entry_for`` of a malformed or lower-case ref gave ``None``
    without a word, as if the statement were simply not shared."""
    kmap = carenos.map_knowledge(corpus)
    portfolio = carenos.Portfolio(kmap)
    lookups: list[Callable[[str], object]] = [
        kmap.entry_for,
        kmap.link_for,
        kmap.equivalents,
        lambda ref: portfolio.credit(ref, "e1"),
    ]
    for lookup in lookups:
        with pytest.raises(UnknownRefError, match=re.escape(says)) as raised:
            lookup(ref)
        assert isinstance(raised.value, carenos.CarenosError)
        assert isinstance(raised.value, KeyError)
    assert kmap.entry_for("SCDHSC0393/K35") is None  # a real statement that is not shared


def test_subpackages_are_reachable_after_import_carenos() -> None:
    code = "import carenos; print(carenos.export.to_csv.__name__, carenos.revisions.diff.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["to_csv", "diff"]


def test_dumps_of_a_corpus_is_a_stream_or_an_array(corpus: carenos.Corpus, tmp_path: Path) -> None:
    stream = tmp_path / "all.yaml"
    stream.write_text(carenos.dumps(corpus), encoding="utf-8")
    array = tmp_path / "all.json"
    array.write_text(carenos.dumps(corpus, "json"), encoding="utf-8")
    assert list(carenos.load_corpus(stream)) == list(corpus) == list(carenos.load_corpus(array))


def test_to_dict_of_a_part(standard: carenos.Standard) -> None:
    assert carenos.to_dict(standard["K12"]) == {
        "id": "K12",
        "text": "the prime importance of the interests and well-being of the individual",
    }
    element = carenos.to_dict(standard.elements[0])
    assert element["title"] == standard.elements[0].title
    assert len(element["performance_criteria"]) == 10
    with pytest.raises(TypeError, match="cannot give the dict of a int"):
        carenos.to_dict(3)
