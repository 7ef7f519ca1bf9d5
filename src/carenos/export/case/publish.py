"""The CASE 1.1 REST binding as static files, and the shared-knowledge catalogue as CASE.

``publish_case(standards, directory)`` writes, under ``DIR/ims/case/v1p1/``, one file a
resource at the path the REST binding gives it: ``CFDocuments/{id}``, ``CFPackages/{id}``,
``CFItems/{id}``, ``CFAssociations/{id}``, ``CFItemTypes/{id}``, for each language's
framework and for the catalogue's own CFDocument. Served by any static host at the base
URI the export was given, every ``uri`` resolves, and a CASE client harvests it as it does
a server: from the document to its package (``CFPackageURI``), then each item by its uri.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from attrs import evolve

from ...catalogue import Catalogue, load_catalogue
from ...errors import UsageError
from ...io.directory import directory_written_whole
from ...io.json import dump_json
from ...model import Standards, standards_of
from .identity import identifier
from .options import CaseOptions, export_date, rfc3339
from .package import case_package, catalogue_item

__all__ = ["REST_PATH", "catalogue_package", "publish_case"]

REST_PATH = "ims/case/v1p1/"
"""Where the REST binding's resources are, under the base URI."""

_COLLECTIONS = ("CFItems", "CFAssociations")


def catalogue_package(catalogue: Catalogue, options: CaseOptions | None = None) -> dict[str, Any]:
    """The shared-knowledge catalogue as a CFPackage: a CFDocument whose items are the
    categories and, under them, the shared statements (``humanCodingScheme`` the shared
    id), which the standards' ``exactMatchOf`` associations point at. A retired entry has
    a ``statusEndDate`` and a ``replacedBy`` association to its successor."""
    options = options or CaseOptions()
    base = options.base_uri + REST_PATH
    stamp = rfc3339(options.last_change or export_date())
    ident = identifier("catalogue")
    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []
    types = {"Shared statement category": "SharedCategory", "Shared statement": "SharedStatement"}

    def link(collection: str, key_id: str, title: str) -> dict[str, Any]:
        return {"title": title, "identifier": key_id, "uri": f"{base}{collection}/{key_id}"}

    def associate(kind: str, origin: dict[str, Any], target: dict[str, Any], n: int | None) -> None:
        aid = identifier(f"{kind} {origin['identifier']} {target['identifier']}")
        found: dict[str, Any] = {
            "identifier": aid,
            "uri": f"{base}CFAssociations/{aid}",
            "associationType": kind,
        }
        if n is not None:
            found["sequenceNumber"] = n
        found.update(originNodeURI=origin, destinationNodeURI=target, lastChangeDateTime=stamp)
        associations.append(found)

    def item(node: dict[str, Any], kind: str, text: str, **more: Any) -> None:
        type_id = identifier(f"CFItemType {kind}")
        items.append(
            {
                "identifier": node["identifier"],
                "uri": node["uri"],
                "CFItemType": kind,
                "CFItemTypeURI": link("CFItemTypes", type_id, kind),
                "fullStatement": text,
                **more,
                "lastChangeDateTime": stamp,
            }
        )

    document = link("CFDocuments", ident, "Shared knowledge statements")
    categories: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for entry in catalogue.entries:
        if entry.category not in categories:
            node = link(
                "CFItems", identifier(f"catalogue category\n{entry.category}"), entry.category
            )
            categories[entry.category] = node
            item(node, "Shared statement category", entry.category)
            associate("isChildOf", node, document, len(categories))
        parent = categories[entry.category]
        counts[entry.category] = counts.get(entry.category, 0) + 1
        node = link("CFItems", catalogue_item(entry.id), entry.id)
        more: dict[str, Any] = {"humanCodingScheme": entry.id}
        if entry.deprecated:
            more["statusEndDate"] = stamp[:10]
        item(node, "Shared statement", entry.text, **more)
        associate("isChildOf", node, parent, counts[entry.category])
    for entry in catalogue.entries:
        if entry.replaced_by is not None:
            old = link("CFItems", catalogue_item(entry.id), entry.id)
            new = link("CFItems", catalogue_item(entry.replaced_by), entry.replaced_by)
            associate("replacedBy", old, new, None)
    return {
        "CFDocument": {
            **document,
            "creator": options.creator or "carenos",
            "lastChangeDateTime": stamp,
            "caseVersion": "1.1",
            "language": "en",
            "description": "Statements that recur across standards, each once.",
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    **link("CFItemTypes", identifier(f"CFItemType {name}"), name),
                    "title": name,
                    "description": name + ".",
                    "hierarchyCode": str(n),
                    "typeCode": code,
                    "lastChangeDateTime": stamp,
                }
                for n, (name, code) in enumerate(types.items(), start=1)
            ]
        },
    }


def _resources(package: dict[str, Any], base: str) -> dict[str, Any]:
    """Each resource of a package, by its path under the REST base."""
    document = dict(package["CFDocument"])
    ident = document["identifier"]
    doc_link = {"title": document["title"], "identifier": ident, "uri": document["uri"]}
    package_link = {**doc_link, "uri": f"{base}{REST_PATH}CFPackages/{ident}"}
    found: dict[str, Any] = {
        f"CFDocuments/{ident}": {**document, "CFPackageURI": package_link},
        f"CFPackages/{ident}": package,
    }
    for collection in _COLLECTIONS:
        for obj in package[collection]:
            found[f"{collection}/{obj['identifier']}"] = {**obj, "CFDocumentURI": doc_link}
    for kind in package.get("CFDefinitions", {}).get("CFItemTypes", []):
        found[f"CFItemTypes/{kind['identifier']}"] = kind
    return found


def publish_case(
    standards: Standards,
    directory: str | os.PathLike[str],
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """Write the static REST tree of the standards (every language) and the catalogue.

    Returns the files written. Files that exist are replaced only with ``overwrite``;
    every file is written to a temporary file first and moved into place.
    """
    options = options or CaseOptions()
    given = list(standards_of(standards))
    shared = catalogue or load_catalogue()
    packages = [catalogue_package(shared, options)]
    for language in dict.fromkeys(s.language for s in given):
        chosen = evolve(options, language=language)
        packages.append(case_package(given, chosen, catalogue=shared))
    files: dict[str, str] = {}
    for package in packages:
        for path, resource in _resources(package, options.base_uri).items():
            files[REST_PATH + path] = dump_json(resource)
    return _write_tree(Path(directory), files, overwrite=overwrite)


def _write_tree(target: Path, files: dict[str, str], *, overwrite: bool) -> list[Path]:
    """Write ``files`` (relative path: text) as the directory ``target``, whole or not at
    all (:func:`~carenos.io.directory.directory_written_whole`)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot publish: {exc.strerror}", source=str(target)) from None
    with directory_written_whole(target, overwrite=overwrite) as staging:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return [target / relative for relative in files]
