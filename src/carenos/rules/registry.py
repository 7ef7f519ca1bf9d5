"""The rule catalogue: every code carenos can print, with its severity, title, why and fix.

Codes are stable, like a linter's. A semantic rule is registered with :func:`rule` on
its check; every other code is read from the error class that carries it
(:func:`declare_error`), so that a code is written in one place only.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any, Literal

from attrs import field, frozen

from ..errors import CarenosError, Stage
from ..place import Hit
from .context import RuleContext

__all__ = [
    "RULES",
    "Check",
    "Rule",
    "Severity",
    "declare",
    "declare_error",
    "registered",
    "rule",
    "run_rules",
]

Severity = Literal["error", "warning"]
"""How bad a finding is: errors fail validation, warnings only with ``--strict``."""

Check = Callable[[RuleContext], Iterable[Hit]]
"""A semantic check: the hits it finds in one standard."""


@frozen
class Rule:
    """One entry of the catalogue.

    Attributes:
        code: the stable code, ``CN`` and three digits.
        severity: ``error`` or ``warning``.
        title: what a finding of this code is, in a line.
        rationale: why the rule exists.
        fix: how to fix a finding of this code.
        stage: where it is reported (the semantic rules are ``standard``).
        check: the semantic check; ``None`` for codes another stage reports.
        needs_catalogue: the check compares with a catalogue of shared statements and
            runs only when one is given.
    """

    code: str
    severity: Severity
    title: str
    rationale: str
    fix: str
    stage: Stage
    check: Check | None = field(default=None, eq=False)
    needs_catalogue: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``code``, ``severity``, ``stage``, ``title``, ``rationale``, ``fix``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "stage": self.stage,
            "title": self.title,
            "rationale": self.rationale,
            "fix": self.fix,
        }


_registry: dict[str, Rule] = {}

RULES: Mapping[str, Rule] = MappingProxyType(_registry)
"""Every rule by code (a read-only view of the registry)."""

_RULE_CODE = re.compile(r"CN[0-9]{3}")


def _register(entry: Rule) -> None:
    if _RULE_CODE.fullmatch(entry.code) is None:
        raise ValueError(f"rule code {entry.code!r} is not of the form CN and three digits")
    if entry.code in _registry:
        raise ValueError(f"rule {entry.code} is registered twice")
    _registry[entry.code] = entry


def declare(
    code: str,
    *,
    title: str,
    rationale: str,
    fix: str,
    stage: Stage,
    severity: Severity = "error",
) -> None:
    """Add a code that a stage other than the semantic rules reports (no check of its own)."""
    _register(Rule(code, severity, title, rationale, fix, stage))


def declare_error(kind: type[CarenosError]) -> None:
    """Add the code of an error class to the catalogue, from the class's own entry."""
    _register(Rule(kind.code, "error", kind.title, kind.rationale, kind.fix, kind.stage))


def _sections(check: Check) -> dict[str, str]:
    """The title, ``Why:`` and ``Fix:`` paragraphs of a check's docstring."""
    if check.__doc__ is None and sys.flags.optimize >= 2:  # python -OO strips docstrings
        stripped = "(stripped by python -OO)"
        return {"title": stripped, "rationale": stripped, "fix": stripped}
    text = inspect.cleandoc(check.__doc__ or "")
    found: dict[str, str] = {}
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        joined = " ".join(paragraph.split())
        if number == 0:  # a sentence in the docstring, a phrase in the catalogue
            phrase = joined.rstrip(".")
            word = phrase.split(" ", 1)[0]
            acronym = len(word) > 1 and not word[1:].islower()  # "NOS ...", "CASE ..."
            lower = phrase if acronym else phrase[:1].lower() + phrase[1:]
            found["title"] = lower
        elif joined.startswith(("Why: ", "Fix: ")):
            found["rationale" if joined.startswith("Why") else "fix"] = joined[5:]
    return found


def rule(
    code: str,
    severity: Severity,
    *,
    needs_catalogue: bool = False,
    **given: str,
) -> Callable[[Check], Check]:
    """Register the decorated function as the semantic check of ``code``.

    The check's docstring is its catalogue entry, as a linter's rule documentation is
    (ruff, yamllint): the first paragraph is the title (what a finding is), a paragraph
    ``Why: ...`` the rationale and one ``Fix: ...`` how an author fixes a finding.

    Args:
        code: the next free code of the rule's family (CN2xx structure, CN3xx text,
            CN4xx cross-standard).
        severity: ``error`` or ``warning``.
        needs_catalogue: run only when a catalogue of shared statements is given.
        given: ``title``, ``rationale`` or ``fix`` instead of the docstring's.
    """

    def register(check: Check) -> Check:
        details = {**_sections(check), **given}
        wanted = ("title", "rationale", "fix")
        missing = [name for name in wanted if not details.get(name, "").strip()]
        if missing:
            raise ValueError(f"rule {code} has no {' and no '.join(missing)}: say it")
        entry = Rule(
            code,
            severity,
            details["title"],
            details["rationale"],
            details["fix"],
            "standard",
            check,
            needs_catalogue,
        )
        _register(entry)
        return check

    return register


@contextmanager
def registered(
    code: str, *, severity: Severity = "warning", **details: Any
) -> Iterator[Callable[[Check], Check]]:
    """Register a rule for the duration of a ``with`` block (for tests and experiments).

    ``with registered(code, title=..., rationale=..., fix=...) as add: add(check)``; the
    rule is gone after the block. A code already in the catalogue is refused.
    """
    if code in _registry:
        raise ValueError(f"rule {code} is registered twice")
    try:
        yield rule(code, severity, **details)
    finally:
        _registry.pop(code, None)


def run_rules(context: RuleContext) -> Iterator[tuple[Rule, Hit]]:
    """Run every semantic rule that the context can serve, in code order."""
    for entry in sorted(_registry.values(), key=lambda r: r.code):
        if entry.check is None or (entry.needs_catalogue and context.catalogue is None):
            continue
        for hit in entry.check(context):
            yield entry, hit
