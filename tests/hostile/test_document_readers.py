"""Broken published documents through every reader: carenos's own error naming the file.

Each document (.txt, .html, .htm, .docx, .pdf) is made valid in the test, then broken:
truncated, bytes flipped, Word parts dropped or corrupted, PDFs without a text layer,
encrypted or with a broken cross-reference table, HTML without a body or nested 10,000
deep, binary noise, text in UTF-16 or Windows-1252, a file under another format's suffix.
Every one goes through :func:`carenos.io.published.read_document`,
:func:`carenos.import_file`, ``carenos import FILE --out DIR`` and ``carenos import
--explain FILE``, and must end in a :class:`~carenos.CarenosError` whose ``str()`` holds
the path (exit code 1 or 2, no traceback, nothing written) or in a successful import of
what the document holds.

The properties are derandomized (the same examples every run, for a stable suite); set
``CARENOS_FUZZ=N`` to run each with N fresh random examples instead.
"""

from __future__ import annotations

import functools
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeAlias

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carenos
from carenos import CarenosError, Standard
from carenos.errors import UsageError
from carenos.io.published import read_document

from ..support import broken_documents as bd
from ..support.cli import Cli

FUZZ = int(os.environ.get("CARENOS_FUZZ", "0"))


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis settings of a property: ``examples`` derandomized (or CARENOS_FUZZ random)."""
    return settings(
        max_examples=FUZZ or examples,
        derandomize=not FUZZ,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


Outcome: TypeAlias = list[Standard] | CarenosError
"""What a document came to: the standards imported, or carenos's error."""

NAME = bd.CODE
"""The stem of every document file (a code, as published files are named)."""

MEGABYTES = 200
SECONDS = 20.0
"""Bounds of one run (as in test_hostile.py): a guard against a runaway, not a speed figure."""
CLI = shutil.which("carenos", path=str(Path(sys.executable).parent)) or "carenos"


# --- the checks ---------------------------------------------------------------------


def _names_the_file(error: CarenosError, path: Path) -> None:
    assert str(path) in str(error), f"the error does not name the file: {error}"
    assert error.source == str(path), error.source


def _cli(cli: Cli, *args: object) -> tuple[int, str, str]:
    """Run ``carenos ARGS``; no exception but SystemExit, no traceback in the output."""
    result = cli(*args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        raise result.exception.with_traceback(result.exc_info[2])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


def _reported(error: CarenosError, stderr: str) -> bool:
    """Whether ``stderr`` holds the line the command line prints for ``error``.

    The message itself may differ from run to run where it quotes the library's own
    (a RecursionError's wording depends on the stack's depth): the place, the start of
    the message and the code must be there.
    """
    head = error.message.split("(", 1)[0]
    return any(
        line.startswith(f"{error.location}: error: {head}") and line.endswith(f"({error.code})")
        for line in stderr.splitlines()
    )


def _exit_code(error: CarenosError) -> int:
    return 2 if isinstance(error, UsageError) else 1


def outcome(path: Path, cli: Cli | None = None) -> Outcome:
    """``path`` read and imported through the API (and the command line, given ``cli``).

    Anything but a :class:`CarenosError` naming ``path`` propagates (a crash fails the
    test with its traceback); the command line must agree with the API.
    """
    try:
        read_document(path)
    except CarenosError as error:
        _names_the_file(error, path)
        read_error: CarenosError | None = error
    else:
        read_error = None
    result: Outcome
    try:
        result = carenos.import_file(path)
    except CarenosError as error:
        result = error
    if isinstance(result, CarenosError):
        _names_the_file(result, path)
        assert read_error is None or (type(result), result.place) == (
            type(read_error),
            read_error.place,
        )
    else:
        assert read_error is None
    if cli is not None:
        _cli_agrees(cli, path, result, read_error)
    return result


def _cli_agrees(cli: Cli, path: Path, result: Outcome, read_error: CarenosError | None) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch, "out")
        code, stdout, stderr = _cli(cli, "import", path, "--out", out)
        assert stdout == ""  # the files are the output; the summary goes to stderr
        if isinstance(result, CarenosError):
            assert code == _exit_code(result), (code, stderr)
            assert _reported(result, stderr), stderr
            assert not out.exists() or not any(out.iterdir()), "a failed import wrote files"
        else:
            assert code == 0, stderr
            written = sorted(f"{s.code}.yaml" for s in result)
            assert sorted(p.name for p in out.iterdir()) == written
            assert all(str(out / name) in stderr for name in written), stderr
    code, _, stderr = _cli(cli, "import", "--explain", path)
    if read_error is not None:
        assert code == _exit_code(read_error), (code, stderr)
        assert _reported(read_error, stderr), stderr
    else:
        assert code == 0, stderr


def write(directory: Path, data: bytes, suffix: str) -> Path:
    """``data`` as ``directory/SCDHSC9999{suffix}``."""
    path = directory / f"{NAME}{suffix}"
    path.write_bytes(data)
    return path


def refused(result: Outcome, *words: str) -> CarenosError:
    """The error of ``result``, which must be one, saying each of ``words``."""
    assert isinstance(result, CarenosError), f"imported: {result}"
    for word in words:
        assert word in result.message, result.message
    return result


def imported_whole(result: Outcome, lines: tuple[str, ...] = bd.LINES) -> Standard:
    """The one standard of ``result``, which must hold the statements of ``lines`` intact."""
    assert not isinstance(result, CarenosError), str(result)
    (standard,) = result
    assert standard.code == bd.CODE
    criteria = [line.split(" ", 1)[1] for line in lines if re.match(r"P\d ", line)]
    knowledge = [line.split(" ", 1)[1] for line in lines if re.match(r"K\d ", line)]
    assert [c.text for c in standard.criteria] == criteria
    assert [k.text for k in standard.knowledge_items] == knowledge
    assert standard.overview == lines[2]
    return standard


# --- the valid documents ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(bd.VALID))
def test_the_valid_documents_import(name: str, cli: Cli, tmp_path: Path) -> None:
    """The documents the other tests break are whole standards to begin with."""
    suffix, _ = bd.VALID[name]
    imported_whole(outcome(write(tmp_path, bd.valid(name), suffix), cli))


# --- truncated ----------------------------------------------------------------------

STRIDE = {"txt": 1, "html": 2, "htm": 7, "docx": 13, "word-docx": 211, "pdf": 3}
"""Every how-many-th prefix the sweep reads: every one where reading is cheap; a zip
archive is read from its end, so each of its prefixes fails alike."""


