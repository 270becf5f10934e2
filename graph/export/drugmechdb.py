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

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from mechkg.export.ids import kgx_node_ids
from mechkg.export.jsontext import dumps
from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim
from mechkg.paths.result import Hop, MechanismPath
from mechkg.paths.table import PairPaths, pair_table
from mechkg.terms.biolink import categories, predicate_terms
from mechkg.terms.vocab import PREFIXES
from mechkg.views.claims import claim_json

__all__ = ["PATHS_FILE", "path_records", "to_paths"]

PATHS_FILE = "mechkg_paths.json"
"""File name of the ``paths`` export."""


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


class _Records:
    """What the records of one graph share: its ids, Biolink terms, and the JSON of each node, claim and hop, made once.

    A claim, node or hop is in many records; each gets the same JSON object (records are read,
    not changed), which also lets :func:`mechkg.export.jsontext.dumps` write it once.
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.ids = kgx_node_ids(G)
        self.kinds = categories()
        self.terms = predicate_terms()
        self.claims: Mapping[str, Claim] = G.graph.get("claims", {})
        self._nodes: dict[str, dict[str, Any]] = {}
        self._evidence: dict[str, dict[str, Any]] = {}
        self._links: dict[Hop, dict[str, Any]] = {}

    def node(self, name: str) -> dict[str, Any]:
        """A node of a record: its KGX id, names, Biolink class and other CURIEs."""
        found = self._nodes.get(name)
        if found is None:
            node = node_of(self.G, name)
            category = self.kinds.get(node.type, "biolink:NamedThing")
            found = self._nodes[name] = {
                "id": self.ids[name],
                "name": node.label_en,
                "name_zh": node.label_zh,
                "label": category.split(":", 1)[1],
                "category": category,
                "mechkg_id": name,
                "mechkg_type": node.type,
                "alt_ids": sorted({x.curie for x in node.xrefs} | {f"mke:{name}"} - {self.ids[name]}),
            }
        return found

    def evidence(self, claim: Claim) -> dict[str, Any]:
        """A claim as every MechKG output shows it (:func:`mechkg.views.claims.claim_json`)."""
        found = self._evidence.get(claim.id)
        if found is None:
            found = self._evidence[claim.id] = claim_json(claim)
        return found

    def link(self, hop: Hop) -> dict[str, Any]:
        """A link of a record: the hop's statement, how it was weighed, and its claims."""
        found = self._links.get(hop)
        if found is None:
            found = self._links[hop] = self._link(hop)
        return found

    def _link(self, hop: Hop) -> dict[str, Any]:
        backing = [self.claims[c.id] for c in hop.claims if c.id in self.claims]
        broader = hop.predicate == "broader"
        return {
            "key": hop.predicate,
            "source": self.ids[hop.subject],
            "target": self.ids[hop.object],
            "predicate": "skos:broader" if broader else f"mk:{hop.predicate}",
            "biolink_predicate": "biolink:subclass_of" if broader else self.terms.get(hop.predicate, "biolink:related_to"),
            "kind": hop.kind,
            "forward": hop.forward,
            "sign": hop.sign,
            "aspects": list(hop.aspects),
            "support": _round(hop.support) if hop.kind == "mechanism" else None,
            "independent_sources": hop.sources,
            "claims": [c.id for c in backing],
            "evidence": [self.evidence(c) for c in backing],
        }

    def observed(self, therapy: str, disease: str) -> list[dict[str, Any]]:
        """Direct causal edges from the therapy (or what it uses) to the disease, with claims and studies."""
        G = self.G
        starts = [therapy, *sorted(v for _, v, k in G.out_edges(therapy, keys=True) if k == "uses")]
        found = []
        for start in starts:
            for key in sorted(G.get_edge_data(start, disease, default={})):
                edge = edge_of(G, start, disease, key)
                if not edge.causal or not edge.claims:
                    continue
                backing = [self.claims[c] for c in edge.claims if c in self.claims]
                found.append(
                    {
                        "source": self.ids[start],
                        "key": key,
                        "target": self.ids[disease],
                        "sign": edge.sign,
                        "claims": [c.id for c in backing],
                        "studies": sorted({c.study for c in backing if c.study}),
                    }
                )
        return found

    def record(self, path: MechanismPath, rank: int, observed: list[dict[str, Any]]) -> dict[str, Any]:
        """The record of the ``rank``-th path of its pair."""
        ids = self.ids
        links = [self.link(hop) for hop in path.hops]
        sources = sorted({e["source"] for link in links for e in link["evidence"] if e["source"]})
        record_id = f"{path.therapy}_{path.disease}_{rank}"
        return {
            "_id": record_id,
            "directed": True,
            "multigraph": True,
            "graph": {
                "_id": record_id,
                "therapy": self.node(path.therapy)["name"],
                "therapy_id": ids[path.therapy],
                "therapy_mechkg": path.therapy,
                "disease": self.node(path.disease)["name"],
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
            "nodes": [self.node(n) for n in dict.fromkeys(path.node_ids)],
            "links": links,
            "reference": [f"{PREFIXES['mks']}{s}" for s in sources],
        }


def path_records(G: nx.MultiDiGraph, table: Sequence[PairPaths] | None = None) -> list[dict[str, Any]]:
    """The paths of the build's pair table (:func:`mechkg.paths.table.pair_table`; made here when not given), as records.

    A query for a therapy also finds paths of its narrower therapies (UC-MSC therapy for MSC
    therapy); those belong to the narrower therapy's own records, so each pair keeps only the
    paths that start at its therapy. Pairs with no path have no record. Records share the JSON
    object of a node, claim or hop that several of them hold: read them, or copy before changing one.
    """
    records = _Records(G)
    found: list[dict[str, Any]] = []
    for row in pair_table(G) if table is None else table:
        own = row.own
        if own:
            observed = records.observed(row.therapy, row.disease)
            found.extend(records.record(p, rank, observed) for rank, p in enumerate(own, 1))
    return found


def to_paths(G: nx.MultiDiGraph, table: Sequence[PairPaths] | None = None) -> bytes:
    """:func:`path_records` as one JSON array (UTF-8, sorted keys, one space indent)."""
    return dumps(path_records(G, table), sort_keys=True)
