"""Standards in bulk: the loader's hot loop, as strict as the model's constructor, and
the table that keeps each recurring text of a corpus once while it loads.

:func:`statements` builds a list of plain ``{"id": str, "text": str}`` dicts into
statements with the validators' checks (:func:`~carenos.codes.is_id`,
:func:`~carenos._fields.is_text`) made inline and the slots set directly, without
``__init__``'s calls; a test holds what it builds equal to the constructor's.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from ._fields import MAX_TEXT_LENGTH
from .model import KnowledgeItem, PerformanceCriterion

__all__ = ["SHARED_TEXTS", "TRIM_AT", "share", "shared", "sharing_texts", "statements", "trim"]

S = TypeVar("S", bound=PerformanceCriterion | KnowledgeItem)

_IDS: dict[str, str] = {}
"""The ids of statements built here, each one object (``P1`` ... ``K60``)."""
_MAX_IDS = 20_000
_new = object.__new__
_set_id = getattr(PerformanceCriterion, "id").__set__  # the slots of their common base  # noqa: B009
_set_text = getattr(PerformanceCriterion, "text").__set__  # noqa: B009
_set_code = getattr(PerformanceCriterion, "standard_code").__set__  # noqa: B009
_set_sub_items = getattr(PerformanceCriterion, "sub_items").__set__  # noqa: B009


def statements(
    cls: type[S], items: Iterable[Any], code: str, texts: dict[str, str] | None = None
) -> tuple[S, ...] | None:
    """The ``cls`` statements of ``items`` with the standard's ``code``, or ``None`` if any
    item is not a plain ``{"id": str, "text": str}`` or would fail the validators (the
    caller then builds them one by one, to name every problem).

    Ids are shared (interned); with ``texts``, equal texts are one object too (a table
    kept for one load: statements recur across standards).
    """
    prefix = cls.PREFIX
    ids = _IDS
    out: list[S] = []
    append = out.append
    for item in items:
        if type(item) is not dict or len(item) != 2:
            return None
        ident, text = item.get("id"), item.get("text")
        if type(ident) is not str or type(text) is not str:
            return None
        number = ident[1:]
        if not (
            ident[:1] == prefix
            and number.isascii()
            and number.isdigit()
            and 0 < len(text) <= MAX_TEXT_LENGTH
        ):
            return None
        shared = ids.get(ident)
        if shared is None:
            shared = ids.setdefault(ident, ident) if len(ids) < _MAX_IDS else ident
        if texts is not None:
            text = texts.setdefault(text, text)
        statement = _new(cls)
        _set_id(statement, shared)
        _set_text(statement, text)
        _set_code(statement, code)
        _set_sub_items(statement, ())
        append(statement)
    return tuple(out)


SHARED_TEXTS: ContextVar[dict[Any, Any] | None] = ContextVar("carenos_texts", default=None)
"""While a corpus loads (:func:`sharing_texts`), its texts and immutable parts (each key
its own value), each kept once."""

P = TypeVar("P")


def share(part: P) -> P:
    """``part`` (a text, a tuple of texts, an immutable part of a standard), or the equal one
    met earlier in this load (:func:`sharing_texts`)."""
    table = SHARED_TEXTS.get()
    return part if table is None else table.setdefault(part, part)


TRIM_AT = 1 << 17
"""Entries at which :func:`trim` keeps only the texts that have recurred (about 5 MB)."""


_refcount = getattr(sys, "getrefcount", None)
"""CPython's count of references (other Pythons may have none: then nothing is trimmed)."""


def _held(texts: dict[Any, Any], more_than: int) -> dict[Any, Any]:
    """The entries of ``texts`` whose value :data:`_refcount` sees more than ``more_than``
    references to (the one comprehension :func:`trim` and its calibration both use)."""
    count = _refcount
    assert count is not None
    return {value: value for value in texts if count(value) > more_than}


def _refs_of_a_text_held_once() -> int:
    """What :func:`trim` sees of a text that one object holds (besides the table): the
    least ``more_than`` for which :func:`_held` drops it."""
    text = "".join(["carenos", " ", "calibration"])  # a new, uninterned object
    table = {text: text}
    holder = [text]
    del text
    seen = 0
    while _held(table, seen):
        seen += 1
    del holder
    return seen


_TRIM_NEXT: ContextVar[int] = ContextVar("carenos_trim_next", default=0)
"""Twice what the last trim kept: the next trim waits for at least as many new entries."""


def trim(texts: dict[Any, Any]) -> None:
    """Between two standards: once ``texts`` holds :data:`TRIM_AT` texts (and twice what
    the last trim kept), go on with a table of only those that more than one place holds.

    A text seen once (a standard's own sentence: half of a corpus's statements) is then
    forgotten, so the table stays a few MB instead of the 30 MB of a million texts on
    top of the corpus at the end of a load; a recurring text stays one object. What is
    lost: a text seen once before a trim and again after is two objects.
    """
    if _ONCE and len(texts) >= max(TRIM_AT, _TRIM_NEXT.get()):
        kept = _held(texts, _ONCE)
        SHARED_TEXTS.set(kept)
        _TRIM_NEXT.set(2 * len(kept))  # what recurs may grow: trims stay linear in all


@contextmanager
def sharing_texts() -> Iterator[None]:
    """While it lasts, standards built with equal texts share one text object.

    A corpus repeats its shared statements across standards (a third of them, word for
    word, in the UK database), and its scope, rights, headings and metadata more: one
    object each saves a third of a loaded corpus's memory; equal immutable parts (scope
    statements, scopes, values, lists of texts) are one object too. The table lasts for
    one load, so streaming readers do not grow with it, and is trimmed as it goes
    (:func:`trim`).
    """
    token = SHARED_TEXTS.set({})
    next_trim = _TRIM_NEXT.set(0)
    try:
        yield
    finally:
        _TRIM_NEXT.reset(next_trim)
        SHARED_TEXTS.reset(token)


_ONCE = 0 if _refcount is None else _refs_of_a_text_held_once()


_OWN_LOOP = {"elements": "performance_criteria", "knowledge": "items"}
"""The statements' lists (in each element, in each heading), whose texts the hot loop
shares as it builds them."""


def shared(value: Any, texts: dict[str, str], skip: str | None = None) -> Any:
    """``value`` (a document's dict) with each of its texts, but the statements', replaced
    by the equal text seen first in this load: scope, rights, headings, metadata and the
    like recur across a suite word for word. ``skip`` is a key left as it is."""
    if type(value) is str:
        return texts.setdefault(value, value)
    if type(value) is dict:
        return {
            key: item
            if key == skip
            else [shared(part, texts, _OWN_LOOP[key]) for part in item]
            if key in _OWN_LOOP and skip is None and type(item) is list
            else shared(item, texts)
            for key, item in value.items()
        }
    if type(value) is list:
        return [shared(item, texts) for item in value]
    return value
