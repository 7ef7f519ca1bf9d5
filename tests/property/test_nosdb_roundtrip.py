"""The NOS database format both ways: the identity on what it can express."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import carenos
from carenos.model import (
    ExternalLink,
    GlossaryEntry,
    Metadata,
    Scope,
    ScopeStatement,
    Standard,
    Values,
)
from carenos.terms import term_of

from .strategies import codes, metadata_of, numbered_groups

STATEMENT_LINE = re.compile(r"[PK][0-9]+\s+\S.*", re.DOTALL)
"""What the line convention reads as a numbered statement (io/nosdb: ``P3 text``)."""

# One line of plain text, single-spaced, that the line convention reads as itself: no
# id or bullet at its start, no HTML, no glossary or link separator.
words = st.lists(
    st.text(st.characters(whitelist_categories=["L", "N"]), min_size=1, max_size=8),
    min_size=1,
    max_size=6,
)
lines = words.map(" ".join).filter(lambda t: not STATEMENT_LINE.fullmatch(t))
line_tuples = st.lists(lines, max_size=3).map(tuple)


@st.composite
def expressible(draw: st.DrawFn) -> Standard:
    """Standards whose every field the NOS database has a place for."""
    plain = draw(st.booleans())  # the newest shape: one untitled list each
    elements, knowledge = numbered_groups(
        draw,
        lines,
        st.none() if plain else lines,
        st.just(1) if plain else st.integers(0, 3),
        st.integers(1, 3),
    )

    def scope_list() -> tuple[ScopeStatement, ...]:
        return tuple(ScopeStatement(text, term_of(text)) for text in draw(line_tuples))

    rights = draw(st.lists(lines, min_size=1, max_size=3).map(tuple))
    values = draw(
        st.none()
        | st.just(Values(draw(lines), rights))
        | st.lists(lines, min_size=1, max_size=3).map(lambda v: Values(statements=tuple(v)))
    )
    metadata = draw(st.none() | metadata_of(lines))
    if metadata == Metadata():
        metadata = None  # the database has no record of "metadata with nothing in it"
    return Standard(
        draw(codes),
        draw(lines),
        "\n".join(draw(st.lists(lines, min_size=1, max_size=3))),
        elements,
        knowledge,
        Scope(scope_list(), scope_list(), scope_list()),
        values,
        metadata,
        behaviours=draw(line_tuples),
        skills=draw(line_tuples),
        glossary=tuple(
            GlossaryEntry(t, d) for t, d in draw(st.lists(st.tuples(lines, lines), max_size=2))
        ),
        links_to_other_nos=draw(line_tuples),
        external_links=tuple(
            ExternalLink(text, url)
            for text, url in draw(
                st.lists(st.tuples(lines, st.none() | st.just("https://example.org/a")), max_size=2)
            )
        ),
        assigned_ids=("P", "K") if plain else (),
    )


@given(expressible())
def test_a_standard_survives_the_database_format(standard: Standard) -> None:
    assert carenos.from_nosdb(carenos.to_nosdb(standard)) == standard


@given(expressible())
def test_a_record_survives_carenos(standard: Standard) -> None:
    record: dict[str, Any] = carenos.to_nosdb(standard)
    assert len(record) == 27
    assert carenos.to_nosdb(carenos.from_nosdb(record)) == record
