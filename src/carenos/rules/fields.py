"""Typed fields that the schema stage reports under codes of their own (CN101-CN107).

The converter and the JSON Schema refuse a value of the wrong kind (a version that is not
a number, a date that is not ISO 8601, a validity that is not Current or Legacy); the
validator reports it under the field's code, with the converter's words, at the line of
the value, rather than as a general CN100.
"""

from __future__ import annotations

import re

from .registry import declare

__all__ = ["field_rule"]

_FIELDS: dict[str, tuple[str, str, str, str, str]] = {
    "/metadata/version": (
        "CN101",
        "a version number (1, 2 ...)",
        "metadata version is not a version number (1, 2 ...)",
        "The NOS database holds the version as an integer; consumers sort and compare by it.",
        "Write the version as a number: `version: 3`.",
    ),
    "/metadata/date_approved": (
        "CN102",
        "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "a metadata date (date_approved, indicative_review_date) is not an ISO 8601 date",
        "Dates are compared, sorted and exported (CASE statusStartDate) only when they are ISO "
        "8601; a date in words cannot be.",
        "Write the date as YYYY, YYYY-MM or YYYY-MM-DD (`2021-03-30`); `carenos import` reads "
        "published forms such as `30 03 2021` or `March 2021` into these.",
    ),
    "/metadata/validity": (
        "CN103",
        "Current or Legacy",
        "metadata validity is not Current or Legacy",
        "The NOS database knows two validities; a misspelt one would be read as neither.",
        "Write `Current` or `Legacy`.",
    ),
    "/metadata/status": (
        "CN104",
        "Original, Tailored or Imported",
        "metadata status is not Original, Tailored or Imported",
        "The NOS database knows three statuses; a misspelt one would be read as none.",
        "Write `Original`, `Tailored` or `Imported`.",
    ),
    "/metadata/category": (
        "CN105",
        "Core, Generic or Job-specific",
        "metadata category is not Core, Generic or Job-specific",
        "The NOS database's NOSCategory has three values.",
        "Write `Core`, `Generic` or `Job-specific`.",
    ),
    "/metadata/soc_codes": (
        "CN106",
        "a four-digit SOC code",
        "a SOC code is not a four-digit Standard Occupational Classification unit group",
        "SOC codes link standards to occupations (ONS SOC 2010/2020, and through them ISCO).",
        "Write each SOC code as its four digits (`6145`).",
    ),
    "/language": (
        "CN107",
        "an ISO 639-1 language code (en, cy ...)",
        "language is not an ISO 639-1 code (en, cy ...)",
        "Versions of one standard in two languages are told apart by this code.",
        "Write the two-letter code: `en`, or `cy` for Welsh.",
    ),
}

for _code, _form, _title, _rationale, _fix in dict.fromkeys(_FIELDS.values()):
    declare(_code, title=_title, rationale=_rationale, fix=_fix, stage="schema")

_FIELDS["/metadata/indicative_review_date"] = _FIELDS["/metadata/date_approved"]

_INDEX = re.compile(r"/[0-9]+$")


def field_rule(pointer: str) -> tuple[str, str] | None:
    """The code and the form of the typed field at ``pointer`` (an item of a list counts).

    ``None`` for a pointer that is no typed field.
    """
    found = _FIELDS.get(pointer) or _FIELDS.get(_INDEX.sub("", pointer))
    return None if found is None else (found[0], found[1])
