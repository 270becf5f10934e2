"""Paths as the page stores them: path records, the highlighted paths and the paths panel's table.

A *path record* (:class:`PathRecord`) is what the page script (``templates/explorer/``) reads in
``DATA.paths[i].paths[j]`` and ``DATA.highlight.paths[j]``:

* ``nodes``, the node ids in walking order; ``edges``, the ids ``"subject|predicate|object"`` of
  the graph edges walked (a hop may walk an edge against its direction in exploratory mode);
  ``net_sign``, the product of the causal edges' signs (-1: the therapy counteracts the disease)
  or ``None``; ``score``, a number or ``None``;
* ``steps``, one :data:`PathStep` per pair of consecutive nodes (``len(steps) == len(nodes) - 1``):
  ``from``, ``to``; ``edge``, the edge walked, or ``None`` for an *is-a* step (``kind``
  ``"is_a"``): a ``broader`` relation (skos:broader) between the two nodes, which is a node
  attribute, not an edge of the graph, carries no claim and counts neither toward ``--max-hops``
  nor toward the two-hop minimum (entry and exit chains are made of ``uses`` and ``broader``,
  so an exit is always an is-a step); other steps are of ``kind`` ``"mechanism"`` or ``"entry"``
  (``uses``). ``forward``: the step walks its edge from subject to object (for an
  is-a step: from the narrower node to the broader one, "``from`` is a ``to``"); ``flagged`` and
  ``other_disease``: :func:`mechkg.views.paths.hop_marks`; ``claims``: the ids of the claims the
  step counts (those that gave it its support, strongest first; none for entry, exit and is-a
  steps);
* ``number``, the path's 1-based rank in its list;
* ``score_parts``, :meth:`mechkg.paths.score.ScoreParts.to_dict` (the factors and the tiers that
  ranked it), or ``None``;
* ``narrower_therapy``, the therapy the path starts from when it is narrower than the one asked
  about (:attr:`~mechkg.paths.score.ScoreParts.narrower`), else ``None``.

Records are made from the paths the callers have:

* :class:`~mechkg.paths.result.MechanismPath` — the build's paths panel (:func:`pair_paths`, from
  :func:`mechkg.paths.table.pair_table`), paths to highlight, the served app's live paths; every
  field is filled from the path's own hops, net sign and score;
* node ids in walking order — every edge from one node to the next, or the reverse edges where
  there is none, or an is-a step where the nodes are joined only by ``broader``;
* ``(subject, predicate, object)`` edge keys in walking order (a ``broader`` key that is no edge
  is an is-a step).

Records of the last two forms have no score, no score parts and no narrower therapy; their steps
count the claims a default path search counts (:func:`mechkg.paths.score.counts`) and are never
``other_disease`` (no disease was asked about). On the page, records are packed
(:mod:`mechkg.render.page_paths`).

>>> import networkx as nx
>>> G = nx.MultiDiGraph(claims={})
>>> _ = G.add_edge("T", "X", key="secretes", sign=1, causal=True); _ = G.add_edge("X", "D", key="decreases", sign=-1, causal=True)
>>> record = path_record(G, ["T", "X", "D"])
>>> record["edges"], record["net_sign"], record["number"], [(s["from"], s["kind"]) for s in record["steps"]]
(['T|secretes|X', 'X|decreases|D'], -1, 1, [('T', 'mechanism'), ('X', 'mechanism')])
>>> G.add_node("D_NARROW", broader=["D"])
>>> [(s["edge"], s["kind"], s["forward"]) for s in path_record(G, ["T", "X", "D", "D_NARROW"])["steps"]][2]
(None, 'is_a', False)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias, TypedDict

import networkx as nx

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.paths.defaults import INCLUDE_DOUBTFUL
from mechkg.paths.result import MechanismPath
from mechkg.paths.score import counts
from mechkg.paths.table import PairPaths
from mechkg.render.page_json import edge_id
from mechkg.views.paths import hop_marks

__all__ = [
    "EdgeKey",
    "Highlight",
    "HighlightPath",
    "PairRecords",
    "PathRecord",
    "PathStep",
    "highlight",
    "pair_paths",
    "pairs_on_page",
    "path_record",
]

#: An edge's identity: ``(subject, predicate, object)``.
EdgeKey: TypeAlias = tuple[str, str, str]

#: A path as callers give it: a mechanism path, node ids, or edge keys (both in walking order).
HighlightPath: TypeAlias = MechanismPath | Sequence[str] | Sequence[EdgeKey]

#: One step of a path record (see the module docstring); ``from`` is a Python keyword, hence this form.
PathStep = TypedDict(
    "PathStep",
    {
        "from": str,
        "to": str,
        "edge": str | None,
        "kind": str,
        "forward": bool,
        "flagged": bool,
        "other_disease": bool,
        "claims": list[str],
    },
)

#: The predicate of an is-a step (skos:broader, a node attribute).
BROADER = "broader"


class PathRecord(TypedDict):
    """One path as the page stores it (see the module docstring)."""

    nodes: list[str]
    edges: list[str]
    net_sign: int | None
    score: float | None
    steps: list[PathStep]
    number: int
    score_parts: dict[str, Any] | None
    narrower_therapy: str | None


class PairRecords(TypedDict):
    """The paths panel's entry for one therapy-disease pair: its best paths as records."""

    therapy: str
    disease: str
    paths: list[PathRecord]