@pytest.mark.parametrize("name", sorted(STRIDE))
def test_every_prefix_is_read_or_refused(name: str, tmp_path: Path) -> None:
    """The document cut at every offset (or every STRIDE-th): read, or our own error."""
    suffix, _ = bd.VALID[name]
    data = bd.valid(name)
    failures: list[str] = []
    for size in range(0, len(data), STRIDE[name]):
        path = write(tmp_path, data[:size], suffix)
        try:
            carenos.import_file(path)
        except CarenosError as error:
            if str(path) not in str(error):
                failures.append(f"{size} bytes: no file name in {error}")
        except Exception as error:  # collected, to report the shortest prefix of each kind
            failures.append(f"{size} bytes: {error!r}")
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("name", sorted(bd.VALID))
@fuzz(25)
@given(data=st.data())
def test_any_prefix_is_read_or_refused(name: str, data: st.DataObject, cli: Cli) -> None:
    suffix, _ = bd.VALID[name]
    whole = bd.valid(name)
    size = data.draw(st.integers(0, len(whole) - 1), label="size")
    with tempfile.TemporaryDirectory() as scratch:
        path = write(Path(scratch), whole[:size], suffix)
        result = outcome(path, cli)
        if name in ("docx", "word-docx"):  # a zip archive without its end does not open
            refused(result, "not a readable Word document")


# --- bytes flipped, noise -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(bd.VALID))
@fuzz(25)
@given(data=st.data())
def test_flipped_bytes_are_read_or_refused(name: str, data: st.DataObject, cli: Cli) -> None:
    suffix, _ = bd.VALID[name]
    whole = bd.valid(name)
    positions = data.draw(
        st.lists(st.integers(0, len(whole) - 1), min_size=1, max_size=8), label="positions"
    )
    value = data.draw(st.integers(1, 255), label="xor")
    with tempfile.TemporaryDirectory() as scratch:
        outcome(write(Path(scratch), bd.flipped(whole, positions, value), suffix), cli)


@pytest.mark.parametrize("suffix", bd.SUFFIXES)
@fuzz(20)
@given(noise=st.binary(min_size=1, max_size=4096))
def test_binary_noise_is_refused(suffix: str, noise: bytes, cli: Cli) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        refused(outcome(write(Path(scratch), noise, suffix), cli))


@pytest.mark.parametrize("suffix", bd.SUFFIXES)
@pytest.mark.parametrize("size", [0, 1, 3, 4096, 1 << 20])
def test_noise_is_refused(suffix: str, size: int, cli: Cli, tmp_path: Path) -> None:
    refused(outcome(write(tmp_path, bd.noise(size, seed=size), suffix), cli))


@pytest.mark.parametrize("suffix", bd.SUFFIXES)
@pytest.mark.parametrize("data", [b"", b"\n", b" \r\n\t" * 1000, b"\f\f"], ids=repr)
def test_empty_files_are_refused(suffix: str, data: bytes, cli: Cli, tmp_path: Path) -> None:
    refused(outcome(write(tmp_path, data, suffix), cli))


# --- a file under another format's suffix --------------------------------------------

CONTENTS = ("txt", "html", "docx", "word-docx", "pdf")
KIND = {"txt": "text", "html": "html", "docx": "docx", "word-docx": "docx", "pdf": "pdf"}


@pytest.mark.parametrize("content", CONTENTS)
@pytest.mark.parametrize("suffix", bd.SUFFIXES)
def test_a_document_under_another_suffix(
    content: str, suffix: str, cli: Cli, tmp_path: Path
) -> None:
    """A PDF named .docx, a Word document named .pdf ...: refused by the suffix's reader."""
    own = bd.VALID[content][0]
    path = write(tmp_path, bd.valid(content), suffix)
    result = outcome(path, cli)
    if suffix == own or {suffix, own} == {".html", ".htm"}:
        imported_whole(result)
    else:
        refused(result)
        imported_whole(carenos.import_file(path, kind=KIND[content]))  # as --from KIND does


@pytest.mark.parametrize("content", ["docx", "pdf"])
@pytest.mark.parametrize("kind", ["text", "html", "docx", "pdf"])
def test_the_from_option_with_the_wrong_reader(
    content: str, kind: str, cli: Cli, tmp_path: Path
) -> None:
    """``--from KIND`` names a reader that cannot read the file: its error, naming the file."""
    path = write(tmp_path, bd.valid(content), f".{content}")
    if kind == content:
        imported_whole(carenos.import_file(path, kind=kind))
        return
    with pytest.raises(CarenosError) as caught:
        carenos.import_file(path, kind=kind)
    _names_the_file(caught.value, path)
    code, _, stderr = _cli(cli, "import", path, "--from", kind, "--out", tmp_path / "out")
    assert code == 1, stderr
    assert _reported(caught.value, stderr), stderr


# --- text: encodings ----------------------------------------------------------------

ACCENTED = tuple(line.replace("fixture", "fixture \u2013 café") for line in bd.LINES)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-16-be+bom", "cp1252"]
)
def test_text_in_each_encoding_imports_intact(encoding: str, cli: Cli, tmp_path: Path) -> None:
    """UTF-16 with its byte-order mark (either order), Windows-1252: the text is kept."""
    if encoding.endswith("+bom"):
        codec = encoding.removesuffix("+bom")
        data = "\ufeff".encode(codec) + bd.text_bytes(codec, ACCENTED)
    else:
        data = bd.text_bytes(encoding, ACCENTED)
    imported_whole(outcome(write(tmp_path, data, ".txt"), cli), ACCENTED)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(bd.text_bytes("utf-16-le"), ("NUL byte",), id="utf-16-without-bom"),
        pytest.param(bd.text_bytes("utf-32"), ("NUL byte",), id="utf-32"),
        pytest.param(bd.text_bytes("utf-16")[:-1], ("UTF-16",), id="utf-16-odd-length"),
        pytest.param(
            b"\xff\xfe" + "P1 a".encode("utf-16-le") + b"\x00\xd8" + b"a\x00",
            ("UTF-16",),
            id="utf-16-lone-surrogate",
        ),
        pytest.param(b"\xff\xfe", (), id="utf-16-bom-only"),
        pytest.param(bd.text_bytes("cp1252") + b"\x81\x8d", ("binary",), id="cp1252-undefined"),
        pytest.param(bd.text_bytes() + b"\x00", ("NUL byte",), id="nul"),
        pytest.param(bd.text_bytes() + b"\x1b[31m\xe9", ("binary",), id="escape-not-utf8"),
    ],
)
def test_text_that_is_not_text_is_refused(
    data: bytes, words: tuple[str, ...], cli: Cli, tmp_path: Path
) -> None:
    refused(outcome(write(tmp_path, data, ".txt"), cli), *words)


