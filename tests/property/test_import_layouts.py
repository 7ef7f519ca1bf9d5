"""Generated standards, rendered into each published layout, import back to themselves.

Each family of layouts that ``tests/cases/import/`` holds a real case of has a test-only
renderer (:mod:`tests.support.render_layouts`). A generated standard is rendered, the
rendering is read as the importer reads a file of that kind, and the import must give back
the standard: all of it where the layout prints all of it, else the standard restricted to
what the layout prints (each family's docstring says what that leaves out, and why).

What every family is given (:func:`standards`), because published documents hold nothing
else, or because the text cannot tell it apart:

- texts are words of letters, single-spaced; statements and sub-items start in lower
  case, titles, headings, sentences and metadata values (keywords aside) with a capital;
- a statement with sub-items ends with ``:`` (its lead-in), one without does not;
- no word is one that published documents use for their headings, lead-ins and labels
  (:data:`RESERVED`: a criterion "the skills" would be the Skills heading), and no text is
  made of filler words only ("a", "the of": :data:`FILLER`, which heading words leave out);
- no text ends on a word no sentence ends on (:data:`UNENDING`: a wrapped line ending on
  one goes on), nor on a letter or a small roman numeral, nor starts with a letter other
  than "a" (a line "b. These ..." or "b recording ..." is a lettered list item);
- no two texts are the same, case and a final stop aside (a line that comes back three
  times is a running header);
- every element and knowledge section holds a statement, and only the first of each may
  be untitled (two untitled groups in a row print as one);
- overview paragraphs are one sentence or two, each with a full stop;
- the language is English, and what no layout modelled here prints is empty: behaviours,
  skills, glossary, links, external links, additional information, replaces/replaced by.

A family that the importer gets wrong today is an expected failure whose explicit
examples are the smallest standards that show each bug (:data:`KNOWN_BUGS`), and each bug
is held to failing on its own (:func:`test_known_bug`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args

import pytest
from attrs import evolve, frozen
from hypothesis import HealthCheck, Phase, example, given, note, settings
from hypothesis import strategies as st

import carenos
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
from carenos.importer import analyse, imported
from carenos.io.published import Document, read_document
from carenos.io.published.text import text_document
from carenos.metadata import Category, Status, Validity
from carenos.terms import term_of

from ..support import render_layouts as render
from .strategies import codes

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


RESERVED = _words(
    """
    overview about summary description performance criteria criterion statements
    knowledge understanding understand specification underpinning skills scope range
    values behaviours behaviors behaviour behavior glossary terms key links linked other
    external additional information elements element competence evidence requirements
    specific assessment words concepts guidance notes context sector who applies origin
    explanatory urn nos code unit reference title developed developer version number
    date approved approval review indicative validity status originating organisation
    organization original relevant occupations suite suites business sectors keywords
    soc codes category noscategory you must need will able know show apply practice what
    do following page adherence
    """
)
"""Words of published headings, lead-ins and metadata labels: no generated text uses them."""

FILLER = _words(
    """
    a an and the of to for this that whole unit units in on with your nos standard
    standards related relating section part
    """
)
"""Words that say nothing of a heading ("Knowledge *of the* unit"): every text has another."""

UNENDING = _words(
    """
    a an and or nor but the of to in on at by for from with into onto as that which who
    whom whose where when while if than your their his her its our my this these those
    be is are was were has have had can could may might must should will would not
    including such
    """
)
"""Words no sentence or statement ends on ("... and the"): a wrapped line ending on one goes on."""

_word = st.text(LETTERS, min_size=1, max_size=8).filter(lambda w: w not in RESERVED)
_long_word = st.text(LETTERS, min_size=3, max_size=8).filter(lambda w: w not in RESERVED)


def _ends_well(word: str) -> bool:
    """A word a text may end on: not one a sentence does not end on, and not a letter or a
    roman numeral, which at the start of a wrapped line ("b. These ...") is a list mark."""
    word = word.casefold()
    return (
        word not in UNENDING and len(word) > 1 and word not in ("ii", "iv", "vi", "ix", "xi", "xv")
    )


def _starts_well(word: str) -> bool:
    """A word a text may start with: not a letter other than "a", which before the text of
    a list ("b recording ...") is the letter of a lettered sub-item."""
    return len(word) > 1 or word.casefold() == "a"


def _phrase(first: st.SearchStrategy[str], more: int) -> st.SearchStrategy[str]:
    return (
        st.tuples(first.filter(_starts_well), st.lists(_word, max_size=more))
        .map(lambda t: " ".join([t[0], *t[1]]))
        .filter(lambda text: any(word.casefold() not in FILLER for word in text.split()))
        .filter(lambda text: _ends_well(text.split()[-1]))
    )


statement_texts = _phrase(_word, 14)
"""A criterion, knowledge item or sub-item: lower case, up to 15 words."""

titles = _phrase(_long_word.map(str.capitalize), 7)
"""A title or heading: capitalised, a word of three letters or more first, up to 8 words."""

phrases = _phrase(_word.map(str.capitalize), 7)
"""A right, a value statement, a metadata value: capitalised, no full stop."""

sentences = _phrase(_word.map(str.capitalize), 16).map(lambda s: f"{s}.")
"""A sentence of the overview or the values: capitalised, with a full stop."""

_TERM_VERBS = ("may include", "could include", "are", "is", "may relate to")


@st.composite
def scope_texts(draw: st.DrawFn) -> str:
    """A scope statement: a term defined ("Others are ..."), or a sentence; full stop or not."""
    if draw(st.booleans()):
        term = draw(_phrase(_long_word.map(str.capitalize), 3))
        text = f"{term} {draw(st.sampled_from(_TERM_VERBS))} {draw(statement_texts)}"
    else:
        text = draw(phrases)
    return text + draw(st.sampled_from(["", "."]))


@st.composite
def dates(draw: st.DrawFn) -> str:
    """An ISO date at year, month or day precision."""
    year = str(draw(st.integers(1990, 2035)))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return year
    day = draw(st.none() | st.integers(1, 31))
    return f"{year}-{month:02d}" if day is None else f"{year}-{month:02d}-{day:02d}"


class _Fresh:
    """Draws texts no other text of the standard has (case and a final stop aside)."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.used: set[str] = set()

    def __call__(self, strategy: st.SearchStrategy[str]) -> str:
        text = self.draw(strategy.filter(lambda t: self.key(t) not in self.used))
        self.used.add(self.key(text))
        return text

    @staticmethod
    def key(text: str) -> str:
        """Texts are the same where they differ only in case or a final stop or colon."""
        return text.casefold().rstrip(".:")

    def several(self, strategy: st.SearchStrategy[str], low: int, high: int) -> tuple[str, ...]:
        return tuple(self(strategy) for _ in range(self.draw(st.integers(low, high))))


