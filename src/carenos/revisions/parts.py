"""The parts of a standard besides its statements, as texts to compare: lists and fields.

Each list (scope, values, behaviours, glossary ...) is a list of :class:`.matching.Item`
whose refs are JSON pointers into the standard's document (``CODE#/scope/general/0``);
each single field (title, overview, every metadata field) is a text or ``None``.
"""

from __future__ import annotations

from attrs import fields

from ..metadata import Metadata
from ..model import Standard
from ..textnorm import field_text
from .matching import Item

__all__ = ["field_texts", "list_items", "statement_text"]


def statement_text(text: str, sub_items: tuple[str, ...]) -> str:
    """A statement's text with the list nested under it, as one text: ``... including: • a • b``."""
    return text if not sub_items else text + "".join(f" • {item}" for item in sub_items)


def _items(code: str, part: list[tuple[str, str, int]]) -> list[Item]:
    total = max(1, len(part))
    return [
        Item(f"{code}#{pointer}", text, group, str(n), n / total)
        for n, (pointer, text, group) in enumerate(part)
    ]


def list_items(standard: Standard) -> dict[str, list[Item]]:
    """The lists of ``standard`` other than its statements, by part name."""
    code = standard.code
    scope = standard.scope
    found: dict[str, list[tuple[str, str, int]]] = {
        "scope": [
            (f"/scope/{name}/{i}", f"{s.term}: {s.text}" if s.term else s.text, group)
            for group, name in enumerate(("performance_criteria", "knowledge", "general"))
            for i, s in enumerate(getattr(scope, name))
        ],
        "values": [],
        "behaviour": [(f"/behaviours/{i}", text, 0) for i, text in enumerate(standard.behaviours)],
        "skill": [(f"/skills/{i}", text, 0) for i, text in enumerate(standard.skills)],
        "glossary": [
            (f"/glossary/{i}", f"{g.term}: {g.definition}", 0)
            for i, g in enumerate(standard.glossary)
        ],
        "link": [
            (f"/links_to_other_nos/{i}", text, 0)
            for i, text in enumerate(standard.links_to_other_nos)
        ],
        "external link": [
            (f"/external_links/{i}", f"{link.text} <{link.url}>" if link.url else link.text, 0)
            for i, link in enumerate(standard.external_links)
        ],
        "information": [
            (f"/additional_information/{i}/paragraphs/{j}", f"{section.title}: {paragraph}", 0)
            for i, section in enumerate(standard.additional_information)
            for j, paragraph in enumerate(section.paragraphs)
        ],
    }
    values = standard.values
    if values is not None:
        found["values"] = [(f"/values/rights/{i}", text, 1) for i, text in enumerate(values.rights)]
        found["values"] += [(f"/values/{i}", text, 2) for i, text in enumerate(values.statements)]
    return {part: _items(code, entries) for part, entries in found.items()}


def field_texts(standard: Standard) -> dict[str, tuple[str, str | None]]:
    """The single fields of ``standard``: ``name -> (pointer, text or None)``."""
    values = standard.values
    found: dict[str, tuple[str, str | None]] = {
        "title": ("/title", standard.title),
        "overview": ("/overview", standard.overview),
        "values text": ("/values/text", values.text if values else None),
        "replaces": ("/replaces", standard.replaces),
        "replaced_by": ("/replaced_by", standard.replaced_by),
    }
    metadata = standard.metadata or Metadata()
    for attribute in fields(Metadata):
        name = attribute.name
        found[f"metadata {name}"] = (f"/metadata/{name}", field_text(getattr(metadata, name)))
    return found
