"""The CFPackage of a set of standards: one CFDocument, its items, associations and types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from ..._gc import gc_paused
from ...catalogue import Catalogue, load_catalogue
from ...corpus import read_jobs
from ...io.json import dump_json
from ...mapping.linking import Linker
from ...model import Standard, Standards, standards_of
from .._output import ExportOptions
from . import parts
from .identity import framework_of, identifier
from .items import ITEM_TYPES, Builder, statement_keys
from .options import (
    DEFAULT_TITLE,
    CaseOptions,
    export_date,
    full_date,
    rfc3339,
    short_title,
    stamp_of,
)
from .parts import Linked, linked_refs
from .spool import Spool

__all__ = [
    "NOS_FINDER",
    "build_package",
    "case_package",
    "catalogue_item",
    "to_case",
    "write_case",
]

NOS_FINDER = "https://www.ukstandards.org.uk/en/nos-finder/"
"""The UK NOS database's page of a standard is ``NOS_FINDER + CODE + "/" + title slug``."""

_CHANGED = ("editorial", "reworded", "split", "merged")


def catalogue_item(entry_id: str) -> str:
    """The identifier of the shared statement ``entry_id`` in the catalogue's CFDocument."""
    return identifier(f"catalogue\n{entry_id}")


def _official_page(standard: Standard) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", standard.title.casefold()).strip("-")
    return f"{NOS_FINDER}{standard.code}/{slug}"


def _document(
    standards: list[Standard], options: CaseOptions, framework: str, ident: str, link: str
) -> dict[str, Any]:
    """The CFDocument: its identity, and what the standards say of who, when and how current."""
    metadata = [s.metadata for s in standards if s.metadata is not None]
    developers = list(dict.fromkeys(m.developed_by for m in metadata if m.developed_by))
    creator = options.creator or "; ".join(developers) or "not stated"
    title = options.title or (framework if framework != DEFAULT_TITLE else DEFAULT_TITLE)
    document: dict[str, Any] = {
        "identifier": ident,
        "uri": link,
        "creator": creator,
        "title": short_title(title),
        "lastChangeDateTime": "",
        "publisher": options.publisher or creator,
        "caseVersion": "1.1",
        "language": options.language,
    }
    if len(title) > len(document["title"]):
        document["description"] = title
    one = standards[0] if len(standards) == 1 else None
    version = options.version
    if version is None and one is not None and one.metadata and one.metadata.version:
        version = str(one.metadata.version)
    if version is not None:
        document["version"] = version
    if one is not None:
        document["officialSourceURL"] = _official_page(one)
    validities = {m.validity for m in metadata}
    if validities == {"Legacy"} and len(metadata) == len(standards):
        document["adoptionStatus"] = "Deprecated"
    elif "Current" in validities:
        document["adoptionStatus"] = "Adopted"
    if one is not None and one.metadata is not None:
        start = full_date(one.metadata.date_approved)
        if start is not None:
            document["statusStartDate"] = start
    return document


def _legacy_end(standard: Standard) -> str | None:
    """``statusEndDate`` of a Legacy standard's items: its review date, else the export's."""
    metadata = standard.metadata
    if metadata is None or metadata.validity != "Legacy":
        return None
    return full_date(metadata.indicative_review_date) or export_date()


