"""The words of published NOS: section headings, lead-ins and metadata labels.

Headings are recognised by their words, in any order and case, with filler words ("the",
"of", "this unit" ...) and the standard's code ignored: "Knowledge and understanding",
"KNOWLEDGE & UNDERSTANDING", "HSC21 Knowledge specification for the whole of this unit"
all name the knowledge. Each table row is one set of words; adding a spelling is a row.
"""

from __future__ import annotations

import re

from ..codes import HEADER_CODE

__all__ = [
    "ADDITIONAL_HEADINGS",
    "LIST_FIELDS",
    "META_LABELS",
    "PRINTED_LABELS",
    "SECTION_HEADINGS",
    "heading_key",
    "label_fragment",
    "lead_in_key",
    "meta_key",
    "words_of",
]

_WORD = re.compile(r"[a-z0-9]+")
_FILLER = frozenset(
    "a an and the of to for this that whole unit units in on with your nos standard standards "
    "related relating section part".split()
)


def _words(spelling: str) -> frozenset[str]:
    return frozenset(spelling.split()) - _FILLER


SECTION_HEADINGS: dict[str, tuple[frozenset[str], ...]] = {
    key: tuple(_words(spelling) for spelling in spellings)
    for key, spellings in {
        "overview": ("overview", "about", "summary", "unit summary", "description"),
        "performance": (
            "performance criteria",
            "performance criterion",
            "performance statements",
            "performance",
        ),
        "knowledge": (
            "knowledge understanding",
            "knowledge specification",
            "knowledge",
            "underpinning knowledge",
        ),
        "scope_pc": (
            "scope range performance criteria",
            "scope performance criteria",
            "range performance criteria",
            "scope range performance",
        ),
        "scope_ku": (
            "scope range knowledge understanding",
            "scope knowledge understanding",
            "range knowledge understanding",
            "scope range knowledge",
        ),
        "scope": ("scope range", "scope", "range", "range statements"),
        "values": ("values", "values underpinning", "underpinning values"),
        "behaviours": ("behaviours", "behaviors", "behaviour", "behavior"),
        "skills": ("skills",),
        "glossary": ("glossary", "glossary terms", "key terms"),
        "links": ("links other", "links other nos", "linked nos"),
        "external_links": ("external links", "links external"),
        "additional": ("additional information",),
        "elements_list": ("elements competence", "elements"),
        "metadata": ("metadata", "nos metadata"),
    }.items()
}
"""Section key -> the word sets (filler words left out) of its headings."""

ADDITIONAL_HEADINGS: tuple[frozenset[str], ...] = tuple(
    _words(spelling)
    for spelling in (
        "evidence requirements",
        "specific evidence requirements",
        "evidence",
        "assessment requirements",
        "key words concepts",
        "key words",
        "guidance",
        "notes",
        "notes guidance",
        "context",
        "sector context",
        "who this applies",
        "who applies",
        "origin",
        "explanatory notes",
    )
)
"""Headings of published sections with no field of their own: each is kept whole."""

META_LABELS: dict[str, tuple[frozenset[str], ...]] = {
    key: tuple(frozenset(spelling.split()) for spelling in spellings)
    for key, spellings in {
        "code": ("urn", "nos code", "unit code"),
        "title": ("title", "nos title"),
        "developed_by": ("developed by", "developed", "developer"),
        "version": ("version number", "version"),
        "date_approved": (
            "date approved",
            "approved",
            "approved on",
            "approval date",
            "date approval",
        ),
        "indicative_review_date": ("indicative review date", "review date"),
        "validity": ("validity",),
        "status": ("status",),
        "originating_organisation": ("originating organisation", "originating organization"),
        "original_urn": ("original urn",),
        "relevant_occupations": ("relevant occupations", "occupations"),
        "suites": ("suite", "suites", "business sectors suites", "business sectors"),
        "keywords": ("keywords", "key words"),
        "soc_codes": ("soc code", "soc codes", "soc"),
        "category": ("nos category", "category", "noscategory"),
        "replaces": ("replaces",),
        "replaced_by": ("replaced by", "superseded by"),
    }.items()
}
"""Metadata field (or ``code``/``title``) -> the word sets of its labels."""

LIST_FIELDS = frozenset({"relevant_occupations", "suites", "keywords", "soc_codes"})
"""Metadata fields that hold lists."""

