"""Rendered Markdown shows each text as it is held: a CommonMark parser (markdown-it-py)
reads an escaped text, in a paragraph and in a list item, back to the same characters."""

from __future__ import annotations

import html
import re

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from carenos.views.markdown import escape_markdown

_PARSER = MarkdownIt("commonmark")
_TAG = re.compile(r"<[^>]+>")

_MARKUP = "&*_[]()<>`#-+=|~!\\.:;0123456789 \t"
texts = (
    st.text(
        alphabet=st.one_of(
            st.sampled_from(_MARKUP + "abcABC;x"),
            st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        ),
        min_size=1,
        max_size=60,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


_HARD = (
    "&copy;",
    "&#35; x",
    "1. x",
    "1) x",
    "- x",
    "+ x",
    "* x",
    "> x",
    "# x",
    "---",
    "***",
    "===",
    "x\\",
    "a\\*b",
    "<!-- c -->",
    "<div>",
    "`a`",
    "~~~",
    "a | b",
    "[a]: b",
    "https://e.org",
)


def _shown(markdown: str) -> str:
    """The text a reader sees: the rendered HTML without its tags, entities decoded."""
    return html.unescape(_TAG.sub("", _PARSER.render(markdown))).strip()


@given(texts)
@example("&copy;").via("an entity")
def test_a_paragraph_shows_the_text(text: str) -> None:
    assert _shown(escape_markdown(text)) == text


@given(texts)
@example("1. x").via("a list marker")
def test_a_list_item_shows_the_text(text: str) -> None:
    assert _shown(f"- {escape_markdown(text)}") == text


def test_the_hard_cases_show_as_held() -> None:
    for text in _HARD:
        assert _shown(escape_markdown(text)) == text, text
        assert _shown(f"- {escape_markdown(text)}") == text, text


def test_markup_is_escaped() -> None:
    assert escape_markdown("*a* _b_ [c](d) <e> `f`") == r"\*a\* \_b\_ \[c\](d) \<e\> \`f\`"
    assert escape_markdown("# not a heading") == r"\# not a heading"
    assert escape_markdown("1. not a list") == r"1\. not a list"
    assert escape_markdown("know this\n- and that\n2) too") == "know this\n\\- and that\n2\\) too"
