"""``carenos import``: published NOS (text, HTML, Word, PDF, NOS database JSON) into YAML.

A batch is all or nothing unless ``--keep-going``: a source that fails is reported, and
either nothing is written (and the output says so) or the sources that imported are.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .cli_options import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    max_size_option,
    missing_paths,
    out_options,
    progress,
    report_error,
    reported_errors,
    say,
)
from .errors import CarenosError, UsageError
from .io import formats
from .textnorm import plural

if TYPE_CHECKING:
    from .io.suite_index import SuiteIndex
    from .model import Standard

__all__ = ["import_command"]


@click.command("import")
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
@click.option(
    "-k",
    "--keep-going",
    is_flag=True,
    help="Write the sources that import even if others fail (exit 1 all the same); "
    "without it a batch is all or nothing.",
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
    keep_going: bool,
    max_size: int | None,
) -> None:
    """Import published NOS (.txt, .html, .docx, .pdf, or NOS database JSON) into DIR/CODE.yaml.

    Every line of a document is accounted for: part of a standard, page furniture, or
    reported as outside every standard (on stderr); lines inside a standard that fit
    nowhere fail the import (exit 1), and --explain shows what each line was read as.
    """
    from .export.yaml import write_yaml_files
    from .importer import analyse
    from .io.published import read_document
    from .io.suite_index import read_index

    with reported_errors():
        missing_paths(sources)
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
        if origin == "nosdb" and (code or title or index_path):
            raise UsageError("--code, --title and --index apply to documents only")
        index = read_index(index_path, max_size=max_size) if index_path else None
        for warning in index.warnings if index else ():
            say(warning)
        found: list[tuple[Standard, str]] = []
        failed: list[str] = []
        status = EXIT_FINDINGS  # a usage failure (a title missing) makes it EXIT_USAGE
        with progress(len(sources), "importing") as advance:
            for source in sources:
                try:
                    if origin == "nosdb":
                        found += _from_nosdb(source, max_size)
                    else:
                        found += _from_document(source, kind, code, title, index, max_size)
                except CarenosError as error:
                    report_error(error)
                    failed.append(source)
                    if isinstance(error, UsageError):
                        status = EXIT_USAGE
                    if not keep_going:
                        break
                finally:
                    advance()
        if failed and not keep_going:
            say(
                f"nothing written: {failed[0]} failed, and a batch is all or nothing "
                "(--keep-going writes the sources that import)"
            )
            sys.exit(status)
        standards = [standard for standard, _ in found]
        labels = [source for _, source in found]
        written = write_yaml_files(standards, out, overwrite=force, sources=labels)
        for standard, target in zip(standards, written, strict=True):
            say(
                f"{standard.code}  {standard.title}: {len(standard.elements)} elements, "
                f"{len(standard.criteria)} performance criteria, "
                f"{len(standard.knowledge_items)} knowledge items -> {target}"
            )
        if failed:
            say(
                f"{plural(len(failed), 'source')} of {len(sources)} failed and "
                f"{'was' if len(failed) == 1 else 'were'} not imported; "
                f"{plural(len(written), 'standard')} written to {out}"
            )
            sys.exit(status)


def _from_nosdb(source: str, max_size: int | None) -> list[tuple[Standard, str]]:
    """The standards of one NOS database JSON file, each with its source."""
    from .importer import import_nosdb

    return [(standard, source) for standard in import_nosdb(source, max_size=max_size)]


def _from_document(
    source: str,
    kind: str | None,
    code: str | None,
    title: str | None,
    index: SuiteIndex | None,
    max_size: int | None,
) -> list[tuple[Standard, str]]:
    """The standards of one published document; lines outside every standard on stderr."""
    from .importer import code_from_filename, imported
    from .io.published import read_document

    result = imported(
        read_document(source, kind=kind, max_size=max_size),
        code,
        title,
        index=index,
        fallback_code=code_from_filename(source),
    )
    for number, text in result.result.outside:
        click.echo(f"{source}:{number}: not part of a standard: {text}", err=True)
    return [(standard, source) for standard in result.standards]
