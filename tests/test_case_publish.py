"""``carenos publish case``: the static REST tree, served on loopback and harvested the way a
CASE client harvests a server (document, its package, then every object by its uri)."""

from __future__ import annotations

import functools
import json
import threading
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

from carenos.export.case import CaseOptions
from carenos.export.case.publish import publish_case

from .support.cli import Cli
from .support.export import case_errors, seed_standards


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A directory served over HTTP on the loopback interface, and its base URI."""
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _get(uri: str) -> Any:
    assert uri.startswith("http://127.0.0.1:")  # loopback only
    with urllib.request.urlopen(uri, timeout=10) as response:
        assert response.status == 200
        return json.load(response)


def test_the_published_tree_harvests_completely(served: tuple[Path, str]) -> None:
    root, base = served
    english = seed_standards()
    welsh = evolve(english[0], language="cy", title="Hyrwyddo cyfranogiad")
    written = publish_case([*english, welsh], root, CaseOptions(base_uri=base))
    assert written
    documents = sorted((root / "ims/case/v1p1/CFDocuments").iterdir())
    assert len(documents) == 3  # English, Welsh, and the catalogue
    fetched = 0
    for path in documents:
        document = _get(f"{base}ims/case/v1p1/CFDocuments/{path.name}")
        package = _get(document["CFPackageURI"]["uri"])
        assert package["CFDocument"]["identifier"] == document["identifier"]
        assert case_errors(package) == []
        in_package = {item["identifier"] for item in package["CFItems"]}
        for collection in ("CFItems", "CFAssociations"):
            for obj in package[collection]:
                got = _get(obj["uri"])
                assert got == {**obj, "CFDocumentURI": got["CFDocumentURI"]}
                assert got["CFDocumentURI"]["identifier"] == document["identifier"]
                fetched += 1
        for kind in package["CFDefinitions"]["CFItemTypes"]:
            assert _get(kind["uri"]) == kind
        for association in package["CFAssociations"]:
            for end in ("originNodeURI", "destinationNodeURI"):
                node = association[end]
                if (
                    node["identifier"] not in in_package
                    and node["identifier"] != document["identifier"]
                ):
                    _get(
                        node["uri"]
                    )  # a catalogue item, or the English item a Welsh one translates
    assert fetched > 500


def test_publishing_again_needs_force(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "site"
    args = ("publish", "case", "data/standards", "--out", out, "--case-base-uri", "https://x.test/")
    first = cli(*args)
    assert first.exit_code == 0, first.output
    assert "files written under" in first.output
    again = cli(*args)
    assert again.exit_code == 2
    assert "not empty; replace it with --force" in again.output
    assert cli(*args, "--force").exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging directory left
