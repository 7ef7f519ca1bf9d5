"""The type of the ``cli`` fixture (the fixture itself is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from click.testing import Result

Cli: TypeAlias = Callable[..., Result]
"""``cli(*args, **options)`` runs ``carenos ARGS`` in-process; ``options`` go to ``invoke``."""
