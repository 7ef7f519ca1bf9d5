"""The forms of the names in a standard: NOS codes (``SCDHSC0393``) and statement ids (``K12``).

Dependency-free, so that every tier (readers, the model, rules) checks them alike.
"""

from __future__ import annotations

import re

__all__ = ["CODE", "HEADER_CODE", "is_code", "is_id"]

CODE = re.compile(r"[A-Z]+[0-9][A-Z0-9]*")
"""A NOS code: upper-case letters, then a digit, then digits and letters (``SCDHSC0393``)."""

HEADER_CODE = re.compile(rf"(?=[A-Z]{{2}}){CODE.pattern}")
"""A code as the importer recognises it in a header line or a file name: two letters at
least, so that a statement line (``P1 ...``, ``K2 ...``) is never taken for one."""


def is_code(value: str) -> bool:
    """True if ``value`` has the form of a NOS code (see :data:`CODE`)."""
    return CODE.fullmatch(value) is not None


def is_id(prefix: str, value: str) -> bool:
    """True if ``value`` is ``prefix`` followed by ASCII digits (``P3``, ``K12``)."""
    number = value[1:]
    return value[:1] == prefix and number.isascii() and number.isdigit()
