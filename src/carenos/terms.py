"""The term a scope/range statement defines ("Others are ..." -> "Others").

Dependency-free: the importer and the NOS database reader both derive terms with it.
"""

from __future__ import annotations

import re

__all__ = ["term_of"]

_TERM = re.compile(
    r"(?P<term>[A-Z][^:;]*?) (?:could include|may include|could be|takes account of|"
    r"may relate to|are|is) "
)
_NOT_TERMS = frozenset({"note", "where", "when", "if", "all", "this", "these", "it", "there"})


def term_of(text: str) -> str | None:
    """The term a scope sentence defines ("Others are ..." -> "Others"), or None."""
    found = _TERM.match(text)
    if found is None:
        return None
    term = found.group("term")
    words = term.split()
    if len(words) > 12 or words[0].casefold().rstrip(":,") in _NOT_TERMS:
        return None
    return term