class Highlight(TypedDict):
    """The paths the page opens on (``DATA.highlight``): their records, and their nodes and edges, sorted."""

    nodes: list[str]
    edges: list[str]
    paths: list[PathRecord]


def path_record(G: nx.MultiDiGraph, path: HighlightPath, number: int = 1) -> PathRecord:
    """``path`` as a :class:`PathRecord` of ``G``, ranked ``number`` in its list.

    Raises :class:`~mechkg.errors.UnknownEntity` for a node that ``G`` lacks and
    :class:`~mechkg.errors.MechKGError` for a step that is neither an edge of ``G`` nor a
    ``broader`` relation of its nodes.
    """
    if isinstance(path, MechanismPath):
        return _mechanism_record(G, path, number)
    steps = list(path)
    if all(isinstance(step, str) for step in steps):
        return _node_record(G, [str(step) for step in steps], number)
    return _edge_record(G, [_edge_key(step) for step in steps], number)


def pair_paths(G: nx.MultiDiGraph, table: Iterable[PairPaths]) -> list[PairRecords]:
    """The paths panel's table (what ``explorer_html(paths=...)`` takes) from :func:`mechkg.paths.table.pair_table`."""
    return [
        {
            "therapy": row.therapy,
            "disease": row.disease,
            "paths": [_mechanism_record(G, p, number) for number, p in enumerate(row.paths, 1)],
        }
        for row in table
    ]


def pairs_on_page(G: nx.MultiDiGraph, table: Iterable[PairRecords]) -> list[PairRecords]:
    """The entries of ``table`` that lie wholly in ``G`` (a page's graph), sorted by disease, then therapy.

    A per-disease page gets the whole table: a pair is kept only if its therapy, its disease
    and every node and edge of its paths are on the page (is-a steps are no edges), and pairs
    without paths are left out.
    """
    kept: list[PairRecords] = []
    for entry in table:
        if entry["therapy"] not in G or entry["disease"] not in G:
            continue
        if entry["paths"] and all(_on_page(G, record) for record in entry["paths"]):
            kept.append({"therapy": entry["therapy"], "disease": entry["disease"], "paths": list(entry["paths"])})
    return sorted(kept, key=lambda e: (e["disease"], e["therapy"]))


def highlight(G: nx.MultiDiGraph, paths: Iterable[HighlightPath]) -> Highlight:
    """The :class:`Highlight` of ``paths``, numbered in their order (none: nothing highlighted)."""
    records = [path_record(G, path, number) for number, path in enumerate(paths, 1)]
    return {
        "nodes": sorted({n for r in records for n in r["nodes"]}),
        "edges": sorted({e for r in records for e in r["edges"]}),
        "paths": records,
    }


