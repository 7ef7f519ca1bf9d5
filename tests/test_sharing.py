"""A loaded corpus keeps each recurring text and immutable part once, and its table stays
small (``carenos._build``): the corpus is the same as built one by one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import carenos
from carenos import _build


def _standard(code: str, words: list[str], *, scope: str = "individuals") -> dict[str, Any]:
    return {
        "code": code,
        "title": f"Standard {code}",
        "overview": "An overview.",
        "elements": [
            {
                "title": "Work with individuals",
                "performance_criteria": [
                    {"id": f"P{n}", "text": text} for n, text in enumerate(words, 1)
                ],
            }
        ],
        "knowledge": [{"heading": "Rights", "items": [{"id": "K1", "text": f"{code} own"}]}],
        "scope": {"general": [{"term": "Individuals", "text": scope}]},
        "values": {"text": "Values as a suite holds them.", "rights": ["dignity", "choice"]},
        "metadata": {"original_urn": f"URN {code}", "keywords": ["care", "support"]},
    }


def _write(path: Path, standards: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(s) + "\n" for s in standards), encoding="utf-8")
    return path


def _texts(standard: carenos.Standard) -> list[str]:
    return [c.text for c in standard.criteria]


def test_equal_texts_and_parts_are_one_object(tmp_path: Path) -> None:
    shared = "communicate with the individual"
    corpus = carenos.load_corpus(
        _write(
            tmp_path / "c.jsonl",
            [_standard("AB1", [shared, "AB1 alone"]), _standard("AB2", ["AB2 alone", shared])],
        )
    )
    one, two = corpus["AB1"], corpus["AB2"]
    assert _texts(one)[0] is _texts(two)[1]
    assert one.scope is two.scope
    assert one.values is two.values
    assert one.metadata is not None
    assert two.metadata is not None
    assert one.metadata.keywords is two.metadata.keywords
    assert one.metadata is not two.metadata  # its URN is its own
    # a statement carries its standard's code: never shared
    assert one.criteria[0] is not two.criteria[1]
    assert one.criteria[0].ref == "AB1/P1"
    assert two.criteria[1].ref == "AB2/P2"


def test_nothing_is_shared_outside_a_load(minimal_dict: dict[str, Any]) -> None:
    one, two = carenos.from_dict(minimal_dict), carenos.from_dict(minimal_dict)
    assert one == two
    assert one.elements[0].title is not None
    assert one.scope == two.scope
    assert _build.SHARED_TEXTS.get() is None


def test_a_trimmed_table_keeps_what_recurred_and_builds_the_same_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recurring = "support the individual to make choices"
    once_early = "a sentence met once before the trim"
    standards = [
        _standard("AB01", [recurring, once_early]),
        _standard("AB02", [recurring]),
        # enough new texts to pass the (lowered) limit
        *(_standard(f"AB{n:02}", [f"filler {n} {k}" for k in range(6)]) for n in range(3, 9)),
        _standard("AB09", [recurring, once_early]),
    ]
    path = _write(tmp_path / "c.jsonl", standards)
    whole = carenos.load_corpus(path)
    monkeypatch.setattr(_build, "TRIM_AT", 40)
    trimmed = carenos.load_corpus(path)

    assert [carenos.to_dict(s) for s in trimmed] == [carenos.to_dict(s) for s in whole]
    # the untrimmed load shares both; the trimmed one keeps the text that had recurred
    assert _texts(whole["AB09"])[1] is _texts(whole["AB01"])[1]
    assert _texts(trimmed["AB09"])[0] is _texts(trimmed["AB01"])[0]
    # and forgets the one met once (what a trim costs, as documented)
    assert _texts(trimmed["AB09"])[1] == once_early
    assert _texts(trimmed["AB09"])[1] is not _texts(trimmed["AB01"])[1]
    # the scope recurred in every standard: still one object
    assert len({id(s.scope) for s in trimmed}) == 1


def test_the_table_is_trimmed_at_its_limit_and_at_twice_what_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_build, "TRIM_AT", 40)
    trims: list[tuple[int, int]] = []  # (entries before, entries kept)
    real_trim = _build.trim

    def watched(texts: dict[Any, Any]) -> None:
        real_trim(texts)
        table = _build.SHARED_TEXTS.get()
        assert table is not None
        if table is not texts:
            trims.append((len(texts), len(table)))

    monkeypatch.setattr("carenos.convert.trim", watched)
    # each standard's code stays (its statements hold it): what a trim keeps grows
    standards = [_standard(f"AB{n:03}", [f"unique {n} {k}" for k in range(10)]) for n in range(200)]
    corpus = carenos.load_corpus(_write(tmp_path / "c.jsonl", standards))
    assert len(corpus) == 200
    assert len(trims) > 5
    per_standard = 20  # at most this many new entries a standard here
    kept_before = 0
    for before, kept in trims:
        assert max(40, 2 * kept_before) <= before < max(40, 2 * kept_before) + per_standard
        assert kept < before
        kept_before = kept
    # linear: every trim waited for at least as many new entries as it kept
    assert sum(before for before, _ in trims) < 4 * 200 * per_standard


def test_without_reference_counts_the_table_is_never_trimmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where Python counts no references (``sys.getrefcount`` is CPython's), the table
    keeps everything: the corpus is the same."""
    monkeypatch.setattr(_build, "TRIM_AT", 1)
    monkeypatch.setattr(_build, "_ONCE", 0)
    standards = [_standard(f"AB{n:02}", [f"text {n}", "shared text"]) for n in range(5)]
    path = _write(tmp_path / "c.jsonl", standards)
    corpus = carenos.load_corpus(path)
    assert [carenos.to_dict(s) for s in corpus] == standards
    assert len({id(_texts(s)[1]) for s in corpus}) == 1
