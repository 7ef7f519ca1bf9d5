"""The forms of the names in a standard: NOS codes (URNs), statement ids, languages.

Dependency-free, so that every tier (readers, the model, rules) checks them alike.
"""

from __future__ import annotations

import re

__all__ = ["CODE", "HEADER_CODE", "LANGUAGE", "URN_IN_TEXT", "is_code", "is_id"]

CODE = re.compile(r"[A-Z][A-Za-z]*[0-9][A-Za-z0-9]*")
"""A NOS code (URN) as the NOS database writes them: an upper-case letter, letters, a digit, digits
and letters, case kept (``SCDHSC0393``, ``LANAgM17``, ``SCDHSC0393L`` when Legacy)."""

HEADER_CODE = re.compile(rf"(?=[A-Z][A-Za-z]){CODE.pattern}")
"""A code as the importer recognises it in a header line or a file name: an upper-case
letter and another letter first, so that a statement line (``P1 ...``, ``K2 ...``) is
never taken for one."""

URN_IN_TEXT = re.compile(r"\b(?=[A-Za-z]*[A-Z][A-Za-z]*[0-9])[A-Za-z]{2,}[0-9][A-Za-z0-9]*\b")
"""A URN within a text ("see SCDHSC0041 Contribute to ..."): two letters or more, one of
them upper-case, then a digit."""

LANGUAGE = re.compile(r"[a-z]{2}")
"""An ISO 639-1 language code: ``en``, ``cy``."""


def is_code(value: str) -> bool:
    """True if ``value`` has the form of a NOS code (see :data:`CODE`)."""
    return CODE.fullmatch(value) is not None


def is_id(prefix: str, value: str) -> bool:
    """True if ``value`` is ``prefix`` followed by ASCII digits (``P3``, ``K12``)."""
    number = value[1:]
    return value[:1] == prefix and number.isascii() and number.isdigit()
