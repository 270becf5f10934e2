"""From node paths to ranked mechanisms: every signed reading of a node path, its score, and one entry per mechanism.

A node path found by the search may be walked by several edges between two nodes;
:func:`expand` makes one :class:`~mechkg.paths.result.MechanismPath` per combination of the
best edge of each sign and direction, scored as :mod:`mechkg.paths.score` says.

**Order** (:func:`rank_key`): the tiers of :mod:`mechkg.paths.criteria` (other-disease hops,
narrower therapy, generalisations, umbrella nodes: lexicographic), then highest score, then fewer
hops, then node ids, predicates and hop directions: a total order, so ties never depend on the
hash seed.

**Same mechanism** (:func:`dedup`). Two paths are the same mechanism — listed once, the other
kept under ``variants`` — when they have the same number of hops, the same direction of every
hop, the same net sign, and at each position the same node or *equivalent* nodes
(:func:`mechkg.paths.taxonomy.equivalence`). So MSC → IDO1 → … reached from "MSC therapy" and
from "UC-MSC therapy" is one mechanism, as is ``MSC —secretes→ IL-10`` beside
``MSC —increases→ IL-10``.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mechkg.paths.criteria import Criteria
from mechkg.paths.ends import broader_steps, generalisations
from mechkg.paths.index import EdgeOption, PathIndex, weigh_hop
from mechkg.paths.result import Hop, MechanismPath, Node
from mechkg.paths.score import ScoreParts, hub_factor, length_factor, specificity

__all__ = ["dedup", "expand", "rank_key", "same_mechanism"]


def expand(
    index: PathIndex,
    node_path: Sequence[str],
    entry: tuple[Hop, ...],
    exit_: tuple[Hop, ...],
    therapy: str,
    disease: str,
    options: Callable[[str, str], Sequence[EdgeOption]],
    degree: Mapping[str, int],
    *,
    criteria: Criteria | None = None,
) -> list[MechanismPath]:
    """Every signed combination of the edges between consecutive nodes of ``node_path``.

    ``entry`` and ``exit_`` are the chains that lead from ``therapy`` to the first node and from
    the last node to ``disease``; ``options(u, v)`` the edges of a search edge, best first;
    ``degree`` each node's number of neighbours in the search graph; ``criteria`` the tiers of
    the question (default: no other disease, no narrower therapy, the umbrella nodes).
    """
    G = index.G
    crit = criteria if criteria is not None else Criteria(frozenset({disease}))
    per_hop = []
    for u, v in itertools.pairwise(node_path):
        per_hop.append([(weigh_hop(index, o), crit.ranked_other(o.scope)) for o in _best_by_sign(options(u, v), crit)])
    hub_degrees = tuple((n, degree[n]) for n in node_path[:-1])
    hub = hub_factor(d for _, d in hub_degrees)
    spec = specificity(broader_steps(entry)) * specificity(broader_steps(exit_))
    general = generalisations((*entry, *exit_))
    umbrella = tuple(n for n in node_path[1:-1] if crit.node_tier(n))
    narrower = crit.narrower(therapy)
    out = []
    for combo in itertools.product(*per_hop):
        hops = tuple(h for h, _ in combo)
        other = sum(o for _, o in combo)
        evidence = math.prod(h.support for h in hops)
        length = length_factor(len(hops))
        if index.mode == "causal" or all(h.forward and G.edges[h.subject, h.object, h.predicate].get("causal") for h in hops):
            net: int | None = math.prod(int(h.sign or 0) for h in hops)
        else:
            net = None
        all_hops = (*entry, *hops, *exit_)
        ids = [therapy] + [h.object if h.forward else h.subject for h in all_hops]
        nodes = tuple(Node.from_graph(G, n) for n in ids)
        parts = ScoreParts(evidence, length, hub, spec, hub_degrees, general, other, narrower, umbrella)
        out.append(MechanismPath(therapy, disease, nodes, all_hops, net, parts))
    return out


def _best_by_sign(options: Sequence[EdgeOption], criteria: Criteria) -> list[EdgeOption]:
    """The best option per (sign, direction), other-disease tier included; options it may not walk left out."""
    best: dict[tuple[int, bool], tuple[float, int, EdgeOption]] = {}
    for i, o in enumerate(options):  # options come best first: ties keep that order
        tier = criteria.option_tier(o.scope)
        if tier is None:
            continue
        key = (o.sign, o.forward)
        if key not in best or (o.cost + tier, i) < best[key][:2]:
            best[key] = (o.cost + tier, i, o)
    return [o for _, _, o in sorted(best.values(), key=lambda b: b[1])]


def same_mechanism(a: MechanismPath, b: MechanismPath, same: Callable[[str, str], bool]) -> bool:
    """Whether ``a`` and ``b`` are one mechanism, ``same(x, y)`` saying which nodes are equivalent."""
    ha, hb = a.mechanism_hops, b.mechanism_hops
    if len(ha) != len(hb) or a.net_sign != b.net_sign:
        return False
    for x, y in zip(ha, hb, strict=True):
        if x.forward != y.forward or not (same(x.subject, y.subject) and same(x.object, y.object)):
            return False
    return True


def rank_key(p: MechanismPath) -> tuple[Any, ...]:
    """The sort key of the ranking: the tiers (as one cost), −score, mechanistic hops, node ids, predicates, directions.

    A total order of distinct paths: ties in score are broken by ids, never by the order the
    search met them in (which may follow set iteration, so Python's hash seed).
    """
    return (
        p.score.tier_cost,
        -round(p.score.total, 12),
        len(p.mechanism_hops),
        p.node_ids,
        tuple(h.predicate for h in p.hops),
        tuple(not h.forward for h in p.hops),
    )


def dedup(candidates: list[MechanismPath], same: Callable[[str, str], bool]) -> list[MechanismPath]:
    """``candidates`` ranked, each mechanism once, with the node paths of its other readings as ``variants``."""
    kept: list[MechanismPath] = []
    variants: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for path in sorted(candidates, key=rank_key):
        for i, other in enumerate(kept):
            if same_mechanism(path, other, same):
                if path.node_ids != other.node_ids and path.node_ids not in variants[i]:
                    variants[i].append(path.node_ids)
                break
        else:
            kept.append(path)
    return [
        MechanismPath(p.therapy, p.disease, p.nodes, p.hops, p.net_sign, p.score, tuple(variants[i])) for i, p in enumerate(kept)
    ]
