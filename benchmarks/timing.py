"""How the benchmarks measure: best-of timing interleaved with a baseline, and the peak
memory (RSS) of a piece of work run in a process of its own.

A :class:`Figure` is one row of ``make bench``: a subject, its baseline timed in the same
run on the same data, and a target that reads one of five ways (``kind``):

- ``ratio``: subject time over baseline time, at most ``target``;
- ``speedup``: baseline time over subject time, at least ``target``;
- ``seconds``: the subject's seconds, at most ``target`` (scaled to the run's N from the
  figure's ``at`` standards: an absolute target of the issue is for 21,000);
- ``megabytes``: the subject's peak RSS in MB, at most ``target`` (scaled likewise, above
  the RSS of a process that has imported carenos and read nothing);
- ``kilobytes``: a size a standard in KB (the subject's), at most ``target``.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Figure", "best_of", "peak_rss_mb", "process_seconds"]


@dataclass
class Figure:
    """One measured figure: subject and baseline, their values, the target and whether met."""

    name: str
    subject: str
    baseline: str
    subject_value: float
    baseline_value: float
    kind: str
    target: float
    at: int = 0
    """For ``seconds``/``megabytes``: the number of standards the target is set for."""
    n: int = 0
    """The number of standards of the run (targets with ``at`` are scaled to it)."""
    floor: float = 0.0
    """For ``megabytes``: the RSS of an idle process, which the scaling keeps."""
    also: dict[str, float] = field(default_factory=dict)
    """Other baselines measured in the same run, by name (shown, not judged)."""

    @property
    def ratio(self) -> float:
        """Subject over baseline."""
        return self.subject_value / self.baseline_value if self.baseline_value else float("inf")

    @property
    def scaled_target(self) -> float:
        """The target at this run's N (absolute targets scale with the standards)."""
        if self.kind == "seconds" and self.at:
            return self.target * self.n / self.at
        if self.kind == "megabytes" and self.at:
            return self.floor + (self.target - self.floor) * self.n / self.at
        return self.target

    @property
    def value(self) -> float:
        """What the target is about: the ratio, the speed-up, the seconds or the MB."""
        if self.kind == "speedup":
            return self.baseline_value / self.subject_value
        if self.kind in ("seconds", "megabytes", "kilobytes"):
            return self.subject_value
        return self.ratio

    @property
    def met(self) -> bool:
        """Whether the target is met."""
        if self.kind == "speedup":
            return self.value >= self.scaled_target
        return self.value <= self.scaled_target

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field, the ratio, the scaled target and whether it is met."""
        data = asdict(self)
        data.update(
            ratio=round(self.ratio, 3),
            value=round(self.value, 3),
            scaled_target=round(self.scaled_target, 3),
            met=self.met,
        )
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


def process_seconds(argv: list[str], repeats: int) -> float:
    """Best wall time of running ``argv`` as a process (its exit code is not checked)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


_RSS = """
import json, sys, time
{setup}
start = time.perf_counter()
{work}
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(json.dumps({{"seconds": seconds, "rss_mb": peak / 1024}}))
"""


def peak_rss_mb(work: str, setup: str = "", *, args: tuple[str, ...] = ()) -> tuple[float, float]:
    """``(peak RSS in MB, seconds)`` of running the Python statement ``work`` (after
    ``setup``) in a fresh process: its own high-water mark (``VmHWM``, which starts afresh
    at exec; ``ru_maxrss`` of a child starts at its parent's peak), not tracemalloc's."""
    code = _RSS.format(setup=setup, work=work)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return float(measured["rss_mb"]), float(measured["seconds"])
