"""``carenos render`` and ``carenos site``: standards as people read them."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from .cli_options import (
    TableChoice,
    jobs_option,
    max_size_option,
    out_options,
    read_options,
    read_standards_shown,
    reported_errors,
    say,
)
from .errors import UsageError
from .io import formats

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["render_command", "site_command"]


def _chosen(standards: list[Standard], code: str | None, language: str | None) -> Standard:
    """The one standard of ``standards`` that ``code`` and ``language`` name."""
    found = [
        s
        for s in standards
        if (code is None or s.code.casefold() == code.casefold())
        and (language is None or s.language == language)
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        wanted = " ".join(part for part in (code, language) if part)
        raise UsageError(f"no standard {wanted} in what was read ({len(standards)} standards)")
    names = sorted({f"{s.code} ({s.language})" for s in found})
    shown = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
    raise UsageError(
        f"{len(found)} standards were read ({shown}): name one with --code "
        "(and --language where a code is in two languages)"
    )


def _out_apart_from(out: str, paths: tuple[str, ...]) -> None:
    """A :class:`UsageError` for a site directory that is, holds, or is inside an input:
    replacing it would delete what is read, and the next run would read the site."""
    site = Path(out).resolve()
    for path in paths:
        if path == "-":
            continue
        read = Path(path).resolve()
        if read == site or site in read.parents or read in site.parents:
            raise UsageError(
                f"--out and the input {path!r} overlap: build the site somewhere else",
                source=out,
            )


def _write_text(text: str, handle: IO[str]) -> None:
    handle.write(text)


def _format_of(fmt: str | None, out: str | None) -> str:
    if fmt is not None:
        return fmt
    if out is not None and out != "-":
        return formats.VIEW_SUFFIXES.get(Path(out).suffix.lower(), "html")
    return "html"


@click.command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@read_options
@click.option("--code", help="The standard to render, where PATHS hold several.")
@click.option("--language", help="Its language (en, cy), where PATHS hold both.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=TableChoice(formats.VIEW_FORMATS),
    default=None,
    help="html, docx or markdown [default: from the suffix of --out, else html].",
)
@out_options("Write to this file instead of standard output (docx needs a file or a pipe).")
@max_size_option
def render_command(
    paths: tuple[str, ...],
    code: str | None,
    language: str | None,
    fmt: str | None,
    out: str | None,
    force: bool,
    max_size: int | None,
) -> None:
    """Render one standard as it is published: a web page, a Word document or Markdown.

    PATHS are a standard's file, or a corpus (directories, .jsonl) with --code.
    """
    from .cli_options import missing_paths
    from .export import write_output
    from .io.files import atomic_write
    from .views.html import rendering

    with reported_errors():
        missing_paths(paths)
        chosen = _format_of(fmt, out)
        standards = list(read_standards_shown(paths, max_size=max_size, label="reading"))
        standard = _chosen(standards, code, language)
        view = formats.output_function(formats.VIEW_FORMATS, chosen, "render")
        with rendering(standard, chosen):
            result: str | bytes = view(standard)
            if isinstance(result, str):
                result.encode("utf-8")  # a lone surrogate fails here, not half-way through
        if isinstance(result, bytes):
            if out is None or out == "-":
                if sys.stdout.isatty():
                    raise UsageError(f"--format {chosen} is binary: give --out FILE.docx")
                sys.stdout.flush()
                sys.stdout.buffer.write(result)
                sys.stdout.buffer.flush()
                return
            atomic_write(out, result, overwrite=force)
        else:
            write_output(out, functools.partial(_write_text, result), overwrite=force)
        if out is not None and out != "-":
            say(f"{standard.code} rendered as {chosen} to {out}")


@click.command("site")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@read_options
@jobs_option
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The directory to build the site in.",
)
@click.option("--force", is_flag=True, help="Replace the directory if it is not empty.")
@click.option(
    "--catalogue",
    type=click.Path(dir_okay=False, path_type=str),
    help="Catalogue of shared statements (default: the one shipped with carenos).",
)
@click.option(
    "--title",
    default="National Occupational Standards",
    show_default=True,
    help="The site's title.",
)
@click.option(
    "--case-base-uri",
    metavar="URI",
    help="Where the static CASE tree (`carenos publish case`) is hosted: each "
    "standard's page links to its CASE item.",
)
@click.option(
    "--case-framework", metavar="KEY", help="The --case-framework the CASE tree was published with."
)
@click.option(
    "--case-files",
    is_flag=True,
    help="Also write each standard as a CASE package beside its page (CODE.case.json).",
)
@click.option(
    "--discover",
    is_flag=True,
    help="Also show the wording standards share that the catalogue has not (slower).",
)
@max_size_option
def site_command(
    paths: tuple[str, ...],
    out: str,
    force: bool,
    catalogue: str | None,
    title: str,
    case_base_uri: str | None,
    case_framework: str | None,
    case_files: bool,
    discover: bool,
    max_size: int | None,
) -> None:
    """Build a static site of standards: pages, shared statements, coverage and search.

    It works from the file system and any static host; no server, no CDN.
    """
    from .catalogue import load_catalogue
    from .cli_options import missing_paths
    from .corpus import READ_OPTIONS
    from .textnorm import plural
    from .views.site import SiteOptions, build_site

    with reported_errors():
        missing_paths(paths)
        _out_apart_from(out, paths)
        standards = list(read_standards_shown(paths, max_size=max_size, label="reading"))
        options = SiteOptions(
            title=title,
            case_base_uri=case_base_uri,
            case_framework=case_framework,
            case_files=case_files,
            discover=discover,
            jobs=READ_OPTIONS["jobs"],
        )
        result = build_site(
            standards,
            out,
            catalogue=load_catalogue(catalogue, max_size=max_size),
            options=options,
            overwrite=force,
        )
        say(
            f"{plural(result.standards, 'standard')}: {plural(result.pages, 'page')} and "
            f"{plural(result.files - result.pages, 'other file')} written to {out} "
            f"(search index {result.index_bytes / 1024:.0f} KiB); open {out}/index.html"
        )
