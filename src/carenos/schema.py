"""The JSON Schemas shipped inside the package, addressed by ``$id`` through a registry."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported where a validator is made, not to read a schema
    from jsonschema import Draft202012Validator
    from referencing import Registry

__all__ = ["SCHEMA_BASE", "registry", "schema", "schema_names", "validator"]

SCHEMA_BASE = "https://carenos.dev/schemas/"
"""The ``$id`` prefix of every carenos schema."""


def schema_names() -> tuple[str, ...]:
    """File names of the shipped schemas (``standard.schema.json`` ...)."""
    folder = resources.files("carenos") / "schemas"
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".schema.json")))


@cache
def schema(name: str) -> dict[str, Any]:
    """The schema ``name`` (e.g. ``"standard"`` or ``"standard.schema.json"``) as a dict."""
    file = name if name.endswith(".schema.json") else f"{name}.schema.json"
    text = (resources.files("carenos") / "schemas" / file).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def registry() -> Registry[Any]:
    """An in-memory registry of every shipped schema, by ``$id``."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources_ = [
        (
            schema(name)["$id"],
            Resource.from_contents(schema(name), default_specification=DRAFT202012),
        )
        for name in schema_names()
    ]
    return Registry().with_resources(resources_)


@cache
def validator(name: str = "standard") -> Draft202012Validator:
    """A compiled Draft 2020-12 validator for the schema ``name``."""
    from jsonschema import Draft202012Validator

    contents = schema(name)
    return Draft202012Validator(contents, registry=registry())
