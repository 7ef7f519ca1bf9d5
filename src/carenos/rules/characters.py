"""Rules on the characters of the texts: control, bidirectional and invisible ones (CN005, CN304).

Each character is a finding of its own, naming it. Read from a file, a finding is placed
at the character's own line and column (:func:`carenos.validation.pipeline` looks it up
in the text from the start of its value); characters the YAML or JSON parser refuses are
found by the scan of the file's text before it is parsed (:mod:`carenos.io.characters`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..io.characters import CONTROL, INVISIBLE, delete_message, space_message
from ..place import Hit
from .context import RuleContext
from .registry import rule

__all__ = ["control_characters", "invisible_characters"]


@rule("CN005", "error")
def control_characters(context: RuleContext) -> Iterator[Hit]:
    """A control or bidirectional character in a text (named; at its line and column).

    Why: Control characters (a vertical tab from Word's Shift+Enter, a form feed, DEL)
    corrupt a text, and YAML refuses them; bidirectional overrides make a text show other
    words than it holds.

    Fix: Delete the character the finding names; write a space where one was meant.
    """
    for pointer, text in _maybe_holding(context):
        if text.isprintable():  # every one of them is not printable
            continue
        for match in CONTROL.finditer(text):
            yield Hit(delete_message(match.group()), pointer)


@rule("CN304", "warning")
def invisible_characters(context: RuleContext) -> Iterator[Hit]:
    """An invisible character in a text: a non-breaking, zero-width or other special space.

    Why: Invisible spaces and breaks look like plain spaces or nothing, but stop a text
    from matching the same text elsewhere (shared statements, search, exports).

    Fix: Replace the character the finding names with a plain space, or delete it.
    """
    for pointer, text in _maybe_holding(context):
        if text.isprintable():  # every one of them is not printable
            continue
        for match in INVISIBLE.finditer(text):
            yield Hit(space_message(match.group()), pointer)


def _maybe_holding(context: RuleContext) -> Iterator[tuple[str, str]]:
    """The texts that may hold a character of these rules: none is printable (tested), so
    for most standards only the overview, whose paragraphs are lines, needs a look."""
    if context.others_printable():
        return iter([("/overview", context.standard.overview)])
    return context.texts()