def _metadata(draw: st.DrawFn, fresh: _Fresh, code: str) -> Metadata | None:
    def maybe(strategy: st.SearchStrategy[str]) -> str | None:
        return fresh(strategy) if draw(st.booleans()) else None

    metadata = Metadata(
        developed_by=maybe(titles),
        version=draw(st.none() | st.integers(1, 999)),
        date_approved=draw(st.none() | dates()),
        indicative_review_date=draw(st.none() | dates()),
        validity=draw(st.none() | st.sampled_from(get_args(Validity))),
        status=draw(st.none() | st.sampled_from(get_args(Status))),
        category=draw(st.none() | st.sampled_from(get_args(Category))),
        originating_organisation=maybe(titles),
        original_urn=maybe(codes.filter(lambda urn: urn != code)),
        relevant_occupations=fresh.several(titles, 0, 3),
        suites=fresh.several(titles, 0, 2),
        keywords=fresh.several(statement_texts, 0, 3),
        soc_codes=fresh.several(st.from_regex(r"[1-9][0-9]{3}", fullmatch=True), 0, 2),
    )
    return None if metadata == Metadata() else metadata


@st.composite
def standards(draw: st.DrawFn) -> Standard:
    """Standards that the published layouts can print (see the module)."""
    fresh = _Fresh(draw)
    code = draw(codes)
    title = fresh(titles)
    overview = "\n".join(
        " ".join(fresh.several(sentences, 1, 2)) for _ in range(draw(st.integers(1, 3)))
    )
    counts = draw(st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda c: c[0] + c[1] > 0))

    def statements(prefix: str, start: int) -> list[tuple[str, str, tuple[str, ...]]]:
        found = []
        for number in range(start, start + draw(st.integers(1, 4))):
            subs = fresh.several(statement_texts, 0, 3) if draw(st.integers(0, 3)) == 0 else ()
            text = fresh(statement_texts)
            found.append((f"{prefix}{number}", f"{text}:" if subs else text, subs))
        return found

    def groups(prefix: str, count: int) -> list[tuple[str | None, list[Any]]]:
        found: list[tuple[str | None, list[Any]]] = []
        number = 1
        for index in range(count):
            heading = fresh(titles) if index or draw(st.booleans()) else None
            members = statements(prefix, number)
            number += len(members)
            found.append((heading, members))
        return found

    elements = tuple(
        Element(t, tuple(PerformanceCriterion(i, x, sub_items=s) for i, x, s in members))
        for t, members in groups("P", counts[0])
    )
    knowledge = tuple(
        KnowledgeSection(t, tuple(KnowledgeItem(i, x, sub_items=s) for i, x, s in members))
        for t, members in groups("K", counts[1])
    )

    def scope_list() -> tuple[ScopeStatement, ...]:
        texts = fresh.several(scope_texts(), 0, 2) if draw(st.booleans()) else ()
        return tuple(ScopeStatement(text, term_of(text)) for text in texts)

    scope = Scope(scope_list(), scope_list(), scope_list())
    form = draw(st.sampled_from(["none", "rights", "statements"]))
    values = None
    if form == "rights":
        rights = fresh.several(phrases, 0, 3)
        intro = fresh(sentences) + (" These include the rights:" if rights else "")
        values = Values(intro, rights)
    elif form == "statements":
        values = Values(statements=fresh.several(phrases, 1, 3))
    assigned: list[Literal["P", "K"]] = []  # bullets, not printed ids, where the layout can
    bullets: tuple[bool, bool] = draw(st.tuples(st.booleans(), st.booleans()))
    if elements and bullets[0]:
        assigned.append("P")
    if knowledge and bullets[1]:
        assigned.append("K")
    return Standard(
        code,
        title,
        overview,
        elements,
        knowledge,
        scope,
        values,
        _metadata(draw, fresh, code),
        assigned_ids=tuple(assigned),
    )