# --- HTML -----------------------------------------------------------------------------

NO_TEXT = {
    "empty": b"",
    "whitespace": b" \r\n\t \n",
    "no-body": b"<!DOCTYPE html><html><head><title>Test standard</title></head></html>",
    "empty-body": b"<html><head></head><body></body></html>",
    "doctype-only": b"<!DOCTYPE html>",
    "comment-only": b"<!-- a page with nothing -->",
    "scripts-and-styles": bd.html_bytes(
        "<script>var P1 = 'do one thing';</script><style>p { color: red }</style>"
        "<noscript></noscript><template><p>P1 do one thing</p></template><svg><text>K1</text>"
        "</svg>",
        head="<script>var K1 = 1;</script><style>body {}</style>",
    ),
    "frameset": b"<html><frameset><frame src='standard.html'></frameset></html>",
    "navigation-only": bd.html_bytes(f"<nav>{bd.html_body()}</nav><footer>Page 1</footer>"),
    "outside-main": bd.html_bytes(f"<main></main>{bd.html_body()}"),
    "nul-only": b"\x00" * 64,
}


@pytest.mark.parametrize("suffix", [".html", ".htm"])
@pytest.mark.parametrize("case", sorted(NO_TEXT))
def test_html_without_text_is_refused(case: str, suffix: str, cli: Cli, tmp_path: Path) -> None:
    refused(outcome(write(tmp_path, NO_TEXT[case], suffix), cli))


DEEP = 10_000
NESTINGS = {
    "div": ("<div>", "</div>"),
    "b": ("<b>", "</b>"),
    "ul-li": ("<ul><li>", "</li></ul>"),
    "ol": ("<ol>", "</ol>"),
    "table": ("<table><tr><td>", "</td></tr></table>"),
    "blockquote-p": ("<blockquote><p>", "</p></blockquote>"),
}


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
@pytest.mark.parametrize("nesting", sorted(NESTINGS))
def test_html_nested_10000_deep(nesting: str, closed: bool, cli: Cli, tmp_path: Path) -> None:
    """10,000 levels before the standard or after it: bounded, and our own error or the
    standard. (The parser stops at 256 levels and drops the rest of the page: the reader
    refuses such a page rather than lose what follows the nest without a word.)"""
    start, end = NESTINGS[nesting]
    deep = start * DEEP + "deep" + (end * DEEP if closed else "")
    started = time.perf_counter()
    outcome(write(tmp_path, bd.html_bytes(deep + bd.html_body()), ".html"), cli)
    if closed:
        after = outcome(write(tmp_path, bd.html_bytes(bd.html_body() + deep), ".htm"), cli)
        if isinstance(after, CarenosError):
            assert "nested too deeply" in str(after), after
        else:
            imported_whole(after)
    assert time.perf_counter() - started < SECONDS


