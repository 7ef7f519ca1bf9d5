"""The canonical layout of a standard file, keeping what the author wrote that it can.

Keys are put in the order of the schema (``code``, ``title``, ``overview``, ``elements`` ...;
``id`` before ``text``), keys the schema does not know stay after them in their order;
flow collections (``{id: P1, text: ...}``, ``[a, b]``) are written as blocks;
indentation, line width and quoting are those of ``carenos dump``; comments and literal or
folded block styles stay where they are (ruamel's round-trip mode). A YAML stream keeps its
documents.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..errors import ParseError
from ..io.yaml import crash_error
from ..io.yaml_errors import syntax_error
from ..io.yaml_write import needs_escapes, yaml_writer
from ..schema import schema

__all__ = ["format_text", "load_documents", "order_keys", "round_trip", "yaml_text"]


def round_trip() -> YAML:
    """The YAML reader and writer of the canonical layout: ``carenos dump``'s writer, which
    reads comments and block styles in and writes them back out."""
    return yaml_writer()


def _resolve(node: Any, root: dict[str, Any]) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        node = root
        for part in ref[2:].split("/"):
            node = node.get(part, {})
    return node


def _branch(node: Any, value: Any, root: dict[str, Any]) -> Any:
    """The schema branch of ``node`` that fits ``value`` (an object or a list)."""
    node = _resolve(node, root)
    for key in ("oneOf", "anyOf"):
        for option in node.get(key, []) if isinstance(node, dict) else []:
            option = _resolve(option, root)
            kind = option.get("type")
            if (kind == "object" and isinstance(value, dict)) or (
                kind == "array" and isinstance(value, list)
            ):
                return option
    return node


def order_keys(value: Any, node: Any, root: dict[str, Any]) -> None:
    """Put the keys of ``value`` in the order of its schema ``node`` (``root`` holds the
    definitions it refers to), all the way down."""
    node = _branch(node, value, root)
    if isinstance(value, CommentedMap | CommentedSeq) and len(value):
        value.fa.set_block_style()  # flow collections are written as blocks; [] and {} stay
    if isinstance(value, CommentedMap):
        properties = node.get("properties", {}) if isinstance(node, dict) else {}
        for key in [k for k in properties if k in value] + [
            k for k in value if k not in properties
        ]:
            value.move_to_end(key)
        for key, item in value.items():
            value[key] = _escaped(item)
            order_keys(item, properties.get(key, {}), root)
    elif isinstance(value, CommentedSeq):
        items = node.get("items", {}) if isinstance(node, dict) else {}
        for index, item in enumerate(value):
            value[index] = _escaped(item)
            order_keys(item, items, root)


def _escaped(value: Any) -> Any:
    """A text that only survives YAML with escapes, double-quoted (as ``carenos dump`` does)."""
    plain = isinstance(value, str) and not isinstance(value, DoubleQuotedScalarString)
    return DoubleQuotedScalarString(value) if plain and needs_escapes(value) else value


def yaml_text(documents: list[Any], yaml: YAML) -> str:
    """The documents written as YAML (a stream with ``---`` where there are several)."""
    out = io.StringIO()
    if len(documents) == 1:
        yaml.dump(documents[0], out)
    else:
        yaml.dump_all(documents, out)
    return "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))


def load_documents(text: str, source: str, yaml: YAML) -> list[Any]:
    """The documents of ``text`` read for a round trip; :class:`ParseError` if it is no YAML."""
    try:
        return list(yaml.load_all(text))
    except MarkedYAMLError as exc:
        raise syntax_error(exc, source) from None
    except YAMLError as exc:
        raise ParseError(f"not valid YAML: {' '.join(str(exc).split())}", source=source) from None
    except (ValueError, OverflowError, AssertionError, KeyError) as exc:  # the reader's own
        raise crash_error(text, source, exc) from None


def format_text(text: str, source: str = "<string>") -> str:
    """``text`` (a standard's YAML) in the canonical layout; the same text if it is already."""
    yaml = round_trip()
    documents = load_documents(text, source, yaml)
    root = schema("standard")
    for document in documents:
        order_keys(document, root, root)
    return yaml_text(documents, yaml)
