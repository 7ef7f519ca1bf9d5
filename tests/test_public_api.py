"""The public API: everything in ``__all__`` resolves, and nothing else is promised."""

from __future__ import annotations

import subprocess
import sys

import pytest

import carenos


@pytest.mark.parametrize("name", carenos.__all__)
def test_every_public_name_resolves_and_has_a_docstring(name: str) -> None:
    value = getattr(carenos, name)
    if name != "__version__":
        assert (value.__doc__ or "").strip(), name


def test_all_lists_exactly_the_lazy_exports() -> None:
    assert set(carenos.__all__) == {*carenos._EXPORTS, "__version__"}


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        carenos.no_such_thing  # noqa: B018


def test_validate_is_the_function_not_the_module() -> None:
    assert callable(carenos.validate)


def test_import_is_lazy() -> None:
    code = "import sys, carenos; print(sorted(m for m in sys.modules if m.startswith('carenos')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['carenos']"


def test_reading_a_schema_or_the_version_leaves_jsonschema_unimported() -> None:
    """jsonschema's import can cost seconds (its format extras compile grammars): only
    validating pays it, not ``carenos --version`` or ``carenos schema``."""
    code = (
        "import sys\n"
        "from carenos.cli_options import version_text\n"
        "from carenos.schema import schema\n"
        "version_text(); schema('standard')\n"
        "print('jsonschema' in sys.modules)\n"
        "from carenos.schema import validator\n"
        "validator()\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
