"""The rendered Word document in LibreOffice (Debian's, headless): it opens, converts to
PDF, and LibreOffice's own re-save of it still reads back to the same standard (its
styles and numbering survive another word processor). Run by ``make test-browser``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import carenos
from carenos.importer import imported
from carenos.io.published import read_document
from carenos.views import render_docx

from ..support.paths import CASES, ROOT

pytestmark = pytest.mark.browser

SOFFICE = shutil.which("soffice")

_STANDARDS = [
    ROOT / "data" / "standards" / "SCDHSC0393.yaml",
    CASES / "import" / "nosdb-page-hsccld-2026" / "expected" / "HSCCLD220.yaml",
]


def _convert(source: Path, target: str, out: Path) -> Path:
    if SOFFICE is None:
        pytest.fail("no LibreOffice (soffice): `make test-browser` installs Debian's")
    profile = out / "profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (made,) = [p for p in out.iterdir() if p.is_file() and p.suffix == "." + target.split(":")[0]]
    return made


@pytest.mark.parametrize("path", _STANDARDS, ids=lambda p: p.stem)
def test_libreoffice_resaves_the_word_document_as_the_same_standard(
    path: Path, tmp_path: Path
) -> None:
    standard = carenos.load(path)
    source = tmp_path / "in" / f"{standard.code}.docx"
    source.parent.mkdir()
    source.write_bytes(render_docx(standard))
    resaved = _convert(source, "docx:MS Word 2007 XML", tmp_path / "resaved")
    assert resaved.read_bytes() != source.read_bytes()
    (found,) = imported(read_document(resaved)).standards
    assert carenos.to_dict(found) == carenos.to_dict(standard)


def test_libreoffice_prints_the_word_document(tmp_path: Path) -> None:
    from pypdf import PdfReader

    standard = carenos.load(_STANDARDS[0])
    source = tmp_path / "in" / f"{standard.code}.docx"
    source.parent.mkdir()
    source.write_bytes(render_docx(standard))
    pdf = _convert(source, "pdf", tmp_path / "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert standard.title in " ".join(text.split())
    for words in ("Performance criteria", "You must be able to:", "K45"):
        assert words in text
