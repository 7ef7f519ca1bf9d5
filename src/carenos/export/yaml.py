"""YAML: one standard's YAML, a multi-document stream of several, or one file per standard.

:func:`write_yaml_files` is the one writer of standard files: ``carenos import``,
``carenos import-case --out`` and ``carenos export --format yaml --out DIR`` all use it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from ..corpus import label_of
from ..documents import dumps
from ..errors import DuplicateError, UsageError
from ..io.files import atomic_write_many, refuse_overwrite
from ..model import Standards, standards_of
from ._output import ExportOptions

__all__ = ["file_name", "to_yaml", "write_yaml", "write_yaml_files"]


def to_yaml(standards: Standards) -> str:
    """YAML of the standards.

    One standard gives exactly its YAML (what :func:`carenos.dumps` gives, what
    ``CODE.yaml`` holds); several give a multi-document stream, each document
    starting with ``---`` (read it with e.g. ``yaml.safe_load_all``); none gives "".
    """
    texts = [dumps(standard) for standard in standards_of(standards)]
    if len(texts) == 1:
        return texts[0]
    return "".join(f"---\n{text}" for text in texts)


def write_yaml(standards: Standards, handle: IO[str], options: ExportOptions | None = None) -> None:
    """Write :func:`to_yaml` of the standards."""
    standards = standards_of(standards)
    handle.write(to_yaml(standards))


def file_name(code: str, language: str = "en") -> str:
    """``CODE.yaml`` (``CODE.cy.yaml`` for another language), refusing codes that are not
    usable as a file name."""
    if not code or code in (".", "..") or "/" in code or "\\" in code or "\x00" in code:
        raise UsageError(f"cannot name a file after the standard code {code!r}")
    return f"{code}.yaml" if language == "en" else f"{code}.{language}.yaml"


def write_yaml_files(
    standards: Standards,
    directory: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    sources: Sequence[str] | None = None,
) -> list[Path]:
    """Write each standard to ``directory/CODE.yaml``; return the paths written.

    Args:
        standards: what to write.
        directory: where; created if needed.
        overwrite: replace files that exist (otherwise any existing one is refused).
        sources: where each standard came from, in the same order, for messages.

    Every check comes before anything is written: each code must make a file name, no
    two standards may have one code, and no file may exist unless ``overwrite``. Then
    all files are written atomically (temporary files first, then moved into place).
    """
    standards = standards_of(standards)
    standards = list(standards)
    labels = list(sources) if sources is not None else [s.code for s in standards]
    if len(labels) != len(standards):
        raise ValueError("give one source for each standard")
    root = Path(directory)
    targets = [root / file_name(s.code, s.language) for s in standards]
    first: dict[Path, str] = {}
    for label, target, standard in zip(labels, targets, standards, strict=True):
        if target in first:
            raise DuplicateError(
                f"{label} and {first[target]} are both {label_of(standard)}: one file each",
                source=label,
            )
        first[target] = label
    if root.exists() and not root.is_dir():
        raise UsageError("cannot write: not a directory", source=str(root))
    files = [(target, dumps(s)) for target, s in zip(targets, standards, strict=True)]
    for target, _ in files:  # before the directory is made
        refuse_overwrite(target, overwrite=overwrite)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot make the directory: {exc.strerror}", source=str(root)) from None
    atomic_write_many(list(files), overwrite=overwrite)
    return targets
