"""Legends and label tables (graph/render/legend.py): labels from the graph, else the names themselves."""

from __future__ import annotations

import pytest

from mechkg.ingest.model import EVIDENCE_LEVELS as MODEL_LEVELS
from mechkg.ingest.model import FLAG_KINDS as MODEL_FLAG_KINDS
from mechkg.render.legend import EVIDENCE_LEVELS, FLAG_KINDS, flag_kind_labels
from mechkg.render.page import explorer_html
from tests.render.page_fixture import build_graph, data_block, small_page


def test_class_and_predicate_labels_come_from_the_graph() -> None:
    graph = build_graph()
    graph.graph["classes"] = {"Disease": {"label_en": "illness", "label_zh": "病症"}}
    graph.graph["predicates"] = {"secretes": {"label_en": "gives off", "label_zh": "釋出"}}
    data = data_block(explorer_html(graph))[1]
    disease = next(c for c in data["classes"] if c["name"] == "Disease")
    assert (disease["label_en"], disease["label_zh"]) == ("illness", "病症")
    assert data["predicates"]["secretes"] == {"label_en": "gives off", "label_zh": "釋出"}
    assert data["predicates"]["decreases"] == {"label_en": "decreases", "label_zh": "decreases"}  # not given: the name


def test_labels_default_to_the_ontology() -> None:
    graph = build_graph()
    from mechkg.terms.ontology import class_labels, predicates

    data = data_block(explorer_html(graph))[1]
    cell = next(c for c in data["classes"] if c["name"] == "CellType")
    assert (cell["label_en"], cell["label_zh"]) == class_labels()["CellType"]
    assert data["predicates"]["decreases"]["label_zh"] == predicates()["decreases"].label_zh


@pytest.mark.slow
def test_packaged_page_uses_the_ontology_labels(packaged_built) -> None:
    G = packaged_built.network
    data = data_block(explorer_html(G))[1]
    for entry in data["classes"]:
        assert entry["label_zh"] == G.graph["classes"][entry["name"]]["label_zh"]
    for name, labels in data["predicates"].items():
        assert labels["label_en"] == G.graph["predicates"][name]["label_en"]


def test_every_evidence_level_and_flag_kind_of_the_curation_has_labels() -> None:
    assert list(EVIDENCE_LEVELS) == list(MODEL_LEVELS)  # strongest first, as the model lists them
    assert set(FLAG_KINDS) == set(MODEL_FLAG_KINDS)
    assert all(en and zh and en != zh for en, zh in [*EVIDENCE_LEVELS.values(), *FLAG_KINDS.values()])


def test_legends_of_the_page() -> None:
    page = small_page()
    data = data_block(page)[1]
    assert [e["name"] for e in data["evidence_levels"]] == ["human_trial", "animal_model", "in_vitro", "review_assertion"]
    assert data["flag_kinds"] == {"overstated": {"label_en": "overstated", "label_zh": "言過其實"}}
    assert [s["sign"] for s in data["signs"]] == [1, -1, 0]
    assert {c["name"]: c["count"] for c in data["classes"]}["OrganismTaxon"] == 2
    assert flag_kind_labels([], []) == {}
