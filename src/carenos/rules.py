"""The rule catalogue: every finding code, its severity, title and rationale, and the checks.

Codes are stable, like a linter's. Codes of the reading and schema stages (CN001-CN004,
CN100) and of the corpus stage (CN207) are declared here so that the catalogue is
complete; the semantic rules (CN2xx, CN3xx) are small functions registered with
:func:`rule`. A check gets a :class:`RuleContext` (the standard, where it came from and
how to find a JSON pointer's line) and yields :class:`Hit` objects; the validator turns
them into findings. A rule may ask for extra context by name (``requires=("catalogue",)``);
it runs only when the caller provides it, which is how cross-standard (CN4xx) rules plug in.

``carenos rules --markdown`` prints the page ``docs/rules.md`` (see :func:`markdown`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import attrs
from attrs import field, frozen

from .io.positions import pointer_join
from .model import KnowledgeItem, Metadata, PerformanceCriterion, Standard

__all__ = [
    "RULES",
    "Hit",
    "Locate",
    "Rule",
    "RuleContext",
    "Severity",
    "Stage",
    "declare",
    "markdown",
    "rule",
    "run_rules",
]

Severity = Literal["error", "warning"]
"""How bad a finding is: errors fail validation, warnings only with ``--strict``."""

Stage = Literal["read", "schema", "standard", "corpus"]
"""Where a rule is checked: reading, the JSON Schema, one standard, or a whole corpus."""

Locate = Callable[[str], tuple[int | None, int | None]]
"""Line and column (1-based, ``None`` where unknown) of the value at a JSON pointer."""


@frozen
class Hit:
    """What a check found: a message and the JSON pointer it concerns.

    ``key`` says the position is that of the mapping key rather than of its value.
    """

    message: str
    pointer: str
    key: bool = False


def _no_position(_pointer: str) -> tuple[int | None, int | None]:
    return None, None


@frozen
class RuleContext:
    """What a check may look at: the standard, its source, positions and extra context.

    ``file`` is the file the standard was read from (``None`` for texts and dicts);
    ``extras`` holds optional context by name, e.g. ``{"catalogue": ...}``.
    """

    standard: Standard
    source: str = "<standard>"
    file: Path | None = None
    locate: Locate = _no_position
    extras: Mapping[str, Any] = field(factory=dict)

    @functools.cached_property
    def _criteria(self) -> list[tuple[str, PerformanceCriterion]]:
        return [
            (f"/elements/{i}/performance_criteria/{j}", criterion)
            for i, element in enumerate(self.standard.elements)
            for j, criterion in enumerate(element.performance_criteria)
        ]

    @functools.cached_property
    def _knowledge_items(self) -> list[tuple[str, KnowledgeItem]]:
        return [
            (f"/knowledge/{i}/items/{j}", item)
            for i, section in enumerate(self.standard.knowledge)
            for j, item in enumerate(section.items)
        ]

    @functools.cached_property
    def _texts(self) -> list[tuple[str, str]]:
        return list(self._all_texts())

    def criteria(self) -> Iterator[tuple[str, PerformanceCriterion]]:
        """Every performance criterion with its JSON pointer, in document order."""
        return iter(self._criteria)

    def knowledge_items(self) -> Iterator[tuple[str, KnowledgeItem]]:
        """Every knowledge item with its JSON pointer, in document order."""
        return iter(self._knowledge_items)

    def statements(self) -> Iterator[tuple[str, PerformanceCriterion | KnowledgeItem]]:
        """Every numbered statement with its pointer: criteria, then knowledge items."""
        yield from self._criteria
        yield from self._knowledge_items

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every text of the standard with its JSON pointer, in document order."""
        return iter(self._texts)

    def _all_texts(self) -> Iterator[tuple[str, str]]:
        s = self.standard
        yield "/code", s.code
        yield "/title", s.title
        yield "/overview", s.overview
        for i, element in enumerate(s.elements):
            yield f"/elements/{i}/title", element.title
            for j, criterion in enumerate(element.performance_criteria):
                yield f"/elements/{i}/performance_criteria/{j}/text", criterion.text
        for i, section in enumerate(s.knowledge):
            yield f"/knowledge/{i}/heading", section.heading
            for j, item in enumerate(section.items):
                yield f"/knowledge/{i}/items/{j}/text", item.text
        for part, statements in (
            ("performance_criteria", s.scope.performance_criteria),
            ("knowledge", s.scope.knowledge),
        ):
            for i, statement in enumerate(statements):
                if statement.term is not None:
                    yield f"/scope/{part}/{i}/term", statement.term
                yield f"/scope/{part}/{i}/text", statement.text
        if s.values is not None:
            yield "/values/text", s.values.text
            for i, right in enumerate(s.values.rights):
                yield f"/values/rights/{i}", right
        if s.metadata is not None:
            for name, value in _metadata_fields(s):
                if isinstance(value, str):
                    yield f"/metadata/{name}", value
                else:
                    for i, text in enumerate(value):
                        yield f"/metadata/{name}/{i}", text


