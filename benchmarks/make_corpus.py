"""A deterministic synthetic corpus of standards at the scale of the whole UK NOS database.

The corpus the performance issue (#20) measured: of all numbered statements (criteria and
knowledge items together) about 36% are copies, word for word, of statements of a shared
pool, about 10% are *planted rewordings* of pool knowledge statements, and the rest are
unique sentences drawn from a 47,000-word vocabulary.

- Vocabulary (:func:`vocabulary`): the real words of the two seed standards, then
  pseudo-words made of syllables (lower-case ASCII, 4-12 letters, fixed-seed RNG) up to
  :data:`VOCABULARY_SIZE` distinct words.
- Pools: knowledge (:func:`pool_texts`): the 68 distinct knowledge statements of the
  seeds (about half of them in the bundled catalogue, :func:`shared_pool`) and
  :data:`POOL_SENTENCES` synthetic sentences of 8-16 vocabulary words, in no catalogue;
  criteria (:func:`criteria_pool`): the seeds' criteria and :data:`CRITERIA_POOL_SENTENCES`
  synthetic ones. A draw from a pool is a seed statement with probability
  :data:`SEED_SHARE`, so that the catalogue and discovery both have work.
- Each standard: 4 elements with 30 performance criteria (``P1`` ..) and 5 knowledge
  headings with 50 items (``K1`` .. ``K50``). A knowledge item is a planted rewording
  with probability :data:`P_REWORDED`, a copy with :data:`P_COPIED_KNOWLEDGE`, else a
  unique sentence; a criterion is a copy with :data:`P_COPIED_CRITERIA`, else unique.
  Within a standard no pool statement is used twice (nor both copied and reworded).
- A planted rewording (:func:`reword`) changes a pool knowledge statement of at least 7
  words by one edit (a content word replaced by another vocabulary word, a word
  inserted, or a content word removed), or two replacements in statements of 14 words
  or more: at least 85% of the words are kept. :func:`planted` gives the ground truth,
  each reworded statement's ref with the pool text it rewords.

Scope, values and metadata come from the seed the standard is modelled on. Standard
``i`` depends only on ``i``, so a smaller corpus is a prefix of a larger one, and the
same ``N`` gives the same bytes.

Usage: ``python -m benchmarks.make_corpus N OUT.jsonl [--yaml-dir DIR [--yaml-count M]]``
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import carenos
from carenos.mapping import catalogue_index
from carenos.textnorm import STOPWORDS, normal_form

__all__ = [
    "CRITERIA_POOL_SENTENCES",
    "POOL_SENTENCES",
    "P_COPIED_CRITERIA",
    "P_COPIED_KNOWLEDGE",
    "P_REWORDED",
    "SEED_SHARE",
    "VOCABULARY_SIZE",
    "code_of",
    "criteria_pool",
    "iter_lines",
    "main",
    "make_standard",
    "planted",
    "planted_in",
    "pool_texts",
    "reword",
    "shared_pool",
    "vocabulary",
    "write_corpus",
]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("SCDHSC0393", "SCDHSC0429")
ELEMENT_SIZES = (8, 8, 7, 7)
HEADINGS = ("Rights", "Your practice", "Safe-guarding", "Handling information", "Specific")
KNOWLEDGE_ITEMS = 50

VOCABULARY_SIZE = 47_000
"""Distinct words of the vocabulary: the seeds' words and pseudo-words."""
POOL_SENTENCES = 3_000
"""Synthetic knowledge statements of the shared pool (in no catalogue)."""
CRITERIA_POOL_SENTENCES = 1_000
"""Synthetic criteria of the shared criteria pool."""
SEED_SHARE = 0.25
"""Probability that a copied or reworded statement comes from the seeds, not the synthetic pool."""
P_REWORDED = 0.16
"""Probability that a knowledge item is a planted rewording (8 of 50: 10% of 80 statements)."""
P_COPIED_KNOWLEDGE = 0.48
"""Probability that a knowledge item is a word-for-word copy of a pool statement (24 of 50)."""
P_COPIED_CRITERIA = 0.16
"""Probability that a criterion is a copy (4.8 of 30): with the knowledge, 36% of 80."""
MIN_REWORDABLE = 7
"""Fewest words of a statement that is reworded (one edit of 7 keeps 85% of the words)."""
TWO_EDITS_FROM = 14
"""Fewest words of a statement that may have two words replaced (12 of 14 kept)."""

