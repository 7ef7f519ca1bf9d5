"""The scalars of standards' YAML: each tag a reader accepts, and how its text is read.

Dates stay as the text the author wrote; ``%YAML 1.1``'s ``yes``/``no``/``on``/``off`` are
booleans. A text that its tag does not fit (``!!int x``) raises ``ValueError``: the
readers report it (or, without a tag, keep the text as written).
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["SCALARS", "TAG", "tag_name"]

TAG = "tag:yaml.org,2002:"
"""The prefix of YAML's own tags."""


def tag_name(tag: str) -> str:
    """``!!int`` for ``tag:yaml.org,2002:int``; any other tag as it is."""
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def _to_int(text: str) -> int:
    digits = text.replace("_", "")
    try:
        return int(digits, 0)
    except ValueError:
        return int(digits, 10)


def _to_float(text: str) -> float:
    lowered = text.lower().replace("_", "")
    if lowered in (".nan", "+.nan", "-.nan"):
        return math.nan
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    return float(lowered)


_TRUE = frozenset({"true", "yes", "on", "y"})
_FALSE = frozenset({"false", "no", "off", "n"})


def _to_bool(text: str) -> bool:
    lowered = text.lower()  # YAML 1.1's yes/no/on/off too, for a ``%YAML 1.1`` document
    if lowered in _TRUE or lowered in _FALSE:
        return lowered in _TRUE
    raise ValueError(f"not a boolean: {text!r}")


def _to_null(text: str) -> None:
    if text.lower() not in ("", "~", "null"):
        raise ValueError(f"not null: {text!r}")


SCALARS: dict[str, Any] = {
    TAG + "str": str,
    TAG + "timestamp": str,  # dates stay as the text the author wrote
    TAG + "null": _to_null,
    TAG + "bool": _to_bool,
    TAG + "int": _to_int,
    TAG + "float": _to_float,
}
"""Each tag a reader accepts on a scalar, and the function that reads its text."""
