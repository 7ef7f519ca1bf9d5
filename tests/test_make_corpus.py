"""The synthetic benchmark corpus: deterministic, valid, and as shared as it says."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest
from benchmarks import make_corpus
from rapidfuzz import fuzz

import carenos
from carenos.mapping import DEFAULT_THRESHOLD
from carenos.textnorm import STOPWORDS, normal_form

SMALL = 60
MEDIUM = 200


def _statements(data: dict[str, Any]) -> list[tuple[str, str]]:
    """``(id, text)`` of every criterion and knowledge item of a standard's dict."""
    criteria = [
        (pc["id"], pc["text"]) for e in data["elements"] for pc in e["performance_criteria"]
    ]
    knowledge = [(k["id"], k["text"]) for s in data["knowledge"] for k in s["items"]]
    return criteria + knowledge


def _kept(source: str, reworded: str) -> float:
    """The fraction of words that a rewording keeps of its source (of the longer of the two)."""
    a, b = source.split(), reworded.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), len(b))


def test_the_same_n_gives_the_same_bytes(tmp_path: Path) -> None:
    one = make_corpus.write_corpus(30, tmp_path / "a.jsonl").read_bytes()
    two = make_corpus.write_corpus(30, tmp_path / "b.jsonl").read_bytes()
    assert one == two
    assert one.startswith(make_corpus.write_corpus(10, tmp_path / "c.jsonl").read_bytes())
    assert make_corpus.planted(30).items() >= make_corpus.planted(10).items()
    assert make_corpus.make_standard(17) == make_corpus.make_standard(17)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> carenos.Corpus:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus.main([str(SMALL), str(root / "corpus.jsonl"), "--yaml-dir", str(root / "yaml")])
    return carenos.load_corpus(root / "corpus.jsonl")


@pytest.fixture(scope="module")
def medium() -> list[dict[str, Any]]:
    return [make_corpus.make_standard(index) for index in range(MEDIUM)]


def test_every_standard_validates_clean(corpus: carenos.Corpus) -> None:
    assert len(corpus) == SMALL
    for standard in corpus:
        assert len(standard.elements) == 4
        assert len(standard.criteria) == 30
        assert len(standard.knowledge_items) == 50
        assert [k.id for k in standard.knowledge_items] == [f"K{i}" for i in range(1, 51)]
    assert carenos.validate_corpus(corpus, catalogue=None).findings == ()


def test_the_yaml_files_validate_clean_but_for_the_rewordings_of_the_catalogue(
    tmp_path: Path,
) -> None:
    make_corpus.write_corpus(20, tmp_path / "c.jsonl", yaml_dir=tmp_path / "yaml", yaml_count=20)
    assert len(list((tmp_path / "yaml").glob("*.yaml"))) == 20
    assert carenos.validate_corpus(tmp_path / "yaml", catalogue=None).findings == ()
    report = carenos.validate_corpus(tmp_path / "yaml")
    assert report.ok
    assert report.findings
    assert {f.code for f in report.findings} == {"CN401"}
    truth = make_corpus.planted(20)
    catalogued = {text for text, known in make_corpus.shared_pool() if known}
    flagged = set()
    for finding in report.findings:
        match = re.fullmatch(r"/knowledge/(\d+)/items/(\d+)/text", finding.pointer or "")
        assert match is not None
        number = int(match[1]) * 10 + int(match[2]) + 1
        flagged.add(f"{Path(finding.source).stem}/K{number}")
    assert flagged <= set(truth)
    assert {truth[ref] for ref in flagged} <= catalogued


def test_a_third_of_the_statements_are_shared_and_a_tenth_reworded(
    medium: list[dict[str, Any]],
) -> None:
    pool = set(make_corpus.pool_texts()) | set(make_corpus.criteria_pool())
    truth = make_corpus.planted(MEDIUM)
    statements = copies = rewordings = unique = 0
    seen: set[str] = set()
    for data in medium:
        for ident, text in _statements(data):
            statements += 1
            ref = f"{data['code']}/{ident}"
            if text in pool:
                copies += 1
            elif ref in truth:
                rewordings += 1
            else:
                unique += 1
                assert text not in seen  # a unique sentence is unique
                seen.add(text)
    assert statements == MEDIUM * 80
    assert rewordings == len(truth)
    assert copies / statements == pytest.approx(0.36, abs=0.01)
    assert rewordings / statements == pytest.approx(0.10, abs=0.01)
    assert unique / statements == pytest.approx(0.54, abs=0.015)
    criteria_copies = sum(
        pc["text"] in pool
        for d in medium
        for e in d["elements"]
        for pc in e["performance_criteria"]
    )
    assert 0.1 < criteria_copies / (MEDIUM * 30) < 0.22  # criteria are shared too
    seeds = {text for text, _ in make_corpus.shared_pool()}
    from_seeds = sum(text in seeds for d in medium for _, text in _statements(d))
    assert 0.15 < from_seeds / copies < 0.35  # the catalogue has work


