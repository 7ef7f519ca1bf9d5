"""The catalogue as people and programs read it: text lines, one rule explained, Markdown, JSON.

``carenos rules --format markdown`` prints the committed ``docs/rules.md``; a test
keeps the page current.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..io.json import dump_json
from .registry import RULES, Rule

__all__ = ["explain", "render_json", "render_markdown", "render_text"]


def _sorted(rules: Iterable[Rule] | None) -> list[Rule]:
    return sorted(RULES.values() if rules is None else rules, key=lambda r: r.code)


def render_text(rules: Iterable[Rule] | None = None) -> str:
    """One line a rule: ``CODE  severity  title``."""
    return "".join(f"{r.code}  {r.severity:<7}  {r.title}\n" for r in _sorted(rules))


def explain(entry: Rule) -> str:
    """One rule in full, as ``carenos rules CODE`` prints it (like ``ruff rule``)."""
    return (
        f"{entry.code} ({entry.severity}, {entry.stage} stage)\n"
        f"{entry.title}\n\n"
        f"Why: {entry.rationale}\n\n"
        f"Fix: {entry.fix}\n"
    )


def render_json(rules: Iterable[Rule] | None = None) -> str:
    """``[{"code", "severity", "stage", "title", "rationale", "fix"}, ...]``, indented."""
    return dump_json([r.to_dict() for r in _sorted(rules)])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown page of the catalogue: a table, then each rule's why and fix."""
    chosen = _sorted(rules)
    lines = [
        "# Validation rules",
        "",
        "<!-- Generated from the rule registry (src/carenos/rules/): do not edit by hand.",
        "     Regenerate with: carenos rules --format markdown > docs/rules.md -->",
        "",
        "Every code carenos prints is here: the findings of `carenos validate` and the",
        "errors of every command. `carenos rules` lists them and `carenos rules CODE` explains",
        "one. Errors fail validation; warnings fail it only with `--strict`.",
        "",
        "| code | severity | stage | finding |",
        "| --- | --- | --- | --- |",
    ]
    for entry in chosen:
        cells = (f"[{entry.code}](#{entry.code.lower()})", entry.severity, entry.stage, entry.title)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    for entry in chosen:
        lines += [
            "",
            f"## {entry.code}",
            "",
            f"{entry.title} ({entry.severity}, {entry.stage} stage).",
            "",
            f"**Why.** {entry.rationale}",
            "",
            f"**Fix.** {entry.fix}",
        ]
    return "\n".join(lines) + "\n"
