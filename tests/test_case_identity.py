"""CASE identity across exports: the scenarios a CASE server refused or rewrote (the
interchange review, part (a), B-E), run against a stand-in for the server's rules."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from carenos import KnowledgeItem, KnowledgeSection, Standard
from carenos.export import CaseOptions, case_package
from carenos.export.case.identity import NAMESPACE, identifier

from .support.export import case_errors, seed_standards


class Server:
    """What OpenSALT's import keeps and refuses: an item belongs to one document for good,
    and (what a consumer relies on) an identifier goes on naming the same text."""

    def __init__(self) -> None:
        self.document_of: dict[str, str] = {}
        self.text_of: dict[str, str] = {}
        self.child_of: dict[str, tuple[str, str]] = {}  # by association identifier

    def parents(self, item: str) -> set[str]:
        """The parents an item has on the server after the imports so far (a server
        updates an association it has by its identifier, and keeps the others)."""
        return {parent for child, parent in self.child_of.values() if child == item}

    def load(self, package: dict[str, Any]) -> None:
        document = package["CFDocument"]["identifier"]
        for item in package["CFItems"]:
            ident = item["identifier"]
            owner = self.document_of.setdefault(ident, document)
            if owner != document:
                raise AssertionError(f"Cannot change the document of an item ({ident})")
            before = self.text_of.setdefault(ident, item["fullStatement"])
            if before != item["fullStatement"]:
                raise AssertionError(
                    f"item {ident} changed meaning: {before!r} -> {item['fullStatement']!r}"
                )
        for association in package["CFAssociations"]:
            if association["associationType"] == "isChildOf":
                self.child_of[association["identifier"]] = (
                    association["originNodeURI"]["identifier"],
                    association["destinationNodeURI"]["identifier"],
                )


@pytest.fixture
def seeds() -> list[Standard]:
    return seed_standards()


def test_a_subset_a_superset_and_another_order_are_one_document(seeds: list[Standard]) -> None:
    server = Server()
    one = case_package(seeds[:1])
    both = case_package(seeds)
    swapped = case_package(list(reversed(seeds)))
    for package in (both, one, swapped, case_package(seeds[1:]), both):
        server.load(package)  # scenarios B, C and D: every import is kept
    assert one["CFDocument"]["identifier"] == both["CFDocument"]["identifier"]
    assert swapped["CFDocument"]["identifier"] == both["CFDocument"]["identifier"]
    ids = {item["identifier"] for item in one["CFItems"]}
    assert ids <= {item["identifier"] for item in both["CFItems"]}


def test_the_framework_key_names_the_document(seeds: list[Standard]) -> None:
    default = case_package(seeds)["CFDocument"]["identifier"]
    other = case_package(seeds, CaseOptions(framework="Care NOS 2026"))
    assert other["CFDocument"]["identifier"] != default
    assert other["CFDocument"]["title"] == "Care NOS 2026"  # the title follows the key
    server = Server()
    server.load(case_package(seeds))
    server.load(other)  # two frameworks that share standards coexist: their items differ


def _revised(standard: Standard) -> tuple[Standard, dict[str, str]]:
    """``standard`` with a knowledge item inserted first, one removed, one reworded and one
    moved to another heading, renumbered; and what became of the changed ones."""
    sections = [list(section.items) for section in standard.knowledge]
    inserted = KnowledgeItem("K1", "how to use digital care records safely")
    reworded_old = sections[1][1]
    sections[1][1] = KnowledgeItem("K1", reworded_old.text + " and how they may change")
    removed = sections[1].pop(2)
    moved = sections[1].pop(3)
    sections[0].insert(0, inserted)
    sections[-1].append(moved)
    number = 0
    rebuilt = []
    for section, items in zip(standard.knowledge, sections, strict=True):
        renumbered = []
        for item in items:
            number += 1
            renumbered.append(KnowledgeItem(f"K{number}", item.text))
        rebuilt.append(KnowledgeSection(section.heading, tuple(renumbered)))
    notes = {"reworded": reworded_old.ref, "removed": removed.ref, "moved": moved.ref}
    return evolve(standard, knowledge=tuple(rebuilt)), notes


def test_a_revision_changes_no_surviving_identifiers_text(seeds: list[Standard]) -> None:
    old = seeds[0]
    new, what = _revised(old)
    first = case_package([old])
    second = case_package([new], CaseOptions(previous=[old]))
    server = Server()
    server.load(first)
    server.load(second)  # scenario E: no identifier is given another text
    before = {i["fullStatement"]: i["identifier"] for i in first["CFItems"]}
    after = {i["fullStatement"]: i["identifier"] for i in second["CFItems"]}
    moved_text = old[what["moved"]].text
    assert before[moved_text] == after[moved_text]  # moved and renumbered: the same item
    assert len(server.parents(after[moved_text])) == 1  # its isChildOf was updated, not added
    assert old[what["removed"]].text not in after
    replaced = [a for a in second["CFAssociations"] if a["associationType"] == "replacedBy"]
    reworded = old[what["reworded"]]
    assert [
        (a["originNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"]) for a in replaced
    ] == [(before[reworded.text], after[reworded.text + " and how they may change"])]
    assert replaced[0]["originNodeURI"]["uri"].endswith("/CFItems/" + before[reworded.text])
    assert case_errors(second) == []


def test_the_previous_version_may_be_its_case_package(seeds: list[Standard]) -> None:
    from carenos.export import from_case

    old = seeds[0]
    new, _what = _revised(old)
    previous = from_case(case_package([old]))
    via_package = case_package([new], CaseOptions(previous=previous))
    via_files = case_package([new], CaseOptions(previous=[old]))
    assert via_package == via_files


def test_a_welsh_version_is_a_document_of_its_own_linked_to_the_english(
    seeds: list[Standard],
) -> None:
    english = seeds[0]
    welsh = evolve(english, language="cy", title="Hyrwyddo cyfranogiad")
    package = case_package([english, welsh], CaseOptions(language="cy"))
    assert package["CFDocument"]["language"] == "cy"
    english_ids = {i["identifier"] for i in case_package([english])["CFItems"]}
    links = [a for a in package["CFAssociations"] if a["associationType"] == "isTranslationOf"]
    assert len(links) == len(list(english.statements()))
    assert {a["destinationNodeURI"]["identifier"] for a in links} <= english_ids
    assert case_errors(package) == []
    old_servers = case_package([english, welsh], CaseOptions(language="cy", case_version="1.0"))
    kinds = {a["associationType"] for a in old_servers["CFAssociations"]}
    assert "isTranslationOf" not in kinds
    assert case_errors(old_servers, compat="1.0") == []
    assert (
        package["CFDocument"]["identifier"] != case_package([english])["CFDocument"]["identifier"]
    )


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"])))
def test_identifier_is_the_uuid5_of_its_key(key: str) -> None:
    """The identifier is made from the SHA-1 directly, for speed: it is uuid5's."""
    assert identifier(key) == str(uuid.uuid5(NAMESPACE, key))