@pytest.mark.parametrize(
    "nest",
    [
        pytest.param("<div>" * 300 + "</div>" * 300, id="300-divs-closed"),
        pytest.param("<div>" * DEEP + "</div>" * DEEP, id="10000-divs-closed"),
        pytest.param("<div>" * 300, id="300-divs-unclosed"),
        pytest.param("<font>" * 300, id="300-fonts-unclosed"),
    ],
)
def test_html_nested_past_the_parser_depth_between_sections(
    nest: str, cli: Cli, tmp_path: Path
) -> None:
    """The criteria, a nest too deep for the parser, then the knowledge: the standard whole,
    or our own error (a page read in part must not import as if whole)."""
    body = bd.html_body(bd.LINES[:7]) + nest + bd.html_body(bd.LINES[7:])
    result = outcome(write(tmp_path, bd.html_bytes(body), ".html"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result)


def _attributes(count: int) -> str:
    return "<p " + " ".join(f"a{i}='{i}'" for i in range(count)) + ">x</p>"


HUGE_ATTRIBUTES: dict[str, Callable[[], str]] = {
    "4mb-attribute": lambda: f'<p title="{"a" * 4_000_000}">x</p>',
    "3mb-utf8-attribute": lambda: f"<p class='{'é' * 1_500_000}'></p>",
    "2000-attributes": lambda: _attributes(2_000),
    "list-start-of-5000-digits": lambda: f"<ol start='{'9' * 5000}'><li>x</li></ol>",
}


@pytest.mark.parametrize("case", sorted(HUGE_ATTRIBUTES))
def test_html_with_huge_attributes(case: str, cli: Cli, tmp_path: Path) -> None:
    """Huge attributes before the standard (within the 5 MB size limit): the standard whole,
    or our own error (a tag too large to read), quickly."""
    page = bd.html_bytes(HUGE_ATTRIBUTES[case]() + bd.html_body())
    started = time.perf_counter()
    result = outcome(write(tmp_path, page, ".html"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result)
    assert time.perf_counter() - started < SECONDS


MANY_ATTRIBUTES: dict[str, Callable[[], str]] = {
    "closed": lambda: _attributes(150_000),
    "unclosed": lambda: _attributes(150_000).removesuffix(">x</p>"),
    "angle-brackets-in-values": lambda: (
        "<p " + " ".join(f"a{i}='>{i}'" for i in range(150_000)) + ">x</p>"
    ),
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param("closed"),
        pytest.param("unclosed"),
        pytest.param("angle-brackets-in-values"),
    ],
)
def test_a_page_of_many_attributes_is_read_in_bounded_time(
    case: str, explaining: dict[str, Explaining]
) -> None:
    """150,000 attributes on one element (2 MB) before the standard: read or refused within
    5 s (parsing 2 MB takes milliseconds)."""
    explaining[f"attributes-{case}"].ended_in_time()


def test_many_elements_of_many_attributes_are_read_in_bounded_time(tmp_path: Path) -> None:
    """Elements of 14,000 attributes each, just under the tag limit: each costs lxml a third
    of a second (25 of them, a 4.7 MB page, about 9 s); five here."""
    page = bd.html_bytes(_attributes(14_000) * 5 + bd.html_body())
    started = time.perf_counter()
    try:
        imported_whole(carenos.import_file(write(tmp_path, page, ".html")))
    except CarenosError as error:
        _names_the_file(error, tmp_path / f"{NAME}.html")
    assert time.perf_counter() - started < SECONDS


def test_html_with_an_unclosed_huge_attribute_is_refused(cli: Cli, tmp_path: Path) -> None:
    """The attribute swallows the page: nothing is left to read."""
    data = bd.html_bytes(f'<p title="{"a" * 4_000_000}' + bd.html_body())  # no closing quote
    refused(outcome(write(tmp_path, data, ".html"), cli))


def _html_encoded(head: str, encoding: str, *, bom: bool = False) -> bytes:
    page = bd.html_bytes(bd.html_body(ACCENTED), head=head).decode()
    return ("\ufeff" if bom else "").encode(encoding) + page.encode(encoding)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_html_encoded('<meta charset="utf-8">', "utf-8"), id="utf-8-declared"),
        pytest.param(
            _html_encoded('<meta charset="windows-1252">', "cp1252"), id="cp1252-declared"
        ),
        pytest.param(
            _html_encoded(
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "utf-8"
            ),
            id="utf-8-http-equiv",
        ),
        pytest.param(_html_encoded("", "utf-16"), id="utf-16-bom"),  # the codec writes it
        pytest.param(_html_encoded("", "utf-8", bom=True), id="utf-8-bom"),
        pytest.param(
            _html_encoded('<meta charset="utf-16">', "utf-8"), id="utf-16-declared-utf-8-bytes"
        ),
        pytest.param(
            _html_encoded('<meta charset="utf-32">', "utf-8"), id="utf-32-declared-utf-8-bytes"
        ),
        pytest.param(_html_encoded('<meta charset="utf-7">', "utf-8"), id="utf-7-declared"),
        pytest.param(
            b'<?xml version="1.0" encoding="bogus"?>' + _html_encoded("", "utf-8"),
            id="xml-declaration-bogus",
        ),
        pytest.param(
            _html_encoded("", "utf-8"),
            id="utf-8-undeclared",
        ),
        pytest.param(
            _html_encoded('<meta charset="x-no-such-encoding">', "utf-8"),
            id="unknown-charset-declared",
        ),
        pytest.param(
            _html_encoded("", "cp1252"),
            id="cp1252-undeclared",
        ),
        pytest.param(
            _html_encoded('<meta charset="">', "cp1252"),
            id="empty-charset-cp1252-bytes",
        ),
        *(
            pytest.param(
                _html_encoded(f'<meta charset="{name}">', "utf-8"),
                id=f"{name}-declared",
            )
            for name in ("unicode_escape", "raw_unicode_escape", "charmap")
        ),
    ],
)
def test_html_in_any_encoding_imports_intact_or_is_refused(
    data: bytes, cli: Cli, tmp_path: Path
) -> None:
    """A page declaring the wrong charset, or none: its text intact, or our own error."""
    result = outcome(write(tmp_path, data, ".html"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result, ACCENTED)


@pytest.mark.parametrize(
    "charset",
    [
        *(
            pytest.param(name)
            for name in (
                "utf-16",
                "utf-16be",
                "utf-32",
                "utf-7",
                "cp037",
                "idna",
                "unicode_escape",
                "raw_unicode_escape",
                "charmap",
                "rot13",
                "base64",
                "hex",
                "zlib",
                "bz2",
                "uu",
                "quopri",
                "mbcs",
                "x-user-defined",
                "replacement",
                "." * 30,
            )
        ),
        pytest.param("punycode"),
        pytest.param("undefined"),
    ],
)
def test_html_declaring_an_odd_charset(charset: str, cli: Cli, tmp_path: Path) -> None:
    """The name of any codec Python knows (text or not) in ``<meta charset>`` of a page in
    ASCII: the standard whole, or our own error."""
    data = bd.html_bytes(head=f'<meta charset="{charset}">')
    result = outcome(write(tmp_path, data, ".html"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result)


def test_html_with_an_empty_charset_is_not_silently_cut(cli: Cli, tmp_path: Path) -> None:
    """``<meta charset="">`` and a Windows-1252 byte in the last statement."""
    lines = (*bd.LINES[:-1], bd.LINES[-1] + " \u2013 café")
    page = bd.html_bytes(bd.html_body(lines), head='<meta charset="">').decode()
    result = outcome(write(tmp_path, page.encode("cp1252"), ".html"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result, lines)


# --- Word: the package ----------------------------------------------------------------

PARTS = sorted(bd.minimal_docx_parts())
OPTIONAL_PARTS = {"word/_rels/document.xml.rels"}
"""Parts a Word document reads without (its lists lose their numbers)."""


@pytest.mark.parametrize("part", PARTS)
def test_a_word_package_without_a_part(part: str, cli: Cli, tmp_path: Path) -> None:
    result = outcome(write(tmp_path, bd.minimal_docx({part: None}), ".docx"), cli)
    if part not in OPTIONAL_PARTS:
        refused(result, "not a readable Word document")


BREAKAGES: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda _: b"",
    "not-xml": lambda _: b"<not xml",
    "noise": lambda _: bd.noise(300),
    "half": lambda data: data[: len(data) // 2],
    "wrong-root": lambda _: b'<?xml version="1.0"?><root/>',
    "bogus-encoding": lambda data: data.replace(b'encoding="UTF-8"', b'encoding="bogus"'),
    "utf-16-declared": lambda data: data.replace(b'encoding="UTF-8"', b'encoding="UTF-16"'),
    "undefined-entity": lambda data: data.replace(b"<w:", b"&nope;<w:", 1),
    "deep-10000": lambda data: data + b"<a>" * 10_000,
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
@pytest.mark.parametrize("part", PARTS)
def test_a_word_package_with_a_broken_part(
    part: str, breakage: str, cli: Cli, tmp_path: Path
) -> None:
    parts = bd.minimal_docx_parts()
    broken = bd.minimal_docx({part: BREAKAGES[breakage](parts[part])})
    result = outcome(write(tmp_path, broken, ".docx"), cli)
    if part == bd.DOCUMENT_XML:
        refused(result)


@pytest.mark.parametrize("part", sorted(bd.unzipped(bd.word_docx())))
@pytest.mark.parametrize("how", ["dropped", "cut"])
def test_a_saved_word_document_without_a_part(
    part: str, how: str, cli: Cli, tmp_path: Path
) -> None:
    parts = bd.unzipped(bd.valid("word-docx"))
    if how == "dropped":
        del parts[part]
    else:
        parts[part] = parts[part][: len(parts[part]) // 2]
    outcome(write(tmp_path, bd.zipped(parts), ".docx"), cli)


def _flip_compressed(data: bytes, at: int) -> bytes:
    start, end = bd.compressed_span(data, bd.DOCUMENT_XML)
    return bd.flipped(data, [start + at % (end - start)], 0x55)


def _rels(old: bytes, new: bytes) -> bytes:
    rels = "word/_rels/document.xml.rels"
    return bd.minimal_docx({rels: bd.minimal_docx_parts()[rels].replace(old, new)})


def _content_type(new: bytes) -> bytes:
    types = bd.minimal_docx_parts()["[Content_Types].xml"]
    main = b"wordprocessingml.document.main+xml"
    return bd.minimal_docx({"[Content_Types].xml": types.replace(main, new)})


ZIP_DAMAGE: dict[str, bytes] = {
    "method-unknown": bd.zip_headers_patched(bd.minimal_docx(), method=99),
    "method-bzip2-on-deflate": bd.zip_headers_patched(bd.minimal_docx(), method=12),
    "method-lzma-on-deflate": bd.zip_headers_patched(bd.minimal_docx(), method=14),
    "encrypted-entries": bd.zip_headers_patched(bd.minimal_docx(), flags=1),
    "no-end-of-central-directory": bd.minimal_docx()[: bd.minimal_docx().rfind(b"PK\x05\x06")],
    "central-directory-cut": bd.minimal_docx()[: bd.minimal_docx().find(b"PK\x01\x02") + 10],
    "deflate-flipped-at-0": _flip_compressed(bd.minimal_docx(), 0),
    "deflate-flipped-at-9": _flip_compressed(bd.minimal_docx(), 9),
    "deflate-flipped-at-100": _flip_compressed(bd.minimal_docx(), 100),
    "empty-zip": bd.zipped({}),
    "a-zip-of-something-else": bd.zipped({"notes.txt": b"P1 do one thing"}),
    "zip-signature-then-noise": b"PK\x03\x04" + bd.noise(2000),
    "template-content-type": _content_type(b"wordprocessingml.template.main+xml"),
    "unknown-content-type": _content_type(b"no-such-part+xml"),
    "numbering-points-at-the-document": _rels(b'Target="numbering.xml"', b'Target="document.xml"'),
    "numbering-points-nowhere": _rels(b'Target="numbering.xml"', b'Target="missing.xml"'),
    "document-without-body": bd.minimal_docx(
        {bd.DOCUMENT_XML: f'<w:document xmlns:w="{bd.W_NS}"/>'.encode()}
    ),
    "document-with-empty-body": bd.minimal_docx(
        {bd.DOCUMENT_XML: f'<w:document xmlns:w="{bd.W_NS}"><w:body/></w:document>'.encode()}
    ),
    "blank-document": bd.empty_docx(),
}


@pytest.mark.parametrize("case", sorted(ZIP_DAMAGE))
def test_a_damaged_word_package(case: str, cli: Cli, tmp_path: Path) -> None:
    result = outcome(write(tmp_path, ZIP_DAMAGE[case], ".docx"), cli)
    if case != "numbering-points-at-the-document":
        refused(result)


def test_a_word_package_whose_numbering_is_external(cli: Cli, tmp_path: Path) -> None:
    data = _rels(
        b'Target="numbering.xml"', b'Target="http://example.invalid/n.xml" TargetMode="External"'
    )
    outcome(write(tmp_path, data, ".docx"), cli)


# --- Word: numbering ------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({"ilvl": "-1"}, id="level-negative"),
        pytest.param({"ilvl": "99"}, id="level-99"),
        pytest.param({"ilvl": "9" * 30}, id="level-30-digits"),
        pytest.param({"start": "-3"}, id="start-negative"),
        pytest.param({"start": "0", "fmt": "lowerLetter"}, id="start-0-letter"),
        pytest.param({"start": "0", "fmt": "upperRoman"}, id="start-0-roman"),
        pytest.param({"start": "9" * 30}, id="start-30-digits-decimal"),
        pytest.param({"start": "x"}, id="start-not-a-number"),
        pytest.param({"fmt": "no-such-format"}, id="format-unknown"),
        pytest.param({"fmt": "bullet"}, id="format-bullet"),
        pytest.param({"fmt": "none"}, id="format-none"),
        pytest.param({"ilvl": "x"}, id="level-not-a-number"),
        pytest.param({"start": "²"}, id="start-superscript-digit"),
        pytest.param({"start": "99999999999999", "fmt": "lowerRoman"}, id="start-14-digits-roman"),
        pytest.param(
            {"start": "99999999999999", "fmt": "upperLetter"}, id="start-14-digits-letter"
        ),
    ],
)
def test_odd_list_numbering(values: dict[str, str], cli: Cli, tmp_path: Path) -> None:
    data = bd.minimal_docx({bd.NUMBERING_XML: bd.numbering_xml(**values)})
    outcome(write(tmp_path, data, ".docx"), cli)


@pytest.mark.parametrize(
    ("part", "edit"),
    [
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:ilvl w:val="0"/>', b'<w:ilvl w:val="x"/>'), id="p-level-x"
        ),
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:ilvl w:val="0"/>', b'<w:ilvl w:val="9"/>'), id="p-level-9"
        ),
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:ilvl w:val="0"/>', b'<w:ilvl w:val="-100"/>'), id="p-level-neg"
        ),
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:ilvl w:val="0"/>', b"<w:ilvl/>"), id="p-level-no-value"
        ),
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:numId w:val="1"/>', b'<w:numId w:val="x"/>'), id="p-list-x"
        ),
        pytest.param(
            bd.DOCUMENT_XML, (b'<w:numId w:val="1"/>', b"<w:numId/>"), id="p-list-no-value"
        ),
        pytest.param(
            bd.DOCUMENT_XML,
            (b"<w:body>", b'<w:body><w:p><w:pPr><w:pStyle w:val="Nope"/></w:pPr></w:p>'),
            id="p-style-unknown",
        ),
        pytest.param(
            bd.DOCUMENT_XML,
            (
                b"<w:body>",
                b"<w:body><w:tbl><w:tr><w:tc><w:tcPr>"
                b'<w:gridSpan w:val="x"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
            ),
            id="table-span-x",
        ),
        pytest.param(
            bd.DOCUMENT_XML,
            (
                b"<w:body>",
                b"<w:body><w:tbl><w:tr><w:tc><w:tcPr>"
                b'<w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
            ),
            id="table-merge-from-nothing",
        ),
        pytest.param(bd.DOCUMENT_XML, (b"<w:body>", b"<w:body><w:tbl></w:tbl>"), id="table-empty"),
        pytest.param(
            bd.NUMBERING_XML,
            (b'<w:abstractNumId w:val="0"/>', b'<w:abstractNumId w:val="7"/>'),
            id="list-of-no-definition",
        ),
    ],
)
def test_odd_word_markup(part: str, edit: tuple[bytes, bytes], cli: Cli, tmp_path: Path) -> None:
    original = bd.minimal_docx_parts()[part]
    assert edit[0] in original
    data = bd.minimal_docx({part: original.replace(*edit, 1)})
    outcome(write(tmp_path, data, ".docx"), cli)


