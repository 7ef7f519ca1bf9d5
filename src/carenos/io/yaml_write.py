"""YAML that people write: block style, UTF-8, no tags; texts that YAML cannot hold as
they are double-quoted with escapes, so that they read back exactly."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from .yaml_scalars import TAG

__all__ = ["dump_yaml", "needs_escapes", "yaml_writer"]


class _Stamp(str):
    """A date or time read in a round trip, as its text was written."""


class _Constructor(RoundTripConstructor):
    """The round trip's reader, which keeps a date or time as the text written: ruamel's
    own builds a date (``2001-13-45``, no day, raised) and writes it back its own way."""


class _Representer(RoundTripRepresenter):
    """The round trip's writer, which writes a date or time back as it was read."""


_Constructor.add_constructor(TAG + "timestamp", lambda _self, node: _Stamp(node.value))
_Representer.add_representer(
    _Stamp, lambda self, data: self.represent_scalar(TAG + "timestamp", str(data))
)


def yaml_writer() -> YAML:
    """The writer of standard files: round-trip, block style, width 88, lists indented;
    dates and times read in are written back as they were written."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def needs_escapes(text: str) -> bool:
    """True if ``text`` holds characters that only survive YAML as double-quoted escapes."""
    return not text.isprintable() and any(
        unicodedata.category(ch) in _UNSAFE_CATEGORIES or ch in "\x85\ufeff"
        for ch in text
        if ch not in " \n"
    )


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _quote_unsafe(data: Any) -> Any:
    if isinstance(data, str):
        if needs_escapes(data):
            return DoubleQuotedScalarString(data)
        if "\n" in data.strip("\n") and "\n " not in data and " \n" not in data:
            return LiteralScalarString(data)  # paragraphs, one a line, as an author writes them
        return data
    if isinstance(data, dict):
        return {_quote_unsafe(key): _quote_unsafe(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_quote_unsafe(value) for value in data]
    return data


def dump_yaml(data: Any) -> str:
    """Block-style YAML of plain data, as a person would write it (UTF-8, no tags).

    Texts with control or line-separator characters are written double-quoted, with
    escapes, so that they read back exactly.
    """
    out = io.StringIO()
    yaml_writer().dump(_quote_unsafe(data), out)
    # The emitter leaves a space before each line break it folds at. In flow scalars
    # (plain or quoted: the only styles written here) such a space is not content.
    return "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))
