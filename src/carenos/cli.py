"""The ``carenos`` command line: parse options, call the library, print, set the exit code.

Exit codes: 0 all well, 1 findings or bad input, 2 usage or setup failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from .errors import CarenosError, UsageError

if TYPE_CHECKING:
    from .model import Standard

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@contextmanager
def reported_errors() -> Iterator[None]:
    """Print a :class:`CarenosError` as ``file:line:col: error: message (code)`` and exit.

    A ``RecursionError`` or ``MemoryError`` (which no limit should let through) is
    reported the same way, never as a traceback.
    """
    try:
        yield
    except CarenosError as error:
        click.echo(f"{error.location}: error: {error.message} ({error.code})", err=True)
        sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_FINDINGS)
    except (RecursionError, MemoryError) as error:  # input beyond what the limits foresaw
        what = "nested too deeply" if isinstance(error, RecursionError) else "too large"
        click.echo(f"<input>: error: the input is {what} to process (CN000)", err=True)
        sys.exit(EXIT_FINDINGS)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="carenos")
def main() -> None:
    """Work with UK National Occupational Standards for health and social care."""


def _standards(paths: tuple[str, ...], max_size: int | None) -> list[Standard]:
    from .corpus import read_standards

    return list(read_standards(paths, max_size=max_size))


@main.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@max_size_option
def load_command(paths: tuple[str, ...], max_size: int | None) -> None:
    """Load standards (files, directories or .jsonl) and print a summary of each."""
    with reported_errors():
        standards = _standards(paths, max_size)
        for standard in standards:
            click.echo(f"{standard.code}  {standard.title}")
            click.echo(
                f"    {len(standard.elements)} elements, "
                f"{len(standard.criteria)} performance criteria; "
                f"{len(standard.knowledge)} knowledge headings, "
                f"{len(standard.knowledge_items)} knowledge items"
            )
        total = len(standards)
        click.echo(f"{total} standard{'s' if total != 1 else ''} loaded.")


# --- import command (issue 3) goes here ---


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Directory to write CODE.yaml into (made if missing).",
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
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@max_size_option
def import_command(
    sources: tuple[str, ...],
    out: str,
    code: str | None,
    title: str | None,
    index_path: str | None,
    force: bool,
    max_size: int | None,
) -> None:
    """Import NOS text extracted from Word documents and write DIR/CODE.yaml for each."""
    from pathlib import Path

    from .documents import dump
    from .errors import DuplicateError
    from .importer import import_file
    from .io.files import refuse_overwrite
    from .io.suite_index import read_index

    with reported_errors():
        if (code or title) and len(sources) > 1:
            raise UsageError("--code and --title name one standard: give one SOURCE with them")
        index = read_index(index_path, max_size=max_size) if index_path else None
        for warning in index.warnings if index else ():
            click.echo(warning, err=True)
        standards = [
            import_file(source, code=code, title=title, index=index, max_size=max_size)
            for source in sources
        ]
        targets = [Path(out) / f"{standard.code}.yaml" for standard in standards]
        first: dict[Path, str] = {}
        for source, target in zip(sources, targets, strict=True):
            if target in first:
                raise DuplicateError(
                    f"{source} and {first[target]} are both {target.stem}: one file each",
                    source=source,
                )
            first[target] = source
            refuse_overwrite(target, overwrite=force)
        Path(out).mkdir(parents=True, exist_ok=True)
        for standard, target in zip(standards, targets, strict=True):
            dump(standard, target, overwrite=force)
            click.echo(
                f"{standard.code}  {standard.title}: {len(standard.elements)} elements, "
                f"{len(standard.criteria)} performance criteria, "
                f"{len(standard.knowledge_items)} knowledge items -> {target}"
            )


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
@catalogue_option(
    "Catalogue of shared statements for CN401 (default: the one shipped with carenos)."
)
@click.option("--no-catalogue", is_flag=True, help="Do not check wording against a catalogue.")
@max_size_option
def validate_command(
    paths: tuple[str, ...],
    output: str,
    strict: bool,
    catalogue: str | None,
    no_catalogue: bool,
    max_size: int | None,
) -> None:
    """Validate standards (files or directories) and report every finding at file:line:col."""
    from .report_format import ReportFormat, format_report
    from .validation import CatalogueChoice, validate_paths

    with reported_errors():
        from .catalogue import load_catalogue

        chosen: CatalogueChoice = "bundled"
        if no_catalogue:
            chosen = None
        elif catalogue:
            chosen = load_catalogue(catalogue, max_size=max_size)
        report = validate_paths(paths, max_size=max_size, catalogue=chosen)
        if report.files == 0:
            raise UsageError(
                "no standard files (*.yaml, *.yml, *.json, *.jsonl) to validate",
                source=", ".join(paths),
            )
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


@main.command("map")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@catalogue_option("Catalogue of shared statements (default: the one shipped with carenos).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "matrix"]),
    default="table",
    show_default=True,
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest fuzzy score (0-100) for a near match [default: 85].",
)
@max_size_option
def map_command(
    paths: tuple[str, ...],
    catalogue: str | None,
    fmt: str,
    threshold: float | None,
    max_size: int | None,
) -> None:
    """Link the knowledge statements of standards to the shared catalogue, and to each other."""
    from .catalogue import load_catalogue
    from .mapping import DEFAULT_THRESHOLD, map_knowledge
    from .mapping_format import render

    with reported_errors():
        kmap = map_knowledge(
            _standards(paths, max_size),
            load_catalogue(catalogue, max_size=max_size),
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
        )
        click.echo(render(kmap, fmt), nl=False)


@main.command("discover")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@catalogue_option("Catalogue whose entries are already known (default: the shipped one).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the proposals to this file instead of standard output.",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
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
            click.echo(f"{len(kmap.proposals())} proposed entries written to {out}", err=True)


# --- export and import-case commands (issue 6) go here ---


@main.command("export")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv", "case", "yaml"]),
    required=True,
    help="json: an array; jsonl: one standard a line; csv: one statement a row; "
    "case: a 1EdTech CASE 1.1 CFPackage; yaml: a standard, or a multi-document stream.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write to this file (atomically) instead of standard output ('-').",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@catalogue_option(
    "Catalogue of shared statements for csv shared_id and case matches "
    "(default: the one shipped with carenos)."
)
@click.option("--case-title", help="Title of the CASE CFDocument.")
@click.option("--case-creator", help="Creator of the CASE CFDocument [default: carenos].")
@click.option("--case-base-uri", help="Base of the CASE URIs [default: https://carenos.dev/case/].")
@click.option(
    "--case-last-change",
    metavar="DATETIME",
    help="lastChangeDateTime of every CASE object (ISO date or date-time) "
    "[default: the latest ISO date_approved, else 1970-01-01T00:00:00+00:00].",
)
@max_size_option
def export_command(
    paths: tuple[str, ...],
    fmt: str,
    out: str | None,
    force: bool,
    catalogue: str | None,
    case_title: str | None,
    case_creator: str | None,
    case_base_uri: str | None,
    case_last_change: str | None,
    max_size: int | None,
) -> None:
    """Export standards (files, directories or .jsonl) as JSON, JSON Lines, CSV, CASE or YAML.

    jsonl and csv stream: they hold one standard at a time.
    """
    from .catalogue import load_catalogue
    from .export import CaseOptions, read_standards, write, write_output
    from .export.case import rfc3339

    with reported_errors():
        given = {
            "title": case_title,
            "creator": case_creator,
            "base_uri": case_base_uri,
            "last_change": case_last_change,
        }
        case_options = {key: value for key, value in given.items() if value is not None}
        if case_options and fmt != "case":
            raise UsageError("the --case-* options apply to --format case only")
        if case_last_change is not None:
            rfc3339(case_last_change)  # refuse a bad date before reading anything
        shared = load_catalogue(catalogue, max_size=max_size) if fmt in ("csv", "case") else None
        options = CaseOptions(**case_options)
        standards = read_standards(paths, max_size=max_size)
        write_output(
            out,
            lambda handle: write(
                fmt,  # type: ignore[arg-type]
                standards,
                handle,
                catalogue=shared,
                case=options,
            ),
            overwrite=force,
        )


@main.command("import-case")
@click.argument("file", type=click.Path(path_type=str))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=str),
    help="Write each standard to DIR/CODE.yaml (default: a YAML stream on standard output).",
)
@click.option("--force", is_flag=True, help="Replace files in --out that exist.")
@max_size_option
def import_case_command(file: str, out: str | None, force: bool, max_size: int | None) -> None:
    """Read standards back from a CASE 1.1 CFPackage written by `carenos export --format case`."""
    from .export import from_case, to_yaml, write_yaml_files
    from .io.files import read_text

    with reported_errors():
        standards = from_case(read_text(file, limit=max_size), source=file)
        if out is None:
            click.echo(to_yaml(standards), nl=False)
            return
        written = write_yaml_files(standards, out, overwrite=force)
        click.echo(
            f"{len(written)} standard{'s' if len(written) != 1 else ''} written to {out}", err=True
        )


if __name__ == "__main__":  # pragma: no cover
    main()
