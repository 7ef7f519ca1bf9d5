"""``carenos export`` and ``carenos import-case``: the corpus out to other systems, and CASE in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .cli_options import (
    EXIT_FINDINGS,
    catalogue_option,
    format_option,
    jobs_option,
    max_size_option,
    missing_paths,
    out_options,
    paths_argument,
    progress,
    read_options,
    read_standards_shown,
    reported_errors,
    say,
)
from .errors import UsageError
from .io import formats
from .textnorm import plural

if TYPE_CHECKING:
    from .export.case import CaseOptions
    from .model import Standard

__all__ = [
    "case_options",
    "case_options_of",
    "export_command",
    "import_case_command",
    "publish_group",
    "search_command",
]

F = TypeVar("F", bound=Callable[..., Any])

CASE_PACKAGE_MAX_SIZE = 200 * 1024 * 1024
"""``import-case`` reads packages up to this size by default: a whole suite's package."""


def _previous(path: str, max_size: int | None) -> list[Standard]:
    """The previous version of the standards: standard files, or a CASE package (.json)."""
    from .corpus import read_standards
    from .export import from_case
    from .io.files import read_text

    if Path(path).suffix.lower() == ".json":
        text = read_text(path, limit=max_size or CASE_PACKAGE_MAX_SIZE)
        if '"CFDocument"' in text[:4096]:
            return list(from_case(text, source=path))
    return list(read_standards([path], max_size=max_size))


def case_options(func: F) -> F:
    """The ``--case-*`` options of the CASE exports (``export``, ``publish case``)."""
    for option in reversed(_CASE_OPTIONS):
        func = option(func)
    return func


_CASE_OPTIONS: list[Callable[[F], F]] = [
    click.option(
        "--case-framework",
        metavar="KEY",
        help="The framework the CFDocument's identifier comes from [default: the suite every "
        "standard names first].",
    ),
    click.option("--case-title", help="Title of the CASE CFDocument [default: the framework]."),
    click.option("--case-creator", help="Creator of the CFDocument [default: developed_by]."),
    click.option("--case-publisher", help="Publisher of the CFDocument [default: the creator]."),
    click.option("--case-version", help="Version of the CFDocument [default: of a lone standard]."),
    click.option(
        "--case-base-uri",
        help="Base of the CASE URIs, absolute http(s) [default: https://carenos.dev/case/].",
    ),
    click.option(
        "--case-last-change",
        metavar="DATETIME",
        help="lastChangeDateTime of every CASE object (ISO date or date-time) "
        "[default: each standard's approval date, else the day of the export].",
    ),
    click.option("--case-language", default="en", show_default=True, help="The language exported."),
    click.option("--case-near", is_flag=True, help="Also link near matches (isRelatedTo)."),
    click.option(
        "--case-compat",
        type=click.Choice(["1.1", "1.0"]),
        default="1.1",
        show_default=True,
        help="1.0: only what CASE 1.0 servers (OpenSALT) accept.",
    ),
    click.option(
        "--case-site-uri",
        metavar="URI",
        help="Where `carenos site` of the same standards is hosted: each standard's item "
        "gets an exemplar association to its page.",
    ),
    click.option(
        "--case-previous",
        metavar="PATH",
        type=click.Path(exists=True, path_type=str),
        help="The previous version (standard files, or its CASE package): replacedBy "
        "associations from its changed statements.",
    ),
]


def case_options_of(case: dict[str, Any], max_size: int | None) -> tuple[CaseOptions, bool]:
    """The :class:`CaseOptions` the ``--case-*`` options give, and whether any was given."""
    from .export.case import CaseOptions, rfc3339

    given = {k.removeprefix("case_"): v for k, v in case.items()}
    defaults = {"language": "en", "near": False, "compat": "1.1"}
    chosen = any(v is not None and defaults.get(k) != v for k, v in given.items())
    if isinstance(given["last_change"], str):
        rfc3339(given["last_change"])  # refuse a bad date before reading anything
    previous = given.pop("previous")
    compat = given.pop("compat")
    texts = {k: v for k, v in given.items() if isinstance(v, str) and k != "language"}
    options = CaseOptions(
        **texts,
        language=str(given["language"]),
        near=bool(given["near"]),
        case_version="1.0" if compat == "1.0" else "1.1",
        previous=_previous(previous, max_size) if isinstance(previous, str) else (),
    )
    return options, chosen


