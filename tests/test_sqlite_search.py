"""``export --format sqlite`` and ``carenos search``: a database a training system opens with
sqlite3 alone, and full-text search over statements, in a database or in files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import carenos
from carenos.errors import CarenosError
from carenos.search import search

from .support.cli import Cli
from .support.paths import ROOT

STANDARDS = ROOT / "data" / "standards"


@pytest.fixture
def database(cli: Cli, tmp_path: Path) -> Path:
    out = tmp_path / "nos.db"
    result = cli("export", STANDARDS, "--format", "sqlite", "--out", out)
    assert result.exit_code == 0, result.output
    assert "2 standards written to" in result.output
    return out


def test_the_database_holds_the_standards(database: Path) -> None:
    corpus = carenos.load_corpus(STANDARDS)
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT code, language FROM languages").fetchall() == [
            ("SCDHSC0393", "en"),
            ("SCDHSC0429", "en"),
        ]
        kinds = dict(db.execute("SELECT kind, count(*) FROM statements GROUP BY kind"))
        assert kinds["performance_criterion"] == sum(len(s.criteria) for s in corpus)
        assert kinds["knowledge"] == sum(len(s.knowledge_items) for s in corpus)
        text = db.execute("SELECT text FROM statements WHERE ref = 'SCDHSC0393/K12'").fetchone()
        assert text == (corpus["SCDHSC0393/K12"].text,)
        heading = db.execute(
            "SELECT g.title FROM statements s JOIN groups g ON g.id = s.group_id"
            " WHERE s.ref = 'SCDHSC0393/K12'"
        ).fetchone()
        assert heading == ("Your practice",)
        shared = db.execute(
            "SELECT s.ref FROM shared JOIN statements s ON s.id = shared.statement_id"
            " WHERE entry_id = 'practice.legislation-and-guidance' AND match = 'exact'"
            " ORDER BY s.ref"
        ).fetchall()
        assert shared == [("SCDHSC0393/K6",), ("SCDHSC0429/K7",)]
        suites = db.execute("SELECT DISTINCT value FROM metadata WHERE field = 'suites'").fetchall()
        assert suites == [("Health and Social Care",)]
        document = db.execute("SELECT document FROM standards WHERE code = 'SCDHSC0429'")
        assert carenos.from_dict(json.loads(document.fetchone()[0])) == corpus["SCDHSC0429"]


def test_full_text_queries_find_the_right_refs(database: Path) -> None:
    with sqlite3.connect(database) as db:
        refs = db.execute(
            "SELECT ref FROM statements_fts WHERE statements_fts MATCH 'raise AND concerns'"
            " ORDER BY ref"
        ).fetchall()
    # both safeguarding items: "the responsibility that everyone has to raise concerns ..."
    assert refs == [("SCDHSC0393/K28",), ("SCDHSC0429/K33",)]


def test_search_in_a_database_and_in_files(cli: Cli, database: Path) -> None:
    in_db = cli("search", "raise concerns", "--db", database)
    in_files = cli("search", "raise concerns", STANDARDS)
    assert in_db.exit_code == in_files.exit_code == 0
    assert in_db.stdout == in_files.stdout
    assert in_db.stdout.splitlines()[0].startswith(
        "SCDHSC0393/K28  knowledge  the responsibility that everyone has to [raise] [concerns]"
    )
    found = json.loads(cli("search", "concerns raise", STANDARDS, "--format", "json").stdout)
    assert {hit["ref"] for hit in found} == {"SCDHSC0393/K28", "SCDHSC0429/K33"}
    assert [h.ref for h in search(carenos.load_corpus(STANDARDS), "PRIVACY")][:1] == [
        "SCDHSC0393/rights/4"
    ]


def test_search_and_sqlite_refuse_what_they_cannot_do(cli: Cli, tmp_path: Path) -> None:
    assert cli("search", "x").exit_code == 2  # neither paths nor --db
    assert cli("search", "!!!", STANDARDS).exit_code == 2  # no words
    not_db = tmp_path / "not.db"
    not_db.write_text("hello", encoding="utf-8")
    result = cli("search", "care", "--db", not_db)
    assert result.exit_code == 1
    assert "not a carenos database" in result.output
    assert cli("export", STANDARDS, "--format", "sqlite").exit_code == 2
    with pytest.raises(CarenosError, match="no such database file"):
        search(tmp_path / "missing.db", "care")
