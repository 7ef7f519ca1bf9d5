"""The subjects of ``make bench`` (carenos doing the work) and their baselines (what a user
would otherwise write: orjson, json, msgspec, PyYAML's C loader, fastjsonschema,
csv.writer, sqlite3, difflib, the document readers alone, yamllint).

Every function takes what the run prepared (paths, a loaded corpus, plain dicts) and
returns something derived from all of its work, so that nothing is skipped.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, cast

import orjson

from carenos._pool import all_cores
from carenos.catalogue import load_catalogue
from carenos.corpus import Corpus, load_corpus
from carenos.export import write
from carenos.export.json import write_jsonl
from carenos.mapping import KnowledgeMap, map_knowledge, occurrences
from carenos.mapping.index import clear_caches
from carenos.model import Standard
from carenos.textnorm import normal_form
from carenos.validation import Report, validate_corpus, validate_paths

__all__ = [
    "Sink",
    "csv_rows",
    "exact_grouping",
    "export_case",
    "export_csv",
    "export_jsonl",
    "fastjsonschema_lines",
    "fmt_files",
    "json_lines",
    "load_directory",
    "map_cold",
    "msgspec_lines",
    "orjson_dumps",
    "orjson_lines",
    "pipeline",
    "pyyaml_directory",
    "roundtrip_files",
    "simple_rows",
    "sqlite_bulk",
    "validate_directory",
    "validate_loaded",
    "validate_path",
    "write_csv_rows",
    "write_sqlite",
]


class Sink(io.TextIOBase):
    """A text stream that counts what is written and keeps none of it.

    Exports stream: keeping 100 MB of output in memory would time the memory, not them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def write(self, text: str) -> int:
        """Count ``text``."""
        self.chars += len(text)
        return len(text)


# --- reading -----------------------------------------------------------------------------


def json_lines(path: Path) -> list[Any]:
    """Baseline: ``json.loads`` of every line."""
    with path.open("rb") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def orjson_lines(path: Path) -> list[Any]:
    """Baseline: ``orjson.loads`` of every line."""
    with path.open("rb") as handle:
        return [orjson.loads(line) for line in handle if line.strip()]


def msgspec_lines(path: Path) -> list[Any]:
    """Baseline: msgspec's JSON decoder on every line (to plain objects)."""
    import msgspec

    decoder = msgspec.json.Decoder()
    with path.open("rb") as handle:
        return [decoder.decode(line) for line in handle if line.strip()]


def load_directory(directory: Path, jobs: int) -> Corpus:
    """Subject: ``load_corpus`` of a directory of YAML files in ``jobs`` processes."""
    return load_corpus(directory, jobs=jobs)


def pyyaml_directory(directory: Path) -> list[Any]:
    """Baseline: PyYAML's C loader (libyaml) on every file of ``directory``."""
    import yaml

    loader = yaml.CSafeLoader
    return [
        yaml.load(file.read_bytes(), Loader=loader) for file in sorted(directory.glob("*.yaml"))
    ]


# --- validating -----------------------------------------------------------------------------


def validate_loaded(path: Path, jobs: int = 1) -> Report:
    """Subject: load (the converter is exactly as strict as the schema) and run every rule,
    with empty text caches, as a process that validates the corpus once (the rules in
    ``jobs`` processes)."""
    clear_caches()
    return validate_corpus(load_corpus(path), catalogue=load_catalogue(), jobs=jobs)


def validate_path(path: Path, jobs: int = 1) -> Report:
    """Subject: ``carenos.validate(path)``, the path API (and the CLI's), which places
    each finding at its line and column (the checks in ``jobs`` processes)."""
    clear_caches()
    return validate_paths([path], jobs=jobs)


def validate_directory(directory: Path, jobs: int) -> Report:
    """Subject: ``carenos validate DIR --jobs N``'s work: the path API on a directory of
    YAML files, checked in ``jobs`` processes, with empty text caches."""
    clear_caches()
    return validate_paths([directory], jobs=jobs)


def fastjsonschema_lines(path: Path) -> int:
    """Baseline: ``json.loads`` and a compiled fastjsonschema validator of the standard's
    JSON Schema on every line (the schema alone, no rules)."""
    import fastjsonschema

    from carenos.schema import schema

    check = fastjsonschema.compile(copy.deepcopy(schema("standard")))  # it rewrites its $refs
    count = 0
    for data in json_lines(path):
        check(data)
        count += 1
    return count


# --- mapping --------------------------------------------------------------------------------


def map_cold(corpus: Corpus) -> KnowledgeMap:
    """Subject: map the corpus with empty text caches, as in a process that maps it once
    (on every core, as the command does)."""
    clear_caches()
    return map_knowledge(corpus, jobs=all_cores())


def exact_grouping(corpus: Corpus) -> dict[tuple[str, str], list[str]]:
    """Baseline of mapping: group the shareable statements by their exact normal form."""
    clear_caches()
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for standard in corpus:
        for unit in occurrences(standard):
            groups[(unit.kind, normal_form(unit.text))].append(unit.ref)
    return groups


# --- writing --------------------------------------------------------------------------------


def export_jsonl(corpus: Corpus) -> int:
    """Subject: the JSON Lines export of a loaded corpus, streamed."""
    out = Sink()
    write_jsonl(corpus, cast(IO[str], out))
    return out.chars