@click.command("export")
@paths_argument
@format_option(formats.WRITERS, None, "What to write (`carenos formats` lists them).")
@out_options(
    "Write to this file (atomically) instead of standard output ('-'); with --format yaml, "
    "a directory (existing, or ending in /) gets one CODE.yaml a standard.",
    dir_okay=True,
)
@catalogue_option(
    "Catalogue of shared statements for the formats that link them (csv shared_id, case "
    "matches; default: the one shipped with carenos)."
)
@click.option("--bom", is_flag=True, help="CSV: start with a byte order mark, for Excel.")
@case_options
@jobs_option
@max_size_option
def export_command(
    paths: tuple[str, ...],
    fmt: str,
    out: str | None,
    force: bool,
    catalogue: str | None,
    bom: bool,
    max_size: int | None,
    **case: Any,
) -> None:
    """Export standards (files, directories or .jsonl) as JSON, JSON Lines, CSV, CASE or YAML.

    jsonl and csv stream: they hold one standard at a time.
    """
    import itertools

    from .catalogue import load_catalogue
    from .export import write, write_output, write_yaml_files
    from .io.files import atomic_write, refuse_overwrite

    with reported_errors():
        options, chosen = case_options_of(case, max_size)
        if chosen and fmt not in ("case", "badges"):
            raise UsageError("the --case-* options apply to --format case and badges only")
        if bom and fmt != "csv":
            raise UsageError("--bom applies to --format csv only")
        if fmt == "sqlite":
            if out is None or out == "-":
                raise UsageError("--format sqlite writes a database file: give --out FILE.db")
            from .export.sqlite import write_sqlite_file

            database = read_standards_shown(paths, max_size=max_size, label="exporting")
            linked = load_catalogue(catalogue, max_size=max_size)
            count = write_sqlite_file(database, out, catalogue=linked, overwrite=force)
            say(f"{plural(count, 'standard')} written to {out}")
            return
        to_directory = out is not None and (Path(out).is_dir() or out.endswith(("/", "\\")))
        if to_directory and fmt != "yaml":
            raise UsageError(f"--format {fmt} writes one file: give --out a file name", source=out)
        reading = read_standards_shown(paths, max_size=max_size, label="exporting")
        first = next(reading)  # "no standards found" comes before any output
        standards = itertools.chain([first], reading)
        if to_directory:
            assert out is not None
            written = write_yaml_files(standards, out, overwrite=force)
            say(f"{plural(len(written), 'standard')} written to {out}")
            return
        needs = formats.WRITERS[fmt].needs_catalogue
        shared = load_catalogue(catalogue, max_size=max_size) if needs else None
        package = None
        if fmt == "csv" and out is not None and out != "-":  # a frictionless descriptor beside
            package = Path(out).parent / "datapackage.json"
            refuse_overwrite(out, overwrite=force)
            refuse_overwrite(package, overwrite=force)
        write_output(
            out,
            lambda handle: write(fmt, standards, handle, catalogue=shared, case=options, bom=bom),
            overwrite=force,
        )
        if package is not None and out is not None:
            from .export.csv import data_package
            from .io.json import dump_json

            descriptor = dump_json(data_package(Path(out).name, bom=bom))
            atomic_write(package, descriptor, overwrite=force)


