"""Rules on the structure of one standard: numbering, ids, empty groups, the code (CN2xx)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..codes import is_code
from ..io.formats import STANDARD_FILE_SUFFIXES
from ..model import KnowledgeItem, PerformanceCriterion
from ..place import Hit
from ..textnorm import squash_spaces
from .context import RuleContext
from .registry import Check, rule

__all__ = [
    "code_form",
    "criteria_numbering",
    "duplicate_ids",
    "empty_groups",
    "knowledge_numbering",
    "repeated_texts",
]


def _in_order(numbers: list[int]) -> set[int]:
    """Indexes of a longest increasing run of ``numbers`` (not necessarily contiguous).

    Patience sorting, O(n log n): the items outside it are the ones out of order.
    """
    tails: list[int] = []  # index of the smallest tail of each run length
    values: list[int] = []  # the numbers at those indexes
    before: list[int | None] = []
    for index, number in enumerate(numbers):
        length = bisect.bisect_left(values, number)
        before.append(tails[length - 1] if length else None)
        if length == len(tails):
            tails.append(index)
            values.append(number)
        else:
            tails[length] = index
            values[length] = number
    keep: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        keep.add(at)
        at = before[at]
    return keep


def _missing(prefix: str, numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"{prefix}{numbers[0]} is missing"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"{prefix}{numbers[0]} to {prefix}{numbers[-1]} are missing"
    return ", ".join(f"{prefix}{n}" for n in numbers) + " are missing"


@functools.lru_cache(maxsize=256)
def _in_sequence(prefix: str, count: int) -> list[str]:
    """``[P1, P2, ... Pcount]``: the ids of ``count`` statements numbered as they should be."""
    return [f"{prefix}{n}" for n in range(1, count + 1)]


def _numbering(
    items: Iterable[tuple[str, PerformanceCriterion | KnowledgeItem]], prefix: str
) -> Iterator[Hit]:
    """Hits where ``prefix``-ids do not run 1, 2, 3 ... (repeated ids are left to CN203).

    The ids that form the longest increasing run are in order; each other id is out of
    order, and a number that no id has is missing where the run skips it. So one
    misplaced or mistyped id gives one finding, not one for every id after it.
    """
    items = list(items)
    if [item.id for _, item in items] == _in_sequence(prefix, len(items)):
        return  # the common case: P1, P2, P3 ...
    firsts: list[tuple[str, str, int]] = []
    present: set[int] = set()
    for pointer, item in items:
        number = int(item.id[len(prefix) :])
        if item.id != f"{prefix}{number}":
            yield Hit(f"{item.id} is not written {prefix}{number}", f"{pointer}/id")
        if number in present:
            continue
        present.add(number)
        if number == 0:
            yield Hit(f"{item.id}: numbering starts at {prefix}1", f"{pointer}/id")
            continue
        firsts.append((pointer, item.id, number))
    numbers = [number for _, _, number in firsts]
    if numbers == list(range(1, len(numbers) + 1)):
        return  # the common case: 1, 2, 3 ...
    keep = _in_order(numbers)
    previous: str | None = None
    last = 0
    for index, (pointer, ident, number) in enumerate(firsts):
        at = f"{pointer}/id"
        if index not in keep:
            if number - 1 in present or number == 1:
                yield Hit(f"{ident} is out of order: it belongs after {prefix}{number - 1}", at)
            else:  # no such neighbour: a mistyped number, standing for the one expected
                yield Hit(f"{ident} is out of sequence: {prefix}{last + 1} is expected here", at)
                present.add(last + 1)
            continue
        absent = [n for n in range(last + 1, number) if n not in present]
        if absent:
            after = f"follows {previous}" if previous else "comes first"
            yield Hit(f"{ident} {after}: {_missing(prefix, absent)}", at)
        previous, last = ident, number


def _numbering_rule(
    code: str, prefix: str, noun: str, across: str, statements: Callable[[RuleContext], Any]
) -> Check:
    """CN201 and CN202: one rule over two kinds of statement."""

    def check(context: RuleContext) -> Iterator[Hit]:
        return _numbering(statements(context), prefix)

    check.__doc__ = f"{noun.capitalize()} run {prefix}1, {prefix}2 ... across {across}."
    return rule(
        code,
        "error",
        title=f"{noun} not numbered {prefix}1..{prefix}n in order across {across} "
        "(gap, jump, or order)",
        rationale=f"References CODE/{prefix}3 and printed standards rely on the one running "
        "numbering.",
        fix=f"Renumber the {noun} {prefix}1, {prefix}2 ... in document order, running on "
        f"across {across}; the message names the missing or misplaced id.",
    )(check)


criteria_numbering = _numbering_rule(
    "CN201", "P", "performance criteria", "elements", RuleContext.criteria
)
knowledge_numbering = _numbering_rule(
    "CN202", "K", "knowledge items", "headings", RuleContext.knowledge_items
)


@rule("CN203", "error")
def duplicate_ids(context: RuleContext) -> Iterator[Hit]:
    """Duplicate id within a standard.

    Why: An id must name one statement, or CODE/ID references are ambiguous.

    Fix: Two statements have one id: renumber (the message gives the line of the first).
    """
    first: dict[str, str] = {}
    for pointer, statement in context.statements():
        if statement.id in first:
            line = context.locate(f"{first[statement.id]}/id")[0]
            where = f" (first at line {line})" if line is not None else ""
            yield Hit(f"duplicate id {statement.id}{where}", f"{pointer}/id")
        else:
            first[statement.id] = pointer


@rule("CN204", "error")
def empty_groups(context: RuleContext) -> Iterator[Hit]:
    """Element with no performance criteria, or knowledge heading with no items (or a
    standard with no elements or no knowledge headings).

    Why: An empty group is an extraction slip: its statements went somewhere else or
    nowhere.

    Fix: An element without criteria or a heading without items: the statements went
    elsewhere on import; move them back, or remove the empty group.
    """
    if not context.standard.elements:
        yield Hit("the standard has no elements (no performance criteria)", "/elements")
    if not context.standard.knowledge:
        yield Hit("the standard has no knowledge headings (no knowledge items)", "/knowledge")
    for i, element in enumerate(context.standard.elements):
        if not element.performance_criteria:
            yield Hit(
                f"element {element.title or i + 1!r} has no performance criteria",
                f"/elements/{i}/performance_criteria",
            )
    for i, section in enumerate(context.standard.knowledge):
        if not section.items:
            yield Hit(
                f"knowledge heading {section.heading or i + 1!r} has no items",
                f"/knowledge/{i}/items",
            )


@rule("CN205", "warning")
def repeated_texts(context: RuleContext) -> Iterator[Hit]:
    """The same statement text twice within a standard.

    Why: A repeated statement is usually a copy-and-paste slip, and is assessed twice.

    Fix: The same text twice: delete the copy, or correct whichever statement was pasted
    over.
    """
    first: dict[str, tuple[str, str]] = {}
    squashed = context.single_spaced()  # most standards: each text is already as squashed
    for pointer, statement in context.statements():
        text = statement.text if squashed else squash_spaces(statement.text)
        if text not in first:
            first[text] = (statement.id, pointer)
            continue
        ident, at = first[text]
        line, _column = context.locate(f"{at}/text")
        where = f" at line {line}" if line is not None else ""
        earlier = f"the earlier {ident}" if ident == statement.id else ident
        yield Hit(f"{statement.id} has the same text as {earlier}{where}", f"{pointer}/text")


@rule("CN206", "error")
def code_form(context: RuleContext) -> Iterator[Hit]:
    """Code not of the URN form (letters, the first upper-case, then digits and letters, e.g.
    SCDHSC0393, LANAgM17), or file name not `<code>.yaml`/`.yml`/`.json` (`<code>.cy.yaml`
    for a Welsh version).

    Why: Codes are how standards are found and referenced; one file per code and language,
    named for them.

    Fix: Write the URN as the NOS database has it (`SCDHSC0393`, `SCDHSC0393L` when Legacy)
    and name the file `CODE.yaml` (or `CODE.yml`, `CODE.json`; `CODE.cy.yaml` in Welsh).
    """
    code = context.standard.code
    if not is_code(code):
        yield Hit(
            f"code {code!r} is not of the URN form (letters, the first upper-case, then digits "
            "and letters, e.g. SCDHSC0393)",
            "/code",
        )
    file = context.file
    stem = code if context.standard.language == "en" else f"{code}.{context.standard.language}"
    if file is not None and (
        file.stem != stem or file.suffix.lower() not in STANDARD_FILE_SUFFIXES
    ):
        yield Hit(f"file name {file.name!r} should be {stem}.yaml or {stem}.json", "/code")