def test_a_word_document_does_not_read_external_entities(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("P9 the secret of the file system", encoding="utf-8")
    original = bd.minimal_docx_parts()[bd.DOCUMENT_XML]
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode()
    xml = original.replace(b"?>\n", b"?>\n" + doctype, 1).replace(
        b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1
    )
    result = outcome(write(tmp_path, bd.minimal_docx({bd.DOCUMENT_XML: xml}), ".docx"), cli)
    assert "secret" not in str(result)
    if not isinstance(result, CarenosError):
        assert all("secret" not in c.text for c in result[0].criteria)


def test_a_word_document_with_a_billion_laughs(cli: Cli, tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{f"&{a};" * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    original = bd.minimal_docx_parts()[bd.DOCUMENT_XML]
    xml = original.replace(b"?>\n", f"?>\n<!DOCTYPE w:document [{entities}]>".encode(), 1)
    xml = xml.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>", 1)
    started = time.perf_counter()
    refused(outcome(write(tmp_path, bd.minimal_docx({bd.DOCUMENT_XML: xml}), ".docx"), cli))
    assert time.perf_counter() - started < SECONDS


_XML_TOKENS = st.sampled_from(
    [
        b"<",
        b">",
        b"/>",
        b'"',
        b"&",
        b"&amp;",
        b"<w:p>",
        b"</w:p>",
        b"<w:tbl>",
        b"<w:tr>",
        b"<w:tc>",
        b'<w:numPr><w:ilvl w:val="3"/><w:numId w:val="2"/></w:numPr>',
        b'<w:lvl w:ilvl="1">',
        b'w:val="x"',
        b'w:val="-1"',
        b'w:val="99999999999999999999"',
        b"\x00",
        b"\xff",
        b"]]>",
        b"<!--",
        b"<?xml",
    ]
)


@fuzz(60)
@given(data=st.data())
def test_mutated_xml_inside_a_word_package(data: st.DataObject, cli: Cli) -> None:
    """A valid zip of corrupt parts: what python-docx parses is what breaks."""
    parts = bd.minimal_docx_parts()
    name = data.draw(st.sampled_from(PARTS), label="part")
    xml = bytearray(parts[name])
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(xml)), label="at")
        edit = data.draw(st.sampled_from(["flip", "insert", "delete", "cut"]), label="edit")
        if edit == "flip" and at < len(xml):
            xml[at] ^= data.draw(st.integers(1, 255), label="xor")
        elif edit == "insert":
            xml[at:at] = data.draw(_XML_TOKENS, label="token")
        elif edit == "delete":
            del xml[at : at + data.draw(st.integers(1, 40), label="length")]
        elif edit == "cut":
            del xml[at:]
    with tempfile.TemporaryDirectory() as scratch:
        outcome(write(Path(scratch), bd.minimal_docx({name: bytes(xml)}), ".docx"), cli)


# --- PDF --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "maker",
    [
        pytest.param(bd.image_only_pdf, id="image-only"),
        pytest.param(bd.blank_pdf, id="blank-page"),
        pytest.param(lambda: bd.blank_pdf(3), id="three-blank-pages"),
        pytest.param(lambda: bd.pdf_bytes([" ", ""]), id="only-spaces"),
    ],
)
def test_a_pdf_without_a_text_layer(maker: Callable[[], bytes], cli: Cli, tmp_path: Path) -> None:
    refused(outcome(write(tmp_path, maker(), ".pdf"), cli), "no text layer", "OCR")


