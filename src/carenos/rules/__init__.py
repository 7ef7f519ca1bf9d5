"""The rule catalogue: every code carenos prints, and the semantic checks of one standard.

A check is a small function that gets a :class:`RuleContext` (the standard, where it
came from, how to find a JSON pointer's line, the catalogue) and yields :class:`Hit`
objects; the validator turns them into findings. Checks are registered with
:func:`rule` in the module of their family (:mod:`.structure` CN2xx, :mod:`.text`
CN3xx, :mod:`.cross_standard` CN4xx); the codes of the other stages come from the error
classes (:mod:`.stages`). Every entry has its title, rationale and fix.
"""

from __future__ import annotations

from ..place import Hit, Locate
from . import (  # noqa: F401
    characters,
    cross_standard,
    fields,
    stages,
    structure,
    suppressions,
    text,
    translation,
)
from .context import RuleContext
from .fields import field_rule
from .registry import (
    RULES,
    Check,
    Rule,
    Severity,
    declare,
    declare_error,
    registered,
    rule,
    run_rules,
)
from .render import explain, render_json, render_markdown, render_text

__all__ = [
    "RULES",
    "Check",
    "Hit",
    "Locate",
    "Rule",
    "RuleContext",
    "Severity",
    "declare",
    "declare_error",
    "explain",
    "field_rule",
    "registered",
    "render_json",
    "render_markdown",
    "render_text",
    "rule",
    "run_rules",
]
