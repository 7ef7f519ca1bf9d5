"""Versions of a standard in two languages: one corpus, one code, two standards."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import carenos
import carenos.export
from carenos.corpus import key_of
from carenos.errors import DuplicateError
from carenos.export import CaseOptions, from_case, to_case, write_yaml_files

from .support.export import case_errors
from .support.paths import ROOT

ENGLISH = ROOT / "data" / "standards" / "SCDHSC0393.yaml"


def _welsh(standard: carenos.Standard) -> carenos.Standard:
    """A stand-in translation: the same structure, texts marked as Welsh."""
    return attrs.evolve(standard, language="cy", title="Hyrwyddo cyfranogiad (cy)")


@pytest.fixture
def both(tmp_path: Path) -> Path:
    english = carenos.load(ENGLISH)
    carenos.dump(english, tmp_path / "SCDHSC0393.yaml")
    carenos.dump(_welsh(english), tmp_path / "SCDHSC0393.cy.yaml")
    return tmp_path


def test_a_corpus_holds_both_languages_of_one_code(both: Path) -> None:
    corpus = carenos.load_corpus(both)
    assert len(corpus) == 2
    assert corpus.codes == ("SCDHSC0393",)
    assert corpus.languages("SCDHSC0393") == ("cy", "en")  # sorted by file name
    assert corpus["SCDHSC0393"].language == "en"
    assert corpus["SCDHSC0393", "cy"].title == "Hyrwyddo cyfranogiad (cy)"
    welsh = corpus.get("SCDHSC0393", language="cy")
    assert welsh is not None
    assert welsh.language == "cy"
    assert corpus.get("SCDHSC0393", language="gd") is None
    assert corpus.source_of("SCDHSC0393", "cy") == str(both / "SCDHSC0393.cy.yaml")


def test_both_validate_clean_together(both: Path) -> None:
    assert carenos.validate(both).findings == ()
    assert carenos.validate_corpus(carenos.load_corpus(both)).findings == ()


def test_a_translation_of_another_structure_is_cn208(both: Path) -> None:
    english = carenos.load(ENGLISH)
    last = english.elements[-1]
    shorter = attrs.evolve(last, performance_criteria=last.performance_criteria[:-1])
    welsh = attrs.evolve(_welsh(english), elements=(*english.elements[:-1], shorter))
    carenos.dump(welsh, both / "SCDHSC0393.cy.yaml", overwrite=True)
    report = carenos.validate(both)
    (finding,) = report.findings
    assert finding.code == "CN208"
    assert finding.source == str(both / "SCDHSC0393.cy.yaml")
    assert finding.message == "the cy version's ids differ from the en version's: missing P29"
    lines = (both / "SCDHSC0393.cy.yaml").read_text(encoding="utf-8").splitlines()
    assert finding.line is not None
    assert lines[finding.line - 1] == "elements:"
    loaded = carenos.validate_corpus(carenos.load_corpus(both))
    assert [f.code for f in loaded.findings] == ["CN208"]


def test_one_code_twice_in_one_language_is_still_refused(both: Path) -> None:
    carenos.dump(_welsh(carenos.load(ENGLISH)), both / "copy.yaml")
    with pytest.raises(DuplicateError, match=r"standard SCDHSC0393 \(cy\) is also in"):
        carenos.load_corpus(both)
    assert "CN207" in [f.code for f in carenos.validate(both).findings]


def test_case_writes_one_document_a_language_and_reads_them_back(both: Path) -> None:
    corpus = carenos.load_corpus(both)
    english = json.loads(to_case(corpus))
    welsh = json.loads(to_case(corpus, CaseOptions(language="cy")))
    assert case_errors(english) == []
    assert case_errors(welsh) == []
    assert english["CFDocument"]["identifier"] != welsh["CFDocument"]["identifier"]
    identifiers = [item["identifier"] for item in english["CFItems"] + welsh["CFItems"]]
    assert len(identifiers) == len(set(identifiers))
    back = from_case(english) + from_case(welsh)
    assert sorted(back, key=key_of) == sorted(corpus, key=key_of)


def test_each_version_is_written_to_its_own_file(both: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_yaml_files(carenos.load_corpus(both), out)
    assert [p.name for p in written] == ["SCDHSC0393.cy.yaml", "SCDHSC0393.yaml"]


def test_mapping_holds_one_language_at_a_time(both: Path) -> None:
    corpus = carenos.load_corpus(both)
    english = carenos.map_knowledge(corpus)
    assert english.codes == ("SCDHSC0393",)
    assert english.shared() == ()  # one standard: nothing shared with another
    assert english.entry_for("SCDHSC0393/K1") is not None
    welsh = carenos.map_knowledge(corpus, language="cy")
    assert welsh.codes == ("SCDHSC0393",)


def test_a_loaded_stream_is_not_named_for_each_standard(tmp_path: Path) -> None:
    corpus = carenos.load_corpus(ROOT / "data" / "standards")
    stream = tmp_path / "all.yaml"
    stream.write_text(carenos.export.to_yaml(corpus), encoding="utf-8")
    assert carenos.validate_corpus(carenos.load_corpus(stream)).findings == ()
