"""Standards in bulk: the loader's hot loop, as strict as the model's constructor, and
the table that keeps each recurring text of a corpus once while it loads.

:func:`statements` builds a list of plain ``{"id": str, "text": str}`` dicts into
statements with the validators' checks (:func:`~carenos.codes.is_id`,
:func:`~carenos._fields.is_text`) made inline and the slots set directly, without
``__init__``'s calls; a test holds what it builds equal to the constructor's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from ._fields import MAX_TEXT_LENGTH
from .model import KnowledgeItem, PerformanceCriterion

__all__ = ["SHARED_TEXTS", "shared", "sharing_texts", "statements"]

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


SHARED_TEXTS: ContextVar[dict[str, str] | None] = ContextVar("carenos_texts", default=None)
"""While a corpus loads (:func:`sharing_texts`), its texts, each kept once."""


@contextmanager
def sharing_texts() -> Iterator[None]:
    """While it lasts, standards built with equal texts share one text object.

    A corpus repeats its shared statements across standards (a third of them, word for
    word, in the UK database), and its scope, rights, headings and metadata more: one
    object each saves a third of a loaded corpus's memory. The table lasts for one load,
    so streaming readers do not grow with it.
    """
    token = SHARED_TEXTS.set({})
    try:
        yield
    finally:
        SHARED_TEXTS.reset(token)


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
