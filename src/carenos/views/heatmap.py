"""The coverage heatmap: rows (standards or suites) by shared categories, as inline SVG.

Each cell is a link (keyboard-focusable, with a text alternative) to the page that shows
what it counts; its shade grows with the count, and its number is printed in a colour
that keeps the WCAG contrast ratio on that shade.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen
from markupsafe import Markup, escape

__all__ = ["HeatRow", "heatmap_svg"]

_SHADES = ("#f4f7fb", "#d5e3f3", "#a9c7e8", "#6f9fd4", "#3c74b5", "#1c4f8a", "#0b2f5c")
_DARK_FROM = 4
"""From this shade on, the number is printed white (dark ink before it)."""
_CELL, _LABEL_WIDTH, _HEADER = 44, 260, 150


@frozen
class HeatRow:
    """One row: its label, the page it links to, and per category its count and link."""

    label: str
    href: str
    counts: Mapping[str, int]
    links: Mapping[str, str]


def _shade(count: int, most: int) -> int:
    if count <= 0 or most <= 0:
        return 0
    return max(1, round(count / most * (len(_SHADES) - 1)))


def heatmap_svg(rows: Sequence[HeatRow], categories: Sequence[str], title: str) -> Markup:
    """The heatmap as an ``<svg>`` element (escaped; safe to put in a page as it is)."""
    most = max((n for row in rows for n in row.counts.values()), default=0)
    width = _LABEL_WIDTH + _CELL * len(categories) + 8
    height = _HEADER + _CELL * len(rows) + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="heatmap-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="heatmap-title">{escape(title)}</title>',
    ]
    for column, category in enumerate(categories):
        x = _LABEL_WIDTH + column * _CELL + _CELL // 2
        out.append(
            f'<text x="{x}" y="{_HEADER - 8}" transform="rotate(-50 {x} {_HEADER - 8})" '
            f'fill="#1b1b1b">{escape(category)}</text>'
        )
    for number, row in enumerate(rows):
        y = _HEADER + number * _CELL
        out.append(
            f'<a href="{escape(row.href)}"><text x="{_LABEL_WIDTH - 8}" y="{y + _CELL // 2 + 4}" '
            f'text-anchor="end" fill="#0b5394">{escape(row.label)}</text></a>'
        )
        for column, category in enumerate(categories):
            count = row.counts.get(category, 0)
            shade = _shade(count, most)
            x = _LABEL_WIDTH + column * _CELL
            rect = (
                f'<rect x="{x + 1}" y="{y + 1}" width="{_CELL - 2}" height="{_CELL - 2}" '
                f'fill="{_SHADES[shade]}" stroke="#8a8a8a" stroke-width="0.5"/>'
            )
            label = f"{row.label}, {category}: {count}"
            link = row.links.get(category)
            if not count or link is None:
                out.append(f'<g role="presentation">{rect}</g>')
                continue
            ink = "#ffffff" if shade >= _DARK_FROM else "#1b1b1b"
            out.append(
                f'<a href="{escape(link)}" aria-label="{escape(label)}" class="cell">'
                f"<title>{escape(label)}</title>{rect}"
                f'<text x="{x + _CELL // 2}" y="{y + _CELL // 2 + 4}" text-anchor="middle" '
                f'fill="{ink}">{count}</text></a>'
            )
    out.append("</svg>")
    return Markup("\n".join(out))
