"""A deterministic synthetic corpus of standards, made from the two seed standards.

Each standard has 4 elements with 30 performance criteria and 5 knowledge headings
with 50 items. 30 of the 50 knowledge items (60%) are drawn from a shared pool (the
distinct knowledge statements of the seeds, about half of them in the bundled
catalogue), so that mapping has real work; the other 20 are varied texts made of
words of the seeds. A few standards carry a near-variant (one word changed) of a
pool statement: of a catalogue statement (standards 7, 57, 107 ...) or of a statement
that only the corpus shares (32, 82, 132 ...). Scope, values and metadata come from
the seed the standard is modelled on. Standard ``i`` depends only on ``i``, so a
smaller corpus is a prefix of a larger one, and the same ``N`` gives the same bytes.

Usage: ``python -m benchmarks.make_corpus N OUT.jsonl [--yaml-dir DIR [--yaml-count M]]``
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import carenos
from carenos.mapping import catalogue_index
from carenos.textnorm import STOPWORDS, normal_form

__all__ = ["SHARED_PER_STANDARD", "code_of", "make_standard", "shared_pool", "write_corpus"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("SCDHSC0393", "SCDHSC0429")
ELEMENT_SIZES = (8, 8, 7, 7)
HEADINGS = ("Rights", "Your practice", "Safe-guarding", "Handling information", "Specific")
KNOWLEDGE_ITEMS = 50
SHARED_PER_STANDARD = 30
NEAR_EVERY = 50


def code_of(index: int) -> str:
    """The code of the ``index``-th synthetic standard, e.g. ``SCDHSC10007``."""
    return f"SCDHSC{10000 + index}"


@functools.cache
def _seeds() -> tuple[dict[str, Any], ...]:
    return tuple(
        carenos.to_dict(carenos.load(ROOT / "data" / "standards" / f"{code}.yaml"))
        for code in SEEDS
    )


@functools.cache
def shared_pool() -> tuple[tuple[str, bool], ...]:
    """The distinct knowledge statements of the seeds, each with whether it is catalogued."""
    index = catalogue_index(carenos.load_catalogue())
    texts: dict[str, str] = {}
    for seed in _seeds():
        for section in seed["knowledge"]:
            for item in section["items"]:
                texts.setdefault(normal_form(item["text"]), item["text"])
    pool = []
    for normal, text in texts.items():
        found = index.match("knowledge", normal)
        pool.append((text, found is not None and found[1] == 100.0))
    return tuple(pool)


@functools.cache
def _criteria() -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            pc["text"]
            for seed in _seeds()
            for element in seed["elements"]
            for pc in element["performance_criteria"]
        )
    )


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    words: set[str] = set()
    for seed in _seeds():
        for section in seed["knowledge"]:
            for item in section["items"]:
                words.update(re.findall(r"[a-z]{4,}", item["text"].lower()))
    return tuple(sorted(words - STOPWORDS))


def _varied(rng: random.Random) -> str:
    words = rng.sample(_vocabulary(), rng.randint(7, 13))
    return "how to " + " ".join(words)


def _near_variant(text: str, rng: random.Random) -> str:
    """``text`` with one of its longer words replaced by a word of the vocabulary."""
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.islower()]
    spot = spots[len(spots) // 2] if spots else len(words) - 1
    replacement = rng.choice(_vocabulary())
    while replacement == words[spot]:  # pragma: no cover - the vocabulary is large
        replacement = rng.choice(_vocabulary())
    words[spot] = replacement
    return " ".join(words)


def _near_target(rng: random.Random, shared: list[str], catalogued: bool) -> int | None:
    """The position in ``shared`` of a long statement (catalogued or not) to vary."""
    flags = dict(shared_pool())
    spots = [i for i, t in enumerate(shared) if flags[t] is catalogued and len(t) >= 70]
    return rng.choice(spots) if spots else None


def make_standard(index: int) -> dict[str, Any]:
    """The dict form of the ``index``-th synthetic standard (a function of ``index`` only)."""
    rng = random.Random(f"carenos-bench-{index}")
    seed = _seeds()[index % len(_seeds())]
    code = code_of(index)
    criteria = rng.sample(_criteria(), sum(ELEMENT_SIZES))
    elements = []
    number = 0
    for e, size in enumerate(ELEMENT_SIZES):
        items = []
        for text in criteria[number : number + size]:
            number += 1
            items.append({"id": f"P{number}", "text": text})
        title = seed["elements"][e % len(seed["elements"])]["title"]
        elements.append({"title": f"{title} ({code} part {e + 1})", "performance_criteria": items})
    shared = [text for text, _ in rng.sample(shared_pool(), SHARED_PER_STANDARD)]
    if index % NEAR_EVERY in (7, 32):
        spot = _near_target(rng, shared, catalogued=index % NEAR_EVERY == 7)
        if spot is not None:
            shared[spot] = _near_variant(shared[spot], rng)
    texts = shared + [_varied(rng) for _ in range(KNOWLEDGE_ITEMS - SHARED_PER_STANDARD)]
    rng.shuffle(texts)
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
    return data


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
