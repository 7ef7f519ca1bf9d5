"""The one cattrs converter: plain dicts <-> model, the single definition of the dict shape.

``from_dict`` is strict in the way ``schemas/standard.schema.json`` is: unknown keys,
missing keys, wrong types (no coercion of ``3`` to ``"3"``), empty texts and malformed
ids are all rejected, with a :class:`~carenos.errors.ContentError` per document that
lists every problem with its JSON pointer. ``to_dict`` omits what is empty or unset.
Hooks are generated once per class and cached by the converter: this is the hot path
of bulk loading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from types import UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._build import SHARED_TEXTS, share, shared, statements, trim
from ._unstructure import optional_hook_factory, tuple_hook_factory
from .errors import ContentError
from .io.json import json_kind
from .io.positions import pointer_join
from .model import (
    ExternalLink,
    FieldValueError,
    GlossaryEntry,
    InformationSection,
    KnowledgeItem,
    Metadata,
    PerformanceCriterion,
    Scope,
    ScopeStatement,
    Standard,
    Values,
)
from .place import Hit

__all__ = ["converter", "from_dict", "problems", "to_dict"]

T = TypeVar("T")


class ShapeError(TypeError):
    """A value of the wrong JSON type; ``expected`` is the JSON type name."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(f"expected {expected}, got {json_kind(value)}")
        self.expected = expected


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    raise ShapeError("string", value)


class ChoiceError(ValueError):
    """A text that is not one of the field's fixed choices."""


def _is_literal(tp: Any) -> bool:
    return get_origin(tp) is Literal


def _literal_hook_factory(tp: Any, _conv: Converter) -> Callable[[Any, Any], Any]:
    choices = get_args(tp)

    def structure_choice(value: Any, _: Any) -> Any:
        if type(value) is not str:
            raise ShapeError("string", value)
        if value not in choices:
            raise ChoiceError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return structure_choice


_DIGITS = re.compile(r"[0-9]+")


def _structure_version(value: Any, _: Any) -> Any:
    """A version number; older files wrote it as text (``"2"``), read as the number."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is str and _DIGITS.fullmatch(value):
        return int(value)
    raise ShapeError("integer", value)


def _structure_date(value: Any, _: Any) -> Any:
    """A date as text; a bare year is a number in YAML (``date_approved: 2026``)."""
    if type(value) is str:
        return value
    if type(value) is int and 1000 <= value <= 9999:
        return str(value)
    raise ShapeError("string", value)


def _structure_values(generated: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Values as an object (text and rights), or as a plain list of statements."""

    def structure(value: Any, tp: Any) -> Any:
        if type(value) is list:
            return Values(statements=_texts_hook(value, tuple[str, ...]))
        if type(value) is dict and "text" not in value:
            raise FieldValueError("text", "required key 'text' is missing (or give a list)")
        return generated(value, tp)

    return structure


def _is_optional(tp: Any) -> bool:
    args = get_args(tp)
    return len(args) == 2 and type(None) in args and get_origin(tp) in (Union, UnionType)


def _optional_hook_factory(tp: Any, conv: Converter) -> Callable[[Any, Any], Any]:
    """A key that may be absent must not be ``null`` when present, as in the schema."""
    (inner,) = (arg for arg in get_args(tp) if arg is not type(None))
    return conv.get_structure_hook(inner)


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


_STANDARD_CODE: ContextVar[str] = ContextVar("carenos_standard_code", default="")
"""Code of the standard being structured, given to its statements as they are built."""


class _NotPlain(Exception):
    """A statement that is not a plain ``{"id": str, "text": str}``.

    The hot loop gives up on the list; the item-by-item path then names every problem.
    """


def _plain(value: Any) -> tuple[str, str] | None:
    """``(id, text)`` of a plain statement dict (exactly two keys, both ``str``), else None."""
    if type(value) is dict and len(value) == 2:
        ident, text = value.get("id"), value.get("text")
        if type(ident) is str and type(text) is str:
            return ident, text
    return None


