"""``carenos import``: writes DIR/CODE.yaml, prints a line per document, exits 1 or 2 on errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import carenos

from .support.cli import Cli
from .support.importing import SOURCES, TITLES, seed
from .support.paths import CASES

INDEX = (
    "urn,title,developed_by,suite,relevant_occupations,validity,status,keywords,original_urn\n"
    "SCDHSC00393,Promote participation in agreed therapeutic group activities,SfC&D,HSC;,"
    '"A, B; C;",Current,,"x, y",HSC393\n'
)


def test_import_with_an_index_writes_yaml_and_reports(cli: Cli, tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    index.write_text(INDEX, encoding="utf-8")
    result = cli("import", SOURCES / "SCDHSC0393.txt", "--out", tmp_path / "out", "--index", index)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the files are the output; the summary goes to stderr
    assert (
        "\nSCDHSC0393  Promote participation in agreed therapeutic group activities: "
        "3 elements, 29 performance criteria, 45 knowledge items -> "
    ) in result.stderr
    assert "code SCDHSC00393 read as SCDHSC0393" in result.stderr
    standard = carenos.load(tmp_path / "out" / "SCDHSC0393.yaml")
    assert standard.metadata == carenos.Metadata(
        developed_by="SfC&D",
        validity="Current",
        original_urn="HSC393",
        suites=("HSC",),
        relevant_occupations=("A, B", "C"),
        keywords=("x", "y"),
    )


def test_code_and_title_options(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "extract.txt"
    source.write_text(seed("SCDHSC0429"), encoding="utf-8")
    result = cli("import", source, "--out", tmp_path, "--code", "SCDHSC0429", "--title", "T")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1
    assert "4 elements, 29 performance criteria, 57 knowledge items" in result.stderr
    quiet = cli(
        "-q", "import", source, "-o", tmp_path, "--code", "SCDHSC0429", "--title", "T", "--force"
    )
    assert quiet.exit_code == 0
    assert quiet.output == ""
    assert carenos.load(tmp_path / "SCDHSC0429.yaml").title == "T"


def test_unaccountable_text_exits_1(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "SCDHSC0393.txt"
    lines = seed("SCDHSC0393").split("\n")
    lines.insert(3, "stray words")  # line 4, among the prompts
    lines.insert(50, "more stray words")
    source.write_text("\n".join(lines), encoding="utf-8")
    result = cli("import", source, "--out", tmp_path, "--title", "T")
    assert result.exit_code == 1, result.output
    assert f"{source}:" in result.stderr
    assert "'more stray words'" in result.stderr
    assert "(CN500)" in result.stderr
    assert not (tmp_path / "SCDHSC0393.yaml").exists()


def test_missing_title_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", SOURCES / "SCDHSC0393.txt", "--out", tmp_path)
    assert result.exit_code == 2
    assert "no title" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_code_exits_2(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "extract.txt"
    shutil.copy(SOURCES / "SCDHSC0393.txt", source)
    result = cli("import", source, "--out", tmp_path, "--title", "T")
    assert result.exit_code == 2
    assert "no code" in result.stderr


def test_existing_output_needs_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "SCDHSC0393.yaml"
    target.write_text("mine\n", encoding="utf-8")
    args = ["import", SOURCES / "SCDHSC0393.txt", "--out", tmp_path, "--title", "T"]
    result = cli(*args)
    assert result.exit_code == 2
    assert "exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    result = cli(*args, "--force")
    assert result.exit_code == 0, result.output
    assert carenos.load(target).title == "T"


def test_code_option_with_several_sources_exits_2(cli: Cli, tmp_path: Path) -> None:
    sources = [SOURCES / f"{code}.txt" for code in TITLES]
    result = cli("import", *sources, "--out", tmp_path, "--code", "X1")
    assert result.exit_code == 2


def test_out_is_required(cli: Cli) -> None:
    result = cli("import", SOURCES / "SCDHSC0393.txt")
    assert result.exit_code == 2


def test_two_sources_with_one_code_write_nothing(cli: Cli, tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    index.write_text(INDEX, encoding="utf-8")
    copy = tmp_path / "again" / "SCDHSC0393.txt"
    copy.parent.mkdir()
    shutil.copy(SOURCES / "SCDHSC0393.txt", copy)
    out = tmp_path / "out"
    for force in ([], ["--force"]):
        args = ["import", SOURCES / "SCDHSC0393.txt", copy, "--out", out]
        result = cli(*args, "--index", index, *force)
        assert result.exit_code == 1, result.output
        assert "are both SCDHSC0393: one file each (CN207)" in result.output
        assert not out.exists()


def test_explain_prints_every_line_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    source = CASES / "import" / "nosdb-page-hsccld-2026" / "source.txt"
    result = cli("import", "--explain", source)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert len(rows) == len(source.read_text(encoding="utf-8").split("\n"))
    assert rows[1].split() == [
        "line", "2", "HSCCLD220/code", "|", "URN:", "HSCCLD220",
    ]  # fmt: skip
    assert rows[9].startswith("line 10")
    assert "label: lead-in" in rows[9]
    assert "HSCCLD220/elements/0/performance_criteria/0" in rows[10]
    assert list(tmp_path.iterdir()) == []


def test_explain_shows_what_fits_nowhere_without_failing(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "junk.txt"
    source.write_text("Overview\nText.\nPerformance criteria\nP1 do\nlorem\nP2 do more\n")
    result = cli("import", "--explain", source)
    assert result.exit_code == 0, result.output
    assert "unaccounted: fits nowhere" in result.stdout.splitlines()[4]
    failed = cli("import", source, "--out", tmp_path / "out", "--code", "X1", "--title", "T")
    assert failed.exit_code == 1
    assert "--explain" in failed.stderr
    assert "line 5: 'lorem'" in failed.stderr


def test_lines_outside_the_standard_are_reported_on_stderr(cli: Cli, tmp_path: Path) -> None:
    source = CASES / "import" / "leftover" / "source.txt"
    result = cli("import", source, "--out", tmp_path, "--code", "X1", "--title", "T")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"{source}:6: not part of a standard: Leftover text after the last item"
    )
    assert carenos.load(tmp_path / "X1.yaml").criteria[-1].text == "do more"


def test_an_html_page_imports_by_its_suffix(cli: Cli, tmp_path: Path) -> None:
    source = CASES / "import" / "nosdb-page-html" / "source.html"
    result = cli("import", source, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.iterdir()
    assert written.name == "SFHCHS8.yaml"
    assert carenos.load(written) == carenos.load(source.parent / "expected" / "SFHCHS8.yaml")


def test_from_names_the_kind_a_suffix_does_not(cli: Cli, tmp_path: Path) -> None:
    html = (CASES / "import" / "nosdb-page-html" / "source.html").read_bytes()
    source = tmp_path / "page.download"
    source.write_bytes(html)
    as_text = cli("import", source, "--out", tmp_path / "a")
    assert as_text.exit_code == 1  # read as text, the markup fits nowhere
    as_html = cli("import", source, "--from", "html", "--out", tmp_path / "b")
    assert as_html.exit_code == 0, as_html.output
    assert (tmp_path / "b" / "SFHCHS8.yaml").is_file()


def _batch(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two good sources with a broken one between them (newcomer finding 24)."""
    index = tmp_path / "index.csv"
    rows = "".join(f"{code},A title {code},,,,,,,\n" for code in ("SCDHSC0001", "SCDHSC0429"))
    index.write_text(INDEX + rows, encoding="utf-8")
    broken = tmp_path / "SCDHSC0001.txt"
    lines = seed("SCDHSC0393").split("\n")
    lines.insert(50, "stray words")
    broken.write_text("\n".join(lines), encoding="utf-8")
    good = tmp_path / "SCDHSC0429.txt"
    good.write_text(seed("SCDHSC0429"), encoding="utf-8")
    return index, broken, good