@pytest.mark.parametrize(
    "maker",
    [
        pytest.param(lambda: bd.pdf_bytes(user_password="secret"), id="reportlab-rc4"),
        pytest.param(
            lambda: bd.pypdf_encrypted(bd.pdf_bytes(), "secret", "RC4-40"), id="pypdf-rc4-40"
        ),
        pytest.param(
            lambda: bd.pypdf_encrypted(bd.pdf_bytes(), "secret", "RC4-128"), id="pypdf-rc4-128"
        ),
    ],
)
def test_an_encrypted_pdf_is_refused(maker: Callable[[], bytes], cli: Cli, tmp_path: Path) -> None:
    refused(outcome(write(tmp_path, maker(), ".pdf"), cli), "encrypted")


@pytest.mark.parametrize(
    "maker",
    [
        pytest.param(lambda: bd.pdf_bytes(user_password=""), id="reportlab-rc4"),
        pytest.param(lambda: bd.pypdf_encrypted(bd.pdf_bytes(), "", "RC4-128"), id="pypdf-rc4"),
    ],
)
def test_a_pdf_encrypted_without_a_user_password_imports(
    maker: Callable[[], bytes], cli: Cli, tmp_path: Path
) -> None:
    """Only the owner's rights are protected: anyone may read it, and so does carenos."""
    imported_whole(outcome(write(tmp_path, maker(), ".pdf"), cli))


def test_an_encrypted_pdf_with_a_broken_encryption_dictionary(cli: Cli, tmp_path: Path) -> None:
    data = bd.pdf_bytes(user_password="secret")
    for old, new in (
        (b"/V 1", b"/V 9"),
        (b"/R 2", b"/R 0"),
        (b"/Filter /Standard", b"/Filter /Nope"),
    ):
        assert old in data, old
        refused(outcome(write(tmp_path, data.replace(old, new), ".pdf"), cli))


