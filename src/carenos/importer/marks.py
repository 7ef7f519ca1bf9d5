"""List marks at a line's start: ``P1``, ``P1.``, ``1.``, ``1)``, ``(a)``, ``i.``, ``-``, ``•``.

A mark tells a statement from running text; its *style* (id, number, letter, roman, bullet)
tells a list from a list nested in it. Marks that a document keeps outside its text (Word
and HTML list labels) are read by :func:`parse_label`.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["BULLETS", "Mark", "id_run", "parse_label", "split_mark"]

BULLETS = "•·▪■□◦○●‣⁃–—-*§►➢➤✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
"""Characters that documents use as bullets (the private-use ones are Symbol/Wingdings)."""

_ID = re.compile(r"([PK])\s?([0-9]{1,3})(?:[.):]|\s*[-–]\s)?(?:\s+|(?=[A-Za-z(\"'‘“]))(\S.*)", re.S)
_NUMBER = re.compile(r"\(?([0-9]{1,3}(?:\.[0-9]{1,3})*)([.)]|\s)\s*(\S.*)", re.S)
_LETTER = re.compile(r"\(?([a-z]{1,2})[.)]\s+(\S.*)", re.S)
_BULLET = re.compile(rf"([{re.escape(BULLETS)}])\s*(\S.*)", re.S)
_WORD_BULLET = re.compile(r"o(?:\t|\s{2,})(\S.*)", re.S)
_MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{4}\b"
)
_ID_RUN = re.compile(r"[PK][0-9]{1,3}(?:\s+[PK][0-9]{1,3})*")
_ROMAN = frozenset(
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]
)


@frozen
class Mark:
    """A list mark: ``style`` is ``P``/``K`` (a printed id), ``number``, ``letter`` (roman
    numerals too) or ``bullet``; ``value`` the mark as printed (``P3``, ``3``, ``b``, ``•``)."""

    style: str
    value: str

    @property
    def number(self) -> int | None:
        """The mark's number, where it has one (``P3`` and ``3`` -> 3)."""
        digits = self.value.lstrip("PK")
        return int(digits) if digits.isdigit() else None


def split_mark(text: str) -> tuple[Mark, str] | None:
    """The mark at the start of ``text`` and the text after it, or ``None``.

    A bare number starts a statement only before a word ("1 work with ...", "1 You find
    ..."), so that "2026" or "30 03 2021" stay text.
    """
    found = _ID.fullmatch(text)
    if found:
        return Mark(found.group(1), f"{found.group(1)}{int(found.group(2))}"), found.group(3)
    found = _NUMBER.fullmatch(text)
    if found:
        value, after, rest = found.groups()
        sentence = (  # "1 You find ...", but not "30 March 2021"
            len(value) <= 2
            and re.match(r"[A-Z][a-z]+ ", rest) is not None
            and not _MONTH.match(rest)
        )
        starts = after.strip() or text.startswith("(") or rest[:1].islower() or sentence
        if starts and not (after == "." and rest[:1].isdigit()):
            return Mark("number", value), rest
    found = _LETTER.fullmatch(text)
    if found and (len(found.group(1)) == 1 or found.group(1) in _ROMAN):
        return Mark("letter", found.group(1)), found.group(2)
    found = _BULLET.fullmatch(text)
    if found and (found.group(1) not in "-*–—" or text[1:2].isspace()):
        return Mark("bullet", found.group(1)), found.group(2)
    found = _WORD_BULLET.fullmatch(text)
    if found:
        return Mark("bullet", "o"), found.group(1)
    return None


def parse_label(label: str) -> Mark:
    """The mark of a list label kept outside the text (``"1."``, ``"a)"``, ``"•"``)."""
    core = label.strip().strip("().:")
    if re.fullmatch(r"[PK][0-9]+", core):
        return Mark(core[0], core)
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", core):
        return Mark("number", core)
    if re.fullmatch(r"[A-Za-z]{1,2}", core):
        return Mark("letter", core)
    return Mark("bullet", core[:1] or "•")


def id_run(text: str) -> list[str] | None:
    """The ids of a line that holds only ids (``P1``, ``P1 P2 P3``), or ``None``."""
    if _ID_RUN.fullmatch(text):
        return [f"{token[0]}{int(token[1:])}" for token in text.split()]
    return None
