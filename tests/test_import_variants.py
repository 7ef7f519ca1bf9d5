"""Re-laid variants of the seeds (each quirk of real extractions alone, then all together)
import to the same statements as the seeds themselves."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import reduce

import pytest

import carenos

from .support.importing import TITLES, seed, statements

Transform = Callable[[str, str], str]
HEADINGS = {"Rights", "Your practice", "Theory", "Theory for practice", "Communication"}


def lines_map(func: Callable[[str], str]) -> Transform:
    return lambda text, _code: "\n".join(func(line) for line in text.split("\n"))


def is_id(line: str) -> bool:
    return re.match(r"[PK][0-9]+ ", line) is not None


def crlf(text: str, _code: str) -> str:
    return text.replace("\n", "\r\n")


def bom(text: str, _code: str) -> str:
    return "\ufeff" + text


def tab_after_id(line: str) -> str:
    return re.sub(r"^([PK][0-9]+) +", "\\1\t", line)


def spaces_after_id(line: str) -> str:
    return re.sub(r"^([PK][0-9]+) +", "\\1    ", line)


def nbsp(line: str) -> str:
    return line.replace(" ", "\u00a0")


def indent(line: str) -> str:
    return " \t  " + line


def blank_runs(line: str) -> str:
    return line + "\n\n \t\n\u00a0\n"


def markers_inside(line: str) -> str:
    if len(line) < 12 or "[bookmark" in line:
        return line
    return line[:5] + "[bookmark: _Toc1]" + line[5:9] + "[bookmark: x]" + line[9:]


def no_markers(text: str, _code: str) -> str:
    return re.sub(r"\[bookmark:[^\]]*\]", "", text)


def first_element(code: str) -> str:
    return {"SCDHSC0429": "Plan to develop", "SCDHSC0393": " Plan agreed"}[code]


def prompts(text: str, code: str) -> str:
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("Plan ", "Use group", "Help groups", "Disengage", "Promote ind")):
            out += [
                "You must be able to:",
                line,
                "You must be able to:",
                "",
                "You must be able to:",
            ]
        elif stripped in HEADINGS:
            out += ["You need to know and understand:", line, "You need to know and understand:"]
        else:
            out.append(line)
    return "\n".join(out)


def labels_own_lines(text: str, code: str) -> str:
    lines = text.split("\n")
    out = ["Overview"]
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("Plan "):
            out.append("Performance criteria")
        if stripped == "Rights":
            out.append("Knowledge and understanding")
        if "Adherence to codes" in line and "Values" not in out[-1]:
            out.append("Values")
        out.append(line)
    return "\n".join(out)


def labels_before_tab(text: str, code: str) -> str:
    out = []
    for line in text.split("\n"):
        if "StartOverview" in line:
            line = "Overview\t" + line.strip()
        elif line.strip().startswith("Adherence to codes") or "StartValues" in line:
            line = "Values\t" + line.strip()
        out.append(line)
    return "\n".join(out)


def header_two_lines(text: str, code: str) -> str:
    return f"{code}\n{TITLES[code]}\n\n" + text


def header_one_line(text: str, code: str) -> str:
    return f"\n {code}\t{TITLES[code]}\n" + text


TABLE = (
    "Developed by\tSkills for Care & Development\n"
    "Version number\t1\n"
    "Date approved\tJune 2014\n"
    "Indicative review date\tJune 2019\n"
    "Validity\tCurrent\n"
    "Status\tOriginal\n"
    "Originating organisation\tSkills for Care and Development\n"
    "Original URN\tHSC429\n"
    "Relevant occupations\tHealth, Public Services and Care; Health and Social Care;\n"
    "Suite\tHealth and Social Care\n"
    "Keywords\tgroups, growth , development,\n"
)


def metadata_table(text: str, code: str) -> str:
    return text.rstrip("\n") + "\n\n" + TABLE


def heading_spellings(text: str, code: str) -> str:
    text = text.replace("Safe-guarding\n", "Safeguarding\n")
    return text.replace("\nTheory for practice\n", "\nTheory\n").replace(
        "\nTheory \n", "\nTheory for practice\n"
    )


QUIRKS: dict[str, Transform] = {
    "crlf": crlf,
    "bom": bom,
    "tab_after_id": lines_map(tab_after_id),
    "spaces_after_id": lines_map(spaces_after_id),
    "nbsp": lines_map(nbsp),
    "indent": lines_map(indent),
    "blank_runs": lines_map(blank_runs),
    "markers_inside": lines_map(markers_inside),
    "no_markers": no_markers,
    "prompts": prompts,
    "labels_own_lines": labels_own_lines,
    "labels_before_tab": labels_before_tab,
    "header_two_lines": header_two_lines,
    "header_one_line": header_one_line,
    "metadata_table": metadata_table,
}
# Applied in this order for "all combined": structure first, then characters and line ends.
COMBINED = [
    "prompts",
    "labels_own_lines",
    "labels_before_tab",
    "header_two_lines",
    "metadata_table",
    "tab_after_id",
    "markers_inside",
    "blank_runs",
    "indent",
    "nbsp",
    "crlf",
    "bom",
]


@pytest.fixture(params=["SCDHSC0429", "SCDHSC0393"])
def code(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def baseline(code: str) -> carenos.Standard:
    return carenos.import_text(seed(code), code, TITLES[code])


@pytest.mark.parametrize("quirk", sorted(QUIRKS))
def test_each_quirk_alone(code: str, quirk: str) -> None:
    text = QUIRKS[quirk](seed(code), code)
    assert text != seed(code)
    standard = carenos.import_text(text, code, TITLES[code])
    assert statements(standard) == statements(baseline(code))


def test_all_quirks_combined(code: str) -> None:
    text = reduce(lambda t, name: QUIRKS[name](t, code), COMBINED, seed(code))
    standard = carenos.import_text(text)
    assert (standard.code, standard.title) == (code, TITLES[code])
    assert statements(standard) == statements(baseline(code))
    assert standard.metadata is not None
    assert standard.metadata.version == 1


def test_header_gives_code_and_title(code: str) -> None:
    for quirk in ("header_two_lines", "header_one_line"):
        standard = carenos.import_text(QUIRKS[quirk](seed(code), code))
        assert (standard.code, standard.title) == (code, TITLES[code])


def test_options_win_over_the_header() -> None:
    text = header_two_lines(seed("SCDHSC0393"), "SCDHSC0393")
    standard = carenos.import_text(text, "X1", "Another title")
    assert (standard.code, standard.title) == ("X1", "Another title")


def test_metadata_table_fills_the_metadata() -> None:
    standard = carenos.import_text(metadata_table(seed("SCDHSC0429"), ""), "SCDHSC0429", "T")
    assert standard.metadata == carenos.Metadata(
        developed_by="Skills for Care & Development",
        version=1,
        date_approved="2014-06",
        indicative_review_date="2019-06",
        validity="Current",
        status="Original",
        originating_organisation="Skills for Care and Development",
        original_urn="HSC429",
        relevant_occupations=("Health, Public Services and Care", "Health and Social Care"),
        suites=("Health and Social Care",),
        keywords=("groups", "growth", "development"),
    )


def test_a_published_date_that_is_no_date_is_an_error_at_its_line() -> None:
    text = metadata_table(seed("SCDHSC0429"), "").replace("June 2014", "Summer 2014")
    with pytest.raises(
        carenos.CarenosError, match=r"date_approved: write an ISO 8601 date .*, not 'Summer 2014'"
    ) as caught:
        carenos.import_text(text, "SCDHSC0429", "T")
    line = caught.value.line
    assert line is not None
    assert text.splitlines()[line - 1] == "Date approved\tSummer 2014"


def test_heading_spellings_are_kept_as_written(code: str) -> None:
    standard = carenos.import_text(heading_spellings(seed(code), code), code, "T")
    headings = [s.heading for s in standard.knowledge]
    assert "Safeguarding" in headings
    assert "Safe-guarding" not in headings
    theory = {"SCDHSC0429": "Theory for practice", "SCDHSC0393": "Theory"}[code]
    assert theory in headings
    assert [k.text for k in standard.knowledge_items] == [
        k.text for k in baseline(code).knowledge_items
    ]