@click.command("import-case")
@click.argument("file", type=click.Path(allow_dash=True, path_type=str))
@out_options(
    "Write each standard to DIR/CODE.yaml (default: a YAML stream on standard output).",
    dir_okay=True,
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=CASE_PACKAGE_MAX_SIZE,
    show_default=True,
    help="Largest package to read, in bytes (a whole suite's package is tens of MB).",
)
def import_case_command(file: str, out: str | None, force: bool, max_size: int) -> None:
    """Read standards from a CASE CFPackage: carenos's own, or any publisher's (best effort).

    What was left out or guessed is reported on stderr; the standards are validated,
    and findings make the exit code 1.
    """
    import sys

    from .export import to_yaml, write_yaml_files
    from .export.case_import import read_case
    from .io.files import read_text
    from .validation import render, validate

    with reported_errors():
        missing_paths([file])
        if file == "-":
            from .corpus import stdin_text

            text, file = stdin_text(limit=max_size)
        else:
            text = read_text(file, limit=max_size)
        result = read_case(text, source=file)
        for note in result.notes:
            say(f"{file}: note: {note}")
        reports = []
        if out is None:
            click.echo(to_yaml(result.standards), nl=False)
            checked: list[Any] = [(s, f"{file} ({s.code})") for s in result.standards]
        else:
            written = write_yaml_files(result.standards, out, overwrite=force)
            say(f"{plural(len(written), 'standard')} written to {out}")
            checked = [(path, None) for path in written]
        with progress(len(checked), "validating") as advance:
            for what, name in checked:
                reports.append(validate(what, name=name))
                advance()
        bad = [report for report in reports if not report.ok]
        for report in bad:
            click.echo(render(report, "text"), err=True, nl=False)
    if bad:
        sys.exit(EXIT_FINDINGS)


@click.group("publish")
def publish_group() -> None:
    """Publish standards as files that other systems harvest."""


@publish_group.command("case")
@paths_argument
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The directory of the static site (ims/case/v1p1/... under it).",
)
@click.option("--force", is_flag=True, help="Replace the directory if it holds anything.")
@catalogue_option("Catalogue of shared statements (default: the one shipped with carenos).")
@case_options
@jobs_option
@max_size_option
def publish_case_command(
    paths: tuple[str, ...],
    out: str,
    force: bool,
    catalogue: str | None,
    max_size: int | None,
    **case: Any,
) -> None:
    """Write the CASE 1.1 REST binding as static files: every uri resolves when DIR is
    served at --case-base-uri (CFDocuments, CFPackages, CFItems, CFAssociations,
    CFItemTypes of each language's framework and of the shared-knowledge catalogue)."""
    from .catalogue import load_catalogue
    from .export.case.publish import publish_case

    with reported_errors():
        options, _chosen = case_options_of(case, max_size)
        standards = list(read_standards_shown(paths, max_size=max_size, label="publishing"))
        shared = load_catalogue(catalogue, max_size=max_size)
        written = publish_case(standards, out, options, catalogue=shared, overwrite=force)
        say(f"{plural(len(written), 'file')} written under {out}")


@click.command("search")
@click.argument("query")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=str))
@read_options
@click.option(
    "--db",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="A database written by `carenos export --format sqlite` (instead of PATHS).",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@jobs_option
@max_size_option
def search_command(
    query: str,
    paths: tuple[str, ...],
    db: str | None,
    limit: int,
    fmt: str,
    max_size: int | None,
) -> None:
    """Find the statements that hold every word of QUERY, in PATHS (standards) or a --db."""
    import json

    import attrs

    from .search import search

    with reported_errors():
        if (db is None) == (not paths):
            raise UsageError("give PATHS of standards, or --db FILE.db (one of them)")
        source = db if db is not None else list(read_standards_shown(paths, max_size=max_size))
        hits = search(source, query, limit=limit)
        if fmt == "json":
            found = [attrs.asdict(hit) for hit in hits]
            click.echo(json.dumps(found, ensure_ascii=False, indent=2))
            return
        for hit in hits:
            click.echo(f"{hit.ref}  {hit.kind}  {hit.snippet}")
        say(f"{plural(len(hits), 'statement')} found")
