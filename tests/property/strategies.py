"""Hypothesis strategies for standards and their dict form."""

from __future__ import annotations

from typing import Any

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

# Any Unicode a document may hold, except surrogates (not encodable) and NUL.
texts = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
)
codes = st.from_regex(r"[A-Z]{2,6}[0-9]{2,5}", fullmatch=True)
optional_texts = st.none() | texts
text_tuples = st.lists(texts, max_size=3).map(tuple)


@st.composite
def standards(draw: st.DrawFn) -> Standard:
    counter = {"P": 0, "K": 0}

    def next_id(prefix: str) -> str:
        counter[prefix] += 1
        return f"{prefix}{counter[prefix]}"

    elements = tuple(
        Element(
            draw(texts),
            tuple(
                PerformanceCriterion(next_id("P"), draw(texts))
                for _ in range(draw(st.integers(0, 3)))
            ),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    knowledge = tuple(
        KnowledgeSection(
            draw(texts),
            tuple(KnowledgeItem(next_id("K"), draw(texts)) for _ in range(draw(st.integers(0, 3)))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    statements = st.lists(st.builds(ScopeStatement, texts, optional_texts), max_size=2).map(tuple)
    scope = draw(st.builds(Scope, statements, statements))
    values = draw(st.none() | st.builds(Values, texts, text_tuples))
    metadata = draw(
        st.none()
        | st.builds(
            Metadata,
            developed_by=optional_texts,
            version=optional_texts,
            date_approved=optional_texts | st.just("2016-03-31"),
            status=optional_texts,
            keywords=text_tuples,
            suites=text_tuples,
        )
    )
    return Standard(
        draw(codes), draw(texts), draw(texts), elements, knowledge, scope, values, metadata
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
