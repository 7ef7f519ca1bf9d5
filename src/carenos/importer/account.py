"""The account of an import: where every line of the source went, and what fits nowhere.

Nothing of the source is dropped: each line is part of a standard (the JSON pointer of the
field it went to, or a label, blank or marker of it), page furniture (said so), or
reported as outside every standard (assessor material around embedded standards, site
navigation). Lines inside a standard that fit nowhere make the import fail, naming them.
"""

from __future__ import annotations

from attrs import frozen

from ..errors import ImportTextError
from ..io.published import Document
from ..textnorm import plural, squash_spaces

__all__ = ["Entry", "UnaccountedLinesError", "explain"]


@frozen
class Entry:
    """Where one line went.

    ``role`` is ``content`` (``pointer`` names the field), ``label`` (a heading, lead-in,
    label or repeated title), ``blank``, ``marker``, ``furniture``, ``outside`` (not part
    of any standard) or ``unaccounted``; ``standard`` is the code of the standard the line
    belongs to; ``note`` says more.
    """

    role: str
    pointer: str = ""
    standard: str = ""
    note: str = ""

    def __str__(self) -> str:
        if self.role == "content":
            where = f"{self.standard}{self.pointer}" if self.standard else self.pointer
            return f"{where} {self.note}".rstrip()
        return f"{self.role}: {self.note}" if self.note else self.role


class UnaccountedLinesError(ImportTextError):
    """Lines of a document that fit nowhere; ``lines`` holds ``(line number, text)`` pairs."""

    def __init__(self, lines: tuple[tuple[int, str], ...], *, source: str, hint: str = "") -> None:
        shown = "; ".join(f"line {n}: {text!r}" for n, text in lines[:10])
        more = f" (and {len(lines) - 10} more)" if len(lines) > 10 else ""
        count = plural(len(lines), "line")
        super().__init__(
            f"{count} fit nowhere in a standard: {shown}{more}{hint}",
            source=source,
            line=lines[0][0],
            column=1,
        )
        self.lines = lines


def explain(document: Document, account: dict[int, Entry]) -> str:
    """Each line of ``document`` with what it was read as (``carenos import --explain``)."""
    rows = []
    for index, line in enumerate(document.lines, start=1):
        entry = account.get(index, Entry("unaccounted"))
        origin = str(line.origin) or f"line {index}"
        text = squash_spaces(line.text)
        shown = text if len(text) <= 60 else f"{text[:57]}..."
        label = f"[{line.label}] " if line.label else ""
        rows.append(f"{origin:<24} {entry!s:<44} | {label}{shown}")
    return "\n".join(rows) + "\n"
