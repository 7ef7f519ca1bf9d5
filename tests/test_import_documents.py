"""The committed standards (YAML) written as a Word document and a PDF, imported back.

The documents are made here from ``data/standards/*.yaml`` by the test-only renderers
(:mod:`tests.support.render_layouts`: python-docx with Word's own list numbering, reportlab
with wrapped lines, running headers and page footers), so the fixtures are never stale.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import carenos

from .support import render_layouts as render
from .support.paths import ROOT

STANDARDS = sorted((ROOT / "data" / "standards").glob("*.yaml"))


@pytest.mark.parametrize("path", STANDARDS, ids=lambda p: p.stem)
def test_a_standard_written_as_word_imports_back(path: Path, tmp_path: Path) -> None:
    standard = carenos.load(path)
    document = tmp_path / f"{standard.code}.docx"
    document.write_bytes(render.word_document(standard))
    (back,) = carenos.import_file(document)
    assert back == standard


@pytest.mark.parametrize("path", STANDARDS, ids=lambda p: p.stem)
def test_a_standard_written_as_pdf_imports_back(path: Path, tmp_path: Path) -> None:
    standard = carenos.load(path)
    document = tmp_path / f"{standard.code}.pdf"
    document.write_bytes(render.pdf_document(standard))
    (back,) = carenos.import_file(document)
    assert carenos.to_dict(back) == carenos.to_dict(standard)
