"""JSON and JSON Lines: plain dicts in, compact deterministic text out.

The reader is strict: duplicate keys and the non-JSON constants ``NaN`` and
``Infinity`` are errors. Positions of values are worked out only when needed (for
an error message), by reading the same text as YAML, of which JSON is a subset.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from typing import Any

import orjson
from attrs import define

from ..errors import CharacterError, DuplicateKeyError, ParseError
from .characters import surrogate_escapes
from .positions import Positions

__all__ = [
    "canonical_positions",
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
    """Parse one JSON value strictly; errors name ``source``, line and column. An escape of
    half a character (``\\ud800`` alone) is refused: no UTF-8 file can hold what it gives."""
    try:
        data = json.loads(
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
    escapes = surrogate_escapes(text)
    if escapes:
        first = escapes[0]
        line = first.line + line_offset
        raise CharacterError(first.message, source=source, line=line, column=first.column)
    return data


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
    """Positions of the values and keys of a JSON text (empty where it cannot be worked out).

    One pass over the text's tokens (a regular expression finds them), placing them as
    the YAML reader would: a value at its first character, a key at its opening quote.
    The pass goes only as far as a lookup needs: a finding in a standard of JSON Lines
    scans up to its statement, not the whole line.
    """
    positions = _ScannedPositions()
    positions.scan = _scan(text, positions.values, positions.keys)
    return positions


@define
class _ScannedPositions(Positions):
    """Positions filled in by a scan that is advanced only as far as each lookup needs."""

    scan: Iterator[None] | None = None

    def of(self, pointer: str, *, key: bool = False) -> tuple[int | None, int | None]:
        """As :meth:`Positions.of`, after scanning as far as ``pointer``."""
        table = self.keys if key else self.values
        while self.scan is not None and pointer not in table:
            try:
                next(self.scan)
            except StopIteration:
                self.scan = None
            except Exception:  # positions are a courtesy: keep what was placed
                self.scan = None
        return super().of(pointer, key=key)

    def complete(self) -> Positions:
        """Every position: the whole text scanned."""
        self.of("\x00")  # no pointer holds a NUL: the scan runs to its end
        return Positions(dict(self.values), dict(self.keys))


def canonical_positions(data: Any) -> Positions:
    """Positions in the canonical text of ``data`` (what :func:`parse_canonical_json`
    accepted: ``orjson.dumps(data)``), worked out from the lengths of what comes before
    each value, written again by orjson, rather than by scanning the text."""
    return _CanonicalPositions(data=data)


@define
class _CanonicalPositions(Positions):
    """Positions of a canonical JSON text, each worked out when looked up."""

    data: Any = None

    def of(self, pointer: str, *, key: bool = False) -> tuple[int | None, int | None]:
        """As :meth:`Positions.of`: the value at ``pointer`` (or its key), else the nearest
        enclosing value."""
        offset = 0
        node = self.data
        parts = pointer.split("/")[1:] if pointer else []
        for number, raw in enumerate(parts):
            part = raw.replace("~1", "/").replace("~0", "~")
            last = number == len(parts) - 1
            if type(node) is dict:
                start = offset
                offset += 1  # {
                for name, value in node.items():
                    if name == part:
                        if last and key:
                            return 1, offset + 1
                        offset += _width(name) + 1  # "name":
                        node = value
                        break
                    offset += _width(name) + 1 + _width(value) + 1  # "name":value,
                else:
                    return 1, start + 1
            elif type(node) is list and part.isdigit() and int(part) < len(node):
                offset += 1 + sum(_width(item) + 1 for item in node[: int(part)])  # [a,b,
                node = node[int(part)]
            else:
                return 1, offset + 1
        return 1, offset + 1

    def complete(self) -> Positions:
        """Every position: the canonical text scanned."""
        return json_positions(orjson.dumps(self.data).decode("utf-8")).complete()


def _width(value: Any) -> int:
    """The length in characters of ``value`` as canonical JSON."""
    written = orjson.dumps(value)
    return len(written) if written.isascii() else len(written.decode("utf-8"))


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_KEY, _COLON, _VALUE, _AFTER = range(4)
"""What the scan expects next: a key, the colon after it, a value, or what follows one."""


def _scan(
    text: str, values: dict[str, tuple[int, int]], keys: dict[str, tuple[int, int]]
) -> Iterator[None]:
    """Place the values and keys of ``text`` in ``values`` and ``keys``, yielding after
    each value placed."""
    one_line = "\n" not in text
    starts = [0] if one_line else [0, *(m.end() for m in re.finditer("\n", text))]

    def place(offset: int) -> tuple[int, int]:
        if one_line:
            return 1, offset + 1
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    stack: list[list[Any]] = []  # [is an object, its pointer, the index of its last item]
    pointer = ""  # where the next value goes
    expect = _VALUE
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if expect == _KEY:
            if first == "}":
                stack.pop()
                expect = _AFTER
                continue
            key = json.loads(token) if "\\" in token else token[1:-1]
            if "~" in key or "/" in key:
                key = key.replace("~", "~0").replace("/", "~1")
            pointer = f"{stack[-1][1]}/{key}"
            keys[pointer] = place(match.start())
            expect = _COLON
        elif expect == _COLON:
            expect = _VALUE
        elif expect == _VALUE:
            if first == "]":  # an empty array
                stack.pop()
                expect = _AFTER
                continue
            values[pointer] = place(match.start())
            if first == "{":
                stack.append([True, pointer, 0])
                expect = _KEY
            elif first == "[":
                stack.append([False, pointer, 0])
                pointer = f"{pointer}/0"
            else:
                expect = _AFTER
            yield
        elif first == ",":
            frame = stack[-1]
            if frame[0]:
                expect = _KEY
            else:
                frame[2] += 1
                pointer = f"{frame[1]}/{frame[2]}"
                expect = _VALUE
        else:  # a closing bracket
            stack.pop()


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
    """Indented, UTF-8 (not ASCII-escaped) JSON text ending in a newline; written by
    orjson, the same text as ``json.dumps(data, ensure_ascii=False, indent=2)``, tens of
    times faster (a CASE package of a suite is hundreds of MB)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def dump_json_line(data: Any) -> str:
    """One compact line of JSON (no newline), for JSON Lines; written by orjson, the same
    text as ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``."""
    return orjson.dumps(data).decode("utf-8")
