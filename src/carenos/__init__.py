"""carenos: UK National Occupational Standards for health and social care as typed data.

The public API is what this module exports (``__all__``). Names are imported on first
use, so that ``import carenos`` and the command line start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalogue import Catalogue, load_catalogue
    from .convert import from_dict, to_dict
    from .corpus import Corpus, load_corpus
    from .documents import dump, dumps, load, loads
    from .errors import CarenosError
    from .importer import import_text
    from .mapping import KnowledgeMap, map_knowledge
    from .model import (
        Element,
        KnowledgeItem,
        KnowledgeSection,
        Metadata,
        PerformanceCriterion,
        Scope,
        ScopeStatement,
        Standard,
        Values,
    )
    from .validation import Finding, Report, validate, validate_corpus

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
    "Report": "validation",
    "Scope": "model",
    "ScopeStatement": "model",
    "Standard": "model",
    "Values": "model",
    "dump": "documents",
    "dumps": "documents",
    "from_dict": "convert",
    "import_text": "importer",
    "load": "documents",
    "load_catalogue": "catalogue",
    "load_corpus": "corpus",
    "loads": "documents",
    "map_knowledge": "mapping",
    "to_dict": "convert",
    "validate": "validation",
    "validate_corpus": "validation",
}

__all__ = [
    "CarenosError",
    "Catalogue",
    "Corpus",
    "Element",
    "Finding",
    "KnowledgeItem",
    "KnowledgeMap",
    "KnowledgeSection",
    "Metadata",
    "PerformanceCriterion",
    "Report",
    "Scope",
    "ScopeStatement",
    "Standard",
    "Values",
    "__version__",
    "dump",
    "dumps",
    "from_dict",
    "import_text",
    "load",
    "load_catalogue",
    "load_corpus",
    "loads",
    "map_knowledge",
    "to_dict",
    "validate",
    "validate_corpus",
]

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'carenos' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
