"""Helpers for the importer's tests: the seed texts and what they must import to."""

from __future__ import annotations

import re
from typing import Any

from carenos import Standard
from carenos.importer import analyse, text_document

from .paths import ROOT

SOURCES = ROOT / "data" / "sources"
TITLES = {
    "SCDHSC0429": "Work with groups to promote individual growth, development and independence",
    "SCDHSC0393": "Promote participation in agreed therapeutic group activities",
}


def seed(code: str) -> str:
    """The seed text of ``code`` exactly as committed (no newline translation)."""
    return (SOURCES / f"{code}.txt").read_bytes().decode("utf-8")


def norm(text: str) -> str:
    """Whitespace-normalised, as the importer promises (written here independently)."""
    return " ".join(re.sub(r"\[bookmark:[^\]]*\]", "", text).split())


def statements(standard: Standard) -> dict[str, Any]:
    """Everything but code, title and metadata, for comparing imports of variants."""
    return {
        "overview": standard.overview,
        "elements": [
            (e.title, [(p.id, p.text) for p in e.performance_criteria]) for e in standard.elements
        ],
        "knowledge": [(s.heading, [(k.id, k.text) for k in s.items]) for s in standard.knowledge],
        "scope": standard.scope,
        "values": standard.values,
    }


def account_of(text: str) -> dict[int, str]:
    """Where each line of ``text`` went: a JSON pointer, or a role (``blank``, ``label`` ...)."""
    result = analyse(text_document(text))
    return {n: e.pointer or e.role for n, e in result.account.items()}


def data_of(text: str) -> dict[str, Any]:
    """The dict shape the importer reads from ``text`` (its one standard)."""
    (data,) = analyse(text_document(text)).data
    return data


def resolve(data: Any, pointer: str) -> Any:
    """The value at JSON ``pointer`` in ``data``."""
    for part in pointer.split("/")[1:]:
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data
