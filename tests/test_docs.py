"""The documentation cannot rot: every sample in docs/*.md and README.md runs here.

- ```` ```python ```` blocks run in order, one namespace per page, with the repository
  root as the working directory; ``tempfile`` makes its directories under pytest's
  temporary directory, so samples write their outputs with ``tempfile.mkdtemp()``.
- ```` ```pycon ```` blocks (``>>>`` sessions) run as doctests in the same namespace, so
  the outputs they show are checked.
- ```` ```console ```` blocks hold ``$ carenos ...`` commands, run through click's
  CliRunner, each followed by its exact output (a line ``...`` stands for any lines);
  ``$ echo $?`` prints the exit code of the command before it, and must follow every
  command that does not exit 0. They run in a temporary directory in which ``data`` is
  the repository's ``data``, and a block with ``title="path"`` (no spaces) in a
  ``yaml``/``json``/``text`` fence is first written there as that file.
- A block preceded by the line ``<!-- skip -->`` does not run; few may be skipped.

Also: mkdocs.yml parses and its nav lists every page of docs/ (mkdocs is not needed), and
.pre-commit-hooks.yaml offers the hooks for standard files only.
"""

from __future__ import annotations

import doctest
import glob
import re
import shlex
import tempfile
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .support.cli import Cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [*sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*.md")), "README.md"]
RUN = ("python", "pycon", "console")
FILE_LANGUAGES = ("yaml", "json", "text", "toml")
MAX_SKIPPED = 3
PENDING_PAGES: tuple[str, ...] = ()
"""Pages being written on other branches: in the nav once they land."""

_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)(?P<attrs>[^`\n]*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')


class Block:
    def __init__(self, page: str, line: int, lang: str, title: str | None, skip: bool) -> None:
        self.page, self.line, self.lang, self.title, self.skip = page, line, lang, title, skip
        self.text = ""

    def __repr__(self) -> str:
        return f"{self.page}:{self.line} ({self.lang})"


def blocks(page: str) -> list[Block]:
    """The fenced blocks of a page, with their language, title and skip mark."""
    found: list[Block] = []
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    current: Block | None = None
    body: list[str] = []
    indent = 0
    previous = ""
    for number, line in enumerate(lines, start=1):
        if current is None:
            match = _FENCE.match(line)
            if match:
                title = _TITLE.search(match["attrs"])
                skip = previous.strip() == "<!-- skip -->"
                current = Block(page, number, match["lang"], title and title["title"], skip)
                indent, body = len(match["indent"]), []
            elif line.strip():
                previous = line
        elif line.strip() == "```":
            current.text = "\n".join(body) + "\n"
            found.append(current)
            current, previous = None, ""
        else:
            body.append(line[indent:])
    assert current is None, f"{page}: unclosed fence at line {current.line}"
    return found


ALL_BLOCKS = {page: blocks(page) for page in PAGES}


def test_few_samples_are_skipped() -> None:
    skipped = [b for page in PAGES for b in ALL_BLOCKS[page] if b.lang in RUN and b.skip]
    run = [b for page in PAGES for b in ALL_BLOCKS[page] if b.lang in RUN and not b.skip]
    assert len(skipped) <= MAX_SKIPPED, f"too many samples skipped: {skipped}"
    assert len(run) >= 35, f"only {len(run)} samples run: are the fences recognised?"


@pytest.mark.parametrize("page", PAGES)
def test_python_samples_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    namespace: dict[str, Any] = {"__name__": f"docs:{page}"}
    for block in ALL_BLOCKS[page]:
        if block.skip:
            continue
        if block.lang == "python":
            code = compile("\n" * block.line + block.text, f"{page}", "exec")
            exec(code, namespace)
        elif block.lang == "pycon":
            test = doctest.DocTestParser().get_doctest(
                block.text, namespace, str(block), page, block.line
            )
            failures: list[str] = []
            runner = doctest.DocTestRunner(
                optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
            )
            runner.run(test, out=failures.append, clear_globs=False)
            namespace.update(test.globs)  # the DocTest ran on a copy
            assert runner.failures == 0, "".join(failures)
    capsys.readouterr()


def _expected(lines: list[str]) -> re.Pattern[str]:
    parts = ["(?:.*\\n)*?" if line == "..." else re.escape(line) + "\\n" for line in lines]
    return re.compile("".join(parts))


def _run(cli: Cli, args: list[str], cwd: Path) -> tuple[str, int]:
    expanded: list[str] = []
    for arg in args:
        matches = sorted(glob.glob(arg, root_dir=cwd)) if "*" in arg else []
        expanded.extend(matches or [arg])
    result = cli(*expanded, prog_name="carenos", terminal_width=80, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.output, result.exit_code


@pytest.mark.parametrize("page", PAGES)
def test_console_samples_run(
    cli: Cli, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CARENOS_MAX_SIZE", raising=False)
    for block in ALL_BLOCKS[page]:
        if block.skip:
            continue
        if block.lang in FILE_LANGUAGES and block.title and " " not in block.title:
            target = tmp_path / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
        if block.lang != "console":
            continue
        commands: list[tuple[str, list[str]]] = []
        for line in block.text.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            else:
                assert commands, f"{block}: output before any command"
                commands[-1][1].append(line.rstrip())
        last_exit = 0
        pending_exit = False
        for command, expected in commands:
            if command == "echo $?":
                got, pending_exit = f"{last_exit}\n", False
            else:
                assert not pending_exit, f"{block}: exit {last_exit} not shown with echo $?"
                args = shlex.split(command)
                assert args[0] == "carenos", f"{block}: only carenos commands run: {command}"
                got, last_exit = _run(cli, args[1:], tmp_path)
                pending_exit = last_exit != 0
            got = "\n".join(line.rstrip() for line in got.splitlines()) + ("\n" if got else "")
            pattern = _expected(expected)
            assert pattern.fullmatch(got), (
                f"{block}: `{command}` printed:\n{got}\nbut the page shows:\n" + "\n".join(expected)
            )
        assert not pending_exit, f"{block}: exit {last_exit} not shown with echo $?"


def _nav_files(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    return []


def _yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def test_mkdocs_nav_lists_every_page() -> None:
    config = _yaml(ROOT / "mkdocs.yml")
    assert config["theme"]["name"] == "material"
    listed = _nav_files(config["nav"])
    assert len(listed) == len(set(listed)), "a page is listed twice"
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    missing = [p for p in pages if p not in listed and p not in PENDING_PAGES]
    assert not missing, f"pages not in the mkdocs nav: {missing}"
    absent = [p for p in listed if not (DOCS / p).is_file()]
    assert not absent, f"nav entries without a page: {absent}"


def test_pre_commit_hooks() -> None:
    hooks = {h["id"]: h for h in _yaml(ROOT / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"carenos-validate", "carenos-fmt", "carenos-validate-all", "carenos-diff"}
    assert hooks["carenos-validate"]["entry"] == "carenos validate --warnings-as-errors"
    assert hooks["carenos-validate-all"]["pass_filenames"] is False
    for hook in hooks.values():
        assert hook["language"] == "python"
        files = re.compile(hook["files"])
        standards = ("a/SCDHSC0393.yaml", "HSCCLD220.cy.yml", "LANAgM17.yaml")
        assert all(files.search(name) for name in standards), hook["id"]
        others = (".pre-commit-config.yaml", "mkdocs.yml", "notes.yaml", "a.txt", "yaml.md")
        assert not any(files.search(name) for name in others), hook["id"]
