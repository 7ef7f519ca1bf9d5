"""A static site of a corpus: an index of suites and standards, a page a standard, a page a
shared statement, the coverage heatmap, client-side search and revision pages.

The site works from the file system and from any static host: relative links only, no
server, no request to anywhere else (the stylesheet and the one script are files of the
site). It is built in a temporary directory beside ``out`` and moved into place whole.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from attrs import frozen

from .._pool import over_ranges
from ..catalogue import Catalogue
from ..errors import UsageError
from ..io.directory import directory_written_whole
from ..model import Standard, Standards, standards_of
from .case import CaseLinks
from .coverage import Key, categories, coverage_rows, overview_rows, suite_members
from .heatmap import HeatRow, heatmap_svg
from .html import SharedLink, environment, rendering, standard_context, stylesheet
from .labels import labels_for
from .naming import file_names, page_stem
from .revisions import revision_links, revision_pages
from .search_index import index_chunks
from .shared import shared_groups

__all__ = ["SiteOptions", "SiteResult", "build_site"]


@frozen
class SiteOptions:
    """What a site can be told: its ``title``; where the static CASE tree is hosted
    (``case_base_uri``, and the ``case_framework`` key it was published with), for links
    from each standard to its CASE item; ``built``, a date for the footer; ``discover``,
    to show the wording standards share that the catalogue has not (slower: it compares
    the statements of the whole corpus); ``jobs``, the processes that write the standards'
    pages (default 1, as everywhere in the library; ``carenos site`` uses every core);
    ``case_files``, to write each standard as a CASE package beside its page
    (``CODE.case.json``: about 170 KB a standard)."""

    title: str = "National Occupational Standards"
    case_base_uri: str | None = None
    case_framework: str | None = None
    built: str | None = None
    discover: bool = False
    jobs: int = 1
    case_files: bool = False


@frozen
class SiteResult:
    """What :func:`build_site` wrote: the directory, and how many pages and files."""

    directory: Path
    standards: int
    pages: int
    files: int
    index_bytes: int
    """The size of the search index (its scripts), in bytes."""


def _anchor(ref: str) -> str:
    return quote(ref, safe="/")


class _Site:
    """Writes one site into one directory; :func:`build_site` runs it."""

    def __init__(
        self,
        standards: list[Standard],
        root: Path,
        catalogue: Catalogue | None,
        options: SiteOptions,
    ) -> None:
        from .html import carenos_version

        self.standards = standards
        self.root = root
        self.catalogue = catalogue
        self.options = options
        self.pages = 0
        self.files = 0
        self.folders: set[str] = set()
        self.inputs: tuple[dict[str, SharedLink], CaseLinks | None, Any] = ({}, None, {})
        self.env = environment()
        self.common: dict[str, Any] = {
            "site_title": options.title,
            "version": carenos_version(),
            "count": len(standards),
            "built": options.built,
            "stylesheet": None,
            "has_revisions": False,
            "L": labels_for("en"),
        }
        self.stems = {(s.code, s.language): page_stem(s) for s in standards}
        self.suite_files = file_names(sorted(suite_members(standards)))
        if len(set(self.stems.values())) != len(standards):
            raise UsageError("two standards have the same code and language: a site has one")

    # -- writing -------------------------------------------------------------------------

    def write(self, relative: str, content: str | bytes) -> None:
        target = os.path.join(self.root, relative)
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(target, "wb") as handle:
            handle.write(data)
        self.files += 1

    def page(self, relative: str, template: str, **context: Any) -> None:
        depth = relative.count("/")
        root = "../" * depth
        values = {
            **self.common,
            "root": root,
            "stylesheet": f"{root}assets/carenos.css",
            "language": "en",
            **context,
        }
        self.write(relative, self.env.get_template(template).render(values))
        self.pages += 1

    def href(self, code: str, language: str, ref: str | None = None, root: str = "../") -> str:
        """The address of a standard's page (at ``ref``'s statement), from ``root``."""
        stem = self.stems.get((code, language))
        if stem is None:
            return ""
        return f"{root}standards/{quote(stem)}.html" + (f"#{_anchor(ref)}" if ref else "")

    # -- the parts -----------------------------------------------------------------------

    def build(self) -> int:
        self.write("assets/carenos.css", stylesheet())
        from importlib.resources import files

        script = files("carenos.views").joinpath("static", "search.js").read_text("utf-8")
        self.write("assets/search.js", script)
        revisions = revision_pages(self.standards, self.href)
        self.common["has_revisions"] = bool(revisions)
        groups = shared_groups(
            self.standards, self.catalogue, discover=self.options.discover, jobs=self.options.jobs
        )
        shared = self.shared_pages(groups)
        self.standard_pages(shared, revisions)
        coverage = coverage_rows(self.standards, groups, self.href)
        suites = self.suite_pages(coverage)
        self.heatmap_page(coverage, suites)
        listed = len(self.standards) <= LISTED_ON_INDEX
        self.page(
            "index.html",
            "site_index.html.j2",
            suites=suites,
            shared_count=len(groups),
            listed=listed,
        )
        if revisions:
            for relative, context in revisions.items():
                self.page(relative, "site_revision.html.j2", **context)
            rows = [{**c["row"], "href": rel.partition("/")[2]} for rel, c in revisions.items()]
            self.page("revisions/index.html", "site_revisions.html.j2", revisions=rows)
        return self.search()

    def shared_pages(self, groups: list[tuple[str, Any]]) -> dict[str, SharedLink]:
        """A page a shared statement; the link each statement in one gets."""
        links: dict[str, SharedLink] = {}
        by_category: dict[str, list[dict[str, Any]]] = {}
        bases = {
            (group.entry.id, language): group.entry.id
            if language == "en"
            else f"{group.entry.id}.{language}"
            for language, group in groups
        }
        shared_files = file_names(bases.values())
        for language, group in groups:
            entry = group.entry
            name = shared_files[bases[entry.id, language]]
            rows = []
            for link in group.links:
                code = link.code
                rows.append(
                    {
                        "ref": link.ref,
                        "match": link.match,
                        "score": round(link.score),
                        "differences": link.differences,
                        "href": self.href(code, language, link.ref),
                    }
                )
                how = "word for word" if link.match == "exact" else f"near, {round(link.score)}"
                links[f"{language}\n{link.ref}"] = SharedLink(
                    f"../shared/{quote(name)}#{_anchor(link.ref)}",
                    f"Shared statement {entry.id} ({how})",
                )
            page = {
                "id": entry.id,
                "text": entry.text,
                "category": entry.category,
                "proposed": group.proposed,
                "links": rows,
                "standards": len(group.codes),
                "count": len(rows),
                "href": quote(name),
            }
            self.page(f"shared/{name}", "site_shared.html.j2", group=page, language=language)
            by_category.setdefault(entry.category, []).append(page)
        self.page(
            "shared/index.html", "site_shared_index.html.j2", categories=sorted(by_category.items())
        )
        return links

    def standard_pages(self, shared: dict[str, SharedLink], revisions: dict[str, Any]) -> None:

        base = self.options.case_base_uri
        case = (
            None
            if base is None
            else CaseLinks.hosted(self.standards, base, self.options.case_framework)
        )
        self.inputs = (shared, case, revision_links(revisions))
        done = over_ranges(
            self.standard_range, len(self.standards), self.options.jobs, least=PARALLEL_FROM
        )
        if len(done) > 1:  # the workers wrote: count what they wrote
            self.pages += sum(pages for pages, _ in done)
            self.files += sum(files for _, files in done)

    def standard_range(self, start: int, stop: int) -> tuple[int, int]:
        """Write the pages and downloads of the standards ``start`` to ``stop``."""
        shared, case, by_stem = self.inputs
        pages, files = self.pages, self.files
        for standard in self.standards[start:stop]:
            with rendering(standard, "a page of the site"):
                self.standard_files(standard, shared, case, by_stem)
        return self.pages - pages, self.files - files

    def standard_files(
        self,
        standard: Standard,
        shared: dict[str, SharedLink],
        case: CaseLinks | None,
        by_stem: dict[str, list[dict[str, str]]],
    ) -> None:
        """Write the standard's page and its downloads."""
        from ..convert import to_dict
        from ..io.json import dump_json
        from ..io.yaml_bulk import dump_yaml_bulk
        from ..mapping import occurrences

        stem = self.stems[standard.code, standard.language]
        prefix = f"{standard.language}\n"
        links = {
            o.ref: link
            for o in occurrences(standard)
            if (link := shared.get(prefix + o.ref)) is not None
        }
        context = standard_context(standard, shared=links)
        suites = standard.metadata.suites if standard.metadata else ()
        context.update(
            stem=quote(stem),
            case_uri=None if case is None else case.standard(standard),
            case_file=self.options.case_files,
            case_items={} if case is None else case.statements(standard),
            revision_links=by_stem.get(stem, []),
            suite_links=[
                {"name": n, "href": f"../suites/{quote(self.suite_files[n])}"} for n in suites
            ],
        )
        self.page(f"standards/{stem}.html", "site_standard.html.j2", **context)
        data = to_dict(standard)
        self.write(f"standards/{stem}.json", dump_json(data))
        self.write(f"standards/{stem}.yaml", dump_yaml_bulk(data))
        if self.options.case_files:
            self.write(f"standards/{stem}.case.json", self.case_package(standard))

    def case_package(self, standard: Standard) -> str:
        """The standard alone as a CASE package (its identifiers as in the corpus's)."""
        from ..export.case import CaseOptions, to_case

        base = self.options.case_base_uri
        options = CaseOptions(framework=self.options.case_framework)
        if base is not None:
            options = CaseOptions(framework=self.options.case_framework, base_uri=base)
        return to_case([standard], options)

    def suite_pages(self, coverage: dict[tuple[str, str], HeatRow]) -> list[dict[str, Any]]:
        members = suite_members(self.standards)
        columns = categories(coverage.values())
        listed = []
        for name in sorted(members):
            file = self.suite_files[name]
            rows: list[dict[str, Any]] = [
                {
                    "code": s.code,
                    "title": s.title,
                    "language": s.language,
                    "href": self.href(s.code, s.language, root=""),
                    "key": (s.code, s.language),
                }
                for s in members[name]
            ]
            suite = {"name": name, "href": f"suites/{quote(file)}", "standards": rows}
            parts = [rows[i : i + SUITE_PAGE] for i in range(0, len(rows), SUITE_PAGE)]
            # "~" is in no file name _file_names makes: page 2 of "X" is no suite's page
            names = [file] + [f"{file[:-5]}~{n}.html" for n in range(2, len(parts) + 1)]
            for number, (part, page) in enumerate(zip(parts, names, strict=True), start=1):
                local = [{**row, "href": f"../{row['href']}"} for row in part]
                svg = heatmap_svg(
                    [coverage[row["key"]] for row in part],
                    columns,
                    f"Shared knowledge by category: {name}",
                )
                pages = [(n, other) for n, other in enumerate(names, start=1)]
                self.page(
                    f"suites/{page}",
                    "site_suite.html.j2",
                    suite={**suite, "standards": local},
                    svg=svg,
                    part=number,
                    parts=pages if len(pages) > 1 else [],
                )
            listed.append(suite)
        return listed

    def heatmap_page(self, coverage: dict[Key, HeatRow], suites: list[dict[str, Any]]) -> None:
        rows, caption = overview_rows(coverage, suites)
        svg = heatmap_svg(rows, categories(coverage.values()), "Shared knowledge by category")
        self.page("heatmap.html", "site_heatmap.html.j2", svg=svg, caption=caption)

    def search(self) -> int:
        size = 0
        chunks = 0
        for number, chunk in enumerate(index_chunks(self.standards)):
            data = chunk.encode("utf-8")
            self.write(f"search/index-{number}.js", data)
            size += len(data)
            chunks += 1
        self.page("search.html", "site_search.html.j2", chunks=chunks)
        return size


SUITE_PAGE = 300
"""Standards a suite's page shows (with their heatmap); a larger suite has several pages."""
LISTED_ON_INDEX = 1000
"""Up to this many standards, the index lists every standard under its suite; beyond, the
suites only, each page listing its own."""
PARALLEL_FROM = 400
"""Standards a worker process is worth: fewer, and the pages are written in process."""


def build_site(
    standards: Standards,
    out: str | os.PathLike[str],
    *,
    catalogue: Catalogue | None = None,
    options: SiteOptions | None = None,
    overwrite: bool = False,
) -> SiteResult:
    """Write the site of ``standards`` to the directory ``out`` (see the module).

    ``catalogue`` is the shared statements' catalogue (default: the bundled one). An
    existing ``out`` that is not empty is refused unless ``overwrite``; then it is replaced
    whole, once the new site is complete.
    """
    listed = list(standards_of(standards))
    if not listed:
        raise UsageError("no standards to build a site of")
    with directory_written_whole(out, overwrite=overwrite) as work:
        site = _Site(listed, work, catalogue, options or SiteOptions())
        index_bytes = site.build()
    return SiteResult(Path(out), len(listed), site.pages, site.files, index_bytes)