# -- restrictions: a standard as far as a layout prints it ------------------------------------


def ids_printed(standard: Standard) -> Standard:
    """The layout prints the ids (``P1``) or numbers that run 1..n: none are assigned."""
    return evolve(standard, assigned_ids=())


def ids_assigned(standard: Standard) -> Standard:
    """The layout prints bullets: carenos numbers every kind of statement there is."""
    kinds: list[Literal["P", "K"]] = []
    if standard.criteria:
        kinds.append("P")
    if standard.knowledge_items:
        kinds.append("K")
    return evolve(standard, assigned_ids=tuple(kinds))


def one_list(standard: Standard) -> Standard:
    """The layout prints one list of criteria and one of knowledge: no titles, no headings."""
    criteria, items = standard.criteria, standard.knowledge_items
    return evolve(
        standard,
        elements=(Element(None, criteria),) if criteria else (),
        knowledge=(KnowledgeSection(None, items),) if items else (),
    )


def flat(standard: Standard) -> Standard:
    """The layout's lists are flat: no sub-items."""
    return evolve(
        standard,
        elements=tuple(
            evolve(
                e,
                performance_criteria=tuple(evolve(p, sub_items=()) for p in e.performance_criteria),
            )
            for e in standard.elements
        ),
        knowledge=tuple(
            evolve(s, items=tuple(evolve(k, sub_items=()) for k in s.items))
            for s in standard.knowledge
        ),
    )


def no_scope_or_values(standard: Standard) -> Standard:
    """The layout shows no scope and no values (the page ends with the knowledge)."""
    return evolve(standard, scope=Scope(), values=None)


def only_metadata(*fields: str) -> Callable[[Standard], Standard]:
    """The layout prints only these metadata ``fields``."""

    def restrict(standard: Standard) -> Standard:
        old = standard.metadata or Metadata()
        kept = Metadata(**{name: getattr(old, name) for name in fields})
        return evolve(standard, metadata=None if kept == Metadata() else kept)

    return restrict


