"""Text helpers: normal forms for matching one statement across standards, whitespace, counts."""

from __future__ import annotations

import difflib
import functools
import re

__all__ = [
    "STOPWORDS",
    "content_tokens",
    "field_text",
    "normal_form",
    "plural",
    "slug",
    "split_list",
    "squash_spaces",
    "word_diff",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": "",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "for",
        "from",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "what",
        "when",
        "where",
        "which",
        "who",
        "with",
        "within",
        "you",
        "your",
    }
)
"""Words too common to tell statements apart."""


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an ``s`` unless ``count`` is one (``3 standards``)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def squash_spaces(text: str) -> str:
    """``text`` with each run of whitespace (spaces, tabs, NBSP, line breaks) as one space, trimmed.

    How carenos keeps texts: the importer stores statements so, CN301 flags texts that
    are not, and normal forms start from it.
    """
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 16)
def normal_form(text: str) -> str:
    """``text`` with case, whitespace, quote and dash characters and final full stops normalised.

    Two statements are the same (an ``exact`` match) when their normal forms are equal.
    Cached: shared statements recur across a corpus.
    """
    if not text.isascii() or "`" in text:
        text = text.translate(_QUOTES)
    return squash_spaces(text.casefold()).rstrip(". ")


def content_tokens(normal: str) -> list[str]:
    """The words of a normal form that are not stopwords, in order."""
    return [word for word in _WORD.findall(normal) if word not in STOPWORDS]


def slug(text: str, words: int = 4) -> str:
    """A readable id part from the first content words of ``text``: ``equality-diversity``."""
    tokens = [t.replace("'", "") for t in content_tokens(normal_form(text))]
    return "-".join(tokens[:words]) or "statement"


def word_diff(old: str, new: str) -> str:
    """The words that differ between two texts, e.g. ``'requirement' vs 'requirements'``."""
    a, b = old.split(), new.split()
    # the words both begin and end with are equal: difflib aligns what lies between, as
    # diff tools do (a near twin differs in a word or two: the rest costs nothing)
    start, shorter = 0, min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    end = 0
    while end < shorter - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "replace":
            parts.append(f"{left!r} vs {right!r}")
        elif tag == "delete":
            parts.append(f"{left!r} missing")
        else:
            parts.append(f"{right!r} added")
    return "; ".join(parts) or "only spacing, case or punctuation differ"


def split_list(value: str) -> tuple[list[str], int]:
    """Split a list cell on ``;`` (or on ``,`` where it has no ``;``); also count empty parts.

    Splitting on ``;`` first keeps items such as "Health, Public Services and Care" whole.
    """
    separator = ";" if ";" in value else ","
    parts = [squash_spaces(part) for part in value.split(separator)]
    kept = [part for part in parts if part]
    return kept, len(parts) - len(kept)


def field_text(value: object) -> str | None:
    """A field's value as one text: a list joined by ``"; "`` (as published), ``None`` for
    an unset or empty one."""
    if value is None or value == ():
        return None
    if isinstance(value, tuple):
        return "; ".join(str(part) for part in value)
    return str(value)
