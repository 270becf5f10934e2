"""Paths as the page stores them: path records, the highlighted paths and the paths panel's table.

A *path record* (:class:`PathRecord`) is what the page script (``templates/explorer/``) reads in ``DATA.paths[i].paths[j]``
and ``DATA.highlight.paths[j]``: ``nodes``, the node ids in walking order; ``edges``, the ids
``"subject|predicate|object"`` of the edges walked (a hop may walk an edge against its direction
in exploratory mode); ``net_sign``, the product of the causal edges' signs (-1: the therapy
counteracts the disease) or ``None``; ``score``, a number or ``None``.

Records are made from the paths the callers have:

* :class:`~mechkg.paths.result.MechanismPath` — the build's paths panel (:func:`pair_paths`, from
  :func:`mechkg.paths.table.pair_table`) and paths to highlight; its own net sign and score are kept;
* node ids in walking order — every edge from one node to the next, or the reverse edges where
  there is none;
* ``(subject, predicate, object)`` edge keys in walking order — ``mechkg path --format html``
  (:func:`mechkg.paths.report.highlight_steps`).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("T", "X", key="secretes", sign=1, causal=True); _ = G.add_edge("X", "D", key="decreases", sign=-1, causal=True)
>>> path_record(G, ["T", "X", "D"])
{'nodes': ['T', 'X', 'D'], 'edges': ['T|secretes|X', 'X|decreases|D'], 'net_sign': -1, 'score': None}
>>> path_record(G, [("T", "secretes", "X")])
{'nodes': ['T', 'X'], 'edges': ['T|secretes|X'], 'net_sign': 1, 'score': None}
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import TypeAlias, TypedDict

import networkx as nx

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.paths.result import MechanismPath
from mechkg.paths.table import PairPaths
from mechkg.render.page_json import edge_id

__all__ = [
    "EdgeKey",
    "Highlight",
    "HighlightPath",
    "PairRecords",
    "PathRecord",
    "highlight",
    "pair_paths",
    "pairs_on_page",
    "path_record",
]

#: An edge's identity: ``(subject, predicate, object)``.
EdgeKey: TypeAlias = tuple[str, str, str]

#: A path as callers give it: a mechanism path, node ids, or edge keys (both in walking order).
HighlightPath: TypeAlias = MechanismPath | Sequence[str] | Sequence[EdgeKey]


class PathRecord(TypedDict):
    """One path as the page stores it (see the module docstring)."""

    nodes: list[str]
    edges: list[str]
    net_sign: int | None
    score: float | None


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


def path_record(G: nx.MultiDiGraph, path: HighlightPath) -> PathRecord:
    """``path`` as a :class:`PathRecord` of ``G``.

    Raises :class:`~mechkg.errors.UnknownEntity` for a node that ``G`` lacks and
    :class:`~mechkg.errors.MechKGError` for an edge it lacks (a mechanism path's ``broader``
    entry and exit hops are node attributes, not edges: they are left out, not drawn).
    """
    if isinstance(path, MechanismPath):
        return _mechanism_record(G, path)
    steps = list(path)
    if all(isinstance(step, str) for step in steps):
        return _node_record(G, [str(step) for step in steps])
    return _edge_record(G, [_edge_key(step) for step in steps])


def pair_paths(G: nx.MultiDiGraph, table: Iterable[PairPaths]) -> list[PairRecords]:
    """The paths panel's table (what ``explorer_html(paths=...)`` takes) from :func:`mechkg.paths.table.pair_table`."""
    return [
        {"therapy": row.therapy, "disease": row.disease, "paths": [_mechanism_record(G, p) for p in row.paths]} for row in table
    ]


def pairs_on_page(G: nx.MultiDiGraph, table: Iterable[PairRecords]) -> list[PairRecords]:
    """The entries of ``table`` that lie wholly in ``G`` (a page's graph), sorted by disease, then therapy.

    A per-disease page gets the whole table: a pair is kept only if its therapy, its disease
    and every node and edge of its paths are on the page (``broader`` edges aside, as in
    :func:`path_record`), and pairs without paths are left out.
    """
    kept: list[PairRecords] = []
    for entry in table:
        if entry["therapy"] not in G or entry["disease"] not in G:
            continue
        records = [_record_on_page(G, record) for record in entry["paths"]]
        if records and all(records):
            kept.append({"therapy": entry["therapy"], "disease": entry["disease"], "paths": [r for r in records if r]})
    return sorted(kept, key=lambda e: (e["disease"], e["therapy"]))


def highlight(G: nx.MultiDiGraph, paths: Iterable[HighlightPath]) -> Highlight:
    """The :class:`Highlight` of ``paths`` (none: nothing highlighted)."""
    records = [path_record(G, path) for path in paths]
    return {
        "nodes": sorted({n for r in records for n in r["nodes"]}),
        "edges": sorted({e for r in records for e in r["edges"]}),
        "paths": records,
    }


def _mechanism_record(G: nx.MultiDiGraph, path: MechanismPath) -> PathRecord:
    keys = [hop.key for hop in path.hops if hop.predicate != "broader" or G.has_edge(hop.subject, hop.object, hop.predicate)]
    edges = _edge_ids(G, keys)
    _check_nodes(G, path.node_ids)
    return {"nodes": list(path.node_ids), "edges": edges, "net_sign": path.net_sign, "score": round(float(path.score.total), 6)}


def _node_record(G: nx.MultiDiGraph, nodes: list[str]) -> PathRecord:
    """Every edge between consecutive nodes (the reverse edges where there is none); the first one counts for the sign."""
    _check_nodes(G, nodes)
    edges: list[str] = []
    walked: list[EdgeKey] = []
    for a, b in itertools.pairwise(nodes):
        found = [(a, k, b) for k in sorted(G[a].get(b, {}), key=str)] or [(b, k, a) for k in sorted(G[b].get(a, {}), key=str)]
        if not found:
            raise MechKGError(f"no edge joins {a!r} and {b!r} in the highlighted path {nodes!r}")
        edges.extend(edge_id(*key) for key in found)
        walked.append(found[0])
    return {"nodes": nodes, "edges": edges, "net_sign": _net_sign(G, walked), "score": None}


def _edge_record(G: nx.MultiDiGraph, keys: list[EdgeKey]) -> PathRecord:
    edges = _edge_ids(G, keys)
    return {"nodes": _walk(keys), "edges": edges, "net_sign": _net_sign(G, keys), "score": None}


def _record_on_page(G: nx.MultiDiGraph, record: PathRecord) -> PathRecord | None:
    """``record`` on the page of ``G`` (without the ``broader`` edges it lacks), or None if it leaves it."""
    keys = [_split(e) for e in record["edges"]]
    keys = [k for k in keys if k[1] != "broader" or G.has_edge(k[0], k[2], k[1])]
    if not all(G.has_edge(u, v, key) for u, key, v in keys) or not all(n in G for n in record["nodes"]):
        return None
    return {**record, "edges": [edge_id(*k) for k in keys]}


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