def _metadata_fields(standard: Standard) -> Iterator[tuple[str, str | tuple[str, ...]]]:
    metadata = standard.metadata
    if metadata is None:  # pragma: no cover - callers check
        return
    for attribute in attrs.fields(Metadata):
        value = getattr(metadata, attribute.name)
        if value is not None:
            yield attribute.name, value


Check = Callable[[RuleContext], Iterable[Hit]]
"""A semantic check: the hits it finds in one standard."""


@frozen
class Rule:
    """One entry of the catalogue.

    ``check`` is ``None`` for codes that a stage other than the semantic rules reports
    (reading, the schema, the corpus); ``requires`` names the extra context it needs.
    """

    code: str
    severity: Severity
    title: str
    rationale: str
    stage: Stage
    check: Check | None = field(default=None, eq=False)
    requires: tuple[str, ...] = ()


_registry: dict[str, Rule] = {}

RULES: Mapping[str, Rule] = MappingProxyType(_registry)
"""Every rule by code (read-only view of the registry)."""

_CODE = re.compile(r"CN[0-9]{3}")


def _register(entry: Rule) -> None:
    if _CODE.fullmatch(entry.code) is None:
        raise ValueError(f"rule code {entry.code!r} is not of the form CN123")
    if entry.code in _registry:
        raise ValueError(f"rule {entry.code} is registered twice")
    _registry[entry.code] = entry


def declare(code: str, severity: Severity, title: str, rationale: str, stage: Stage) -> None:
    """Add a code that a stage other than the semantic rules reports to the catalogue."""
    _register(Rule(code, severity, title, rationale, stage))


