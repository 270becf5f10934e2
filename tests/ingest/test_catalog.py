"""Records by id: an id is used once (a study not even as an entity's), reported where it repeats."""

from __future__ import annotations

from pathlib import Path

from conftest import MINI
from curation_edits import edit, line_of, problems_of

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.records import read_records


def catalog_of(root: Path):
    findings = Findings()
    return catalog_records(read_records(root, findings), findings), [str(p) for p in findings.problems]


def test_the_mini_curation_by_id():
    catalog, problems = catalog_of(MINI)
    assert problems == []
    assert list(catalog.sources) == ["mini"]
    assert list(catalog.studies) == ["STUDY_NANJING"]
    assert catalog.entities["IL6"].type == "GeneProduct"
    assert len(catalog.excused) == 1 and catalog.excused[0].record.reason == "heading"
    assert catalog.where("IL6", "xrefs", 0) == Place(
        "entities/entities.yaml", line_of(MINI / "entities/entities.yaml", '"HGNC:6018"'), "xrefs.0"
    )
    assert catalog.locations()["mini-let7f-il6"] == ("claims/sle.yaml", line_of(MINI / "claims/sle.yaml", "- id: mini-let7f-il6"))
    assert list(catalog.locations())[:2] == ["mini", "SLE"]


def test_duplicate_claim_id_is_reported_where_it_repeats_naming_the_first(mini: Path):
    edit(mini / "claims/sle.yaml", "- id: mini-il6-th17", "- id: mini-let7f-il6")
    text = (mini / "claims/sle.yaml").read_text(encoding="utf-8").splitlines()
    first, again = [n for n, line in enumerate(text, start=1) if line == "- id: mini-let7f-il6"]
    catalog, problems = catalog_of(mini)
    assert problems == [f"claims/sle.yaml:{again}: id: duplicate claim id 'mini-let7f-il6' (first at claims/sle.yaml:{first})"]
    assert catalog.locations()["mini-let7f-il6"] == ("claims/sle.yaml", first)  # the first is kept


def test_a_study_may_not_reuse_an_entity_id(mini: Path):
    edit(mini / "studies/sle.yaml", "- id: STUDY_NANJING", "- id: SLE")
    problems = problems_of(mini)
    assert "studies/sle.yaml:1: id: duplicate entity id 'SLE' (first at entities/entities.yaml:1)" in problems


def test_duplicate_across_files(mini: Path):
    extra = "- id: IL6\n  type: GeneProduct\n  label: {en: IL-6 again, zh-Hant: 白細胞介素-6}\n  ungrounded: a copy\n"
    (mini / "entities" / "more.yaml").write_text(extra, encoding="utf-8")
    first = line_of(mini / "entities/entities.yaml", "- id: IL6")
    _, problems = catalog_of(mini)
    assert problems == [f"entities/more.yaml:1: id: duplicate entity id 'IL6' (first at entities/entities.yaml:{first})"]
