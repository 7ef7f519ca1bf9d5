"""The site in a real browser: headless Chromium loads every page, search finds a
statement and opens its anchor, heatmap cells lead to the right statements, and axe-core
finds no serious accessibility violation. Run by ``make test-browser`` (CI too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from carenos.views.site import SiteResult

from .conftest import AXE

pytestmark = pytest.mark.browser


class Tab:
    """A browser page that records what would show in its console as an error."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page()
        self.errors: list[str] = []
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.as_uri() + fragment, wait_until="load")
        return self.page


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    opened = Tab(browser)
    yield opened
    opened.page.close()


def _pages(site: SiteResult) -> list[Path]:
    return sorted(site.directory.rglob("*.html"))


def test_every_page_loads_without_console_errors(site: SiteResult, tab: Tab) -> None:
    pages = _pages(site)
    assert len(pages) == site.pages
    for path in pages:
        page = tab.open(path)
        assert page.title(), path
        assert page.locator("main h1").count() == 1, path
    assert tab.errors == []


def test_every_link_of_every_page_leads_to_a_page_and_anchor_of_the_site(
    site: SiteResult, tab: Tab
) -> None:
    checked = 0
    for path in _pages(site):
        page = tab.open(path)
        hrefs = page.eval_on_selector_all(
            "a[href]",
            "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)",
        )
        for href in hrefs:
            parts = urlsplit(href)
            assert parts.scheme == "file", (path, href)
            target = Path(unquote(parts.path))
            assert target.exists(), (path, href)
            if parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (path, href)
            checked += 1
    assert checked > 500


def test_search_finds_a_statement_and_its_link_opens_the_anchor(site: SiteResult, tab: Tab) -> None:
    page = tab.open(site.directory / "search.html")
    page.fill("#query", "challenge discrimination")
    page.wait_for_selector("#results li")
    first = page.locator("#results li").first
    assert "challenge discrimination" in first.locator("p").inner_text().casefold()
    link = first.locator("a.ref").first
    ref = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert unquote(urlsplit(page.url).fragment) == ref
    target = page.locator(f'[id="{ref}"]')
    assert "challenge discrimination" in target.inner_text().casefold()
    assert page.evaluate("document.querySelector(':target').id") == ref
    assert tab.errors == []


def test_search_says_when_nothing_matches(site: SiteResult, tab: Tab) -> None:
    page = tab.open(site.directory / "search.html")
    page.fill("#query", "zzqx nothing holds this")
    page.wait_for_function("document.getElementById('status').textContent.startsWith('No')")
    assert page.locator("#results li").count() == 0


def test_heatmap_cells_link_to_a_statement_of_their_category(site: SiteResult, tab: Tab) -> None:
    page = tab.open(site.directory / "heatmap.html")
    cells = page.eval_on_selector_all(
        "a.cell",
        "cells => cells.map(a => [a.getAttribute('aria-label'),"
        " new URL(a.getAttribute('href'), document.baseURI).href])",
    )
    assert len(cells) >= 10
    for label, href in cells:
        row, _, rest = label.partition(", ")
        category, _, count = rest.rpartition(": ")
        assert int(count) >= 1
        opened = tab.open(Path(unquote(urlsplit(href).path)), "#" + urlsplit(href).fragment)
        assert opened.locator("h1").inner_text()
        ref = unquote(urlsplit(href).fragment)
        assert ref.startswith(row.split(" ")[0] + "/"), (label, ref)
        shared = opened.locator(f'[id="{ref}"] a.shared')
        shared.click()
        opened.wait_for_load_state("load")
        assert f"Category: {category}" in opened.locator("main").inner_text(), (label, ref)
    assert tab.errors == []


def test_keyboard_reaches_the_content_first(site: SiteResult, tab: Tab) -> None:
    page = tab.open(next((site.directory / "standards").glob("SCDHSC0393.html")))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_print_stylesheet_hides_navigation(site: SiteResult, tab: Tab) -> None:
    page = tab.open(site.directory / "standards" / "SCDHSC0393.html")
    page.emulate_media(media="print")
    assert page.locator("nav.site").is_hidden()
    assert page.locator("main h1").is_visible()


def test_welsh_pages_are_labelled_in_welsh(site: SiteResult, tab: Tab) -> None:
    page = tab.open(site.directory / "standards" / "SCDHSC0393.cy.html")
    assert page.evaluate("document.querySelector('article').lang") == "cy"
    text = page.locator("main").inner_text()
    assert "Meini prawf perfformiad" in text
    assert "Performance criteria" not in text


_AXE_PAGES = [
    "index.html",
    "heatmap.html",
    "search.html",
    "shared/index.html",
    "standards/SCDHSC0393.html",
    "standards/SCDHSC0393.cy.html",
    "revisions/index.html",
]


@pytest.mark.parametrize("relative", _AXE_PAGES)
def test_axe_finds_no_serious_violations(site: SiteResult, tab: Tab, relative: str) -> None:
    page = tab.open(site.directory / relative)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_axe_on_every_kind_of_page(site: SiteResult, tab: Tab) -> None:
    kinds = {re.sub(r"/[^/]*$", "/", str(p.relative_to(site.directory))) for p in _pages(site)}
    checked = {re.sub(r"/[^/]*$", "/", relative) for relative in _AXE_PAGES}
    suites = next((site.directory / "suites").glob("*.html"))
    shared = next(p for p in (site.directory / "shared").glob("*.html") if p.name != "index.html")
    revision = next(p for p in (site.directory / "revisions").glob("*--*.html"))
    for path in (suites, shared, revision):
        page = tab.open(path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], path
        checked.add(re.sub(r"/[^/]*$", "/", str(path.relative_to(site.directory))))
    assert kinds <= checked | {"index.html", "heatmap.html", "search.html"}


def test_screenshots_of_a_standard_and_the_heatmap(
    site: SiteResult, tab: Tab, screenshots: Path
) -> None:
    page = tab.open(site.directory / "standards" / "SCDHSC0393.html")
    page.set_viewport_size({"width": 1100, "height": 1400})
    page.screenshot(path=str(screenshots / "standard.png"))
    page = tab.open(site.directory / "heatmap.html")
    page.screenshot(path=str(screenshots / "heatmap.png"), full_page=True)
    page = tab.open(site.directory / "search.html")
    page.fill("#query", "confidential")
    page.wait_for_selector("#results li")
    page.screenshot(path=str(screenshots / "search.png"))
    for name in ("standard.png", "heatmap.png", "search.png"):
        data = (screenshots / name).read_bytes()
        assert data.startswith(b"\x89PNG"), name
        assert len(data) > 10_000, name
