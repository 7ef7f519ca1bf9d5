"""``make bench``: every figure of issue 20, each against a baseline measured in the same run.

``python -m benchmarks.run [--n N] [--repeats K] [--json] [--no-growth]`` makes the
synthetic corpus (:mod:`benchmarks.make_corpus`, shaped like the UK database) and times
each subject against its baseline interleaved, best of ``K``; memory is the peak RSS of a
process of its own (:mod:`benchmarks.timing`). Then mapping quality against the planted
rewordings, and a growth table (time and memory per standard from 1,000 standards to N).
``--n 21000`` is the scale of the whole UK database (documented in docs/performance.md;
not run in CI: it takes about half an hour on two cores).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from carenos._pool import all_cores
from carenos.corpus import Corpus, load_corpus
from carenos.mapping import KnowledgeMap

from . import documents, quality, subjects
from .make_corpus import code_of, planted, write_corpus
from .revise import line_diff, revise, revised_diff
from .timing import Figure, best_of, peak_rss_mb, process_seconds

__all__ = ["GROWTH", "main", "run", "table"]

UK = 21_000
"""The scale of the whole UK NOS database: the absolute targets are set for it."""
GROWTH = (1_000, 2_000, 5_000, 10_000, 21_000)
"""The sizes of the growth table (those up to N)."""

SITE_RATIO = 10.0
"""``carenos site`` at most this many times ``load + export JSONL`` (issue 21)."""
INDEX_KB = 10.0
"""The search index's size a standard, at most (documented in docs/views.md)."""

_LOAD = "from carenos.corpus import load_corpus\ncorpus = load_corpus(sys.argv[1])"
_IDLE = "import carenos.corpus, carenos.convert, orjson"


def _jsonl_prefix(source: Path, n: int, target: Path) -> Path:
    """The first ``n`` standards of ``source`` (a corpus is the prefix of a larger one)."""
    with source.open("rb") as handle, target.open("wb") as out:
        for _, line in zip(range(n), handle, strict=False):
            out.write(line)
    return target


