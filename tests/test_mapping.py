"""Mapping statements to the shared catalogue: exact, near, none; discovery; the map's API."""

from __future__ import annotations

from typing import Any

import pytest
from rapidfuzz import fuzz

import carenos
from carenos.catalogue import Catalogue, SharedEntry, category_of_heading
from carenos.mapping import map_knowledge

from .support.paths import ROOT

RIGHTS = "legal and work setting requirements on equality, diversity, discrimination and rights"
HARM = "indicators of potential harm or abuse"
PARTNER = "how to work in partnership with individuals, key people and others"
OTHERS = "methods of supporting others to work with and support individuals, key people and others"

CATALOGUE = Catalogue(
    (
        SharedEntry("rights.equality-diversity-discrimination", "rights", RIGHTS),
        SharedEntry("safeguarding.indicators-harm-abuse", "safeguarding", HARM),
        SharedEntry("practice.partnership", "practice", PARTNER),
        SharedEntry("rights.be-respected", "rights", "To be respected", kind="right"),
    )
)


def _standard(
    code: str, sections: list[tuple[str, list[str]]], rights: tuple[str, ...] = ()
) -> Any:
    number = 0
    knowledge = []
    for heading, texts in sections:
        items = []
        for text in texts:
            number += 1
            items.append(carenos.KnowledgeItem(f"K{number}", text))
        knowledge.append(carenos.KnowledgeSection(heading, tuple(items)))
    values = carenos.Values("These include the rights:", rights) if rights else None
    return carenos.Standard(code, "Title", "Overview", (), tuple(knowledge), values=values)


def test_edited_quotes_and_spacing_still_link_exact() -> None:
    edited = RIGHTS.replace("equality, diversity", "equality,  diversity") + "."
    s = _standard("AAA0001", [("Rights", [edited])])
    kmap = map_knowledge([s], CATALOGUE)
    link = kmap.link_for("AAA0001/K1")
    assert link is not None
    assert (link.match, link.score) == ("exact", 100.0)
    assert kmap.entry_for("AAA0001/K1") == CATALOGUE["rights.equality-diversity-discrimination"]


def test_one_word_change_links_near_with_score_and_differences() -> None:
    s = _standard("AAA0001", [("Safeguarding", [HARM.replace("potential", "possible")])])
    kmap = map_knowledge([s], CATALOGUE)
    link = kmap.link_for("AAA0001/K1")
    assert link is not None
    assert link.match == "near"
    assert 85 <= link.score < 100
    assert link.differences == "'potential' vs 'possible'"
    assert [(lk.ref, entry.id) for lk, entry in kmap.near()] == [
        ("AAA0001/K1", "safeguarding.indicators-harm-abuse")
    ]


def test_unrelated_and_merely_similar_statements_do_not_link() -> None:
    s = _standard("AAA0001", [("Leading practice", [OTHERS, "theories about leadership"])])
    kmap = map_knowledge([s], CATALOGUE)
    assert kmap.entry_for("AAA0001/K1") is None
    assert kmap.entry_for("AAA0001/K2") is None
    assert kmap.unshared("AAA0001") == ("AAA0001/K1", "AAA0001/K2")


def test_threshold_is_a_parameter() -> None:
    s = _standard("AAA0001", [("Safeguarding", [HARM.replace("potential", "possible")])])
    assert map_knowledge([s], CATALOGUE, threshold=99).entry_for("AAA0001/K1") is None


