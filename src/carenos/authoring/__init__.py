"""The author's tools that write standard files: the canonical layout and the mechanical fixes.

:func:`format_text` lays a file out as carenos writes standards (key order, indentation,
line width), keeping comments, block styles and the author's order where carenos has none;
:func:`fix_text` also mends the mechanical findings (whitespace, invisible characters, id
case, numbering, and drift from the catalogue when asked). Both read and write YAML with
ruamel's round-trip mode, and give the same text when run again on what they wrote.
"""

from __future__ import annotations

from .fixes import Fix, fix_text
from .layout import format_text

__all__ = ["Fix", "fix_text", "format_text"]