def case_package(
    standards: Standards,
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> dict[str, Any]:
    """The CFPackage of the standards of ``options.language`` as a dict.

    See :mod:`carenos.export.case` for what goes where and the identity rules.

    Args:
        standards: the standards (other languages give translation links only).
        options: framework, document fields, URIs, dates, previous version
            (default: :class:`CaseOptions`).
        catalogue: the shared statements exact matches link to (default: the bundled one).
    """
    return build_package(standards, options, catalogue=catalogue)[0]


def build_package(
    standards: Standards,
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
    spools: tuple[Spool, Spool] | None = None,
    jobs: int = 1,
) -> tuple[dict[str, Any], Mapping[str, dict[str, Any]]]:
    """:func:`case_package`, and the link (title, identifier, uri) of each standard (by
    code) and statement (by ref) in it: what other exports align to.

    With ``spools``, the CFItems and CFAssociations go to them as they are made (the
    package holds the spools); then, for English standards without a previous version,
    the statements' links given back are those of the catalogue's matches only, and with
    ``jobs`` above 1 and enough standards, forked processes build a range of standards
    each (:mod:`.parts`).
    """
    standards = standards_of(standards)
    options = CaseOptions() if options is None else options
    given = list(standards)
    chosen = [s for s in given if s.language == options.language]
    framework = framework_of(chosen, options.framework, DEFAULT_TITLE)
    ident = identifier(f"document\n{framework}\n{options.language}")
    builder = Builder(options.base_uri, framework, {}, *(spools or ()))
    builder.site = options.site_uri
    link = builder.link("CFDocuments", ident, "")
    document = _document(chosen, options, framework, ident, link["uri"])
    builder.document = {**link, "title": document["title"]}
    stamps = [stamp_of(standard, options) for standard in chosen]
    ends = [_legacy_end(standard) for standard in chosen]
    linker = None
    if options.language == "en" and chosen:  # the catalogue is in English
        catalogue = load_catalogue() if catalogue is None else catalogue
        linker = Linker(catalogue)
    # streamed, English, no previous version: only the catalogue's matches need links
    streamed = spools is not None and options.language == "en" and not options.previous
    if streamed and jobs > 1 and len(chosen) >= 2 * parts.CASE_PARALLEL_FROM:
        assert spools is not None
        linked = _in_parts(builder, spools, chosen, stamps, ends, linker, jobs)
    else:
        linked = []
        for sequence, standard in enumerate(chosen, start=1):
            found = linked_refs(linker, [standard])
            if streamed:
                builder.keep = {ref for ref, _, _ in found}
            builder.standard(standard, sequence, stamps[sequence - 1], ends[sequence - 1])
            linked += found
    document["lastChangeDateTime"] = max(
        stamps, default=rfc3339(options.last_change or export_date())
    )
    if catalogue is not None and linker is not None:
        _matches(builder, linked, catalogue, options)
    _translations(builder, chosen, given, options)
    _replaced(builder, chosen, options, framework)
    package = {
        "CFDocument": document,
        "CFItems": builder.items,
        "CFAssociations": builder.associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    "identifier": identifier(f"CFItemType {name}"),
                    "uri": builder.item_type(name)["uri"],
                    "title": name,
                    "description": description,
                    "hierarchyCode": hierarchy,
                    "typeCode": code,
                    "lastChangeDateTime": document["lastChangeDateTime"],
                }
                for name, (hierarchy, code, description) in ITEM_TYPES.items()
                if name in builder.types_used
            ]
        },
    }
    return package, builder.nodes


def _in_parts(
    builder: Builder,
    spools: tuple[Spool, Spool],
    chosen: list[Standard],
    stamps: list[str],
    ends: list[str | None],
    linker: Linker | None,
    jobs: int,
) -> Linked:
    """The standards built in forked processes (:func:`~.parts.build_parts`), their parts
    taken in order into ``spools``; what the catalogue links of them."""
    items, associations = spools
    linked: Linked = []
    directories = (items.directory, associations.directory)
    for part in parts.build_parts(builder, chosen, stamps, ends, linker, jobs, directories):
        items.extend(part.items, part.item_count)
        associations.extend(part.associations, part.association_count)
        for name in part.types:
            builder.item_type(name)
        for ref, node in part.nodes.items():
            builder.nodes[ref] = node
        linked.extend(part.linked)
    builder.stamp = stamps[-1]  # as after building the last standard here
    return linked


def _matches(builder: Builder, linked: Linked, catalogue: Catalogue, options: CaseOptions) -> None:
    """``exactMatchOf`` from each statement that is a catalogue entry word for word to the
    entry's item in the catalogue's CFDocument; ``isRelatedTo`` for near ones if asked."""
    by_entry: dict[str, list[tuple[str, str]]] = {}  # entry id -> (ref, match), corpus order
    for ref, entry_id, how in linked:
        by_entry.setdefault(entry_id, []).append((ref, how))
    for entry in catalogue:  # in the catalogue's order, as the map's groups are
        if entry.id not in by_entry:
            continue
        target = builder.link("CFItems", catalogue_item(entry.id), entry.id)
        for ref, match in by_entry[entry.id]:
            node = builder.nodes.get(ref)
            if node is None or (match != "exact" and not options.near):
                continue
            kind = "exactMatchOf" if match == "exact" else "isRelatedTo"
            builder.associate(kind, node, target, extensions={"carenos": {"shared_id": entry.id}})


