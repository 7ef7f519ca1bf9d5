"""The site's search index: every statement's text once, with the refs that hold it.

The index is JavaScript files, not JSON: a page opened from the file system may load a
script but not fetch a file. Texts that standards share word for word are stored once,
so the index grows with the distinct wording of a corpus; it is cut into chunks that the
search page loads as the reader types.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import orjson

from ..model import Standard

__all__ = ["CHUNK", "index_chunks"]

CHUNK = 4000
"""Distinct texts a chunk of the index holds."""


def index_chunks(standards: Iterable[Standard]) -> Iterator[str]:
    """The index's chunks, each the text of a script that hands its entries to the page.

    An entry is ``[text, refs, language]``: the statement text, the refs (``CODE/K12``)
    of every statement with that text, and the language where not English.
    """
    refs: dict[tuple[str, str], list[str]] = {}
    for standard in standards:
        for statement in standard.statements():
            refs.setdefault((statement.text, standard.language), []).append(statement.ref)
    entries = [
        [text, found] if language == "en" else [text, found, language]
        for (text, language), found in refs.items()
    ]
    total = max(1, -(-len(entries) // CHUNK))
    for number in range(total):
        part = entries[number * CHUNK : (number + 1) * CHUNK]
        payload = orjson.dumps(part).decode("utf-8").replace("</", "<\\/")
        yield f"carenosSearch.add({number}, {total}, {payload});\n"