def _yaml_subset(source: Path, count: int, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        name = f"{code_of(index)}.yaml"
        shutil.copyfile(source / name, target / name)
    return target


def measure(
    root: Path, jsonl: Path, yaml_dir: Path, n: int, repeats: int
) -> tuple[list[Figure], Corpus, KnowledgeMap, dict[str, float]]:
    """Every figure at one N; the loaded corpus, its map; the subjects' times per standard."""

    def timed(subject: Callable[[], object], baseline: Callable[[], object]) -> tuple[float, float]:
        return best_of(subject, baseline, repeats)

    figures: list[Figure] = []
    # the YAML directory's figures first, in a process that holds nothing yet, as one that
    # reads a directory does: forking workers from a process that holds a corpus of 21,000
    # standards costs 50 ms more, a tenth of reading 200 files
    files = len(list(yaml_dir.glob("*.yaml")))
    cores = all_cores()
    s, b = timed(
        lambda: load_corpus(yaml_dir, jobs=cores), lambda: subjects.pyyaml_directory(yaml_dir)
    )
    yaml_figure = Figure(
        f"load YAML directory ({files} files)",
        "load_corpus (dir, every core)",
        "PyYAML CSafeLoader each file",
        s,
        b,
        "ratio",
        1.0,
    )
    jobs_figures = _jobs_figures(yaml_dir, files, repeats)
    corpus = load_corpus(jsonl)

    s, b = timed(lambda: load_corpus(jsonl), lambda: subjects.orjson_lines(jsonl))
    also = {
        "json": best_of(lambda: subjects.json_lines(jsonl), lambda: None, 1)[0],
        "msgspec": best_of(lambda: subjects.msgspec_lines(jsonl), lambda: None, 1)[0],
    }
    figures.append(
        Figure(
            "load JSONL -> typed", "load_corpus", "orjson each line", s, b, "ratio", 1.3, also=also
        )
    )
    idle, _ = peak_rss_mb("", _IDLE)
    rss, _ = peak_rss_mb(_LOAD, args=(str(jsonl),))
    figures.append(
        Figure(
            "load JSONL: peak RSS (MB)",
            "load_corpus in a process",
            "an idle process",
            rss,
            idle,
            "megabytes",
            400.0,
            at=UK,
            n=n,
            floor=idle,
        )
    )
    figures.append(yaml_figure)
    s, b = timed(lambda: subjects.validate_loaded(jsonl, cores), lambda: subjects.json_lines(jsonl))
    also = {
        "json + fastjsonschema": best_of(
            lambda: subjects.fastjsonschema_lines(jsonl), lambda: None, 1
        )[0]
    }
    figures.append(
        Figure(
            "validate corpus",
            "load_corpus + validate_corpus (every core)",
            "json.loads each line",
            s,
            b,
            "ratio",
            2.5,
            also=also,
        )
    )
    s, b = timed(lambda: subjects.validate_path(jsonl), lambda: subjects.validate_loaded(jsonl))
    figures.append(
        Figure(
            "validate corpus.jsonl (path API)",
            "carenos.validate(path)",
            "the in-memory path",
            s,
            b,
            "ratio",
            1.1,
        )
    )
    kmaps = []
    s, b = timed(
        lambda: kmaps.append(subjects.map_cold(corpus)), lambda: subjects.exact_grouping(corpus)
    )
    figures.append(
        Figure(
            "map (exact + near)", "map_knowledge", "exact normal-form grouping", s, b, "ratio", 10.0
        )
    )
    # the baselines' plain dicts (a GB at 21,000) exist only while the exports are timed: a
    # process that held them would slow the figures before (forked workers inherit them)
    dicts = subjects.orjson_lines(jsonl)
    s, b = timed(lambda: subjects.export_jsonl(corpus), lambda: subjects.orjson_dumps(dicts))
    figures.append(Figure("export JSONL", "write_jsonl", "orjson.dumps each", s, b, "ratio", 3.0))
    rows = subjects.csv_rows(corpus)
    s, b = timed(lambda: subjects.export_csv(corpus), lambda: subjects.write_csv_rows(rows))
    rows = []  # not held through the figures after
    simple = subjects.simple_rows(corpus)  # also the SQLite baseline's rows
    writes = functools.partial(subjects.write_csv_rows, simple)
    also = {"csv.writer: 7 columns, P and K": best_of(writes, lambda: None, 1)[0]}
    figures.append(
        Figure(
            "export CSV",
            "export csv (every core)",
            "csv.writer of the same rows (one process)",
            s,
            b,
            "ratio",
            1.5,
            also=also,
        )
    )
    s, b = timed(lambda: subjects.export_case(corpus), lambda: subjects.orjson_dumps(dicts))
    figures.append(
        Figure(
            "export CASE (s)",
            "export case",
            "orjson.dumps each (shown)",
            s,
            b,
            "seconds",
            30.0,
            at=UK,
            n=n,
        )
    )
    dicts.clear()
    # in one process: the memory of forked workers would not be counted in the figure
    work = f"{_LOAD}\nfrom benchmarks.subjects import export_case\nexport_case(corpus, 1)"
    case_rss, _ = peak_rss_mb(work, args=(str(jsonl),))
    figures.append(
        Figure(
            "export CASE: peak RSS (MB)",
            "load + export case in one process",
            "an idle process",
            case_rss,
            idle,
            "megabytes",
            1024.0,
            at=UK,
            n=n,
            floor=idle,
        )
    )
    db = root / "bench.db"
    bulk = functools.partial(subjects.sqlite_bulk, simple, db)
    s, b = timed(lambda: subjects.write_sqlite(corpus, db), bulk)
    figures.append(
        Figure(
            "export SQLite", "write_sqlite_file", "sqlite3 bulk insert + FTS5", s, b, "ratio", 3.0
        )
    )
    old, new = list(corpus), revise(corpus)
    s, b = timed(lambda: revised_diff(old, new), lambda: line_diff(old, new))
    figures.append(
        Figure(
            "diff two corpora",
            "carenos.revisions.diff_corpora",
            "difflib line diff of the statements",
            s,
            b,
            "ratio",
            25.0,
        )
    )
    small = _yaml_subset(yaml_dir, min(files, 100), root / "fmt")
    s, b = timed(lambda: subjects.fmt_files(small), lambda: subjects.roundtrip_files(small))
    figures.append(
        Figure(
            "fmt (100 YAML files)",
            "carenos fmt's format_text",
            "ruamel.yaml round-trip load + dump",
            s,
            b,
            "ratio",
            1.5,
        )
    )
    figures += jobs_figures
    made = documents.make_documents(root / "documents")
    for kind, path in made.items():
        s, b = timed(
            functools.partial(documents.imported, path),
            functools.partial(documents.read_alone, kind, path),
        )
        reader = {
            "txt": "read the text",
            "html": "lxml text_content",
            "docx": "python-docx paragraphs",
            "pdf": "pypdf extract_text",
        }[kind]
        figures.append(Figure(f"import .{kind}", "import_file", reader, s, b, "ratio", 3.0))
    built = root / "site"
    index_bytes: list[int] = []
    s, b = timed(
        lambda: index_bytes.append(subjects.site(jsonl, built)),
        lambda: subjects.load_and_export_jsonl(jsonl),
    )
    figures.append(Figure("site", "carenos site", "load + export JSONL", s, b, "ratio", SITE_RATIO))
    per_kb = index_bytes[-1] / 1024 / n
    jsonl_kb = jsonl.stat().st_size / 1024 / n
    figures.append(
        Figure(
            "site: search index (KB a standard)",
            "search/index-*.js",
            "the corpus as JSON Lines (shown)",
            per_kb,
            jsonl_kb,
            "kilobytes",
            INDEX_KB,
        )
    )
    s, b = timed(lambda: subjects.pipeline(jsonl), lambda: subjects.orjson_lines(jsonl))
    figures.append(
        Figure(
            "whole pipeline (s)",
            "load + validate + map + export JSONL and CSV",
            "orjson each line (shown)",
            s,
            b,
            "seconds",
            30.0,
            at=UK,
            n=n,
        )
    )
    per_standard = {
        "load": figures[0].subject_value / n,
        "validate": figures[3].subject_value / n,
        "map": figures[5].subject_value / n,
        "export JSONL": figures[6].subject_value / n,
    }
    return figures, corpus, kmaps[-1], per_standard


JOBS = 2
"""The workers of the ``--jobs`` figures (the machine of docs/performance.md has two cores)."""


def _jobs_figures(yaml_dir: Path, files: int, repeats: int) -> list[Figure]:
    """Validating and loading the YAML directory with ``--jobs 2`` against ``--jobs 1``."""
    figures = []
    for verb, subject in (
        ("validate", subjects.validate_directory),
        ("load", subjects.load_directory),
    ):
        s, b = best_of(
            functools.partial(subject, yaml_dir, JOBS),
            functools.partial(subject, yaml_dir, 1),
            repeats,
        )
        figures.append(
            Figure(
                f"{verb} YAML directory --jobs {JOBS} ({files} files)",
                f"{verb} --jobs {JOBS}",
                f"{verb} --jobs 1",
                s,
                b,
                "speedup",
                1.5,
            )
        )
    return figures


def _cli_figure(one_yaml: Path, repeats: int) -> Figure:
    import compileall

    import carenos as package

    # as an installed wheel runs: from bytecode (PYTHONDONTWRITEBYTECODE would recompile
    # carenos's modules at every start, about 60 ms here)
    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    carenos = [str(Path(sys.executable).with_name("carenos"))]
    yamllint = [str(Path(sys.executable).with_name("yamllint")), "-d", "relaxed"]
    best_s = best_b = float("inf")
    for _ in range(repeats):  # interleaved, best of each
        best_s = min(best_s, process_seconds([*carenos, "validate", str(one_yaml)], 1))
        best_b = min(best_b, process_seconds([*yamllint, str(one_yaml)], 1))
    return Figure(
        "carenos validate one.yaml (s)",
        "carenos validate one.yaml",
        "yamllint one.yaml (shown)",
        best_s,
        best_b,
        "seconds",
        0.12,
    )


def _once(work: Callable[[], object]) -> float:
    """Seconds of one run of ``work``."""
    return best_of(work, _nothing, 1)[0]


def _nothing() -> None:
    """No baseline: the growth table times the subjects alone."""


def _per_standard(path: Path) -> dict[str, float]:
    """Seconds per standard of loading, validating, mapping and exporting ``path``."""
    size = sum(1 for _ in path.open("rb"))
    corpus = load_corpus(path)
    return {
        "load": _once(lambda: load_corpus(path)) / size,
        "validate": _once(lambda: subjects.validate_loaded(path)) / size,
        "map": _once(lambda: subjects.map_cold(corpus)) / size,
        "export JSONL": _once(lambda: subjects.export_jsonl(corpus)) / size,
    }


def _growth(jsonl: Path, root: Path, n: int, main: dict[str, float]) -> dict[str, Any]:
    """Time (one run) and peak RSS per standard at each size of :data:`GROWTH` up to N."""
    rows: dict[str, Any] = {}
    for size in [s for s in GROWTH if s < n]:
        path = _jsonl_prefix(jsonl, size, root / f"growth-{size}.jsonl")
        rss, _ = peak_rss_mb(_LOAD, args=(str(path),))
        rows[str(size)] = {
            "us_per_standard": {k: round(v * 1e6, 1) for k, v in _per_standard(path).items()},
            "load_rss_mb": round(rss, 1),
        }
    rss, _ = peak_rss_mb(_LOAD, args=(str(jsonl),))
    rows[str(n)] = {
        "us_per_standard": {k: round(v * 1e6, 1) for k, v in main.items()},
        "load_rss_mb": round(rss, 1),
    }
    return rows


def run(
    n: int = 2000,
    *,
    repeats: int = 3,
    yaml_files: int = 200,
    growth: bool = True,
    cli_repeats: int = 10,
    workdir: Path | None = None,
) -> dict[str, Any]:
    """Run the benchmarks; the result is what ``--json`` prints."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        root = Path(tmp)
        jsonl = write_corpus(
            n, root / "corpus.jsonl", yaml_dir=root / "yaml", yaml_count=min(n, yaml_files)
        )
        figures, corpus, kmap, per_standard = measure(root, jsonl, root / "yaml", n, repeats)
        one = next(iter(sorted((root / "yaml").glob("*.yaml"))))
        figures.append(_cli_figure(one, cli_repeats))
        truth = planted(n)
        measured = quality.quality(corpus, kmap, truth)
        result: dict[str, Any] = {
            "n": n,
            "repeats": repeats,
            "machine": machine(),
            "figures": {f.name: f.to_dict() for f in figures},
            "quality": {
                "precision": round(measured.precision, 4),
                "recall": round(measured.recall, 4),
                "strict_precision": round(measured.strict_precision, 4),
                "strict_recall": round(measured.strict_recall, 4),
                "targets": {"precision": quality.PRECISION_TARGET, "recall": quality.RECALL_TARGET},
                "met": measured.met(),
            },
        }
        if growth:
            result["growth"] = _growth(jsonl, root, n, per_standard)
    return result


def machine() -> dict[str, Any]:
    """Where the figures come from: cores, CPU model and Python version."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:  # pragma: no cover - not Linux
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "python": sys.version.split()[0]}