def orjson_dumps(dicts: list[Any]) -> int:
    """Baseline: ``orjson.dumps`` of the plain dicts, a line each."""
    out = Sink()
    for data in dicts:
        out.write(orjson.dumps(data).decode("utf-8"))
        out.write("\n")
    return out.chars


def export_csv(corpus: Corpus, jobs: int | None = None) -> int:
    """Subject: the CSV export (a row a statement, linked to the shared catalogue) of the
    loaded corpus, written on every core (``jobs``: by default all)."""
    out = Sink()
    cores = all_cores() if jobs is None else jobs
    write("csv", corpus, cast(IO[str], out), catalogue=load_catalogue(), jobs=cores)
    return out.chars


def csv_rows(corpus: Iterable[Standard]) -> list[tuple[str, ...]]:
    """The rows of the CSV export, header first, each statement's link to the catalogue
    worked out beforehand: the baseline writes the same text as the export, and times the
    writing only."""
    from carenos.export.csv import HEADER
    from carenos.export.csv import csv_rows as standard_rows
    from carenos.mapping.linking import Linker

    linker = Linker(load_catalogue())
    rows: list[tuple[str, ...]] = [HEADER]
    for standard in corpus:
        rows.extend(standard_rows(standard, linker.links(standard)))
    return rows


def simple_rows(corpus: Iterable[Standard]) -> list[list[str]]:
    """The rows of a smaller hand-written CSV export: seven columns of the criteria and
    knowledge items only (the first baseline of the CSV figure, shown beside it)."""
    rows = []
    for standard in corpus:
        for element in standard.elements:
            for pc in element.performance_criteria:
                rows.append(
                    [
                        standard.code,
                        standard.title,
                        "pc",
                        pc.id,
                        pc.ref,
                        element.title or "",
                        pc.text,
                    ]
                )
        for section in standard.knowledge:
            for item in section.items:
                rows.append(
                    [
                        standard.code,
                        standard.title,
                        "k",
                        item.id,
                        item.ref,
                        section.heading or "",
                        item.text,
                    ]
                )
    return rows


def write_csv_rows(rows: Sequence[Sequence[str | None]]) -> int:
    """Baseline: ``csv.writer`` of the rows (the export's dialect: CRLF line ends)."""
    out = Sink()
    writer = csv.writer(cast(IO[str], out), lineterminator="\r\n")
    writer.writerows(rows)
    return out.chars


def export_case(corpus: Corpus, jobs: int | None = None) -> int:
    """Subject: the CASE 1.1 package of the corpus, built on every core (as ``carenos
    export`` builds it) or in ``jobs`` processes."""
    out = Sink()
    jobs = all_cores() if jobs is None else jobs
    write("case", corpus, cast(IO[str], out), catalogue=load_catalogue(), jobs=jobs)
    return out.chars


def write_sqlite(corpus: Corpus, path: Path) -> int:
    """Subject: ``export --format sqlite`` (standards, groups, statements, shared links,
    metadata, the FTS5 index), replacing ``path``."""
    from carenos.export.sqlite import write_sqlite_file

    return write_sqlite_file(corpus, path, catalogue=load_catalogue(), overwrite=True)


def fmt_files(directory: Path) -> int:
    """Subject: ``carenos fmt``'s layout of every YAML file of ``directory`` (not written)."""
    from carenos.authoring import format_text

    return sum(
        len(format_text(file.read_text(encoding="utf-8"), str(file)))
        for file in sorted(directory.glob("*.yaml"))
    )


def roundtrip_files(directory: Path) -> int:
    """Baseline of fmt: ruamel.yaml's round-trip load and dump of every file (what keeps
    comments, which fmt must)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    total = 0
    for file in sorted(directory.glob("*.yaml")):
        out = io.StringIO()
        yaml.dump(yaml.load(file.read_text(encoding="utf-8")), out)
        total += len(out.getvalue())
    return total


def sqlite_bulk(rows: list[list[str]], path: Path) -> int:
    """Baseline of the SQLite export: ``sqlite3`` bulk insert of the statements' rows into
    one table with an FTS5 index of their texts, in one transaction."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE s (code, title, kind, id, ref, grp, text)")
        connection.execute("CREATE VIRTUAL TABLE f USING fts5 (text, content='s')")
        connection.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("INSERT INTO f (rowid, text) SELECT rowid, text FROM s")
    connection.close()
    return len(rows)


# --- the whole pipeline ---------------------------------------------------------------------


def pipeline(path: Path) -> int:
    """Subject: load, validate (on every core), map, then export JSON Lines and CSV: a
    pipeline's whole run."""
    clear_caches()
    corpus = load_corpus(path)
    report = validate_corpus(corpus, catalogue=load_catalogue(), jobs=all_cores())
    kmap = map_knowledge(corpus, jobs=all_cores())
    return len(report.findings) + len(kmap.groups) + export_jsonl(corpus) + export_csv(corpus)


# --- views -----------------------------------------------------------------------------------


def site(path: Path, out: Path) -> int:
    """Subject: ``carenos site``'s work: load the corpus and build its static site (on
    every core, as the command does)."""
    from carenos.views import SiteOptions, build_site

    clear_caches()
    options = SiteOptions(jobs=all_cores())
    return build_site(load_corpus(path), out, options=options, overwrite=True).index_bytes


def load_and_export_jsonl(path: Path) -> int:
    """Baseline of the site: ``carenos export --format jsonl``'s work (load, then write)."""
    clear_caches()
    return export_jsonl(load_corpus(path))
