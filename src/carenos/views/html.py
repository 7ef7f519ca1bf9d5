"""A standard as a web page: the NOS database's layout, from Jinja2 templates, escaped.

The page stands alone (its stylesheet inline, no script, no request to anywhere) and reads
back through the importer's HTML reader to the same standard.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from attrs import frozen

from ..errors import ContentError
from ..model import Standard
from .labels import labels_for
from .rows import header_rows, metadata_rows

__all__ = [
    "SharedLink",
    "carenos_version",
    "environment",
    "linkable",
    "render_html",
    "rendering",
    "standard_context",
    "stylesheet",
]


@frozen
class SharedLink:
    """Where a statement's shared statement is (``href``), and what to say of it (``title``)."""

    href: str
    title: str


@contextmanager
def rendering(standard: Standard, what: str) -> Iterator[None]:
    """A text the view cannot write (a lone surrogate from a JSON escape, a character
    Word refuses) as a :class:`~carenos.errors.ContentError` that names the standard,
    not a traceback; ``carenos validate`` says which text and where."""
    try:
        yield
    except (ValueError, TypeError, UnicodeError) as error:
        raise ContentError(
            f"{standard.code} cannot be written as {what}: {error} "
            "(carenos validate names the text)",
            source=standard.code,
        ) from None


@functools.cache
def environment() -> Any:
    """The Jinja2 environment of carenos's templates (autoescaping on for HTML)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("carenos.views", "templates"),
        autoescape=jinja2.select_autoescape(("html", "html.j2", "svg.j2")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.tests["linkable"] = linkable
    return env


_LINKABLE = frozenset({"http", "https", "mailto"})


def linkable(url: object) -> bool:
    """Whether ``url`` may be a link of a page: an http(s) or mailto address (a
    ``javascript:`` one, from a scraped page, is shown as text)."""
    from urllib.parse import urlsplit

    return isinstance(url, str) and urlsplit(url.strip()).scheme.casefold() in _LINKABLE


@functools.cache
def stylesheet() -> str:
    """The stylesheet of rendered pages and of the site."""
    from importlib.resources import files

    return files("carenos.views").joinpath("static", "carenos.css").read_text(encoding="utf-8")


def carenos_version() -> str:
    """The version of carenos (the pages' generator and footer)."""
    import carenos

    return str(carenos.__version__)


def standard_context(
    standard: Standard, *, shared: Mapping[str, SharedLink] | None = None, anchors: bool = True
) -> dict[str, Any]:
    """What the standard's templates are given: the standard, its labels and rows.

    ``shared`` maps a statement's ref to the address of its shared statement's page (the
    site links each one); ``anchors`` gives each statement its ref as its ``id``.
    """
    labels = labels_for(standard.language)
    return {
        "s": standard,
        "L": labels,
        "header": header_rows(standard, labels),
        "meta": metadata_rows(standard, labels),
        "shared": dict(shared or {}),
        "anchors": anchors,
        "case_items": {},
        "language": standard.language,
        "version": carenos_version(),
    }


def render_html(standard: Standard) -> str:
    """The standard as one HTML page that stands alone (inline stylesheet, no script)."""
    context = standard_context(standard)
    context.update(stylesheet=None, css=stylesheet())
    return str(environment().get_template("standard.html.j2").render(context))
