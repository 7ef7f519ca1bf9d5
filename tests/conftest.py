from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from carenos.cli import main

from .support.cli import Cli

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


@pytest.fixture
def cli() -> Cli:
    """Run ``carenos ARGS`` in-process (click's CliRunner); arguments are str()-ed.

    Keyword arguments go to ``CliRunner.invoke`` (``input``, ``env``, ``catch_exceptions``)
    or through it to the command (``prog_name``, ``terminal_width``). ``result.output`` is
    stdout and stderr as printed, ``result.stdout`` and ``result.stderr`` each stream alone.
    """
    runner = CliRunner()
    return lambda *args, **kwargs: runner.invoke(main, [str(a) for a in args], **kwargs)