_ONSETS = (
    *"bcdfghjklmnprstvwz",
    *("bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc"),
    *("sh", "sk", "sl", "sm", "sn", "sp", "st", "str", "th", "tr", "wh"),
)
_NUCLEI = ("a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "io", "oa", "oo", "ou", "y")
_CODAS = ("", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "ck", "ng", "rt", "x")
_KNOWLEDGE_OPENINGS = ("how to", "the", "your", "ways to", "the importance of", "", "", "")
_CRITERIA_OPENINGS = ("you", "you make sure", "you check", "you agree", "you support")
_GLUE = ("and", "of", "the", "in", "for", "to", "with", "your", "or")


def code_of(index: int) -> str:
    """The code of the ``index``-th synthetic standard, e.g. ``SCDHSC10007``."""
    return f"SCDHSC{10000 + index}"


# --- the seeds, the vocabulary and the pools --------------------------------------------


@functools.cache
def _seeds() -> tuple[dict[str, Any], ...]:
    return tuple(
        carenos.to_dict(carenos.load(ROOT / "data" / "standards" / f"{code}.yaml"))
        for code in SEEDS
    )


@functools.cache
def _seed_texts(kind: str) -> tuple[str, ...]:
    """The distinct texts of the seeds' knowledge items (``"K"``) or criteria (``"P"``),
    in document order."""
    seeds = [carenos.from_dict(seed) for seed in _seeds()]
    return tuple(
        dict.fromkeys(
            statement.text
            for seed in seeds
            for statement in (seed.knowledge_items if kind == "K" else seed.criteria)
        )
    )


@functools.cache
def shared_pool() -> tuple[tuple[str, bool], ...]:
    """The distinct knowledge statements of the seeds, each with whether it is catalogued."""
    index = catalogue_index(carenos.load_catalogue())
    texts: dict[str, str] = {}
    for text in _seed_texts("K"):
        texts.setdefault(normal_form(text), text)
    pool = []
    for normal, text in texts.items():
        found = index.match("knowledge", normal)
        pool.append((text, found is not None and found[1] == 100.0))
    return tuple(pool)


def _pseudo_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS)
        for _ in range(rng.choice((1, 2, 2, 2, 3, 3)))
    )


@functools.cache
def vocabulary() -> tuple[str, ...]:
    """:data:`VOCABULARY_SIZE` distinct lower-case words: the seeds' words (4 letters or
    more, no stopwords), then pseudo-words of 4-12 letters, always in the same order."""
    words: dict[str, None] = {}
    for text in (*_seed_texts("K"), *_seed_texts("P")):
        for word in re.findall(r"[a-z]{4,}", text.lower()):
            if word not in STOPWORDS:
                words[word] = None
    rng = random.Random("carenos-bench-vocabulary")
    while len(words) < VOCABULARY_SIZE:
        word = _pseudo_word(rng)
        if 4 <= len(word) <= 12 and word not in STOPWORDS:
            words[word] = None
    return tuple(words)


def _sentence(rng: random.Random, openings: Sequence[str]) -> str:
    """8-16 distinct vocabulary words after an opening, with a few stopwords between."""
    opening = rng.choice(openings)
    out = [opening] if opening else []
    for i, word in enumerate(rng.sample(vocabulary(), rng.randint(8, 16))):
        if i and rng.random() < 0.2:
            out.append(rng.choice(_GLUE))
        out.append(word)
    return " ".join(out)


def _synthetic(name: str, count: int, openings: Sequence[str]) -> tuple[str, ...]:
    rng = random.Random(f"carenos-bench-{name}")
    texts: dict[str, None] = {}
    while len(texts) < count:
        texts[_sentence(rng, openings)] = None
    return tuple(texts)


@functools.cache
def _synthetic_knowledge() -> tuple[str, ...]:
    return _synthetic("pool", POOL_SENTENCES, _KNOWLEDGE_OPENINGS)


@functools.cache
def _synthetic_criteria() -> tuple[str, ...]:
    return _synthetic("criteria-pool", CRITERIA_POOL_SENTENCES, _CRITERIA_OPENINGS)


@functools.cache
def pool_texts() -> tuple[str, ...]:
    """The shared pool of knowledge statements: the seeds' (first), then the synthetic ones."""
    return _seed_pool() + _synthetic_knowledge()


@functools.cache
def criteria_pool() -> tuple[str, ...]:
    """The shared pool of performance criteria: the seeds' (first), then the synthetic ones."""
    return _seed_texts("P") + _synthetic_criteria()


