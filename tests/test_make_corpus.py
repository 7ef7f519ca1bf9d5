"""The synthetic benchmark corpus: deterministic, valid, and as shared as it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import make_corpus

import carenos


def test_the_same_n_gives_the_same_bytes(tmp_path: Path) -> None:
    one = make_corpus.write_corpus(30, tmp_path / "a.jsonl").read_bytes()
    two = make_corpus.write_corpus(30, tmp_path / "b.jsonl").read_bytes()
    assert one == two
    assert make_corpus.write_corpus(10, tmp_path / "c.jsonl").read_bytes() in one


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> carenos.Corpus:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus.main(["60", str(root / "corpus.jsonl"), "--yaml-dir", str(root / "yaml")])
    return carenos.load_corpus(root / "corpus.jsonl")


def test_every_standard_validates_clean(corpus: carenos.Corpus, tmp_path: Path) -> None:
    assert len(corpus) == 60
    for standard in corpus:
        assert len(standard.elements) == 4
        assert len(standard.criteria) == 30
        assert len(standard.knowledge_items) == 50
    assert carenos.validate_corpus(corpus, catalogue=None).findings == ()


def test_the_yaml_files_validate_clean_but_for_the_near_variants_of_the_catalogue(
    tmp_path: Path,
) -> None:
    make_corpus.write_corpus(60, tmp_path / "c.jsonl", yaml_dir=tmp_path / "yaml", yaml_count=60)
    assert carenos.validate_corpus(tmp_path / "yaml", catalogue=None).findings == ()
    report = carenos.validate_corpus(tmp_path / "yaml")
    assert report.ok
    assert {(f.code, Path(f.source).stem) for f in report.findings} == {
        ("CN401", make_corpus.code_of(7)),
        ("CN401", make_corpus.code_of(57)),
    }


def test_about_sixty_percent_of_knowledge_comes_from_the_shared_pool(
    corpus: carenos.Corpus,
) -> None:
    pool = {text for text, _ in make_corpus.shared_pool()}
    items = [k for s in corpus for k in s.knowledge_items]
    fraction = sum(k.text in pool for k in items) / len(items)
    assert fraction == pytest.approx(0.6, abs=0.01)


def test_near_variants_are_mapped_near(corpus: carenos.Corpus) -> None:
    kmap = carenos.map_knowledge(corpus)
    near_codes = {link.code for link, _ in kmap.near()}
    assert near_codes == {make_corpus.code_of(7), make_corpus.code_of(57)}
    proposed_near = {
        link.code for group in kmap.proposals() for link in group.links if link.match == "near"
    }
    assert make_corpus.code_of(32) in proposed_near
