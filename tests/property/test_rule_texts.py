"""What the text rules look at: every text of a standard, with the pointer it has in the
standard's dict shape (every string value but ids and the language)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hypothesis import given

import carenos
from carenos.rules import RuleContext

from .strategies import standards

_NOT_TEXTS = re.compile(
    r"/(elements/\d+/performance_criteria|knowledge/\d+/items)/\d+/id|/assigned_ids/\d+|/language"
)
"""Strings that are no text: the statements' ids, which of them were assigned, the language."""


def _strings(data: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{pointer}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{pointer}/{index}")
    elif isinstance(data, str):
        yield pointer, data


@given(standards())
def test_the_texts_are_every_string_of_the_dict_shape(standard: carenos.Standard) -> None:
    expected = [
        (pointer, text)
        for pointer, text in _strings(carenos.to_dict(standard))
        if _NOT_TEXTS.fullmatch(pointer) is None
    ]
    texts = list(RuleContext(standard).texts())
    assert len(texts) == len(expected)
    assert dict(texts) == dict(expected)  # a scope statement's term comes before its text


def test_the_bundled_standards_texts() -> None:
    for standard in carenos.bundled():
        texts = list(RuleContext(standard).texts())
        assert texts[:3] == [
            ("/code", standard.code),
            ("/title", standard.title),
            ("/overview", standard.overview),
        ]
        assert len(texts) > 100
