"""The layout reader's state: the standards read so far, the section, the account.

And the lines that need no section to be read: codes and titles (a header, a ``URN``
label), metadata labels and values, bare ids, blank lines and furniture. The sections
and their statements are :mod:`.layout`'s.
"""

from __future__ import annotations

from typing import Any

from ..textnorm import split_list
from .account import Entry
from .builder import StandardBuilder
from .lines import Line
from .vocabulary import LIST_FIELDS

__all__ = ["ReaderState"]


class ReaderState:
    """What the layout reader knows at a line; :class:`~.layout.LayoutReader` reads on."""

    def __init__(self, lines: list[Line], *, title_given: bool = False) -> None:
        self.lines = lines
        self.account: dict[int, Entry] = {}
        self.builders: list[StandardBuilder] = []
        self.spans: list[list[int]] = []
        self.section = "start"
        self.pending_meta: str | None = None
        self.awaiting: list[str] = []
        self.last_meta: str | None = None
        self.pending_ids: list[str] = []
        self.pending_term: Line | None = None
        self.top: dict[str, tuple[str, str, int]] = {}
        self.nested = False
        self.start_lines: list[Line] = []
        self.disowned: set[int] = set()
        """Lines read into a standard, then found to stand before it (site text)."""
        self.title_given = title_given
        self.unplaced: list[Line] = []
        self.info_open = False
        self.section_level: int | None = None
        """The heading level (1 for ``h1``/``Heading 1``) of the heading that opened the
        section being read, where the document styles its headings."""

    @property
    def builder(self) -> StandardBuilder:
        """The standard being read (the first one is started by the first line of it)."""
        if not self.builders:
            self.builders.append(StandardBuilder())
            self.spans.append([])
        return self.builders[-1]

    def new_standard(self) -> None:
        """Start reading the next standard of the document."""
        self.builders.append(StandardBuilder())
        self.spans.append([])
        self.section = "start"
        self.top = {}
        self.pending_meta = None
        self.awaiting = []
        self.last_meta = None
        self.nested = False
        self.start_lines = []

    def put(self, line: Line, pointer: str | None, role: str = "content", note: str = "") -> None:
        """Enter ``line`` (and the wrapped lines read into it) in the account."""
        if pointer is None and role == "content":
            self.unplaced.append(line)
            return
        standard = ""
        if role in ("content", "label"):
            standard = str(self.builders.index(self.builder))
            self.spans[-1].append(line.index)
        entry = Entry(role, pointer or "", standard, note)
        for index in (line.index, *line.joined):
            old = self.account.get(index)
            if old is None or old.role != "content":
                self.account[index] = entry

    def disown(self, lines: list[Line]) -> None:
        """Take ``lines`` out of the standard: they are read again as fitting nowhere."""
        for line in lines:
            for index in (line.index, *line.joined):
                self.account.pop(index, None)
                if index in self.spans[-1]:
                    self.spans[-1].remove(index)
            self.unplaced.append(line)
            self.disowned.add(line.index)
        lines.clear()

    def enter(self, section: str) -> None:
        """Move to ``section`` (any order: documents differ)."""
        if section != self.section:
            self.nested = False
            self.pending_term = None
        self.section = section
        self.info_open = False

    def on_blank(self, position: int, line: Line) -> None:
        """A blank line."""
        self.put(line, None, "blank")

    def on_marker(self, position: int, line: Line) -> None:
        """A line of bookmark markers only."""
        self.put(line, None, "marker")

    def on_furniture(self, position: int, line: Line) -> None:
        """A running header, footer or page number."""
        self.put(line, None, "furniture", line.note)

    def on_meta(self, position: int, line: Line) -> None:
        """A metadata label, with its value or before it; a ``URN`` or title label."""
        field = line.key
        if field == "code":
            self.set_code(line, line.value, position)
            return
        if field == "title":
            if line.value is None:
                self.pending_meta = "title"
                self.put(line, None, "label", "label")
            else:
                self.builder.title = line.value
                self.put(line, "/title")
            return
        self.enter("metadata")  # a field given twice (page header and table): the later value
        self.last_meta = field
        if line.value is None:
            if self.pending_meta is None:
                self.pending_meta = field
            else:  # a column of labels, its values to come in a column after it
                self.awaiting.append(field)
            self.put(line, None, "label", "metadata label")
        else:
            self.meta_value(line, field, line.value)

    def next_field(self) -> str | None:
        """The next label of a column of labels whose value is still to come, if any."""
        return self.awaiting.pop(0) if self.awaiting else None

    def meta_value(self, line: Line, field: str, value: str) -> None:
        """The value of metadata ``field`` (lists split on ``;`` or ``,``)."""
        metadata = self.builder.metadata
        if field in LIST_FIELDS:
            metadata.setdefault(field, []).extend(split_list(value)[0])
            self.pending_meta = field if value.rstrip().endswith((",", ";")) else self.next_field()
        else:
            metadata[field] = value
            self.pending_meta = self.next_field()
        self.put(line, f"/metadata/{field}")

    def set_code(
        self, line: Line, code: str | None, position: int, title: str | None = None
    ) -> None:
        """A code: of the standard being read, or the start of the next one."""
        if code is None:
            self.pending_meta = "code"
            self.put(line, None, "label", "label")
            return
        current = self.builders[-1] if self.builders else None
        if current is not None and current.code != code:
            # What came before a titled header with nothing of a standard (site navigation,
            # a guide's front matter) is not part of it: that standard is left empty, and
            # an empty one is dropped, its lines reported as outside every standard.
            before = bool(current.title or current.overview) and title is not None
            if current.statements or current.code or before:
                self.new_standard()
        builder = self.builder
        if builder.code == code:
            self.put(line, None, "label", "the code again")
            return
        builder.code = code
        if title:
            builder.title = title
        self.put(line, "/code")

    def on_ids(self, position: int, line: Line) -> None:
        """Bare ids (a column of ``P1 P2 ...``): paired with the texts that follow."""
        if line.value is None:  # paired already (reflow.pair_id_runs)
            self.put(line, None, "label", "ids, paired with the texts after them")
            return
        self.pending_ids.extend(line.value.split())
        self.put(line, None, "label", "ids, paired with the texts after them")

    def results(self) -> list[tuple[dict[str, Any], list[int]]]:
        """Each standard's dict and the lines that are part of it, in order."""
        return [
            (builder.result(), sorted(span))
            for builder, span in zip(self.builders, self.spans, strict=True)
        ]