def _mechanism_record(G: nx.MultiDiGraph, path: MechanismPath, number: int) -> PathRecord:
    nodes = list(path.node_ids)
    _check_nodes(G, nodes)
    if len(path.hops) != len(nodes) - 1:
        raise MechKGError(f"a path of {len(nodes)} nodes needs {len(nodes) - 1} hops, not {len(path.hops)}: {nodes!r}")
    steps: list[PathStep] = []
    for (a, b), hop, marks in zip(itertools.pairwise(nodes), path.hops, hop_marks(G, path), strict=True):
        if (hop.subject, hop.object) != ((a, b) if hop.forward else (b, a)):
            raise MechKGError(f"the hop {hop.key!r} does not join {a!r} to {b!r} in the path {nodes!r}")
        if hop.predicate == BROADER and not G.has_edge(hop.subject, hop.object, hop.predicate):
            steps.append(_is_a_step(G, a, b, forward=hop.forward))
            continue
        _edge_ids(G, [hop.key])
        steps.append(
            {
                "from": a,
                "to": b,
                "edge": edge_id(*hop.key),
                "kind": hop.kind,
                "forward": hop.forward,
                "flagged": marks.flagged,
                "other_disease": bool(marks.other_diseases),
                "claims": [c.id for c in hop.claims],
            }
        )
    return {
        "nodes": nodes,
        "edges": [s["edge"] for s in steps if s["edge"] is not None],
        "net_sign": path.net_sign,
        "score": round(float(path.score.total), 6),
        "steps": steps,
        "number": number,
        "score_parts": path.score.to_dict(),
        "narrower_therapy": path.therapy if path.score.narrower else None,
    }


def _node_record(G: nx.MultiDiGraph, nodes: list[str], number: int) -> PathRecord:
    """Every edge between consecutive nodes (the reverse edges where there is none); the first one counts for the sign.

    Two nodes joined by no edge but by ``broader`` make an is-a step.
    """
    _check_nodes(G, nodes)
    edges: list[str] = []
    walked: list[EdgeKey] = []
    steps: list[PathStep] = []
    for a, b in itertools.pairwise(nodes):
        found = [(a, k, b) for k in sorted(G[a].get(b, {}), key=str)] or [(b, k, a) for k in sorted(G[b].get(a, {}), key=str)]
        if found:
            edges.extend(edge_id(*key) for key in found)
            walked.append(found[0])
            steps.append(_edge_step(G, a, b, found[0]))
        elif _broader(G, a, b) or _broader(G, b, a):
            steps.append(_is_a_step(G, a, b, forward=_broader(G, a, b)))
        else:
            raise MechKGError(f"no edge joins {a!r} and {b!r} in the highlighted path {nodes!r}")
    return _plain_record(G, nodes, edges, walked, steps, number)


def _edge_record(G: nx.MultiDiGraph, keys: list[EdgeKey], number: int) -> PathRecord:
    nodes = _walk(keys)
    _check_nodes(G, nodes)
    walked = [k for k in keys if not _is_a_key(G, k)]
    _edge_ids(G, walked)
    steps = [
        _is_a_step(G, a, b, forward=a == key[0]) if _is_a_key(G, key) else _edge_step(G, a, b, key)
        for (a, b), key in zip(itertools.pairwise(nodes), keys, strict=True)
    ]
    return _plain_record(G, nodes, [edge_id(*k) for k in walked], walked, steps, number)


def _plain_record(
    G: nx.MultiDiGraph, nodes: list[str], edges: list[str], walked: list[EdgeKey], steps: list[PathStep], number: int
) -> PathRecord:
    """A record of node ids or edge keys: no score, no score parts, no narrower therapy."""
    return {
        "nodes": nodes,
        "edges": edges,
        "net_sign": _net_sign(G, walked),
        "score": None,
        "steps": steps,
        "number": number,
        "score_parts": None,
        "narrower_therapy": None,
    }


