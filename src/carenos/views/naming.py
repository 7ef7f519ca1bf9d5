"""The names of the site's files: a standard's (as its YAML file is named), and one for
each suite or shared statement, distinct even where a file system folds case."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Standard

__all__ = ["file_names", "page_stem"]

_UNSAFE = re.compile(r"[^\w.-]+")
"""What a page's file name may not hold: all but letters (any script), digits, ``_.-``."""


def page_stem(standard: Standard) -> str:
    """The name of a standard's files in the site: ``CODE`` (``CODE.cy`` in Welsh), as
    its YAML file is named (:func:`carenos.export.yaml.file_name`)."""
    from ..export.yaml import file_name

    return file_name(standard.code, standard.language).removesuffix(".yaml")


def file_names(names: Iterable[str]) -> dict[str, str]:
    """A file name for each name, distinct from the others' even where a file system folds
    case, and never ``index.html``: "Care & support" and "Care support" get two."""
    files: dict[str, str] = {}
    taken = {"index"}
    for name in names:
        if name in files:
            continue
        stem = _UNSAFE.sub("_", name).strip(".") or "_"
        candidate, number = stem, 2
        while candidate.casefold() in taken:
            candidate, number = f"{stem}_{number}", number + 1
        taken.add(candidate.casefold())
        files[name] = f"{candidate}.html"
    return files
