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

from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from mechkg.ingest.model import ENTITY_CLASSES
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Arm, Claim, Correction, EntityNode, Figure, Flag, Source, Study, Xref
from mechkg.rdf.triples import MATCH_PROPERTIES
from mechkg.terms.identifiers import CONVERTER, link
from mechkg.terms.ontology import PredicateInfo, class_labels, predicates
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


def _flags(graph: Graph, node: URIRef) -> tuple[Flag, ...]:
    return tuple(
        Flag(
            kind=_text(graph, flag, MK.flagKind),
            note=_text(graph, flag, MK.curatorNote),
            intended=_text(graph, flag, MK.intendedMeaning),
            origin=_text(graph, flag, MK.flagOrigin),
        )
        for flag in sorted(graph.objects(node, MK.flag))
    )


def _xrefs(graph: Graph, node: URIRef) -> tuple[Xref, ...]:
    xrefs = []
    for match, prop in MATCH_PROPERTIES.items():
        for iri in graph.objects(node, prop):
            curie = CONVERTER.compress(str(iri)) or str(iri)
            xrefs.append(Xref(curie=curie, match=match, url=link(curie), iri=str(iri)))
    return tuple(sorted(xrefs, key=lambda x: (x.curie, x.match)))


_STUDY_TEXTS = (
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
)


def _integer(graph: Graph, node: URIRef, prop: URIRef) -> int | None:
    value = graph.value(node, prop)
    return int(value) if value is not None else None


def _arm(graph: Graph, arm: URIRef) -> Arm:
    intervention = graph.value(arm, MK.intervention)
    return Arm(
        id=str(arm).rsplit("/", 1)[1],
        label=_text(graph, arm, RDFS.label),
        n=_integer(graph, arm, MK.participants),
        intervention=entity_id(intervention) if intervention else None,
        quote=_text(graph, arm, MK.quote),
    )


def _figure(graph: Graph, fig: URIRef) -> Figure:
    value = graph.value(fig, MK.value)
    claim = graph.value(fig, MK.statedBy)
    return Figure(
        id=str(fig).rsplit("/", 1)[1],
        measure=entity_id(graph.value(fig, MK.measure)),
        value=float(value) if value is not None else None,
        unit=_text(graph, fig, MK.unit),
        timepoint=_text(graph, fig, MK.timepoint),
        direction=_text(graph, fig, MK.direction),
        quote=_text(graph, fig, MK.quote),
        claim=_local(claim, MKC) if claim else None,
    )


def _study(graph: Graph, node: URIRef) -> Study:
    return Study(
        **{key: _text(graph, node, prop) for key, prop in _STUDY_TEXTS},
        year=_integer(graph, node, MK.year),
        n=_integer(graph, node, MK.participants),
        quote=_text(graph, node, MK.quote),
        arms=tuple(_arm(graph, arm) for arm in sorted(graph.objects(node, MK.hasArm))),
        figures=tuple(_figure(graph, fig) for fig in sorted(graph.objects(node, MK.hasFigure))),
    )


def _claim(graph: Graph, node: URIRef, by_iri: dict[URIRef, PredicateInfo]) -> Claim:
    info = by_iri[graph.value(node, RDF.predicate)]
    species = graph.value(node, MK.species)
    study = graph.value(node, MK.reportedBy)
    eco = graph.value(node, MK.evidenceType)
    return Claim(
        id=_local(node, MKC),
        subject=entity_id(graph.value(node, RDF.subject)),
        predicate=info.name,
        object=entity_id(graph.value(node, RDF.object)),
        sign=info.sign,
        aspect=_text(graph, node, MK.aspect) or None,
        quote=_text(graph, node, MK.quote),
        statement=_text(graph, node, MK.statement),
        section=_text(graph, node, MK.section),
        source=_local(graph.value(node, PROV.wasDerivedFrom), MKS),
        evidence=CONVERTER.compress(str(eco)) if eco else "",
        evidence_level=_text(graph, node, MK.evidenceLevel),
        disease=tuple(sorted(entity_id(d) for d in graph.objects(node, MK.diseaseContext))),
        species=entity_id(species) if species else None,
        model=_text(graph, node, MK.model) or None,
        context=tuple(sorted(entity_id(c) for c in graph.objects(node, MK.cellContext))),
        study=entity_id(study) if study else None,
        confidence=float(graph.value(node, MK.confidence)),
        flags=_flags(graph, node),
        notes=_text(graph, node, MK.curatorNote) or None,
        **_primary_links(graph, node),
    )


