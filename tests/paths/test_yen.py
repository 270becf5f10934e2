"""The pruned search (compact graph, numpy BFS, Yen on the feasible subgraph) gives exactly the results of the
reference search (Yen on the whole networkx search graph): mechkg.paths.yen."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechkg.network.assemble import assemble
from mechkg.network.evidence import EntityNode
from mechkg.paths.index import path_index
from mechkg.paths.score import EVIDENCE_STRENGTH
from mechkg.paths.search import mechanism_paths, mechanisms
from mechkg.paths.yen import hop_distances
from tests.paths.tiny_graph import ARTICLE_DISEASES, both_engines, make_claim, tiny_graph  # noqa: F401 - tiny_graph: the G fixture

QUERY_OPTIONS = [
    {},
    {"k": 1},
    {"k": 2},
    {"k": 50},
    {"mode": "exploratory", "k": 50},
    {"mode": "exploratory", "max_hops": 3},
    {"via": ["IL-10"]},
    {"avoid": ["Th17"]},
    {"avoid": ["TGF-β", "IL-6"], "k": 50},
    {"min_evidence": "animal"},
    {"min_evidence": "human"},
    {"classes": ["CellType"]},
    {"predicates": ["increases", "decreases", "ameliorates", "contributesTo"]},
    {"disease_context": True},
    {"inherit": False},
    {"max_hops": 2},
]


@pytest.mark.parametrize("options", QUERY_OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()) or "default")
@pytest.mark.parametrize("therapy", ["UC_MSC_THERAPY", "MSC", "exosome", "TGF-β"])
@pytest.mark.parametrize("disease", ["SLE", "LN"])
def test_pruned_search_equals_reference_on_tiny_graph(G, therapy, disease, options):
    pruned, full = both_engines(G, therapy, disease, **options)
    assert pruned == full  # paths, order, hops, claims, score parts, variants, observed, partial chains


def test_pruned_search_equals_reference_in_summary_and_with_shared_index(G):
    assert mechanisms(G, "SLE") == mechanisms(G, "SLE", engine="full")
    index = path_index(G, mode="exploratory")
    for therapy in ("UC_MSC_THERAPY", "MSC_THERAPY", "EXO_THERAPY"):
        pruned = mechanism_paths(G, therapy, "SLE", mode="exploratory", k=20, index=index)
        assert pruned == mechanism_paths(G, therapy, "SLE", mode="exploratory", k=20, index=index, engine="full")
        assert pruned.paths
    assert index.H.number_of_edges() == index.search.number_of_edges
    assert dict(index.degree) == {n: len(set(index.H.predecessors(n)) | set(index.H.successors(n))) for n in index.H}


def test_unknown_engine_is_refused(G):
    with pytest.raises(ValueError, match="engine"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", engine="igraph")  # type: ignore[arg-type]


def test_hop_distances_stop_at_the_limit_and_follow_the_view():
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "c")])
    assert hop_distances(G, ["a"], 2) == {"a": 0, "b": 1, "c": 2}
    assert hop_distances(nx.reverse_view(G), ["d"], 5) == {"d": 0, "c": 1, "b": 2, "x": 2, "a": 3}
    assert hop_distances(nx.subgraph_view(G, filter_edge=lambda u, v: u != "b"), ["a", "x"], 5) == {
        "a": 0,
        "x": 0,
        "b": 1,
        "c": 1,
        "d": 2,
    }


LEVEL_NAMES = sorted(EVIDENCE_STRENGTH)
CAUSAL_PREDICATES = ["increases", "decreases", "secretes", "contributesTo", "regulates", "ameliorates"]


@st.composite
def random_graphs(draw) -> nx.MultiDiGraph:
    """Small graphs with many equal costs (few evidence levels, one source), hubs, broader links and direct edges."""
    n = draw(st.integers(4, 12))
    nodes = [f"N{i}" for i in range(n)]
    entities = []
    for node in nodes[:-1]:
        broader = draw(st.lists(st.sampled_from(nodes), max_size=1).filter(lambda b, x=node: x not in b))
        entities.append(EntityNode(node, "GeneProduct", node, "", node, broader=tuple(broader)))
    entities.append(EntityNode(nodes[-1], "Disease", nodes[-1], "", nodes[-1], broader=("D",)))
    entities += [EntityNode("T", "Therapy", "T", "", "T"), EntityNode("D", "Disease", "D", "", "D")]
    edges = draw(
        st.lists(
            st.tuples(
                st.sampled_from([*nodes, "D"]),
                st.sampled_from([*nodes, "D"]),
                st.sampled_from(CAUSAL_PREDICATES),
                st.sampled_from(LEVEL_NAMES[:3]),
                st.sampled_from("AB"),
            ),
            min_size=3,
            max_size=40,
        )
    )
    claims = [make_claim(f"c{i}", s, p, o, level, source, {}) for i, (s, o, p, level, source) in enumerate(edges) if s != o]
    triples = list(dict.fromkeys([("T", "uses", nodes[0]), *(c.triple for c in claims)]))
    return assemble(entities, claims, triples)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=random_graphs(), k=st.integers(1, 6), max_hops=st.integers(2, 5), mode=st.sampled_from(["causal", "exploratory"]))
def test_pruned_search_equals_reference_on_random_graphs(G, k, max_hops, mode):
    pruned, full = both_engines(G, "T", "D", k=k, max_hops=max_hops, mode=mode)
    assert pruned == full


# --------------------------------------------------------------------------------------------
# The curated article
# --------------------------------------------------------------------------------------------

ARTICLE_PAIRS = [
    ("MSC", "SLE"),
    ("exosome", "IBD"),
    ("let-7f-modified MSCs", "SLE"),
    ("MSC", "RA"),
    ("MSC", "T1D"),
    ("MSC", "MS"),
    ("exosome", "SLE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("therapy", "disease"), ARTICLE_PAIRS)
def test_article_pruned_search_equals_reference(packaged_built, therapy, disease):
    G = packaged_built.network
    for options in ({"k": 10, "max_hops": 6}, {"mode": "exploratory", "k": 10, "max_hops": 4}, {"min_evidence": "animal"}):
        pruned, full = both_engines(G, therapy, disease, **options)
        assert pruned == full, (therapy, disease, options)


@pytest.mark.slow
def test_article_pruned_search_equals_reference_for_every_therapy(packaged_built):
    G = packaged_built.network
    index = path_index(G)
    for disease in ARTICLE_DISEASES:
        assert mechanisms(G, disease) == mechanisms(G, disease, engine="full"), disease
    therapies = sorted(n for n, d in G.nodes(data=True) if d.get("type") == "Therapy")
    for therapy in therapies:
        for disease in ("SLE", "IBD", "T1D"):
            pruned = mechanism_paths(G, therapy, disease, index=index, nearest=False)
            assert pruned == mechanism_paths(G, therapy, disease, index=index, nearest=False, engine="full"), (therapy, disease)
