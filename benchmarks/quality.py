"""Mapping quality at scale: the near links of a map against the planted rewordings.

The benchmark corpus (:mod:`benchmarks.make_corpus`) plants rewordings of pool knowledge
statements and knows each one's source (:func:`benchmarks.make_corpus.planted`). Issue
#20 asks that mapping quality be unchanged at scale: on that corpus, precision >= 0.998
and recall >= 0.97 against the planted rewordings.

Texts are compared by their normal form (:func:`carenos.textnorm.normal_form`). The
*family* of a statement is the normal form of its source if it is a planted rewording,
else its own normal form; a group's family is that of its text (the catalogue entry's,
or for a proposed group the text of its first statement, which discovery takes as the
proposed text).

- Precision: near links whose statement is of the group's family / all near links of the
  map. A near link of a statement that is no planted rewording (nor the source of the
  group's reworded text), or to a group of another statement, is a false positive.
- Recall: planted rewordings in the same group as their source (linked ``near`` to the
  catalogue entry that is their source, or in a proposed group that holds a copy of
  their source word for word) / planted rewordings whose source can be found at all (it
  is in the corpus word for word, or in the catalogue).

Discovery (:mod:`carenos.mapping.discover`) takes the first statement of a cluster, in
corpus order, as the proposed text. Where a rewording comes before any copy of its
source, it heads the group: it is linked ``exact`` and the copies of the source ``near``.
The grouping is right and counts as such above; the *strict* figures count it wrong
(``strict_precision``: near links of a planted rewording to a group whose text is its
source; ``strict_recall``: planted rewordings linked ``near`` to their source's group).

``python -m benchmarks.quality N`` makes the corpus of ``N`` standards in a temporary
directory, loads and maps it, and prints the figures with the targets.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from carenos.catalogue import Catalogue, load_catalogue
from carenos.corpus import load_corpus
from carenos.mapping import DEFAULT_THRESHOLD, KnowledgeMap, SharedGroup, occurrences
from carenos.mapping.index import clear_caches
from carenos.mapping.linking import map_knowledge
from carenos.model import Standard
from carenos.textnorm import STOPWORDS, normal_form

from . import make_corpus

__all__ = ["PRECISION_TARGET", "RECALL_TARGET", "Quality", "corpus_stats", "main", "quality"]

PRECISION_TARGET = 0.998
RECALL_TARGET = 0.97


@dataclass(frozen=True)
class Quality:
    """How the near links of a map agree with the planted rewordings of its corpus."""

    planted: int
    """Planted rewordings whose source can be found (in the corpus or the catalogue)."""
    unfindable: int
    """Planted rewordings whose source is neither in the corpus nor in the catalogue."""
    found: int
    """Planted rewordings grouped with their source (the recall's numerator)."""
    found_as_head: int
    """Of ``found``: rewordings that head their (proposed) group, the source's copies near."""
    near_links: int
    """Near links in the map (every group, catalogued or proposed)."""
    correct: int
    """Near links of a statement of the group's family (the precision's numerator)."""
    strict_correct: int
    """Near links of a planted rewording to the group whose text is its source."""
    missed: tuple[str, ...] = ()
    """Refs of the planted rewordings not found (findable ones only)."""
    missed_below_threshold: int = 0
    """Of ``missed``: rewordings scoring below the threshold against their source."""
    wrong: tuple[str, ...] = ()
    """Refs of the near links that are false positives."""

    @property
    def precision(self) -> float:
        """Correct near links / near links (1.0 for a map without near links)."""
        return self.correct / self.near_links if self.near_links else 1.0

    @property
    def recall(self) -> float:
        """Planted rewordings found / findable planted rewordings (1.0 if none)."""
        return self.found / self.planted if self.planted else 1.0

    @property
    def strict_precision(self) -> float:
        """Near links of a rewording to its source's own group / near links."""
        return self.strict_correct / self.near_links if self.near_links else 1.0

    @property
    def strict_recall(self) -> float:
        """Planted rewordings linked ``near`` to their source's group / findable ones."""
        return (self.found - self.found_as_head) / self.planted if self.planted else 1.0

    def met(self) -> bool:
        """Whether precision and recall reach :data:`PRECISION_TARGET` and :data:`RECALL_TARGET`."""
        return self.precision >= PRECISION_TARGET and self.recall >= RECALL_TARGET

    def to_dict(self) -> dict[str, Any]:
        """The counts and the figures (without the lists of refs)."""
        data = asdict(self)
        data["missed"], data["wrong"] = len(self.missed), len(self.wrong)
        for name in ("precision", "recall", "strict_precision", "strict_recall"):
            data[name] = getattr(self, name)
        return data


def quality(
    corpus: Iterable[Standard],
    kmap: KnowledgeMap,
    truth: dict[str, str],
    *,
    catalogue: Catalogue | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Quality:
    """Score ``kmap`` (``carenos.map_knowledge(corpus)``) against ``truth``: the ref of
    each planted rewording -> the text it rewords (:func:`benchmarks.make_corpus.planted`).

    ``catalogue`` (default: the bundled one) says which sources can be found without a
    copy in the corpus; ``threshold`` only sorts the misses (``missed_below_threshold``).
    """
    texts = {o.ref: o.text for standard in corpus for o in occurrences(standard)}
    absent = sorted(set(truth) - set(texts))
    if absent:
        raise ValueError(f"{len(absent)} planted refs are not in the corpus, e.g. {absent[0]!r}")
    source = {ref: normal_form(text) for ref, text in truth.items()}
    reworded = {normal_form(texts[ref]): normal for ref, normal in source.items()}

    def family(ref: str) -> str:
        return source.get(ref) or normal_form(texts[ref])

    catalogue = load_catalogue() if catalogue is None else catalogue
    present = {normal_form(text) for ref, text in texts.items() if ref not in truth}
    present.update(entry.normal for entry in catalogue.active())

    placed: dict[str, SharedGroup] = {}
    near = correct = strict = 0
    wrong: list[str] = []
    for group in kmap.groups:
        canon = group.entry.normal
        group_family = reworded.get(canon, canon)
        for link in group.links:
            if link.ref in source:
                placed[link.ref] = group
            if link.match != "near":
                continue
            near += 1
            if family(link.ref) == group_family:
                correct += 1
                strict += source.get(link.ref) == canon
            else:
                wrong.append(link.ref)

    members: dict[str, frozenset[str]] = {}

    def holds(group: SharedGroup, normal: str) -> bool:
        if group.entry.normal == normal:
            return True
        if not group.proposed:
            return False
        held = members.get(group.entry.id)
        if held is None:
            held = members[group.entry.id] = frozenset(
                normal_form(texts[ref]) for ref in group.refs
            )
        return normal in held

    found = as_head = unfindable = below = 0
    missed: list[str] = []
    for ref, normal in source.items():
        if normal not in present:
            unfindable += 1
            continue
        home = placed.get(ref)
        if home is not None and holds(home, normal):
            found += 1
            as_head += home.entry.normal == normal_form(texts[ref])
        else:
            missed.append(ref)
            below += fuzz.ratio(normal, normal_form(texts[ref])) < threshold
    return Quality(
        planted=len(source) - unfindable,
        unfindable=unfindable,
        found=found,
        found_as_head=as_head,
        near_links=near,
        correct=correct,
        strict_correct=strict,
        missed=tuple(missed),
        missed_below_threshold=below,
        wrong=tuple(wrong),
    )


def corpus_stats(corpus: Iterable[Standard], truth: dict[str, str]) -> dict[str, float]:
    """Numbered statements (criteria and knowledge), the fractions that are copies of a
    pool statement and planted rewordings, and the distinct words of their texts."""
    pool = set(make_corpus.pool_texts()) | set(make_corpus.criteria_pool())
    statements = copies = rewordings = 0
    words: set[str] = set()
    letters = re.compile(r"[a-z]+")
    for standard in corpus:
        for statement in standard.statements():
            statements += 1
            copies += statement.text in pool
            rewordings += statement.ref in truth
            words.update(letters.findall(statement.text.lower()))
    return {
        "statements": statements,
        "shared_word_for_word": copies / statements,
        "reworded": rewordings / statements,
        "distinct_words": len(words - STOPWORDS),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.quality N [--workdir DIR]``: 0 if the targets are met, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of standards")
    parser.add_argument("--workdir", type=Path, help="where the temporary corpus is made")
    parser.add_argument("--show", type=int, default=5, help="misses and false links to show")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        start = time.perf_counter()
        jsonl = make_corpus.write_corpus(args.n, Path(tmp) / "corpus.jsonl")
        made = time.perf_counter()
        corpus = load_corpus(jsonl)
        loaded = time.perf_counter()
    truth = make_corpus.planted(args.n)
    clear_caches()  # map as a process that maps the corpus once
    before = time.perf_counter()
    kmap = map_knowledge(corpus)
    mapped = time.perf_counter() - before
    result = quality(corpus, kmap, truth)
    stats = corpus_stats(corpus, truth)
    print(
        f"N = {args.n} standards, {stats['statements']:,.0f} statements: "
        f"{stats['shared_word_for_word']:.1%} shared word for word, "
        f"{stats['reworded']:.1%} planted rewordings, "
        f"{stats['distinct_words']:,.0f} distinct words"
    )
    print(
        f"made in {made - start:.1f} s, loaded in {loaded - made:.1f} s, "
        f"map_knowledge in {mapped:.2f} s ({len(kmap.groups):,} groups)"
    )
    print(
        f"near links {result.near_links:,} ({result.correct:,} correct); planted rewordings "
        f"{result.planted:,} findable ({result.found:,} found, {result.found_as_head:,} of them "
        f"heading their group; {result.unfindable:,} with no source to find)"
    )
    ok = result.met()
    for name, value, target in (
        ("precision", result.precision, PRECISION_TARGET),
        ("recall", result.recall, RECALL_TARGET),
    ):
        verdict = "met" if value >= target else "NOT MET"
        print(f"{name:<9} {value:.4f}  target >= {target}: {verdict}")
    print(
        f"strict (a rewording heading its group counts wrong): precision "
        f"{result.strict_precision:.4f}, recall {result.strict_recall:.4f}"
    )
    if result.missed:
        print(
            f"missed {len(result.missed):,}: {result.missed_below_threshold:,} score below the "
            f"threshold ({DEFAULT_THRESHOLD:g}) against their source, the rest were not found"
        )
    texts = {s.ref: s.text for standard in corpus for s in standard.knowledge_items}
    for ref in result.missed[: args.show]:
        score = fuzz.ratio(normal_form(truth[ref]), normal_form(texts[ref]))
        print(f"  missed {ref} ({score:.1f}): {texts[ref]!r} <- {truth[ref]!r}")
    for ref in result.wrong[: args.show]:
        entry = kmap.entry_for(ref)
        print(f"  false near link {ref}: {texts.get(ref)!r} -> {entry.text if entry else None!r}")
    figures = (
        f"precision {result.precision:.4f} (>= {PRECISION_TARGET}) and recall "
        f"{result.recall:.4f} (>= {RECALL_TARGET}) against the planted rewordings"
    )
    if ok:
        print(f"Mapping quality is unchanged at scale: on the benchmark corpus, {figures}.")
    else:
        print(f"Mapping quality targets NOT met on the benchmark corpus: {figures}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
