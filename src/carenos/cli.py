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
from .cli_options import (
    OUTPUT,
    catalogue_option,
    format_option,
    max_size_option,
    out_options,
    paths_argument,
    read_options,
    reported_errors,
    say,
    show_version,
)
from .cli_validate import schema_command, validate_command
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
    OUTPUT["quiet"] = False
    forget_stdin()


for _command in (
    diff_command,
    export_command,
    fmt_command,
    import_case_command,
    publish_group,
    schema_command,
    search_command,
    validate_command,
):
    main.add_command(_command)


def _standards(paths: tuple[str, ...], max_size: int | None) -> list[Standard]:
    from .corpus import read_standards

    return list(read_standards(paths, max_size=max_size, at_least_one=True))


@main.command("load")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=str))
@read_options
@click.option("--bundled", is_flag=True, help="The standards shipped with carenos.")
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


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=str))
@out_options("Directory to write CODE.yaml into (made if missing).", required=False, dir_okay=True)
@click.option(
    "--from",
    "origin",
    type=click.Choice(["auto", *formats.DOCUMENT_READERS, "nosdb"]),
    default="auto",
    show_default=True,
    help="auto: a published document by its suffix (.txt, .html, .docx, .pdf; others as text); "
    "nosdb: UK NOS database JSON (one record or an array).",
)
@click.option("--code", default=None, help="Code of the standard (one SOURCE only).")
@click.option("--title", default=None, help="Title of the standard (one SOURCE only).")
@click.option(
    "--index",
    "index_path",
    default=None,
    type=click.Path(dir_okay=False, path_type=str),
    help="Suite index CSV giving titles and metadata by code.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print each line with what it was read as (page furniture, a field, a label, "
    "outside every standard, fitting nowhere) instead of writing files.",
)
@max_size_option
def import_command(
    sources: tuple[str, ...],
    out: str | None,
    force: bool,
    origin: str,
    code: str | None,
    title: str | None,
    index_path: str | None,
    explain: bool,
    max_size: int | None,
) -> None:
    """Import published NOS (.txt, .html, .docx, .pdf, or NOS database JSON) into DIR/CODE.yaml.

    Every line of a document is accounted for: part of a standard, page furniture, or
    reported as outside every standard (on stderr); lines inside a standard that fit
    nowhere fail the import (exit 1), and --explain shows what each line was read as.
    """
    from .export.yaml import write_yaml_files
    from .importer import analyse, code_from_filename, import_nosdb, imported
    from .io.published import read_document
    from .io.suite_index import read_index

    with reported_errors():
        if (code or title) and len(sources) > 1:
            raise UsageError("--code and --title name one standard: give one SOURCE with them")
        kind = None if origin in ("auto", "nosdb") else origin
        if explain:
            if origin == "nosdb":
                raise UsageError("--explain reads published documents, not --from nosdb")
            for source in sources:
                document = read_document(source, kind=kind, max_size=max_size)
                click.echo(analyse(document, title_given=title is not None).explain(), nl=False)
            return
        if out is None:
            raise UsageError("give --out DIR (or --explain)")
        if origin == "nosdb":
            if code or title or index_path:
                raise UsageError("--code, --title and --index apply to documents only")
            found = [(s, src) for src in sources for s in import_nosdb(src, max_size=max_size)]
        else:
            index = read_index(index_path, max_size=max_size) if index_path else None
            for warning in index.warnings if index else ():
                say(warning)
            found = []
            for source in sources:
                result = imported(
                    read_document(source, kind=kind, max_size=max_size),
                    code,
                    title,
                    index=index,
                    fallback_code=code_from_filename(source),
                )
                for number, text in result.result.outside:
                    click.echo(f"{source}:{number}: not part of a standard: {text}", err=True)
                found += [(standard, source) for standard in result.standards]
        standards = [standard for standard, _ in found]
        labels = [source for _, source in found]
        written = write_yaml_files(standards, out, overwrite=force, sources=labels)
        for standard, target in zip(standards, written, strict=True):
            click.echo(
                f"{standard.code}  {standard.title}: {len(standard.elements)} elements, "
                f"{len(standard.criteria)} performance criteria, "
                f"{len(standard.knowledge_items)} knowledge items -> {target}"
            )


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
        )
        click.echo(render(kmap, fmt), nl=False)


@main.command("discover")
@paths_argument
@catalogue_option("Catalogue whose entries are already known (default: the shipped one).")
@out_options("Write the proposals to this file instead of standard output.")
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
            _standards(paths, max_size), load_catalogue(catalogue, max_size=max_size)
        )
        text = proposals_yaml(kmap.proposals())
        if out is None:
            click.echo(text, nl=False)
        else:
            atomic_write(out, text, overwrite=force)
            say(f"{len(kmap.proposals())} proposed entries written to {out}")