@pytest.mark.parametrize("how", ["offsets", "garbage", "startxref", "missing"])
@pytest.mark.parametrize("compress", [True, False], ids=["compressed", "uncompressed"])
def test_a_pdf_with_a_broken_xref(how: str, compress: bool, cli: Cli, tmp_path: Path) -> None:
    """pypdf rebuilds a broken table where it can: the standard, or our own error."""
    data = bd.broken_xref(bd.pdf_bytes(compress=compress), how)
    result = outcome(write(tmp_path, data, ".pdf"), cli)
    if not isinstance(result, CarenosError):
        imported_whole(result)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(b"/Type /Pages", b"/Type /Page", id="pages-is-a-page"),
        pytest.param(b"/Count 1", b"/Count 1000000000", id="count-a-billion"),
        pytest.param(b"/Count 1", b"/Count -1", id="count-negative"),
        pytest.param(b"/Kids [ 3 0 R ]", b"/Kids [ 6 0 R ]", id="kids-is-the-tree"),
        pytest.param(b"/Kids [ 3 0 R ]", b"/Kids [ 99 0 R ]", id="kids-missing"),
        pytest.param(b"/Kids [ 3 0 R ]", b"/Kids 3", id="kids-not-an-array"),
        pytest.param(b"/Parent 6 0 R", b"/Parent 3 0 R", id="page-its-own-parent"),
        pytest.param(b"/Root 4 0 R", b"/Root 99 0 R", id="root-missing"),
        pytest.param(b"/Contents 7 0 R", b"/Contents 4 0 R", id="contents-is-the-catalog"),
        pytest.param(b"/Contents 7 0 R", b"/Contents [ 7 0 R 7 0 R ]", id="contents-twice"),
        pytest.param(b"/Length", b"/Length 999999999 /X", id="length-huge"),
        pytest.param(b"/Font 1 0 R", b"/Font 99 0 R", id="font-missing"),
        pytest.param(b"/WinAnsiEncoding", b"/NoSuchEncoding", id="encoding-unknown"),
        pytest.param(b"BT", b"BT " + b"q " * 5000, id="5000-saves"),
        pytest.param(b"Tj", b"Tj " + b"[" * 5000, id="5000-open-arrays"),
        pytest.param(b"Tj", b"Tj " + b"<<" * 5000, id="5000-open-dictionaries"),
    ],
)
def test_a_pdf_with_a_broken_structure(old: bytes, new: bytes, cli: Cli, tmp_path: Path) -> None:
    data = bd.pdf_bytes(compress=False)
    assert old in data, old
    started = time.perf_counter()
    outcome(write(tmp_path, data.replace(old, new, 1), ".pdf"), cli)
    assert time.perf_counter() - started < SECONDS


# --- mutated standards, in every format ---------------------------------------------

_WORDS = [
    "P1",
    "K1",
    "P99999999999999999999",
    "K0",
    "1.",
    "a)",
    "(iv)",
    "•",
    "-",
    "Overview",
    "Performance criteria",
    "Knowledge and understanding",
    "You must be able to:",
    "You need to know and understand:",
    "Scope/range",
    "Values",
    "Behaviours",
    "Glossary",
    "Links to other NOS",
    "Developed by",
    "Version Number",
    "Date Approved",
    "Status",
    "Relevant Occupations",
    "Suite",
    "Keywords",
    "URN",
    bd.CODE,
    f"{bd.CODE} Test standard",
    "Page 1 of 2",
    "Additional Information",
]
_LINE = st.one_of(
    st.sampled_from(bd.LINES),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join),
    st.text(
        st.characters(min_codepoint=32, max_codepoint=255, exclude_categories=["Cc"]), max_size=20
    ),
)


def _render(lines: list[str], suffix: str) -> bytes:
    """``lines`` as a document of ``suffix``: one line, paragraph or text line each."""
    if suffix == ".txt":
        return bd.text_bytes("utf-8", lines)
    if suffix in (".html", ".htm"):
        return bd.html_bytes(bd.html_body(lines))
    if suffix == ".pdf":
        return bd.pdf_bytes(lines)
    return bd.docx_of_lines(lines)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
@fuzz(30)
@given(edits=st.lists(st.tuples(st.integers(0, 100), st.booleans(), _LINE), max_size=6))
def test_an_edited_standard_is_imported_or_refused(
    suffix: str, edits: list[tuple[int, bool, str]], cli: Cli
) -> None:
    """Lines of the standard deleted, and lines of its vocabulary put anywhere."""
    lines = list(bd.LINES)
    for at, delete, line in edits:
        if delete and lines:
            del lines[at % len(lines)]
        else:
            lines.insert(at % (len(lines) + 1), line)
    with tempfile.TemporaryDirectory() as scratch:
        outcome(write(Path(scratch), _render(lines, suffix), suffix), cli)


OCCUPATIONS = (*bd.LINES, "Relevant Occupations", "\u2022 Care worker", "\u2022 Nurse")


@pytest.mark.parametrize(
    ("lines", "suffix"),
    [
        *(
            pytest.param(["P1 do", "Suite", "K2 know"], s, id=f"minimal{s}")
            for s in (".txt", ".html", ".docx", ".pdf")
        ),
        *(
            pytest.param(OCCUPATIONS, s, id=f"occupations-listed{s}")
            for s in (".txt", ".html", ".docx", ".pdf")
        ),
    ],
)
def test_a_metadata_list_after_the_statements(
    lines: list[str], suffix: str, cli: Cli, tmp_path: Path
) -> None:
    """Found by the property above: a list label of the metadata, then a marked line."""
    outcome(write(tmp_path, _render(list(lines), suffix), suffix), cli)


def test_a_page_listing_its_occupations(cli: Cli, tmp_path: Path) -> None:
    """The standard, then ``<p>Relevant Occupations</p><ul><li>...</li></ul>``."""
    body = bd.html_body() + "<p>Relevant Occupations</p><ul><li>Care worker</li><li>Nurse</li></ul>"
    outcome(write(tmp_path, bd.html_bytes(body), ".html"), cli)


# --- bounded: the real command line, under a memory limit ---------------------------------


def _limit_memory() -> None:
    limit = MEGABYTES * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_bounded(path: Path, out: Path) -> tuple[int, str, str, float]:
    """``carenos import PATH --out OUT`` in a process limited to 200 MB: code, stdout,
    stderr and seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        [CLI, "import", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_limit_memory,
    )
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


class Explaining:
    """``carenos import --explain PATH`` in a process of its own (limited to 200 MB), killed
    if it runs past ``seconds``: a hang costs its timeout, not the suite."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self.process = subprocess.Popen(
            [CLI, "import", "--explain", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_limit_memory,
        )
        self.started = time.perf_counter()
        self.ended: float | None = None
        self.stderr = b""
        self.watch = threading.Thread(target=self._watch, daemon=True)
        self.watch.start()

    def _watch(self) -> None:
        try:
            _, self.stderr = self.process.communicate(timeout=self.seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
        else:
            self.ended = time.perf_counter()

    def ended_in_time(self) -> None:
        """It ended within its ``seconds``, with no traceback."""
        self.watch.join()
        assert self.ended is not None, f"still reading {self.path} after {self.seconds} s"
        assert b"Traceback" not in self.stderr, self.stderr
        assert self.ended - self.started < self.seconds


@pytest.fixture(scope="module")
def explaining(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Explaining]]:
    """Each document of SLOW being explained, all started at once, each given 5 s."""
    running: dict[str, Explaining] = {}
    try:
        for name, make in SLOW.items():
            data, suffix = make()
            running[name] = Explaining(write(tmp_path_factory.mktemp(name), data, suffix), 5)
        yield running
    finally:
        for each in running.values():
            each.watch.join()


