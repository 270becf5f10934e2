"""Records -> RDF: truthy triples for simple queries, reified claim nodes for provenance.

Each claim yields the direct triple ``mke:S mk:P mke:O`` (what SPARQL and NetworkX use) and a
claim node ``mkc:<id>`` (``a mk:Claim, rdf:Statement``) with the quote, statement, evidence,
contexts and flags: the Wikidata pattern, so several claims can support one triple. Studies
become ``mk:ClinicalStudy`` entities with their arms and figures as IRI-named nodes (no blank
nodes, so serialisations are stable). CURIEs become IRIs here and nowhere earlier.

>>> from mechkg.ingest.load import load_curation
>>> from mechkg.resources import default_curation_dir
>>> g = curation_graph(load_curation(default_curation_dir()))
>>> (MKE.SLE, RDFS.label, Literal("系統性紅斑狼瘡", lang="zh-Hant")) in g
True
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.plugins.serializers.turtle import TurtleSerializer

from mechkg.ingest.load import Curation
from mechkg.ingest.model import Claim, Entity, Flag, Study
from mechkg.terms.identifiers import CONVERTER
from mechkg.terms.ontology import ontology_graph, predicates
from mechkg.terms.vocab import MK, MKC, MKE, MKS, PREFIXES

__all__ = ["MATCH_PROPERTIES", "curation_graph", "entity_iri", "serialize_turtle"]

MATCH_PROPERTIES = {
    "exact": SKOS.exactMatch,
    "close": SKOS.closeMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
}

ZH = "zh-Hant"


def entity_iri(entity_id: str) -> URIRef:
    """The stable IRI of an entity or study id (``IL6`` -> ``mke:IL6``)."""
    return MKE[entity_id]


def _text(value: str, lang: str | None = None) -> Literal:
    return Literal(value, lang=lang)


def _flags(graph: Graph, owner: URIRef, flags: Iterable[Flag]) -> None:
    for number, flag in enumerate(flags, start=1):
        node = URIRef(f"{owner}/flag/{number}")
        graph.add((owner, MK.flag, node))
        graph.add((node, RDF.type, MK.Flag))
        graph.add((node, MK.flagKind, Literal(flag.kind)))
        graph.add((node, MK.curatorNote, _text(flag.note, "en")))
        if flag.intended:
            graph.add((node, MK.intendedMeaning, _text(flag.intended)))


def _entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.id)
    graph.add((node, RDF.type, MK[entity.type]))
    graph.add((node, RDFS.label, _text(entity.label.en, "en")))
    graph.add((node, RDFS.label, _text(entity.label.zh, ZH)))
    for synonym in entity.synonyms:
        graph.add((node, SKOS.altLabel, _text(synonym)))
    for xref in entity.xrefs:
        graph.add((node, MATCH_PROPERTIES[xref.match], URIRef(CONVERTER.expand(xref.curie, strict=True))))
    if entity.definition:
        graph.add((node, SKOS.definition, _text(entity.definition, "en")))
    if entity.ungrounded:
        graph.add((node, MK.ungroundedReason, _text(entity.ungrounded, "en")))
    for parent in entity.broader:
        graph.add((node, SKOS.broader, entity_iri(parent)))
    for used in entity.uses:
        graph.add((node, MK.uses, entity_iri(used)))
    if entity.properties:
        for key, prop in (("kind", MK.therapyKind), ("origin", MK.origin), ("route", MK.route), ("dose", MK.dose)):
            value = getattr(entity.properties, key)
            if value:
                graph.add((node, prop, Literal(value)))
    if entity.notes:
        graph.add((node, MK.curatorNote, _text(entity.notes, "en")))
    _flags(graph, node, entity.flags)


def _claim(graph: Graph, claim: Claim) -> None:
    subject, obj = entity_iri(claim.subject), entity_iri(claim.object)
    predicate = predicates()[claim.predicate].iri
    graph.add((subject, predicate, obj))
    node = MKC[claim.id]
    for kind in (MK.Claim, RDF.Statement):
        graph.add((node, RDF.type, kind))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    if claim.aspect:
        graph.add((node, MK.aspect, Literal(claim.aspect)))
    graph.add((node, PROV.wasDerivedFrom, MKS[claim.source]))
    graph.add((node, MK.section, _text(claim.section.strip(), ZH)))
    graph.add((node, MK.quote, _text(claim.quote, ZH)))
    graph.add((node, MK.statement, _text(claim.statement, "en")))
    graph.add((node, MK.evidenceType, URIRef(CONVERTER.expand(claim.eco, strict=True))))
    graph.add((node, MK.evidenceLevel, Literal(claim.evidence)))
    for disease in claim.disease:
        graph.add((node, MK.diseaseContext, entity_iri(disease)))
    for context in claim.context:
        graph.add((node, MK.cellContext, entity_iri(context)))
    if claim.species:
        graph.add((node, MK.species, entity_iri(claim.species.upper())))
    if claim.model:
        graph.add((node, MK.model, _text(claim.model, "en")))
    if claim.study:
        graph.add((node, MK.reportedBy, entity_iri(claim.study)))
    graph.add((node, MK.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal)))
    if claim.notes:
        graph.add((node, MK.curatorNote, _text(claim.notes, "en")))
    _flags(graph, node, claim.flags)


def _study(graph: Graph, study: Study) -> None:
    node = entity_iri(study.id)
    graph.add((node, RDF.type, MK.ClinicalStudy))
    graph.add((node, RDFS.label, _text(study.label.en, "en")))
    graph.add((node, RDFS.label, _text(study.label.zh, ZH)))
    graph.add((node, PROV.wasDerivedFrom, MKS[study.source]))
    graph.add((node, MK.section, _text(study.section.strip(), ZH)))
    graph.add((node, MK.quote, _text(study.quote, ZH)))
    literals = {
        MK.design: study.design,
        MK.phase: study.phase,
        MK.journal: study.journal,
        MK.registryId: study.registry,
        MK.institution: study.institution,
        MK.country: study.country,
        MK.population: study.population,
        MK.route: study.route,
        MK.dose: study.dose,
        MK.followUp: study.follow_up,
    }
    for prop, value in literals.items():
        if value:
            graph.add((node, prop, Literal(value)))
    if study.year is not None:
        graph.add((node, MK.year, Literal(study.year, datatype=XSD.integer)))
    if study.n is not None:
        graph.add((node, MK.participants, Literal(study.n, datatype=XSD.integer)))
    for disease in study.disease:
        graph.add((node, MK.studyOf, entity_iri(disease)))
        graph.add((entity_iri(disease), MK.studiedIn, node))
    for therapy in study.interventions:
        graph.add((entity_iri(therapy), MK.studiedIn, node))
    for arm in study.arms:
        arm_node = URIRef(f"{node}/arm/{arm.id}")
        graph.add((node, MK.hasArm, arm_node))
        graph.add((arm_node, RDF.type, MK.StudyArm))
        graph.add((arm_node, RDFS.label, _text(arm.label, "en")))
        if arm.n is not None:
            graph.add((arm_node, MK.participants, Literal(arm.n, datatype=XSD.integer)))
        if arm.intervention:
            graph.add((arm_node, MK.intervention, entity_iri(arm.intervention)))
        if arm.description:
            graph.add((arm_node, MK.curatorNote, _text(arm.description, "en")))
        if arm.quote:
            graph.add((arm_node, MK.quote, _text(arm.quote, ZH)))
    for figure in study.figures:
        fig_node = URIRef(f"{node}/figure/{figure.id}")
        graph.add((node, MK.hasFigure, fig_node))
        graph.add((fig_node, RDF.type, MK.StudyFigure))
        graph.add((fig_node, MK.measure, entity_iri(figure.measure)))
        if figure.value is not None:
            graph.add((fig_node, MK.value, Literal(Decimal(str(figure.value)), datatype=XSD.decimal)))
        for prop, value in ((MK.unit, figure.unit), (MK.timepoint, figure.timepoint), (MK.direction, figure.direction)):
            if value:
                graph.add((fig_node, prop, Literal(value)))
        if figure.arm:
            graph.add((fig_node, MK.hasArm, URIRef(f"{node}/arm/{figure.arm}")))
        graph.add((fig_node, MK.quote, _text(figure.quote, ZH)))
        if figure.claim:
            graph.add((fig_node, MK.statedBy, MKC[figure.claim]))
        if figure.notes:
            graph.add((fig_node, MK.curatorNote, _text(figure.notes, "en")))
    if study.notes:
        graph.add((node, MK.curatorNote, _text(study.notes, "en")))
    _flags(graph, node, study.flags)


def curation_graph(curation: Curation, *, with_ontology: bool = True) -> Graph:
    """The whole curation as one rdflib graph (with the ontology, unless told otherwise)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if with_ontology:
        graph += ontology_graph()
    for source in curation.sources.values():
        node = MKS[source.id]
        graph.add((node, RDF.type, MK.Source))
        graph.add((node, DCTERMS.title, _text(source.title.zh, ZH)))
        if source.title.en:
            graph.add((node, DCTERMS.title, _text(source.title.en, "en")))
        graph.add((node, DCTERMS.language, Literal(source.language)))
        graph.add((node, MK.kind, _text(source.kind, "en")))
        for prop, value in (
            (MK.sourceFile, source.file),
            (MK.sha256, source.sha256),
            (DCTERMS.publisher, source.publisher),
            (DCTERMS.source, source.derived_from),
        ):
            if value:
                graph.add((node, prop, Literal(value)))
        if source.url:
            graph.add((node, RDFS.seeAlso, URIRef(source.url)))
    for entity in curation.entities.values():
        _entity(graph, entity)
    for study in curation.studies.values():
        _study(graph, study)
    for claim in curation.claims.values():
        _claim(graph, claim)
    return graph


