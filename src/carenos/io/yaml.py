"""YAML: plain dicts (with positions) from authored files; YAML that people write, back out.

Reading composes the YAML node graph with ruamel.yaml (the pure-Python parser,
which keeps anchors, for single files; the libyaml-backed C parser for bulk loads)
and builds plain Python data from it ourselves. That one walk rejects what
standards never use (tags, anchors, aliases: no object is ever constructed from
a tag, and alias bombs are never expanded), reports duplicate keys, keeps dates
as the strings that were written, and records the position of every value.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from typing import Any

from attrs import define, field
from ruamel.yaml import YAML
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..errors import CarenosError, DuplicateKeyError, ParseError, UnsupportedYamlError
from .positions import Positions, pointer_join

__all__ = ["ParsedYaml", "dump_yaml", "parse_yaml", "parse_yaml_stream"]

MAX_DEPTH = 64
"""Deepest nesting accepted; a standard is five levels deep."""

_TAG = "tag:yaml.org,2002:"


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _to_int(text: str) -> int:
    digits = text.replace("_", "")
    try:
        return int(digits, 0)
    except ValueError:
        return int(digits, 10)


def _to_float(text: str) -> float:
    lowered = text.lower().replace("_", "")
    if lowered in (".nan", "+.nan", "-.nan"):
        return math.nan
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    return float(lowered)


_SCALARS: dict[str, Any] = {
    _TAG + "str": str,
    _TAG + "timestamp": str,  # dates stay as the text the author wrote
    _TAG + "null": lambda _text: None,
    _TAG + "bool": lambda text: text.lower() == "true",
    _TAG + "int": _to_int,
    _TAG + "float": _to_float,
}


@define
class ParsedYaml:
    """The result of reading YAML: plain data, positions and the problems met on the way.

    ``problems`` holds the non-fatal problems (duplicate keys, tags, anchors) so that
    a validator can report all of them.
    """

    data: Any
    positions: Positions
    problems: list[CarenosError] = field(factory=list)


class _Builder:
    def __init__(self, source: str, keep_positions: bool) -> None:
        self.source = source
        self.keep = keep_positions
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
                path=pointer,
            )
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
        if self.keep:
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
            make = _SCALARS.get(tag)
            if make is None:
                self._problem(
                    UnsupportedYamlError,
                    f"tags ({_tag_name(tag)}) are not used in standards",
                    node,
                    pointer,
                )
                return node.value
            return make(node.value)
        if depth >= MAX_DEPTH:
            raise ParseError(
                f"nested more than {MAX_DEPTH} levels deep",
                source=self.source,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        if isinstance(node, SequenceNode):
            if tag != _TAG + "seq":
                self._problem(
                    UnsupportedYamlError,
                    f"tags ({_tag_name(tag)}) are not used in standards",
                    node,
                    pointer,
                )
            return [
                self.build(item, pointer_join(pointer, i), depth + 1)
                for i, item in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            if tag != _TAG + "map":
                self._problem(
                    UnsupportedYamlError,
                    f"tags ({_tag_name(tag)}) are not used in standards",
                    node,
                    pointer,
                )
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALARS:
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
                if self.keep:
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
    if not fast:  # the pure composer stops at this depth (the C one has no such limit)
        yaml.max_depth = MAX_DEPTH + 1
    return yaml


_BLOCK_PREFIX = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]|$))*", re.MULTILINE)


def _may_nest_deeply(text: str) -> bool:
    """True if ``text`` might nest deeper than :data:`MAX_DEPTH` (a cheap, conservative test).

    Each flow level needs a ``[`` or ``{``; each two block levels need one more column
    of indentation (or of ``- ``/``? ``/``: `` indicators before a node). Text that
    passes cannot nest much deeper than ``2 * MAX_DEPTH``, so the C parser, whose
    composer recurses without a limit (and overflows the C stack on a million ``[``),
    is only given text that is safe for it.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH:
        return True
    return max((m.end() - m.start() for m in _BLOCK_PREFIX.finditer(text)), default=0) > MAX_DEPTH


def _parse_error(message: str, source: str, exc: MarkedYAMLError) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return ParseError(message, source=source, line=line, column=column)


def _compose(text: str, source: str, fast: bool, *, stream: bool) -> list[Node | None]:
    """The node graph of each document (of the first only, unless ``stream``)."""
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise ParseError(
            "NUL byte in the text",
            source=source,
            line=line,
            column=offset - text.rfind("\n", 0, offset),
        )
    if fast and _may_nest_deeply(text):
        fast = False  # the pure parser stops at MAX_DEPTH; the C one could crash
    try:
        yaml = _yaml(fast)
        return list(yaml.compose_all(text)) if stream else [yaml.compose(text)]
    except MaxDepthExceededError as exc:
        raise _parse_error(f"nested more than {MAX_DEPTH} levels deep", source, exc) from None
    except MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "invalid YAML"
        raise _parse_error(f"not valid YAML: {problem}", source, exc) from None
    except YAMLError as exc:
        raise ParseError(f"not valid YAML: {exc}", source=source) from None
    except RecursionError:
        raise ParseError(f"nested more than {MAX_DEPTH} levels deep", source=source) from None


def _built(node: Node | None, source: str, positions: bool) -> ParsedYaml:
    builder = _Builder(source, positions)
    data = None if node is None else builder.build(node, "", 0)
    return ParsedYaml(data, builder.positions, builder.problems)


def parse_yaml(
    text: str, source: str = "<string>", *, fast: bool = False, positions: bool = True
) -> ParsedYaml:
    """Parse one YAML document into plain data.

    ``fast`` uses the C parser (no anchor names, for bulk loads) unless the text might
    nest too deeply for it (see :func:`_may_nest_deeply`). Syntax errors (a second
    document among them) raise :class:`ParseError` with the parser's line and column;
    other problems are gathered in the result's ``problems``.
    """
    (node,) = _compose(text, source, fast, stream=False)
    return _built(node, source, positions)


def parse_yaml_stream(
    text: str, source: str = "<string>", *, fast: bool = False, positions: bool = True
) -> list[ParsedYaml]:
    """Parse every document of a YAML stream (``---`` between them), as :func:`parse_yaml`.

    Positions are lines of the whole text.
    """
    return [_built(node, source, positions) for node in _compose(text, source, fast, stream=True)]


def _dumper() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _needs_escapes(text: str) -> bool:
    """True if ``text`` holds characters that only survive YAML as double-quoted escapes."""
    return not text.isprintable() and any(
        unicodedata.category(ch) in _UNSAFE_CATEGORIES or ch in "\x85\ufeff"
        for ch in text
        if ch not in " \n"
    )


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _quote_unsafe(data: Any) -> Any:
    if isinstance(data, str):
        return DoubleQuotedScalarString(data) if _needs_escapes(data) else data
    if isinstance(data, dict):
        return {_quote_unsafe(key): _quote_unsafe(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_quote_unsafe(value) for value in data]
    return data


def dump_yaml(data: Any) -> str:
    """Block-style YAML of plain data, as a person would write it (UTF-8, no tags).

    Texts with control or line-separator characters are written double-quoted, with
    escapes, so that they read back exactly.
    """
    out = io.StringIO()
    _dumper().dump(_quote_unsafe(data), out)
    # The emitter leaves a space before each line break it folds at. In flow scalars
    # (plain or quoted: the only styles written here) such a space is not content.
    return "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))