_LEAD_INS: dict[str, tuple[frozenset[str], ...]] = {
    "performance": tuple(
        _words(s)
        for s in (
            "you must be able",
            "you must be able do following",
            "you must be able do",
            "you need",
            "you must",
            "what you must do",
            "you will be able",
            "you need show that",
        )
    ),
    "knowledge": tuple(
        _words(s)
        for s in (
            "you need know understand",
            "you will need know understand",
            "you must know understand",
            "what you must know",
            "you need show that you know understand can apply practice",
            "you need know understand apply practice",
        )
    ),
}


def label_fragment(text: str) -> bool:
    """Every word of ``text`` is a word of some heading, lead-in or label ("know and")."""
    words = _WORD.findall(text.casefold())
    return bool(words) and all(word in _LABEL_WORDS for word in words)


def words_of(text: str, code: str | None = None) -> frozenset[str]:
    """The words of ``text`` (lower case), filler words and NOS codes left out."""
    found = set(_WORD.findall(text.casefold())) - _FILLER
    for token in text.split():
        token = token.strip(":.,;()")
        if HEADER_CODE.fullmatch(token) or (code and token.startswith(code)):
            found.discard(token.casefold())
    return frozenset(found)


def _short(text: str, limit: int = 9) -> bool:
    return 0 < len(text.split()) <= limit and not text.rstrip().endswith((".", ";", ","))


def heading_key(text: str) -> str | None:
    """The section ``text`` names as a heading (``"knowledge"`` ...), or ``None``.

    Additional-information headings give ``"info"``.
    """
    if not _short(text.rstrip(":")):
        return None
    words = words_of(text)
    if not words:
        return None
    for key, spellings in SECTION_HEADINGS.items():
        if words in spellings:
            return key
    if words in ADDITIONAL_HEADINGS:
        return "info"
    return None


def lead_in_key(text: str) -> str | None:
    """``"performance"`` or ``"knowledge"`` for a lead-in ("You must be able to:"), or None."""
    stripped = text.rstrip()
    words = words_of(stripped)
    if {"explanatory", "statements", "scope", "examples", "contexts", "achievement"} <= words:
        return "scope"
    if {"scope", "here", "give", "guidance", "options", "evidence"} <= words:
        return "scope"  # the 2004 units' fixed sentence under "Scope"
    if {"specification", "details", "knowledge", "understanding", "competent", "practice"} <= words:
        return "knowledge"  # the 2004 units' fixed sentence of the knowledge specification
    if len(stripped.split()) > 16:
        return None
    for key, spellings in _LEAD_INS.items():
        if words in spellings:
            return key
    return None


def meta_key(label: str) -> str | None:
    """The metadata field (or ``code``/``title``) a label names, or ``None``."""
    if not label or len(label.split()) > 5:
        return None
    found = _WORD.findall(label.casefold())
    words = frozenset(found)
    if len(words) != len(found):
        return None  # "Original Original URN" is a value and a label, not one label
    for key, spellings in META_LABELS.items():
        if words in spellings:
            return key
    return None


_LABEL_WORDS = frozenset(
    _FILLER
    | {word for spellings in SECTION_HEADINGS.values() for words in spellings for word in words}
    | {word for spellings in META_LABELS.values() for words in spellings for word in words}
    | {word for spellings in _LEAD_INS.values() for words in spellings for word in words}
    | {word for words in ADDITIONAL_HEADINGS for word in words}
    | {"to", "able", "be", "you", "scope"}
)

PRINTED_LABELS: tuple[str, ...] = (
    "Overview",
    "Performance criteria",
    "Knowledge and understanding",
    "You must be able to:",
    "You need to know and understand:",
    "Additional Information",
    "Scope/range related to performance criteria",
    "Scope/range related to knowledge and understanding",
    "Scope/range",
    "Values",
    "Behaviours",
    "Links to other NOS",
    "External Links",
    "Glossary",
    "Developed by",
    "Version Number",
    "Date Approved",
    "Indicative Review Date",
    "Validity",
    "Status",
    "Originating Organisation",
    "Original URN",
    "Relevant Occupations",
    "Suite",
    "Keywords",
    "SOC Code",
)
"""The headings and labels as NOS documents print them: where a page's text has been run
together on one line, the importer cuts it before each of them."""
