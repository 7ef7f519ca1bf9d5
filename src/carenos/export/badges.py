"""Open Badges 3.0: one ``Achievement`` per standard, aligned to the standard's CASE items.

An achievement has the standard's title as ``name``, its overview as ``description``, its
code as ``humanCode``, its criteria and knowledge as the ``criteria`` narrative (Markdown,
as the NOS database lays them out), its keywords as ``tag``, its developer as ``creator``,
and an ``alignment`` to the standard's CFItem and to each statement's (``targetType``
``CFItem``, ``targetUrl`` the item's ``uri``, ``targetCode`` its code or ref), with the
identity and URIs of the CASE export given the same CASE options. Identifiers are
``urn:uuid:`` uuid5s, stable run to run. The file is a JSON array of achievements.
"""

from __future__ import annotations

import uuid
from typing import IO, Any

from ..io.json import dump_json
from ..model import KnowledgeItem, PerformanceCriterion, Standard, Standards, standards_of
from ._output import ExportOptions
from .case import NAMESPACE, CaseOptions
from .case.package import build_package

__all__ = ["achievements", "write_badges"]


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def _narrative(standard: Standard) -> str:
    """The criteria and knowledge as Markdown lists (with their ids where they were printed)."""

    def line(statement: PerformanceCriterion | KnowledgeItem) -> str:
        printed = statement.id[0] not in standard.assigned_ids
        return f"- {statement.id} {statement.text}" if printed else f"- {statement.text}"

    lines = ["You must be able to:", ""]
    for element in standard.elements:
        if element.title:
            lines += [f"**{element.title}**", ""]
        lines += [line(pc) for pc in element.performance_criteria] + [""]
    lines += ["You need to know and understand:", ""]
    for section in standard.knowledge:
        if section.heading:
            lines += [f"**{section.heading}**", ""]
        lines += [line(k) for k in section.items] + [""]
    return "\n".join(lines).strip() + "\n"


def _alignment(link: dict[str, Any], code: str | None, text: str, framework: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "type": ["Alignment"],
        "targetName": link["title"],
        "targetUrl": link["uri"],
        "targetType": "CFItem",
        "targetFramework": framework,
        "targetDescription": text,
    }
    if code is not None:
        found["targetCode"] = code
    return found


def achievements(
    standards: Standards, options: ExportOptions | None = None
) -> list[dict[str, Any]]:
    """The achievement of each standard of the CASE options' language, in order."""
    standards = standards_of(standards)
    options = options or ExportOptions()
    case = options.case or CaseOptions()
    given = list(standards)
    package, links = build_package(given, case, catalogue=options.catalogue)
    framework = package["CFDocument"]["title"]
    found = []
    for standard in (s for s in given if s.language == case.language):
        own = links[standard.code]
        aligned = [_alignment(own, standard.code, standard.title, framework)]
        for statement in standard.statements():
            printed = statement.id[0] not in standard.assigned_ids
            code = statement.ref if printed else None
            aligned.append(_alignment(links[statement.ref], code, statement.text, framework))
        achievement: dict[str, Any] = {
            "id": _urn(f"achievement\n{own['identifier']}"),
            "type": ["Achievement"],
            "achievementType": "Competency",
            "name": standard.title,
            "description": standard.overview,
            "humanCode": standard.code,
            "criteria": {"narrative": _narrative(standard)},
            "alignment": aligned,
            "@language": standard.language,
        }
        metadata = standard.metadata
        if metadata is not None:
            if metadata.developed_by:
                achievement["creator"] = {
                    "id": _urn(f"profile\n{metadata.developed_by}"),
                    "type": ["Profile"],
                    "name": metadata.developed_by,
                }
            if metadata.keywords:
                achievement["tag"] = list(metadata.keywords)
            if metadata.version is not None:
                achievement["version"] = str(metadata.version)
        found.append(achievement)
    return found


def write_badges(
    standards: Standards, handle: IO[str], options: ExportOptions | None = None
) -> None:
    """Write :func:`achievements` as a JSON array."""
    handle.write(dump_json(achievements(standards, options)))
