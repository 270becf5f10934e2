"""Entry and exit chains (mechkg.paths.ends): where a mechanism may start and end, and what generalises."""

from __future__ import annotations

from mechkg.paths.ends import broader_chain, broader_steps, entries, exits, generalisations
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import EXPECTED_UC, chains, tiny_graph  # noqa: F401 - tiny_graph: the G fixture


def keys(chain) -> list[tuple[str, str, str, str, bool]]:
    return [(h.subject, h.predicate, h.object, h.kind, h.forward) for h in chain]


def test_generalised_entry_is_shown_as_a_hop(G):
    path = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[4]
    assert [(h.predicate, h.kind) for h in path.hops[:2]] == [("uses", "entry"), ("broader", "entry")]
    assert chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE", inherit=False)) == [e[0] for e in EXPECTED_UC[:4]]


def test_entries_are_the_therapy_what_it_uses_and_with_inherit_their_broader_kinds(G):
    assert {n: keys(c) for n, c in entries(G, ["UC_MSC_THERAPY"], inherit=False).items()} == {
        "UC_MSC": [("UC_MSC_THERAPY", "uses", "UC_MSC", "entry", True)],
        "UC_MSC_THERAPY": [],
    }
    inherited = entries(G, ["UC_MSC_THERAPY"], inherit=True)
    assert list(inherited) == ["MSC", "MSC_THERAPY", "UC_MSC", "UC_MSC_THERAPY"]
    # MSC is reached both ways (UC-MSC is an MSC; MSC therapy uses MSC): the chain with fewer broader steps wins, then the shorter
    assert keys(inherited["MSC"]) == [
        ("UC_MSC_THERAPY", "uses", "UC_MSC", "entry", True),
        ("UC_MSC", "broader", "MSC", "entry", True),
    ]
    assert [generalisations(c) for c in inherited.values()] == [1, 1, 0, 0]


def test_exits_go_up_from_narrower_diseases_and_with_inherit_down_from_broader_ones(G):
    assert {n: keys(c) for n, c in exits(G, "SLE").items()} == {"SLE": [], "LN": [("LN", "broader", "SLE", "exit", True)]}
    down = exits(G, "LN", inherit=True)
    assert keys(down["SLE"]) == [("LN", "broader", "SLE", "exit", False)]
    assert generalisations(down["SLE"]) == 1 and generalisations(exits(G, "SLE")["LN"]) == 0
    assert broader_steps(down["SLE"]) == broader_steps(exits(G, "SLE")["LN"]) == 1


def test_a_broader_chain_is_the_shortest_one(G):
    assert keys(broader_chain(G, "UC_MSC", "MSC")) == [("UC_MSC", "broader", "MSC", "entry", True)]
    assert broader_chain(G, "MSC", "MSC") == ()
