"""How two versions of one text compare: the editorial form, a similarity score, marked words.

Two texts are the same words (an ``editorial`` change at most) when their editorial forms
are equal: case, whitespace, punctuation, quotes and dashes, hyphens in compounds
("well-being", "wellbeing"), British and American spellings, a few typing slips (a doubled
or undoubled letter, letters swapped) and a change of list markers do not count. Anything
else is a rewording, scored from 0 to 100.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from rapidfuzz import fuzz

from ..textnorm import normal_form

__all__ = [
    "editorial_form",
    "marked_words",
    "same_words",
    "similarity",
]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# American and other variant spellings, with the British form carenos compares them as.
_VARIANTS = {
    "behavior": "behaviour", "behaviors": "behaviours", "behavioral": "behavioural",
    "color": "colour", "colors": "colours", "honor": "honour", "favor": "favour",
    "favorable": "favourable", "labor": "labour", "neighbor": "neighbour",
    "neighborhood": "neighbourhood", "rumor": "rumour", "humor": "humour",
    "center": "centre", "centers": "centres", "centered": "centred", "meter": "metre",
    "program": "programme", "programs": "programmes", "judgment": "judgement",
    "judgments": "judgements", "acknowledgment": "acknowledgement",
    "acknowledgments": "acknowledgements", "license": "licence", "defense": "defence",
    "offense": "offence", "practise": "practice", "practised": "practiced",
    "practising": "practicing", "catalog": "catalogue", "dialog": "dialogue",
    "analog": "analogue", "fulfill": "fulfil", "fulfills": "fulfils",
    "fulfillment": "fulfilment", "enroll": "enrol", "enrollment": "enrolment",
    "skillful": "skilful", "willful": "wilful", "aging": "ageing", "gray": "grey",
    "whilst": "while", "amongst": "among", "learnt": "learned", "spelt": "spelled",
    "towards": "toward", "afterwards": "afterward", "ok": "okay",
    "e": "", "g": "", "eg": "", "ie": "", "etc": "",
}  # fmt: skip
# -ize/-yze forms and their inflections, spelt -ise/-yse.
_IZE = re.compile(r"(?<=[a-z]{2})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")


def _spelling(word: str) -> str:
    word = _VARIANTS.get(word, word)
    if "z" in word:
        word = _IZE.sub(r"\1s\2", word)
    return word


# Markers of a list run into a statement's text ("are: a. ... b. ..."), dropped where
# there are two or more of them: a change of marker style is editorial.
_MARKER = re.compile(r"(?:(?<=\s)|^)\(?(?:[a-h]|[ivx]{1,4}|[0-9]{1,2})[.)](?=\s)")


def _plain(text: str) -> str:
    """The normal form of ``text`` without accents, apostrophes, list markers; ``&`` as and."""
    text = normal_form(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if len(_MARKER.findall(text)) >= 2:
        text = _MARKER.sub(" ", text)
    return text.replace("'", "").replace("&", " and ")


@functools.lru_cache(maxsize=1 << 15)
def editorial_form(text: str) -> str:
    """``text`` with everything an editorial change may alter taken out.

    Case, spacing, punctuation, quotes, dashes and hyphens, accents and ligatures, and
    variant spellings (``-ize``/``-ise``, ``behavior``/``behaviour``, the list in this
    module); the words are joined without spaces, so compounds written open, closed or
    hyphenated compare equal.
    """
    return "".join(_spelling(word) for word in _TOKEN.findall(_plain(text)))


def _slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by a doubled letter, two neighbours swapped, or (in a
    word of seven letters or more) letters out of order between the same first and last."""
    if a == b:
        return True
    if len(a) >= 7 and a[0] == b[0] and a[-1] == b[-1] and sorted(a) == sorted(b):
        return True  # critiera / criteria
    short, long_ = sorted((a, b), key=len)
    if len(long_) == len(short) + 1:  # accomodation / accommodation
        for i in range(len(long_)):
            if long_[:i] + long_[i + 1 :] == short:
                return (i > 0 and long_[i - 1] == long_[i]) or (
                    i + 1 < len(long_) and long_[i + 1] == long_[i]
                )
        return False
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]  # recieve / receive
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


def _words(text: str) -> list[str]:
    return [w for w in (_spelling(word) for word in _TOKEN.findall(_plain(text))) if w]


def same_words(old: str, new: str) -> bool:
    """Whether ``old`` and ``new`` differ only editorially (see the module's rules)."""
    if editorial_form(old) == editorial_form(new):
        return True
    a, b = _words(old), _words(new)
    if len(a) != len(b):
        return False
    slips = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return 0 < len(slips) <= 2 and all(min(len(x), len(y)) >= 5 and _slip(x, y) for x, y in slips)


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 100 (as ``carenos map`` scores): the better of
    rapidfuzz's ``ratio`` and ``token_sort_ratio`` (the same words in another order) on
    their normal forms, to one decimal."""
    a, b = normal_form(old), normal_form(new)
    if a == b:
        return 100.0
    return round(max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)), 1)


def marked_words(old: str, new: str) -> str:
    """``new`` with the words that changed marked as ``git diff --word-diff`` marks them:
    ``[-removed-]`` and ``{+added+}``."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.extend(a[i1:i2])
            continue
        if i2 > i1:
            parts.append(f"[-{' '.join(a[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{' '.join(b[j1:j2])}+}}")
    return " ".join(parts)