def test_the_vocabulary_has_47000_words_and_the_corpus_uses_them(
    medium: list[dict[str, Any]],
) -> None:
    words = make_corpus.vocabulary()
    assert len(words) == make_corpus.VOCABULARY_SIZE == 47_000
    assert len(set(words)) == len(words)
    assert not set(words) & STOPWORDS
    seed_texts = [text for text, _ in make_corpus.shared_pool()]
    seed_words = {w for t in seed_texts for w in re.findall(r"[a-z]{4,}", t.lower())} - STOPWORDS
    assert seed_words <= set(words)  # the seeds' own words are in it
    pseudo = [w for w in words if w not in seed_words]
    assert len(pseudo) > 46_000
    assert all(w.isascii() and w.isalpha() and w.islower() for w in words)
    assert all(4 <= len(w) <= 12 for w in pseudo[-46_000:])
    used = {w for d in medium for _, t in _statements(d) for w in re.findall(r"[a-z]+", t.lower())}
    assert len(used & set(words)) > 0.9 * len(words)


def test_each_planted_rewording_is_a_small_change_of_a_pool_statement(
    medium: list[dict[str, Any]],
) -> None:
    truth = make_corpus.planted(MEDIUM)
    pool = set(make_corpus.pool_texts())
    normal_pool = {normal_form(t) for t in (*pool, *make_corpus.criteria_pool())}
    texts = {f"{d['code']}/{i}": t for d in medium for i, t in _statements(d)}
    scores = []
    for ref, source in truth.items():
        text = texts[ref]
        assert source in pool
        assert normal_form(text) != normal_form(source)
        assert normal_form(text) not in normal_pool
        assert _kept(source, text) >= 0.85, (source, text)
        scores.append(fuzz.ratio(normal_form(source), normal_form(text)))
    # a real rewording: nearly all reach the mapping threshold, none is far
    assert sum(s >= DEFAULT_THRESHOLD for s in scores) / len(scores) > 0.98
    assert min(scores) > 70
    for data in medium:  # no pool statement twice in a standard, as a copy or reworded
        sources = [truth.get(f"{data['code']}/{i}", t) for i, t in _statements(data)]
        used = [t for t in sources if t in pool]
        assert len(used) == len(set(used))


def test_reword_keeps_most_words_and_refuses_short_texts() -> None:
    import random

    rng = random.Random(3)
    text = "your duty to report any acts or omissions that could infringe the rights"
    for _ in range(200):
        changed = make_corpus.reword(text, rng)
        assert changed != text
        assert _kept(text, changed) >= 0.85
    with pytest.raises(ValueError, match="too short"):
        make_corpus.reword("how to deal with it", rng)


def test_rewordings_of_the_catalogue_are_mapped_near_when_they_score_enough(
    corpus: carenos.Corpus,
) -> None:
    kmap = carenos.map_knowledge(corpus)
    truth = make_corpus.planted(SMALL)
    catalogued = {text for text, known in make_corpus.shared_pool() if known}
    texts = {k.ref: k.text for s in corpus for k in s.knowledge_items}
    checked = 0
    for ref, source in truth.items():
        if source not in catalogued:
            continue
        link, entry = kmap.link_for(ref), kmap.entry_for(ref)
        score = fuzz.ratio(normal_form(source), normal_form(texts[ref]))
        if score >= DEFAULT_THRESHOLD:
            assert link is not None
            assert entry is not None
            assert (link.match, entry.normal) == ("near", normal_form(source))
            checked += 1
        else:
            assert entry is None or entry.normal != normal_form(source)
    assert checked > 50
    proposed_near = [
        link.ref for group in kmap.proposals() for link in group.links if link.match == "near"
    ]
    assert set(proposed_near) & set(truth)  # corpus-only statements are reworded too
