"""Ids printed apart from their texts: a column of ids, or statements run together.

Text extraction of a two-column table gives a run of ids (``P1 P2 ...``) and then a run
of texts, wrapped; a viewer may run one statement into the next on one line.
"""

from __future__ import annotations

import itertools
import re

from .lines import Line, reclassified, title_like
from .marks import Mark
from .reflow import CONTINUING, dehyphenated, vocabulary

__all__ = ["pair_id_runs", "split_run_on_ids"]

_OPENERS = frozenset("what why how where when which who whom ways the".split())


def _joined_text(lines: list[Line], words: set[str]) -> str:
    text = lines[0].text
    for before, line in itertools.pairwise(lines):
        if before.hyphenated and text.endswith("-"):
            text = dehyphenated(text, line.text, words)
        else:
            text = f"{text} {line.text}"
    return text


def _breaks(block: list[Line], count: int, openers: frozenset[str] | set[str]) -> list[int]:
    """Where to cut ``block`` (wrapped texts) into ``count`` statements: after the lines
    with the most room left, that end a sentence, or before a word that starts statements;
    never after a hyphenated line or one that ends on a word a statement does not end on."""
    width = max(len(line.text) for line in block)
    scores = []
    for i, line in enumerate(block[:-1]):
        score = float(width - len(line.text))
        if block[i + 1].text.split(" ", 1)[0].casefold() in openers:
            score += 30
        if line.text.endswith((".", ":", ";")):
            score += 1000
        if line.hyphenated or line.text.rsplit(" ", 1)[-1].casefold() in CONTINUING:
            score -= 1000
        scores.append((score, -i, i))
    chosen = sorted(scores, reverse=True)[: count - 1]
    return sorted(i for _, _, i in chosen)


def pair_id_runs(lines: list[Line]) -> list[Line]:
    """Ids printed in a run of their own (a column of ``P1 P2 ...``, then a column of texts,
    as text extraction gives two-column tables) paired with the texts that follow them.

    The texts after a run are cut into as many statements as there are ids; a capitalised
    last line that heads what follows (an element title) is left out. Where there are fewer
    texts than ids, the run is left for the layout reader.
    """
    words = vocabulary(lines)
    openers = _OPENERS | {
        line.text.split(" ", 1)[0].casefold() for line in lines if line.kind == "item"
    }
    out: list[Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.kind != "ids" or line.value is None:
            out.append(line)
            position += 1
            continue
        run: list[Line] = []
        while position < len(lines) and lines[position].kind in ("ids", "blank", "furniture"):
            run.append(lines[position])
            position += 1
        ids = [i for member in run if member.kind == "ids" for i in (member.value or "").split()]
        block: list[Line] = []
        others: list[Line] = []
        end = position
        while end < len(lines) and lines[end].kind in ("text", "furniture", "blank"):
            (block if lines[end].kind == "text" else others).append(lines[end])
            end += 1
        following = next((x for x in lines[end:] if x.kind not in ("blank", "furniture")), None)
        heads_next = following is not None and following.kind in ("ids", "lead_in", "heading")
        if block and heads_next and title_like(block[-1].text) and len(block) > len(ids):
            block.pop()
            end = lines.index(block[-1], position) + 1 if block else position
        if len(block) < len(ids) or not ids:
            out.extend(run)
            continue
        cuts = [-1, *_breaks(block, len(ids), openers), len(block) - 1]
        for member in run:
            if member.kind == "ids":
                member.value = None  # paired here: the layout reader takes it as a label
            out.append(member)
        for ident, (first, last) in zip(ids, itertools.pairwise(cuts), strict=True):
            group = block[first + 1 : last + 1]
            head = group[0]
            head.kind, head.mark, head.prefix = "item", Mark(ident[0], ident), ident
            head.text = _joined_text(group, words)
            head.joined.extend(member.index for member in group[1:])
            head.hyphenated, head.closed = group[-1].hyphenated, True
        out.extend(x for x in lines[position:end] if x.kind != "text")  # read into the items
        position = end
    return out


_RUN_ON_ID = re.compile(r"\s([PK])([0-9]{1,3})\s+(?=\S)")


def split_run_on_ids(lines: list[Line]) -> list[Line]:
    """Statements that extraction ran together on one line ("P3 explain ... P4 help ...")
    split where the next id in sequence stands in the text."""
    last = {"P": 0, "K": 0}
    out: list[Line] = []
    for line in lines:
        if line.kind == "item" and line.mark is not None and line.mark.style in last:
            last[line.mark.style] = line.mark.number or 0
        if line.kind not in ("item", "text") or not any(last.values()):
            out.append(line)
            continue
        pieces = [line]
        while True:
            current = pieces[-1]
            found = next(
                (
                    m
                    for m in _RUN_ON_ID.finditer(f" {current.text}")
                    if int(m.group(2)) == last[m.group(1)] + 1
                ),
                None,
            )
            if found is None:
                break
            head, tail = current.text[: found.start()].rstrip(), current.text[found.start() :]
            if not head:
                break
            current.text = head
            part = reclassified(line, tail)
            pieces.append(part)
            if part.mark is not None and part.mark.style in last:
                last[part.mark.style] = part.mark.number or 0
        out.extend(pieces)
    return out
