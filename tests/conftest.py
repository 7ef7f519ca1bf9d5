from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"

settings.register_profile(
    "ci", max_examples=60, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def minimal_dict() -> dict[str, object]:
    """A small, valid standard in its dict form."""
    return {
        "code": "SCDHSC9999",
        "title": "Test standard",
        "overview": "This standard is a fixture.",
        "elements": [
            {
                "title": "First element",
                "performance_criteria": [{"id": "P1", "text": "do one thing"}],
            }
        ],
        "knowledge": [{"heading": "Rights", "items": [{"id": "K1", "text": "know one thing"}]}],
    }
