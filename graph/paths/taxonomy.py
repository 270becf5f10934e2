"""The type hierarchy paths read: broader and narrower kinds, equivalent kinds, what a therapy name means.

``broader`` (skos:broader, on each node of the network) links a kind to a more general one:
UC-MSC → MSC, UC-MSC therapy → MSC therapy, lupus nephritis → SLE. A statement about the
general kind applies to the narrower one, so a path may start from a more general kind of what
the therapy uses and end at a narrower kind of the disease (:mod:`mechkg.paths.ends`); two nodes
are *equivalent* (one mechanism, :mod:`mechkg.paths.rank`) when one is a broader kind of the
other or both share a standard identifier with an exact match. A claim made about another
disease (neither this one nor a broader or narrower one) only lends a path its hop
(:func:`borrowed_hops`).

>>> G = nx.MultiDiGraph()
>>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC", broader=["STEM_CELL"]); G.add_node("STEM_CELL")
>>> same = equivalence(G, exact_matches(G))
>>> same("UC_MSC", "STEM_CELL"), same("MSC", "UC_MSC"), same("MSC", "IL6")
(True, True, False)
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence

import networkx as nx

from mechkg.network.names import resolve_name
from mechkg.paths.result import Hop, MechanismPath

__all__ = [
    "ancestors",
    "borrowed_hops",
    "descendants",
    "equivalence",
    "exact_matches",
    "narrower_index",
    "narrower_kinds",
    "resolve_therapies",
]


def ancestors(G: nx.MultiDiGraph, node: str) -> dict[str, int]:
    """Every more general entity of ``node`` (transitive ``broader``) -> its distance in steps.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC", broader=["STEM_CELL"]); G.add_node("STEM_CELL")
    >>> ancestors(G, "UC_MSC")
    {'MSC': 1, 'STEM_CELL': 2}
    """
    found: dict[str, int] = {}
    queue = deque([(node, 0)])
    while queue:
        current, depth = queue.popleft()
        for parent in sorted(G.nodes[current].get("broader", ())) if current in G else ():
            if parent not in found and parent != node and parent in G:
                found[parent] = depth + 1
                queue.append((parent, depth + 1))
    return found


def narrower_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The inverse of ``broader``: node -> the nodes that name it as a broader kind (build once, read often)."""
    index: dict[str, list[str]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        for parent in data.get("broader", ()):
            index[parent].append(node)
    return index


def narrower_kinds(narrower: Mapping[str, Sequence[str]], node: str) -> dict[str, int]:
    """Every narrower entity of ``node`` in a :func:`narrower_index` -> its distance in steps."""
    found: dict[str, int] = {}
    queue = deque([(node, 0)])
    while queue:
        current, depth = queue.popleft()
        for child in sorted(narrower.get(current, ())):
            if child not in found and child != node:
                found[child] = depth + 1
                queue.append((child, depth + 1))
    return found


def descendants(G: nx.MultiDiGraph, node: str) -> dict[str, int]:
    """Every narrower entity of ``node`` (inverse transitive ``broader``) -> its distance.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC", broader=["STEM_CELL"]); G.add_node("STEM_CELL")
    >>> descendants(G, "STEM_CELL")
    {'MSC': 1, 'UC_MSC': 2}
    """
    return narrower_kinds(narrower_index(G), node)


def exact_matches(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Node -> the standard identifiers it matches exactly (``skos:exactMatch`` cross-references)."""
    exact: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        for xref in data.get("xrefs", ()):
            if xref.match == "exact":
                exact[node].add(xref.curie)
    return exact


def equivalence(G: nx.MultiDiGraph, exact: Mapping[str, set[str]]) -> Callable[[str, str], bool]:
    """``same(a, b)``: a and b are one node, one a broader kind of the other, or share an exact match (``exact``)."""
    cache: dict[str, set[str]] = {}

    def up(node: str) -> set[str]:
        if node not in cache:
            cache[node] = set(ancestors(G, node)) if node in G else set()
        return cache[node]

    def same(a: str, b: str) -> bool:
        return a == b or a in up(b) or b in up(a) or bool(exact.get(a, set()) & exact.get(b, set()))

    return same


def resolve_therapies(
    G: nx.MultiDiGraph, name: str, *, strict: bool = True, narrower: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The Therapy nodes ``name`` means: a therapy, a class of therapies, or what they use.

    ``name`` is resolved with :func:`mechkg.network.names.resolve_name` (id, label or synonym, en or
    zh-Hant). A Therapy means itself and its narrower therapies. Any other entity (a cell
    source "MSC", a vesicle "exosome", a drug) means every Therapy whose ``uses`` reach that
    entity or a narrower one; if no therapy uses it, the entity itself is the start.
    With ``strict``, an unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity`;
    otherwise the result is empty. ``narrower``: the :func:`narrower_index` of ``G``, if already built.
    """
    node = resolve_name(G, name, strict=strict)
    if node is None:
        return ()
    if narrower is None:
        narrower = narrower_index(G)
    if G.nodes[node].get("type") == "Therapy":
        return (node, *sorted(n for n in narrower_kinds(narrower, node) if G.nodes[n].get("type") == "Therapy"))
    kinds = {node, *narrower_kinds(narrower, node)}
    using = sorted(
        t
        for t, data in G.nodes(data=True)
        if data.get("type") == "Therapy" and any(k == "uses" and v in kinds for _, v, k in G.out_edges(t, keys=True))
    )
    return tuple(using) or (node,)


def borrowed_hops(G: nx.MultiDiGraph, path: MechanismPath) -> list[tuple[Hop, tuple[str, ...]]]:
    """The mechanism hops of ``path`` that rest only on claims made about *other* diseases.

    A hop is borrowed when every claim behind it names a disease context and none of those is the
    path's disease, a broader one or a narrower one (e.g. an IBD mouse claim on a path to SLE).
    Such a path is still a hypothesis worth showing, but the reader should know; returns each
    borrowed hop with the diseases its claims were made about.

    >>> from mechkg.network.evidence import Claim
    >>> from mechkg.paths.score import ClaimSupport, ScoreParts
    >>> G = nx.MultiDiGraph(claims={"c1": Claim("c1", "X", "increases", "Y", 1, disease=("IBD",))})
    >>> G.add_nodes_from([("SLE", {"broader": ["AID"]}), ("IBD", {"broader": ["AID"]}), ("AID", {"broader": []})])
    >>> hop = Hop("X", "increases", "Y", "mechanism", 1, claims=(ClaimSupport("c1", "s", "animal_model", False, 0.5),))
    >>> path = MechanismPath("T", "SLE", (), (hop,), 1, ScoreParts(1, 1, 1, 1))
    >>> [(h.key, diseases) for h, diseases in borrowed_hops(G, path)]
    [(('X', 'increases', 'Y'), ('IBD',))]
    """
    claims = G.graph.get("claims", {})
    related = {path.disease, *ancestors(G, path.disease), *descendants(G, path.disease)} if path.disease in G else {path.disease}
    borrowed = []
    for hop in path.hops:
        if hop.kind != "mechanism" or not hop.claims:
            continue
        contexts = [claims[c.id].disease if c.id in claims else () for c in hop.claims]
        if all(ctx and not set(ctx) & related for ctx in contexts):
            borrowed.append((hop, tuple(sorted({d for ctx in contexts for d in ctx}))))
    return borrowed