def test_a_batch_with_a_failing_source_writes_nothing_and_says_so(cli: Cli, tmp_path: Path) -> None:
    index, broken, good = _batch(tmp_path)
    out = tmp_path / "out"
    result = cli("import", SOURCES / "SCDHSC0393.txt", broken, good, "--out", out, "--index", index)
    assert result.exit_code == 1, result.output
    assert f"{broken}:" in result.stderr
    assert "(CN500)" in result.stderr
    assert f"nothing written: {broken} failed" in result.stderr
    assert "--keep-going" in result.stderr
    assert not out.exists()


def test_keep_going_writes_the_sources_that_import(cli: Cli, tmp_path: Path) -> None:
    index, broken, good = _batch(tmp_path)
    out = tmp_path / "out"
    result = cli(
        "import", SOURCES / "SCDHSC0393.txt", broken, good, "--out", out, "--index", index, "-k"
    )
    assert result.exit_code == 1, result.output
    assert f"{broken}:" in result.stderr
    assert "1 source of 3 failed and was not imported; 2 standards written to" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["SCDHSC0393.yaml", "SCDHSC0429.yaml"]
    assert carenos.load(out / "SCDHSC0429.yaml").code == "SCDHSC0429"


def test_keep_going_with_every_source_good_is_a_plain_import(cli: Cli, tmp_path: Path) -> None:
    index, _broken, good = _batch(tmp_path)
    out = tmp_path / "out"
    result = cli("import", SOURCES / "SCDHSC0393.txt", good, "--out", out, "--index", index, "-k")
    assert result.exit_code == 0, result.output
    assert result.stderr.count(" -> ") == 2
