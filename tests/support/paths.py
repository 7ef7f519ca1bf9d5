"""Where things are: the repository, the shared materials beside it, the test cases."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository root."""

SHARED = ROOT.parent / "shared"
"""Materials beside the repository (the suite index, the CASE schema); may be absent."""

CASES = ROOT / "tests" / "cases"
"""The data-driven test cases."""
