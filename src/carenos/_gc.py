"""Helpers for bulk work over many standards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building or walking many objects without cycles.

    A bulk load allocates millions of objects and frees almost none, and an export's
    temporaries are freed by reference counting: the collector's passes would find
    nothing, at a cost that grows with what is already loaded.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
