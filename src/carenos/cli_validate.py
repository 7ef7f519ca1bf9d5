"""``carenos validate`` and ``carenos schema``: config, catalogue, selection, exit code."""

from __future__ import annotations

import sys

import click

from .cli_options import (
    EXIT_FINDINGS,
    EXIT_OK,
    TableChoice,
    catalogue_option,
    jobs_option,
    max_size_option,
    paths_argument,
    progress,
    reported_errors,
)
from .errors import UsageError
from .io import formats

__all__ = ["schema_command", "split_codes", "validate_command"]


def split_codes(values: tuple[str, ...]) -> list[str]:
    """``("CN4,CN205", "CN301")`` as ``["CN4", "CN205", "CN301"]``, checked."""
    from .validation.config import check_codes

    codes = [c.strip().upper() for value in values for c in value.split(",") if c.strip()]
    return list(check_codes(codes))


@click.command("validate")
@paths_argument
@click.option(
    "-f",
    "--format",
    "fmt",
    type=TableChoice(formats.REPORTERS),
    default=None,
    help="Output: yamllint-like text, one JSON object, or GitHub annotations "
    "[default: the config's format, else text].",
)
@click.option(
    "--strict", "--warnings-as-errors", "strict", is_flag=True, help="Fail on warnings too."
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Report only these codes or prefixes (CN4,CN205).",
)
@click.option(
    "--ignore", multiple=True, metavar="CODES", help="Do not report these codes or prefixes."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="The config file [default: carenos.toml or pyproject.toml's [tool.carenos], found "
    "upwards from the first path].",
)
@click.option("--isolated", is_flag=True, help="Use no config file.")
@click.option(
    "--fix",
    is_flag=True,
    help="First mend the mechanical findings in the files (whitespace, invisible "
    "characters, id case, numbering) and print each change.",
)
@click.option("--fix-drift", is_flag=True, help="With --fix: also the wording of CN401 drift.")
@catalogue_option(
    "Catalogue of shared statements for CN401 (default: the config's, else the one shipped)."
)
@click.option("--no-catalogue", is_flag=True, help="Do not check wording against a catalogue.")
@click.option(
    "--threshold",
    type=click.FloatRange(1, 100),
    default=None,
    help="Lowest score (1-100) that is CN401 drift [default: the config's, else 85], as map's.",
)
@jobs_option
@max_size_option
def validate_command(
    paths: tuple[str, ...],
    fmt: str | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
    config_path: str | None,
    isolated: bool,
    fix: bool,
    fix_drift: bool,
    catalogue: str | None,
    no_catalogue: bool,
    threshold: float | None,
    max_size: int | None,
) -> None:
    """Validate standards (files or directories) and report every finding at file:line:col."""
    from attrs import evolve

    from .catalogue import load_catalogue
    from .validation import CatalogueChoice, render, validate_paths
    from .validation.config import Config, find_config, load_config
    from .validation.pipeline import files_of
    from .validation.suppress import apply_config

    if fix or fix_drift:
        from .cli_fmt import fix_files

        with reported_errors():
            fix_files(paths, fix=True, drift=fix_drift, catalogue=catalogue)
    with reported_errors():
        if config_path is not None:
            config = load_config(config_path)
        else:
            config = Config() if isolated else find_config(paths)
        config = config.with_options(
            select=split_codes(select), ignore=split_codes(ignore), warnings_as_errors=strict
        )
        if no_catalogue and (catalogue or threshold is not None):
            raise UsageError("--no-catalogue checks no wording: drop --catalogue or --threshold")
        chosen: CatalogueChoice = "bundled"
        if no_catalogue:
            chosen = None
        elif catalogue or config.catalogue:
            chosen = load_catalogue(catalogue or config.catalogue, max_size=max_size)
        drift = threshold if threshold is not None else config.threshold
        if drift is not None and chosen is not None:
            base = load_catalogue() if chosen == "bundled" else chosen
            chosen = evolve(base, drift_threshold=drift)
        files, _ = files_of(p for p in paths if p != "-")
        with progress(len(files), "validating") as advance:
            report = validate_paths(
                paths, max_size=max_size, catalogue=chosen, on_file=lambda _file: advance()
            )
        report = apply_config(report, config, files, _stdin_texts(paths))
        chosen_format = fmt or config.format or "text"
        text = render(report, chosen_format)
        if chosen_format == "text":  # colours where the terminal (or --color always) takes them
            text = _coloured(text)
        click.echo(text, nl=False)
    sys.exit(EXIT_OK if report.ok or exit_zero else EXIT_FINDINGS)


def _stdin_texts(paths: tuple[str, ...]) -> dict[str, str]:
    """The text validated from standard input, by the name its findings have."""
    if "-" not in paths:
        return {}
    import os

    from .corpus import stdin_text

    text, name = stdin_text(os.environ.get("CARENOS_STDIN_FILENAME"))
    return {name: text}


@click.command("schema")
@click.argument("name", default="standard")
def schema_command(name: str) -> None:
    """Print a JSON Schema carenos ships (standard, report, diff, shared-knowledge), for
    editors: save it in a repository and point the YAML language server at it."""
    from .io.json import dump_json
    from .schema import schema, schema_names

    with reported_errors():
        known = [n.removesuffix(".schema.json") for n in schema_names()]
        if name.removesuffix(".schema.json") not in known:
            raise UsageError(f"unknown schema {name!r}: use one of {', '.join(known)}")
        click.echo(dump_json(schema(name)), nl=False)


_SEVERITY = {"error": "red", "warning": "yellow"}


def _coloured(text: str) -> str:
    """The severities of text findings in colour (``click.echo`` drops it where it should)."""
    import re

    def paint(match: re.Match[str]) -> str:
        word = match.group(2)
        return f"{match.group(1)}{click.style(word, fg=_SEVERITY[word], bold=True)} "

    return re.sub(r"^(\S.*?:\d+:\d+: |\S+: )(error|warning) ", paint, text, flags=re.MULTILINE)
