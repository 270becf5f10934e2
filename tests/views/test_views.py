"""The view layer: one JSON shape per record, the same in every output."""

from __future__ import annotations

import dataclasses
import json

from mechkg.network.assemble import node_of
from mechkg.network.evidence import Claim, Edge, Flag, Source
from mechkg.views.claims import claim_json, flag_json, source_json
from mechkg.views.edges import edge_json
from mechkg.views.entity import entity_json, entity_text, node_json
from mechkg.views.studies import study_json


def test_claim_json_has_every_field_of_a_claim():
    claim = Claim("c1", "A", "increases", "B", 1, disease=("SLE",), flags=(Flag("doubtful", "n", "i"),))
    data = claim_json(claim)
    assert set(data) == {f.name for f in dataclasses.fields(Claim)}
    assert data["disease"] == ["SLE"] and data["flags"] == [{"kind": "doubtful", "origin": "", "note": "n", "intended": "i"}]
    assert json.loads(json.dumps(data)) == data


def test_edge_and_source_json_have_every_field():
    edge = Edge("A", "increases", "B", 1, True, claims=("c1",))
    assert set(edge_json(edge)) == {f.name for f in dataclasses.fields(Edge)}
    assert source_json(Source("s", "甲", "a")) == {"id": "s", "title_zh": "甲", "title_en": "a"}
    assert flag_json(Flag("k", "n")) == {"kind": "k", "origin": "", "note": "n", "intended": ""}


def test_show_page_and_path_answer_share_the_claim_shape(packaged_built):
    """The claim JSON of `show`, of a path answer and of the page is one and the same."""
    from mechkg.paths.search import mechanism_paths
    from mechkg.views.paths import result_json

    G = packaged_built.network
    shown = {c["id"]: c for c in entity_json(G, "IL6")["claims"]}
    answer = result_json(G, mechanism_paths(G, "LET7F_MSC_THERAPY", "SLE", k=3))
    on_path = [c for p in answer["paths"] for e in p["edges"] for c in e["claims"]]
    assert on_path
    for claim in on_path:
        expected = claim_json(G.graph["claims"][claim["id"]])
        assert {k: v for k, v in claim.items() if k != "value"} == expected
        if claim["id"] in shown:
            assert shown[claim["id"]] == expected


def test_path_answer_marks_flagged_and_other_disease_hops(packaged_built):
    """`mechkg path --format json` says per hop what the page marks: a flagged claim, claims only about other diseases."""
    from mechkg.paths.search import mechanism_paths
    from mechkg.views.paths import result_json

    G = packaged_built.network
    answer = result_json(G, mechanism_paths(G, "MSC_THERAPY", "AIHA"))
    hops = [e for p in answer["paths"] for e in p["edges"]]
    for hop in hops:
        assert hop["flagged"] == any(c["flags"] for c in hop["claims"])
    for path in answer["paths"]:
        other = {(b["subject"], b["predicate"], b["object"]) for b in path["borrowed_context"]}
        assert {(e["subject"], e["predicate"], e["object"]) for e in path["edges"] if e["other_disease"]} == other
    assert any(h["flagged"] for h in hops) and any(h["other_disease"] for h in hops)
    assert any(h["predicate"] == "broader" for h in hops)  # the is-a steps are listed as entry/exit hops


def test_a_study_shows_its_numbers(packaged_built):
    G = packaged_built.network
    study = next(n for n, d in G.nodes(data=True) if d["type"] == "ClinicalStudy" and d["study"].figures)
    data = study_json(G.nodes[study]["study"])
    assert data["figures"] and {"measure", "value", "unit", "claim"} <= set(data["figures"][0])
    assert node_json(node_of(G, study))["properties"] == data
    assert entity_json(G, study)["properties"]["figures"] == data["figures"]


def test_entity_text_lists_quotes_and_flags(packaged_built):
    G = packaged_built.network
    flagged = next(c for c in G.graph["claims"].values() if c.flags)
    text = entity_text(entity_json(G, flagged.subject))
    assert flagged.quote in text and f"FLAG {flagged.flags[0].kind}" in text