class _SortedTurtle(TurtleSerializer):
    """rdflib's Turtle writer, with subjects in plain IRI order (blank nodes last).

    rdflib orders subjects by how often they are referenced, so adding one reference moves a
    whole block of the file; sorting by IRI keeps each subject where a reader (and a diff)
    expects it. Predicates and objects are already sorted by rdflib.
    """

    def orderSubjects(self) -> list[Any]:  # noqa: N802 - rdflib's hook name
        return sorted(self._subjects, key=lambda s: (isinstance(s, BNode), str(s)))


def serialize_turtle(rdf: Graph) -> bytes:
    """The whole graph as Turtle, subjects in IRI order, prefixes of :data:`mechkg.terms.vocab.PREFIXES`.

    >>> from rdflib import Graph, URIRef
    >>> g = Graph()
    >>> for s in ("b", "a"):
    ...     _ = g.add((URIRef(f"https://w3id.org/mechkg/entity/{s}"), URIRef("https://w3id.org/mechkg/vocab/uses"),
    ...                URIRef("https://w3id.org/mechkg/entity/c")))
    >>> print(serialize_turtle(g).decode().split("\\n\\n", 1)[1].strip())
    mke:a mk:uses mke:c .
    <BLANKLINE>
    mke:b mk:uses mke:c .
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph += rdf
    stream = io.BytesIO()
    _SortedTurtle(graph).serialize(stream, encoding="utf-8")
    return stream.getvalue()
