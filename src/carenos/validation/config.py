"""How ``carenos validate`` is configured: ``[tool.carenos]`` in ``pyproject.toml`` or a
``carenos.toml``, found upwards from the files checked, as ruff finds its settings.

```toml
[tool.carenos]            # in carenos.toml: the same keys, without the table
select = ["CN"]           # codes or prefixes to report (default: all)
ignore = ["CN205"]        # codes or prefixes not to report
warnings-as-errors = true # fail on warnings too (--strict)
cn401-threshold = 90      # the lowest score that is drift from a shared statement
catalogue = "catalogue/shared-knowledge.yaml"   # relative to this file
format = "github"         # text, json or github

[tool.carenos.severity]   # a code's severity here
CN301 = "error"

[tool.carenos.per-file-ignores]
"drafts/*.yaml" = ["CN401"]
```
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from ..errors import UsageError
from ..rules import Severity

__all__ = ["CONFIG_FILES", "Config", "check_codes", "find_config", "load_config"]

CONFIG_FILES = ("carenos.toml", ".carenos.toml", "pyproject.toml")
"""The files looked for in each directory, in this order (a pyproject.toml counts only
with a ``[tool.carenos]`` table)."""

_KEYS = {
    "select", "ignore", "per-file-ignores", "severity", "warnings-as-errors",
    "cn401-threshold", "catalogue", "format",
}  # fmt: skip


def _codes(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f'{key}: write a list of codes, e.g. ["CN401"]', source=source)
    return check_codes([v.strip().upper() for v in value], f"{key}: ", source)


def check_codes(codes: list[str], prefix: str = "", source: str | None = None) -> tuple[str, ...]:
    """``codes`` if each is a code or a prefix of codes (``CN``, ``CN4``, ``CN401``)."""
    for code in codes:
        if not (code.startswith("CN") and (code[2:].isdigit() or code == "CN") and len(code) <= 5):
            raise UsageError(
                f"{prefix}{code!r} is not a code or a prefix of one (CN4, CN401)", source=source
            )
    return tuple(codes)


@frozen
class Config:
    """The settings of one run (all empty: report everything, as the catalogue says)."""

    source: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(factory=dict)
    warnings_as_errors: bool = False
    threshold: float | None = None
    catalogue: str | None = None
    format: str | None = None
    root: str | None = None
    """The directory of the config file: per-file patterns and ``catalogue`` are relative to it."""

    def reports(self, code: str, source: str) -> bool:
        """Whether a finding of ``code`` in ``source`` is reported."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        if any(code.startswith(i) for i in self.ignore):
            return False
        relative = self._relative(source)
        return not any(
            fnmatch.fnmatch(relative, pattern) and any(code.startswith(c) for c in codes)
            for pattern, codes in self.per_file_ignores
        )

    def _relative(self, source: str) -> str:
        path = Path(source)
        if self.root is not None:
            try:
                return path.resolve().relative_to(Path(self.root).resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def with_options(
        self,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        warnings_as_errors: bool = False,
    ) -> Config:
        """This config with the command line's options on top (they win)."""
        chosen = tuple(select) or self.select
        return Config(
            self.source, chosen, self.ignore + tuple(ignore), self.per_file_ignores,
            self.severity, self.warnings_as_errors or warnings_as_errors, self.threshold,
            self.catalogue, self.format, self.root,
        )  # fmt: skip


def load_config(path: str | os.PathLike[str]) -> Config:
    """The settings of a ``carenos.toml`` or of a ``pyproject.toml``'s ``[tool.carenos]``."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read the config: {exc.strerror}", source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML: {exc}", source=source) from None
    if Path(source).name == "pyproject.toml":
        data = data.get("tool", {}).get("carenos", {})
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise UsageError(
            f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})", source=source
        )
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or any(
        v not in ("error", "warning") for v in severity.values()
    ):
        raise UsageError('severity: write CODE = "error" or "warning"', source=source)
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise UsageError('per-file-ignores: write "pattern" = ["CODE", ...]', source=source)
    threshold = data.get("cn401-threshold")
    if threshold is not None and (
        not isinstance(threshold, int | float) or not 0 < threshold <= 100
    ):
        raise UsageError("cn401-threshold: write a score from 1 to 100", source=source)
    fmt = data.get("format")
    if fmt is not None and fmt not in ("text", "json", "github"):
        raise UsageError("format: write text, json or github", source=source)
    flag = data.get("warnings-as-errors", False)
    if not isinstance(flag, bool):
        raise UsageError("warnings-as-errors: write true or false", source=source)
    catalogue = data.get("catalogue")
    root = Path(source).resolve().parent
    return Config(
        source=source,
        select=_codes(data.get("select", []), "select", source),
        ignore=_codes(data.get("ignore", []), "ignore", source),
        per_file_ignores=tuple(
            (str(pattern), _codes(codes, f"per-file-ignores {pattern!r}", source))
            for pattern, codes in per_file.items()
        ),
        severity={str(k).upper(): v for k, v in severity.items()},
        warnings_as_errors=flag,
        threshold=None if threshold is None else float(threshold),
        catalogue=None if catalogue is None else str(root / str(catalogue)),
        format=fmt,
        root=str(root),
    )


def _has_table(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return "carenos" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def find_config(paths: Iterable[str | os.PathLike[str]]) -> Config:
    """The config of the first path's directory or the nearest above it (or of the
    current directory); an empty :class:`Config` where there is none."""
    first = next(iter(paths), None)
    start = Path(first if first is not None else ".").resolve()
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return load_config(candidate)
    return Config()
