"""Errors raised by carenos: one base class, a kind for each stage.

Every error carries the ``source`` it concerns (a file path or ``"<string>"``),
and the 1-based ``line`` and ``column`` where they are known, as fields, so that
callers can report them without parsing the message. ``code`` is the stable
finding code (``CN...``) the validator reports for the same problem.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CarenosError",
    "ContentError",
    "DuplicateError",
    "DuplicateKeyError",
    "ImportTextError",
    "ParseError",
    "ReadError",
    "UnsupportedYamlError",
    "UsageError",
]


class CarenosError(Exception):
    """Base class of every error carenos raises on purpose.

    ``str(error)`` is ``source:line:column: message`` (line and column only where
    known), so it can be printed as it is.
    """

    code: str = "CN000"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path

    @property
    def location(self) -> str:
        """``source:line:column`` with the parts that are known."""
        parts = [self.source or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ReadError(CarenosError):
    """The file cannot be read: missing, a directory, unreadable, not UTF-8, too large."""

    code = "CN004"


class ParseError(CarenosError):
    """The text is not parseable as YAML or JSON."""

    code = "CN001"


class DuplicateKeyError(ParseError):
    """A mapping has the same key twice."""

    code = "CN002"


class UnsupportedYamlError(ParseError):
    """The YAML uses a feature that standards do not use: tags, anchors or aliases."""

    code = "CN003"


class ContentError(CarenosError):
    """The document parses but does not have the shape of a standard.

    ``problems`` lists every ``(json_pointer, message)`` found; ``path`` is the first
    one's pointer, and ``at_key`` says that it points at a key that should not be there.
    """

    code = "CN100"

    def __init__(
        self,
        message: str,
        *,
        problems: tuple[tuple[str, str], ...] = (),
        at_key: bool = False,
        **where: Any,
    ) -> None:
        super().__init__(message, **where)
        self.problems = problems
        self.at_key = at_key


class DuplicateError(CarenosError):
    """Two standards of one corpus have the same code."""

    code = "CN207"


class ImportTextError(CarenosError):
    """Extracted NOS text that the importer cannot account for completely."""

    code = "CN500"


class UsageError(CarenosError):
    """The caller asked for something impossible (an unknown format, an existing file)."""

    code = "CN900"
