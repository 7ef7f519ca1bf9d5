"""Mapping the two seed standards: exactly the statements they share, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import carenos
from carenos.mapping import KnowledgeMap, map_knowledge

from .support.paths import ROOT


def _ks(first: int, last: int) -> list[str]:
    return [f"K{n}" for n in range(first, last + 1)]


# The table, written out: SCDHSC0429 ids with their SCDHSC0393 partners, in order.
SHARED_0429 = [*_ks(1, 5), *_ks(7, 24), "K27", "K28", "K30", "K31", *_ks(33, 36), *_ks(40, 42)]
SHARED_0393 = [*_ks(1, 5), *_ks(6, 23), "K24", "K25", "K26", "K27", *_ks(28, 31), *_ks(32, 34)]


@pytest.fixture(scope="module")
def seeds() -> carenos.Corpus:
    return carenos.load_corpus(ROOT / "data" / "standards")


@pytest.fixture(scope="module")
def kmap(seeds: carenos.Corpus) -> KnowledgeMap:
    return map_knowledge(seeds)


def test_the_34_shared_statements_are_linked_pairwise(kmap: KnowledgeMap) -> None:
    expected = [
        (f"SCDHSC0429/{a}", f"SCDHSC0393/{b}")
        for a, b in zip(SHARED_0429, SHARED_0393, strict=True)
    ]
    assert len(expected) == 34
    assert kmap.between("SCDHSC0429", "SCDHSC0393") == tuple(expected)
    assert kmap.between("SCDHSC0393", "SCDHSC0429") == tuple((b, a) for a, b in expected)
    assert {link.match for group in kmap.shared() for link in group.links} == {"exact"}


def _source_statements(path: Path) -> dict[str, str]:
    """K id -> text, read straight from the extracted source (independent of the importer)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*(K\d+)\s+(.*)", line)
        if match:
            found[match.group(1)] = " ".join(match.group(2).split())
    return found


def test_the_shared_table_follows_from_the_source_texts(kmap: KnowledgeMap) -> None:
    a = _source_statements(ROOT / "data" / "sources" / "SCDHSC0429.txt")
    b = _source_statements(ROOT / "data" / "sources" / "SCDHSC0393.txt")
    by_text = {text: ident for ident, text in b.items()}
    derived = [(ka, by_text[text]) for ka, text in a.items() if text in by_text]
    assert [x for x, _ in derived] == SHARED_0429
    assert [y for _, y in derived] == SHARED_0393
    assert kmap.between("SCDHSC0429", "SCDHSC0393") == tuple(
        (f"SCDHSC0429/{x}", f"SCDHSC0393/{y}") for x, y in derived
    )


def test_merely_similar_statements_are_not_linked(kmap: KnowledgeMap) -> None:
    assert kmap.entry_for("SCDHSC0429/K49") is None
    assert kmap.entry_for("SCDHSC0393/K17") == kmap.entry_for("SCDHSC0429/K18")
    unshared_0429 = set(kmap.unshared("SCDHSC0429"))
    assert "SCDHSC0429/K49" in unshared_0429
    assert len(unshared_0429) == 57 - 34
    assert len(kmap.unshared("SCDHSC0393")) == 45 - 34


def test_the_nine_rights_link(kmap: KnowledgeMap) -> None:
    pairs = kmap.between("SCDHSC0429", "SCDHSC0393", kind="right")
    assert pairs == tuple(
        (f"SCDHSC0429/rights/{n}", f"SCDHSC0393/rights/{n}") for n in range(1, 10)
    )
    assert kmap.entry_for("SCDHSC0393/rights/4") is not None


def test_shared_scope_terms_link(kmap: KnowledgeMap, seeds: carenos.Corpus) -> None:
    pairs = dict(kmap.between("SCDHSC0429", "SCDHSC0393", kind="scope"))
    terms = {s.term: i for i, s in enumerate(seeds["SCDHSC0429"].scope.performance_criteria, 1)}
    for term in ("The individual", "Others"):
        ref = f"SCDHSC0429/scope-pc/{terms[term]}"
        partner = pairs[ref]
        number = int(partner.rsplit("/", 1)[1])
        assert seeds["SCDHSC0393"].scope.performance_criteria[number - 1].term == term


def test_everything_shared_is_in_the_catalogue(kmap: KnowledgeMap) -> None:
    assert kmap.proposals() == ()
    assert kmap.coverage()["SCDHSC0429"]["safeguarding"] == 4
    assert sum(kmap.coverage()["SCDHSC0393"].values()) == 34
