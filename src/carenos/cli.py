"""The ``carenos`` command line: parse options, call the library, print, set the exit code.

Exit codes: 0 all well, 1 findings or bad input, 2 usage or setup failure. Format
choices come from the tables of :mod:`carenos.io.formats`, read when the command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .cli_diff import diff_command
from .cli_export import export_command, import_case_command, publish_group, search_command
from .cli_fmt import fmt_command
from .cli_import import import_command
from .cli_options import (
    OUTPUT,
    catalogue_option,
    format_option,
    jobs_option,
    max_size_option,
    out_options,
    paths_argument,
    read_options,
    read_standards_shown,
    reported_errors,
    say,
    show_version,
)
from .cli_validate import schema_command, validate_command
from .cli_views import render_command, site_command
from .errors import UsageError
from .io import formats
from .textnorm import plural

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=show_version,
    help="Show the version (and of the schema, catalogue and bundled data) and exit.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summaries or notes on stderr.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the severities of findings.",
)
@click.pass_context
def main(ctx: click.Context, quiet: bool, color: str) -> None:
    """Work with UK National Occupational Standards for health and social care."""
    OUTPUT["quiet"] = quiet
    ctx.color = {"always": True, "never": False}.get(color)
    ctx.call_on_close(_restore)


def _restore() -> None:
    """After a command: the library's defaults again (a process may go on using it)."""
    from .corpus import READ_OPTIONS, forget_stdin

    READ_OPTIONS["recursive"] = True
    READ_OPTIONS["jobs"] = 1
    OUTPUT["quiet"] = False
    forget_stdin()


for _command in (
    diff_command,
    export_command,
    fmt_command,
    import_case_command,
    import_command,
    publish_group,
    render_command,
    schema_command,
    site_command,
    search_command,
    validate_command,
):
    main.add_command(_command)


def _jobs() -> int:
    """The processes ``--jobs`` gave (all cores by default on the command line)."""
    from .corpus import READ_OPTIONS

    return READ_OPTIONS["jobs"]


def _standards(paths: tuple[str, ...], max_size: int | None) -> list[Standard]:
    return list(read_standards_shown(paths, max_size=max_size, label="loading"))


@main.command("load")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=str))
@read_options
@click.option("--bundled", is_flag=True, help="The standards shipped with carenos.")
@jobs_option
@max_size_option
def load_command(paths: tuple[str, ...], bundled: bool, max_size: int | None) -> None:
    """Load standards (files, directories or .jsonl) and print a summary of each."""
    with reported_errors():
        if bundled:
            from .corpus import bundled_path

            paths = (*paths, str(bundled_path()))
        if not paths:
            raise UsageError("give PATHS (files, directories, -) or --bundled")
        standards = _standards(paths, max_size)
        for standard in standards:
            click.echo(f"{standard.code}  {standard.title}")
            click.echo(
                f"    {len(standard.elements)} elements, "
                f"{len(standard.criteria)} performance criteria; "
                f"{len(standard.knowledge)} knowledge headings, "
                f"{len(standard.knowledge_items)} knowledge items"
            )
        click.echo(f"{plural(len(standards), 'standard')} loaded.")


@main.command("rules")
@click.argument("codes", nargs=-1)
@format_option(formats.RULE_FORMATS, "text", "Output: a line a rule, docs/rules.md, or JSON.")
def rules_command(codes: tuple[str, ...], fmt: str) -> None:
    """List the codes carenos prints, or explain CODE... in full."""
    from .rules import RULES, explain

    with reported_errors():
        unknown = [code for code in codes if code.upper() not in RULES]
        if unknown:
            raise UsageError(f"no rule {', '.join(unknown)}: `carenos rules` lists them all")
        chosen = [RULES[code.upper()] for code in codes] or None
        if chosen is not None and fmt == "text":
            click.echo("\n".join(explain(entry) for entry in chosen), nl=False)
            return
        render = formats.output_function(formats.RULE_FORMATS, fmt, "rules")
        click.echo(render(chosen), nl=False)


@main.command("formats")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    help="text, or markdown: the page docs/formats.md.",
)
def formats_command(fmt: str) -> None:
    """List what carenos reads (by suffix) and writes (by --format of each command)."""
    if fmt == "markdown":
        click.echo(formats.markdown(), nl=False)
        return
    for kind, reader in formats.READERS.items():
        click.echo(f"read      {kind:<9} {', '.join(reader.suffixes):<14} {reader.help}")
    for title, table in formats.OUTPUT_TABLES:
        command = title.split()[1]
        for name, output in table.items():
            click.echo(f"{command:<9} {name:<9} {output.help}")


@main.command("map")
@paths_argument
@catalogue_option("Catalogue of shared statements (default: the one shipped with carenos).")
@format_option(formats.RENDERERS, "table", "Output: a table, JSON, CSV, or a category matrix.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest fuzzy score (0-100) for a near match [default: 85].",
)
@click.option(
    "--language", default="en", show_default=True, help="The language of the standards to map."
)
@jobs_option
@max_size_option
def map_command(
    paths: tuple[str, ...],
    catalogue: str | None,
    fmt: str,
    threshold: float | None,
    language: str,
    max_size: int | None,
) -> None:
    """Link the knowledge statements of standards to the shared catalogue, and to each other."""
    from .catalogue import load_catalogue
    from .mapping import DEFAULT_THRESHOLD, map_knowledge, render

    with reported_errors():
        kmap = map_knowledge(
            _standards(paths, max_size),
            load_catalogue(catalogue, max_size=max_size),
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            language=language,
            jobs=_jobs(),
        )
        click.echo(render(kmap, fmt), nl=False)


@main.command("discover")
@paths_argument
@catalogue_option("Catalogue whose entries are already known (default: the shipped one).")
@out_options("Write the proposals to this file instead of standard output.")
@jobs_option
@max_size_option
def discover_command(
    paths: tuple[str, ...],
    catalogue: str | None,
    out: str | None,
    force: bool,
    max_size: int | None,
) -> None:
    """Propose catalogue entries for statements shared across standards but not catalogued."""
    from .catalogue import load_catalogue
    from .io.files import atomic_write
    from .mapping import map_knowledge, proposals_yaml

    with reported_errors():
        kmap = map_knowledge(
            _standards(paths, max_size), load_catalogue(catalogue, max_size=max_size), jobs=_jobs()
        )
        text = proposals_yaml(kmap.proposals())
        if out is None:
            click.echo(text, nl=False)
        else:
            atomic_write(out, text, overwrite=force)
            say(f"{len(kmap.proposals())} proposed entries written to {out}")