def test_discovery_groups_recurring_statements_not_in_the_catalogue() -> None:
    a = _standard("AAA0001", [("Theory", ["theories of group work"]), ("Rights", [RIGHTS])])
    b = _standard("BBB0002", [("Theory for practice", ["Theories of group work."])])
    c = _standard("CCC0003", [("Theory", ["theories of group-work dynamics and development"])])
    kmap = map_knowledge([a, b, c], CATALOGUE)
    (proposal,) = kmap.proposals()
    assert proposal.entry.id == "theory.theories-group-work"
    assert proposal.entry.category == "theory"
    assert proposal.refs == ("AAA0001/K1", "BBB0002/K1")
    assert kmap.between("AAA0001", "BBB0002") == (("AAA0001/K1", "BBB0002/K1"),)
    # the catalogued statement occurs in one standard only: linked, but not shared
    assert kmap.refs_for("rights.equality-diversity-discrimination") == ("AAA0001/K2",)
    assert [g.entry.id for g in kmap.shared()] == ["theory.theories-group-work"]


def test_rights_link_through_the_same_machinery() -> None:
    rights = ("To be respected", "To have privacy")
    a = _standard("AAA0001", [("Rights", [RIGHTS])], rights)
    b = _standard("BBB0002", [("Rights", [RIGHTS])], rights)
    kmap = map_knowledge([a, b], CATALOGUE)
    assert kmap.refs_for("rights.be-respected") == ("AAA0001/rights/1", "BBB0002/rights/1")
    assert kmap.between("AAA0001", "BBB0002", kind="right") == (
        ("AAA0001/rights/1", "BBB0002/rights/1"),
        ("AAA0001/rights/2", "BBB0002/rights/2"),
    )
    assert kmap.between("AAA0001", "BBB0002") == (("AAA0001/K1", "BBB0002/K1"),)
    assert kmap.coverage() == {"AAA0001": {"rights": 1}, "BBB0002": {"rights": 1}}


def test_to_dict_shape() -> None:
    a = _standard("AAA0001", [("Rights", [RIGHTS, "own statement"])])
    b = _standard("BBB0002", [("Rights", [RIGHTS])])
    assert map_knowledge([a, b], CATALOGUE).to_dict() == {
        "standards": ["AAA0001", "BBB0002"],
        "shared": [
            {
                "id": "rights.equality-diversity-discrimination",
                "category": "rights",
                "text": RIGHTS,
                "refs": [
                    {"ref": "AAA0001/K1", "match": "exact", "score": 100.0},
                    {"ref": "BBB0002/K1", "match": "exact", "score": 100.0},
                ],
            }
        ],
        "unshared": ["AAA0001/K2"],
    }


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("Safe-guarding", "safeguarding"),
        ("Safeguarding", "safeguarding"),
        ("Theory", "theory"),
        ("Theory for practice", "theory"),
        ("Health and Safety", "health-safety"),
        ("Specific to this NOS ", "specific"),
        ("Something new", "specific"),
    ],
)
def test_category_of_heading(heading: str, category: str) -> None:
    assert category_of_heading(heading) == category


def test_near_matching_does_not_compare_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = fuzz.ratio  # what carenos.mapping scores near matches with

    def counting(*args: Any, **kwargs: Any) -> float:
        nonlocal calls
        calls += 1
        return float(real(*args, **kwargs))

    monkeypatch.setattr(fuzz, "ratio", counting)
    vocabulary = [f"{chr(97 + n % 26)}{chr(97 + n // 26)}word" for n in range(400)]
    entries = tuple(
        SharedEntry(f"specific.entry-{n}", "specific", " ".join(vocabulary[n : n + 6]))
        for n in range(0, 390, 3)
    )
    texts = [" ".join(vocabulary[n + 1 : n + 8]) for n in range(0, 390, 3)]
    s = _standard("AAA0001", [("Specific to this NOS", texts)])
    map_knowledge([s], Catalogue(entries))
    all_pairs = len(entries) * len(texts)
    assert 0 < calls < all_pairs / 10


