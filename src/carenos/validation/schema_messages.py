"""CN100 findings: what the JSON Schema says of a document the converter refused, in words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import ContentError
from ..io.positions import pointer_join
from ..place import Hit, Locate
from ..rules import field_rule
from ..schema_words import author_hits
from .findings import Finding

__all__ = ["schema_findings"]


def _pointer(problem: Any) -> str:
    pointer = ""
    for part in problem.absolute_path:
        pointer = pointer_join(pointer, part)
    return pointer


def schema_findings(
    data: Any, error: ContentError, source: str, locate: Locate
) -> Iterator[Finding]:
    """Every JSON Schema problem of ``data`` as a finding in the author's words
    (:mod:`carenos.schema_words`): CN100, or the code of a typed field (CN101-CN107).

    Where the schema finds nothing (the converter checks a little more than it can say),
    the converter's own problems are reported.
    """
    hits = author_hits(data)
    for hit in hits:
        typed = field_rule(hit.pointer) if not hit.at_key else None
        code = typed[0] if typed is not None else "CN100"
        yield Finding.of_hit(code, hit, source, locate)
    if not hits:
        for hit in error.problems or (Hit(error.message, ""),):
            yield Finding.of_hit("CN100", hit, source, locate)
