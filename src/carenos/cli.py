"""The ``carenos`` command line: parse options, call the library, print, set the exit code.

Exit codes: 0 all well, 1 findings or bad input, 2 usage or setup failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import click

from .errors import CarenosError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@contextmanager
def reported_errors() -> Iterator[None]:
    """Print a :class:`CarenosError` as ``file:line:col: error: message (code)`` and exit."""
    try:
        yield
    except CarenosError as error:
        click.echo(f"{error.location}: error: {error.message} ({error.code})", err=True)
        sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_FINDINGS)


def max_size_option(func: F) -> F:
    """``--max-size BYTES``: the largest file to read."""
    return click.option(
        "--max-size",
        type=click.IntRange(min=1),
        default=None,
        envvar="CARENOS_MAX_SIZE",
        help="Largest file to read, in bytes (default 5 MB; env CARENOS_MAX_SIZE).",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="carenos")
def main() -> None:
    """Work with UK National Occupational Standards for health and social care."""


@main.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@max_size_option
def load_command(paths: tuple[str, ...], max_size: int | None) -> None:
    """Load standards (files, directories or .jsonl) and print a summary of each."""
    from .corpus import Corpus, load_corpus

    with reported_errors():
        corpora: list[Corpus] = [load_corpus(path, max_size=max_size) for path in paths]
        total = 0
        for corpus in corpora:
            for standard in corpus:
                total += 1
                click.echo(f"{standard.code}  {standard.title}")
                click.echo(
                    f"    {len(standard.elements)} elements, "
                    f"{len(standard.criteria)} performance criteria; "
                    f"{len(standard.knowledge)} knowledge headings, "
                    f"{len(standard.knowledge_items)} knowledge items"
                )
        click.echo(f"{total} standard{'s' if total != 1 else ''} loaded.")


# --- import command (issue 3) goes here ---


# --- validate and rules commands (issue 4) go here ---


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Output: yamllint-like text, one JSON object, or GitHub annotations.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@max_size_option
def validate_command(
    paths: tuple[str, ...], output: str, strict: bool, max_size: int | None
) -> None:
    """Validate standards (files or directories) and report every finding at file:line:col."""
    from .report_format import ReportFormat, format_report
    from .validate import validate_paths

    with reported_errors():
        report = validate_paths(paths, max_size=max_size)
        click.echo(format_report(report, cast(ReportFormat, output)), nl=False)
        sys.exit(EXIT_OK if report.passed(strict=strict) else EXIT_FINDINGS)


@main.command("rules")
@click.option("--markdown", is_flag=True, help="Print the Markdown page docs/rules.md.")
def rules_command(markdown: bool) -> None:
    """List the validation rules: code, severity and what each finds."""
    from .rules import RULES
    from .rules import markdown as rules_markdown

    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    for code in sorted(RULES):
        entry = RULES[code]
        click.echo(f"{entry.code}  {entry.severity:<7}  {entry.title}")


# --- map and discover commands (issue 5) go here ---


# --- export and import-case commands (issue 6) go here ---


if __name__ == "__main__":  # pragma: no cover
    main()
