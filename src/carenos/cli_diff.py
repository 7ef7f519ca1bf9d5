"""``carenos diff``: what changed between two versions of standards, and are they equivalent.

Exit codes as ``diff``'s: 0 equivalent (with additions or not), 1 not equivalent, 2 usage
error. With ``--git``, the seven arguments git gives an external diff driver
(``path old-file old-hex old-mode new-file new-hex new-mode``) and exit code 0, which git
needs to go on to the next file.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from .cli_options import (
    EXIT_FINDINGS,
    EXIT_OK,
    format_option,
    max_size_option,
    out_options,
    reported_errors,
)
from .errors import ReadError, UsageError
from .io import formats

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["diff_command"]

_NO_FILE = "/dev/null"


def _read(path: str, max_size: int | None, *, allow_missing: bool = False) -> list[Standard]:
    """The standards ``path`` holds; none for git's ``/dev/null`` (an added or deleted file)."""
    from .corpus import read_standards

    if allow_missing and path == _NO_FILE:
        return []
    if not Path(path).exists():
        raise UsageError("no such file or directory", source=path)
    standards = list(read_standards([path], max_size=max_size))
    if not standards and not allow_missing:
        raise ReadError("no standards found", source=path)
    return standards


def _at_revision(rev: str, path: str) -> list[Standard]:
    """The standards of ``path`` as git revision ``rev`` holds it; none if it is new since."""
    import subprocess

    from .documents import loads
    from .io.files import decode

    file = Path(path)
    try:
        done = subprocess.run(
            ["git", "show", f"{rev}:./{file.name}"],
            cwd=file.parent,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise UsageError(f"cannot run git: {exc.strerror}", source=path) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        if any(word in message[-1] for word in ("exists on disk", "does not exist")):
            return []  # added since rev
        raise UsageError(f"git show {rev}: {message[-1]}", source=path)
    source = f"{rev}:{path}"
    text = decode(done.stdout, source)
    fmt = formats.input_format(path)
    if fmt == "jsonl":
        return [
            loads(line, "json", source=f"{source}:{number}")
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    return [loads(text, "json" if fmt == "json" else "yaml", source=source)]


def _plain_diff(label: str, old: str, new: str) -> str:
    """A unified diff of two files carenos does not read (git's other files)."""
    from .io.files import read_text

    a = [] if old == _NO_FILE else read_text(old).splitlines(keepends=True)
    b = [] if new == _NO_FILE else read_text(new).splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, f"a/{label}", f"b/{label}"))


@click.command("diff")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@format_option(formats.DIFF_FORMATS, "text", "Output: a review, JSON, Markdown or a CSV table.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest similarity (0-100) at which a statement counts as reworded rather than "
    "removed and added [default: 65].",
)
@click.option(
    "--git",
    "git_driver",
    is_flag=True,
    help="Take the seven arguments git gives diff.<driver>.command or GIT_EXTERNAL_DIFF; "
    "always exit 0.",
)
@click.option(
    "--rev",
    metavar="REV",
    help="Compare each PATH (a file) with its version at git revision REV (HEAD: what a "
    "commit would change).",
)
@out_options("Write to this file (atomically) instead of standard output.")
@max_size_option
def diff_command(
    paths: tuple[str, ...],
    fmt: str,
    threshold: float | None,
    git_driver: bool,
    rev: str | None,
    out: str | None,
    force: bool,
    max_size: int | None,
) -> None:
    """Tell what changed from OLD to NEW, statement by statement, and if they are equivalent.

    OLD and NEW are files, directories or .jsonl; one PATH holding both versions
    compares each Legacy standard (its code with L appended, or replaced_by) with its
    successor. The verdict: equivalent, equivalent
    with additions, or not equivalent (a statement reworded or removed).
    """
    from .export import write_output
    from .revisions import REWORDED, diff_corpora

    new: list[Standard] | None
    with reported_errors():
        if git_driver:
            if len(paths) not in (7, 9):
                raise UsageError(f"--git takes the 7 arguments git gives, not {len(paths)}")
            label, old_path, new_path = paths[0], paths[1], paths[4]
            if formats.input_format(label) is None:
                click.echo(_plain_diff(label, old_path, new_path), nl=False)
                return
            click.echo(f"carenos diff a/{label} b/{label}")
            old = _read(old_path, max_size, allow_missing=True)
            new = _read(new_path, max_size, allow_missing=True)
        elif rev is not None:
            new = [s for path in paths for s in _read(path, max_size)]
            old = [s for path in paths for s in _at_revision(rev, path)]
        elif len(paths) > 2:
            raise UsageError("give OLD and NEW, or one PATH that holds both versions")
        else:
            old = _read(paths[0], max_size)
            new = _read(paths[1], max_size) if len(paths) == 2 else None
        results = diff_corpora(old, new, threshold=REWORDED if threshold is None else threshold)
        if new is None and not results:
            raise UsageError(
                "found no standard with its next version here (a Legacy code ending in L, "
                "or replaces / replaced_by): give OLD and NEW",
                source=paths[0],
            )
        single = new is not None and rev is None and len(old) <= 1 and len(new) <= 1
        render = formats.output_function(formats.DIFF_FORMATS, fmt, "diff")
        text: str = render(results, single)

        def write(handle: IO[str]) -> None:
            handle.write(text)

        write_output(out, write, overwrite=force)
    if git_driver:
        sys.exit(EXIT_OK)
    equivalent = all(r.verdict != "not equivalent" for r in results)
    sys.exit(EXIT_OK if equivalent else EXIT_FINDINGS)
