"""Mechanism paths: how could therapy T act on disease D? Signed, ranked and explained chains.

A *mechanism path* runs from what a therapy gives to the disease through at least two
mechanistic hops, every hop backed by the claims (quotes) that state it. Two modes:

``causal`` (default)
    directed chains of causal edges (``causal`` True in the ontology); the net sign is the
    product of the hop signs: −1 *counteracts* D (a therapeutic explanation), +1 *aggravates*
    D, 0 *unknown sign* (some hop, e.g. ``regulates``, has no stated direction).
``exploratory``
    any edges, either direction ("how are these two connected at all"); a net sign is given
    only when every hop is a causal edge walked forwards, otherwise the verdict is
    *connection*. Clinical-study nodes are not intermediates (they are provenance).

How it is done, one module each:

* where a path may start and end (the therapy, what it uses, broader and narrower kinds):
  :mod:`mechkg.paths.ends`, over the hierarchy of :mod:`mechkg.paths.taxonomy`;
* what ranks a path (tiers: other-disease hops, narrower therapy, generalisations, umbrella
  nodes; then the score): :mod:`mechkg.paths.criteria`;
* what a path is worth (evidence × length × hub × specificity): :mod:`mechkg.paths.score`;
* the search graph for one set of filters, built once: :mod:`mechkg.paths.index`;
* the k best node paths (Yen's algorithm, on the pruned or the whole search graph):
  :mod:`mechkg.paths.yen`; their signed readings, ranking and one entry per mechanism:
  :mod:`mechkg.paths.rank`;
* the direct therapy → disease edge, reported apart: :mod:`mechkg.paths.outcome`; when there is
  no path, the chains that got nearest: :mod:`mechkg.paths.nearest`;
* the answer's records: :mod:`mechkg.paths.result`; as text: :mod:`mechkg.paths.report`.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]]
>>> claims = [Claim("c1", "C", "secretes", "X", 1, source="src", evidence_level="in_vitro", disease=("D",)),
...           Claim("c2", "X", "decreases", "D", -1, source="src", evidence_level="review_assertion", disease=("D",))]
>>> G = assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)])
>>> found = mechanism_paths(G, "T", "D")
>>> [n.id for n in found.paths[0].nodes], found.paths[0].verdict
(['T', 'C', 'X', 'D'], 'counteracts')
>>> round(found.paths[0].score.evidence, 4)  # 0.45 (in vitro) × 0.35 (review assertion)
0.1575
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx

from mechkg.network.names import resolve_name
from mechkg.paths import defaults
from mechkg.paths.criteria import Criteria, criteria_for
from mechkg.paths.ends import entries, exits
from mechkg.paths.index import PathIndex, path_index
from mechkg.paths.nearest import partial_chains
from mechkg.paths.outcome import observed_outcomes
from mechkg.paths.rank import rank_key
from mechkg.paths.result import MechanismPath, MechanismResult, PartialChain, TherapyMechanism
from mechkg.paths.taxonomy import narrower_kinds, resolve_therapies
from mechkg.paths.yen import Query, full_search, pruned_search

__all__ = ["mechanism_paths", "mechanisms"]


def mechanism_paths(
    G: nx.MultiDiGraph,
    therapy: str,
    disease: str,
    *,
    k: int = defaults.K,
    max_hops: int = defaults.MAX_HOPS,
    mode: defaults.Mode = defaults.MODE,
    via: Iterable[str] = (),
    avoid: Iterable[str] = (),
    predicates: Iterable[str] | None = None,
    classes: Iterable[str] | None = None,
    min_evidence: defaults.Floor = defaults.MIN_EVIDENCE,
    disease_context: bool = False,
    inherit: bool = True,
    index: PathIndex | None = None,
    nearest: bool = True,
    engine: defaults.Engine = defaults.ENGINE,
    include_doubtful: bool = defaults.INCLUDE_DOUBTFUL,
    other_disease: defaults.OtherDisease = defaults.OTHER_DISEASE,
) -> MechanismResult:
    """The ``k`` best mechanism paths from ``therapy`` to ``disease`` (see the module docstring).

    ``therapy`` and ``disease`` are names as :func:`mechkg.network.names.resolve_name` takes them; the
    therapy may be a class of therapies or a cell source (:func:`~mechkg.paths.taxonomy.resolve_therapies`).
    ``max_hops`` counts mechanistic hops (entry/exit hops are extra). ``via``: the path must
    pass through each of these entities (or a narrower one); ``avoid``: never through these.
    ``predicates``/``classes``: allowed mechanistic predicates / classes of intermediates.
    ``min_evidence``: ``human`` (human trial, case report, human observational), ``animal``
    (those and animal models) or ``any``. ``disease_context``: only claims made about the
    disease (or a narrower one). ``inherit``: let the therapy start from more general kinds of
    itself and of what it uses. ``index``: a prebuilt :func:`~mechkg.paths.index.path_index` with
    the same filters. ``nearest``: when no path is found, also look for the nearest partial
    chains (costly when many pairs are asked for at once). ``engine``: ``pruned`` (default) or
    ``full``, the reference search on the whole networkx graph; both give the same result
    (see :mod:`mechkg.paths.yen`), ``full`` is only slower. ``include_doubtful``: claims flagged
    as probably wrong count too; ``other_disease``: hops resting only on claims about other
    diseases are ranked lower (``rank``), counted as any other (``equal``) or left out (``exclude``).
    Unknown or ambiguous names raise :class:`~mechkg.errors.UnknownEntity`.
    """
    if k < 1 or max_hops < 2:
        raise ValueError(f"need k >= 1 and max_hops >= 2 (got k={k}, max_hops={max_hops})")
    _check_engine(engine)
    target = resolve_name(G, disease)
    assert target is not None
    therapies = resolve_therapies(G, therapy, narrower=None if index is None else index.narrower)
    via_ids, avoid_ids = _resolve_all(G, via), set(_resolve_all(G, avoid))
    context = target if disease_context else None
    if index is None:
        index = path_index(
            G, mode=mode, min_evidence=min_evidence, predicates=predicates, classes=classes, disease_context=context,
            include_doubtful=include_doubtful,
        )  # fmt: skip
    elif (index.mode, index.min_evidence, index.disease_context, index.include_doubtful) != (
        mode, min_evidence, context, include_doubtful,
    ):  # fmt: skip
        raise ValueError("the given PathIndex was built for other filters")
    source = resolve_name(G, therapy)
    assert source is not None
    criteria = criteria_for(G, index.narrower, target, therapies, source, other_disease)
    paths, truncated = _search(
        index, therapies, target, k=k, max_hops=max_hops, via=via_ids, avoid=avoid_ids, inherit=inherit, engine=engine,
        criteria=criteria,
    )  # fmt: skip
    observed = observed_outcomes(index, therapies, target, inherit=inherit)
    partial: tuple[PartialChain, ...] = ()
    if not paths and nearest:
        partial = partial_chains(index, therapies, target, max_hops=max_hops, inherit=inherit, engine=engine)
    return MechanismResult(
        query=therapy,
        source=source,
        target=target,
        therapies=therapies,
        mode=mode,
        paths=tuple(paths),
        observed=observed,
        partial=partial,
        truncated=truncated,
        constraints={
            "k": k,
            "max_hops": max_hops,
            "via": via_ids,
            "avoid": sorted(avoid_ids),
            "predicates": sorted(index.predicates) if index.predicates is not None else None,
            "classes": sorted(index.classes) if index.classes is not None else None,
            "min_evidence": min_evidence,
            "disease_context": disease_context,
            "inherit": inherit,
            "include_doubtful": include_doubtful,
            "other_disease": other_disease,
        },
    )


def mechanisms(
    G: nx.MultiDiGraph,
    disease: str,
    *,
    mode: defaults.Mode = defaults.MODE,
    max_hops: int = defaults.MAX_HOPS,
    min_evidence: defaults.Floor = defaults.MIN_EVIDENCE,
    inherit: bool = True,
    engine: defaults.Engine = defaults.ENGINE,
    include_doubtful: bool = defaults.INCLUDE_DOUBTFUL,
    other_disease: defaults.OtherDisease = defaults.OTHER_DISEASE,
) -> tuple[TherapyMechanism, ...]:
    """For every Therapy node with a mechanism path to ``disease``: its best path, best counteracting and aggravating path.

    Paths are ranked as by :func:`mechanism_paths` (same options), among the best
    :data:`~mechkg.paths.defaults.SUMMARY_K` paths of each therapy (``paths`` counts them); the
    observed outcome (the therapy's direct edges to the disease, with their studies) stands beside
    them. Sorted as paths are (tiers, then highest score), then by therapy id. Therapies with only
    an observed outcome are listed too, with ``best`` None.
    """
    _check_engine(engine)
    target = resolve_name(G, disease)
    assert target is not None
    index = path_index(G, mode=mode, min_evidence=min_evidence, include_doubtful=include_doubtful)
    rows = []
    for therapy in sorted(n for n, d in G.nodes(data=True) if d.get("type") == "Therapy"):
        criteria = criteria_for(G, index.narrower, target, (therapy,), therapy, other_disease)
        found, _ = _search(
            index, (therapy,), target, k=defaults.SUMMARY_K, max_hops=max_hops, via=(), avoid=set(), inherit=inherit,
            engine=engine, criteria=criteria,
        )  # fmt: skip
        observed = observed_outcomes(index, (therapy,), target, inherit=False)
        if found or observed:
            counteracting = next((p for p in found if p.net_sign == -1), None)
            aggravating = next((p for p in found if p.net_sign == 1), None)
            best = found[0] if found else None
            rows.append(TherapyMechanism(therapy, best, len(found), observed, counteracting, aggravating))
    rows.sort(key=lambda r: (rank_key(r.best)[:2] if r.best else (math.inf, 0.0), r.therapy))
    return tuple(rows)


def _check_engine(engine: str) -> None:
    """Refuse an engine that is not ``pruned`` or ``full`` before anything runs."""
    if engine not in ("pruned", "full"):
        raise ValueError(f"engine must be 'pruned' or 'full', not {engine!r}")


def _resolve_all(G: nx.MultiDiGraph, names: Iterable[str]) -> list[str]:
    """The node ids of ``names`` (each resolved strictly)."""
    out = []
    for name in names:
        node = resolve_name(G, name)
        assert node is not None
        out.append(node)
    return out


def _search(
    index: PathIndex,
    therapies: Sequence[str],
    disease: str,
    *,
    k: int,
    max_hops: int,
    via: Sequence[str],
    avoid: set[str],
    inherit: bool,
    engine: defaults.Engine,
    criteria: Criteria,
) -> tuple[list[MechanismPath], bool]:
    """The ``k`` best paths from the entries of ``therapies`` to the exits of ``disease``, and whether the search stopped."""
    G = index.G
    starts = {e: c for e, c in entries(G, therapies, inherit=inherit, own=criteria.own).items() if e not in avoid}
    ends = exits(G, disease, inherit=inherit, narrower=index.narrower)
    ends = {t: c for t, c in ends.items() if t not in avoid and t not in starts}
    if not starts or not ends:
        return [], False
    query = Query(therapies, disease, starts, ends, avoid, [{x, *narrower_kinds(index.narrower, x)} for x in via], criteria)
    search = full_search if engine == "full" else pruned_search
    return search(index, query, k=k, max_hops=max_hops)
