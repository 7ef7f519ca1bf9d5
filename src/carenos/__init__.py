"""carenos: UK National Occupational Standards for health and social care as typed data.

>>> import carenos
>>> standard = carenos.load("data/standards/SCDHSC0393.yaml")  # doctest: +SKIP
>>> standard["K12"].ref  # doctest: +SKIP
'SCDHSC0393/K12'
"""

from __future__ import annotations

from .convert import from_dict, to_dict
from .corpus import Corpus, load_corpus
from .documents import dump, dumps, load, loads
from .errors import CarenosError
from .importer import import_text
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
from .validate import Finding, Report, validate, validate_corpus

__all__ = [
    "CarenosError",
    "Corpus",
    "Element",
    "Finding",
    "KnowledgeItem",
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
    "load_corpus",
    "loads",
    "to_dict",
    "validate",
    "validate_corpus",
]

__version__ = "0.1.0.dev0"
