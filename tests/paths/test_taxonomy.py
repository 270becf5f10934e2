"""The type hierarchy (mechkg.paths.taxonomy): broader and narrower kinds, equivalence, therapy names, borrowed hops."""

from __future__ import annotations

import networkx as nx
import pytest

from mechkg.errors import UnknownEntity
from mechkg.network.evidence import EntityNode, Xref
from mechkg.paths.taxonomy import (
    ancestors,
    descendants,
    equivalence,
    exact_matches,
    narrower_index,
    narrower_kinds,
    resolve_therapies,
)
from tests.paths.tiny_graph import tiny_graph  # noqa: F401 - the G fixture


def test_broader_and_narrower_kinds_with_their_distances(G):
    assert ancestors(G, "UC_MSC_THERAPY") == {"MSC_THERAPY": 1}
    assert ancestors(G, "LN") == {"SLE": 1} and ancestors(G, "not a node") == {}
    assert descendants(G, "SLE") == {"LN": 1}
    assert narrower_kinds(narrower_index(G), "EXOSOME") == {"MSC_EXO": 1} == descendants(G, "EXOSOME")


def test_equivalent_kinds_are_one_node_a_broader_kind_or_an_exact_match():
    G = nx.MultiDiGraph()
    for node in (
        EntityNode("A", "GeneProduct", "a", "", "urn:a", xrefs=(Xref("HGNC:1", "exact", "", ""),)),
        EntityNode("B", "GeneProduct", "b", "", "urn:b", xrefs=(Xref("HGNC:1", "exact", "", ""),)),
        EntityNode("C", "GeneProduct", "c", "", "urn:c", xrefs=(Xref("HGNC:1", "close", "", ""),)),
        EntityNode("D", "GeneProduct", "d", "", "urn:d", broader=("A",)),
    ):
        G.add_node(node.id, xrefs=node.xrefs, broader=list(node.broader))
    assert exact_matches(G) == {"A": {"HGNC:1"}, "B": {"HGNC:1"}}
    same = equivalence(G, exact_matches(G))
    assert same("A", "B") and same("D", "A") and same("A", "D") and same("C", "C")
    assert not same("C", "A") and not same("D", "B")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MSC", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("間充質干細胞", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("UC-MSC", ("UC_MSC_THERAPY",)),
        ("exosome", ("EXO_THERAPY",)),
        ("外泌體", ("EXO_THERAPY",)),
        ("MSC therapy", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("TGF-β", ("TGFB",)),
    ],
)
def test_therapy_by_class_or_cell_source(G, name, expected):
    assert resolve_therapies(G, name) == expected
    assert resolve_therapies(G, name, narrower=narrower_index(G)) == expected


def test_unknown_therapy_names_raise_unless_not_strict(G):
    with pytest.raises(UnknownEntity):
        resolve_therapies(G, "no such therapy")
    assert resolve_therapies(G, "no such therapy", strict=False) == ()


@pytest.mark.slow
def test_a_hop_resting_only_on_another_disease_is_called_out(packaged_built):
    """MSC exosomes' Th17 claim (Th2/Th17 balance) was made about colitis; on a path to SLE it is flagged as borrowed."""
    from mechkg.paths.report import mechanisms_text
    from mechkg.paths.search import mechanism_paths, mechanisms
    from mechkg.paths.taxonomy import borrowed_hops
    from mechkg.views.paths import result_json

    G = packaged_built.network
    result = mechanism_paths(G, "MSC_EXO_THERAPY", "SLE", k=10)
    borrowed = {hop.key: diseases for path in result.paths for hop, diseases in borrowed_hops(G, path)}
    assert borrowed[("MSC_EXO", "regulates", "TH17")] == ("IBD",)
    own = mechanism_paths(G, "MSC_EXO_THERAPY", "IBD", k=10)
    assert not any(borrowed_hops(G, path) for path in own.paths if [n.id for n in path.nodes][1:3] == ["MSC_EXO", "TH17"])
    data = result_json(G, result)
    assert any(e["diseases"] == ["IBD"] for p in data["paths"] for e in p["borrowed_context"])
    text = mechanisms_text(G, "SLE", mechanisms(G, "SLE"))
    assert "[other disease: IBD]" in text
