"""Fuzzing the readers, the importer and validate: only carenos's own errors escape.

Real documents are cut and spliced with fragments that YAML, JSON and extracted text
treat specially (tags, anchors, brackets, quotes, control characters, binary noise), so
that the fuzzer spends its examples near the places where parsers go wrong. The number
of examples is bounded by the hypothesis profile (and derandomised in CI).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.errors import CarenosError, ImportTextError
from carenos.importer import UnaccountedLinesError
from carenos.io.files import normalise_newlines
from carenos.io.json import parse_json
from carenos.io.yaml import parse_yaml

from ..support.hostile import standard_dict, standard_yaml
from ..support.importing import TITLES, account_of, seed

FRAGMENTS = [
    "!!python/object/apply:os.system ['true']",
    "!!python/name:builtins.exec",
    "!custom",
    "&a ",
    "*a",
    "<<: *a",
    "[" * 70,
    "{" * 70,
    "]",
    "}",
    "- " * 40,
    ": ",
    "? ",
    "'",
    '"',
    "\\u0000",
    "\t",
    "\r",
    "\u2028",
    "\ufeff",
    "%YAML 1.1\n---\n",
    "---\n",
    "...\n",
    "#",
    "|",
    ">-",
    "NaN",
    "-Infinity",
    "1e999",
    "0x",
    "2024-13-45",
    ",",
]

noise = st.text(st.characters(min_codepoint=1, max_codepoint=0x10FFFF), max_size=30)
splice = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(FRAGMENTS) | noise), min_size=1, max_size=5
)


def _caught(run: Callable[[], object]) -> CarenosError | None:
    """The CarenosError that ``run`` raises, or None; any other exception escapes."""
    try:
        run()
    except CarenosError as error:
        return error
    return None


def _spliced(text: str, inserts: list[tuple[int, str]]) -> str:
    for position, fragment in inserts:
        at = position % (len(text) + 1)
        text = text[:at] + fragment + text[at:]
    return text


YAML_TEXT = standard_yaml()
JSON_TEXT = json.dumps(standard_dict(), indent=1)


@given(splice, st.booleans())
def test_yaml_reader_raises_only_carenos_errors(inserts: list[tuple[int, str]], fast: bool) -> None:
    text = _spliced(YAML_TEXT, inserts)
    for error in (
        _caught(lambda: parse_yaml(text, bulk=fast)),
        _caught(lambda: carenos.loads(text, "yaml")),
    ):
        if error is not None:
            assert error.message
            assert error.source == "<string>"


@given(splice)
def test_json_reader_raises_only_carenos_errors(inserts: list[tuple[int, str]]) -> None:
    text = _spliced(JSON_TEXT, inserts)
    for error in (_caught(lambda: parse_json(text)), _caught(lambda: carenos.loads(text, "json"))):
        if error is not None:
            assert error.message
            assert error.source == "<string>"


@given(splice, st.sampled_from(["yaml", "json"]))
def test_validate_never_raises(inserts: list[tuple[int, str]], fmt: str) -> None:
    text = _spliced(YAML_TEXT if fmt == "yaml" else JSON_TEXT, inserts)
    report = carenos.validate(text, fmt="json" if fmt == "json" else "yaml", name="<fuzz>")
    assert report.files == 1
    for finding in report.findings:
        assert finding.source == "<fuzz>"
        assert finding.message


binary_line = st.binary(min_size=1, max_size=60).map(
    lambda data: data.replace(b"\x00", b"").decode("latin-1")
)


@given(
    st.sampled_from(sorted(TITLES)),
    st.lists(st.tuples(st.integers(0, 400), binary_line), min_size=1, max_size=3),
)
def test_importer_on_binary_noise_accounts_or_names(
    code: str, inserts: list[tuple[int, str]]
) -> None:
    lines = seed(code).split("\n")
    for position, extra in inserts:
        lines.insert(min(position, len(lines)), extra)
    text = "\n".join(lines)
    error = _caught(lambda: carenos.import_text(text, code, TITLES[code]))
    if isinstance(error, UnaccountedLinesError):
        assert error.lines  # it says which lines it could not place
    elif error is not None:
        assert isinstance(error, ImportTextError), error
    else:  # imported: then every line went somewhere
        account = account_of(text)
        assert sorted(account) == list(range(1, len(normalise_newlines(text).split("\n")) + 1))
