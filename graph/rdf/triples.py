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

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from mechkg.ingest.load import Curation
from mechkg.ingest.model import Arm, Claim, Entity, Figure, Flag, Source, Study
from mechkg.terms.identifiers import CONVERTER
from mechkg.terms.ontology import ontology_graph, predicates
from mechkg.terms.vocab import MK, MKC, MKE, MKS, PREFIXES

__all__ = ["MATCH_PROPERTIES", "curation_graph", "entity_iri"]

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


def _plain_literals(graph: Graph, node: URIRef, values: Iterable[tuple[URIRef, str | None]]) -> None:
    """A plain literal for each property whose value is given (empty and missing values are left out)."""
    for prop, value in values:
        if value:
            graph.add((node, prop, Literal(value)))


def _integers(graph: Graph, node: URIRef, values: Iterable[tuple[URIRef, int | None]]) -> None:
    """An ``xsd:integer`` for each property whose value is given."""
    for prop, value in values:
        if value is not None:
            graph.add((node, prop, Literal(value, datatype=XSD.integer)))


def _decimal(value: float) -> Literal:
    """An ``xsd:decimal`` written as the curator wrote it (0.8, not 0.8000000000000000444)."""
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _flags(graph: Graph, owner: URIRef, flags: Iterable[Flag]) -> None:
    for number, flag in enumerate(flags, start=1):
        node = URIRef(f"{owner}/flag/{number}")
        graph.add((owner, MK.flag, node))
        graph.add((node, RDF.type, MK.Flag))
        graph.add((node, MK.flagKind, Literal(flag.kind)))
        graph.add((node, MK.flagOrigin, Literal(flag.origin)))
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
        therapy = entity.properties
        values = ((MK.therapyKind, therapy.kind), (MK.origin, therapy.origin), (MK.route, therapy.route), (MK.dose, therapy.dose))
        _plain_literals(graph, node, values)
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
    _quote_or_paraphrase(graph, node, claim)
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
    graph.add((node, MK.confidence, _decimal(claim.confidence)))
    if claim.notes:
        graph.add((node, MK.curatorNote, _text(claim.notes, "en")))
    _flags(graph, node, claim.flags)


def _quote_or_paraphrase(graph: Graph, node: URIRef, claim: Claim) -> None:
    """A claim's quote and section, or (a paraphrase of a primary paper) the mark and what it corrects."""
    if claim.section is not None:
        graph.add((node, MK.section, _text(claim.section.strip(), ZH)))
    if claim.quote is not None:
        graph.add((node, MK.quote, _text(claim.quote, ZH)))
    if claim.paraphrase:
        graph.add((node, MK.paraphrase, Literal(True)))
    for corrected in claim.corrects:
        graph.add((node, MK.corrects, MKC[corrected]))
    for primary in claim.derived_from:
        graph.add((node, PROV.hadPrimarySource, MKS[primary]))


def _study(graph: Graph, study: Study) -> None:
    node = entity_iri(study.id)
    graph.add((node, RDF.type, MK.ClinicalStudy))
    graph.add((node, RDFS.label, _text(study.label.en, "en")))
    graph.add((node, RDFS.label, _text(study.label.zh, ZH)))
    graph.add((node, PROV.wasDerivedFrom, MKS[study.source]))
    for primary in study.derived_from:
        graph.add((node, PROV.hadPrimarySource, MKS[primary]))
    graph.add((node, MK.section, _text(study.section.strip(), ZH)))
    graph.add((node, MK.quote, _text(study.quote, ZH)))
    _plain_literals(
        graph,
        node,
        (
            (MK.design, study.design),
            (MK.phase, study.phase),
            (MK.journal, study.journal),
            (MK.registryId, study.registry),
            (MK.institution, study.institution),
            (MK.country, study.country),
            (MK.population, study.population),
            (MK.route, study.route),
            (MK.dose, study.dose),
            (MK.followUp, study.follow_up),
        ),
    )
    _integers(graph, node, ((MK.year, study.year), (MK.participants, study.n)))
    for disease in study.disease:
        graph.add((node, MK.studyOf, entity_iri(disease)))
        graph.add((entity_iri(disease), MK.studiedIn, node))
    for therapy in study.interventions:
        graph.add((entity_iri(therapy), MK.studiedIn, node))
    for arm in study.arms:
        _arm(graph, node, arm)
    for figure in study.figures:
        _figure(graph, node, figure)
    if study.notes:
        graph.add((node, MK.curatorNote, _text(study.notes, "en")))
    _flags(graph, node, study.flags)


