"""The bundled catalogue: valid, and its published ids never disappear."""

from __future__ import annotations

from pathlib import Path

import pytest

from carenos.catalogue import CATEGORIES, load_catalogue
from carenos.errors import ContentError

from .support.paths import CASES, ROOT

PUBLISHED = [
    line
    for line in (CASES / "catalogue" / "ids.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("#")
]


def test_published_ids_are_kept_or_deprecated_with_a_replacement() -> None:
    catalogue = load_catalogue()
    ids = {entry.id: entry for entry in catalogue}
    for published in PUBLISHED:
        assert published in ids, f"{published} was published and must not be removed"
        entry = ids[published]
        if entry.deprecated:
            assert entry.replaced_by in ids


def test_new_ids_are_recorded_as_published() -> None:
    assert {entry.id for entry in load_catalogue()} <= set(PUBLISHED)


def test_bundled_catalogue_is_the_data_file() -> None:
    assert (
        load_catalogue(ROOT / "data" / "shared-knowledge.yaml").entries == load_catalogue().entries
    )
    assert {entry.category for entry in load_catalogue()} <= set(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            "version: 1\nentries:\n  - {id: Bad Id, category: rights, text: x}\n",
            "does not match",
            3,
        ),
        ("version: 1\nentries:\n  - {id: a.b, category: nope, text: x}\n", "is not one of", 3),
        (
            "version: 1\nentries:\n  - {id: a.b, category: rights, text: x}\n"
            "  - {id: a.b, category: rights, text: y}\n",
            "duplicate id",
            4,
        ),
        (
            "version: 1\nentries:\n  - {id: a.b, category: rights, text: x,"
            " deprecated: true, replaced_by: a.c}\n",
            "not in the catalogue",
            3,
        ),
    ],
)
def test_bad_catalogues_are_located(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message) as caught:
        load_catalogue(path)
    assert caught.value.source == str(path)
    assert caught.value.line == line


def test_the_shipped_catalogue_matches_its_schema() -> None:
    """load_catalogue() skips the schema check for the shipped file: this test makes it."""
    from importlib import resources

    from ruamel.yaml import YAML

    from carenos.schema import validator

    text = (resources.files("carenos") / "data" / "shared-knowledge.yaml").read_text("utf-8")
    errors = list(validator("shared-knowledge").iter_errors(YAML(typ="safe").load(text)))
    assert errors == []


def test_two_entries_with_one_text_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_text(
        "version: 1\nentries:\n  - {id: a.b, category: rights, text: To be respected}\n"
        "  - {id: a.c, category: rights, text: 'to be  respected.'}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"a\.c has the same text as a\.b") as caught:
        load_catalogue(path)
    assert caught.value.line == 4
