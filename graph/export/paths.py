"""The precomputed therapy → disease mechanism paths as DrugMechDB-style JSON path records.

Hetionet users asked for path results that leave the tool (hetio/hetionet #6, #53); DrugMechDB
(SuLab/DrugMechDB, ``CurationGuide.md``) is the established record for one mechanism of one
indication. Each record here is one ranked path of :func:`mechkg.paths.search.mechanism_paths`, in
DrugMechDB's shape (a networkx node-link graph, so
``nx.node_link_graph(record, edges="links")`` reads it back as a MultiDiGraph):

``directed``, ``multigraph``
    both ``true``, as DrugMechDB requires.
``graph``
    the indication and the path's place in it: ``_id`` (``<THERAPY>_<DISEASE>_<rank>``, as
    DrugMechDB's ``DB00704_MESH_D000437_1``), ``therapy`` / ``therapy_id`` / ``therapy_mechkg``
    and ``disease`` / ``disease_id`` / ``disease_mechkg`` (DrugMechDB's ``drug`` / ``drug_mesh``
    and ``disease`` / ``disease_mesh``: a therapy is not a drug, and the ids are not all MeSH,
    so the keys say what they hold), ``rank``, ``path`` (node ids in path order), ``net_sign``
    and ``verdict``, ``score`` and ``score_parts``, ``variants`` (other node chains that are the
    same mechanism), ``observed`` (direct therapy → disease edges: the clinical outcome the
    mechanism would explain, with their claims and studies).
``nodes``
    ``id`` (the same CURIE as the KGX export: a standard identifier where MechKG has exactly
    one exact match, else ``mke:<id>``), ``name`` (English), ``name_zh``, ``label`` (the Biolink
    class name, as DrugMechDB's ``Protein``, ``Disease``), ``category`` (its CURIE),
    ``mechkg_id``, ``mechkg_type`` and ``alt_ids`` (the other CURIEs).
``links``
    in path order from the therapy to the disease; ``source`` / ``target`` are the subject and
    object of the statement (a ``broader`` exit hop walked from a general disease down to the
    one asked about has ``forward`` false), ``key`` the MechKG predicate (``broader`` for a
    subclass step), ``predicate`` and ``biolink_predicate`` its CURIEs, ``kind`` (``entry``:
    from the therapy to what it uses; ``mechanism``; ``exit``), ``sign``, ``aspects``,
    ``support`` and ``independent_sources`` (how the hop was weighed), ``claims`` (the claim
    ids that support it) and ``evidence`` (per claim, the claim JSON every MechKG output
    shares, :func:`mechkg.views.claims.claim_json`: the Chinese quote, the English statement,
    the ECO evidence type and level, source, section, disease context, species, model, study,
    confidence, flags and notes).
``reference``
    the IRIs of the sources the claims come from (DrugMechDB's key, a list).

Records are sorted by disease, therapy and rank; :func:`to_paths` writes them as one JSON
array with sorted keys, so the same graph always gives the same bytes.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]]
>>> def claim(i, s, p, o, sign):
...     return Claim(i, s, p, o, sign, quote="引文", statement="A statement.", source="src", evidence="ECO:0000006",
...                  evidence_level="in_vitro", disease=("D",), confidence=0.8)
>>> claims = [claim("c1", "C", "secretes", "X", 1), claim("c2", "X", "decreases", "D", -1)]
>>> G = assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)])
>>> (record,) = path_records(G)
>>> record["graph"]["_id"], record["graph"]["path"], record["graph"]["verdict"]
('T_D_1', ['mke:T', 'mke:C', 'mke:X', 'mke:D'], 'counteracts')
>>> [(link["key"], link["kind"], link["claims"]) for link in record["links"]]
[('uses', 'entry', []), ('secretes', 'mechanism', ['c1']), ('decreases', 'mechanism', ['c2'])]
>>> record["reference"]
['https://w3id.org/mechkg/source/src']
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from mechkg.export.ids import kgx_node_ids
from mechkg.paths.search import Hop, MechanismPath
from mechkg.paths.table import PairPaths, pair_table
from mechkg.terms.biolink import categories, predicate_terms
from mechkg.terms.vocab import PREFIXES
from mechkg.views.claims import claim_json

__all__ = ["PATHS_FILE", "path_records", "to_paths"]

PATHS_FILE = "mechkg_paths.json"
"""File name of the ``paths`` export."""

def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def _node(G: nx.MultiDiGraph, node: str, ids: Mapping[str, str], kinds: Mapping[str, str]) -> dict[str, Any]:
    data = G.nodes[node]
    category = kinds.get(data.get("type", ""), "biolink:NamedThing")
    alt = sorted({x.curie for x in data.get("xrefs", ())} | {f"mke:{node}"} - {ids[node]})
    return {
        "id": ids[node],
        "name": data.get("label_en", node),
        "name_zh": data.get("label_zh", ""),
        "label": category.split(":", 1)[1],
        "category": category,
        "mechkg_id": node,
        "mechkg_type": data.get("type", ""),
        "alt_ids": alt,
    }


def _link(G: nx.MultiDiGraph, hop: Hop, ids: Mapping[str, str], terms: Mapping[str, str]) -> dict[str, Any]:
    claims = G.graph.get("claims", {})
    backing = [claims[c.id] for c in hop.claims if c.id in claims]
    broader = hop.predicate == "broader"
    return {
        "key": hop.predicate,
        "source": ids[hop.subject],
        "target": ids[hop.object],
        "predicate": "skos:broader" if broader else f"mk:{hop.predicate}",
        "biolink_predicate": "biolink:subclass_of" if broader else terms.get(hop.predicate, "biolink:related_to"),
        "kind": hop.kind,
        "forward": hop.forward,
        "sign": hop.sign,
        "aspects": list(hop.aspects),
        "support": _round(hop.support) if hop.kind == "mechanism" else None,
        "independent_sources": hop.sources,
        "claims": [c.id for c in backing],
        "evidence": [claim_json(c) for c in backing],
    }


def _observed(G: nx.MultiDiGraph, therapy: str, disease: str, ids: Mapping[str, str]) -> list[dict[str, Any]]:
    """Direct causal edges from the therapy (or what it uses) to the disease, with claims and studies."""
    starts = [therapy, *sorted(v for _, v, k in G.out_edges(therapy, keys=True) if k == "uses")]
    claims = G.graph.get("claims", {})
    found = []
    for start in starts:
        for key, data in sorted(G.get_edge_data(start, disease, default={}).items()):
            if not data.get("causal") or not data.get("claims"):
                continue
            backing = [claims[c] for c in data["claims"] if c in claims]
            found.append(
                {
                    "source": ids[start],
                    "key": key,
                    "target": ids[disease],
                    "sign": data.get("sign"),
                    "claims": [c.id for c in backing],
                    "studies": sorted({c.study for c in backing if c.study}),
                }
            )
    return found


def _record(
    G: nx.MultiDiGraph,
    path: MechanismPath,
    rank: int,
    observed: list[dict[str, Any]],
    ids: Mapping[str, str],
    kinds: Mapping[str, str],
    terms: Mapping[str, str],
) -> dict[str, Any]:
    order = list(dict.fromkeys(path.node_ids))
    links = [_link(G, hop, ids, terms) for hop in path.hops]
    sources = sorted({e["source"] for link in links for e in link["evidence"] if e["source"]})
    therapy, disease = G.nodes[path.therapy], G.nodes[path.disease]
    record_id = f"{path.therapy}_{path.disease}_{rank}"
    return {
        "_id": record_id,
        "directed": True,
        "multigraph": True,
        "graph": {
            "_id": record_id,
            "therapy": therapy.get("label_en", path.therapy),
            "therapy_id": ids[path.therapy],
            "therapy_mechkg": path.therapy,
            "disease": disease.get("label_en", path.disease),
            "disease_id": ids[path.disease],
            "disease_mechkg": path.disease,
            "rank": rank,
            "path": [ids[n] for n in path.node_ids],
            "net_sign": path.net_sign,
            "verdict": path.verdict,
            "score": _round(path.score.total),
            "score_parts": path.score.to_dict(),
            "variants": [list(v) for v in path.variants],
            "observed": observed,
        },
        "nodes": [_node(G, n, ids, kinds) for n in order],
        "links": links,
        "reference": [f"{PREFIXES['mks']}{s}" for s in sources],
    }


def path_records(G: nx.MultiDiGraph, table: Sequence[PairPaths] | None = None) -> list[dict[str, Any]]:
    """The paths of the build's pair table (:func:`mechkg.paths.table.pair_table`; made here when not given), as records.

    A query for a therapy also finds paths of its narrower therapies (UC-MSC therapy for MSC
    therapy); those belong to the narrower therapy's own records, so each pair keeps only the
    paths that start at its therapy. Pairs with no path have no record.
    """
    ids, kinds, terms = kgx_node_ids(G), categories(), predicate_terms()
    records = []
    for row in pair_table(G) if table is None else table:
        own = row.own
        if own:
            observed = _observed(G, row.therapy, row.disease, ids)
            records.extend(_record(G, p, rank, observed, ids, kinds, terms) for rank, p in enumerate(own, 1))
    return records


def to_paths(G: nx.MultiDiGraph, table: Sequence[PairPaths] | None = None) -> bytes:
    """:func:`path_records` as one JSON array (UTF-8, sorted keys, one space indent)."""
    text = json.dumps(path_records(G, table), ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
