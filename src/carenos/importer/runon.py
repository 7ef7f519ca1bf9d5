"""Pages run together on one line (document-sharing sites' "transcriptions").

Some sites give a PDF's text a page a line: "2 Performance criteria You must be able to:
P1 ... P2 ... SFHGEN23 2". Such a line is cut before each printed heading and label
(:data:`~.vocabulary.PRINTED_LABELS`), before each id, after the page number it starts
with and before the footer it ends with; the parts are read as lines of their own, each
still named by the line it came from. A metadata part ("Developed by Skills for Health")
is read with its label and value on one line.
"""

from __future__ import annotations

import re

from attrs import evolve

from ..codes import HEADER_CODE
from ..io.published import SourceLine
from .vocabulary import PRINTED_LABELS

__all__ = ["RUN_ON", "split_run_on"]

RUN_ON = "run-on page"
"""The origin style of the parts of a run-on line."""

_LONG = 300
_CUES = re.compile(
    "|".join(
        [
            *(rf"(?<=\s){re.escape(label)}(?=\s|$)" for label in PRINTED_LABELS),
            r"(?<=\s)[PK][0-9]{1,3}(?=\s)",
            rf"(?<=\s){HEADER_CODE.pattern} [0-9]{{1,3}}$",
        ]
    )
)
_PAGE = re.compile(r"[0-9]{1,3}(?=\s)")


def split_run_on(line: SourceLine) -> list[SourceLine]:
    """The parts of a run-on line, or the line itself where it is not one."""
    text = line.text.strip()
    if len(text) < _LONG:
        return [line]
    cuts = [m.start() for m in _CUES.finditer(text)]
    if len(cuts) < 2:
        return [line]
    page = _PAGE.match(text)
    starts = sorted({0, *([page.end() + 1] if page else []), *cuts})
    parts = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    style = evolve(line.origin, style=RUN_ON)
    return [evolve(line, text=part, origin=style) for part in parts if part]
