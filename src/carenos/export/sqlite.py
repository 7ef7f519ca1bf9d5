"""SQLite: the standards as a database a training system opens with ``sqlite3`` alone.

Tables (foreign keys on; docs/pipelines.md shows them):

- ``standards(code, language, title, overview, developed_by, version, date_approved,
  validity, status, category, document)``: one row a standard and language
  (``document`` is its JSON, the dict shape, for what the columns leave out);
- ``groups(id, code, language, kind, position, title)``: elements and knowledge headings;
- ``statements(id, code, language, ref, local_id, kind, group_id, position, text)``:
  criteria, knowledge items, the values' rights and the scope statements, as the CSV
  export has them;
- ``shared(statement_id, entry_id, match, score, category)``: links to the catalogue of
  shared statements (``exact`` or ``near``);
- ``metadata(code, language, field, value)``: every metadata value, one row each (the
  lists' items one a row);
- ``languages``: a view of the languages each standard is held in;
- ``statements_fts``: an FTS5 index of the statements' texts (``SELECT ref FROM
  statements_fts WHERE statements_fts MATCH 'safeguarding'``).

The database is written to a temporary file and moved into place whole.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import IO, Any

from attrs import fields

from ..catalogue import Catalogue, load_catalogue
from ..convert import to_dict
from ..errors import UsageError
from ..io.files import refuse_overwrite
from ..mapping import map_knowledge
from ..metadata import Metadata
from ..model import Standard, Standards, Statement, standards_of
from ._output import ExportOptions
from .csv import statement_rows

__all__ = ["SCHEMA", "fill", "write_sqlite", "write_sqlite_file"]

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE standards (
    code TEXT NOT NULL, language TEXT NOT NULL, title TEXT NOT NULL, overview TEXT NOT NULL,
    developed_by TEXT, version INTEGER, date_approved TEXT, validity TEXT, status TEXT,
    category TEXT, document TEXT NOT NULL,
    PRIMARY KEY (code, language)
);
CREATE TABLE groups (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL, language TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('element', 'heading')), position INTEGER NOT NULL,
    title TEXT,
    FOREIGN KEY (code, language) REFERENCES standards (code, language)
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL, language TEXT NOT NULL, ref TEXT NOT NULL,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('performance_criterion', 'knowledge', 'right', 'scope')),
    group_id INTEGER REFERENCES groups (id), position INTEGER NOT NULL, text TEXT NOT NULL,
    UNIQUE (ref, language),
    FOREIGN KEY (code, language) REFERENCES standards (code, language)
);
CREATE TABLE shared (
    statement_id INTEGER NOT NULL REFERENCES statements (id), entry_id TEXT NOT NULL,
    match TEXT NOT NULL CHECK (match IN ('exact', 'near')), score REAL NOT NULL,
    category TEXT NOT NULL
);
CREATE TABLE metadata (
    code TEXT NOT NULL, language TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    FOREIGN KEY (code, language) REFERENCES standards (code, language)
);
CREATE VIEW languages AS SELECT code, language, title FROM standards;
CREATE INDEX statements_code ON statements (code, language);
CREATE INDEX shared_entry ON shared (entry_id);
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    text, ref UNINDEXED, code UNINDEXED, kind UNINDEXED, content='statements', content_rowid='id'
);
"""
"""The tables, view and full-text index of the database."""


def _metadata_rows(standard: Standard) -> list[tuple[str, str, str, str]]:
    metadata = standard.metadata or Metadata()
    rows = []
    for attribute in fields(Metadata):
        value = getattr(metadata, attribute.name)
        for item in value if isinstance(value, tuple) else () if value is None else (value,):
            rows.append((standard.code, standard.language, attribute.name, str(item)))
    return rows


def fill(connection: sqlite3.Connection, standards: Standards, catalogue: Catalogue) -> int:
    """Create the tables in ``connection`` and fill them; the number of standards."""
    connection.executescript(SCHEMA)
    count = 0
    for standard in standards_of(standards):
        count += 1
        code, language = standard.code, standard.language
        metadata = standard.metadata or Metadata()
        connection.execute(
            "INSERT INTO standards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                code, language, standard.title, standard.overview, metadata.developed_by,
                metadata.version, metadata.date_approved, metadata.validity, metadata.status,
                metadata.category, json.dumps(to_dict(standard), ensure_ascii=False),
            ),
        )  # fmt: skip
        group_ids: dict[str, int] = {}
        groups: list[tuple[str, str | None, tuple[Statement, ...]]]
        groups = [("element", e.title, e.performance_criteria) for e in standard.elements]
        groups += [("heading", k.heading, k.items) for k in standard.knowledge]
        for position, (kind, title, members) in enumerate(groups, start=1):
            cursor = connection.execute(
                "INSERT INTO groups (code, language, kind, position, title) VALUES (?, ?, ?, ?, ?)",
                (code, language, kind, position, title),
            )
            for statement in members:
                group_ids[statement.ref] = int(cursor.lastrowid or 0)
        kmap = map_knowledge([standard], catalogue)
        links = {
            link.ref: (group.entry.id, link.match, link.score, group.entry.category)
            for group in kmap.groups
            if not group.proposed
            for link in group.links
        }
        for position, row in enumerate(statement_rows(standard), start=1):
            kind, ident, ref, _group, text, _subs = row
            cursor = connection.execute(
                "INSERT INTO statements (code, language, ref, local_id, kind, group_id, position,"
                " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (code, language, ref, ident, kind, group_ids.get(ref), position, text),
            )
            if ref in links:
                connection.execute(
                    "INSERT INTO shared VALUES (?, ?, ?, ?, ?)", (cursor.lastrowid, *links[ref])
                )
        connection.executemany("INSERT INTO metadata VALUES (?, ?, ?, ?)", _metadata_rows(standard))
    connection.execute("INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')")
    connection.commit()
    return count


def write_sqlite_file(
    standards: Standards,
    path: str | os.PathLike[str],
    *,
    catalogue: Catalogue | None = None,
    overwrite: bool = False,
) -> int:
    """Write the database to ``path`` (whole, or not at all); the number of standards."""
    target = Path(path)
    refuse_overwrite(target, overwrite=overwrite)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp_name)
        try:
            count = fill(connection, standards, catalogue or load_catalogue())
        finally:
            connection.close()
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count


def write_sqlite(
    standards: Standards, handle: IO[str], options: ExportOptions | None = None
) -> Any:
    """A database is a file, not text: ``carenos export --format sqlite --out FILE.db``
    (or :func:`write_sqlite_file`)."""
    raise UsageError("--format sqlite writes a database file: give --out FILE.db")
