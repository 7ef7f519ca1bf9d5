"""carenos: UK National Occupational Standards for health and social care as typed data.

The public API is what this module exports (``__all__``, the names of ``_EXPORTS``).
Names are imported on first use, so that ``import carenos`` and the command line start
quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # explicit re-exports (``X as X``), for type checkers
    from . import export as export
    from . import mapping as mapping
    from . import revisions as revisions
    from . import validation as validation
    from . import views as views
    from .catalogue import Catalogue as Catalogue
    from .catalogue import load_catalogue as load_catalogue
    from .convert import from_dict as from_dict
    from .convert import to_dict as to_dict
    from .corpus import Corpus as Corpus
    from .corpus import bundled as bundled
    from .corpus import load_corpus as load_corpus
    from .documents import dump as dump
    from .documents import dumps as dumps
    from .documents import load as load
    from .documents import loads as loads
    from .errors import CarenosError as CarenosError
    from .export.nosdb import to_nosdb as to_nosdb
    from .importer import from_nosdb as from_nosdb
    from .importer import import_file as import_file
    from .importer import import_text as import_text
    from .mapping import KnowledgeMap as KnowledgeMap
    from .mapping import Portfolio as Portfolio
    from .mapping import map_knowledge as map_knowledge
    from .model import (
        Element as Element,
    )
    from .model import (
        KnowledgeItem as KnowledgeItem,
    )
    from .model import (
        KnowledgeSection as KnowledgeSection,
    )
    from .model import (
        Metadata as Metadata,
    )
    from .model import (
        PerformanceCriterion as PerformanceCriterion,
    )
    from .model import (
        Scope as Scope,
    )
    from .model import (
        ScopeStatement as ScopeStatement,
    )
    from .model import (
        Standard as Standard,
    )
    from .model import (
        Values as Values,
    )
    from .revisions import StandardDiff as StandardDiff
    from .revisions import diff as diff
    from .validation import (
        Finding as Finding,
    )
    from .validation import (
        Report as Report,
    )
    from .validation import (
        validate as validate,
    )
    from .validation import (
        validate_corpus as validate_corpus,
    )

_EXPORTS = {
    "CarenosError": "errors",
    "Catalogue": "catalogue",
    "Corpus": "corpus",
    "Element": "model",
    "Finding": "validation",
    "KnowledgeItem": "model",
    "KnowledgeMap": "mapping",
    "KnowledgeSection": "model",
    "Metadata": "model",
    "PerformanceCriterion": "model",
    "Portfolio": "mapping",
    "Report": "validation",
    "Scope": "model",
    "ScopeStatement": "model",
    "Standard": "model",
    "StandardDiff": "revisions",
    "Values": "model",
    "bundled": "corpus",
    "diff": "revisions",
    "dump": "documents",
    "dumps": "documents",
    "from_dict": "convert",
    "from_nosdb": "importer",
    "import_file": "importer",
    "import_text": "importer",
    "load": "documents",
    "load_catalogue": "catalogue",
    "load_corpus": "corpus",
    "loads": "documents",
    "map_knowledge": "mapping",
    "to_dict": "convert",
    "to_nosdb": "export.nosdb",
    "validate": "validation",
    "validate_corpus": "validation",
}

__all__ = sorted([*_EXPORTS, "__version__"])

_SUBPACKAGES = frozenset({"export", "mapping", "revisions", "validation", "views"})
"""Subpackages reachable as attributes after ``import carenos`` (their names are theirs)."""


def __getattr__(name: str) -> Any:
    """The public names, imported on first use."""
    if name == "__version__":  # written once, in pyproject.toml
        from importlib.metadata import version

        globals()[name] = value = version("carenos")
        return value
    if name in _SUBPACKAGES:  # carenos.export ... after a bare `import carenos`
        package = importlib.import_module(f".{name}", __name__)
        globals()[name] = package
        return package
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'carenos' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
