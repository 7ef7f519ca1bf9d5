"""The code of the suppression comments' own finding (:mod:`carenos.validation.suppress`)."""

from __future__ import annotations

from .registry import declare

__all__: list[str] = []

declare(
    "CN010",
    title="a suppression comment that suppresses nothing",
    rationale=(
        "A suppression outlives the finding it was for: it would hide the next real one "
        "without a word."
    ),
    fix="Delete the `# carenos: ignore[...]` comment, or the codes in it that no longer apply.",
    stage="read",
    severity="warning",
)