@functools.cache
def _seed_pool() -> tuple[str, ...]:
    return tuple(text for text, _ in shared_pool())


@functools.cache
def _normal_pool() -> frozenset[str]:
    return frozenset(normal_form(text) for text in (*pool_texts(), *criteria_pool()))


# --- rewordings -------------------------------------------------------------------------


def _content_spots(words: list[str]) -> list[int]:
    """Positions of plain lower-case words that are not stopwords (no punctuation attached)."""
    return [
        i
        for i, w in enumerate(words)
        if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower() and w not in STOPWORDS
    ]


def _other_word(rng: random.Random, old: str) -> str:
    word = rng.choice(vocabulary())
    while word == old:  # pragma: no cover - 1 in 47,000
        word = rng.choice(vocabulary())
    return word


def _edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    spots = _content_spots(words) or list(range(len(words)))
    roll = rng.random()
    if roll < 0.6 or (roll < 0.75 and (len(words) < TWO_EDITS_FROM or len(spots) < 2)):
        spot = rng.choice(spots)
        words[spot] = _other_word(rng, words[spot])
    elif roll < 0.75:
        for spot in rng.sample(spots, 2):
            words[spot] = _other_word(rng, words[spot])
    elif roll < 0.875 or len(spots) < 2:
        words.insert(rng.randint(1, len(words)), rng.choice(vocabulary()))
    else:
        del words[rng.choice(spots)]
    return " ".join(words)


def reword(text: str, rng: random.Random) -> str:
    """A planted rewording of the pool statement ``text``: one edit (a content word
    replaced, a word inserted or a content word removed), or two replacements in a
    statement of :data:`TWO_EDITS_FROM` words or more. Its normal form is neither the
    source's nor that of any pool statement."""
    if len(text.split(" ")) < MIN_REWORDABLE:
        raise ValueError(f"too short to reword: {text!r}")
    taken = _normal_pool()
    while True:
        changed = _edit(text, rng)
        if normal_form(changed) not in taken:
            return changed


@functools.cache
def _rewordable() -> frozenset[str]:
    return frozenset(t for t in pool_texts() if len(t.split(" ")) >= MIN_REWORDABLE)


# --- a standard -------------------------------------------------------------------------


def _draw(
    rng: random.Random, pool: Sequence[str], copies: int, rewordings: int
) -> tuple[list[str], list[str]]:
    """``copies`` and ``rewordings`` distinct statements of ``pool`` (the sources of the
    rewordings long enough to reword; a rewording with none left becomes a copy)."""
    picked = rng.sample(pool, copies + rewordings)
    rewordable = _rewordable()
    sources = [text for text in picked if text in rewordable][:rewordings]
    chosen = set(sources)
    return [text for text in picked if text not in chosen], sources


def _knowledge_texts(rng: random.Random) -> tuple[list[str], dict[int, str]]:
    """The 50 knowledge texts of a standard, and the source of each planted rewording
    by position."""
    kinds = []
    for _ in range(KNOWLEDGE_ITEMS):
        roll = rng.random()
        if roll < P_REWORDED:
            kind = "reworded"
        elif roll < P_REWORDED + P_COPIED_KNOWLEDGE:
            kind = "copied"
        else:
            kinds.append(("unique", ""))
            continue
        kinds.append((kind, "seed" if rng.random() < SEED_SHARE else "synthetic"))
    draws: dict[tuple[str, str], list[str]] = {}
    for origin, pool in (("seed", _seed_pool()), ("synthetic", _synthetic_knowledge())):
        draws["copied", origin], draws["reworded", origin] = _draw(
            rng, pool, kinds.count(("copied", origin)), kinds.count(("reworded", origin))
        )
    texts_out: list[str] = []
    planted_at: dict[int, str] = {}
    for position, (kind, origin) in enumerate(kinds):
        if kind == "unique":
            texts_out.append(_sentence(rng, _KNOWLEDGE_OPENINGS))
        elif kind == "reworded" and draws["reworded", origin]:
            source = draws["reworded", origin].pop()
            planted_at[position] = source
            texts_out.append(reword(source, rng))
        else:
            texts_out.append(draws["copied", origin].pop())
    return texts_out, planted_at