def _statements(
    cls: type[PerformanceCriterion | KnowledgeItem],
) -> Callable[[Any], tuple[Any, ...]]:
    """The hot loop: a list of plain statements into a tuple, each with the standard's code."""

    def build(value: Any) -> tuple[Any, ...]:
        built = statements(cls, value, _STANDARD_CODE.get(), SHARED_TEXTS.get())
        if built is None:
            raise _NotPlain
        return built

    return build


def _shared_texts(value: Any) -> tuple[Any, ...]:
    """A list of texts as a tuple, one object for equal lists while a corpus loads."""
    return share(tuple([_structure_str(item, str) for item in value]))


def _tuple_hook_factory(tp: Any, conv: Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = get_args(tp)[0]
    item_hook = conv.get_structure_hook(item_type)
    fast = _statements(item_type) if item_type in (PerformanceCriterion, KnowledgeItem) else None
    if item_type is str:
        fast = _shared_texts

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise ShapeError("array", value)
        try:
            if fast is not None:
                return fast(value)
            return tuple([item_hook(item, item_type) for item in value])
        except Exception:  # redo item by item, gathering every error
            pass
        errors: list[Exception] = []
        out = []
        for index, item in enumerate(value):
            try:
                out.append(item_hook(item, item_type))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {tp} @ index {index}", index, item_type),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(out)  # pragma: no cover - the fast path succeeded after all

    return structure_tuple


def _statement_hook(
    cls: type[PerformanceCriterion | KnowledgeItem], detailed: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """Build a statement with its standard's code; ``detailed`` explains what is wrong."""

    def structure_statement(value: Any, tp: Any) -> Any:
        plain = _plain(value)
        if plain is not None:
            return cls(plain[0], plain[1], standard_code=_STANDARD_CODE.get())
        return detailed(value, tp)  # raises, with every problem named

    return structure_statement


def _standard_hook(generated: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure_standard(value: Any, tp: Any) -> Any:
        code = value.get("code") if type(value) is dict else None
        texts = SHARED_TEXTS.get()
        if texts is not None and type(value) is dict:
            value = shared(value, texts)
        token = _STANDARD_CODE.set(code if type(code) is str else "")
        try:
            return generated(value, tp)
        finally:
            _STANDARD_CODE.reset(token)
            if texts is not None:
                trim(texts)

    return structure_standard


_OVERRIDES: dict[type[Any], dict[str, Any]] = {
    PerformanceCriterion: {"standard_code": override(omit=True)},
    KnowledgeItem: {"standard_code": override(omit=True)},
    Values: {"statements": override(omit=True)},  # the list form holds them
    Metadata: {
        "version": override(struct_hook=_structure_version),
        "date_approved": override(struct_hook=_structure_date),
        "indicative_review_date": override(struct_hook=_structure_date),
    },
}
"""Per-class field overrides: fields the dict shape does not hold, and lenient readings."""


_SHARED_PARTS = (ScopeStatement, Scope, Values, GlossaryEntry, ExternalLink, InformationSection)
"""The parts without anything of their standard's own (a statement has its code): while
a corpus loads, equal ones are one object, as its texts are."""


def _shared_part_hook(built: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    return lambda value, tp: share(built(value, tp))


def _class_hook_factory(cls: type[Any], conv: Converter) -> Callable[[Any, Any], Any]:
    omit = _OVERRIDES.get(cls, {})
    generated = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **omit)

    def structure_class(value: Any, tp: Any) -> Any:
        if type(value) is not dict:
            raise ShapeError("object", value)
        return generated(value, tp)

    if cls in (PerformanceCriterion, KnowledgeItem):
        return _statement_hook(cls, structure_class)
    if cls is Standard:
        return _standard_hook(structure_class)
    hook = _structure_values(structure_class) if cls is Values else structure_class
    return _shared_part_hook(hook) if cls in _SHARED_PARTS else hook


def _unstructure_hook_factory(cls: type[Any], conv: Converter) -> Callable[[Any], Any]:
    omit = {name: given for name, given in _OVERRIDES.get(cls, {}).items() if given.omit}
    generated = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **omit)
    if cls is not Values:
        return generated

    def unstructure_values(values: Values) -> Any:
        return list(values.statements) if values.text is None else generated(values)

    return unstructure_values


def _make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True, unstruct_collection_overrides={tuple: list})
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook_factory(_is_literal, _literal_hook_factory)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _class_hook_factory)
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_hook_factory)
    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, tuple_hook_factory)
    conv.register_unstructure_hook_factory(_is_optional, optional_hook_factory)
    return conv


