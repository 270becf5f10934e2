"""The observed outcome: a direct edge from a therapy (or what it uses) to the disease, with its clinical studies.

A direct edge from an entry to a target is not a mechanism but the observed outcome (e.g.
``ameliorates`` as reported by a trial): it is reported apart from the mechanism paths, with the
figures of the studies behind it. Its claims count under the index's filters (evidence floor,
disease context, claims flagged as probably wrong only with ``include_doubtful``).

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> from mechkg.paths.index import path_index
>>> nodes = [EntityNode("T", "Therapy", "T", "T", "T"), EntityNode("D", "Disease", "D", "D", "D")]
>>> claim = Claim("c1", "T", "ameliorates", "D", -1, source="s", evidence_level="human_trial")
>>> G = assemble(nodes, [claim], [claim.triple])
>>> [(o.hop.key, o.hop.support) for o in observed_outcomes(path_index(G), ["T"], "D", inherit=True)]
[(('T', 'ameliorates', 'D'), 0.9)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from mechkg.paths.ends import broader_steps, entries, exits
from mechkg.paths.index import PathIndex
from mechkg.paths.result import Hop, ObservedOutcome, StudyFigures
from mechkg.paths.score import EVIDENCE_FLOORS, weigh_claims

__all__ = ["observed_outcomes"]


def observed_outcomes(index: PathIndex, therapies: Sequence[str], disease: str, *, inherit: bool) -> tuple[ObservedOutcome, ...]:
    """Every direct edge (that passes the index's filters) from an entry of ``therapies`` to ``disease`` or a narrower one.

    Sorted: outcomes reached without ``broader`` steps first, then by support (highest first), then by edge.
    """
    G = index.G
    claims = G.graph.get("claims", {})
    floor = EVIDENCE_FLOORS[index.min_evidence]
    targets = exits(G, disease, narrower=index.narrower)
    found = []
    for e, chain in entries(G, therapies, inherit=inherit).items():
        for t, exit_chain in targets.items():
            pairs = [(e, t, True)] + ([(t, e, False)] if index.mode == "exploratory" else [])
            for u, v, forward in pairs:
                for key, data in sorted(G.get_edge_data(u, v, default={}).items()):
                    if index.mode == "causal" and not data.get("causal"):
                        continue
                    kept, support, sources = weigh_claims(
                        claims, data.get("claims", ()), floor, index.context_diseases, index.include_doubtful
                    )
                    if not kept:
                        continue
                    aspects = tuple(data.get("aspects", ()))
                    hop = Hop(u, key, v, "mechanism", data.get("sign"), forward, aspects, kept, support, sources)
                    studies = _studies(G, [c.id for c in kept], (u,), disease)
                    found.append(ObservedOutcome((*chain, *exit_chain), hop, studies))
    found.sort(key=lambda o: (broader_steps(o.entry) > 0, -o.hop.support, o.hop.key))
    return tuple(found)


def _studies(G: nx.MultiDiGraph, claim_ids: Iterable[str], therapies: Sequence[str], disease: str) -> tuple[StudyFigures, ...]:
    """The studies behind ``claim_ids``, and those both a therapy and the disease are ``studiedIn``, by id."""
    claims = G.graph.get("claims", {})
    ids = {claims[c].study for c in claim_ids if c in claims and claims[c].study}
    for t in therapies:
        for _, study, key in G.out_edges(t, keys=True):
            if key == "studiedIn" and G.has_edge(disease, study, "studiedIn"):
                ids.add(study)
    return tuple(
        StudyFigures(s, G.nodes[s].get("label_en", s), G.nodes[s]["study"])
        for s in sorted(ids)
        if s in G and G.nodes[s].get("study") is not None
    )
