"""Links from the site's pages to the items of the static CASE tree (``carenos publish
case``) of the same standards, where it is hosted: the identifiers are the ones the CASE
export gives, so no CASE file is read."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..export.case.identity import Keys, framework_of, identifier
from ..export.case.items import statement_keys
from ..export.case.options import DEFAULT_TITLE, base_uri
from ..model import Standard

__all__ = ["CaseLinks"]


@frozen
class CaseLinks:
    """The CASE items of a framework hosted at ``base`` (``CFItems/{id}`` under the REST
    binding's path)."""

    items: str
    framework: str

    @classmethod
    def hosted(cls, standards: Sequence[Standard], base: str, framework: str | None) -> CaseLinks:
        """The links of ``standards`` published at ``base`` with ``--case-framework``
        ``framework`` (default, as the export's: the suite they all name first)."""
        root = base_uri(base)
        return cls(
            f"{root}ims/case/v1p1/CFItems/", framework_of(standards, framework, DEFAULT_TITLE)
        )

    def standard(self, standard: Standard) -> str:
        """The URI of the standard's own CFItem."""
        return self.items + identifier(Keys(self.framework, standard).standard())

    def statements(self, standard: Standard) -> dict[str, str]:
        """The URI of each statement's CFItem, by ref."""
        keys = statement_keys(self.framework, standard)
        return {ref: self.items + identifier(key) for ref, key in keys.items()}
