"""The site's revision pages: what changed between two versions of a standard that a
corpus holds both of (a standard and its Legacy version, or linked by ``replaces``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import Standard

__all__ = ["revision_links", "revision_pages"]

Href = Callable[..., str]
"""``href(code, language, ref=None)``: the address of a standard's page (at a statement)."""


def _links(refs: object, language: str, href: Href) -> list[tuple[str, str]]:
    """``(ref, address)`` for each ref of a change side (``CODE/P3`` or ``CODE#/pointer``)."""
    if refs is None:
        return []
    listed = refs if isinstance(refs, list | tuple) else [refs]
    links = []
    for ref in listed:
        text = str(ref)
        if "#" in text:
            code = text.partition("#")[0]
            links.append((text.partition("#")[2].strip("/") or code, href(code, language)))
        else:
            code = text.rpartition("/")[0]
            links.append((text.rpartition("/")[2], href(code, language, text)))
    return links


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " / ".join(str(part) for part in value)
    return str(value)


def revision_pages(standards: Sequence[Standard], href: Href) -> dict[str, dict[str, Any]]:
    """The context of each revision page, by its path in the site (``revisions/...html``)."""
    from ..revisions import diff, pair_standards
    from ..revisions.render import diff_dict
    from .naming import page_stem

    pages: dict[str, dict[str, Any]] = {}
    for old, new in pair_standards(standards):
        if old is None or new is None:  # pragma: no cover - one corpus pairs both sides
            continue
        result = diff_dict(diff(old, new))
        language = new.language
        old_stem, new_stem = page_stem(old), page_stem(new)
        relative = f"revisions/{old_stem}--{new_stem}.html"
        changes = [
            {
                **change,
                "old_links": _links(change["old"], language, href),
                "new_links": _links(change["new"], language, href),
                "old_text": _text(change["old_text"]),
                "new_text": _text(change["new_text"]),
            }
            for change in result["changes"]
        ]
        pages[relative] = {
            "path": relative,
            "diff": {**result, "changes": changes},
            "language": language,
            "row": {
                "old": old.code,
                "new": new.code,
                "old_stem": old_stem,
                "new_stem": new_stem,
                "verdict": result["verdict"],
            },
        }
    return pages


def revision_links(pages: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, str]]]:
    """The links to revision pages each standard's page shows, by the standard's page stem."""
    links: dict[str, list[dict[str, str]]] = {}
    for context in pages.values():
        row = context["row"]
        href = "../" + context["path"]
        links.setdefault(row["old_stem"], []).append(
            {"href": href, "label": f"Revised as {row['new']}"}
        )
        links.setdefault(row["new_stem"], []).append(
            {"href": href, "label": f"Revision of {row['old']}"}
        )
    return links
