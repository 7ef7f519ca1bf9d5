"""Nothing of the input is lost: every line is accounted for, or the import fails naming it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.errors import ImportTextError
from carenos.importer import UnaccountedLinesError, analyse
from carenos.io.published.text import text_document

from .support.importing import TITLES, account_of, data_of, norm, resolve, seed


@pytest.fixture(params=["SCDHSC0429", "SCDHSC0393"])
def code(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_every_line_is_accounted_for(code: str) -> None:
    text = seed(code)
    lines = text.split("\n")
    account = account_of(text)
    data = data_of(text)
    assert sorted(account) == list(range(1, len(lines) + 1))
    for number, raw in enumerate(lines, start=1):
        where = account[number]
        content = norm(raw)
        if not content:
            assert where in ("blank", "marker"), (number, raw)
            continue
        assert where.startswith("/") or where == "label", (number, raw, where)
        if where == "label":
            continue
        value = resolve(data, where)
        if isinstance(value, dict):
            value = f"{value['id']} {value['text']}" if "id" in value else value["text"]
        assert value in content or content in value, (number, raw, where)


def test_statement_lines_go_to_their_statements() -> None:
    account = account_of(seed("SCDHSC0429"))
    assert account[4] == "/elements/0/performance_criteria/0"
    assert account[2] == "/elements/0/title"
    assert account[42] == "/knowledge/0/heading"
    assert account[44] == "/knowledge/0/items/0"
    assert account[45] == "/knowledge/0/items/1"
    assert account[1] == "/overview"
    assert account[3] == "blank"


def with_line(text: str, after: int, line: str) -> str:
    lines = text.split("\n")
    return "\n".join([*lines[:after], line, *lines[after:]])


@pytest.mark.parametrize(
    ("after", "junk"),
    [
        (6, "lorem ipsum dolor sit amet"),  # between P3 and P4
        (58, "qwerty uiop"),  # between K12 and K13 (capitalised, it would be a heading)
        (134, "this line belongs nowhere"),  # after K57, before Additional Information
        (4, "P"),  # an id without text, between P1 and P2
    ],
)
def test_a_junk_line_is_an_error_naming_its_line(after: int, junk: str) -> None:
    text = with_line(seed("SCDHSC0429"), after, junk)
    with pytest.raises(UnaccountedLinesError) as caught:
        carenos.import_text(text, "SCDHSC0429", "T")
    assert caught.value.lines == ((after + 1, junk),)
    assert caught.value.line == after + 1
    assert f"line {after + 1}: {junk!r}" in str(caught.value)


def test_a_line_after_the_metadata_table_is_reported_as_outside_the_standard() -> None:
    text = seed("SCDHSC0393").rstrip("\n") + "\nStatus\tOriginal\nnot a field\n"
    total = len(seed("SCDHSC0393").rstrip("\n").split("\n"))
    result = analyse(text_document(text))
    assert result.outside == ((total + 2, "not a field"),)
    assert result.unaccounted == ()
    assert result.account[total + 1].pointer == "/metadata/status"


def test_a_heading_right_between_criteria_and_knowledge_is_a_heading() -> None:
    standard = carenos.import_text("Overview text\nElement\nP1 do\nRights\nK1 know\n", "X1", "T")
    assert [s.heading for s in standard.knowledge] == ["Rights"]
    assert [e.title for e in standard.elements] == ["Element"]


def test_text_without_an_overview_is_an_error() -> None:
    with pytest.raises(ImportTextError, match="no overview"):
        carenos.import_text("Element\nP1 do\n\nRights\nK1 know\n", "X1", "T")


line_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"), max_size=40
)
interesting = st.sampled_from(
    [
        "P7 an extra criterion",
        "K3 an extra item",
        "Values",
        "Overview",
        "Rights",
        "You must be able to:",
        "Status\tCurrent",
        "[bookmark: StartValues]",
        "SCDHSC0001",
        "\u00a0",
    ]
)


@given(
    st.sampled_from(["SCDHSC0429", "SCDHSC0393"]),
    st.lists(st.tuples(st.integers(0, 400), line_text | interesting), min_size=1, max_size=4),
)
def test_random_lines_are_accounted_for_or_named(code: str, inserts: list[tuple[int, str]]) -> None:
    lines = seed(code).split("\n")
    for position, extra in inserts:
        lines.insert(min(position, len(lines)), extra)
    text = "\n".join(lines)
    failure: UnaccountedLinesError | None = None
    try:
        account = account_of(text)
        standard = carenos.import_text(text, code, TITLES[code])
    except UnaccountedLinesError as error:
        failure = error
    except ImportTextError:
        return
    if failure is not None:
        assert failure.lines
        for number, shown in failure.lines:
            assert shown == " ".join(lines[number - 1].split())
        return
    assert sorted(account) == list(range(1, len(lines) + 1))
    for number, line in enumerate(lines, start=1):
        if norm(line):
            assert account[number] not in ("blank", "marker"), (number, line)
    assert standard.code == code
