"""The UK NOS database's JSON: one record (27 fields) a standard, as an array.

See :mod:`carenos.io.nosdb` for the fields and the line convention of the lists.
"""

from __future__ import annotations

from typing import IO, Any

from ..convert import to_dict
from ..io.json import dump_json
from ..io.nosdb import (
    DATE_FIELDS,
    FIELDS,
    KNOWLEDGE_LEAD_IN,
    PERFORMANCE_LEAD_IN,
    SCOPE_LEAD_IN,
    SEPARATED_FIELDS,
    TEXT_FIELDS,
)
from ..model import Standard, Standards, standards_of
from ._output import ExportOptions

__all__ = ["to_nosdb", "to_record", "write_nosdb"]


def to_nosdb(standard: Standard) -> dict[str, Any]:
    """The NOS database record of ``standard`` (every one of its 27 fields present)."""
    return to_record(to_dict(standard))


def write_nosdb(
    standards: Standards, handle: IO[str], options: ExportOptions | None = None
) -> None:
    """Write the records of the standards as an indented JSON array."""
    standards = standards_of(standards)
    handle.write(dump_json([to_nosdb(standard) for standard in standards]))


def _statement_lines(
    groups: list[dict[str, Any]], key: str, name: str, prefix: str, assigned: bool
) -> list[str]:
    """The lines of a list; plain (no ids) where carenos assigned them to a plain list."""
    statements = [s for g in groups for s in g.get(key, [])]
    plain = (
        assigned
        and len(groups) == 1
        and name not in groups[0]
        and [s["id"] for s in statements] == [f"{prefix}{n}" for n in range(1, len(statements) + 1)]
    )
    lines = []
    for group in groups:
        if not plain and name in group:
            lines.append(group[name])
        for statement in group.get(key, []):
            lines.append(statement["text"] if plain else f"{statement['id']} {statement['text']}")
            lines += [f"• {item}" for item in statement.get("sub_items", [])]
    return lines


def _date_text(iso: str) -> str:
    parts = iso.split("-")
    return " ".join(reversed(parts))


def to_record(data: dict[str, Any]) -> dict[str, Any]:
    """The NOS database record of a standard's dict shape, every field present.

    Lists are lists of strings (with the lead-ins written again); absent texts are
    ``null``, absent lists ``[]``. What the database has no field for (a scope term, the
    additional information) is not written: :func:`from_record` derives scope terms. A plain
    list whose ids carenos assigned (``assigned_ids``) is written without them, as published.
    """
    metadata = data.get("metadata", {})
    assigned = data.get("assigned_ids", ())
    scope = data.get("scope", {})
    values = data.get("values")
    if isinstance(values, dict):
        value_lines = [values["text"], *(f"• {right}" for right in values.get("rights", []))]
    else:
        value_lines = list(values or [])

    def lead(text: str, lines: list[str]) -> list[str]:
        return [text, *lines] if lines else []

    record: dict[str, Any] = {
        "URN": data["code"],
        "Title": data["title"],
        "Overview": data["overview"].split("\n"),
        "Performance_criteria": lead(
            PERFORMANCE_LEAD_IN,
            _statement_lines(
                data["elements"], "performance_criteria", "title", "P", "P" in assigned
            ),
        ),
        "Knowledge_and_understanding": lead(
            KNOWLEDGE_LEAD_IN,
            _statement_lines(data["knowledge"], "items", "heading", "K", "K" in assigned),
        ),
        "Scope_range": lead(SCOPE_LEAD_IN, [s["text"] for s in scope.get("general", [])]),
        "Scope_range_related_to_performance_criteria": lead(
            SCOPE_LEAD_IN, [s["text"] for s in scope.get("performance_criteria", [])]
        ),
        "Scope_range_related_to_knowledge_and_understanding": lead(
            SCOPE_LEAD_IN, [s["text"] for s in scope.get("knowledge", [])]
        ),
        "Values": value_lines,
        "Behaviours": list(data.get("behaviours", [])),
        "Skills": list(data.get("skills", [])),
        "Glossary": [f"{g['term']}: {g['definition']}" for g in data.get("glossary", [])],
        "Links_to_other_NOS": list(data.get("links_to_other_nos", [])),
        "External_Links": [
            f"{link['text']} ({link['url']})" if "url" in link else link["text"]
            for link in data.get("external_links", [])
        ],
    }
    for field, name in TEXT_FIELDS.items():
        record[field] = metadata.get(name)
    record["Version_number"] = metadata.get("version")
    for field, name in DATE_FIELDS.items():
        record[field] = _date_text(metadata[name]) if name in metadata else None
    for field, name in SEPARATED_FIELDS.items():
        record[field] = "; ".join(metadata.get(name, []))
    return {field: record[field] for field in FIELDS}
