"""Block-style YAML written fast, for files written in bulk (the site's downloads).

Every text is a double-quoted scalar, quoted as JSON quotes it (YAML 1.2 reads JSON's
escapes) with the characters YAML may not hold as they are escaped too; keys, numbers,
booleans and ``null`` are plain. The layout is block style, as a person reads it; it is
not carenos's canonical layout (``carenos fmt`` writes that), but the dict shape of any
standard reads back as it was (text keys, texts of any character but a lone surrogate,
which no UTF-8 file holds, whole numbers, booleans), and it is written about a hundred
times faster than the canonical layout.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

__all__ = ["dump_yaml_bulk"]

_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_RESOLVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "_"})
"""Keys a YAML reader would read as something other than text, were they plain."""
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""What YAML may not hold unescaped (JSON's own escapes cover the C0 controls); U+0085,
U+2028 and U+2029 are line breaks to YAML, and a BOM inside a stream is not content."""


def _quoted(text: str) -> str:
    quoted = orjson.dumps(text).decode("utf-8")
    if _NOT_PRINTABLE.search(quoted) is None:
        return quoted
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def _scalar(value: Any) -> str | None:
    """The scalar ``value`` as YAML, or ``None`` for a list or mapping."""
    if isinstance(value, str):
        return _quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict | list | tuple) and not value:
        return "{}" if isinstance(value, dict) else "[]"
    if isinstance(value, dict | list | tuple):
        return None
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _key(key: object) -> str:
    text = str(key)
    plain = _PLAIN_KEY.fullmatch(text) is not None and text not in _RESOLVED
    return text if plain else _quoted(text)


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            scalar = _scalar(item)
            if scalar is not None:
                out.append(f"{pad}{_key(key)}: {scalar}")
            else:
                out.append(f"{pad}{_key(key)}:")
                _emit(item, indent + 2, out)
        return
    for item in value:
        scalar = _scalar(item)
        if scalar is not None:
            out.append(f"{pad}- {scalar}")
            continue
        start = len(out)
        _emit(item, indent + 2, out)
        out[start] = f"{pad}- {out[start][indent + 2 :]}"


def dump_yaml_bulk(data: dict[str, Any]) -> str:
    """``data`` (plain dicts, lists, texts, numbers) as block-style YAML (see the module)."""
    scalar = _scalar(data)
    if scalar is not None:
        return scalar + "\n"
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"