converter = _make_converter()
"""The converter; use :func:`to_dict` and :func:`from_dict` rather than this directly."""

_texts_hook = converter.get_structure_hook(tuple[str, ...])

_standard_from = converter.get_structure_hook(Standard)


@functools.cache
def _standard_to() -> Callable[[Standard], dict[str, Any]]:
    """The unstructure hook of a standard, generated when first needed (not to validate)."""
    return converter.get_unstructure_hook(Standard)


def to_dict(standard: Standard | Any) -> dict[str, Any]:
    """The plain-dict form of ``standard`` (the YAML/JSON shape), omitting what is unset;
    of a part of one (an element, a statement, the metadata ...), that part's dict."""
    if isinstance(standard, Standard):
        result: dict[str, Any] = _standard_to()(standard)
        return result
    part = converter.unstructure(standard)
    if not isinstance(part, dict):
        raise TypeError(f"cannot give the dict of a {type(standard).__name__}")
    return part


def from_dict(data: Any, *, source: str | None = None) -> Standard:
    """Build a :class:`Standard` from its dict form.

    Raises :class:`ContentError` listing every problem (with its JSON pointer in
    the message and as a :class:`~carenos.place.Hit` of ``problems``; the error's own
    pointer is the first one's).
    """
    try:
        standard: Standard = _standard_from(data, Standard)
    except Exception as exc:  # turned into our own error below
        found = tuple(_author_hits(data) or problems(exc))
        if not found:
            raise ContentError(f"not a standard: {exc}", source=source) from None
        text = "; ".join(hit.message for hit in found)
        first = found[0]
        raise ContentError(
            text, source=source, pointer=first.pointer, at_key=first.at_key, problems=found
        ) from None
    return standard


def _author_hits(data: Any) -> list[Hit]:
    """The schema's problems of ``data`` in the author's words (the validator's wording)."""
    from .schema_words import author_hits  # only for documents that fail

    return author_hits(data)


def problems(exc: BaseException, pointer: str = "") -> Iterator[Hit]:
    """Flatten a cattrs validation error into hits: a message at each JSON pointer."""
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Hit(f"unknown key {key!r}", pointer_join(pointer, key), at_key=True)
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for sub, note in with_notes:
            part: str | int | None = None
            if isinstance(exc, ClassValidationError):
                part = getattr(note, "name", None)
            elif isinstance(exc, IterableValidationError):
                part = getattr(note, "index", None)
            if isinstance(sub, KeyError) and isinstance(exc, ClassValidationError):
                yield Hit(f"required key {part!r} is missing", pointer)
            else:
                sub_pointer = pointer if part is None else pointer_join(pointer, part)
                yield from problems(sub, sub_pointer)
        for sub in without_notes:
            yield from problems(sub, pointer)
        return
    if isinstance(exc, ShapeError | ChoiceError):
        yield Hit(str(exc), pointer)
        return
    if isinstance(exc, FieldValueError):
        yield Hit(exc.problem, f"{pointer}/{exc.name}")
        return
    yield Hit(f"invalid value ({type(exc).__name__}: {exc})", pointer)