def _primary_links(graph: Graph, node: URIRef) -> dict[str, Any]:
    """A claim's links to primary papers: paraphrase, corrects, derived_from and corrected_by."""
    return {
        "paraphrase": (node, MK.paraphrase, Literal(True)) in graph,
        "corrects": tuple(sorted(_local(c, MKC) for c in graph.objects(node, MK.corrects))),
        "derived_from": tuple(sorted(_local(s, MKS) for s in graph.objects(node, PROV.hadPrimarySource))),
        "corrected_by": _corrections(graph, node),
    }


def _corrections(graph: Graph, node: URIRef) -> tuple[Correction, ...]:
    """The paraphrase claims that correct the claim ``node``, each with its primary source's DOI."""
    corrections = []
    for other in sorted(graph.subjects(MK.corrects, node)):
        source = graph.value(other, PROV.wasDerivedFrom)
        corrections.append(
            Correction(
                claim=_local(other, MKC),
                statement=_text(graph, other, MK.statement),
                source=_local(source, MKS) if source is not None else "",
                doi=_text(graph, source, MK.doi) if source is not None else "",
                evidence_level=_text(graph, other, MK.evidenceLevel),
            )
        )
    return tuple(corrections)


def _source(graph: Graph, node: URIRef) -> Source:
    year = graph.value(node, DCTERMS.issued)
    return Source(
        id=_local(node, MKS),
        title_zh=_text(graph, node, DCTERMS.title, "zh-Hant"),
        title_en=_text(graph, node, DCTERMS.title, "en"),
        primary=(node, RDF.type, MK.PrimarySource) in graph,
        kind=_text(graph, node, MK.kind),
        doi=_text(graph, node, MK.doi),
        pmid=_text(graph, node, MK.pmid),
        journal=_text(graph, node, MK.publishedIn),
        year=int(str(year)) if year is not None else None,
        authors=_text(graph, node, MK.authors),
    )


def _node(graph: Graph, node: URIRef, kind: str) -> EntityNode:
    study = kind == "ClinicalStudy"
    properties = {}
    if not study:
        for key, prop in (("kind", MK.therapyKind), ("origin", MK.origin), ("route", MK.route), ("dose", MK.dose)):
            value = _text(graph, node, prop)
            if value:
                properties[key] = value
    return EntityNode(
        id=entity_id(node),
        type=kind,
        label_en=_text(graph, node, RDFS.label, "en"),
        label_zh=_text(graph, node, RDFS.label, "zh-Hant"),
        iri=str(node),
        xrefs=_xrefs(graph, node),
        synonyms=tuple(sorted(str(s) for s in graph.objects(node, SKOS.altLabel))),
        definition=_text(graph, node, SKOS.definition),
        ungrounded=_text(graph, node, MK.ungroundedReason),
        broader=tuple(sorted(entity_id(b) for b in graph.objects(node, SKOS.broader))),
        notes=_text(graph, node, MK.curatorNote),
        flags=_flags(graph, node),
        properties=properties,
        study=_study(graph, node) if study else None,
    )


def _nodes(graph: Graph) -> list[EntityNode]:
    nodes = []
    for kind_iri, kind in sorted({MK[name]: name for name in NODE_CLASSES}.items()):
        for node in sorted(graph.subjects(RDF.type, kind_iri)):
            if str(node).startswith(str(MKE)):
                nodes.append(_node(graph, node, kind))
    return nodes


def _triples(graph: Graph) -> list[tuple[str, str, str]]:
    return [
        (entity_id(subject), name, entity_id(obj))
        for name, info in sorted(predicates().items())
        for subject, _, obj in sorted(graph.triples((None, info.iri, None)))
        if str(subject).startswith(str(MKE)) and str(obj).startswith(str(MKE))
    ]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of MechKG from its RDF graph (see :mod:`mechkg.network.assemble`)."""
    by_iri = {info.iri: info for info in predicates().values()}
    claims = [_claim(graph, node, by_iri) for node in sorted(graph.subjects(RDF.type, MK.Claim))]
    sources = [_source(graph, node) for node in sorted(graph.subjects(RDF.type, MK.Source))]
    classes = {name: labels for name, labels in class_labels().items() if name in NODE_CLASSES}
    return assemble(_nodes(graph), claims, _triples(graph), sources=sources, classes=classes)
