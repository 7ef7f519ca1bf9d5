"""``carenos diff --format``: a diff as a readable review, JSON, Markdown or a CSV table.

Every renderer takes the list of :class:`.StandardDiff` and whether one pair was compared
(JSON then writes one object, not a list) and returns the text to print.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from .result import Change, StandardDiff

__all__ = ["diff_dict", "render_csv", "render_json", "render_markdown", "render_text"]

_SYMBOL = {
    "reworded": "~",
    "editorial": ".",
    "added": "+",
    "removed": "-",
    "split": "<",
    "merged": ">",
    "moved": "^",
    "renumbered": "#",
    "unchanged": "=",
}
_QUIET = frozenset({"unchanged", "renumbered"})


def _listed(value: object) -> Any:
    return list(value) if isinstance(value, tuple) else value


def diff_dict(result: StandardDiff) -> dict[str, Any]:
    """One pair's diff as the JSON object docs/revisions.md documents (diff schema)."""
    return {
        "old": result.old,
        "new": result.new,
        "language": result.language,
        "verdict": result.verdict,
        "reason": result.reason,
        "counts": result.counts(),
        "changes": [
            {
                "kind": c.kind,
                "part": c.part,
                "old": _listed(c.old),
                "new": _listed(c.new),
                "old_text": _listed(c.old_text),
                "new_text": _listed(c.new_text),
                "score": c.score,
                "words": c.words,
                "also": list(c.also),
                "old_place": c.old_place,
                "new_place": c.new_place,
            }
            for c in result.changes
        ],
        "credit": [
            {
                "old": r.old,
                "old_text": r.old_text,
                "new": list(r.new),
                "credit": r.credit,
                "kind": r.kind,
            }
            for r in result.credits
        ],
    }