def _target(f: dict[str, Any]) -> str:
    if f["kind"] == "speedup":
        return f">= {f['scaled_target']:.1f}x"
    if f["kind"] == "seconds":
        return f"<= {f['scaled_target']:.2f} s"
    if f["kind"] == "megabytes":
        return f"<= {f['scaled_target']:.0f} MB"
    if f["kind"] == "kilobytes":
        return f"<= {f['scaled_target']:.1f} KB"
    return f"<= {f['target']:.1f}x"


def table(result: dict[str, Any]) -> str:
    """The result as plain-text tables."""
    lines = [
        f"N = {result['n']:,} standards, best of {result['repeats']} (interleaved); "
        f"{result['machine']['nproc']} cores, {result['machine']['cpu']}, "
        f"Python {result['machine']['python']}",
        "absolute targets (s, MB) are the issue's for 21,000 standards, scaled to N",
        "",
        f"{'figure':<36} {'subject':>9} {'baseline':>9} {'ratio':>7} {'target':>12} {'met':>4}",
    ]
    for name, f in result["figures"].items():
        lines.append(
            f"{name:<36} {f['subject_value']:>9.3f} {f['baseline_value']:>9.3f} "
            f"{f['ratio']:>7.2f} {_target(f):>12} {'yes' if f['met'] else 'NO':>4}"
        )
        for other, seconds in f["also"].items():
            lines.append(
                f"{'  (also: ' + other + ')':<36} {'':>9} {seconds:>9.3f} "
                f"{f['subject_value'] / seconds:>7.2f}"
            )
    q = result["quality"]
    lines += [
        "",
        f"mapping quality against the planted rewordings: precision {q['precision']:.4f} "
        f"(>= {q['targets']['precision']}), recall {q['recall']:.4f} "
        f"(>= {q['targets']['recall']}): {'met' if q['met'] else 'NOT met'}",
        f"  strict (a proposed group headed by a rewording counts against): precision "
        f"{q['strict_precision']:.4f}, recall {q['strict_recall']:.4f}",
    ]
    if "growth" in result:
        names = list(next(iter(result["growth"].values()))["us_per_standard"])
        lines += [
            "",
            "growth: us per standard, and the peak RSS of loading (MB; KB per standard)",
            f"{'N':>7} " + " ".join(f"{name:>13}" for name in names) + f" {'load RSS':>16}",
        ]
        for size, row in result["growth"].items():
            cells = " ".join(f"{row['us_per_standard'][name]:>13.1f}" for name in names)
            per = row["load_rss_mb"] * 1024 / int(size)
            lines.append(f"{int(size):>7,} {cells} {row['load_rss_mb']:>8.1f} {per:>6.1f} KB")
    return "\n".join(lines)


def _import_everything() -> None:
    """Import every module a figure uses now, so that a long run measures the code as it
    was when it started, whatever changes on disk meanwhile."""
    import carenos.authoring
    import carenos.export.case
    import carenos.export.csv
    import carenos.export.sqlite
    import carenos.importer
    import carenos.io.published
    import carenos.revisions  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description="carenos benchmarks")
    parser.add_argument("--n", type=int, default=2000, help="standards in the corpus")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--yaml-files", type=int, default=200, help="YAML files to load")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth table")
    parser.add_argument("--workdir", type=Path, help="where the temporary corpus is made")
    args = parser.parse_args(argv)
    _import_everything()
    result = run(
        args.n,
        repeats=args.repeats,
        yaml_files=args.yaml_files,
        growth=not args.no_growth,
        workdir=args.workdir,
    )
    print(json.dumps(result, indent=2) if args.json else table(result))


if __name__ == "__main__":
    main()
