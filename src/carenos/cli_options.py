"""What the commands of :mod:`carenos.cli` share: options, exit codes and error reports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import CarenosError, LimitError, UsageError
from .io import formats

if TYPE_CHECKING:
    from .model import Standard

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "OUTPUT",
    "TableChoice",
    "catalogue_option",
    "format_option",
    "jobs_option",
    "max_size_option",
    "missing_paths",
    "out_options",
    "paths_argument",
    "progress",
    "read_options",
    "read_standards_shown",
    "report_error",
    "reported_errors",
    "say",
    "show_version",
    "version_text",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

OUTPUT: dict[str, bool] = {"quiet": False}
"""How the command line talks: ``quiet`` (``--quiet``) keeps summaries and notes off stderr."""


def say(message: str, *, nl: bool = True) -> None:
    """A summary or note on stderr (not the command's output), unless ``--quiet``."""
    if not OUTPUT["quiet"]:
        click.echo(message, err=True, nl=nl)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Print a :class:`CarenosError` as ``file:line:col: error: message (code)`` and exit.

    A ``RecursionError`` or ``MemoryError`` (which no limit should let through) is
    reported as a :class:`LimitError`, never as a traceback.
    """
    try:
        try:
            yield
        except (RecursionError, MemoryError) as exc:  # input beyond what the limits foresaw
            what = "nested too deeply" if isinstance(exc, RecursionError) else "too large"
            raise LimitError(f"the input is {what} to process") from None
    except CarenosError as error:
        report_error(error)
        sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_FINDINGS)


def missing_paths(paths: Iterable[str]) -> None:
    """A :class:`UsageError` (exit 2, as click gives the other commands) for the first path
    that is not there; what is there but cannot be read is the reader's to say (exit 1)."""
    import os

    for path in paths:
        if path != "-" and not os.path.lexists(path):
            raise UsageError("no such file or directory", source=path)


def report_error(error: CarenosError) -> None:
    """Print ``error`` on stderr as ``file:line:col: error: message (code)``."""
    where = error.location if error.source else "carenos"  # an option's value, no file
    click.echo(f"{where}: error: {error.message} ({error.code})", err=True)


class TableChoice(click.Choice):  # type: ignore[type-arg]
    """A choice of the names of a format table, read when the option is parsed or shown."""

    def __init__(self, table: Mapping[str, formats.Output]) -> None:
        self._table = table
        super().__init__(list(table))

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        """The rows of the table, now."""
        return tuple(self._table)

    @choices.setter
    def choices(self, _value: Sequence[str]) -> None:
        """Ignored: the table is the one source of the names."""


def format_option(
    table: Mapping[str, formats.Output], default: str | None, help_text: str
) -> Callable[[F], F]:
    """``--format NAME``, a row of ``table``."""
    if default is None:
        return click.option(
            "-f", "--format", "fmt", type=TableChoice(table), required=True, help=help_text
        )
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=TableChoice(table),
        default=default,
        show_default=True,
        help=help_text,
    )


def catalogue_option(help_text: str) -> Callable[[F], F]:
    """``--catalogue FILE``: the catalogue of shared statements (default: the bundled one)."""
    return click.option(
        "--catalogue",
        type=click.Path(exists=True, dir_okay=False, path_type=str),
        help=help_text,
    )


def max_size_option(func: F) -> F:
    """``--max-size BYTES``: the largest file to read."""
    return click.option(
        "--max-size",
        type=click.IntRange(min=1),
        default=None,
        envvar="CARENOS_MAX_SIZE",
        help="Largest file to read, in bytes (default 5 MB; env CARENOS_MAX_SIZE).",
    )(func)


def out_options(
    out_help: str, *, required: bool = False, dir_okay: bool = False
) -> Callable[[F], F]:
    """``--out PATH`` and ``--force`` (replace what ``--out`` names, if it exists)."""

    def decorate(func: F) -> F:
        func = click.option("--force", is_flag=True, help="Replace existing output files.")(func)
        return click.option(
            "-o",
            "--out",
            required=required,
            type=click.Path(dir_okay=dir_okay, path_type=str),
            help=out_help,
        )(func)

    return decorate


