"""The C path of YAML reading: libyaml composes, a lean resolver tags, one walk builds.

Bulk loads (directories, streams) read YAML with ruamel.yaml's libyaml-backed parser.
Its composer is C, but it asks a Python resolver for every scalar's tag and makes a
Python node of each; the resolver here answers from one table and hands out one shared
tag object a kind, so that :func:`plain` can tell each node's tag by identity. :func:`plain`
builds the plain data without pointers or positions and stops at the first thing a
standard never holds (a tag, an alias, a duplicate or non-text key, deep nesting) by
raising :class:`Unclean`: the caller then reads the text again on the path that reports
each such problem with its place. Both give the same data (tests/property/test_yaml_c.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

__all__ = ["CResolver", "Unclean", "plain"]


class Unclean(Exception):
    """The node graph holds what a standard never does: read it again to report it."""


_TAGS: dict[str, Tag] = {}
"""One tag object a resolved tag name (the C path's nodes are told apart by identity)."""


def _tag(name: str) -> Tag:
    found = _TAGS.get(name)
    if found is None:
        found = _TAGS[name] = Tag(suffix=name)
    return found


class CResolver(VersionedResolver):
    """The resolver of the C path: YAML 1.2's implicit tags, looked up in one table.

    ruamel.yaml's own asks, for every scalar, which YAML version the document declares,
    through attributes the C parser does not have (an exception caught each time), and
    makes a new tag object for each resolved scalar. On the C path the answer is always
    the default, 1.2, there are no path resolvers, and each tag is one shared object."""

    @property
    def processing_version(self) -> Any:
        """YAML 1.2, what the C path always resolves with."""
        return (1, 2)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node without an explicit one (as ruamel's own, for YAML 1.2)."""
        if kind is ScalarNode:
            if implicit[0]:
                table = self.__dict__.get("_table")
                if table is None:
                    table = self.__dict__["_table"] = self.versioned_resolver
                for name, regexp in table.get(value[:1], ()):
                    if regexp.match(value):
                        return _tag(name)
            return self.DEFAULT_SCALAR_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG


def plain(node: Any, scalars: dict[str, Callable[[str], Any]], max_depth: int) -> Any:
    """Plain data of the C path's ``node`` graph; raises :class:`Unclean` on a problem.

    ``scalars`` maps each accepted scalar tag name to its constructor; nesting of
    ``max_depth`` collections or more is a problem (as the reporting path has it).
    """
    text_tag = CResolver.DEFAULT_SCALAR_TAG
    list_tag = CResolver.DEFAULT_SEQUENCE_TAG
    map_tag = CResolver.DEFAULT_MAPPING_TAG
    makers = {id(_tag(name)): make for name, make in scalars.items() if name != str(text_tag)}
    key_tags = {id(text_tag), *makers}
    seen: set[int] = set()

    def build(node: Any, depth: int) -> Any:
        if id(node) in seen:
            raise Unclean("alias")
        seen.add(id(node))
        tag = node.ctag
        kind = type(node)
        if kind is ScalarNode:
            if tag is text_tag:
                return node.value
            make = makers.get(id(tag))  # an id of a live shared tag: that tag itself
            if make is None:
                raise Unclean("tag")
            try:
                return make(node.value)
            except ValueError:
                raise Unclean("tag") from None
        if depth >= max_depth:
            raise Unclean("depth")
        if kind is SequenceNode and tag is list_tag:
            return [build(item, depth + 1) for item in node.value]
        if kind is not MappingNode or tag is not map_tag:
            raise Unclean("tag")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or id(key_node.ctag) not in key_tags:
                raise Unclean("key")
            key = str(key_node.value)
            if key in result or id(key_node) in seen:
                raise Unclean("key")
            seen.add(id(key_node))
            result[key] = build(value_node, depth + 1)
        return result

    return build(node, 0)
