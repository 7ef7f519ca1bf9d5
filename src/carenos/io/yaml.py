"""YAML: plain dicts (with positions) from authored files (the writer: ``yaml_write``).

Reading composes the YAML node graph with ruamel.yaml (the pure-Python parser,
which keeps anchors, for single files; the libyaml-backed C parser for bulk loads)
and builds plain Python data from it ourselves. That one walk rejects what
standards never use (tags, anchors, aliases: no object is ever constructed from
a tag, and alias bombs are never expanded), reports duplicate keys, keeps dates
as the strings that were written, and records the position of every value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from ..errors import CarenosError, DuplicateKeyError, ParseError, UnsupportedYamlError
from .files import refuse_nul
from .positions import Positions, pointer_join
from .yaml_c import CResolver, Unclean, plain
from .yaml_errors import character_error, syntax_error
from .yaml_scalars import SCALARS, TAG, tag_name

__all__ = [
    "MAX_DEPTH",
    "ParsedYaml",
    "crash_error",
    "may_hold_anchor",
    "may_nest_deeply",
    "parse_yaml",
    "parse_yaml_stream",
]

MAX_DEPTH = 64
"""Deepest nesting accepted; a standard is five levels deep."""


class ParsedYaml:
    """One YAML document read: plain data, the problems met on the way, and positions.

    ``problems`` holds the non-fatal problems (duplicate keys, tags, anchors) so that
    a validator can report all of them. ``positions`` are worked out on first use when
    the document was read in bulk (see :func:`parse_yaml_stream`).
    """

    __slots__ = ("_positions", "_work_out", "data", "problems")

    def __init__(
        self,
        data: Any,
        problems: list[CarenosError],
        positions: Positions | None = None,
        work_out: Callable[[], Positions] | None = None,
    ) -> None:
        self.data = data
        self.problems = problems
        self._positions = positions
        self._work_out = work_out

    @property
    def positions(self) -> Positions:
        """JSON pointer -> 1-based (line, column) of every value and key."""
        if self._positions is None:
            self._positions = self._work_out() if self._work_out is not None else Positions()
        return self._positions


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.positions = Positions()
        self.problems: list[CarenosError] = []
        self.seen: set[int] = set()

    def _problem(self, kind: type[CarenosError], message: str, node: Node, pointer: str) -> None:
        mark = node.start_mark
        self.problems.append(
            kind(
                message,
                source=self.source,
                line=mark.line + 1,
                column=mark.column + 1,
                pointer=pointer,
            )
        )

    def _tag_problem(self, tag: str, node: Node, pointer: str) -> None:
        self._problem(
            UnsupportedYamlError,
            f"tags ({tag_name(tag)}) are not used in standards",
            node,
            pointer,
        )

    def build(self, node: Node, pointer: str, depth: int, site: Node | None = None) -> Any:
        """Plain data of ``node``; ``site`` (a mapping key) is where an alias is used."""
        if id(node) in self.seen:
            self._problem(
                UnsupportedYamlError,
                "aliases (*name) are not used in standards",
                node if site is None else site,
                pointer,
            )
            return None
        self.seen.add(id(node))
        mark = node.start_mark
        self.positions.values[pointer] = (mark.line + 1, mark.column + 1)
        if getattr(node, "anchor", None):
            self._problem(
                UnsupportedYamlError,
                f"anchors (&{node.anchor}) are not used in standards",
                node,
                pointer,
            )
        tag = str(node.tag)
        if isinstance(node, ScalarNode):
            make = SCALARS.get(tag)
            if make is not None:
                try:
                    return make(node.value)
                except ValueError:  # ``!!int x``, or a plain ``0x_`` that ruamel takes for one
                    if getattr(node.ctag, "handle", None) is None:  # written without a tag
                        return node.value  # the text as written, as YAML 1.2 reads it
            self._tag_problem(tag, node, pointer)
            return node.value
        if depth >= MAX_DEPTH:
            raise ParseError(
                f"nested more than {MAX_DEPTH} levels deep",
                source=self.source,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        if isinstance(node, SequenceNode):
            if tag != TAG + "seq":
                self._tag_problem(tag, node, pointer)
            return [
                self.build(item, pointer_join(pointer, i), depth + 1)
                for i, item in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            if tag != TAG + "map":
                self._tag_problem(tag, node, pointer)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in SCALARS:
                    self._problem(ParseError, "mapping keys must be plain text", key_node, pointer)
                    continue
                key = str(key_node.value)
                child = pointer_join(pointer, key)
                if key in result:
                    first = self.positions.keys.get(child)
                    where = f" (first at line {first[0]})" if first else ""
                    self._problem(
                        DuplicateKeyError, f"duplicate key {key!r}{where}", key_node, child
                    )
                    continue
                self.positions.keys[child] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.build(value_node, child, depth + 1, key_node)
            return result
        raise ParseError(
            f"unexpected YAML node {type(node).__name__}", source=self.source
        )  # pragma: no cover


def _yaml(fast: bool) -> YAML:
    yaml = YAML(typ="safe", pure=not fast)
    if fast:
        yaml.Resolver = CResolver
    else:  # the pure composer stops at this depth (the C one has no such limit)
        yaml.max_depth = MAX_DEPTH + 1
    return yaml


_DEEP_PREFIX = re.compile(rf"^(?:[ \t]|[-?:](?=[ \t]|$)){{{MAX_DEPTH + 1}}}", re.MULTILINE)
"""A line begun by more than :data:`MAX_DEPTH` characters of indentation and indicators."""


def may_nest_deeply(text: str) -> bool:
    """True if ``text`` might nest deeper than :data:`MAX_DEPTH` (a cheap, conservative test).

    Each flow level needs a ``[`` or ``{``; each two block levels need one more column
    of indentation (or of ``- ``/``? ``/``: `` indicators before a node). Text that
    passes cannot nest much deeper than ``2 * MAX_DEPTH``, so the C parser, whose
    composer recurses without a limit (and overflows the C stack on a million ``[``),
    is only given text that is safe for it.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH:
        return True
    return _DEEP_PREFIX.search(text) is not None


def _parse_error(message: str, source: str, exc: MarkedYAMLError) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return ParseError(message, source=source, line=line, column=column)


def crash_error(text: str, source: str, error: Exception) -> ParseError:
    """The :class:`ParseError` of a text on which ruamel.yaml's pure parser raised a Python
    error of its own (an escape of no character, a ``%YAML`` version it does not read, a
    date of no day): libyaml reads the text again to say where and why, else the error's
    own words name it."""
    if not may_nest_deeply(text):
        try:
            list(_yaml(True).compose_all(text))
        except MarkedYAMLError as exc:
            return syntax_error(exc, source)
        except Exception:
            pass
    return ParseError(f"cannot read this YAML: {' '.join(str(error).split())}", source=source)


def _compose(text: str, source: str, fast: bool, *, stream: bool) -> list[Node | None]:
    """The node graph of each document (of the first only, unless ``stream``)."""
    refuse_nul(text, source, ParseError, "NUL byte in the text")
    try:
        yaml = _yaml(fast)
        return list(yaml.compose_all(text)) if stream else [yaml.compose(text)]
    except MaxDepthExceededError as exc:
        raise _parse_error(f"nested more than {MAX_DEPTH} levels deep", source, exc) from None
    except MarkedYAMLError as exc:
        raise syntax_error(exc, source) from None
    except ReaderError as exc:  # a character YAML does not allow
        raise character_error(text, exc.position, source) from None
    except YAMLError as exc:
        raise ParseError(f"not valid YAML: {' '.join(str(exc).split())}", source=source) from None
    except RecursionError:
        raise ParseError(f"nested more than {MAX_DEPTH} levels deep", source=source) from None
    except UnicodeEncodeError as exc:  # the C reader encodes the text: a lone surrogate
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - text.rfind("\n", 0, exc.start)
        message = f"not valid YAML: unpaired surrogate character {text[exc.start]!r}"
        raise ParseError(message, source=source, line=line, column=column) from None
    except (ValueError, OverflowError, AssertionError, KeyError) as exc:  # the pure parser's
        raise crash_error(text, source, exc) from None


def _read(text: str, source: str, *, fast: bool, stream: bool) -> list[ParsedYaml]:
    found = []
    for node in _compose(text, source, fast, stream=stream):
        builder = _Builder(source)
        data = None if node is None else builder.build(node, "", 0)
        found.append(ParsedYaml(data, builder.problems, builder.positions))
    return found


def _read_clean(text: str, source: str, *, stream: bool) -> list[ParsedYaml] | None:
    """The documents read on the C path without positions; ``None`` if any has a problem."""
    try:
        return [
            ParsedYaml(None if node is None else plain(node, SCALARS, MAX_DEPTH), [])
            for node in _compose(text, source, True, stream=stream)
        ]
    except Unclean:
        return None


def may_hold_anchor(text: str) -> bool:
    """True if ``text`` has an anchor's ``&name`` where a node may start.

    That is an ``&`` at the start or after white space, a byte order mark or ``[``, ``{``,
    ``,``, ``:``, and followed by a character other than white space and ``[]{},``.
    ``SfC&D`` and ``A & B`` are not; a quoted ``"x &y"`` is, which only costs the slower
    parser. Each ``&`` is looked at where it is (most texts hold none or a few), not every
    character.
    """
    at = text.find("&")
    while at != -1:
        before = text[at - 1] if at else " "
        if at + 1 < len(text) and (before in "[{,:\ufeff" or before.isspace()):
            after = text[at + 1]
            if not (after.isspace() or after in "[]{},"):
                return True
        at = text.find("&", at + 1)
    return False


_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
"""A double-quoted escape of half a character, which libyaml reports as an unclosed quote."""


def _needs_pure(text: str) -> bool:
    """True for text the C parser must not read: anchors (it drops them), deep nesting,
    directives (it resolves every document as YAML 1.2, whatever ``%YAML`` says), escapes
    of half a character (which the pure parser reads, for the rules to name)."""
    directive = text.lstrip("\ufeff").startswith("%") or "\n%" in text or "\r%" in text
    escape = ("\\u" in text or "\\U" in text) and _SURROGATE_ESCAPE.search(text) is not None
    return directive or escape or may_hold_anchor(text) or may_nest_deeply(text)


def _positions_later(
    text: str, source: str, index: int, cache: dict[str, list[ParsedYaml]]
) -> Callable[[], Positions]:
    """Positions of document ``index``; the text is read again once for all its documents."""

    def work_out() -> Positions:
        if "read" not in cache:
            cache["read"] = _read(text, source, fast=True, stream=True)
        return cache["read"][index].positions

    return work_out


def parse_yaml_stream(
    text: str, source: str = "<string>", *, bulk: bool = False
) -> list[ParsedYaml]:
    """Parse every document of a YAML stream (``---`` between them) into plain data.

    This is the one place that picks the parser. The pure-Python parser, which keeps
    anchor names, reads single documents with their positions; with ``bulk`` the
    libyaml-backed C parser reads them, and positions are worked out (by reading the text
    again) only if they are asked for. A text with problems (tags, anchors, duplicate
    keys) is read again with the pure parser, so that they are reported alike either way,
    and so is a text that might nest too deeply for the C parser (see
    :func:`may_nest_deeply`). Syntax errors raise :class:`ParseError` with the parser's
    line and column; positions are lines of the whole text.
    """
    found = None if not bulk or _needs_pure(text) else _read_clean(text, source, stream=True)
    if found is None:
        return _read(text, source, fast=False, stream=True)
    cache: dict[str, list[ParsedYaml]] = {}
    for index, parsed in enumerate(found):
        parsed._work_out = _positions_later(text, source, index, cache)
    return found


def parse_yaml(text: str, source: str = "<string>", *, bulk: bool = False) -> ParsedYaml:
    """Parse one YAML document into plain data, as :func:`parse_yaml_stream` does.

    A second document in the text is a syntax error.
    """
    found = None if not bulk or _needs_pure(text) else _read_clean(text, source, stream=False)
    if found is None:
        (parsed,) = _read(text, source, fast=False, stream=False)
        return parsed
    (parsed,) = found
    parsed._work_out = _positions_later(text, source, 0, {})
    return parsed
