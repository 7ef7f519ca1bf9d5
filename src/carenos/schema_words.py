"""What the JSON Schema finds wrong with a standard's document, in the author's words.

One wording for every command: ``carenos validate`` reports these as findings, and
``carenos.load`` raises them. A message names the place as an author knows it (``K8``,
``element 2``, ``version``), says what to write (``id 'k7': write K7``, ``K8: the text is
empty``, ``unknown key 'titel' (did you mean 'title'?)``), and holds no regular
expressions or 0-based JSON pointers: those stay in the finding's ``pointer`` field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from .io.json import json_kind
from .io.positions import pointer_join
from .place import Hit

__all__ = ["author_hits", "place_label"]

_MAX_SHOWN = 40
_ID = re.compile(r"([PK])\s*0*([0-9]+)", re.IGNORECASE)
_TYPED = {
    "version": "a whole number (1, 2 ...)",
    "date_approved": "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "indicative_review_date": "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "validity": "Current or Legacy",
    "status": "Original, Tailored or Imported",
    "category": "Core, Generic or Job-specific",
    "soc_codes": "a four-digit SOC code",
    "language": "a two-letter language code (en, cy ...)",
}


_KINDS = {
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "keys and values",
    "null": "nothing",
    "string": "text",
}


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 4] + "...'"


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _get(data: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def place_label(data: Any, pointer: str) -> str:
    """The place of ``pointer`` as an author names it: ``K8``, ``element 2``, ``version``."""
    parts = _parts(pointer)
    if len(parts) >= 4 and parts[0] in ("elements", "knowledge") and parts[1].isdigit():
        own = _get(data, parts[:4])
        ident = own.get("id") if isinstance(own, dict) else None
        if isinstance(ident, str) and _ID.fullmatch(ident.strip()):
            return ident.strip()
        what = "criterion" if parts[0] == "elements" else "knowledge item"
        group = "element" if parts[0] == "elements" else "knowledge heading"
        if parts[3].isdigit():
            return f"{what} {int(parts[3]) + 1} of {group} {int(parts[1]) + 1}"
    if len(parts) >= 2 and parts[0] in ("elements", "knowledge") and parts[1].isdigit():
        group = "element" if parts[0] == "elements" else "knowledge heading"
        return f"{group} {int(parts[1]) + 1}"
    if len(parts) >= 3 and parts[0] == "scope" and parts[2].isdigit():
        return f"scope ({parts[1].replace('_', ' ')}) {int(parts[2]) + 1}"
    named = [p for p in parts if not p.isdigit()]
    if parts and parts[-1].isdigit() and named:
        return f"{named[-1]} {int(parts[-1]) + 1}"
    return named[-1] if named else "the standard"


def _field(pointer: str) -> str:
    named = [p for p in _parts(pointer) if not p.isdigit()]
    return named[-1] if named else "the document"


def _typed(pointer: str, value: Any) -> str | None:
    parts = [p for p in _parts(pointer) if not p.isdigit()]
    if parts and (parts[0] == "metadata" or parts == ["language"]) and parts[-1] in _TYPED:
        return f"{parts[-1]}: write {_TYPED[parts[-1]]}, not {_shown(value)}"
    return None


def _message(problem: Any, data: Any, pointer: str) -> Iterator[Hit]:
    keyword = str(problem.validator)
    value = problem.instance
    label = place_label(data, pointer)
    field = _field(pointer)
    typed = _typed(pointer, value)
    if typed is not None and keyword not in ("required", "additionalProperties"):
        yield Hit(typed, pointer)
        return
    if keyword == "additionalProperties" and isinstance(value, dict):
        allowed = (
            list(problem.schema.get("properties", {})) if isinstance(problem.schema, dict) else []
        )
        where = place_label(data, pointer) if pointer else "the standard"
        for key in value:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.7)
            if close:
                hint = f" (did you mean {close[0]!r}?)"
            elif len(allowed) <= 6:
                hint = f" ({where} holds {', '.join(allowed)})"
            else:
                hint = f" ({where} has no such key)"
            prefix = f"{where}: " if pointer else ""
            yield Hit(
                f"{prefix}unknown key {_shown(key)}{hint}", pointer_join(pointer, key), at_key=True
            )
        return
    if keyword == "required":
        missing = re.findall(r"'([^']*)' is a required property", problem.message)
        key = missing[0] if missing else "a key"
        where = place_label(data, pointer) if pointer else "the standard"
        yield Hit(f"{where}: {key!r} is missing", pointer)
        return
    if keyword == "type" and field == "id" and isinstance(value, int | float):
        wanted = "K" if "/knowledge/" in pointer else "P"
        yield Hit(f"id {_shown(value)}: write {wanted}{value}", pointer)
        return
    if keyword == "type":
        expected = problem.validator_value
        if value is None or value == "":
            message = f"{label}: the {field} is empty" if label != field else f"{field} is empty"
        elif expected == "string" and isinstance(value, bool | int | float):
            message = (
                f"{label}: the {field} is read as {_KINDS[json_kind(value)]}: put it in quotes"
            )
        elif expected == "string":
            message = f"{label}: the {field} should be text, not {_KINDS[json_kind(value)]}"
        elif expected == "array":
            message = f"{label}: write {field} as a list (lines starting with '- ')"
        elif expected == "object":
            message = f"{label}: write {field} as keys and values, not {json_kind(value)}"
        else:
            message = f"{label}: write {field} as {expected}, not {json_kind(value)}"
        yield Hit(message.replace(f"{field}: the {field}", f"the {field}"), pointer)
        return
    if keyword == "minLength":
        yield Hit(
            f"{label}: the {field} is empty" if label != field else f"{field} is empty", pointer
        )
        return
    if keyword == "maxLength":
        yield Hit(
            f"{label}: the {field} is {len(value):,} characters long; the limit is "
            f"{problem.validator_value:,}",
            pointer,
        )
        return
    if keyword == "pattern" and field == "id" and isinstance(value, str):
        wanted = "K" if "/knowledge/" in pointer else "P"
        found = _ID.fullmatch(value.strip())
        if found and found.group(1).upper() == wanted:
            yield Hit(f"id {_shown(value)}: write {wanted}{int(found.group(2))}", pointer)
        else:
            yield Hit(
                f"id {_shown(value)}: write {wanted} and a number ({wanted}1, {wanted}2 ...)",
                pointer,
            )
        return
    if keyword in ("enum", "uniqueItems") and field == "assigned_ids":
        yield Hit("assigned_ids: write P, K or both, each once", pointer)
        return
    if keyword == "oneOf" and field == "values":
        yield Hit(
            "values: write a text with its rights (text:, rights:) or a list of values", pointer
        )
        return
    yield Hit(f"{label}: {_shown(value)} is not what this place holds", pointer)


def author_hits(data: Any) -> list[Hit]:
    """Every problem the JSON Schema finds in ``data``, worded for its author, in order."""
    from .schema import validator  # only for documents that fail: keeps jsonschema lazy

    found: list[Hit] = []
    for problem in validator().iter_errors(data):
        pointer = ""
        for part in problem.absolute_path:
            pointer = pointer_join(pointer, part)
        found.extend(_message(problem, data, pointer))
    # a key reported as missing beside the misspelling of it is said once, by the misspelling
    meant = {m.group(1) for h in found if (m := _MEANT.search(h.message))}
    return [h for h in found if _missing(h) not in meant]


_MEANT = re.compile(r"did you mean '([^']*)'")
_MISSING = re.compile(r": '([^']*)' is missing$")


def _missing(hit: Hit) -> str | None:
    """The key a "... is missing" hit names, else ``None``."""
    found = _MISSING.search(hit.message)
    return found.group(1) if found else None
