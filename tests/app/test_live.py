"""Live paths (graph/app/live.py): each pair's records are the build table's entry, ids are checked, answers cached."""

from __future__ import annotations

import pytest

from mechkg.app import live
from mechkg.app.live import LivePaths, UnknownEnd
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode
from mechkg.paths.table import pair_table
from mechkg.render.path_records import pair_paths, pairs_on_page


@pytest.fixture(scope="module")
def G():  # noqa: N802 - a graph is G (the networkx convention)
    """Two therapies (one with two paths to D), a disease with paths and one without."""
    nodes = [
        EntityNode(n, t, n, n, n)
        for n, t in [("T", "Therapy"), ("T2", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("Y", "GeneProduct"),
                     ("D", "Disease"), ("E", "Disease")]
    ]  # fmt: skip
    claims = [
        Claim("c1", "C", "secretes", "X", 1, source="s", evidence_level="in_vitro"),
        Claim("c2", "X", "decreases", "D", -1, source="s", evidence_level="animal_model"),
        Claim("c3", "C", "increases", "Y", 1, source="s", evidence_level="in_vitro"),
        Claim("c4", "Y", "decreases", "D", -1, source="s", evidence_level="human_trial"),
    ]
    return assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)])


def test_every_pair_is_the_built_pages_entry(G):
    built = {(e["therapy"], e["disease"]): e for e in pairs_on_page(G, pair_paths(G, pair_table(G)))}
    paths = LivePaths(G)
    assert [len(e["paths"]) for e in built.values()] == [2]
    assert paths.therapies == sorted(n for n, t in G.nodes(data="type") if t == "Therapy")
    assert paths.diseases == sorted(n for n, t in G.nodes(data="type") if t == "Disease")
    for therapy in paths.therapies:
        for disease in paths.diseases:
            entry = paths.pair(therapy, disease)
            assert entry == built.get((therapy, disease), {"therapy": therapy, "disease": disease, "paths": []})
    choices = paths.choices("/api/pair-paths")
    assert choices == {"endpoint": "/api/pair-paths", "therapies": paths.therapies, "diseases": paths.diseases}


def test_unknown_ids_and_limits_are_refused(G):
    paths = LivePaths(G)
    therapy, disease = paths.therapies[0], paths.diseases[0]
    with pytest.raises(UnknownEnd, match="unknown therapy 'C'") as raised:
        paths.pair("C", disease)  # an entity, but not a therapy the panel offers
    assert (raised.value.role, raised.value.value) == ("therapy", "C")
    with pytest.raises(UnknownEnd, match="unknown disease"):
        paths.pair(therapy, "constructor")
    for k, hops in ((0, 6), (live.MAX_K + 1, 6), (5, 1), (5, live.MAX_MAX_HOPS + 1)):
        with pytest.raises(ValueError, match="k must be"):
            paths.pair(therapy, disease, k=k, max_hops=hops)


def test_the_cache_is_bounded_and_keeps_the_recent(G, monkeypatch):
    monkeypatch.setattr(live, "CACHE_SIZE", 2)
    paths = LivePaths(G)
    pairs = [(t, d) for t in paths.therapies for d in paths.diseases][:3]
    first = paths.pair(*pairs[0])
    assert paths.pair(*pairs[0]) is first  # answered from the cache
    paths.pair(*pairs[1])
    paths.pair(*pairs[2])
    assert len(paths._cache) == 2 and (*pairs[0], 5, 6) not in paths._cache
