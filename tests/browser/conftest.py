"""The browser tests' fixtures: a site built from the bundled and test standards, and a
headless Chromium (Debian's, driven by Playwright) that ``make test-browser`` installs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

import carenos
from carenos.views.site import SiteOptions, SiteResult, build_site

from ..support.paths import CASES, ROOT

CHROMIUM = os.environ.get("CARENOS_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "build" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Chromium's flags on a machine with a closed network, run as root (see the Makefile)."""


def corpus() -> list[carenos.Standard]:
    """The bundled standards, a Legacy/current pair, the export cases and a Welsh version."""
    standards = list(carenos.load_corpus(ROOT / "data" / "standards"))
    standards += carenos.load_corpus(CASES / "diff" / "legacy-in-one-corpus" / "corpus")
    standards += carenos.load_corpus(CASES / "export" / "standards")
    standards.append(evolve(standards[0], language="cy"))
    return standards


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    out = tmp_path_factory.mktemp("site") / "site"
    return build_site(corpus(), out, options=SiteOptions(title="Test suite of standards"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test-browser` installs Debian's chromium")
    if not AXE.exists():
        pytest.fail(f"no axe-core at {AXE}: `make test-browser` installs it from the npm registry")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
