"""``carenos fmt``: standard files in the canonical layout, comments kept; ``--fix`` mends
the mechanical findings too. ``carenos validate --fix`` runs the fixes before validating."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from .cli_options import EXIT_FINDINGS, EXIT_OK, paths_argument, reported_errors, say
from .errors import CarenosError
from .textnorm import plural

__all__ = ["fix_files", "fmt_command"]


def _yaml_files(paths: tuple[str, ...]) -> list[Path]:
    from .validation.pipeline import files_of

    files, _ = files_of(paths)
    return [f for f in files if f.suffix.lower() in (".yaml", ".yml")]


def fix_files(
    paths: tuple[str, ...],
    *,
    fix: bool,
    drift: bool = False,
    check: bool = False,
    diff: bool = False,
    catalogue: str | None = None,
) -> tuple[int, int, int]:
    """Lay out (and with ``fix`` mend) the YAML files of ``paths``; print what was done.

    Returns (files changed or that would change, files unchanged, files that failed).
    """
    from .authoring import fix_text, format_text
    from .catalogue import load_catalogue
    from .io.files import atomic_write, read_text

    shared = load_catalogue(catalogue) if drift else None
    changed = unchanged = failed = 0
    for path in _yaml_files(paths):
        source = str(path)
        try:
            text = read_text(path)
            if fix:
                new, fixes = fix_text(text, source, catalogue=shared, drift=drift)
            else:
                new, fixes = format_text(text, source), []
        except CarenosError as error:
            click.echo(f"{error.location}: error: {error.message} ({error.code})", err=True)
            failed += 1
            continue
        if new == text:
            unchanged += 1
            continue
        changed += 1
        if diff:
            lines = difflib.unified_diff(
                text.splitlines(keepends=True), new.splitlines(keepends=True), source, source
            )
            click.echo("".join(lines), nl=False)
        if check:
            if not diff:
                click.echo(f"would reformat {source}")
            continue
        if diff:
            continue
        for done in fixes:
            say(str(done))
        atomic_write(path, new, overwrite=True)
    return changed, unchanged, failed


@click.command("fmt")
@paths_argument
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file would change.")
@click.option("--diff", is_flag=True, help="Change nothing; print what would change.")
@click.option("--fix", is_flag=True, help="Also mend the mechanical findings (see validate --fix).")
@click.option(
    "--fix-drift",
    is_flag=True,
    help="With --fix: give statements that drifted from a shared statement its wording.",
)
@click.option("--catalogue", type=click.Path(exists=True, dir_okay=False, path_type=str))
def fmt_command(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    fix: bool,
    fix_drift: bool,
    catalogue: str | None,
) -> None:
    """Write standard files (YAML) in the canonical layout: carenos's key order, indentation
    and line width, keeping comments, block styles and the order of keys carenos has none for.
    Running it again changes nothing."""
    with reported_errors():
        changed, unchanged, failed = fix_files(
            paths,
            fix=fix or fix_drift,
            drift=fix_drift,
            check=check,
            diff=diff,
            catalogue=catalogue,
        )
        verb = "would be reformatted" if check or diff else "reformatted"
        summary = f"{plural(changed, 'file')} {verb}, {unchanged} left unchanged"
        say(summary + (f", {failed} not read" if failed else ""))
    sys.exit(EXIT_FINDINGS if failed or (check and changed) else EXIT_OK)