def _set_recursive(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    from .corpus import READ_OPTIONS

    READ_OPTIONS["recursive"] = not value


def _set_stdin_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    import os

    from .corpus import forget_stdin

    forget_stdin()
    if value:
        os.environ["CARENOS_STDIN_FILENAME"] = value
    else:
        os.environ.pop("CARENOS_STDIN_FILENAME", None)


def _set_jobs(_ctx: click.Context, _param: click.Parameter, value: int | None) -> None:
    from ._pool import all_cores
    from .corpus import READ_OPTIONS

    READ_OPTIONS["jobs"] = all_cores() if value is None else value


def jobs_option(func: F) -> F:
    """``-j/--jobs N``: processes that share the work on many standards."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        expose_value=False,
        callback=_set_jobs,
        help="Processes that share the work on many standards: reading and checking a "
        "directory of 50 files or more, looking for near wordings (map, discover), building "
        "a CASE package [default: all cores; 1: all in this process].",
    )(func)


def paths_argument(func: F) -> F:
    """``PATHS...``: files (of any suffix carenos reads), directories of standards (searched
    recursively unless ``--no-recursive``), and ``-`` for standard input (named by
    ``--stdin-filename``, whose suffix says its format)."""
    func = read_options(func)
    return click.argument(
        "paths",
        nargs=-1,
        required=True,
        type=click.Path(exists=True, allow_dash=True, path_type=str),
    )(func)


def read_options(func: F) -> F:
    """``--stdin-filename`` and ``--no-recursive``: how the paths are read."""
    func = click.option(
        "--stdin-filename",
        metavar="NAME",
        expose_value=False,
        callback=_set_stdin_name,
        help="The name of the standard input ('-') in findings; its suffix gives the format.",
    )(func)
    func = click.option(
        "--no-recursive",
        is_flag=True,
        expose_value=False,
        callback=_set_recursive,
        help="Read only the files of each directory, not of the directories below it.",
    )(func)
    return func


def version_text() -> str:
    """carenos's version, and those of the data and schemas it ships."""
    from importlib.metadata import version

    from .catalogue import load_catalogue
    from .corpus import bundled_path, standard_files
    from .schema import schema
    from .textnorm import plural

    standard = schema("standard")["$id"].rsplit("/", 1)[-1].removesuffix(".schema.json")
    catalogue = load_catalogue()
    data = plural(len(standard_files(bundled_path())), "bundled standard")
    return (
        f"carenos {version('carenos')} (schema {standard}; shared-knowledge catalogue of "
        f"{len(catalogue)} entries; {data})"
    )


def show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: print :func:`version_text` and exit."""
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit()


PROGRESS_FROM = 200
"""Work on at least this many files shows a progress bar (on a terminal, not ``--quiet``)."""


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A function to call after each of ``total`` steps: a bar on stderr where it is a
    terminal, the work is long enough and ``--quiet`` was not given; else nothing."""
    if total < PROGRESS_FROM or not showing_progress():
        yield lambda: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def showing_progress() -> bool:
    """Whether a long piece of work would show a bar now (a terminal, no ``--quiet``)."""
    return not OUTPUT["quiet"] and sys.stderr.isatty()


def read_standards_shown(
    paths: Iterable[str], *, max_size: int | None, label: str = "reading"
) -> Iterator[Standard]:
    """:func:`~carenos.corpus.read_standards` (at least one), with a bar on a terminal for
    long work: a step a standard, counted beforehand as a line a ``.jsonl`` file and a
    standard any other file."""
    from .corpus import read_standards

    paths = list(paths)
    standards = read_standards(paths, max_size=max_size, at_least_one=True)
    if not showing_progress():
        yield from standards
        return
    with progress(_expected_standards(paths), label) as advance:
        for standard in standards:
            yield standard
            advance()


def _expected_standards(paths: list[str]) -> int:
    """About how many standards ``paths`` hold (for a bar, read cheaply)."""
    from .validation.pipeline import files_of

    files, _ = files_of(p for p in paths if p != "-")
    total = 0
    for file in files:
        if file.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with open(file, "rb") as handle:
                chunks = iter(lambda: handle.read(1 << 20), b"")
                total += sum(chunk.count(b"\n") for chunk in chunks)
        except OSError:  # reading it will say what is wrong
            total += 1
    return total