def full_stops(standard: Standard) -> Standard:
    """Paragraphs that no mark starts (scope statements, rights, the values' list) end with a
    full stop: in wrapped text whose paragraphs are not spaced apart, a paragraph that ends
    without one on a full line is not told from a line that wraps."""

    def stop(text: str) -> str:
        return text if text.endswith(".") else f"{text}."

    scope = Scope(
        *(
            tuple(ScopeStatement(stop(s.text), s.term) for s in getattr(standard.scope, key))
            for key in ("performance_criteria", "knowledge", "general")
        )
    )
    values = standard.values
    if values is not None:
        values = evolve(
            values,
            rights=tuple(stop(r) for r in values.rights),
            statements=tuple(stop(s) for s in values.statements),
        )
    return evolve(standard, scope=scope, values=values)


def sentence_paragraphs(standard: Standard) -> Standard:
    """Each paragraph of the overview is one sentence: where a wrapped line ends a sentence
    and the next starts one, the text layer does not say whether a paragraph ended there."""
    return evolve(standard, overview=standard.overview.replace(". ", ".\n"))


header_metadata = only_metadata("suites", "developed_by", "date_approved")
"""The NOS finder page's header: suites, developer, approval date."""


# -- importing --------------------------------------------------------------------------------


def _as_dicts(standards: tuple[Standard, ...]) -> list[dict[str, Any]]:
    return [carenos.to_dict(standard) for standard in standards]


def imports_to(
    document: Document, expected: Standard, *, code: str | None = None, title: str | None = None
) -> None:
    """Importing ``document`` gives ``expected`` (and the account of each line is noted)."""
    note(analyse(document, title_given=title is not None).explain())
    got = imported(document, code, title).standards
    assert _as_dicts(got) == _as_dicts((expected,))
    assert got == (expected,)


