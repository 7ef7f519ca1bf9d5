"""Work spread over worker processes (``--jobs``): chunks of files, results in order.

A function that takes a chunk (a list of items, files) and returns one result for each
item runs in worker processes; :meth:`Workers.map` yields the results item by item in
the order of the items, keeping only a few chunks ahead, so that a reader that streams
still streams. Small work stays in the process (:func:`worth_it`): starting workers
costs more than they save. ``concurrent.futures`` is imported only when workers start.
Work on what a process has already built (a loaded corpus) goes to forked workers that
inherit it instead: :func:`over_ranges`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from .errors import LimitError, UsageError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "CHUNK",
    "PARALLEL_FROM",
    "Workers",
    "all_cores",
    "check_jobs",
    "over_ranges",
    "worth_it",
]

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 50
"""Fewer files than this are read in the process: workers would cost more than they save."""
CHUNK = 50
"""The most files a worker is given at a time (fewer when there are few files a worker)."""
_AHEAD = 2
"""Chunks sent ahead for each worker: enough to keep it busy, few enough to hold little."""


def all_cores() -> int:
    """The cores this process may use: ``os.process_cpu_count()`` where Python has it
    (3.13), else ``os.cpu_count()``; the default of ``--jobs``."""
    count: Callable[[], int | None] = getattr(os, "process_cpu_count", os.cpu_count)
    return count() or 1


def check_jobs(jobs: int) -> int:
    """``jobs``, if it is a number of processes (1 or more); else a :class:`UsageError`."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs is a number of processes, 1 or more, not {jobs!r}")
    return jobs


def worth_it(jobs: int, files: int) -> bool:
    """Whether ``files`` files are worth workers: more than one job and enough files."""
    return jobs > 1 and files >= PARALLEL_FROM


class Workers:
    """Up to ``jobs`` worker processes, started on first use, that run a chunk function.

    Use it as a context manager: leaving it (at the end, on an error, or when a reader
    stops early) cancels what has not started and waits for the workers. An exception
    that a chunk raises is raised here as it is; a worker that dies (killed, out of
    memory) is a :class:`~carenos.errors.LimitError`, not a traceback.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = check_jobs(jobs)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Cancel the chunks not started and wait for the workers to end."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _start(self, chunks: int) -> ProcessPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(max_workers=min(self.jobs, chunks))
        return self._executor

    def map(self, work: Callable[[list[T]], list[R]], items: Sequence[T]) -> Iterator[R]:
        """``work``'s result for each item, in the order of ``items``.

        ``work`` (a function of its module, or a ``functools.partial`` of one, so that it
        can be sent to a worker) gets a chunk of items and gives a result for each.
        """
        from concurrent.futures.process import BrokenProcessPool

        size = max(1, min(CHUNK, -(-len(items) // (self.jobs * 4))))
        chunks = iter([list(items[i : i + size]) for i in range(0, len(items), size)])
        executor = self._start(-(-len(items) // size))
        pending: deque[Future[list[R]]] = deque()
        try:
            for chunk in chunks:
                pending.append(executor.submit(work, chunk))
                if len(pending) >= _AHEAD * self.jobs:
                    break
            while pending:
                done = pending.popleft().result()
                for chunk in chunks:  # one more in flight for the one taken
                    pending.append(executor.submit(work, chunk))
                    break
                yield from done
        except BrokenProcessPool:
            raise LimitError(
                "a worker process stopped abruptly (killed, or out of memory); "
                "with one job (--jobs 1) the work stays in this process"
            ) from None
        finally:
            for future in pending:
                future.cancel()


_FORKED: Callable[[int, int], object] | None = None
"""In a worker of :func:`over_ranges`: its work (set by the worker's initializer)."""


def _set_forked(work: Callable[[int, int], object]) -> None:
    global _FORKED
    _FORKED = work


def _forked_range(bounds: tuple[int, int]) -> object:
    assert _FORKED is not None
    return _FORKED(*bounds)


def over_ranges(work: Callable[[int, int], R], count: int, jobs: int, *, least: int) -> list[R]:
    """``work(start, stop)`` on consecutive ranges that cover ``range(count)``, in order.

    With ``jobs`` above 1 and at least ``least`` items a worker, the ranges run in forked
    worker processes, which inherit what ``work`` reads (a loaded corpus: nothing is sent
    to them; only their results come back, pickled). ``work`` reaches each worker as an
    argument of its initializer, which a forked process inherits, so that calls from
    several threads do not mix. Otherwise, or where processes cannot be forked, it is one
    call in this process. A worker that dies is a :class:`~carenos.errors.LimitError`.
    """
    workers = min(check_jobs(jobs), max(1, count // max(1, least)))
    if workers <= 1:
        return [work(0, count)]
    import multiprocessing  # only now: a process that works alone does without it

    if "fork" not in multiprocessing.get_all_start_methods():
        return [work(0, count)]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = -(-count // workers)
    ranges = [(start, min(count, start + size)) for start in range(0, count, size)]
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_set_forked,
            initargs=(work,),
        ) as executor:
            return list(executor.map(_forked_range, ranges))  # type: ignore[arg-type]
    except BrokenProcessPool:
        raise LimitError(
            "a worker process stopped abruptly (killed, or out of memory); "
            "with one job (--jobs 1) the work stays in this process"
        ) from None
