"""The fixed words of a published standard, in English and Welsh.

A rendered standard is labelled in its own language (:attr:`Standard.language`): the NOS
database and the published documents print the same headings, lead-ins and metadata
labels in every standard, and the Welsh versions print them in Welsh. The English words
are those the importer reads back (:mod:`carenos.importer.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["LABELS", "labels_for"]

_EN: dict[str, str] = {
    "urn": "URN",
    "suites": "Business Sectors (Suites)",
    "developed_by": "Developed by",
    "date_approved": "Approved on",
    "overview": "Overview",
    "performance": "Performance criteria",
    "performance_lead": "You must be able to:",
    "knowledge": "Knowledge and understanding",
    "knowledge_lead": "You need to know and understand:",
    "scope_pc": "Scope/range related to performance criteria",
    "scope_ku": "Scope/range related to knowledge and understanding",
    "scope_general": "Scope/range",
    "values": "Values",
    "behaviours": "Behaviours",
    "skills": "Skills",
    "glossary": "Glossary",
    "links": "Links to other NOS",
    "external_links": "External links",
    "metadata": "Metadata",
    "version": "Version number",
    "indicative_review_date": "Indicative review date",
    "validity": "Validity",
    "status": "Status",
    "originating_organisation": "Originating organisation",
    "original_urn": "Original URN",
    "relevant_occupations": "Relevant occupations",
    "keywords": "Keywords",
    "soc_codes": "SOC code",
    "category": "NOS category",
    "replaces": "Replaces",
    "replaced_by": "Replaced by",
    "shared": "Shared statement",
    "language_name": "English",
    "contents": "Contents",
    "skip": "Skip to content",
}

_CY: dict[str, str] = {
    "urn": "URN",
    "suites": "Sectorau Busnes (Cyfresi)",
    "developed_by": "Datblygwyd gan",
    "date_approved": "Cymeradwywyd ar",
    "overview": "Trosolwg",
    "performance": "Meini prawf perfformiad",
    "performance_lead": "Rhaid i chi allu:",
    "knowledge": "Gwybodaeth a dealltwriaeth",
    "knowledge_lead": "Mae angen i chi wybod a deall:",
    "scope_pc": "Cwmpas/ystod sy'n gysylltiedig â meini prawf perfformiad",
    "scope_ku": "Cwmpas/ystod sy'n gysylltiedig â gwybodaeth a dealltwriaeth",
    "scope_general": "Cwmpas/ystod",
    "values": "Gwerthoedd",
    "behaviours": "Ymddygiadau",
    "skills": "Sgiliau",
    "glossary": "Geirfa",
    "links": "Cysylltiadau â NOS eraill",
    "external_links": "Dolenni allanol",
    "metadata": "Metadata",
    "version": "Rhif y fersiwn",
    "indicative_review_date": "Dyddiad adolygu dangosol",
    "validity": "Dilysrwydd",
    "status": "Statws",
    "originating_organisation": "Sefydliad gwreiddiol",
    "original_urn": "URN gwreiddiol",
    "relevant_occupations": "Galwedigaethau perthnasol",
    "keywords": "Geiriau allweddol",
    "soc_codes": "Cod SOC",
    "category": "Categori NOS",
    "replaces": "Yn disodli",
    "replaced_by": "Wedi'i ddisodli gan",
    "shared": "Datganiad a rennir",
    "language_name": "Cymraeg",
    "contents": "Cynnwys",
    "skip": "Neidio i'r cynnwys",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(_EN), "cy": MappingProxyType(_CY)}
)
"""Language (ISO 639-1) -> label key -> the words printed; every language has every key."""


def labels_for(language: str) -> Mapping[str, str]:
    """The labels of ``language``; English for a language carenos has no labels in."""
    return LABELS.get(language, LABELS["en"])
