"""Where and from what (issue #13, item 8): anatomical entities are grounded in UBERON, and the
predicates of place link entities of the right kinds.

* every ``AnatomicalEntity`` of the curation has a UBERON xref (the lexicon check of
  ``mechkg validate`` makes sure it exists and that its label is the lexicon's);
* ``hasLocation`` goes from a disease or phenotype to an anatomical entity, ``locatedIn`` from a
  cell, ``administeredAt`` from a therapy, and ``derivesFrom`` to an anatomical entity only from a
  cell type (a tissue source);
* the three predicates of place are unsigned and not causal, so mechanism paths never walk them;
* the new entity files use standard Traditional characters (幹細胞, not the article's 干細胞).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mechkg.terms.ontology import predicates

CURATION = Path(__file__).parents[1] / "graph" / "curation"
PLACE = ("hasLocation", "locatedIn", "administeredAt")
SUBJECT_TYPES = {
    "hasLocation": {"Disease", "Phenotype"},
    "locatedIn": {"CellType"},
    "administeredAt": {"Therapy"},
}


def _records(kind: str) -> list[dict]:
    return [
        record
        for path in sorted((CURATION / kind).glob("*.yaml"))
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


@pytest.fixture(scope="module")
def types() -> dict[str, str]:
    return {record["id"]: record["type"] for record in _records("entities")}


@pytest.fixture(scope="module")
def claims() -> list[dict]:
    return _records("claims")


def test_every_anatomical_entity_has_a_uberon_xref():
    anatomy = [record for record in _records("entities") if record["type"] == "AnatomicalEntity"]
    assert len(anatomy) >= 25
    missing = [r["id"] for r in anatomy if not any(x["curie"].startswith("UBERON:") for x in r.get("xrefs", ()))]
    assert missing == []


@pytest.mark.parametrize("predicate", PLACE)
def test_predicates_of_place_link_the_right_kinds(predicate, types, claims):
    used = [c for c in claims if c["predicate"] == predicate]
    assert used, f"no claim uses {predicate}"
    wrong = [
        c["id"] for c in used if types[c["subject"]] not in SUBJECT_TYPES[predicate] or types[c["object"]] != "AnatomicalEntity"
    ]
    assert wrong == []


def test_a_tissue_source_is_given_for_a_cell(types, claims):
    sources = [c for c in claims if c["predicate"] == "derivesFrom" and types[c["object"]] == "AnatomicalEntity"]
    assert {types[c["subject"]] for c in sources} == {"CellType"}
    assert {c["object"] for c in sources} >= {"BONE_MARROW", "UMBILICAL_CORD", "DENTAL_PULP", "SYNOVIUM"}


def test_every_disease_with_a_site_claim_is_a_disease_of_the_article(types, claims):
    sited = {c["subject"] for c in claims if c["predicate"] == "hasLocation"}
    assert {"SLE", "RA", "IBD", "UC", "MS", "T1D", "DM", "AS"} <= sited


@pytest.mark.parametrize("name", PLACE)
def test_predicates_of_place_are_unsigned_and_not_causal(name):
    info = predicates()[name]
    assert (info.sign, info.causal) == (0, False)
    assert info.label_en and info.label_zh


@pytest.mark.parametrize("file", ["anatomy.yaml", "processes.yaml"])
def test_new_entity_labels_use_standard_traditional_characters(file):
    records = yaml.safe_load((CURATION / "entities" / file).read_text(encoding="utf-8"))
    assert records
    assert [r["id"] for r in records if "干" in r["label"]["zh-Hant"]] == []


def test_process_entities_are_grounded_in_go_and_used_by_claims(claims):
    processes = yaml.safe_load((CURATION / "entities" / "processes.yaml").read_text(encoding="utf-8"))
    used = {c["subject"] for c in claims} | {c["object"] for c in claims}
    for record in processes:
        assert record["type"] == "BiologicalProcess"
        assert any(x["curie"].startswith("GO:") for x in record["xrefs"]), record["id"]
        assert record["id"] in used, f"{record['id']} is not acted on by any claim"
