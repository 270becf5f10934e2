"""RDF -> a NetworkX MultiDiGraph: one node per entity, one edge per truthy triple.

Edges are keyed by predicate name, so ``G[u][v]["secretes"]`` is *the* edge whatever the number
of claims behind it: an edge's identity (subject, predicate, object) is apart from its
provenance, and its claims are a list on it (STYLE.md, point 4). Claim details live once in
``G.graph["claims"]``, keyed by claim id.

>>> from mechkg.ingest.load import load_curation
>>> from mechkg.rdf.triples import curation_graph
>>> from mechkg.resources import default_curation_dir
>>> G = to_networkx(curation_graph(load_curation(default_curation_dir())))
>>> G.nodes["SLE"]["label_zh"]
'系統性紅斑狼瘡'
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from mechkg.ingest.model import ENTITY_CLASSES
from mechkg.rdf.triples import MATCH_PROPERTIES
from mechkg.terms.identifiers import CONVERTER, link
from mechkg.terms.ontology import class_labels, predicates
from mechkg.terms.vocab import MK, MKC, MKE, MKS

__all__ = ["NODE_CLASSES", "entity_id", "to_networkx"]

NODE_CLASSES = (*ENTITY_CLASSES, "ClinicalStudy")
"""Classes whose instances become nodes."""


def entity_id(iri: URIRef) -> str:
    """``mke:IL6`` -> ``IL6``."""
    return str(iri)[len(str(MKE)) :]


def _local(iri: URIRef, base: Any) -> str:
    return str(iri)[len(str(base)) :]


def _text(graph: Graph, node: URIRef, prop: URIRef, lang: str | None = None) -> str:
    values = sorted(
        str(value)
        for value in graph.objects(node, prop)
        if isinstance(value, Literal) and (lang is None or value.language == lang)
    )
    return values[0] if values else ""


def _flags(graph: Graph, node: URIRef) -> list[dict[str, str]]:
    flags = []
    for flag in sorted(graph.objects(node, MK.flag)):
        flags.append(
            {
                "kind": _text(graph, flag, MK.flagKind),
                "note": _text(graph, flag, MK.curatorNote),
                "intended": _text(graph, flag, MK.intendedMeaning),
            }
        )
    return flags


def _xrefs(graph: Graph, node: URIRef) -> list[dict[str, str]]:
    xrefs = []
    for match, prop in MATCH_PROPERTIES.items():
        for iri in graph.objects(node, prop):
            curie = CONVERTER.compress(str(iri)) or str(iri)
            xrefs.append({"curie": curie, "match": match, "url": link(curie), "iri": str(iri)})
    return sorted(xrefs, key=lambda x: (x["curie"], x["match"]))


def _study_properties(graph: Graph, node: URIRef) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, prop in (
        ("design", MK.design),
        ("phase", MK.phase),
        ("journal", MK.journal),
        ("registry", MK.registryId),
        ("institution", MK.institution),
        ("country", MK.country),
        ("population", MK.population),
        ("route", MK.route),
        ("dose", MK.dose),
        ("follow_up", MK.followUp),
    ):
        value = _text(graph, node, prop)
        if value:
            props[key] = value
    for key, prop in (("year", MK.year), ("n", MK.participants)):
        value = graph.value(node, prop)
        if value is not None:
            props[key] = int(value)
    props["quote"] = _text(graph, node, MK.quote)
    props["arms"] = [
        {
            "id": str(arm).rsplit("/", 1)[1],
            "label": _text(graph, arm, RDFS.label),
            "n": int(graph.value(arm, MK.participants)) if graph.value(arm, MK.participants) is not None else None,
            "intervention": entity_id(graph.value(arm, MK.intervention)) if graph.value(arm, MK.intervention) else None,
            "quote": _text(graph, arm, MK.quote),
        }
        for arm in sorted(graph.objects(node, MK.hasArm))
    ]
    figures = []
    for fig in sorted(graph.objects(node, MK.hasFigure)):
        value = graph.value(fig, MK.value)
        claim = graph.value(fig, MK.statedBy)
        figures.append(
            {
                "id": str(fig).rsplit("/", 1)[1],
                "measure": entity_id(graph.value(fig, MK.measure)),
                "value": float(value) if value is not None else None,
                "unit": _text(graph, fig, MK.unit),
                "timepoint": _text(graph, fig, MK.timepoint),
                "direction": _text(graph, fig, MK.direction),
                "quote": _text(graph, fig, MK.quote),
                "claim": _local(claim, MKC) if claim else None,
            }
        )
    props["figures"] = figures
    return props


def _claims(graph: Graph) -> dict[str, dict[str, Any]]:
    by_iri = {info.iri: info for info in predicates().values()}
    claims: dict[str, dict[str, Any]] = {}
    for node in sorted(graph.subjects(RDF.type, MK.Claim)):
        info = by_iri[graph.value(node, RDF.predicate)]
        species = graph.value(node, MK.species)
        study = graph.value(node, MK.reportedBy)
        eco = graph.value(node, MK.evidenceType)
        claims[_local(node, MKC)] = {
            "id": _local(node, MKC),
            "subject": entity_id(graph.value(node, RDF.subject)),
            "predicate": info.name,
            "object": entity_id(graph.value(node, RDF.object)),
            "sign": info.sign,
            "aspect": _text(graph, node, MK.aspect) or None,
            "quote": _text(graph, node, MK.quote),
            "statement": _text(graph, node, MK.statement),
            "section": _text(graph, node, MK.section),
            "source": _local(graph.value(node, PROV.wasDerivedFrom), MKS),
            "evidence": CONVERTER.compress(str(eco)) if eco else "",
            "evidence_level": _text(graph, node, MK.evidenceLevel),
            "disease": sorted(entity_id(d) for d in graph.objects(node, MK.diseaseContext)),
            "species": entity_id(species) if species else None,
            "model": _text(graph, node, MK.model) or None,
            "context": sorted(entity_id(c) for c in graph.objects(node, MK.cellContext)),
            "study": entity_id(study) if study else None,
            "confidence": float(graph.value(node, MK.confidence)),
            "flags": _flags(graph, node),
            "notes": _text(graph, node, MK.curatorNote) or None,
        }
    return claims


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of MechKG from its RDF graph.

    Node attributes: ``label_en``, ``label_zh``, ``type``, ``iri``, ``xrefs``, ``synonyms``,
    ``definition``, ``ungrounded``, ``broader``, ``flags``, ``properties``. Edge attributes:
    ``predicate``, ``sign``, ``causal``, ``claims`` (ids), ``aspects``, ``diseases``,
    ``confidence`` (best claim; 1.0 for structural edges), ``evidence_levels``, ``flagged``.
    """
    G = nx.MultiDiGraph(name="MechKG")
    class_iris = {MK[name]: name for name in NODE_CLASSES}
    for kind_iri, kind in sorted(class_iris.items()):
        for node in sorted(graph.subjects(RDF.type, kind_iri)):
            if not str(node).startswith(str(MKE)):
                continue
            properties: dict[str, Any] = {}
            if kind == "ClinicalStudy":
                properties = _study_properties(graph, node)
            for key, prop in (("kind", MK.therapyKind), ("origin", MK.origin), ("route", MK.route), ("dose", MK.dose)):
                value = _text(graph, node, prop)
                if value and kind != "ClinicalStudy":
                    properties[key] = value
            G.add_node(
                entity_id(node),
                label_en=_text(graph, node, RDFS.label, "en"),
                label_zh=_text(graph, node, RDFS.label, "zh-Hant"),
                type=kind,
                iri=str(node),
                xrefs=_xrefs(graph, node),
                synonyms=sorted(str(s) for s in graph.objects(node, SKOS.altLabel)),
                definition=_text(graph, node, SKOS.definition),
                ungrounded=_text(graph, node, MK.ungroundedReason),
                broader=sorted(entity_id(b) for b in graph.objects(node, SKOS.broader)),
                notes=_text(graph, node, MK.curatorNote),
                flags=_flags(graph, node),
                properties=properties,
            )
    claims = _claims(graph)
    supporting: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for claim in claims.values():
        supporting[(claim["subject"], claim["predicate"], claim["object"])].append(claim["id"])
    for name, info in sorted(predicates().items()):
        for subject, _, obj in sorted(graph.triples((None, info.iri, None))):
            u, v = entity_id(subject), entity_id(obj)
            if u not in G or v not in G:
                continue
            ids = sorted(supporting.get((u, name, v), []))
            backing = [claims[i] for i in ids]
            G.add_edge(
                u,
                v,
                key=name,
                predicate=name,
                sign=info.sign,
                causal=info.causal,
                claims=ids,
                aspects=sorted({c["aspect"] for c in backing if c["aspect"]}),
                diseases=sorted({d for c in backing for d in c["disease"]}),
                confidence=max((c["confidence"] for c in backing), default=1.0),
                evidence_levels=sorted({c["evidence_level"] for c in backing}),
                flagged=any(c["flags"] for c in backing),
            )
    G.graph["claims"] = claims
    G.graph["predicates"] = {
        name: {"label_en": info.label_en, "label_zh": info.label_zh, "sign": info.sign, "causal": info.causal}
        for name, info in sorted(predicates().items())
    }
    G.graph["classes"] = {
        name: {"label_en": en, "label_zh": zh} for name, (en, zh) in sorted(class_labels().items()) if name in NODE_CLASSES
    }
    G.graph["sources"] = {
        _local(node, MKS): {
            "id": _local(node, MKS),
            "title_zh": _text(graph, node, DCTERMS.title, "zh-Hant"),
            "title_en": _text(graph, node, DCTERMS.title, "en"),
        }
        for node in sorted(graph.subjects(RDF.type, MK.Source))
    }
    return G
