"""A standard as Markdown (CommonMark), for review in a repository, a wiki or a pull request.

Texts are escaped where Markdown would read them as markup (``*``, ``_``, ``[`` ..., a
``#`` or a list marker at the start of a line, inline HTML), so the page shows each text
as it is held.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..model import Standard
from .html import environment, standard_context

__all__ = ["escape_markdown", "render_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LINE_START = re.compile(r"^([ \t]*)(?:([>+=-])|(\d+)([.)]))", re.MULTILINE)


def _start(found: re.Match[str]) -> str:
    if found.group(2):
        return f"{found.group(1)}\\{found.group(2)}"
    return f"{found.group(1)}{found.group(3)}\\{found.group(4)}"


def escape_markdown(text: str) -> str:
    """``text`` with what CommonMark reads as markup escaped by backslashes."""
    return _LINE_START.sub(_start, _INLINE.sub(r"\\\1", text))


@functools.cache
def _environment() -> Any:
    """The HTML environment's templates, without HTML escaping, with the ``md`` filter."""
    env = environment().overlay(autoescape=False)
    env.filters["md"] = escape_markdown
    return env


def render_markdown(standard: Standard) -> str:
    """The standard as one Markdown document."""
    context = standard_context(standard, anchors=False)
    return str(_environment().get_template("standard.md.j2").render(context))
