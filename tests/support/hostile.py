"""The table of hostile and broken inputs: how to make each one, who reads it, what to expect.

Each :class:`Case` makes its input under a fresh directory at test time (nothing big is
committed) and names the interfaces that read it. ``STANDARD`` interfaces read standard
files (YAML/JSON); ``TEXT`` interfaces read extracted NOS text. A case expects a
:class:`~carenos.CarenosError` or a finding whose message holds ``message``, and the exit
code ``exit_code`` from the command line.
"""

from __future__ import annotations

import json
import os
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CODE = "SCDHSC9999"

STANDARD = ("api-load", "api-validate", "cli-load", "cli-validate", "cli-map", "cli-export")
"""The interfaces that read standards: the Python API and four commands."""

TEXT = ("api-import", "cli-import")
"""The interfaces that read extracted NOS text."""

MARKER = "MARKER"
"""A file that a tag would create if carenos ever constructed an object from it."""

TRIED: defaultdict[str, set[str]] = defaultdict(set)
"""The interfaces each case was run through (filled in by the tests as they run)."""


def standard_yaml(knowledge_text: str = "know one thing", *, k_id: str = "K1") -> str:
    """A small valid standard as YAML, with the given knowledge item."""
    return (
        f"code: {CODE}\n"
        "title: Test standard\n"
        "overview: This standard is a fixture.\n"
        "elements:\n"
        "  - title: First element\n"
        "    performance_criteria:\n"
        "      - {id: P1, text: do one thing}\n"
        "knowledge:\n"
        "  - heading: Rights\n"
        "    items:\n"
        f"      - id: {k_id}\n"
        f"        text: {knowledge_text}\n"
    )


def standard_dict() -> dict[str, object]:
    """The same standard as a dict, for JSON cases."""
    return {
        "code": CODE,
        "title": "Test standard",
        "overview": "This standard is a fixture.",
        "elements": [
            {"title": "First element", "performance_criteria": [{"id": "P1", "text": "do one"}]}
        ],
        "knowledge": [{"heading": "Rights", "items": [{"id": "K1", "text": "know one"}]}],
    }


Maker = Callable[[Path, str], Path]
"""Makes the input in a directory, for a suffix (``.yaml``, ``.json``, ``.txt``); returns
the path to give to carenos."""


def _file(content: bytes | str) -> Maker:
    def make(directory: Path, suffix: str) -> Path:
        path = directory / f"{CODE}{suffix}"
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return make


def _big(directory: Path, suffix: str) -> Path:
    path = directory / f"{CODE}{suffix}"
    with path.open("wb") as handle:
        handle.write(b"code: SCDHSC9999\ntitle: ")
        chunk = b"x" * (1 << 20)
        for _ in range(50):
            handle.write(chunk)
    return path


def _as_entry(make: Callable[[Path], None]) -> Maker:
    """A bad entry in a corpus directory (given whole to standard readers), or itself (text)."""

    def maker(directory: Path, suffix: str) -> Path:
        corpus = directory / "corpus"
        corpus.mkdir()
        entry = corpus / f"{CODE}{suffix}"
        make(entry)
        return corpus if suffix != ".txt" else entry

    return maker


def _directory(entry: Path) -> None:
    entry.mkdir()


def _loop(entry: Path) -> None:
    entry.symlink_to(entry.name)


def _unreadable(directory: Path, suffix: str) -> Path:
    path = _file(standard_yaml())(directory, suffix)
    path.chmod(0)
    return path


def _tagged(tag_line: str) -> Maker:
    def make(directory: Path, suffix: str) -> Path:
        marker = directory / MARKER
        text = standard_yaml().replace(
            "overview: This standard is a fixture.",
            tag_line.format(marker=json.dumps(str(marker))),
        )
        return _file(text)(directory, suffix)

    return make


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{b}: &{b} [{','.join([f'*{a}'] * 9)}]\n"
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + standard_yaml()
)


def _noise_text(seed: int) -> str:
    """20,000 random bytes but NUL (which read_text refuses before the importer sees it)."""
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 256) for _ in range(20_000)).decode("latin-1")


NO_PK = "\n".join(
    [
        f"{CODE}",
        "Test standard",
        "Overview",
        "This is prose that never numbers a statement.",
        "It goes on, and on, without P or K lines.",
    ]
)

ONLY_HEADINGS = "\n".join(
    ["Performance criteria", "You must be able to:", "Knowledge and understanding", "Values"] * 3
)


@dataclass(frozen=True)
class Case:
    """One hostile input: its name, how to make it, who reads it, what must happen.

    ``suffix`` is the file suffix for standard readers (text readers get ``.txt``);
    ``message`` is a part of the expected error message (``finding_message`` that of the
    finding ``validate`` reports, where it differs); ``exit_code`` the command line's.
    """

    name: str
    make: Maker
    interfaces: tuple[str, ...]
    message: str
    exit_code: int = 1
    suffix: str = ".yaml"
    finding_message: str | None = None

    def expected(self, interface: str) -> str:
        """The part of the message that ``interface`` must give."""
        validating = interface.endswith("validate")
        return self.finding_message if validating and self.finding_message else self.message


