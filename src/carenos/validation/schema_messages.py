"""CN100 findings: what the JSON Schema says of a document the converter refused, in words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import ContentError
from ..io.json import json_kind
from ..io.positions import pointer_join
from ..place import Hit, Locate
from ..rules import field_rule
from .findings import Finding

__all__ = ["schema_findings"]

_MAX_SHOWN = 60


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _pointer(problem: Any) -> str:
    pointer = ""
    for part in problem.absolute_path:
        pointer = pointer_join(pointer, part)
    return pointer


def _hits(problem: Any) -> Iterator[Hit]:
    """The hits of one jsonschema error, at the most specific place."""
    keyword = str(problem.validator)
    pointer = _pointer(problem)
    shown = pointer or "/"
    if keyword == "additionalProperties" and isinstance(problem.instance, dict):
        allowed = problem.schema.get("properties", {}) if isinstance(problem.schema, dict) else {}
        for key in problem.instance:
            if key not in allowed:
                message = f"additionalProperties: unknown key {_shown(key)} in {shown}"
                yield Hit(message, pointer_join(pointer, key), at_key=True)
        return
    if keyword == "type":
        message = (
            f"type: {shown} should be {problem.validator_value}, not {json_kind(problem.instance)}"
        )
    elif keyword == "minLength":
        message = f"minLength: {shown} must not be empty"
    elif keyword == "maxLength":
        message = (
            f"maxLength: {shown} is {len(problem.instance):,} characters long, "
            f"over the limit of {problem.validator_value:,}"
        )
    elif keyword == "pattern":
        message = (
            f"pattern: {_shown(problem.instance)} at {shown} does not match "
            f"{problem.validator_value}"
        )
    elif keyword == "required":
        message = f"required: {problem.message} in {shown}"
    else:  # pragma: no cover - the standard schema uses only the keywords above
        message = f"{keyword}: {_shown(problem.message)} at {shown}"
    yield Hit(message, pointer)


def schema_findings(
    data: Any, error: ContentError, source: str, locate: Locate
) -> Iterator[Finding]:
    """Every JSON Schema error of ``data`` as a CN100 finding.

    Where the schema finds nothing (the converter checks a little more than it can say),
    the converter's own problems are reported.
    """
    from ..schema import validator  # only for documents that fail: keeps jsonschema lazy

    found = False
    for problem in validator().iter_errors(data):
        typed = field_rule(_pointer(problem))
        if typed is not None:  # a typed field: its own code, and what it should be
            found = True
            code, form = typed
            message = f"{_shown(problem.instance)} is not {form}"
            yield Finding.of_hit(code, Hit(message, _pointer(problem)), source, locate)
            continue
        for hit in _hits(problem):
            found = True
            yield Finding.of_hit("CN100", hit, source, locate)
    if not found:
        for hit in error.problems or (Hit(error.message, ""),):
            yield Finding.of_hit("CN100", hit, source, locate)
