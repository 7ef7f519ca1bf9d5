"""The codes that stages other than the semantic rules report: read from the error classes.

Reading (CN000-CN004), the JSON Schema (CN100), the corpus (CN207), the importer
(CN500) and the command line (CN900) raise a :class:`~carenos.errors.CarenosError`
kind that carries its own catalogue entry; declaring the kinds here puts them in the
catalogue without writing a code twice.
"""

from __future__ import annotations

from ..errors import ERROR_KINDS
from .registry import declare_error

__all__: list[str] = []

for _kind in ERROR_KINDS:
    declare_error(_kind)
