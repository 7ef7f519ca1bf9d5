"""YAML: one standard's YAML, a multi-document stream of several, or one file per standard."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..documents import dump, dumps
from ..errors import UsageError
from ..io.files import refuse_overwrite
from ..model import Standard

__all__ = ["to_yaml", "write_yaml_files"]


def to_yaml(standards: Iterable[Standard]) -> str:
    """YAML of the standards.

    One standard gives exactly its YAML (what :func:`carenos.dumps` gives, what
    ``CODE.yaml`` holds); several give a multi-document stream, each document
    starting with ``---`` (read it with e.g. ``yaml.safe_load_all``); none gives "".
    """
    texts = [dumps(standard) for standard in standards]
    if len(texts) == 1:
        return texts[0]
    return "".join(f"---\n{text}" for text in texts)


def file_name(code: str) -> str:
    """``CODE.yaml``, refusing codes that are not usable as a file name."""
    if not code or code in (".", "..") or "/" in code or "\\" in code or "\x00" in code:
        raise UsageError(f"cannot name a file after the standard code {code!r}")
    return f"{code}.yaml"


def write_yaml_files(
    standards: Iterable[Standard], directory: str | os.PathLike[str], *, overwrite: bool = False
) -> list[Path]:
    """Write each standard to ``directory/CODE.yaml`` atomically; return the paths written.

    The directory is created if needed. Unless ``overwrite``, nothing is written if
    any of the files exists already.
    """
    root = Path(directory)
    targets = [(standard, root / file_name(standard.code)) for standard in standards]
    for _, path in targets:
        refuse_overwrite(path, overwrite=overwrite)
    root.mkdir(parents=True, exist_ok=True)
    for standard, path in targets:
        dump(standard, path, fmt="yaml", overwrite=overwrite)
    return [path for _, path in targets]
