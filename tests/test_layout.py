"""The layout stays telling: small modules, and no name crosses modules unless exported."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from .support.paths import ROOT

SRC = ROOT / "src" / "carenos"
MODULES = sorted(SRC.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(importer: Path, node: ast.ImportFrom) -> str:
    package = _module_name(importer).split(".")
    if importer.name != "__init__.py":
        package.pop()
    base = package[: len(package) - (node.level - 1)] if node.level else []
    return ".".join([*base, *(node.module.split(".") if node.module else [])])


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_names_imported_from_carenos_modules_are_exported_by_them(path: Path) -> None:
    """``from .x import name``: ``name`` is in ``x.__all__``, or is a submodule of ``x``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or (
            node.level == 0 and not (node.module or "").startswith("carenos")
        ):
            continue
        target = _resolve(path, node)
        module = importlib.import_module(target)
        exported = set(getattr(module, "__all__", ()))
        for alias in node.names:
            folder = SRC.parent / target.replace(".", "/")
            is_submodule = (folder / f"{alias.name}.py").exists() or (
                folder / alias.name / "__init__.py"
            ).exists()
            if alias.name not in exported and not is_submodule:
                problems.append(f"{target}.{alias.name}")
    assert problems == []


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_every_public_module_says_what_it_exports(path: Path) -> None:
    if path.name == "__main__.py":
        return
    module = importlib.import_module(_module_name(path))
    assert isinstance(getattr(module, "__all__", None), list | tuple), _module_name(path)
    for name in module.__all__:
        assert hasattr(module, name), f"{_module_name(path)}.__all__ names {name}, which it lacks"
