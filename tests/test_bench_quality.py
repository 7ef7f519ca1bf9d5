"""The mapping-quality benchmark: its metric on hand-made maps, and its figures on a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import make_corpus
from benchmarks.quality import PRECISION_TARGET, RECALL_TARGET, Quality, main, quality

import carenos
from carenos.catalogue import Catalogue, SharedEntry
from carenos.mapping import KnowledgeMap, Link, SharedGroup, occurrences

ENTRY = "the rights of individuals to make complaints and be supported to do so"
CLOSE = "the rights of individuals to make complaints and be helped to do so"  # 93
FAR = "the rights of people to complain and be given support"  # 68: below the threshold
POOL = "ways to record and report concerns about the safety of individuals"
POOL_REWORDED = "ways to record and report worries about the safety of individuals"  # 93
UNIQUE = "the local procedures for storing medicines safely and securely at home"
UNIQUE_TOO = "the local procedures for storing medicines safely and securely at work"  # 96
OTHER = "how to use equipment to move individuals without harm to them or to you"


def standard(number: int, *texts: str) -> carenos.Standard:
    """A standard ``SCDHSC900<number>`` with knowledge items K1, K2 ... of ``texts``."""
    return carenos.from_dict(
        {
            "code": f"SCDHSC900{number}",
            "title": f"Standard {number}",
            "overview": "A standard made for a test.",
            "elements": [
                {"title": "Work", "performance_criteria": [{"id": "P1", "text": "you work"}]}
            ],
            "knowledge": [
                {
                    "heading": "Your practice",
                    "items": [{"id": f"K{i + 1}", "text": t} for i, t in enumerate(texts)],
                }
            ],
        }
    )


CATALOGUE = Catalogue((SharedEntry("rights.complaints", "rights", ENTRY),))


def test_precision_and_recall_of_a_map_made_by_map_knowledge() -> None:
    corpus = [
        standard(1, POOL, UNIQUE, ENTRY),
        standard(2, POOL, CLOSE, UNIQUE_TOO),
        standard(3, POOL_REWORDED, FAR, OTHER),
    ]
    truth = {"SCDHSC9002/K2": ENTRY, "SCDHSC9003/K1": POOL, "SCDHSC9003/K2": ENTRY}
    kmap = carenos.map_knowledge(corpus, CATALOGUE)
    result = quality(corpus, kmap, truth, catalogue=CATALOGUE)
    # near links: the close rewording of the entry, the rewording of the pool statement
    # (right), and the unique statement near another one that no one planted (wrong)
    assert result.near_links == 3
    assert result.wrong == ("SCDHSC9002/K3",)
    assert (result.correct, result.strict_correct) == (2, 2)
    assert result.precision == pytest.approx(2 / 3)
    # the far rewording of the entry is missed: it scores below the threshold
    assert (result.planted, result.unfindable, result.found, result.found_as_head) == (3, 0, 2, 0)
    assert result.missed == ("SCDHSC9003/K2",)
    assert result.missed_below_threshold == 1
    assert result.recall == pytest.approx(2 / 3)
    assert (result.strict_precision, result.strict_recall) == (result.precision, result.recall)
    assert not result.met()


def test_a_rewording_met_first_does_not_head_its_group() -> None:
    """Discovery heads a proposed group with the wording most of its statements use, so a
    rewording met first in the corpus is linked ``near`` to it: found, strictly too."""
    corpus = [standard(1, POOL_REWORDED), standard(2, POOL), standard(3, POOL)]
    truth = {"SCDHSC9001/K1": POOL}
    kmap = carenos.map_knowledge(corpus, CATALOGUE)
    (group,) = kmap.proposals()
    assert group.entry.text == POOL
    assert [link.match for link in group.links] == ["near", "exact", "exact"]
    result = quality(corpus, kmap, truth, catalogue=CATALOGUE)
    assert (result.near_links, result.correct, result.strict_correct) == (1, 1, 1)
    assert (result.found, result.found_as_head) == (1, 0)
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert (result.strict_precision, result.strict_recall) == (1.0, 1.0)
    assert result.met()


def test_on_a_tie_the_first_wording_heads_the_group() -> None:
    corpus = [standard(1, POOL_REWORDED), standard(2, POOL)]
    (group,) = carenos.map_knowledge(corpus, CATALOGUE).proposals()
    assert group.entry.text == POOL_REWORDED
    result = quality(corpus, carenos.map_knowledge(corpus, CATALOGUE), {"SCDHSC9001/K1": POOL})
    assert (result.found, result.found_as_head) == (1, 1)  # grouped right, but not strictly
    assert (result.strict_precision, result.strict_recall) == (0.0, 0.0)


def test_a_rewording_linked_to_the_wrong_group_is_wrong_and_missed() -> None:
    corpus = [standard(1, OTHER, POOL), standard(2, POOL_REWORDED), standard(3, OTHER, POOL)]
    other = SharedEntry("practice.equipment", "practice", OTHER)
    pool = SharedEntry("practice.record", "practice", POOL)
    groups = [
        SharedGroup(
            other,
            (
                Link("SCDHSC9001/K1", "SCDHSC9001", "exact", 100.0),
                Link("SCDHSC9002/K1", "SCDHSC9002", "near", 86.0),  # the wrong group
                Link("SCDHSC9003/K1", "SCDHSC9003", "exact", 100.0),
            ),
        ),
        SharedGroup(
            pool,
            (
                Link("SCDHSC9001/K2", "SCDHSC9001", "exact", 100.0),
                Link("SCDHSC9003/K2", "SCDHSC9003", "exact", 100.0),
            ),
        ),
    ]
    found = [o for s in corpus for o in occurrences(s)]
    kmap = KnowledgeMap([s.code for s in corpus], groups, found)
    truth = {"SCDHSC9002/K1": POOL}
    result = quality(corpus, kmap, truth, catalogue=Catalogue((other, pool)))
    assert (result.precision, result.recall) == (0.0, 0.0)
    assert result.wrong == result.missed == ("SCDHSC9002/K1",)
    assert result.missed_below_threshold == 0  # it was findable
    right = SharedGroup(pool, (*groups[1].links, Link("SCDHSC9002/K1", "SCDHSC9002", "near", 93)))
    fixed = KnowledgeMap(kmap.codes, [SharedGroup(other, groups[0].links[::2]), right], found)
    again = quality(corpus, fixed, truth, catalogue=Catalogue((other, pool)))
    assert (again.precision, again.recall, again.strict_precision) == (1.0, 1.0, 1.0)


def test_rewordings_grouped_apart_from_their_source_are_missed_but_not_wrong() -> None:
    """What discovery does when a rewording meets an earlier rewording, not the source."""
    twice = POOL_REWORDED.replace("safety", "welfare")
    corpus = [standard(1, POOL_REWORDED), standard(2, twice), standard(3, POOL), standard(4, POOL)]
    apart = SharedEntry("practice.worries", "practice", POOL_REWORDED)
    pool = SharedEntry("practice.record", "practice", POOL)
    groups = [
        SharedGroup(
            apart,
            (
                Link("SCDHSC9001/K1", "SCDHSC9001", "exact", 100.0),
                Link("SCDHSC9002/K1", "SCDHSC9002", "near", 90.0),
            ),
            proposed=True,
        ),
        SharedGroup(
            pool,
            (
                Link("SCDHSC9003/K1", "SCDHSC9003", "exact", 100.0),
                Link("SCDHSC9004/K1", "SCDHSC9004", "exact", 100.0),
            ),
            proposed=True,
        ),
    ]
    found = [o for s in corpus for o in occurrences(s)]
    kmap = KnowledgeMap([s.code for s in corpus], groups, found)
    truth = {"SCDHSC9001/K1": POOL, "SCDHSC9002/K1": POOL}
    result = quality(corpus, kmap, truth, catalogue=CATALOGUE)
    assert (result.near_links, result.correct, result.strict_correct) == (1, 1, 0)
    assert (result.planted, result.found, result.recall) == (2, 0, 0.0)
    assert result.missed == ("SCDHSC9001/K1", "SCDHSC9002/K1")


def test_a_source_in_neither_corpus_nor_catalogue_is_not_counted() -> None:
    corpus = [standard(1, POOL_REWORDED), standard(2, OTHER)]
    truth = {"SCDHSC9001/K1": POOL}
    result = quality(corpus, carenos.map_knowledge(corpus, CATALOGUE), truth, catalogue=CATALOGUE)
    assert (result.planted, result.unfindable, result.recall) == (0, 1, 1.0)
    with pytest.raises(ValueError, match="not in the corpus"):
        quality(corpus, carenos.map_knowledge(corpus), {"SCDHSC9009/K1": POOL})


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[carenos.Corpus, Quality]:
    path = make_corpus.write_corpus(150, tmp_path_factory.mktemp("q") / "corpus.jsonl")
    corpus = carenos.load_corpus(path)
    return corpus, quality(corpus, carenos.map_knowledge(corpus), make_corpus.planted(150))


def test_on_a_small_corpus_the_counts_add_up(small: tuple[carenos.Corpus, Quality]) -> None:
    _, result = small
    truth = make_corpus.planted(150)
    assert result.planted + result.unfindable == len(truth)
    assert result.planted > 800
    assert result.found + len(result.missed) == result.planted
    assert result.correct + len(result.wrong) == result.near_links
    assert 0 <= result.found_as_head <= result.found
    assert 0 <= result.strict_correct <= result.correct
    assert result.missed_below_threshold <= len(result.missed)
    for value in (result.precision, result.recall, result.strict_precision, result.strict_recall):
        assert 0.0 <= value <= 1.0
    assert result.strict_recall <= result.recall
    assert result.to_dict()["missed"] == len(result.missed)


def test_on_a_small_corpus_the_targets_are_met(small: tuple[carenos.Corpus, Quality]) -> None:
    _, result = small
    assert result.precision >= PRECISION_TARGET
    assert result.recall >= RECALL_TARGET
    assert result.met()


def test_the_command_prints_the_figures_and_the_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["40", "--workdir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "N = 40 standards, 3,200 statements" in out
    assert f"precision 1.0000  target >= {PRECISION_TARGET}: met" in out
    assert f"target >= {RECALL_TARGET}: met" in out
    last = out.rstrip().splitlines()[-1]
    assert last.startswith("Mapping quality is unchanged at scale: on the benchmark corpus, ")
    assert last.endswith(f"(>= {RECALL_TARGET}) against the planted rewordings.")
