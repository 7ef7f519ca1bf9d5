"""Rules on the texts of one standard: whitespace and extraction residue (CN3xx)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..place import Hit
from .context import RuleContext
from .registry import rule

__all__ = ["extraction_residue", "stray_whitespace"]


@rule("CN301", "warning")
def stray_whitespace(context: RuleContext) -> Iterator[Hit]:
    """Stray whitespace: leading/trailing spaces, tabs, double spaces, line breaks in a text.

    Why: Texts are kept whitespace-normalised so that they compare and match exactly. The
    overview is the one text of several paragraphs: a single line break between two of
    them is its paragraph break.

    Fix: Remove leading/trailing spaces, tabs, line breaks and double spaces from the text.
    """
    texts = context.texts()
    if context.single_spaced():  # most standards: only the overview needs a look
        texts = iter([("/overview", context.standard.overview)])
    for pointer, text in texts:
        if pointer == "/overview":
            paragraphs = text.split("\n")
            if all(paragraphs) and len(paragraphs) > 1:
                yield from _paragraph_hits(paragraphs, pointer)
                continue
        kinds = _stray(text)
        if kinds:
            yield Hit(f"stray whitespace in the text: {', '.join(kinds)}", pointer)


def _paragraph_hits(paragraphs: list[str], pointer: str) -> Iterator[Hit]:
    for number, paragraph in enumerate(paragraphs, start=1):
        kinds = _stray(paragraph)
        if kinds:
            found = ", ".join(kinds)
            yield Hit(f"stray whitespace in paragraph {number}: {found}", pointer)


def _stray(text: str) -> list[str]:
    """The kinds of stray whitespace in ``text``."""
    kinds = []
    if text[:1].isspace():
        kinds.append("leading whitespace")
    if text[-1:].isspace():
        kinds.append("trailing whitespace")
    if "\t" in text:
        kinds.append("a tab")
    if ("\n" in text or "\r" in text) and any(ch in text.strip() for ch in "\n\r"):
        kinds.append("a line break")
    if "  " in text:
        kinds.append("a double space")
    return kinds


_RESIDUE = re.compile(
    r"\[bookmark:[^\]]*\]|you must be able to:|you need to know and understand:",
    re.IGNORECASE,
)


@rule("CN303", "error")
def extraction_residue(context: RuleContext) -> Iterator[Hit]:
    """Extraction residue left in a text: `[bookmark: …]`, "You must be able to:", "You need
    to know and understand:".

    Why: Word-export markers and section lead-ins are not part of any statement.

    Fix: Delete the Word-export residue (`[bookmark: …]`, "You must be able to:", "You need
    to know and understand:"); it is not part of the statement.
    """
    for pointer, text in context.texts():
        found = _RESIDUE.findall(text) if ":" in text else None  # every residue has a colon
        if found:
            listed = ", ".join(repr(r) for r in dict.fromkeys(found))
            yield Hit(f"extraction residue in the text: {listed}", pointer)