def rule(
    code: str,
    severity: Severity,
    title: str,
    rationale: str,
    *,
    requires: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register the decorated function as the semantic check of ``code``."""

    def register(check: Check) -> Check:
        _register(Rule(code, severity, title, rationale, "standard", check, requires))
        return check

    return register


def run_rules(context: RuleContext) -> Iterator[tuple[Rule, Hit]]:
    """Run every semantic rule whose required context is present, in code order."""
    for entry in sorted(_registry.values(), key=lambda r: r.code):
        if entry.check is None or any(name not in context.extras for name in entry.requires):
            continue
        for hit in entry.check(context):
            yield entry, hit


def markdown() -> str:
    """The Markdown page of the catalogue (the committed ``docs/rules.md``)."""
    lines = [
        "# Validation rules",
        "",
        "<!-- Generated from the rule registry (src/carenos/rules.py): do not edit by hand.",
        "     Regenerate with: carenos rules --markdown > docs/rules.md -->",
        "",
        "`carenos validate` reports findings with these stable codes; `carenos rules` lists them.",
        "Errors fail validation; warnings fail it only with `--strict`.",
        "",
        "| code | severity | stage | finding | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for entry in sorted(_registry.values(), key=lambda r: r.code):
        cells = (entry.code, entry.severity, entry.stage, entry.title, entry.rationale)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


# --- reading, schema and corpus stages --------------------------------------------------

declare(
    "CN001",
    "error",
    "not parseable as YAML/JSON (with the parser's line and column)",
    "Nothing else can be checked until the text parses.",
    "read",
)
declare(
    "CN002",
    "error",
    "duplicate mapping key",
    "Parsers silently keep one of the two values; the other is lost.",
    "read",
)
declare(
    "CN003",
    "error",
    "YAML feature that standards do not use: tags (`!!python/...`, any `!tag`), anchors/aliases",
    "Tags can construct objects and aliases can expand without bound; plain data is enough.",
    "read",
)
declare(
    "CN004",
    "error",
    "unreadable file: not UTF-8 (with the byte offset), or over the size limit "
    "(default 5 MB, `--max-size`)",
    "Standards are UTF-8 text of a few kilobytes; anything else is not a standard.",
    "read",
)
declare(
    "CN100",
    "error",
    "document does not match the standard schema (the message names the JSON Schema "
    "keyword: required, type, pattern, additionalProperties ...)",
    "Every consumer relies on the one shape of schemas/standard.schema.json.",
    "schema",
)
declare(
    "CN207",
    "error",
    "two standards of one corpus have the same code",
    "A code identifies one standard; references CODE/ID must be unambiguous.",
    "corpus",
)


# --- semantic rules on one standard ------------------------------------------------------


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


def _numbering(
    items: Iterable[tuple[str, PerformanceCriterion | KnowledgeItem]], prefix: str
) -> Iterator[Hit]:
    """Hits where ``prefix``-ids do not run 1, 2, 3 ... (repeated ids are left to CN203).

    The ids that form the longest increasing run are in order; each other id is out of
    order, and a number that no id has is missing where the run skips it. So one
    misplaced or mistyped id gives one finding, not one for every id after it.
    """
    firsts: list[tuple[str, str, int]] = []
    present: set[int] = set()
    for pointer, item in items:
        number = int(item.id[len(prefix) :])
        if item.id != f"{prefix}{number}":
            yield Hit(f"{item.id} is not written {prefix}{number}", pointer_join(pointer, "id"))
        if number in present:
            continue
        present.add(number)
        if number == 0:
            yield Hit(f"{item.id}: numbering starts at {prefix}1", pointer_join(pointer, "id"))
            continue
        firsts.append((pointer, item.id, number))
    numbers = [number for _, _, number in firsts]
    if numbers == list(range(1, len(numbers) + 1)):
        return  # the common case: 1, 2, 3 ...
    keep = _in_order(numbers)
    previous: str | None = None
    last = 0
    for index, (pointer, ident, number) in enumerate(firsts):
        at = pointer_join(pointer, "id")
        if index not in keep:
            yield Hit(f"{ident} is out of order: it belongs after {prefix}{number - 1}", at)
            continue
        absent = [n for n in range(last + 1, number) if n not in present]
        if absent:
            after = f"follows {previous}" if previous else "comes first"
            yield Hit(f"{ident} {after}: {_missing(prefix, absent)}", at)
        previous, last = ident, number


@rule(
    "CN201",
    "error",
    "performance criteria not numbered P1..Pn in order across elements (gap, jump, or order)",
    "References CODE/P3 and printed standards rely on the one running numbering.",
)
def criteria_numbering(context: RuleContext) -> Iterator[Hit]:
    """Performance criteria run P1, P2 ... across elements, with no gap or reordering."""
    return _numbering(context.criteria(), "P")


@rule(
    "CN202",
    "error",
    "knowledge items not numbered K1..Kn in order across headings",
    "References CODE/K12 and printed standards rely on the one running numbering.",
)
def knowledge_numbering(context: RuleContext) -> Iterator[Hit]:
    """Knowledge items run K1, K2 ... across headings, with no gap or reordering."""
    return _numbering(context.knowledge_items(), "K")


@rule(
    "CN203",
    "error",
    "duplicate id within a standard",
    "An id must name one statement, or CODE/ID references are ambiguous.",
)
def duplicate_ids(context: RuleContext) -> Iterator[Hit]:
    """The second (and later) statement with an id already used in the standard."""
    first: dict[str, str] = {}
    for pointer, statement in context.statements():
        if statement.id in first:
            line = context.locate(pointer_join(first[statement.id], "id"))[0]
            where = f" (first at line {line})" if line is not None else ""
            yield Hit(f"duplicate id {statement.id}{where}", pointer_join(pointer, "id"))
        else:
            first[statement.id] = pointer


@rule(
    "CN204",
    "error",
    "element with no performance criteria, or knowledge heading with no items (or a "
    "standard with no elements or no knowledge headings)",
    "An empty group is an extraction slip: its statements went somewhere else or nowhere.",
)
def empty_groups(context: RuleContext) -> Iterator[Hit]:
    """Elements without criteria and knowledge headings without items; none of either."""
    if not context.standard.elements:
        yield Hit("the standard has no elements (no performance criteria)", "/elements")
    if not context.standard.knowledge:
        yield Hit("the standard has no knowledge headings (no knowledge items)", "/knowledge")
    for i, element in enumerate(context.standard.elements):
        if not element.performance_criteria:
            yield Hit(
                f"element {element.title!r} has no performance criteria",
                f"/elements/{i}/performance_criteria",
            )
    for i, section in enumerate(context.standard.knowledge):
        if not section.items:
            yield Hit(
                f"knowledge heading {section.heading!r} has no items", f"/knowledge/{i}/items"
            )


@rule(
    "CN205",
    "warning",
    "the same statement text twice within a standard",
    "A repeated statement is usually a copy-and-paste slip, and is assessed twice.",
)
def repeated_texts(context: RuleContext) -> Iterator[Hit]:
    """A statement whose text (whitespace aside) is that of an earlier one."""
    first: dict[str, str] = {}
    for pointer, statement in context.statements():
        text = " ".join(statement.text.split())
        if text in first:
            yield Hit(
                f"{statement.id} has the same text as {first[text]}",
                pointer_join(pointer, "text"),
            )
        else:
            first[text] = statement.id


_NOS_CODE = re.compile(r"[A-Z]+[0-9][A-Z0-9]*")
_FILE_SUFFIXES = (".yaml", ".json")


@rule(
    "CN206",
    "error",
    "code not of the NOS form (upper-case letters then digits/letters, e.g. SCDHSC0393), "
    "or file name not `<code>.yaml`/`.json`",
    "Codes are how standards are found and referenced; one file per code, named for it.",
)
def code_form(context: RuleContext) -> Iterator[Hit]:
    """The code has the NOS form and the file is named after it."""
    code = context.standard.code
    if _NOS_CODE.fullmatch(code) is None:
        yield Hit(
            f"code {code!r} is not of the NOS form (upper-case letters, then digits and "
            "letters, e.g. SCDHSC0393)",
            "/code",
        )
    file = context.file
    if file is not None and (file.stem != code or file.suffix not in _FILE_SUFFIXES):
        yield Hit(f"file name {file.name!r} should be {code}.yaml or {code}.json", "/code")


@rule(
    "CN301",
    "warning",
    "stray whitespace: leading/trailing spaces, tabs, double spaces, line breaks in a text",
    "Texts are kept whitespace-normalised so that they compare and match exactly.",
)
def stray_whitespace(context: RuleContext) -> Iterator[Hit]:
    """Texts with leading or trailing whitespace, tabs or runs of spaces."""
    for pointer, text in context.texts():
        kinds = []
        if text[:1].isspace():
            kinds.append("leading whitespace")
        if text[-1:].isspace():
            kinds.append("trailing whitespace")
        if "\t" in text:
            kinds.append("a tab")
        if "\n" in text.strip() or "\r" in text.strip():
            kinds.append("a line break")
        if "  " in text:
            kinds.append("a double space")
        if kinds:
            yield Hit(f"stray whitespace in the text: {', '.join(kinds)}", pointer)


_RESIDUE = re.compile(
    r"\[bookmark:[^\]]*\]|you must be able to:|you need to know and understand:",
    re.IGNORECASE,
)


@rule(
    "CN303",
    "error",
    'extraction residue left in a text: `[bookmark: …]`, "You must be able to:", '
    '"You need to know and understand:"',
    "Word-export markers and section lead-ins are not part of any statement.",
)
def extraction_residue(context: RuleContext) -> Iterator[Hit]:
    """Texts that still hold bookmarks or the section lead-ins of the Word documents."""
    for pointer, text in context.texts():
        found = _RESIDUE.findall(text) if ":" in text else None  # every residue has a colon
        if found:
            listed = ", ".join(repr(r) for r in dict.fromkeys(found))
            yield Hit(f"extraction residue in the text: {listed}", pointer)


def _pointer_of_ref(context: RuleContext, ref: str) -> str:
    """The JSON pointer of the text that a mapping ref (``CODE/K12``, ``CODE/rights/3``) names."""
    local = ref.split("/", 1)[1]
    if local.startswith("rights/"):
        return f"/values/rights/{int(local.split('/')[1]) - 1}"
    if local.startswith(("scope-pc/", "scope-k/")):
        part = "performance_criteria" if local.startswith("scope-pc/") else "knowledge"
        return f"/scope/{part}/{int(local.split('/')[1]) - 1}/text"
    for pointer, item in context.knowledge_items():
        if item.id == local:
            return f"{pointer}/text"
    return ""  # pragma: no cover - every ref comes from the standard itself


@rule(
    "CN401",
    "warning",
    "a statement nearly, but not exactly, matches a shared catalogue statement",
    "Shared statements are assessed once and credited everywhere only if their wording is "
    "identical; a near match is usually drift from the catalogue's text.",
    requires=("catalogue",),
)
def drifted_from_catalogue(context: RuleContext) -> Iterator[Hit]:
    """Knowledge items, rights and scope texts that are a ``near`` match of a catalogue entry."""
    from .mapping import near_matches

    for _, link, entry in near_matches(context.standard, context.extras["catalogue"]):
        yield Hit(
            f"drifted from {entry.id} (score {link.score:.0f}): {link.differences}",
            _pointer_of_ref(context, link.ref),
        )
