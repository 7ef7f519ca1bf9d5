"""Views people read: a standard rendered as published (HTML, Word, Markdown), and a site.

Every view is built from the model alone, through templates (Jinja2, escaping on) or
python-docx; the HTML and the Word document read back through :mod:`carenos.importer` to
the same standard.
"""

from __future__ import annotations

from .docx import render_docx
from .html import render_html
from .markdown import render_markdown
from .site import SiteOptions, SiteResult, build_site

__all__ = [
    "SiteOptions",
    "SiteResult",
    "build_site",
    "render_docx",
    "render_html",
    "render_markdown",
]
