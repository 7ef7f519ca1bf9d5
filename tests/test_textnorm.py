"""Normal forms and word differences used by the mapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carenos.textnorm import normal_form, slug, word_diff


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the individual\u2019s cultural context", "the individual's cultural context"),
        ("Person-centred working.", "person\u2013centred   working"),
        ("  how to  challenge\tpoor practice ", "How to challenge poor practice."),
        ("\u201cquoted\u201d text", '"quoted" text'),
    ],
)
def test_same_normal_form(a: str, b: str) -> None:
    assert normal_form(a) == normal_form(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("legal requirements", "legal requirement"),
        ("how to challenge poor practice", "how to report poor practice"),
        ("safe-guarding", "safeguarding"),
    ],
)
def test_different_normal_form(a: str, b: str) -> None:
    assert normal_form(a) != normal_form(b)


@given(st.text())
def test_normal_form_is_idempotent(text: str) -> None:
    assert normal_form(normal_form(text)) == normal_form(text)


def test_slug_uses_first_content_words() -> None:
    assert slug("legal and work setting requirements on equality, diversity") == (
        "legal-work-setting-requirements"
    )
    assert slug("the individual\u2019s cultural and language context", words=3) == (
        "individuals-cultural-language"
    )
    assert slug("and the of") == "statement"


def test_word_diff_names_the_changed_words() -> None:
    assert word_diff("legal requirements on rights", "legal requirement on rights") == (
        "'requirements' vs 'requirement'"
    )
    assert word_diff("a b c", "a c") == "'b' missing"
    assert word_diff("a c", "a b c") == "'b' added"
    assert word_diff("A b.", "a  b") == "'A b.' vs 'a b'"


_WORDS = st.lists(st.sampled_from(["care", "the", "of", "rights", "and", "law"]), max_size=6)


@given(_WORDS, _WORDS, _WORDS, _WORDS)
def test_word_diff_names_one_changed_stretch_between_equal_words(
    before: list[str], old: list[str], new: list[str], after: list[str]
) -> None:
    """A near twin differs in one stretch: that stretch is what is named, whatever the
    equal words around it repeat."""
    old_text, new_text = " ".join(before + old + after), " ".join(before + new + after)
    shown = word_diff(old_text, new_text)
    if old_text == new_text:
        assert shown == "only spacing, case or punctuation differ"
        return
    # every word named is one of the changed stretch's
    named = {w for part in shown.split("; ") for w in part.replace("'", " ").split()}
    assert named - {"vs", "missing", "added"} <= set(old) | set(new)


def test_word_diff_of_two_stretches_names_both() -> None:
    assert (
        word_diff(
            "support the individual to make choices about their care",
            "help the individual to make decisions about their care",
        )
        == "'support' vs 'help'; 'choices' vs 'decisions'"
    )