def _file(data: str | bytes, suffix: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"standard{suffix}"
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return read_document(path)


TEXT = settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- the families: each renders a standard and imports it back ---------------------------------


def seed_layout(standard: Standard) -> None:
    """Word's text extract (the seed layout) prints everything generated but the code and
    title (in the page header, not in the text: given on import); ids are printed."""
    expected = ids_printed(standard)
    text = render.seed_text(expected)
    note(text)
    imports_to(text_document(text), expected, code=standard.code, title=standard.title)


def nosdb_page_with_blank_lines(standard: Standard) -> None:
    """The NOS finder page copied with blank lines prints one numbered list of criteria and
    one of knowledge (no element titles, no knowledge headings; numbers 1..n are the ids),
    only the header's metadata (suites, developer, approval date), no scope and no values
    (the page's foot was in no stored copy)."""
    expected = ids_printed(one_list(no_scope_or_values(header_metadata(standard))))
    text = render.nosdb_page_blank_lines(expected)
    note(text)
    imports_to(text_document(text), expected)


def nosdb_page_without_blank_lines(standard: Standard) -> None:
    """The NOS finder page copied without blank lines: as with blank lines, but the lists are
    bullets, so the ids are carenos's (``assigned_ids``)."""
    expected = ids_assigned(one_list(no_scope_or_values(header_metadata(standard))))
    text = render.nosdb_page_no_blank_lines(expected)
    note(text)
    imports_to(text_document(text), expected)


def nosdb_page_2026(standard: Standard) -> None:
    """A 2026 NOS finder page: as without blank lines, and its bullet lists are flat (no
    sub-items)."""
    expected = ids_assigned(flat(one_list(no_scope_or_values(header_metadata(standard)))))
    text = render.nosdb_page_2026(expected)
    note(text)
    imports_to(text_document(text), expected)


def sfh_tools_page(standard: Standard) -> None:
    """The Skills for Health tools page prints one numbered list of knowledge and one of
    criteria (numbers 1..n are the ids), only the version of the metadata, no scope and no
    values."""
    expected = ids_printed(one_list(no_scope_or_values(only_metadata("version")(standard))))
    text = render.sfh_tools_page(expected)
    note(text)
    imports_to(text_document(text), expected)


def nosdb_page_html(standard: Standard) -> None:
    """The NOS finder page saved as HTML prints only the header's metadata, no scope and no
    values; element titles and knowledge headings (``h3``), sub-items and printed or
    assigned ids (``<ol>``/``<ul>``) it prints."""
    expected = no_scope_or_values(header_metadata(standard))
    page = render.nosdb_page_html(expected)
    note(page)
    imports_to(_file(page, ".html"), expected)


def word_document(standard: Standard) -> None:
    """A Word document with Word's own list numbering prints everything generated."""
    imports_to(_file(render.word_document(standard), ".docx"), standard)


def pdf(standard: Standard) -> None:
    """A PDF (wrapped lines, running header, page footer) prints everything generated, the
    ids as ``P1``/``K1``, except what its text layer cannot tell apart: the overview's
    paragraphs are single sentences and unmarked paragraphs end with a full stop
    (:func:`sentence_paragraphs`, :func:`full_stops`)."""
    expected = sentence_paragraphs(full_stops(ids_printed(standard)))
    pages = render.pdf_pages(expected)
    note("\n--- page break ---\n".join("\n".join(t for _, t in page) for page in pages))
    imports_to(_file(render.pdf_document(expected), ".pdf"), expected)


FAMILIES: dict[str, Callable[[Standard], None]] = {
    check.__name__: check
    for check in (
        seed_layout,
        nosdb_page_with_blank_lines,
        nosdb_page_without_blank_lines,
        nosdb_page_2026,
        sfh_tools_page,
        nosdb_page_html,
        word_document,
        pdf,
    )
}


# -- what the importer gets wrong today: the smallest standard that shows it ------------------


def _k(number: int, text: str, *sub_items: str) -> KnowledgeItem:
    return KnowledgeItem(f"K{number}", text, sub_items=sub_items)


def _p(number: int, text: str, *sub_items: str) -> PerformanceCriterion:
    return PerformanceCriterion(f"P{number}", text, sub_items=sub_items)


def _knowing(*items: KnowledgeItem, title: str = "Care for catheters", **fields: Any) -> Standard:
    """A standard of one untitled knowledge list (and ``fields``)."""
    return Standard(
        "AB12",
        title,
        fields.pop("overview", "Catheter care matters."),
        (),
        (KnowledgeSection(None, items),),
        **fields,
    )


@frozen
class Bug:
    """A failure of the importer on a family's rendering of ``standard`` (minimal)."""

    family: str
    name: str
    standard: Standard
    what: str
    """Expected, and what the importer made of it."""


_ORDINALS = sorted(
    _words(
        """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteen fourteen fifteen sixteen eighteen nineteen twenty forty fifty sixty seventy
    eighty ninety hundred
        """
    )
)
_WRAPPED = "agree with individuals and others the purpose of the group activities planned today"

KNOWN_BUGS = (
    Bug(
        "nosdb_page_without_blank_lines",
        "copied page read as wrapped",
        _knowing(
            _k(1, "the law on consent"),
            _k(2, "how to keep good records of care"),
            _k(3, "the main signs:", "infection"),
        ),
        "a copied page (a line per paragraph) is taken for wrapped text where many of its "
        "lines are near the longest (the real HSCCLD220 page measures as wrapped at 136): "
        "the lead-in 'the main signs:' that the page prints without a bullet is joined to the "
        "bullet line before it: got K2 'how to keep good records of care the main signs:', "
        "K3 'infection' (no sub-items)",
    ),
    Bug(
        "nosdb_page_without_blank_lines",
        "nested statement first",
        _knowing(
            _k(1, "why consent matters:", "moving individuals"),
            _k(2, "how to obtain consent"),
            _k(3, "how to record consent"),
        ),
        "where the list starts with the nested statement (no bullet, then its '- ' "
        "sub-items, then the unbulleted statement after it), every later '- ' statement is "
        "read as a sub-item of that one: got K2 'how to obtain consent' with sub_items "
        "['how to record consent'], no K3",
    ),
    Bug(
        "nosdb_page_2026",
        "date on the next line",
        _knowing(_k(1, "the law on consent"), metadata=Metadata(date_approved="2026-03-30")),
        "'Approved:' with its value '30 Mar 2026' on the next line: the value is read as "
        "list item 30 ('Mar 2026', outside the standard) and the overview paragraph as the "
        "date: ImportTextError 'found no overview text'",
    ),
    Bug(
        "sfh_tools_page",
        "short page read as double-spaced",
        Standard(
            "GEN97",
            "Communicate well",
            "Communication matters.",
            (Element(None, (_p(1, "communicate in these ways:", "slowly and clearly"),)),),
            (KnowledgeSection(None, (_k(1, "why replies matter"), _k(2, "how to listen"))),),
        ),
        "nearly every line of a short page is followed by a blank line, so the page is taken "
        "for double-spaced viewer text and blank lines stop separating: the overview "
        "'Communication matters.' (after two blank lines) is joined to the header line "
        "'GEN97 Communicate well': ImportTextError 'found no overview text'",
    ),
    Bug(
        "word_document",
        "values after a bullet list",
        _knowing(
            _k(1, "the law on consent"),
            values=Values(statements=("Respect for dignity",)),
            assigned_ids=("K",),
        ),
        "a bulleted knowledge list, then the 'Values' heading (Heading 2) and the values "
        "as bullets: 'Values' is read as a knowledge heading and its bullets as knowledge "
        "items: got knowledge [{items: [K1]}, {heading: 'Values', items: [K2 'Respect for "
        "dignity']}], no values",
    ),
    Bug(
        "word_document",
        "List Bullet 2 under List Bullet",
        Standard(
            "AB12",
            "Care for catheters",
            "Catheter care matters.",
            (Element(None, (_p(1, "explain why consent matters:", "moving individuals"),)),),
            (),
            assigned_ids=("P",),
        ),
        "a sub-item styled 'List Bullet 2' (Word's second-level bullet style: a list of its "
        "own, indented by the style) under a 'List Bullet' criterion: the reader gives it "
        "level 0 and the same bullet, so it is read as a criterion: got P1 'explain why "
        "consent matters:' (no sub-items), P2 'moving individuals'",
    ),
    Bug(
        "pdf",
        "short document not seen as wrapped",
        _knowing(_k(1, _WRAPPED), _k(2, "how to record consent")),
        "K1 wraps onto a second line ('planned today'); too few of the document's lines are full "
        "for the importer to see that its lines are wrapped, so it is not joined: "
        "UnaccountedLinesError (line 7 'planned today' fits nowhere)",
    ),
    Bug(
        "pdf",
        "last wrapped line dropped",
        _knowing(_k(1, _WRAPPED)),
        "as above with the wrapped statement last: its second line is reported outside "
        "the standard and the import succeeds with K1 cut short ('... group activities', "
        "without 'planned today'): text lost without an error",
    ),
    Bug(
        "pdf",
        "element title joined to a full line",
        Standard(
            "AB12",
            "Promote group activities",
            "This standard covers group activities.",
            (
                Element(
                    None,
                    (
                        _p(
                            1,
                            "agree with individuals and others the purpose and goals of the "
                            "group activities",
                        ),
                        _p(
                            2,
                            "obtain the details required to carry out each activity "
                            "safely and well",
                        ),
                    ),
                ),
                Element(
                    "Promote participation",
                    (
                        _p(
                            3,
                            "support each individual to see the benefits of the group activity",
                        ),
                        _p(
                            4,
                            "praise the successes of individuals and of the group as a "
                            "whole when due",
                        ),
                    ),
                ),
            ),
            (),
        ),
        "P2 fills its line; the element title after it, 'Promote participation', is read as "
        "the rest of P2: got one untitled element, P2 'obtain ... safely and well Promote "
        "participation'",
    ),
    Bug(
        "pdf",
        "scope lead-in taken for a footer",
        _knowing(
            _k(1, "the law on consent"),
            scope=Scope(
                (ScopeStatement("Consent matters.", None),),
                (ScopeStatement("Records matter.", None),),
            ),
        ),
        "the template's sentence under both scope headings wraps over three lines; near the "
        "foot of the page its last line, printed twice, is taken for a running footer and "
        "the rest no longer reads as the lead-in: got scope.knowledge ['The details in this "
        "field ... they are not to be Records matter.'] (the footer line dropped)",
    ),
    Bug(
        "pdf",
        "status value joined to the next label",
        _knowing(
            _k(1, "the law on consent"),
            metadata=Metadata(status="Original", original_urn="HSC393"),
        ),
        "the metadata table's cells come out one a line: 'Status', 'Original', 'Original "
        "URN', 'HSC393'; 'Original' and 'Original URN' are joined as one wrapped label "
        "('original urn' again), so 'HSC393' becomes the status: ImportTextError "
        "\"/metadata/status: 'HSC393' is not one of Original, Tailored, Imported\"",
    ),
    Bug(
        "pdf",
        "text starting with the running title cut",
        _knowing(
            *(
                _k(n, f"how to carry out task {w}")
                for n, w in enumerate(
                    _ORDINALS,
                    start=1,
                )
            ),
            title="Promote group activities",
            overview="Promote group activities is the aim of this standard.",
        ),
        "with the running header 'AB12 Promote group activities' on two pages, any line that "
        "starts with the title loses it as a 'running title': got overview 'is the aim of "
        "this standard.'",
    ),
    Bug(
        "seed_layout",
        "a value that is a label's word",
        _knowing(_k(1, "the law on consent"), values=Values(statements=("Replaces",))),
        "the values' bullet '\u2022\tReplaces' is read as the label 'Replaces' with its "
        "value on the next line: the import has no values",
    ),
    Bug(
        "pdf",
        "date value read as a list item",
        _knowing(_k(1, "the law on consent"), metadata=Metadata(date_approved="2021-03-30")),
        "the table's value '30 March 2021' under 'Date approved' is read as list item 30 "
        "and reported outside the standard: the import succeeds with no date_approved",
    ),
)
"""Each failure these properties found, on the smallest standard that shows it, now fixed:
each runs first as an explicit example of its family, and :func:`test_known_bug` holds it
on its own (a regression names the bug)."""


def family(name: str) -> Callable[[Callable[[Standard], None]], Any]:
    """The property test of family ``name``, with the bugs found in it as explicit examples."""
    bugs = [bug for bug in KNOWN_BUGS if bug.family == name]
    chosen = FILES if name in ("word_document", "pdf") else TEXT

    def decorate(test: Callable[[Standard], None]) -> Any:
        wrapped: Any = given(standards())(test)
        for bug in bugs:
            wrapped = example(bug.standard)(wrapped)
        return chosen(wrapped)

    return decorate


@family("seed_layout")
def test_seed_layout(standard: Standard) -> None:
    seed_layout(standard)


@family("nosdb_page_with_blank_lines")
def test_nosdb_page_with_blank_lines(standard: Standard) -> None:
    nosdb_page_with_blank_lines(standard)


@family("nosdb_page_without_blank_lines")
def test_nosdb_page_without_blank_lines(standard: Standard) -> None:
    nosdb_page_without_blank_lines(standard)


@family("nosdb_page_2026")
def test_nosdb_page_2026(standard: Standard) -> None:
    nosdb_page_2026(standard)


@family("sfh_tools_page")
def test_sfh_tools_page(standard: Standard) -> None:
    sfh_tools_page(standard)


@family("nosdb_page_html")
def test_nosdb_page_html(standard: Standard) -> None:
    nosdb_page_html(standard)


@family("word_document")
def test_word_document(standard: Standard) -> None:
    word_document(standard)


@family("pdf")
def test_pdf(standard: Standard) -> None:
    pdf(standard)


@pytest.mark.parametrize(
    "bug",
    [pytest.param(bug, id=f"{bug.family}-{bug.name.replace(' ', '-')}") for bug in KNOWN_BUGS],
)
def test_known_bug(bug: Bug) -> None:
    @settings(max_examples=1, deadline=None, database=None, phases=[Phase.generate])
    @given(st.just(bug.standard))
    def run(standard: Standard) -> None:
        FAMILIES[bug.family](standard)

    run()


def test_the_known_bugs_keep_to_what_the_strategy_makes() -> None:
    """The bugs' examples are standards :func:`standards` could make (see the module)."""
    for bug in KNOWN_BUGS:
        standard = bug.standard
        texts = [
            standard.title,
            *standard.overview.split("\n"),
            *(e.title for e in standard.elements if e.title is not None),
            *(t for s in standard.statements() for t in (s.text, *s.sub_items)),
            *(
                s.text
                for key in ("performance_criteria", "knowledge", "general")
                for s in getattr(standard.scope, key)
            ),
        ]
        for text in texts:
            words = text.casefold().rstrip(".:").split()
            assert not set(words) & RESERVED, (bug.name, text)
            assert set(words) - FILLER, (bug.name, text)
            assert _starts_well(words[0]), (bug.name, text)
            assert _ends_well(words[-1]), (bug.name, text)
        assert len({_Fresh.key(text) for text in texts}) == len(texts), bug.name
