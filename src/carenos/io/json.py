"""JSON and JSON Lines: plain dicts in, compact deterministic text out.

The reader is strict: duplicate keys and the non-JSON constants ``NaN`` and
``Infinity`` are errors. Positions of values are worked out only when needed (for
an error message), by reading the same text as YAML, of which JSON is a subset.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from ..errors import DuplicateKeyError, ParseError
from .positions import Positions

__all__ = [
    "dump_json",
    "dump_json_line",
    "json_kind",
    "json_positions",
    "parse_canonical_json",
    "parse_json",
]


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _big_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text} is out of range")
    return value


def parse_json(text: str, source: str = "<string>", *, line_offset: int = 0) -> Any:
    """Parse one JSON value strictly; errors name ``source``, line and column."""
    try:
        return json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_big_float
        )
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"not valid JSON: {exc.msg}",
            source=source,
            line=exc.lineno + line_offset,
            column=exc.colno,
        ) from None
    except _DuplicateKey as exc:
        line, column = _find_duplicate(text, exc.key)
        raise DuplicateKeyError(
            f"duplicate key {exc.key!r}",
            source=source,
            line=None if line is None else line + line_offset,
            column=column,
        ) from None
    except ValueError as exc:
        raise ParseError(
            f"not valid JSON: {exc}", source=source, line=1 + line_offset if line_offset else None
        ) from None
    except RecursionError:
        raise ParseError("not valid JSON: nested too deeply", source=source) from None


def parse_canonical_json(raw: bytes) -> Any | None:
    """The value of a JSON text written as carenos writes JSON Lines (compact, UTF-8, each
    key once), read by orjson; ``None`` for any other text, for :func:`parse_json`.

    The fast path of bulk loading, as strict as :func:`parse_json`: orjson takes the last
    of duplicate keys, so a text is accepted only if writing its value again gives the
    same bytes, which a text with a duplicate key (or ``NaN``, an out-of-range number, a
    byte-order mark, escapes or spacing of its own) cannot.
    """
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return data if orjson.dumps(data) == raw else None


def _find_duplicate(text: str, key: str) -> tuple[int | None, int | None]:
    from .yaml import parse_yaml

    try:
        parsed = parse_yaml(text)
    except Exception:  # positions are a courtesy
        return None, None
    for problem in parsed.problems:
        if isinstance(problem, DuplicateKeyError):
            return problem.line, problem.column
    return None, None


def json_positions(text: str) -> Positions:
    """Positions of the values of a JSON text (empty if it cannot be worked out)."""
    from .yaml import parse_yaml

    try:
        return parse_yaml(text).positions
    except Exception:  # positions are a courtesy
        return Positions()


def json_kind(value: object) -> str:
    """The JSON name of a Python value's type, for messages (``"array"``, ``"null"`` ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def dump_json(data: Any) -> str:
    """Indented, UTF-8 (not ASCII-escaped) JSON text ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump_json_line(data: Any) -> str:
    """One compact line of JSON (no newline), for JSON Lines."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