def _translations(
    builder: Builder, chosen: list[Standard], given: list[Standard], options: CaseOptions
) -> None:
    """``isTranslationOf`` (CASE 1.0: ``isRelatedTo``) from each translated statement to
    the English one with its id, where the English standard was given too."""
    if options.language == "en":
        return
    english = {s.code: s for s in given if s.language == "en"}
    kind = "isTranslationOf" if options.case_version == "1.1" else "isRelatedTo"
    for standard in chosen:
        source = english.get(standard.code)
        if source is None:
            continue
        framework = framework_of([source], options.framework, DEFAULT_TITLE)
        keys = statement_keys(framework, source)
        for statement in standard.statements():
            original = source.get(statement.id)
            if original is None or statement.ref not in builder.nodes:
                continue
            target = builder.link("CFItems", identifier(keys[original.ref]), original.ref)
            builder.associate(kind, builder.nodes[statement.ref], target)


def _replaced(
    builder: Builder, chosen: list[Standard], options: CaseOptions, framework: str
) -> None:
    """``replacedBy`` from each statement of the previous version whose text changed
    (edited, reworded, split or merged) to what replaced it (``carenos diff``'s matching)."""
    if not options.previous:
        return
    from ...revisions import diff_corpora

    previous = [s for s in options.previous if s.language == options.language]
    by_code = {s.code: s for s in previous}
    for result in diff_corpora(previous, chosen):
        if result.old is None or result.new is None:
            continue
        keys = statement_keys(framework, by_code[result.old])
        for change in result.changes:
            if not change.is_statement or change.kind not in _CHANGED:
                continue
            olds = change.old if isinstance(change.old, tuple) else (change.old,)
            news = change.new if isinstance(change.new, tuple) else (change.new,)
            for old in olds:
                origin = builder.link("CFItems", identifier(keys[str(old)]), str(old))
                for new in news:
                    if str(new) in builder.nodes:
                        builder.associate("replacedBy", origin, builder.nodes[str(new)])


def to_case(
    standards: Standards,
    options: CaseOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> str:
    """The CFPackage of the standards as indented JSON text (see :func:`case_package`)."""
    return dump_json(case_package(standards, options, catalogue=catalogue))


def write_case(standards: Standards, handle: IO[str], options: ExportOptions | None = None) -> None:
    """Write :func:`to_case` of the standards, with the catalogue and CASE options given.

    The same text, streamed: each CFItem and CFAssociation is written to a spool on disk as
    it is made, so memory holds one standard's objects, not the package (a whole suite's
    package is gigabytes of JSON); the cyclic garbage collector is paused meanwhile (see
    :func:`carenos._gc.gc_paused`). ``options.jobs`` processes build it (default: the
    command line's ``--jobs``, else one; see :func:`build_package`).
    """
    options = options or ExportOptions()
    jobs = read_jobs(options.jobs)
    with gc_paused(), Spool() as items, Spool() as associations:
        package, _nodes = build_package(
            standards,
            options.case,
            catalogue=options.catalogue,
            spools=(items, associations),
            jobs=jobs,
        )
        package["CFItems"], package["CFAssociations"] = _ITEMS, _ASSOCIATIONS
        text = dump_json(package)
        start, rest = text.split(f'"{_ITEMS}"')
        middle, end = rest.split(f'"{_ASSOCIATIONS}"')
        handle.write(start)
        items.copy_to(handle)
        handle.write(middle)
        associations.copy_to(handle)
        handle.write(end)


_ITEMS, _ASSOCIATIONS = "carenos:CFItems", "carenos:CFAssociations"
"""Stand-ins for the spooled arrays in the package's text (no CASE field holds them)."""