def render_json(results: Sequence[StandardDiff], single: bool) -> str:
    """One JSON object for one pair of standards, else a list of them."""
    data: Any = (
        diff_dict(results[0]) if single and len(results) == 1 else [diff_dict(r) for r in results]
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _local(refs: object) -> str:
    """``P3`` for ``CODE/P3``, ``P3, P4`` for several, the field for ``CODE#/pointer``."""
    if isinstance(refs, tuple):
        return ", ".join(_local(ref) for ref in refs)
    text = str(refs or "")
    if "#" in text:
        return text.partition("#")[2].strip("/")
    return text.rpartition("/")[2]


def _heading(result: StandardDiff) -> str:
    return f"{result.old or '(none)'} -> {result.new or '(none)'}"


def _line(change: Change) -> list[str]:
    """A change as the text review prints it: a line, and the texts of a split or merge."""
    old, new = _local(change.old), _local(change.new)
    symbol = _SYMBOL[change.kind]
    also = f" (also {', '.join(change.also)})" if change.also else ""
    if change.kind == "added":
        return [f"+ {new}  {change.new_text}"]
    if change.kind == "removed":
        return [f"- {old}  {change.old_text}"]
    if change.kind in ("reworded", "editorial"):
        return [f"{symbol} {old} -> {new} {change.kind} ({change.score}){also}: {change.words}"]
    if change.kind == "moved":
        origin = (change.old_place or "").partition(":")[0]
        return [f"{symbol} {old} -> {new} moved from {origin}{also}"]
    if change.kind in ("split", "merged"):
        into = "split into" if change.kind == "split" else "merged into"
        olds = change.old_text if isinstance(change.old_text, tuple) else (change.old_text,)
        news = change.new_text if isinstance(change.new_text, tuple) else (change.new_text,)
        return [
            f"{symbol} {old} {into} {new} ({change.score})",
            *(f"    - {text}" for text in olds),
            *(f"    + {text}" for text in news),
        ]
    return [f"{symbol} {old} -> {new} {change.kind}"]


def _other_line(change: Change) -> str:
    """A change of a title, list entry or field: ``~ metadata version: 2 -> 3``."""
    where = _local(change.new if change.new is not None else change.old)
    symbol = _SYMBOL[change.kind]
    if change.kind == "added":
        return f"{symbol} {change.part} ({where}): {change.new_text}"
    if change.kind == "removed":
        return f"{symbol} {change.part} ({where}): {change.old_text}"
    if change.words and len(str(change.old_text)) + len(str(change.new_text)) < 60:
        return f"{symbol} {change.part} ({where}): {change.old_text} -> {change.new_text}"
    return f"{symbol} {change.part} ({where}) {change.kind}: {change.words or change.kind}"


def render_text(results: Sequence[StandardDiff], single: bool) -> str:
    """Per standard: the verdict and its reason, then what changed, by element and heading.

    Unchanged and renumbered statements are counted, not listed.
    """
    del single
    out: list[str] = []
    for result in results:
        if result.old is None or result.new is None:
            what = "only in the new" if result.old is None else "only in the old"
            counted = sum(1 for c in result.changes if c.is_statement)
            out += [f"{_heading(result)}: {result.verdict} ({what}: {counted} statements)", ""]
            continue
        out.append(f"{_heading(result)}: {result.verdict}")
        out.append(f"  {result.reason}")
        place: object = object()
        for change in result.changes:
            if change.kind in _QUIET or not change.is_statement:
                continue
            here = change.old_place if change.kind == "removed" else change.new_place
            if here != place:
                place = here
                out.append(f"  {here}" if here else "  statements")
            out.extend(f"    {line}" for line in _line(change))
        others = [c for c in result.changes if not c.is_statement and c.kind not in _QUIET]
        if others:
            out.append("  other parts")
            out.extend(f"    {_other_line(change)}" for change in others)
        quiet = sum(1 for c in result.changes if c.is_statement and c.kind in _QUIET)
        if quiet:
            out.append(f"  ({quiet} unchanged or renumbered statements not listed)")
        out.append("")
    return "\n".join(out)


_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def _md(text: object) -> str:
    if isinstance(text, tuple):
        return "<br>".join(_md(t) for t in text)
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def _md_words(words: str) -> str:
    def mark(match: re.Match[str]) -> str:
        gone, added = match.group(1), match.group(2)
        return f"~~{gone}~~" if gone is not None else f"**{added}**"

    return _MARK.sub(mark, _md(words))


def render_markdown(results: Sequence[StandardDiff], single: bool) -> str:
    """A pull request comment: per standard, its verdict and a table of what changed."""
    del single
    out: list[str] = []
    for result in results:
        out += [f"### {_heading(result)}: **{result.verdict}**", "", result.reason, ""]
        shown = [c for c in result.changes if c.kind not in _QUIET]
        if shown:
            out += ["| change | part | old | new | text |", "| --- | --- | --- | --- | --- |"]
            for c in shown:
                if c.words:
                    text = _md_words(c.words)
                elif c.kind == "removed" or c.new_text is None:
                    text = _md(c.old_text)
                else:
                    text = _md(c.new_text)
                old, new = _md(_local(c.old)), _md(_local(c.new))
                out.append(f"| {c.kind} | {c.part} | {old} | {new} | {text} |")
            out.append("")
        quiet = sum(1 for c in result.changes if c.kind in _QUIET)
        if quiet:
            out += [f"{quiet} unchanged or renumbered entries not listed.", ""]
    return "\n".join(out)


CSV_COLUMNS = (
    "old_standard",
    "new_standard",
    "part",
    "kind",
    "old",
    "new",
    "old_text",
    "new_text",
    "words",
    "score",
    "credit",
)
"""The columns of ``--format csv``: one row a change, the mapping table of a revision."""


def _cell(value: object, joiner: str) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return joiner.join(str(v) for v in value)
    return str(value)


def render_csv(results: Sequence[StandardDiff], single: bool) -> str:
    """One row a change of every pair, with the credit evidence of the old statement gets."""
    del single
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        credit = {row.old: row.credit for row in result.credits}
        for c in result.changes:
            olds = c.old if isinstance(c.old, tuple) else (c.old,)
            credits = {credit[o] for o in olds if o in credit}
            writer.writerow(
                [
                    result.old or "",
                    result.new or "",
                    c.part,
                    c.kind,
                    _cell(c.old, "; "),
                    _cell(c.new, "; "),
                    _cell(c.old_text, "\n"),
                    _cell(c.new_text, "\n"),
                    c.words or "",
                    "" if c.score is None else c.score,
                    "; ".join(sorted(credits)),
                ]
            )
    return buffer.getvalue()
