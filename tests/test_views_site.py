"""``carenos site``: the static site of a corpus, checked without a browser (the browser
checks are tests/browser, run by ``make test-browser``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from attrs import evolve
from benchmarks import make_corpus

import carenos
from carenos.errors import ContentError, UsageError
from carenos.export import CaseOptions, from_case, to_case
from carenos.importer import imported
from carenos.io.published.html import read_html_document
from carenos.mapping import map_knowledge
from carenos.views import SiteOptions, build_site
from carenos.views.heatmap import HeatRow, heatmap_svg
from carenos.views.site import PARALLEL_FROM

from .support.cli import Cli
from .support.export import case_errors
from .support.paths import CASES, ROOT


def _corpus() -> list[carenos.Standard]:
    standards = list(carenos.load_corpus(ROOT / "data" / "standards"))
    standards += carenos.load_corpus(CASES / "diff" / "legacy-in-one-corpus" / "corpus")
    return standards


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(_corpus(), out)
    return out


def test_the_site_has_every_part(site: Path) -> None:
    for name in (
        "index.html",
        "heatmap.html",
        "search.html",
        "shared/index.html",
        "revisions/index.html",
        "assets/carenos.css",
        "assets/search.js",
    ):
        assert (site / name).is_file(), name
    for standard in _corpus():
        for suffix in (".html", ".json", ".yaml"):
            assert (site / "standards" / f"{standard.code}{suffix}").is_file()


def test_a_standard_page_reads_back_to_the_standard(site: Path) -> None:
    for standard in _corpus():
        page = (site / "standards" / f"{standard.code}.html").read_bytes()
        (found,) = imported(read_html_document(page, "page.html")).standards
        assert carenos.to_dict(found) == carenos.to_dict(standard)


def test_the_downloads_are_the_standard(site: Path) -> None:
    for standard in _corpus():
        assert carenos.load(site / "standards" / f"{standard.code}.yaml") == standard
        assert carenos.load(site / "standards" / f"{standard.code}.json") == standard


def test_every_shared_statement_has_a_page_listing_its_refs(site: Path) -> None:
    kmap = map_knowledge(_corpus())
    catalogued = [group for group in kmap.groups if not group.proposed]
    assert catalogued
    assert not (site / "shared" / f"{kmap.proposals()[0].entry.id}.html").exists()
    for group in catalogued:
        page = (site / "shared" / f"{group.entry.id}.html").read_text(encoding="utf-8")
        for ref in group.refs:
            assert f'<tr id="{ref}">' in page
            code = ref.partition("/")[0]
            standard_page = (site / "standards" / f"{code}.html").read_text(encoding="utf-8")
            assert f'id="{ref}"' in standard_page
            assert f'href="../shared/{group.entry.id}.html#{ref}"' in standard_page


def test_discovery_adds_the_proposed_groups(tmp_path: Path) -> None:
    build_site(_corpus(), tmp_path / "site", options=SiteOptions(discover=True))
    kmap = map_knowledge(_corpus())
    for group in kmap.proposals():
        page = (tmp_path / "site" / "shared" / f"{group.entry.id}.html").read_text("utf-8")
        assert "proposed" in page
        assert all(f'<tr id="{ref}">' in page for ref in group.refs)


def test_several_processes_write_the_same_site(tmp_path: Path) -> None:
    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(2 * PARALLEL_FROM)]
    build_site(standards, tmp_path / "one", options=SiteOptions(jobs=1))
    build_site(standards, tmp_path / "two", options=SiteOptions(jobs=2))
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*"))
    two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*"))
    assert one == two
    for relative in one:
        if (tmp_path / "one" / relative).is_file():
            assert (tmp_path / "one" / relative).read_bytes() == (
                tmp_path / "two" / relative
            ).read_bytes(), relative


def test_the_search_index_holds_every_statement_once_a_text(site: Path) -> None:
    chunks = sorted((site / "search").glob("index-*.js"))
    entries = []
    for chunk in chunks:
        text = chunk.read_text(encoding="utf-8")
        found = re.fullmatch(r"carenosSearch\.add\((\d+), (\d+), (.*)\);\n", text, re.S)
        assert found is not None
        assert int(found.group(2)) == len(chunks)
        entries += json.loads(found.group(3))
    texts = [entry[0] for entry in entries]
    assert len(texts) == len(set(texts))
    refs = {ref for entry in entries for ref in entry[1]}
    assert refs == {s.ref for standard in _corpus() for s in standard.statements()}


def test_a_revision_page_for_the_pair(site: Path) -> None:
    page = (site / "revisions" / "CNDIFF01L--CNDIFF01.html").read_text(encoding="utf-8")
    assert "<h1>CNDIFF01L to CNDIFF01</h1>" in page
    listing = (site / "standards" / "CNDIFF01.html").read_text(encoding="utf-8")
    assert "revisions/CNDIFF01L--CNDIFF01.html" in listing


def test_site_and_case_tree_link_to_each_other(tmp_path: Path) -> None:
    standards = _corpus()[:2]
    site_base, case_base = "https://example.org/nos/", "https://example.org/case/"
    package = json.loads(to_case(standards, CaseOptions(base_uri=case_base, site_uri=site_base)))
    assert case_errors(package) == []
    items = package["CFItems"]
    uri_of = {i["humanCodingScheme"]: i["uri"] for i in items if "humanCodingScheme" in i}
    options = SiteOptions(case_base_uri=case_base)
    build_site(standards, tmp_path / "site", options=options)
    for standard in standards:
        page = (tmp_path / "site" / "standards" / f"{standard.code}.html").read_text("utf-8")
        assert f'href="{uri_of[standard.code]}"' in page
        for statement in standard.statements():
            assert f'<a class="id" href="{uri_of[statement.ref]}"' in page
    exemplars = [a for a in package["CFAssociations"] if a["associationType"] == "exemplar"]
    assert len(exemplars) == len(standards)
    for association in exemplars:
        origin = association["originNodeURI"]["uri"]
        code = next(code for code, uri in uri_of.items() if uri == origin)
        page = association["destinationNodeURI"]["uri"].removeprefix(site_base)
        assert page == f"standards/{code}.html"
        assert (tmp_path / "site" / page).is_file()
    assert list(from_case(json.dumps(package))) == standards  # the exemplars are not content


def test_a_welsh_version_has_its_own_page(tmp_path: Path) -> None:
    english = _corpus()[0]
    build_site([english, evolve(english, language="cy")], tmp_path / "site")
    page = (tmp_path / "site" / "standards" / "SCDHSC0393.cy.html").read_text(encoding="utf-8")
    assert '<article class="standard" lang="cy"' in page
    assert "Meini prawf perfformiad" in page


def test_an_existing_site_is_replaced_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty"):
        build_site(_corpus(), out)
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep"
    build_site(_corpus(), out, overwrite=True)
    assert not (out / "mine.txt").exists()
    assert (out / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failed_build_leaves_nothing(tmp_path: Path) -> None:
    english = _corpus()[0]
    with pytest.raises(UsageError, match="same code and language"):
        build_site([english, english], tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


def test_heatmap_cells_are_escaped_links() -> None:
    row = HeatRow("<b>X</b>", "x.html", {"rights": 3, "safe & sound": 0}, {"rights": "x.html#K1"})
    svg = str(heatmap_svg([row], ["rights", "safe & sound"], "A <title>"))
    assert "<b>" not in svg
    assert "&lt;b&gt;X&lt;/b&gt;" in svg
    assert 'href="x.html#K1"' in svg
    assert svg.count('class="cell"') == 1


def test_site_command(cli: Cli, tmp_path: Path) -> None:
    result = cli("site", ROOT / "data" / "standards", "--out", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert "written to" in result.output
    again = cli("site", ROOT / "data" / "standards", "--out", tmp_path / "site")
    assert again.exit_code == 2
    assert "--force" in again.output
    forced = cli("site", ROOT / "data" / "standards", "--out", tmp_path / "site", "--force")
    assert forced.exit_code == 0


def test_a_large_suite_has_several_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from carenos.views import site as site_module

    monkeypatch.setattr(site_module, "SUITE_PAGE", 3)
    monkeypatch.setattr(site_module, "LISTED_ON_INDEX", 3)
    standards = [carenos.from_dict(make_corpus.make_standard(i)) for i in range(7)]
    build_site(standards, tmp_path / "site")
    (suite,) = {s.metadata.suites[0] for s in standards if s.metadata}
    first = tmp_path / "site" / "suites" / f"{suite.replace(' ', '_')}.html"
    pages = [first] + [first.with_name(f"{first.stem}~{n}.html") for n in (2, 3)]
    shown = []
    for number, page in enumerate(pages, start=1):
        text = page.read_text(encoding="utf-8")
        assert f"({number} of 3)" in text
        shown += re.findall(r'<td><a href="\.\./standards/([^"]+)\.html">', text)
    assert shown == [s.code for s in standards]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "(7 standards)" in index
    assert "<table>" not in index


def test_case_files_beside_the_pages(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = cli("site", ROOT / "data" / "standards", "--out", out, "--case-files", "--discover")
    assert result.exit_code == 0, result.output
    for standard in _corpus()[:2]:
        package = json.loads((out / "standards" / f"{standard.code}.case.json").read_text("utf-8"))
        assert case_errors(package) == []
        assert list(from_case(json.dumps(package))) == [standard]
        page = (out / "standards" / f"{standard.code}.html").read_text(encoding="utf-8")
        assert f'<a href="{standard.code}.case.json">CASE</a>' in page


def test_a_directory_filled_during_the_build_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carenos.views import site as site_module

    out = tmp_path / "site"
    build = site_module._Site.build

    def meanwhile(self: site_module._Site) -> int:
        out.mkdir(exist_ok=True)
        (out / "theirs.txt").write_text("another build's", encoding="utf-8")
        return build(self)

    monkeypatch.setattr(site_module._Site, "build", meanwhile)
    with pytest.raises(UsageError, match="not empty"):
        build_site(_corpus(), out)
    assert [p.name for p in out.iterdir()] == ["theirs.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_current_directory_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")
    for out in (".", ".."):
        with pytest.raises(UsageError, match="current one"):
            build_site(_corpus(), out, overwrite=True)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_names_that_fold_to_one_file_name_get_two(tmp_path: Path) -> None:
    one, two = _corpus()[:2]
    assert one.metadata is not None
    assert two.metadata is not None
    one = evolve(one, metadata=evolve(one.metadata, suites=("Care & support",)))
    two = evolve(two, metadata=evolve(two.metadata, suites=("Care support", "Gofal â Chymorth")))
    build_site([one, two], tmp_path / "site")
    suites = tmp_path / "site" / "suites"
    assert sorted(p.name for p in suites.iterdir()) == [
        "Care_support.html",
        "Care_support_2.html",
        "Gofal_â_Chymorth.html",
    ]
    first = (suites / "Care_support.html").read_text(encoding="utf-8")
    second = (suites / "Care_support_2.html").read_text(encoding="utf-8")
    assert "<h1>Care &amp; support" in first
    assert one.code in first
    assert "<h1>Care support" in second
    assert two.code in second


@pytest.mark.parametrize("where", ["inside", "same", "around"])
def test_the_site_is_not_built_over_its_input(cli: Cli, tmp_path: Path, where: str) -> None:
    source = tmp_path / "standards"
    shutil.copytree(ROOT / "data" / "standards", source)
    out = {"inside": source / "site", "same": source, "around": tmp_path}[where]
    result = cli("site", source, "--out", out, "--force")
    assert result.exit_code == 2
    assert "overlap" in result.output
    assert sorted(p.name for p in source.iterdir()) == ["SCDHSC0393.yaml", "SCDHSC0429.yaml"]


def test_a_text_no_page_can_hold_is_an_error_not_a_traceback(cli: Cli, tmp_path: Path) -> None:
    data = carenos.to_dict(_corpus()[0])
    text = json.dumps(data).replace("Promote participation", "Promote \\ud800 participation", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "SCDHSC0393.json").write_text(text, encoding="utf-8")
    result = cli("site", tmp_path / "in", "--out", tmp_path / "site")
    assert result.exit_code == 1, result.output
    assert "SCDHSC0393.json:1:" in result.output  # the reader refuses it, at its place
    assert "unpaired surrogate" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    # a corpus built in Python with such a text: the site names the standard
    odd = evolve(carenos.from_dict(data), overview="Promote \ud800 participation")
    with pytest.raises(ContentError, match="SCDHSC0393 cannot be written"):
        build_site([odd], tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
