"""The explorer's disease filter takes in narrower diseases: the closure, the page data, the per-disease pages."""

from __future__ import annotations

import networkx as nx

from mechkg.render.disease_pages import disease_subgraph
from mechkg.render.filters import disease_scope, narrower_terms


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("AID", type="Disease")
    G.add_node("MS", type="Disease", broader=("AID",))
    G.add_node("RRMS", type="Disease", broader=("MS",))
    G.add_node("SLE", type="Disease", broader=("AID",))
    G.add_node("MSC", type="CellType", broader=("STEM_CELL",))
    for node in ("X", "Y", "Z", "STEM_CELL"):
        G.add_node(node, type="GeneProduct")
    G.add_edge("X", "Y", key="increases", diseases=("RRMS",))
    G.add_edge("Y", "Z", key="decreases", diseases=("MS", "RRMS"))
    G.add_edge("Z", "X", key="increases", diseases=("SLE",))
    G.add_edge("MSC", "RRMS", key="ameliorates", diseases=())
    return G


def test_narrower_terms_follow_broader_links_all_the_way_down_and_never_up():
    scope = narrower_terms({"RRMS": ["MS"], "SPMS": ["MS"], "MS": ["AID"], "T1D": ["DM", "AID"]})
    assert scope["AID"] == ["AID", "MS", "RRMS", "SPMS", "T1D"]
    assert scope["MS"] == ["MS", "RRMS", "SPMS"]
    assert scope["DM"] == ["DM", "T1D"]
    assert scope["RRMS"] == ["RRMS"]  # a broader disease is never taken in


def test_disease_scope_lists_only_diseases_and_every_disease():
    scope = disease_scope(_graph())
    assert scope == {"AID": ["AID", "MS", "RRMS", "SLE"], "MS": ["MS", "RRMS"], "RRMS": ["RRMS"], "SLE": ["SLE"]}


def test_a_disease_page_keeps_the_edges_of_its_narrower_diseases_once():
    H = disease_subgraph(_graph(), "MS")
    assert sorted(H.edges(keys=True)) == [("MSC", "RRMS", "ameliorates"), ("X", "Y", "increases"), ("Y", "Z", "decreases")]
    assert {"MS", "RRMS"} <= set(H)
    assert "SLE" not in H
    assert sorted(disease_subgraph(_graph(), "RRMS").edges(keys=True)) == [
        ("MSC", "RRMS", "ameliorates"),
        ("X", "Y", "increases"),
        ("Y", "Z", "decreases"),
    ]


def test_the_page_carries_each_diseases_scope_for_the_filter(packaged_built):
    """On the article, MS's filter keeps RRMS and SPMS claims; IBD's keeps UC and Crohn's disease."""
    from mechkg.render.page_data import page_data

    data = page_data(packaged_built.network, lang="en")
    scope = data["disease_scope"]
    assert set(scope) == set(data["diseases"])
    assert {"MS", "RRMS", "SPMS"} <= set(scope["MS"]) and "SLE" not in scope["MS"]
    assert {"IBD", "UC", "CROHN"} <= set(scope["IBD"])
    assert scope["RRMS"] == ["RRMS"]
