"""Characters a standard's text should not hold: control, invisible and bidirectional ones.

Pasted from Word, a PDF or a web page, they hide in texts: a vertical tab where Word had
a line break, a non-breaking space, a zero-width space, a right-to-left override that
shows a text other than the one stored.  The rules CN005 (those that corrupt or
disguise a text: control and bidirectional characters) and CN304 (the invisible ones that
only stop texts from matching) find them in the texts; :func:`refused_characters` finds,
in a file's text before it is parsed, those the parser would refuse, and
:func:`place_in_text` places a finding at the character itself.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from attrs import frozen

__all__ = [
    "CONTROL",
    "INVISIBLE",
    "RefusedCharacter",
    "blank_refused",
    "blank_surrogate_escapes",
    "delete_message",
    "describe",
    "place_in_text",
    "refused_characters",
    "space_message",
    "surrogate_escapes",
]

_NAMES = {
    "\x0b": "a vertical tab (what Word's Shift+Enter pastes)",
    "\x0c": "a form feed (a page break)",
    "\x7f": "a DEL character",
    "\x85": "a next-line character",
    "\xa0": "a non-breaking space",
    "\xad": "a soft hyphen",
    "\u2007": "a figure space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u202a": "a left-to-right embedding",
    "\u202b": "a right-to-left embedding",
    "\u202c": "a pop directional formatting character",
    "\u202d": "a left-to-right override",
    "\u202e": "a right-to-left override",
    "\u202f": "a narrow no-break space",
    "\u2060": "a word joiner",
    "\u2066": "a left-to-right isolate",
    "\u2067": "a right-to-left isolate",
    "\u2068": "a first-strong isolate",
    "\u2069": "a pop directional isolate",
    "\ufeff": "a zero-width no-break space (a byte order mark)",
}

CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
"""Characters that corrupt or disguise a text (CN005): C0 and C1 controls other than tab
and line ends, DEL, the bidirectional marks, embeddings, overrides and isolates, and
unpaired surrogates (what a JSON or YAML escape such as ``\\ud800`` gives alone: no
UTF-8 file can hold one)."""

INVISIBLE = re.compile(r"[\x85\xa0\xad\u2007\u200b-\u200d\u2028\u2029\u202f\u2060\ufeff]")
"""Invisible spaces and breaks that stop texts from matching (CN304)."""


def describe(char: str) -> str:
    """``a vertical tab (U+000B)``: what the character is, and its code point."""
    name = _NAMES.get(char)
    if name is None and "\ud800" <= char <= "\udfff":
        name = "an unpaired surrogate, half of an escaped character"
    if name is None:
        official = unicodedata.name(char, "")
        name = f"the control character {official}".strip() if official else "a control character"
    return f"{name} (U+{ord(char):04X})"


_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""The characters the parser refuses in a text (C0 and C1 controls but tab and line ends),
or reads as a line break where none shows (next line, line and paragraph separators)."""

_BREAKS = "\x85\u2028\u2029"


def delete_message(char: str) -> str:
    """The CN005 message of ``char``."""
    return f"{describe(char)} in the text: delete it (write a space where one is meant)"


def space_message(char: str) -> str:
    """The CN304 message of ``char``."""
    return f"{describe(char)} in the text: write a plain space, or nothing"


@frozen
class RefusedCharacter:
    """A character the parser would refuse or misread: its code (CN005, or CN304 for the
    special line breaks), line and column, and the message."""

    code: str
    line: int
    column: int
    message: str


def refused_characters(text: str) -> list[RefusedCharacter]:
    """Every character of ``text`` the parser refuses or misreads, at its line and column."""
    found = []
    for match in _REFUSED.finditer(text):
        char = match.group()
        position = match.start()
        before = text[:position]
        line = before.count("\n") + 1
        column = position - before.rfind("\n")
        if char in _BREAKS:
            found.append(RefusedCharacter("CN304", line, column, space_message(char)))
        else:
            found.append(RefusedCharacter("CN005", line, column, delete_message(char)))
    return found


def blank_refused(text: str) -> str:
    """``text`` with each refused character a space: what the rest of validation reads, so
    that one pasted character does not hide every other finding (columns stay put)."""
    return _REFUSED.sub(" ", text)


_CODE_POINT = re.compile(r"\(U\+([0-9A-F]{4,6})\)")


def place_in_text(
    text: str, line: int, column: int, message: str, skip: int = 0
) -> tuple[int, int]:
    """The line and column of the character a message names (``(U+00A0)``), searched from
    a value's start (``line``, ``column``); the ``skip``-th one after it for a text that
    holds it more than once. The value's own place where it is not found."""
    named = _CODE_POINT.search(message)
    if named is None:
        return line, column
    char = chr(int(named.group(1), 16))
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return line, column
    position = start + column - 1
    for _ in range(skip + 1):
        position = text.find(char, position)
        if position < 0:
            return line, column
        position += 1
    position -= 1
    found_line = text.count("\n", 0, position) + 1
    return found_line, position - text.rfind("\n", 0, position)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def surrogate_escapes(text: str) -> list[RefusedCharacter]:
    """Each ``\\uD800``-``\\uDFFF`` escape of a JSON text that is not half of a pair (a
    high one followed by a low one): it reads as an unpaired surrogate, which no UTF-8 file
    can hold (CN005, at the escape)."""
    if "\\u" not in text:
        return []
    escapes = []
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = before = match.start()
        while before and text[before - 1] == "\\":
            before -= 1
        if (start - before) % 2 == 0:  # the backslash is not itself escaped
            escapes.append((start, int(match.group()[2:], 16)))
    found = []
    paired: set[int] = set()
    for (start, code), (after, following) in pairwise(escapes):
        if code < 0xDC00 and after == start + 6 and following >= 0xDC00:  # high, then low
            paired.update((start, after))
    line, counted = 1, 0  # lines counted up to ``counted``, from one escape to the next
    for start, code in escapes:
        if start not in paired:
            line += text.count("\n", counted, start)
            counted = start
            column = start - text.rfind("\n", 0, start)
            found.append(RefusedCharacter("CN005", line, column, delete_message(chr(code))))
    return found


def blank_surrogate_escapes(text: str, escapes: list[RefusedCharacter]) -> str:
    """``text`` with each of ``escapes`` (from :func:`surrogate_escapes`) the escape of the
    replacement character, U+FFFD: the rest of validation reads a character no rule names
    where the escape was, and the columns stay put."""
    lines = text.split("\n")
    for escape in escapes:
        row = lines[escape.line - 1]
        lines[escape.line - 1] = f"{row[: escape.column - 1]}\\ufffd{row[escape.column + 5 :]}"
    return "\n".join(lines)
