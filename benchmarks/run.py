"""Benchmarks of the bulk path, each against a baseline measured in the same run.

``python -m benchmarks.run [--n N] [--json] [--no-scaling]`` (``make bench``): makes a
synthetic corpus (:mod:`benchmarks.make_corpus`) and, for each figure, times the
subject and its baseline interleaved (subject, baseline, subject, baseline ...) on
the same data, keeping the best of ``repeats`` of each. Then the peak memory of a
loaded corpus (tracemalloc) and how the time per standard grows with N.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, cast

from carenos.catalogue import load_catalogue
from carenos.corpus import Corpus, load_corpus
from carenos.export.json import write_jsonl
from carenos.mapping import KnowledgeMap, map_knowledge, occurrences
from carenos.mapping.index import clear_caches
from carenos.textnorm import normal_form
from carenos.validation import Report, validate_corpus

from .make_corpus import write_corpus
from .revise import line_diff, revise, revised_diff

__all__ = ["Figure", "main", "run"]


@dataclass
class Figure:
    """One measured figure: the subject's and the baseline's best times and their ratio.

    ``kind`` says how the target reads: ``ratio`` (subject/baseline at most ``target``),
    ``speedup`` (baseline/subject at least ``target``) or ``above`` (subject minus
    baseline at most ``target`` seconds).
    """

    name: str
    subject: str
    baseline: str
    subject_s: float
    baseline_s: float
    kind: str
    target: float

    @property
    def ratio(self) -> float:
        """Subject time over baseline time."""
        return self.subject_s / self.baseline_s

    @property
    def value(self) -> float:
        """The figure that the target is about (ratio, speedup or seconds above)."""
        if self.kind == "speedup":
            return self.baseline_s / self.subject_s
        if self.kind == "above":
            return self.subject_s - self.baseline_s
        return self.ratio

    @property
    def met(self) -> bool:
        """Whether the target is met."""
        return self.value >= self.target if self.kind == "speedup" else self.value <= self.target

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: times, ratio, value, target and whether it is met."""
        data = asdict(self)
        data.update(ratio=round(self.ratio, 3), value=round(self.value, 3), met=self.met)
        return data


