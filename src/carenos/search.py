"""Full-text search over statements, in a SQLite export or in standards read from files.

Both go through the same FTS5 index (:mod:`carenos.export.sqlite`): a ``.db`` file is
opened read-only; standards are put in a database in memory first. Each word of the query
must occur (in any order, any case); results are ranked by FTS5's bm25, with the words
found marked ``[...]`` in a snippet.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from attrs import frozen

from .catalogue import Catalogue, load_catalogue
from .errors import ReadError, UsageError
from .model import Standards

__all__ = ["SearchHit", "search"]

_WORD = re.compile(r"\w+", re.UNICODE)


@frozen
class SearchHit:
    """A statement that matched: its ref, standard, kind, text and the marked snippet."""

    ref: str
    code: str
    language: str
    kind: str
    text: str
    snippet: str


def _query(text: str) -> str:
    words = _WORD.findall(text)
    if not words:
        raise UsageError(f"nothing to search for in {text!r}: give words")
    return " ".join(f'"{word}"' for word in words)


def search(
    source: str | os.PathLike[str] | Standards,
    query: str,
    *,
    limit: int = 20,
    catalogue: Catalogue | None = None,
) -> list[SearchHit]:
    """The statements of ``source`` (a ``.db`` written by ``export --format sqlite``, or
    standards) that hold every word of ``query``, best first, at most ``limit``."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise ReadError("no such database file", source=str(path))
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        from .export.sqlite import fill

        connection = sqlite3.connect(":memory:")
        fill(connection, source, catalogue or load_catalogue())
    try:
        rows = connection.execute(
            "SELECT s.ref, s.code, s.language, s.kind, s.text,"
            " snippet(statements_fts, 0, '[', ']', '...', 16)"
            " FROM statements_fts JOIN statements AS s ON s.id = statements_fts.rowid"
            " WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts), s.id LIMIT ?",
            (_query(query), limit),
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        where = os.fspath(source) if isinstance(source, str | os.PathLike) else "<standards>"
        raise ReadError(f"not a carenos database: {exc}", source=where) from None
    finally:
        connection.close()
    return [SearchHit(*row) for row in rows]
