"""``carenos render``: a standard as a web page, a Word document and Markdown.

The round trip is the contract: what carenos renders as HTML or Word, carenos's own
importer reads back to the same standard. The cases are every standard the tests hold
(the bundled ones, each import case's expected standards, the export cases) and a sample
of the benchmark corpus; the few known limits are strict xfails that say why.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from benchmarks import make_corpus

import carenos
from carenos.importer import imported
from carenos.io.published.docx import read_docx_document
from carenos.io.published.html import read_html_document
from carenos.views import render_docx, render_html, render_markdown
from carenos.views.labels import LABELS

from .support.cli import Cli
from .support.paths import CASES, ROOT

_PENDING = {
    case.parent.parent.name
    for case in (CASES / "import").glob("*/expected/*.yaml")
    if "pending:" in (case.parent.parent / "case.yaml").read_text(encoding="utf-8")
}
_LIMITS = {
    "leftover/X1.yaml": "a title of one letter ('T') is not read as a title by the importer",
}


def _files() -> list[Path]:
    found = sorted((ROOT / "data" / "standards").glob("*.yaml"))
    found += sorted(
        path
        for path in (CASES / "import").glob("*/expected/*.yaml")
        if path.parent.parent.name not in _PENDING
    )
    found += sorted((CASES / "export" / "standards").glob("*.yaml"))
    found += sorted((CASES / "diff" / "legacy-in-one-corpus" / "corpus").glob("*.yaml"))
    return found


def _param(path: Path) -> Any:
    key = f"{path.parent.parent.name}/{path.name}"
    marks = [pytest.mark.xfail(strict=True, reason=_LIMITS[key])] if key in _LIMITS else []
    return pytest.param(path, id=key, marks=marks)


CASES_FOUND = [_param(path) for path in _files()]


def _imported(document: Any) -> dict[str, Any]:
    (standard,) = imported(document).standards
    return carenos.to_dict(standard)


def _sample() -> list[carenos.Standard]:
    """Twelve standards of the benchmark corpus (spread over it: seeds and synthetic)."""
    return [carenos.from_dict(make_corpus.make_standard(i * 97)) for i in range(12)]


def test_there_are_cases() -> None:
    assert len(CASES_FOUND) >= 20


@pytest.mark.parametrize("path", CASES_FOUND)
def test_html_reads_back_to_the_same_standard(path: Path) -> None:
    standard = carenos.load(path)
    page = render_html(standard).encode("utf-8")
    assert _imported(read_html_document(page, f"{path}.html")) == carenos.to_dict(standard)


@pytest.mark.parametrize("path", CASES_FOUND)
def test_docx_reads_back_to_the_same_standard(path: Path) -> None:
    standard = carenos.load(path)
    document = read_docx_document(render_docx(standard), f"{path}.docx")
    assert _imported(document) == carenos.to_dict(standard)


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_the_benchmark_corpus_reads_back(kind: str) -> None:
    for standard in _sample():
        if kind == "html":
            document = read_html_document(render_html(standard).encode(), "x.html")
        else:
            document = read_docx_document(render_docx(standard), "x.docx")
        assert _imported(document) == carenos.to_dict(standard), standard.code


def test_html_escapes_the_texts() -> None:
    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    hostile = evolve(standard, title="<script>alert(1)</script> & co")
    page = render_html(hostile)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_html_stands_alone() -> None:
    page = render_html(carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml"))
    assert "<style>" in page
    assert "<script" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org', "")
    assert 'id="SCDHSC0393/K12"' in page


def test_docx_uses_word_styles_and_numbering() -> None:
    import docx

    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    document = docx.Document(io.BytesIO(render_docx(standard)))
    styles = [p.style.name if p.style else "" for p in document.paragraphs]
    assert styles[0] == "Title"
    assert styles.count("Heading 1") >= 6
    assert "List Bullet" in styles
    bullet = document.styles["List Bullet"]
    assert bullet.element.pPr.numPr is not None  # Word numbering, not a typed bullet
    assert document.core_properties.identifier == "SCDHSC0393"
    assert len(document.tables) == 1


@pytest.mark.parametrize("kind", ["html", "docx", "markdown"])
def test_a_welsh_standard_is_labelled_in_welsh(kind: str) -> None:
    standard = evolve(carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml"), language="cy")
    if kind == "docx":
        import docx

        document = docx.Document(io.BytesIO(render_docx(standard)))
        text = "\n".join(p.text for p in document.paragraphs)
    else:
        text = render_html(standard) if kind == "html" else render_markdown(standard)
    for key in ("performance", "knowledge", "performance_lead", "knowledge_lead", "overview"):
        assert LABELS["cy"][key] in text
        assert LABELS["en"][key] not in text


def test_every_language_has_every_label() -> None:
    assert set(LABELS["cy"]) == set(LABELS["en"])


def test_markdown_shows_the_statements() -> None:
    standard = carenos.load(CASES / "import" / "small" / "expected" / "XY0001.yaml")
    text = render_markdown(standard)
    assert text.startswith("# A small standard\n")
    assert "- **P3** do another thing\n" in text
    assert "### Safeguarding\n" in text
    assert "| Keywords | a; b |" in text


def test_render_command_writes_each_format(cli: Cli, tmp_path: Path) -> None:
    source = ROOT / "data" / "standards"
    for name in ("page.html", "page.docx", "page.md"):
        result = cli("render", source, "--code", "SCDHSC0393", "--out", tmp_path / name)
        assert result.exit_code == 0, result.output
    assert (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "page.docx").read_bytes().startswith(b"PK")
    assert (tmp_path / "page.md").read_text(encoding="utf-8").startswith("# Promote")
    again = cli("render", source, "--code", "SCDHSC0393", "--out", tmp_path / "page.html")
    assert again.exit_code == 2
    assert "exists" in again.output


def test_render_command_needs_a_code_for_several(cli: Cli) -> None:
    result = cli("render", ROOT / "data" / "standards")
    assert result.exit_code == 2
    assert "--code" in result.output
    missing = cli("render", ROOT / "data" / "standards", "--code", "NOPE1")
    assert missing.exit_code == 2
    assert "no standard NOPE1" in missing.output


def test_render_command_prints_html_by_default(cli: Cli) -> None:
    result = cli("render", ROOT / "data" / "standards" / "SCDHSC0429.yaml")
    assert result.exit_code == 0
    assert "<h1>" in result.output
    assert "SCDHSC0429/K1" in result.output


def test_render_command_reports_bad_input(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: [\n", encoding="utf-8")
    result = cli("render", bad)
    assert result.exit_code == 1
    assert f"{bad}:" in result.output
    assert "Traceback" not in result.output


def test_word_takes_long_titles_and_control_characters() -> None:
    import docx

    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    odd = evolve(standard, title="A title " * 40 + "\x0b with a vertical tab")
    document = docx.Document(io.BytesIO(render_docx(odd)))
    assert len(document.core_properties.title) == 255
    assert document.paragraphs[0].text.endswith("\ufffd with a vertical tab")


@pytest.mark.parametrize("fmt", ["html", "docx", "markdown"])
def test_a_text_no_page_can_hold_is_an_error_not_a_traceback(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    data = carenos.to_dict(carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml"))
    text = json.dumps(data).replace("Promote participation", "Promote \\ud800 participation", 1)
    path = tmp_path / "SCDHSC0393.json"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / f"page.{fmt}"
    result = cli("render", path, "--format", fmt, "--out", out)
    # the reader refuses the escape, at its place
    assert result.exit_code == 1, result.output
    assert f"{path}:1:" in result.output
    assert "unpaired surrogate" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_only_web_and_mail_addresses_are_links() -> None:
    from carenos.model import ExternalLink

    standard = carenos.load(ROOT / "data" / "standards" / "SCDHSC0393.yaml")
    links = (ExternalLink("click", "javascript:alert(1)"), ExternalLink("Guide", "https://e.org/g"))
    page = render_html(evolve(standard, external_links=links))
    assert "javascript:alert(1)" in page
    assert 'href="javascript' not in page
    assert '<a href="https://e.org/g">https://e.org/g</a>' in page
    markdown = render_markdown(evolve(standard, external_links=links))
    assert "<javascript" not in markdown
    assert "(<https://e.org/g>)" in markdown