def _criteria_texts(rng: random.Random) -> list[str]:
    kinds = [
        ("copied", "seed" if rng.random() < SEED_SHARE else "synthetic")
        if rng.random() < P_COPIED_CRITERIA
        else ("unique", "")
        for _ in range(sum(ELEMENT_SIZES))
    ]
    copies = {
        "seed": rng.sample(_seed_texts("P"), kinds.count(("copied", "seed"))),
        "synthetic": rng.sample(_synthetic_criteria(), kinds.count(("copied", "synthetic"))),
    }
    return [
        _sentence(rng, _CRITERIA_OPENINGS) if kind == "unique" else copies[origin].pop()
        for kind, origin in kinds
    ]


def _build(index: int) -> tuple[dict[str, Any], dict[str, str]]:
    """The ``index``-th standard and its planted rewordings (local id -> source text)."""
    rng = random.Random(f"carenos-bench-{index}")
    seed = _seeds()[index % len(_seeds())]
    code = code_of(index)
    criteria = _criteria_texts(rng)
    elements = []
    number = 0
    for e, size in enumerate(ELEMENT_SIZES):
        items = []
        for text in criteria[number : number + size]:
            number += 1
            items.append({"id": f"P{number}", "text": text})
        title = seed["elements"][e % len(seed["elements"])]["title"]
        elements.append({"title": f"{title} ({code} part {e + 1})", "performance_criteria": items})
    texts, planted_at = _knowledge_texts(rng)
    per = KNOWLEDGE_ITEMS // len(HEADINGS)
    knowledge = [
        {
            "heading": heading,
            "items": [
                {"id": f"K{h * per + j + 1}", "text": text}
                for j, text in enumerate(texts[h * per : (h + 1) * per])
            ],
        }
        for h, heading in enumerate(HEADINGS)
    ]
    data: dict[str, Any] = {
        "code": code,
        "title": f"{seed['title']} ({code})",
        "overview": seed["overview"],
        "elements": elements,
        "knowledge": knowledge,
    }
    for key in ("scope", "values", "metadata"):
        if key in seed:
            data[key] = seed[key]
    return data, {f"K{position + 1}": source for position, source in planted_at.items()}


def make_standard(index: int) -> dict[str, Any]:
    """The dict form of the ``index``-th synthetic standard (a function of ``index`` only)."""
    return _build(index)[0]


def planted_in(index: int) -> dict[str, str]:
    """The planted rewordings of the ``index``-th standard: ref (``CODE/K12``) -> the pool
    text it rewords."""
    code = code_of(index)
    return {f"{code}/{local}": source for local, source in _build(index)[1].items()}


def planted(n: int) -> dict[str, str]:
    """The ground truth of a corpus of ``n`` standards: the ref of every planted rewording
    (``CODE/K12``) -> the pool text it rewords. Made as :func:`write_corpus` makes the
    standards, without writing them."""
    truth: dict[str, str] = {}
    for index in range(n):
        truth.update(planted_in(index))
    return truth


# --- writing ----------------------------------------------------------------------------


def iter_lines(n: int) -> Iterator[str]:
    """The JSON Lines of a corpus of ``n`` standards (no line ends)."""
    for index in range(n):
        yield json.dumps(make_standard(index), ensure_ascii=False, separators=(",", ":"))


def write_corpus(
    n: int, out: str | Path, *, yaml_dir: str | Path | None = None, yaml_count: int | None = None
) -> Path:
    """Write ``n`` standards to the JSON Lines file ``out``; also the first ``yaml_count``
    (default all) as ``CODE.yaml`` files in ``yaml_dir``, if given. Returns ``out``.
    """
    from ruamel.yaml import YAML

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for line in iter_lines(n):
            handle.write(line + "\n")
    if yaml_dir is not None:
        directory = Path(yaml_dir)
        directory.mkdir(parents=True, exist_ok=True)
        yaml = YAML(typ="safe", pure=False)
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        yaml.width = 88
        for index in range(min(n, n if yaml_count is None else yaml_count)):
            with (directory / f"{code_of(index)}.yaml").open("w", encoding="utf-8") as handle:
                yaml.dump(make_standard(index), handle)
    return path


def main(argv: list[str] | None = None) -> None:
    """The command line: ``N OUT [--yaml-dir DIR] [--yaml-count M]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of standards")
    parser.add_argument("out", help="the JSON Lines file to write")
    parser.add_argument("--yaml-dir", help="also write standards as CODE.yaml files here")
    parser.add_argument("--yaml-count", type=int, help="how many YAML files (default all)")
    args = parser.parse_args(argv)
    write_corpus(args.n, args.out, yaml_dir=args.yaml_dir, yaml_count=args.yaml_count)


if __name__ == "__main__":
    main()
