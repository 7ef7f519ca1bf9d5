"""YAML syntax errors in the author's words, at the place where the problem starts.

The parser reports where it gave up (for an unclosed quote, the end of the file); its
*context mark* says where the construct it could not finish began. The error is placed
there for the constructs that run on (a quoted text, a ``[...]`` or ``{...}``), with a
one-line hint for the common slips: an unclosed quote or bracket, an unknown escape in a
quoted text, a colon in an unquoted text, a bad indent, a tab, a control character. Every
message is one line.
"""

from __future__ import annotations

from ruamel.yaml.error import MarkedYAMLError

from ..errors import ParseError
from .characters import describe

__all__ = ["character_error", "syntax_error"]


def _at(mark: object) -> tuple[int | None, int | None]:
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    if line is None or column is None:
        return None, None
    return line + 1, column + 1


def _where(mark: object) -> str:
    line, column = _at(mark)
    return f" (still open at {line}:{column})" if line is not None else ""


def syntax_error(exc: MarkedYAMLError, source: str) -> ParseError:
    """The :class:`ParseError` of a syntax error, placed and worded for the author."""
    context = (exc.context or "").lower()
    problem = " ".join((exc.problem or "").split())
    start, end = exc.context_mark, exc.problem_mark
    place = end or start
    if "quoted scalar" in context and "escape" in problem:
        message = (
            f"an escape that a quoted text cannot hold ({problem}): write the character "
            "itself, or one of YAML's escapes (\\n, \\t, \\\\, \\\", \\uXXXX)"
        )
    elif "quoted scalar" in context:
        place = start or end
        message = (
            "the quoted text that starts here is never closed: add the closing quote, "
            "or take the opening one away" + _where(end)
        )
    elif "flow sequence" in context or "flow mapping" in context:
        place = start or end
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        message = (
            f"the {bracket} that starts here is never closed: add the {closing}, or put the "
            f"text in quotes if the {bracket} is part of it" + _where(end)
        )
    elif problem.startswith("mapping values are not allowed"):
        message = (
            'a colon and a space inside an unquoted text: put the whole text in quotes ("...")'
        )
    elif "block end" in problem or "expected key" in problem or "block mapping" in context:
        message = (
            "this line is indented differently from the lines it belongs with: line it up "
            "with the keys or list items above it"
        )
    elif "'\\t'" in problem or "cannot start any token" in problem:
        message = "a tab: YAML indents with spaces, so replace the tab with spaces"
    else:
        message = f"not valid YAML: {problem or context or 'invalid YAML'}"
    line, column = _at(place)
    return ParseError(message, source=source, line=line, column=column)


def character_error(text: str, position: int, source: str) -> ParseError:
    """The :class:`ParseError` of a character YAML does not allow, at its line and column."""
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    char = text[position] if 0 <= position < len(text) else "?"
    message = f"{describe(char)} is not allowed in YAML: remove it"
    return ParseError(message, source=source, line=line, column=column)