def _bounded(path: Path, tmp_path: Path, *, refused: bool = True) -> str:
    """Import ``path`` with the real command line, limited to 200 MB: our own error naming
    the file (or, unless ``refused``, the standard), within 20 s, without running out of
    memory. Returns stderr."""
    code, stdout, stderr, seconds = run_bounded(path, tmp_path / "out")
    assert "Traceback" not in stdout + stderr, stderr
    assert "MemoryError" not in stderr, f"refused only by running out of memory: {stderr}"
    assert code in ((1,) if refused else (0, 1)), stderr
    if code:
        assert str(path) in stderr, stderr
    assert seconds < SECONDS, seconds
    return stderr


def test_a_word_zip_bomb_is_refused_within_bounds(tmp_path: Path) -> None:
    """A 500 KB package whose document.xml unpacks to 512 MB."""
    path = write(tmp_path, bd.docx_bomb(512), ".docx")
    assert path.stat().st_size < 1_000_000
    assert "unpacks to" in _bounded(path, tmp_path)


def test_a_word_zip_bomb_that_understates_its_size_is_refused_within_bounds(
    tmp_path: Path,
) -> None:
    """The same package, its directory declaring document.xml 5,000 bytes."""
    data = bd.zip_size_declared(bd.docx_bomb(512), bd.DOCUMENT_XML, 5_000)
    _bounded(write(tmp_path, data, ".docx"), tmp_path)


@pytest.mark.parametrize("styles", ["based-on-itself", "based-on-each-other"])
def test_a_word_style_based_on_itself_is_read_in_bounded_time(
    styles: str, explaining: dict[str, Explaining]
) -> None:
    explaining[f"styles-{styles}"].ended_in_time()


@pytest.mark.parametrize(
    "styles",
    [
        pytest.param(
            '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>'
            '<w:basedOn w:val="Z"/></w:style>',
            id="based-on-a-missing-style",
        ),
        pytest.param(
            '<w:style w:type="character" w:styleId="A"><w:name w:val="A"/></w:style>',
            id="a-character-style",
        ),
        pytest.param(
            "".join(
                f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="S{n}"/>'
                f'<w:basedOn w:val="S{n + 1}"/></w:style>'
                for n in range(500)
            ),
            id="a-chain-of-500",
        ),
    ],
)
def test_odd_word_styles(styles: str, cli: Cli, tmp_path: Path) -> None:
    style = "S0" if "S0" in styles else "A"
    outcome(write(tmp_path, bd.docx_with_styles(styles, style), ".docx"), cli)


def _with_table(rows: str) -> bytes:
    """The hand-written Word package with a table of ``rows`` (``<w:tr>`` elements) first."""
    xml = bd.minimal_docx_parts()[bd.DOCUMENT_XML]
    return bd.minimal_docx(
        {bd.DOCUMENT_XML: xml.replace(b"<w:body>", f"<w:body><w:tbl>{rows}</w:tbl>".encode())}
    )


CELL = "<w:p><w:r><w:t>cell</w:t></w:r></w:p>"


def test_a_table_cell_spanning_two_billion_columns_is_bounded(tmp_path: Path) -> None:
    row = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>{CELL}</w:tc></w:tr>'
    _bounded(write(tmp_path, _with_table(row), ".docx"), tmp_path, refused=False)


def test_a_table_merged_down_a_thousand_rows_is_read_in_bounded_time(
    explaining: dict[str, Explaining],
) -> None:
    """A 2 KB Word document: one column merged down 1,000 rows."""
    explaining["table-merged-down-1000-rows"].ended_in_time()


def _merged_down(rows: int) -> bytes:
    first = f'<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{CELL}</w:tc></w:tr>'
    merged = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>" * rows
    return _with_table(first + merged)


STYLE_CYCLES = {
    "based-on-itself": '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>'
    '<w:basedOn w:val="A"/></w:style>',
    "based-on-each-other": '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>'
    '<w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B">'
    '<w:name w:val="B"/><w:basedOn w:val="A"/></w:style>',
}
SLOW: dict[str, Callable[[], tuple[bytes, str]]] = {
    **{
        f"attributes-{case}": functools.partial(
            lambda case: (bd.html_bytes(MANY_ATTRIBUTES[case]() + bd.html_body()), ".html"),
            case,
        )
        for case in MANY_ATTRIBUTES
    },
    **{
        f"styles-{name}": functools.partial(
            lambda styles: (bd.docx_with_styles(styles, "A"), ".docx"), styles
        )
        for name, styles in STYLE_CYCLES.items()
    },
    "table-merged-down-1000-rows": lambda: (_merged_down(1000), ".docx"),
}
"""The documents whose reading is timed by the ``explaining`` fixture, by name."""


def test_a_list_starting_at_a_14_digit_number_is_bounded(tmp_path: Path) -> None:
    """Roman numerals from 10**14 would be 10**11 letters: imported (in digits) or refused."""
    numbering = bd.numbering_xml(start="99999999999999", fmt="lowerRoman")
    path = write(tmp_path, bd.minimal_docx({bd.NUMBERING_XML: numbering}), ".docx")
    _bounded(path, tmp_path, refused=False)


def test_the_pdf_library_does_not_talk_on_the_command_line(tmp_path: Path) -> None:
    """Only carenos's own lines: the import's summary, or its error (pypdf logs its
    recoveries, 'Advanced encoding ... not implemented yet, using [...]', as errors)."""
    data = bd.pdf_bytes(compress=False).replace(b"/WinAnsiEncoding", b"/NoSuchEncoding")
    path = write(tmp_path, data, ".pdf")
    code, _, stderr, _ = run_bounded(path, tmp_path / "out")
    assert code in (0, 1), stderr
    if code == 0:  # the summary of what was written, and nothing else
        assert stderr.startswith("SCDHSC9999  "), stderr
        assert stderr.count("\n") == 1, stderr
    else:
        assert stderr.startswith(f"{path}: error: "), stderr