def _arm(graph: Graph, study: URIRef, arm: Arm) -> None:
    node = URIRef(f"{study}/arm/{arm.id}")
    graph.add((study, MK.hasArm, node))
    graph.add((node, RDF.type, MK.StudyArm))
    graph.add((node, RDFS.label, _text(arm.label, "en")))
    _integers(graph, node, ((MK.participants, arm.n),))
    if arm.intervention:
        graph.add((node, MK.intervention, entity_iri(arm.intervention)))
    if arm.description:
        graph.add((node, MK.curatorNote, _text(arm.description, "en")))
    if arm.quote:
        graph.add((node, MK.quote, _text(arm.quote, ZH)))


def _figure(graph: Graph, study: URIRef, figure: Figure) -> None:
    node = URIRef(f"{study}/figure/{figure.id}")
    graph.add((study, MK.hasFigure, node))
    graph.add((node, RDF.type, MK.StudyFigure))
    graph.add((node, MK.measure, entity_iri(figure.measure)))
    if figure.value is not None:
        graph.add((node, MK.value, _decimal(figure.value)))
    _plain_literals(graph, node, ((MK.unit, figure.unit), (MK.timepoint, figure.timepoint), (MK.direction, figure.direction)))
    if figure.arm:
        graph.add((node, MK.hasArm, URIRef(f"{study}/arm/{figure.arm}")))
    graph.add((node, MK.quote, _text(figure.quote, ZH)))
    if figure.claim:
        graph.add((node, MK.statedBy, MKC[figure.claim]))
    if figure.notes:
        graph.add((node, MK.curatorNote, _text(figure.notes, "en")))


def _source(graph: Graph, source: Source) -> None:
    node = MKS[source.id]
    graph.add((node, RDF.type, MK.Source))
    if source.title.zh:
        graph.add((node, DCTERMS.title, _text(source.title.zh, ZH)))
    if source.title.en:
        graph.add((node, DCTERMS.title, _text(source.title.en, "en")))
    graph.add((node, DCTERMS.language, Literal(source.language)))
    graph.add((node, MK.kind, _text(source.kind, "en")))
    _plain_literals(
        graph,
        node,
        (
            (MK.sourceFile, source.file),
            (MK.sha256, source.sha256),
            (DCTERMS.publisher, source.publisher),
            (DCTERMS.source, source.derived_from),
        ),
    )
    if source.url:
        graph.add((node, RDFS.seeAlso, URIRef(source.url)))
    if source.primary:
        _primary_source(graph, node, source)


def _primary_source(graph: Graph, node: URIRef, source: Source) -> None:
    """The bibliographic fields of a primary source; its DOI also as a resolvable ``rdfs:seeAlso``."""
    graph.add((node, RDF.type, MK.PrimarySource))
    authors = "; ".join(source.authors)
    values = ((MK.doi, source.doi), (MK.pmid, source.pmid), (MK.pmcid, source.pmcid), (MK.authors, authors))
    _plain_literals(graph, node, (*values, (MK.publishedIn, source.journal)))
    if source.year is not None:
        graph.add((node, DCTERMS.issued, Literal(str(source.year), datatype=XSD.gYear)))
    for registration in source.registry:
        graph.add((node, DCTERMS.identifier, Literal(registration)))
    for record in source.confirmed_by:
        graph.add((node, MK.confirmedBy, Literal(record)))
    if source.no_doi:
        graph.add((node, MK.noDoiReason, _text(source.no_doi, "en")))
    if source.notes:
        graph.add((node, MK.curatorNote, _text(source.notes, "en")))
    if source.doi:
        graph.add((node, RDFS.seeAlso, URIRef(f"https://doi.org/{source.doi}")))


def curation_graph(curation: Curation, *, with_ontology: bool = True) -> Graph:
    """The whole curation as one rdflib graph (with the ontology, unless told otherwise)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if with_ontology:
        graph += ontology_graph()
    for source in curation.sources.values():
        _source(graph, source)
    for entity in curation.entities.values():
        _entity(graph, entity)
    for study in curation.studies.values():
        _study(graph, study)
    for claim in curation.claims.values():
        _claim(graph, claim)
    return graph
