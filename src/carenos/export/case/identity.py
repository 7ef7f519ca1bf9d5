"""CASE identity: which UUID names which object, and why it never names another.

Every identifier is a uuid5 in :data:`NAMESPACE` of a key. The CFDocument's key is its
framework key and language, never the list or order of what is exported. A statement's
key is its framework, standard, language, kind and *text*: renumbered or moved, an
unchanged statement keeps its identifier; reworded, it gets a new one (and, where the
previous version is known, a ``replacedBy`` association from the old one). An element or
heading is keyed by its title; a scope statement, value or behaviour by its text; a
text that occurs twice in one place by its occurrence. docs/pipelines.md states the rules.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from ...model import Standard

__all__ = ["NAMESPACE", "Keys", "framework_of", "identifier"]

NAMESPACE = uuid.UUID("c28ec6ef-a65d-5ad8-b37f-cc07d3c0d257")
"""The uuid5 namespace of carenos CASE identifiers: uuid5(NAMESPACE_URL, "https://carenos.dev/case/")."""


def identifier(key: str) -> str:
    """The UUID (as text) of the CASE object with ``key``: ``str(uuid.uuid5(NAMESPACE,
    key))``, made from the SHA-1 directly (a package has one for every object)."""
    sha1 = _NAMESPACE_SHA1.copy()
    sha1.update(key.encode("utf-8"))
    digest = bytearray(sha1.digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    hexed = digest.hex()
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


_NAMESPACE_SHA1 = hashlib.sha1(NAMESPACE.bytes)  # uuid5 is SHA-1 by definition


def framework_of(standards: Sequence[Standard], given: str | None, fallback: str) -> str:
    """The framework key: ``given``, else the suite every standard names first, else
    ``fallback``. The same standards give the same key in any order, and so does any
    subset or superset of one suite."""
    if given is not None:
        return given
    firsts = {s.metadata.suites[0] if s.metadata and s.metadata.suites else None for s in standards}
    (only,) = firsts if len(firsts) == 1 else (None,)
    return only or fallback


class Keys:
    """The keys of one standard's objects in one framework (see the module's rules)."""

    def __init__(self, framework: str, standard: Standard) -> None:
        self.base = f"{framework}\n{standard.language}\n{standard.code}"
        self._seen: dict[str, int] = {}

    def standard(self) -> str:
        """The standard's own key."""
        return self.base

    def of(self, kind: str, text: str) -> str:
        """The key of a ``kind`` of object (``P``, ``K``, ``element`` ...) with ``text``;
        the second of the same text in the same standard is ``text`` and ``#2``."""
        key = f"{self.base}\n{kind}\n{text}"
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return key if count == 1 else f"{key}\n#{count}"
