"""Field validators of the model's classes: texts, lists of texts, choices and forms.

Private: :mod:`carenos.model` and :mod:`carenos.metadata` use them, and re-export what
is public (:class:`FieldValueError`, :data:`MAX_TEXT_LENGTH`, :func:`is_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from attrs import Attribute

from .errors import ContentError

__all__ = [
    "MAX_TEXT_LENGTH",
    "FieldValueError",
    "is_text",
    "matching",
    "one_of",
    "valid_text",
    "valid_texts",
]


class FieldValueError(ContentError, ValueError):
    """A field of a model class was given a value it cannot hold (a :class:`CarenosError`,
    and a ``ValueError`` as attrs validators raise)."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


MAX_TEXT_LENGTH = 10_000
"""Longest text a field may hold, in characters (the schema's ``maxLength``).

NOS statements are a sentence or two; the longest seed text (a scope statement) is
under 600 characters. The limit keeps runaway or hostile texts out of every stage.
"""


def _text_problem(value: str) -> str | None:
    if not isinstance(value, str):
        return f"must be a text, not {type(value).__name__}"
    if not value:
        return "must not be empty"
    if len(value) > MAX_TEXT_LENGTH:
        return f"is {len(value):,} characters long, over the limit of {MAX_TEXT_LENGTH:,}"
    return None


def is_text(value: str) -> bool:
    """True if ``value`` is a text a field may hold: not empty, within the length limit."""
    return isinstance(value, str) and 0 < len(value) <= MAX_TEXT_LENGTH


def valid_text(_instance: Any, attribute: Attribute[Any], value: str | None) -> None:
    """A text (or ``None``, for an optional field): not empty, within the length limit."""
    if value is not None and not is_text(value):
        raise FieldValueError(attribute.name, str(_text_problem(value)))


def valid_texts(_instance: Any, attribute: Attribute[Any], values: tuple[str, ...]) -> None:
    """Each text of a tuple, as :func:`valid_text`."""
    for index, value in enumerate(values):
        if problem := _text_problem(value):
            raise FieldValueError(f"{attribute.name}/{index}", problem)


Validator = Callable[[Any, "Attribute[Any]", Any], None]


def one_of(*choices: str) -> Validator:
    """A validator: the value (if not ``None``) is one of ``choices``."""

    def check(_instance: Any, attribute: Attribute[Any], value: str | None) -> None:
        if value is not None and value not in choices:
            raise FieldValueError(attribute.name, f"{value!r} is not one of {', '.join(choices)}")

    return check


def matching(pattern: re.Pattern[str], form: str, *, each: bool = False) -> Validator:
    """A validator: the value (or, with ``each``, every value of a tuple) fits ``pattern``."""

    def problem(value: str) -> str | None:
        if pattern.fullmatch(value) is None:
            return f"{value!r} is not {form}"
        return None

    def check(_instance: Any, attribute: Attribute[Any], value: Any) -> None:
        if value is None:
            return
        for index, item in enumerate(value) if each else ((None, value),):
            found = problem(item)
            if found:
                name = attribute.name if index is None else f"{attribute.name}/{index}"
                raise FieldValueError(name, found)

    return check