def best_of(
    subject: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Best times of ``subject`` and ``baseline``, run alternately ``repeats`` times each."""
    best_s = best_b = float("inf")
    for _ in range(repeats):
        for fn, is_subject in ((subject, True), (baseline, False)):
            gc.collect()
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            if is_subject:
                best_s = min(best_s, elapsed)
            else:
                best_b = min(best_b, elapsed)
    return best_s, best_b


# --- the subjects and baselines ---------------------------------------------------------


def json_lines(path: Path) -> list[Any]:
    """Baseline: ``json.loads`` of every line."""
    with path.open("rb") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def validate_loaded(path: Path) -> Report:
    """Subject: load (the converter is exactly as strict as the schema) and run every rule.

    The text caches start empty, as in a process that validates the corpus once.
    """
    clear_caches()
    return validate_corpus(load_corpus(path), catalogue=load_catalogue())


def map_cold(corpus: Corpus) -> KnowledgeMap:
    """Subject: map the corpus with empty text caches, as in a process that maps it once."""
    clear_caches()
    return map_knowledge(corpus)


def exact_grouping(corpus: Corpus) -> dict[tuple[str, str], list[str]]:
    """Baseline of mapping: group the shareable statements by their exact normal form."""
    clear_caches()
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for standard in corpus:
        for unit in occurrences(standard):
            groups[(unit.kind, normal_form(unit.text))].append(unit.ref)
    return groups


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


def export_jsonl(corpus: Corpus) -> int:
    """Subject: the JSON Lines export of a loaded corpus, streamed."""
    out = Sink()
    write_jsonl(corpus, cast(IO[str], out))
    return out.chars


def dumps_plain(dicts: list[Any]) -> int:
    """Baseline: ``json.dumps`` (as the exporter calls it) of the plain dicts, a line each."""
    out = Sink()
    for data in dicts:
        out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
    return out.chars


def roundtrip_yaml(directory: Path) -> list[Any]:
    """Baseline: ruamel.yaml's pure-Python round-trip load of every file of ``directory``."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    return [yaml.load(file.read_text("utf-8")) for file in sorted(directory.glob("*.yaml"))]


def process_seconds(argv: list[str], repeats: int) -> float:
    """Best wall time of running ``argv`` as a process (its exit code is not checked)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def _cli_figure(one_yaml: Path, repeats: int) -> Figure:
    carenos = [sys.executable, "-m", "carenos.cli"]
    script = Path(sys.executable).with_name("carenos")
    if script.exists():
        carenos = [str(script)]
    best_s = best_b = float("inf")
    for _ in range(repeats):  # interleaved, best of each
        best_s = min(best_s, process_seconds([*carenos, "validate", str(one_yaml)], 1))
        best_b = min(best_b, process_seconds([sys.executable, "-c", "pass"], 1))
    return Figure(
        "carenos validate one.yaml (process)",
        "carenos validate one.yaml",
        "python -c pass",
        best_s,
        best_b,
        "above",
        0.35,
    )


# --- the run ----------------------------------------------------------------------------


def _nothing() -> None:
    """A stand-in baseline, for runs that time the subjects only."""


def measure(
    jsonl: Path, yaml_dir: Path | None, repeats: int, *, baselines: bool = True
) -> tuple[list[Figure], dict[str, float]]:
    """The in-process figures on one corpus, and each subject's time per standard.

    Without ``baselines`` only the subjects are timed (for the growth with N).
    """

    def timed(subject: Callable[[], object], baseline: Callable[[], object]) -> tuple[float, float]:
        return best_of(subject, baseline if baselines else _nothing, repeats)

    figures = []
    corpus = load_corpus(jsonl)
    n = len(corpus)
    s, b = timed(lambda: load_corpus(jsonl), lambda: json_lines(jsonl))
    figures.append(
        Figure("load JSONL", "carenos.load_corpus", "json.loads each line", s, b, "ratio", 2.0)
    )
    s, b = timed(lambda: validate_loaded(jsonl), lambda: json_lines(jsonl))
    figures.append(
        Figure(
            "validate corpus",
            "load_corpus + validate_corpus (schema via converter, all rules, catalogue)",
            "json.loads each line",
            s,
            b,
            "ratio",
            4.0,
        )
    )
    s, b = timed(lambda: map_cold(corpus), lambda: exact_grouping(corpus))
    figures.append(
        Figure(
            "map knowledge",
            "carenos.map_knowledge (exact + near + discovery)",
            "exact normal-form grouping",
            s,
            b,
            "ratio",
            10.0,
        )
    )
    dicts = json_lines(jsonl)
    s, b = timed(lambda: export_jsonl(corpus), lambda: dumps_plain(dicts))
    figures.append(
        Figure("export JSONL", "write_jsonl", "json.dumps of plain dicts", s, b, "ratio", 2.0)
    )
    old, new = list(corpus), revise(corpus)
    s, b = timed(lambda: revised_diff(old, new), lambda: line_diff(old, new))
    figures.append(
        Figure(
            "diff two corpora",
            "carenos.revisions.diff_corpora (a revision: 8% reworded, 4% gone, 3% new)",
            "difflib line diff of the statements",
            s,
            b,
            "ratio",
            25.0,
        )
    )
    if yaml_dir is not None:
        s, b = timed(lambda: load_corpus(yaml_dir), lambda: roundtrip_yaml(yaml_dir))
        files = len(list(yaml_dir.glob("*.yaml")))
        figures.append(
            Figure(
                f"load YAML directory ({files} files)",
                "carenos.load_corpus (C parser)",
                "ruamel.yaml pure-Python round-trip",
                s,
                b,
                "speedup",
                5.0,
            )
        )
    per_standard = {f.name.split(" (")[0]: f.subject_s / n for f in figures}
    if yaml_dir is not None:
        per_standard["load YAML directory"] = figures[-1].subject_s / files
    return figures, per_standard


def memory(jsonl: Path) -> dict[str, float]:
    """Bytes per statement of a loaded corpus: held after loading, and at the peak."""
    gc.collect()
    tracemalloc.start()
    corpus = load_corpus(jsonl)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    statements = sum(len(s.criteria) + len(s.knowledge_items) for s in corpus)
    return {
        "statements": statements,
        "held_bytes_per_statement": round(held / statements, 1),
        "peak_bytes_per_statement": round(peak / statements, 1),
    }


def run(
    n: int = 2000,
    *,
    repeats: int = 3,
    yaml_files: int = 200,
    scaling: tuple[int, ...] = (500, 2000, 8000),
    cli_repeats: int = 10,
    workdir: Path | None = None,
) -> dict[str, Any]:
    """Run the benchmarks; the result is what ``--json`` prints."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        root = Path(tmp)
        jsonl = write_corpus(
            n, root / "corpus.jsonl", yaml_dir=root / "yaml", yaml_count=yaml_files
        )
        figures, per_standard = measure(jsonl, root / "yaml", repeats)
        one = next(iter(sorted((root / "yaml").glob("*.yaml"))))
        figures.append(_cli_figure(one, cli_repeats))
        result: dict[str, Any] = {
            "n": n,
            "repeats": repeats,
            "machine": machine(),
            "figures": {f.name: f.to_dict() for f in figures},
            "memory": memory(jsonl),
        }
        grows: dict[int, dict[str, float]] = {}
        for size in scaling:
            if size == n:  # the main run measured it, with its YAML subset
                grows[size] = per_standard
                continue
            sized = root / f"scaling-{size}"
            path = write_corpus(
                size, sized / "corpus.jsonl", yaml_dir=sized / "yaml", yaml_count=size // 10
            )
            reps = 1 if size > n else repeats
            grows[size] = measure(path, sized / "yaml", reps, baselines=False)[1]
        if len(scaling) >= 2:
            low, high = min(scaling), max(scaling)
            result["scaling"] = {
                name: {
                    "us_per_standard": {
                        str(size): round(grows[size][name] * 1e6, 1) for size in scaling
                    },
                    "ratio_high_low": round(grows[high][name] / grows[low][name], 3),
                    "met": grows[high][name] / grows[low][name] < 1.5,
                }
                for name in grows[low]
            }
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


def table(result: dict[str, Any]) -> str:
    """The result as a plain-text table."""
    lines = [
        f"N = {result['n']} standards, best of {result['repeats']} (interleaved); "
        f"{result['machine']['nproc']} cores, {result['machine']['cpu']}, "
        f"Python {result['machine']['python']}",
        "",
        f"{'figure':<38} {'subject s':>10} {'baseline s':>11} {'ratio':>7} "
        f"{'target':>14} {'met':>4}",
    ]
    for name, f in result["figures"].items():
        if f["kind"] == "speedup":
            target = f"{f['value']:.1f}x >= {f['target']:.0f}x"
        elif f["kind"] == "above":
            target = f"+{f['value']:.3f}s <= {f['target']}s"
        else:
            target = f"<= {f['target']:.1f}x"
        lines.append(
            f"{name:<38} {f['subject_s']:>10.4f} {f['baseline_s']:>11.4f} {f['ratio']:>7.2f} "
            f"{target:>14} {'yes' if f['met'] else 'NO':>4}"
        )
    mem = result["memory"]
    lines += [
        "",
        f"memory of the loaded corpus: {mem['held_bytes_per_statement']:.0f} bytes/statement "
        f"held, {mem['peak_bytes_per_statement']:.0f} at the peak ({mem['statements']} statements)",
    ]
    if "scaling" in result:
        lines += ["", "time per standard (us) by N; ratio largest/smallest N (must be < 1.5)"]
        for name, row in result["scaling"].items():
            cells = "  ".join(f"{k}: {v:>8.1f}" for k, v in row["us_per_standard"].items())
            lines.append(
                f"{name:<22} {cells}  ratio {row['ratio_high_low']:.2f} "
                f"{'yes' if row['met'] else 'NO'}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description="carenos benchmarks")
    parser.add_argument("--n", type=int, default=2000, help="standards in the corpus")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--yaml-files", type=int, default=200, help="YAML files to load")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip N = 500, 2,000, 8,000 (growth)"
    )
    args = parser.parse_args(argv)
    result = run(
        args.n,
        repeats=args.repeats,
        yaml_files=args.yaml_files,
        scaling=() if args.no_scaling else (500, 2000, 8000),
    )
    print(json.dumps(result, indent=2) if args.json else table(result))


if __name__ == "__main__":
    main()
