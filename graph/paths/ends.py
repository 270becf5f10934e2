"""Where a mechanism may start and end: the entry chains from a therapy and the exit chains into a disease.

A path starts at the therapy node or at an entity the therapy ``uses`` (its cells, vesicles or
drugs; the ``uses`` hop is an *entry* hop). With ``inherit`` it may also start at a more
general kind of either (``broader``, e.g. UC-MSC → MSC, UC-MSC therapy → MSC therapy):
statements the source makes about MSCs in general apply to UC-MSCs. Symmetrically it may end at
a narrower kind of the disease (ulcerative colitis for IBD) and, with ``inherit``, at a more
general one (a claim about autoimmune diseases read for SLE). Entry and exit hops are shown,
have no sign (they are not mechanisms) and each ``broader`` step costs a *specificity* factor
(:func:`mechkg.paths.score.specificity`); the steps that read a claim about a more general kind
are *generalisations*, and paths with fewer of them rank first.

>>> G = nx.MultiDiGraph()
>>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC"); G.add_node("T")
>>> G.add_edge("T", "UC_MSC", key="uses")
'uses'
>>> {node: [h.key for h in chain] for node, chain in entries(G, ["T"], inherit=True).items()}
{'MSC': [('T', 'uses', 'UC_MSC'), ('UC_MSC', 'broader', 'MSC')], 'T': [], 'UC_MSC': [('T', 'uses', 'UC_MSC')]}
>>> generalisations(entries(G, ["T"], inherit=True)["MSC"])
1
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from mechkg.paths.result import Hop
from mechkg.paths.taxonomy import ancestors, narrower_index, narrower_kinds

__all__ = ["broader_chain", "broader_steps", "entries", "exits", "generalisations"]


def entries(G: nx.MultiDiGraph, therapies: Sequence[str], *, inherit: bool, own: str | None = None) -> dict[str, tuple[Hop, ...]]:
    """Entry node -> the shortest entry chain (``uses`` / ``broader`` hops) from one of ``therapies``, by node id.

    ``own``: the therapy asked about; a chain from it is preferred to one from another (narrower) therapy.
    """
    best: dict[str, tuple[bool, int, int, str, tuple[Hop, ...]]] = {}

    def offer(node: str, chain: tuple[Hop, ...], therapy: str) -> None:
        steps = sum(h.predicate == "broader" for h in chain)
        rank = (own is not None and therapy != own, steps, len(chain), therapy, chain)
        if node not in best or rank[:4] < best[node][:4]:
            best[node] = rank

    for therapy in therapies:
        starts: list[tuple[str, tuple[Hop, ...]]] = [(therapy, ())]
        if inherit:
            starts += [(a, broader_chain(G, therapy, a)) for a in ancestors(G, therapy)]
        for node, chain in starts:
            offer(node, chain, therapy)
            for _, used, key in sorted(G.out_edges(node, keys=True)):
                if key != "uses":
                    continue
                uses_hop = Hop(node, "uses", used, "entry", None)
                offer(used, (*chain, uses_hop), therapy)
                if inherit:
                    for a in ancestors(G, used):
                        offer(a, (*chain, uses_hop, *broader_chain(G, used, a)), therapy)
    return {node: rank[4] for node, rank in sorted(best.items())}


def broader_chain(G: nx.MultiDiGraph, start: str, goal: str, kind: str = "entry") -> tuple[Hop, ...]:
    """The shortest chain of ``broader`` hops (of ``kind``) from ``start`` up to ``goal``."""
    previous: dict[str, str] = {start: start}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if current == goal:
            break
        for parent in sorted(G.nodes[current].get("broader", ())):
            if parent in G and parent not in previous:
                previous[parent] = current
                queue.append(parent)
    chain: list[Hop] = []
    node = goal
    while node != start:
        chain.append(Hop(previous[node], "broader", node, kind, None))
        node = previous[node]
    return tuple(reversed(chain))


def exits(
    G: nx.MultiDiGraph, disease: str, *, inherit: bool = False, narrower: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[Hop, ...]]:
    """Target node -> its exit chain to ``disease`` (empty for the disease itself).

    A narrower disease goes up by ``broader`` hops; with ``inherit``, a more general one (a
    claim about "autoimmune disease" read for SLE) comes down them, walked backwards.
    ``narrower``: the :func:`~mechkg.paths.taxonomy.narrower_index` of ``G``, if already built.
    """
    found: dict[str, tuple[Hop, ...]] = {disease: ()}
    for node in narrower_kinds(narrower_index(G) if narrower is None else narrower, disease):
        found[node] = broader_chain(G, node, disease, "exit")
    if inherit:
        for node in ancestors(G, disease):
            if node not in found:
                up = broader_chain(G, disease, node, "exit")
                found[node] = tuple(Hop(h.subject, h.predicate, h.object, "exit", None, False) for h in reversed(up))
    return found


def broader_steps(chain: Iterable[Hop]) -> int:
    """The ``broader`` hops of an entry or exit chain (each costs a specificity factor)."""
    return sum(h.predicate == "broader" for h in chain)


def generalisations(chain: Iterable[Hop]) -> int:
    """Steps that read a claim about a more general kind (up from the therapy, down to the disease)."""
    return sum(h.predicate == "broader" and (h.kind == "entry" or not h.forward) for h in chain)
