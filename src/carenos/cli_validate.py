"""What ``carenos validate`` does with its options: config, catalogue, selection, exit code."""

from __future__ import annotations

import sys

import click

from .cli_options import EXIT_FINDINGS, EXIT_OK, reported_errors
from .errors import UsageError

__all__ = ["schema_command", "split_codes", "validate_run"]


def split_codes(values: tuple[str, ...]) -> list[str]:
    """``("CN4,CN205", "CN301")`` as ``["CN4", "CN205", "CN301"]``, checked."""
    from .validation.config import check_codes

    codes = [c.strip().upper() for value in values for c in value.split(",") if c.strip()]
    return list(check_codes(codes))


def validate_run(
    paths: tuple[str, ...],
    fmt: str | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
    config_path: str | None,
    isolated: bool,
    catalogue: str | None,
    no_catalogue: bool,
    max_size: int | None,
) -> None:
    """Run ``carenos validate``: find the config, validate, report, exit 0 / 1 / 2."""
    from attrs import evolve

    from .catalogue import load_catalogue
    from .validation import CatalogueChoice, render, validate_paths
    from .validation.config import Config, find_config, load_config
    from .validation.pipeline import files_of
    from .validation.suppress import apply_config

    with reported_errors():
        if config_path is not None:
            config = load_config(config_path)
        else:
            config = Config() if isolated else find_config(paths)
        config = config.with_options(
            select=split_codes(select), ignore=split_codes(ignore), warnings_as_errors=strict
        )
        chosen: CatalogueChoice = "bundled"
        if no_catalogue:
            chosen = None
        elif catalogue or config.catalogue:
            chosen = load_catalogue(catalogue or config.catalogue, max_size=max_size)
        if config.threshold is not None and chosen is not None:
            base = load_catalogue() if chosen == "bundled" else chosen
            chosen = evolve(base, drift_threshold=config.threshold)
        report = validate_paths(paths, max_size=max_size, catalogue=chosen)
        files, _ = files_of(p for p in paths if p != "-")
        report = apply_config(report, config, files)
        click.echo(render(report, fmt or config.format or "text"), nl=False)
    sys.exit(EXIT_OK if report.ok or exit_zero else EXIT_FINDINGS)


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
