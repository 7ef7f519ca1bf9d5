"""Hypothesis strategies for standards and their dict form."""

from __future__ import annotations

from typing import Any, get_args

from hypothesis import strategies as st

from carenos import (
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
from carenos.metadata import Category, Status, Validity
from carenos.model import ExternalLink, GlossaryEntry, InformationSection

# Any Unicode a document may hold, except surrogates (not encodable) and NUL.
texts = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
)
codes = st.from_regex(r"[A-Z][A-Za-z]{1,5}[0-9]{2,5}L?", fullmatch=True)
dates = st.from_regex(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?", fullmatch=True)
optional_texts = st.none() | texts
text_tuples = st.lists(texts, max_size=3).map(tuple)


Members = tuple[tuple[str, str, tuple[str, ...]], ...]
"""Statements of one group as ``(id, text, sub_items)``."""


def numbered_groups(
    draw: st.DrawFn,
    text: st.SearchStrategy[str],
    title: st.SearchStrategy[str | None],
    groups: st.SearchStrategy[int],
    statements: st.SearchStrategy[int],
) -> tuple[tuple[Element, ...], tuple[KnowledgeSection, ...]]:
    """Elements and knowledge sections whose ids run P1, P2 ... and K1, K2 ... across them."""
    subs = st.lists(text, max_size=3).map(tuple)

    def group(
        prefix: str,
    ) -> tuple[tuple[str | None, tuple[tuple[str, str, tuple[str, ...]], ...]], ...]:
        found = []
        number = 0
        for _ in range(draw(groups)):
            members = []
            for _ in range(draw(statements)):
                number += 1
                members.append((f"{prefix}{number}", draw(text), draw(subs)))
            found.append((draw(title), tuple(members)))
        return tuple(found)

    elements = tuple(
        Element(t, tuple(PerformanceCriterion(i, x, sub_items=s) for i, x, s in members))
        for t, members in group("P")
    )
    knowledge = tuple(
        KnowledgeSection(t, tuple(KnowledgeItem(i, x, sub_items=s) for i, x, s in members))
        for t, members in group("K")
    )
    return elements, knowledge


def metadata_of(text: st.SearchStrategy[str]) -> st.SearchStrategy[Metadata]:
    """Metadata with every field populated or absent, its free texts drawn from ``text``."""
    maybe = st.none() | text
    several = st.lists(text, max_size=3).map(tuple)
    return st.builds(
        Metadata,
        developed_by=maybe,
        version=st.none() | st.integers(1, 10**6),
        date_approved=st.none() | dates,
        indicative_review_date=st.none() | dates,
        validity=st.none() | st.sampled_from(get_args(Validity)),
        status=st.none() | st.sampled_from(get_args(Status)),
        category=st.none() | st.sampled_from(get_args(Category)),
        originating_organisation=maybe,
        original_urn=maybe,
        relevant_occupations=several,
        keywords=several,
        suites=several,
        soc_codes=st.lists(st.from_regex(r"[0-9]{4}", fullmatch=True), max_size=2).map(tuple),
    )


@st.composite
def standards(draw: st.DrawFn) -> Standard:
    """Standards with every field of the model, each populated or absent."""
    counts = st.integers(0, 3)
    elements, knowledge = numbered_groups(draw, texts, optional_texts, counts, counts)
    statements = st.lists(st.builds(ScopeStatement, texts, optional_texts), max_size=2).map(tuple)
    scope = draw(st.builds(Scope, statements, statements, statements))
    values = draw(
        st.none()
        | st.builds(Values, texts, text_tuples)
        | st.builds(Values, statements=text_tuples)
    )
    metadata = draw(st.none() | metadata_of(texts))
    return Standard(
        draw(codes),
        draw(texts),
        draw(texts),
        elements,
        knowledge,
        scope,
        values,
        metadata,
        language=draw(st.sampled_from(["en", "cy", "gd"])),
        behaviours=draw(text_tuples),
        skills=draw(text_tuples),
        glossary=draw(st.lists(st.builds(GlossaryEntry, texts, texts), max_size=2).map(tuple)),
        links_to_other_nos=draw(text_tuples),
        external_links=draw(
            st.lists(st.builds(ExternalLink, texts, optional_texts), max_size=2).map(tuple)
        ),
        additional_information=draw(
            st.lists(st.builds(InformationSection, texts, text_tuples), max_size=2).map(tuple)
        ),
        replaces=draw(st.none() | codes),
        replaced_by=draw(st.none() | codes),
        assigned_ids=draw(st.sampled_from([(), ("P",), ("K",), ("P", "K")])),
    )


def value_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path (keys and indexes) of every value in a JSON-like document, root first."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += value_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += value_paths(value, (*prefix, index))
    return found
