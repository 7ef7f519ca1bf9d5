"""Errors raised by carenos: one base class, a kind for each stage, each a catalogue entry.

Every error carries the :class:`~carenos.place.Place` it concerns (``source``, the
1-based ``line`` and ``column`` where they are known, and the JSON ``pointer``), as
fields, so that callers can report it without parsing the message. Each kind carries
its catalogue entry as class attributes (frictionless style): the stable finding
``code`` the validator reports for the same problem, a ``title``, the ``rationale`` and
the ``fix``; :mod:`carenos.rules` reads them, so that ``carenos rules`` explains every
code the program prints.
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar, Literal, Self

import attrs

from .place import Hit, Place, Placed

__all__ = [
    "ERROR_KINDS",
    "CarenosError",
    "CharacterError",
    "ContentError",
    "DuplicateError",
    "DuplicateKeyError",
    "ImportTextError",
    "LimitError",
    "ParseError",
    "ReadError",
    "Stage",
    "UnsupportedYamlError",
    "UsageError",
]

Stage = Literal["read", "schema", "standard", "corpus", "import", "usage"]
"""Where a code is reported: reading, the JSON Schema, one standard's rules, a whole
corpus, importing published text, or the command line's usage and setup."""


class CarenosError(Placed, Exception):
    """Base class of every error carenos raises on purpose.

    ``str(error)`` is ``source:line:column: message`` (line and column only where
    known), so it can be printed as it is. Errors are values: :meth:`at` gives a copy
    at another place rather than changing this one.
    """

    code: ClassVar[str] = "CN000"
    title: ClassVar[str] = "an error of carenos"
    rationale: ClassVar[str] = ""
    fix: ClassVar[str] = ""
    stage: ClassVar[Stage] = "read"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        pointer: str | None = None,
        at_key: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.place = Place(source, line, column, pointer, at_key)

    @property
    def source(self) -> str | None:
        """The file (or ``"<string>"``) the error concerns, if known."""
        return self.place.source

    def at(self, **changes: Any) -> Self:
        """A copy of this error with its place changed (``line=3``, ``source=...``)."""
        moved = copy.copy(self)
        moved.place = attrs.evolve(self.place, **changes)
        return moved

    def with_message(self, message: str) -> Self:
        """A copy of this error with another message."""
        changed = copy.copy(self)
        changed.message = message
        changed.args = (message,)
        return changed

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class LimitError(CarenosError):
    """The input is beyond what carenos can process: nested too deeply, or too large."""

    code = "CN000"
    title = "input nested too deeply or too large to process"
    rationale = (
        "A standard nests five levels deep and is a few kilobytes; limits keep hostile input out."
    )
    fix = "Check that the file is a standard at all; a real standard is far within the limits."


class ReadError(CarenosError):
    """The file cannot be read: missing, a directory, unreadable, not UTF-8, too large."""

    code = "CN004"
    title = (
        "unreadable file: not UTF-8 (with the byte offset), or over the size limit "
        "(default 5 MB, `--max-size`)"
    )
    rationale = "Standards are UTF-8 text of a few kilobytes; anything else is not a standard."
    fix = (
        "Save the file as UTF-8 (the message gives the byte offset of the bad byte); or, for "
        "a file over the size limit, check it is a standard at all, then raise `--max-size`."
    )


class ParseError(CarenosError):
    """The text is not parseable as YAML or JSON."""

    code = "CN001"
    title = "not parseable as YAML/JSON (with the parser's line and column)"
    rationale = "Nothing else can be checked until the text parses."
    fix = (
        "A YAML/JSON syntax error at the line and column given, often a `: ` inside an "
        "unquoted text, or a bad indent. Quote the text or fix the indentation."
    )


class CharacterError(ParseError):
    """A character no text may hold, met where the text is read: a JSON escape of half a
    character (``\\ud800`` alone). Its code is the rule's that names such characters
    (CN005), whose entry of the rule catalogue it shares, wherever it is read: a ``.json``
    file, a line of JSON Lines, a text."""

    code = "CN005"


class DuplicateKeyError(ParseError):
    """A mapping has the same key twice."""

    code = "CN002"
    title = "duplicate mapping key"
    rationale = "Parsers silently keep one of the two values; the other is lost."
    fix = "The same key twice in one mapping: keep one."


class UnsupportedYamlError(ParseError):
    """The YAML uses a feature that standards do not use: tags, anchors or aliases."""

    code = "CN003"
    title = (
        "YAML feature that standards do not use: tags (`!!python/...`, any `!tag`), anchors/aliases"
    )
    rationale = (
        "Tags can construct objects and aliases can expand without bound; plain data is enough."
    )
    fix = (
        "Remove the tag (`!!str`, `!something`), anchor (`&a`) or alias (`*a`); write the "
        "value out."
    )


class ContentError(CarenosError):
    """The document parses but does not have the shape of a standard.

    ``problems`` lists every problem found as a :class:`~carenos.place.Hit` (message and
    JSON pointer); the error's own pointer is the first one's.
    """

    code = "CN100"
    title = (
        "document does not match the standard schema (the message names the place, K8 or "
        "element 2, and what to write there)"
    )
    rationale = "Every consumer relies on the one shape of schemas/standard.schema.json."
    fix = (
        "Do what the message says at the line and column given: add the missing key, rename "
        "a misspelt one (the message suggests the key meant), write the id as `P3`/`K12`, "
        "give an empty text its words, put a text that YAML reads as a number in quotes."
    )
    stage = "schema"

    def __init__(self, message: str, *, problems: tuple[Hit, ...] = (), **where: Any) -> None:
        super().__init__(message, **where)
        self.problems = problems


class DuplicateError(CarenosError):
    """Two standards of one corpus have the same code."""

    code = "CN207"
    title = "two standards of one corpus have the same code"
    rationale = "A code identifies one standard; references CODE/ID must be unambiguous."
    fix = "Two files have one code: one of them has the wrong code, or is a copy to delete."
    stage = "corpus"

    @classmethod
    def of(cls, code: str, first: str, source: str | None, **where: Any) -> DuplicateError:
        """ "standard ``code`` is also in ``first``", found at ``source``."""
        return cls(f"standard {code} is also in {first}", source=source, **where)


class ImportTextError(CarenosError):
    """Extracted NOS text that the importer cannot account for completely."""

    code = "CN500"
    title = (
        "published text that cannot be imported: lines it cannot account for, no "
        "statements, or statements that do not make a standard"
    )
    rationale = "Nothing of the source may be dropped: every non-empty line must find a place."
    fix = (
        "Look at the lines the message names: text outside any section, a heading the "
        "importer does not know, or a numbering it cannot follow. Correct the extract, or "
        "report the layout so that the importer learns it."
    )
    stage = "import"


class UsageError(CarenosError):
    """The caller asked for something impossible (an unknown format, an existing file)."""

    code = "CN900"
    title = "usage or setup failure: an impossible request, a missing path, an existing file"
    rationale = "The command could not start its work; nothing was written."
    fix = (
        "Read the message: give an existing path, a known format, `--force` to replace a "
        "file, or `--help` for the options."
    )
    stage = "usage"


ERROR_KINDS: tuple[type[CarenosError], ...] = (
    LimitError,
    ParseError,
    DuplicateKeyError,
    UnsupportedYamlError,
    ReadError,
    ContentError,
    DuplicateError,
    ImportTextError,
    UsageError,
)
"""Every kind of error with a code of its own: each is an entry of the rule catalogue."""