CASES: tuple[Case, ...] = (
    # --- files that cannot be read as text --------------------------------------------
    Case("file-50mb", _big, STANDARD + TEXT, "over the size limit of 5,242,880 bytes"),
    Case(
        "not-utf8",
        _file(b"code: SCDHSC9999\ntitle: caf\xe9\n"),
        STANDARD,
        "not UTF-8 text: byte 0xe9",
    ),
    # Published text may be Windows-1252 (older extracts): read so, it holds no standard.
    Case("windows-1252", _file(b"code: SCDHSC9999\ntitle: caf\xe9\n"), TEXT, "not the text"),
    Case(
        "nul-byte",
        _file(standard_yaml().replace("do one thing", "do one\x00thing")),
        STANDARD + TEXT,
        "NUL byte",
    ),
    Case("empty", _file(b""), STANDARD + TEXT, "empty"),
    Case("directory", _as_entry(_directory), STANDARD + TEXT, "is a directory"),
    Case("unreadable", _unreadable, STANDARD + TEXT, "permission denied"),
    Case("symlink-loop", _as_entry(_loop), STANDARD + TEXT, "too many levels of symbolic links"),
    # --- YAML that would run code or blow up ------------------------------------------
    Case(
        "tag-python-object-apply",
        _tagged("overview: !!python/object/apply:os.system [{marker}]"),
        STANDARD,
        "tags (!!python/object/apply:os.system) are not used",
    ),
    Case(
        "tag-python-name",
        _tagged("overview: !!python/name:builtins.exec {marker}"),
        STANDARD,
        "tags (!!python/name:builtins.exec) are not used",
    ),
    Case(
        "tag-custom",
        _tagged("overview: !carenos/marker {{path: {marker}}}"),
        STANDARD,
        "tags (!carenos/marker) are not used",
    ),
    Case("billion-laughs", _file(BILLION_LAUGHS), STANDARD, "anchors (&a) are not used"),
    Case(
        "deep-flow-10000",
        _file("code: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        STANDARD,
        "nested more than 64 levels deep",
    ),
    Case(
        "deep-block-10000",
        _file("code:\n" + "- " * 10_000 + "x\n"),
        STANDARD,
        "nested more than 64 levels deep",
    ),
    # --- JSON that strict JSON refuses ------------------------------------------------
    Case(
        "json-deep-10000",
        _file('{"code": ' + "[" * 10_000 + "]" * 10_000 + "}"),
        STANDARD,
        "nested",
        suffix=".json",
    ),
    Case(
        "json-duplicate-keys",
        _file('{"code": "A1", "code": "B2"}'),
        STANDARD,
        "duplicate key 'code'",
        suffix=".json",
    ),
    Case(
        "json-nan",
        _file('{"code": NaN}'),
        STANDARD,
        "NaN is not valid JSON",
        suffix=".json",
    ),
    Case(
        "json-infinity",
        _file('{"code": -Infinity}'),
        STANDARD,
        "-Infinity is not valid JSON",
        suffix=".json",
    ),
    Case(
        "json-1e999",
        _file('{"code": 1e999}'),
        STANDARD,
        "number 1e999 is out of range",
        suffix=".json",
    ),
    # --- the right syntax, the wrong shape --------------------------------------------
    Case(
        "wrong-type-id",
        _file(standard_yaml(k_id="3")),
        STANDARD,
        "id 3: write K3",
        finding_message="id 3: write K3",
    ),
    Case(
        "wrong-type-text",
        _file(json.dumps({**standard_dict(), "title": ["a", "list"]})),
        STANDARD,
        "the title should be text, not a list",
        suffix=".json",
        finding_message="the title should be text, not a list",
    ),
    # --- extracted text that is not a standard ----------------------------------------
    Case("text-no-pk-lines", _file(NO_PK), TEXT, "not the text of a standard"),
    Case("text-only-headings", _file(ONLY_HEADINGS), TEXT, "not the text of a standard"),
    Case("text-binary-noise", _file(_noise_text(8)), TEXT, "not the text of a standard"),
)
"""Every hostile case; the suite runs each through each of its interfaces."""


HUGE_ITEM = "word " * 200_000
"""A knowledge item of 1 MB of text: over the text limit, and it must not blow anything up."""


def huge_item(directory: Path) -> Path:
    """A standard, valid but for its one knowledge item of 1 MB of text."""
    return _file(standard_yaml(HUGE_ITEM.strip()))(directory, ".yaml")


def snapshot(directory: Path) -> dict[str, tuple[int, int, str | None]]:
    """Size, modification time and (where readable) checksum of every file under ``directory``."""
    import hashlib

    found: dict[str, tuple[int, int, str | None]] = {}
    for root, _dirs, files in os.walk(directory):
        for name in files:
            path = Path(root, name)
            info = path.lstat()
            digest = None
            if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path)] = (info.st_size, info.st_mtime_ns, digest)
    return found