def _edge_step(G: nx.MultiDiGraph, a: str, b: str, key: EdgeKey) -> PathStep:
    """The step from ``a`` to ``b`` along the edge ``key``, with the claims a default search counts."""
    claims = G.graph.get("claims", {})
    ids = [c for c in G.edges[key[0], key[2], key[1]].get("claims", ()) if c in claims]
    counted = [c for c in ids if counts(claims[c], None, None, INCLUDE_DOUBTFUL)]
    return {
        "from": a,
        "to": b,
        "edge": edge_id(*key),
        "kind": "entry" if key[1] == "uses" else "mechanism",
        "forward": key[0] == a,
        "flagged": any(claims[c].flagged for c in counted),
        "other_disease": False,
        "claims": counted,
    }


def _is_a_step(G: nx.MultiDiGraph, a: str, b: str, *, forward: bool) -> PathStep:
    """The is-a step from ``a`` to ``b``: ``a`` is a ``b`` (``forward``) or ``b`` is a ``a``."""
    narrow, broad = (a, b) if forward else (b, a)
    if not _broader(G, narrow, broad):
        raise MechKGError(f"{narrow!r} does not name {broad!r} as a broader kind (an is-a step of a path)")
    return {
        "from": a,
        "to": b,
        "edge": None,
        "kind": "is_a",
        "forward": forward,
        "flagged": False,
        "other_disease": False,
        "claims": [],
    }


def _broader(G: nx.MultiDiGraph, narrow: str, broad: str) -> bool:
    """Whether ``narrow`` names ``broad`` as a broader kind (skos:broader, a node attribute)."""
    return broad in G.nodes[narrow].get("broader", ())


def _is_a_key(G: nx.MultiDiGraph, key: EdgeKey) -> bool:
    """Whether ``key`` is a ``broader`` relation of node attributes rather than an edge of ``G``."""
    return key[1] == BROADER and not G.has_edge(key[0], key[2], key[1]) and key[0] in G and _broader(G, key[0], key[2])


def _on_page(G: nx.MultiDiGraph, record: PathRecord) -> bool:
    """Whether every node and edge of ``record`` is on the page of ``G``."""
    return all(n in G for n in record["nodes"]) and all(G.has_edge(u, v, key) for u, key, v in map(_split, record["edges"]))


def _edge_key(step: object) -> EdgeKey:
    if isinstance(step, str) or not isinstance(step, Sequence) or len(step) != 3:
        raise MechKGError(f"a path step must be (subject, predicate, object), not {step!r}")
    return str(step[0]), str(step[1]), str(step[2])


def _split(edge: str) -> EdgeKey:
    subject, predicate, obj = edge.split("|")
    return subject, predicate, obj


def _edge_ids(G: nx.MultiDiGraph, keys: Sequence[EdgeKey]) -> list[str]:
    for u, key, v in keys:
        if not G.has_edge(u, v, key):
            raise MechKGError(f"no edge {u} -{key}-> {v} in the graph (path {list(keys)!r})")
    return [edge_id(*k) for k in keys]


def _check_nodes(G: nx.MultiDiGraph, nodes: Iterable[str]) -> None:
    for node in nodes:
        if node not in G:
            raise UnknownEntity(node, [])


def _walk(keys: Sequence[EdgeKey]) -> list[str]:
    """The node ids along edges given in walking order, whichever way each edge points."""
    if not keys:
        return []
    first, second = keys[0], keys[1] if len(keys) > 1 else None
    start = first[2] if second and first[2] not in (second[0], second[2]) else first[0]
    nodes = [start]
    for u, _key, v in keys:
        nodes.append(v if nodes[-1] == u else u)
    return nodes


def _net_sign(G: nx.MultiDiGraph, keys: Sequence[EdgeKey]) -> int | None:
    """The product of the signs of the causal edges walked, or None when none is (``uses`` and other structural edges)."""
    signs = [G.edges[u, v, k]["sign"] for u, k, v in keys if G.edges[u, v, k]["causal"]]
    return math.prod(signs) if signs else None
