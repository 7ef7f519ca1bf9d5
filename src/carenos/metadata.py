"""The metadata table of a published standard, typed as the UK NOS database holds it.

Every field is optional. The version is a number; dates are ISO 8601 at the precision
published (a year ``"2026"``, a month ``"2021-03"`` or a day ``"2021-03-30"``); validity,
status and category are the database's fixed choices; lists (occupations, suites,
keywords, SOC codes) are tuples of texts.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from attrs import field, frozen

from ._fields import FieldValueError, matching, one_of, valid_text, valid_texts

# The database's fixed choices: whether a standard is in use or superseded (its URN then
# ends in L); written for its suite, adapted from another, or taken whole; its NOSCategory.
Validity = Literal["Current", "Legacy"]
Status = Literal["Original", "Tailored", "Imported"]
Category = Literal["Core", "Generic", "Job-specific"]

__all__ = [
    "DATE",
    "SOC_CODE",
    "Category",
    "Metadata",
    "Status",
    "Validity",
    "is_date",
    "iso_date",
]

DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
"""An ISO 8601 date at year, month or day precision: ``2026``, ``2021-03``, ``2021-03-30``."""

SOC_CODE = re.compile(r"[0-9]{4}")
"""A Standard Occupational Classification unit group (four digits, SOC 2010 or 2020)."""


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"(?:([0-9]{1,2})[ ./-])?([0-9]{1,2})[ ./-]([0-9]{4})")
_WORDS = re.compile(r"(?:([0-9]{1,2})(?:st|nd|rd|th)? )?([A-Za-z]+)\.?,? ([0-9]{4})")
_WORDS_US = re.compile(r"([A-Za-z]+)\.? ([0-9]{1,2})(?:st|nd|rd|th)?, ([0-9]{4})")


def _iso(year: str, month: int | None, day: int | None) -> str | None:
    if month is None:
        return year
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}" if day is None else f"{year}-{month:02d}-{day:02d}"


def iso_date(text: str) -> str | None:
    """The ISO 8601 form of a date as published, at its precision; ``None`` if it is none.

    Reads ISO dates, the NOS database's ``dd mm ccyy`` (and ``dd/mm/yyyy``, ``mm yyyy``),
    and dates in words (``June 2014``, ``30 March 2021``, ``March 30, 2021``).
    """
    text = " ".join(text.split())
    if is_date(text):
        return text
    found = _NUMERIC.fullmatch(text)
    if found:
        day, month, year = found.groups()
        return _iso(year, int(month), None if day is None else int(day))
    found = _WORDS.fullmatch(text)
    if found and found.group(2).lower() in _MONTHS:
        day, month, year = found.groups()
        return _iso(year, _MONTHS[month.lower()], None if day is None else int(day))
    found = _WORDS_US.fullmatch(text)
    if found and found.group(1).lower() in _MONTHS:
        month, day, year = found.groups()
        return _iso(year, _MONTHS[month.lower()], int(day))
    return None


def is_date(value: str) -> bool:
    """True if ``value`` is an ISO 8601 date at year, month or day precision (see :data:`DATE`)."""
    return DATE.fullmatch(value) is not None


_DATE_FORM = "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"


def _valid_version(_instance: object, attribute: object, value: int | None) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise FieldValueError("version", f"{value!r} is not a version number (1, 2 ...)")


@frozen
class Metadata:
    """The metadata table of a published standard; every field is optional."""

    developed_by: str | None = field(default=None, validator=valid_text)
    version: int | None = field(default=None, validator=_valid_version)
    date_approved: str | None = field(default=None, validator=matching(DATE, _DATE_FORM))
    indicative_review_date: str | None = field(default=None, validator=matching(DATE, _DATE_FORM))
    validity: Validity | None = field(default=None, validator=one_of(*get_args(Validity)))
    status: Status | None = field(default=None, validator=one_of(*get_args(Status)))
    category: Category | None = field(default=None, validator=one_of(*get_args(Category)))
    originating_organisation: str | None = field(default=None, validator=valid_text)
    original_urn: str | None = field(default=None, validator=valid_text)
    relevant_occupations: tuple[str, ...] = field(default=(), validator=valid_texts)
    suites: tuple[str, ...] = field(default=(), validator=valid_texts)
    keywords: tuple[str, ...] = field(default=(), validator=valid_texts)
    soc_codes: tuple[str, ...] = field(
        default=(), validator=matching(SOC_CODE, "a four-digit SOC code", each=True)
    )