def test_discovery_joins_a_statement_to_every_wording_it_is_near() -> None:
    """C is near both A and B, which are not near each other: one group of the three (C
    used to join only its best match, leaving A alone, in one standard, dropped), headed
    by the wording most standards use."""
    base = (
        "the procedures for reporting concerns about the safety of individuals in the work setting"
    )
    a = base
    b = base.replace("reporting concerns", "raising worries").replace("work setting", "care home")
    c = base.replace("reporting concerns", "raising worries")
    assert fuzz.ratio(a, b) < 85 <= min(fuzz.ratio(a, c), fuzz.ratio(b, c))
    corpus = [
        _standard(code, [("Your practice", [text])])
        for code, text in (("AAA0001", a), ("AAA0002", b), ("AAA0003", c), ("AAA0004", c))
    ]
    (group,) = map_knowledge(corpus, Catalogue(())).proposals()
    assert group.entry.text == c
    assert {link.ref: link.match for link in group.links} == {
        "AAA0001/K1": "near",
        "AAA0002/K1": "near",
        "AAA0003/K1": "exact",
        "AAA0004/K1": "exact",
    }


def test_a_linker_links_as_catalogue_links_does_for_each_standard() -> None:
    from benchmarks import make_corpus

    from carenos.mapping.linking import Linker, catalogue_links

    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(0, 400, 7)]
    standards += list(carenos.load_corpus(ROOT / "data" / "standards"))
    catalogue = carenos.load_catalogue()
    linker = Linker(catalogue)
    for standard in standards:  # one linker for all: its memory of texts changes nothing
        assert linker.links(standard) == catalogue_links(standard, catalogue)
    assert any(how == "near" for s in standards for _, how, _ in linker.links(s).values())


def test_a_long_statement_is_compared_only_with_texts_sharing_a_pair_of_its_words() -> None:
    from carenos.mapping.index import NearIndex
    from carenos.textnorm import normal_form

    index = NearIndex(85.0)
    source = normal_form("recognise and respond to signs of abuse neglect and harm in adults")
    unrelated = normal_form("signs recorded for adults respond quickly abuse reported neglect")
    index.add(source)
    index.add(unrelated)
    # one word replaced: pairs survive, and the twin is found
    twin = normal_form("recognise and respond to signs of abuse neglect and harm in children")
    assert index.above(twin) == [0]
    # the same words in another order share no pair: not even scored
    shuffled = normal_form("respond harm signs recognise adults neglect abuse")
    assert index._candidates(shuffled, None) == []


def test_a_short_statement_is_still_found_through_its_words() -> None:
    """Three content words, the middle one replaced: no pair is left, the words still meet."""
    from carenos.mapping.index import NearIndex
    from carenos.textnorm import normal_form

    index = NearIndex(85.0)
    index.add(normal_form("how to deal with and challenge discrimination"))
    reworded = normal_form("how to deal with and confront discrimination")
    assert fuzz.ratio(reworded, normal_form("how to deal with and challenge discrimination")) >= 85
    assert index.above(reworded) == [0]


def test_plurals_of_short_words_keep_their_keys() -> None:
    """Every other word made plural changes no key: the twin still shares its pairs."""
    from carenos.mapping.index import NearIndex, blocking_keys
    from carenos.textnorm import normal_form

    index = NearIndex(85.0)
    index.add(normal_form("review risk daily and plan weekly for goal monthly of need"))
    plural = normal_form("review risks daily and plans weekly for goals monthly of needs")
    assert index.above(plural) == [0]
    assert "class" in blocking_keys("class")
    assert "focus" in blocking_keys("focus")


def test_a_long_text_is_indexed_under_its_pairs_and_a_shorter_twin_meets_it() -> None:
    """A text of many words is indexed under its pairs only; a shorter twin (a word
    inserted) looked up through its words and pairs still meets it through a pair."""
    from carenos.mapping.index import NearIndex, blocking_keys
    from carenos.textnorm import normal_form

    long = normal_form("support individuals to access records about their care and support")
    index = NearIndex(85.0)
    index.add(long)
    words = {key for key in blocking_keys(long) if " " not in key}
    assert not any(index.by_key.get(word) for word in words)  # not under its words
    short = normal_form("support individuals to access records about their care")
    assert fuzz.ratio(short, long) >= 85
    assert index.above(short) == [0]
