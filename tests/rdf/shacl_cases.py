"""Broken copies of a built graph, each violating one shape of ontology/shapes.ttl in one way.

Used by tests/rdf/test_shapes.py (every SHACL engine must report the same violations as pyshacl)
and by benchmarks/bench_shacl.py (the comparison table). Each breaker picks its victim from the
graph it is given (the first node, in sorted order, that has what the breaker needs), so the same
breakers work on the shipped graph, on the mini curation's graph and on a hand-written one.

``BREAKERS`` maps a name to (the shape it breaks, the constraint it breaks, the function).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from mechkg.terms.vocab import MK

Node = URIRef | Literal | BNode
Breaker = Callable[[Graph], None]
NOWHERE = URIRef("https://example.org/not-an-entity")


class NoVictim(LookupError):
    """The graph has no node that the breaker can break."""


def victim(graph: Graph, cls: URIRef, *having: URIRef, without: URIRef | None = None) -> URIRef:
    """The first IRI (sorted) of class ``cls`` that has every property in ``having`` (and not ``without``)."""
    for node in sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)):
        if all((node, p, None) in graph for p in having) and (without is None or (node, without, None) not in graph):
            return node
    raise NoVictim(f"no {cls} with {having}")


def _lit(text: str, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    return Literal(text, lang=lang, datatype=datatype)


def set_value(cls: URIRef, prop: URIRef, value: Node, *having: URIRef, without: URIRef | None = None) -> Breaker:
    """Replace every value of ``prop`` on the victim by ``value``."""

    def mutate(graph: Graph) -> None:
        graph.set((victim(graph, cls, *having, without=without), prop, value))

    return mutate


def add_value(cls: URIRef, prop: URIRef, value: Node, *having: URIRef) -> Breaker:
    """Give the victim one more value of ``prop``."""

    def mutate(graph: Graph) -> None:
        graph.add((victim(graph, cls, *having), prop, value))

    return mutate


def drop(cls: URIRef, prop: URIRef, lang: str | None = None) -> Breaker:
    """Remove the victim's values of ``prop`` (only those in ``lang`` when given)."""

    def mutate(graph: Graph) -> None:
        node = victim(graph, cls, prop)
        for value in list(graph.objects(node, prop)):
            if lang is None or (isinstance(value, Literal) and value.language == lang):
                graph.remove((node, prop, value))

    return mutate


def relabel(cls: URIRef, lang: str, new: Literal) -> Breaker:
    """Replace the victim's rdfs:label in ``lang`` by ``new``."""

    def mutate(graph: Graph) -> None:
        node = victim(graph, cls, RDFS.label)
        for value in list(graph.objects(node, RDFS.label)):
            if isinstance(value, Literal) and value.language == lang:
                graph.remove((node, RDFS.label, value))
        graph.add((node, RDFS.label, new))

    return mutate


def _point_at_a(prop: URIRef, cls: URIRef, target_cls: URIRef, *having: URIRef) -> Breaker:
    """Make the victim's ``prop`` point at a node of ``target_cls`` (the wrong class)."""

    def mutate(graph: Graph) -> None:
        graph.set((victim(graph, cls, *having), prop, victim(graph, target_cls)))

    return mutate


def _unground(graph: Graph) -> None:
    node = victim(graph, MK.Disease, SKOS.exactMatch)
    for match in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch):
        graph.remove((node, match, None))


def _blank_entity(graph: Graph) -> None:
    node = BNode("blankdisease")
    graph.add((node, RDF.type, MK.Disease))
    graph.add((node, RDFS.label, _lit("blank disease", "en")))
    graph.add((node, RDFS.label, _lit("空白疾病", "zh-Hant")))
    graph.add((node, MK.ungroundedReason, _lit("test data", "en")))


def _flag_high_confidence(graph: Graph) -> None:
    graph.set((victim(graph, MK.Claim, MK.flag), MK.confidence, Literal(Decimal("0.9"), datatype=XSD.decimal)))


def _quote_in_english(graph: Graph) -> None:
    graph.set((victim(graph, MK.Claim, MK.quote, without=MK.flag), MK.quote, _lit("a quote in English", "en")))


def _source_without_own_title(graph: Graph) -> None:
    source = victim(graph, MK.Source, DCTERMS.language)
    language = str(graph.value(source, DCTERMS.language))
    for title in list(graph.objects(source, DCTERMS.title)):
        if isinstance(title, Literal) and (title.language or "").lower() == language.lower():
            graph.remove((source, DCTERMS.title, title))


def _primary_source_without_doi_or_record(graph: Graph) -> None:
    """A primary source with a PMID but no confirming record, and neither DOI nor a reason for none."""
    node = URIRef("https://w3id.org/mechkg/source/broken_primary")
    for cls in (MK.Source, MK.PrimarySource):
        graph.add((node, RDF.type, cls))
    graph.add((node, DCTERMS.title, _lit("A paper", "en")))
    graph.add((node, DCTERMS.language, _lit("en")))
    graph.add((node, MK.pmid, _lit("12345")))


def _two_classes(graph: Graph) -> None:
    graph.add((victim(graph, MK.CellType), RDF.type, MK.Therapy))


def _not_a_statement(graph: Graph) -> None:
    graph.remove((victim(graph, MK.Claim), RDF.type, RDF.Statement))


SAMPLE = Path(__file__).parents[1] / "data" / "shacl_sample.ttl"


def sample_graph() -> Graph:
    """A fresh parse of ``SAMPLE`` (tests/data/shacl_sample.ttl): small, conforming, a victim for every breaker."""
    return Graph().parse(SAMPLE, format="turtle")


DEC = XSD.decimal
INT = XSD.integer
# fmt: off
BREAKERS: dict[str, tuple[str, str, Breaker]] = {
    # mksh:EntityShape (labels, xrefs, definitions, therapy fields) and mksh:EntityNode through sh:node
    "entity label missing in zh-Hant": ("EntityShape", "minCount, qualifiedMinCount", drop(MK.Disease, RDFS.label, "zh-Hant")),
    "entity with two @en labels": ("EntityShape", "maxCount, uniqueLang, qualifiedMaxCount", add_value(MK.Disease, RDFS.label, _lit("another", "en"))),
    "entity label without language": ("EntityShape", "datatype, languageIn", relabel(MK.CellType, "en", _lit("plain label"))),
    "entity label in French": ("EntityShape", "languageIn, qualifiedMinCount", relabel(MK.GeneProduct, "en", _lit("étiquette", "fr"))),
    "entity label empty": ("EntityShape", "minLength", relabel(MK.Pathway, "en", _lit("", "en"))),
    "entity altLabel is an IRI": ("EntityShape", "nodeKind", add_value(MK.Drug, SKOS.altLabel, NOWHERE)),
    "entity exactMatch is a literal": ("EntityShape", "nodeKind", add_value(MK.MicroRNA, SKOS.exactMatch, _lit("MIR:1"))),
    "entity with two @en definitions": ("EntityShape", "uniqueLang", add_value(MK.Disease, SKOS.definition, _lit("a", "en"), SKOS.definition)),
    "entity broader is not an entity": ("EntityShape > EntityNode", "node (class)", add_value(MK.CellType, SKOS.broader, NOWHERE)),
    "entity broader is a literal": ("EntityShape > EntityNode", "node (nodeKind)", add_value(MK.Phenotype, SKOS.broader, _lit("x"))),
    "ungroundedReason in zh-Hant": ("EntityShape", "languageIn", set_value(MK.Therapy, MK.ungroundedReason, _lit("理由", "zh-Hant"), MK.ungroundedReason)),
    "two ungroundedReasons": ("EntityShape", "maxCount", add_value(MK.Therapy, MK.ungroundedReason, _lit("another reason", "en"), MK.ungroundedReason)),
    "therapy uses a non-entity": ("EntityShape > EntityNode", "node", add_value(MK.Therapy, MK.uses, NOWHERE)),
    "therapy of unknown kind": ("EntityShape", "in", set_value(MK.Therapy, MK.therapyKind, _lit("magic"), MK.therapyKind)),
    "therapy with two kinds": ("EntityShape", "maxCount", add_value(MK.Therapy, MK.therapyKind, _lit("combination"), MK.therapyKind)),
    "therapy of unknown origin": ("EntityShape", "in", set_value(MK.Therapy, MK.origin, _lit("xenogeneic"), MK.origin)),
    "therapy route is an IRI": ("EntityShape", "nodeKind", set_value(MK.Therapy, MK.route, NOWHERE, MK.route)),
    "entity curatorNote empty": ("EntityShape", "minLength", add_value(MK.Disease, MK.curatorNote, _lit(""))),
    "entity flag is not a Flag": ("EntityShape", "class", add_value(MK.CellType, MK.flag, NOWHERE)),
    "entity is a blank node": ("EntityShape", "nodeKind", _blank_entity),
    # mksh:GroundingShape
    "entity neither grounded nor excused": ("GroundingShape", "or", _unground),
    # mksh:ClaimShape
    "claim not an rdf:Statement": ("ClaimShape", "hasValue", _not_a_statement),
    "claim subject is not an entity": ("ClaimShape > EntityNode", "node", set_value(MK.Claim, RDF.subject, NOWHERE)),
    "claim with two subjects": ("ClaimShape", "maxCount", add_value(MK.Claim, RDF.subject, NOWHERE, MK.aspect)),
    "claim without object": ("ClaimShape", "minCount", drop(MK.Claim, RDF.object)),
    "claim predicate outside the ontology": ("ClaimShape", "in", set_value(MK.Claim, RDF.predicate, RDFS.seeAlso)),
    "claim of unknown aspect": ("ClaimShape", "in", set_value(MK.Claim, MK.aspect, _lit("vibes"), MK.aspect)),
    "claim source is not a Source": ("ClaimShape", "class", set_value(MK.Claim, PROV.wasDerivedFrom, NOWHERE, MK.cellContext)),
    "claim without section": ("ClaimRulesShape", "sparql (quote-less only as a paraphrase)", drop(MK.Claim, MK.section)),
    "claim without quote": ("ClaimRulesShape", "sparql (quote-less only as a paraphrase)", drop(MK.Claim, MK.quote)),
    "claim without source": ("ClaimShape", "minCount", drop(MK.Claim, PROV.wasDerivedFrom)),
    "claim with empty quote": ("ClaimShape", "minLength", set_value(MK.Claim, MK.quote, _lit("", "zh-Hant"), MK.species)),
    "claim quote without language": ("ClaimShape", "datatype", set_value(MK.Claim, MK.quote, _lit("no language"), MK.model)),
    "claim with two quotes": ("ClaimShape", "maxCount", add_value(MK.Claim, MK.quote, _lit("另一段", "zh-Hant"), MK.reportedBy)),
    "claim statement in zh-Hant": ("ClaimShape", "languageIn", set_value(MK.Claim, MK.statement, _lit("陳述", "zh-Hant"), MK.curatorNote)),
    "claim evidence type not ECO": ("ClaimShape", "pattern", set_value(MK.Claim, MK.evidenceType, URIRef("http://purl.obolibrary.org/obo/GO_0008150"), MK.diseaseContext)),
    "claim evidence type is a literal": ("ClaimShape", "nodeKind, pattern", set_value(MK.Claim, MK.evidenceType, _lit("ECO_0000000"), MK.flag)),
    "claim evidence level hearsay": ("ClaimShape", "in", set_value(MK.Claim, MK.evidenceLevel, _lit("hearsay"), MK.species, MK.model)),
    "claim disease context is a literal": ("ClaimShape > EntityNode", "node", set_value(MK.Claim, MK.diseaseContext, _lit("SLE"), MK.diseaseContext)),
    "claim species is a disease": ("ClaimShape", "class", _point_at_a(MK.species, MK.Claim, MK.Disease, MK.species)),
    "claim model in zh-Hant": ("ClaimShape", "languageIn", set_value(MK.Claim, MK.model, _lit("模型", "zh-Hant"), MK.model, MK.cellContext)),
    "claim reported by a non-study": ("ClaimShape", "class", _point_at_a(MK.reportedBy, MK.Claim, MK.Disease, MK.reportedBy)),
    "claim confidence above 1": ("ClaimShape", "maxInclusive", set_value(MK.Claim, MK.confidence, Literal(Decimal("1.5"), datatype=DEC), MK.aspect, MK.diseaseContext)),
    "claim confidence below 0": ("ClaimShape", "minInclusive", set_value(MK.Claim, MK.confidence, Literal(Decimal("-0.1"), datatype=DEC), MK.cellContext, MK.diseaseContext)),
    "claim confidence as double": ("ClaimShape", "datatype", set_value(MK.Claim, MK.confidence, Literal(0.5, datatype=XSD.double), MK.species, MK.diseaseContext)),
    "claim flag is not a Flag": ("ClaimShape", "class", add_value(MK.Claim, MK.flag, NOWHERE, MK.reportedBy, MK.species)),
    # mksh:EntityRulesShape and mksh:ClaimRulesShape (SHACL-SPARQL)
    "entity with two classes": ("EntityRulesShape", "sparql", _two_classes),
    "flagged claim with confidence 0.9": ("ClaimRulesShape", "sparql", _flag_high_confidence),
    "claim quote not in the source language": ("ClaimRulesShape", "sparql", _quote_in_english),
    # mksh:FlagShape
    "flag of unknown kind": ("FlagShape", "in", set_value(MK.Flag, MK.flagKind, _lit("typo"))),
    "flag of unknown origin": ("FlagShape", "in", set_value(MK.Flag, MK.flagOrigin, _lit("gossip"))),
    "flag without note": ("FlagShape", "minCount", drop(MK.Flag, MK.curatorNote)),
    "flag with two intended meanings": ("FlagShape", "maxCount", add_value(MK.Flag, MK.intendedMeaning, _lit("x"), MK.intendedMeaning)),
    # mksh:ClinicalStudyShape
    "study without disease": ("ClinicalStudyShape", "minCount", drop(MK.ClinicalStudy, MK.studyOf)),
    "study of a cell type": ("ClinicalStudyShape", "class", _point_at_a(MK.studyOf, MK.ClinicalStudy, MK.CellType, MK.year)),
    "study year 1800": ("ClinicalStudyShape", "minInclusive", set_value(MK.ClinicalStudy, MK.year, Literal(1800, datatype=INT), MK.year, MK.phase)),
    "study year as text": ("ClinicalStudyShape", "datatype", set_value(MK.ClinicalStudy, MK.year, _lit("2018"), MK.year, MK.registryId)),
    "study with zero participants": ("ClinicalStudyShape", "minInclusive", set_value(MK.ClinicalStudy, MK.participants, Literal(0, datatype=INT), MK.participants, MK.hasArm)),
    "study with two phases": ("ClinicalStudyShape", "maxCount", add_value(MK.ClinicalStudy, MK.phase, _lit("IV"), MK.phase, MK.hasFigure)),
    "study intervention is not a therapy": ("ClinicalStudyShape", "class", _point_at_a(MK.intervention, MK.ClinicalStudy, MK.Drug, MK.country)),
    "study arm is not a StudyArm": ("ClinicalStudyShape", "class", add_value(MK.ClinicalStudy, MK.hasArm, NOWHERE, MK.hasArm, MK.journal)),
    "study figure is not a StudyFigure": ("ClinicalStudyShape", "class", add_value(MK.ClinicalStudy, MK.hasFigure, NOWHERE, MK.hasFigure, MK.population)),
    "study without quote": ("ClinicalStudyShape", "minCount", drop(MK.ClinicalStudy, MK.quote)),
    "study journal is an IRI": ("ClinicalStudyShape", "nodeKind", add_value(MK.ClinicalStudy, MK.journal, NOWHERE, MK.followUp)),
    # mksh:StudyArmShape
    "arm label in zh-Hant": ("StudyArmShape", "languageIn", relabel(MK.StudyArm, "en", _lit("組", "zh-Hant"))),
    "arm with zero participants": ("StudyArmShape", "minInclusive", set_value(MK.StudyArm, MK.participants, Literal(0, datatype=INT), MK.participants, MK.quote)),
    "arm intervention is not a therapy": ("StudyArmShape", "class", _point_at_a(MK.intervention, MK.StudyArm, MK.Disease, MK.intervention)),
    # mksh:StudyFigureShape
    "figure without measure": ("StudyFigureShape", "minCount", drop(MK.StudyFigure, MK.measure)),
    "figure without quote": ("StudyFigureShape", "minCount", drop(MK.StudyFigure, MK.quote)),
    "figure measure is a literal": ("StudyFigureShape > EntityNode", "node", set_value(MK.StudyFigure, MK.measure, _lit("SLEDAI"), MK.value)),
    "figure value as text": ("StudyFigureShape", "datatype", set_value(MK.StudyFigure, MK.value, _lit("84"), MK.value, MK.unit)),
    "figure direction sideways": ("StudyFigureShape", "in", set_value(MK.StudyFigure, MK.direction, _lit("sideways"), MK.direction)),
    "figure with two quotes": ("StudyFigureShape", "maxCount", add_value(MK.StudyFigure, MK.quote, _lit("另一段", "zh-Hant"), MK.timepoint)),
    "figure stated by a non-claim": ("StudyFigureShape", "class", add_value(MK.StudyFigure, MK.statedBy, NOWHERE, MK.statedBy)),
    # mksh:PrimarySourceShape
    "primary source without doi or confirming record": ("PrimarySourceShape", "or, sparql", _primary_source_without_doi_or_record),
    # mksh:SourceShape
    "source without title in its language": ("SourceShape", "sparql", _source_without_own_title),
    "source with two @en titles": ("SourceShape", "uniqueLang", add_value(MK.Source, DCTERMS.title, _lit("another title", "en"))),
    "source with two languages": ("SourceShape", "maxCount", add_value(MK.Source, DCTERMS.language, _lit("en"))),
    "source sha256 in upper case": ("SourceShape", "pattern", set_value(MK.Source, MK.sha256, _lit("A" * 64), MK.sha256)),
    # value-space corners, where engines are most likely to part
    "claim confidence ill-typed": ("ClaimShape", "datatype (ill-formed literal), min/maxInclusive", set_value(MK.Claim, MK.confidence, Literal("high", datatype=DEC), MK.model, MK.species)),
    "flagged claim confidence as integer 1": ("ClaimShape, ClaimRulesShape", "datatype, sparql", set_value(MK.Claim, MK.confidence, Literal(1, datatype=INT), MK.flag)),
    "study participants as xsd:int": ("ClinicalStudyShape", "datatype", set_value(MK.ClinicalStudy, MK.participants, Literal(5, datatype=XSD.int), MK.participants)),
}

# Changes that probe the engines' value semantics without having to violate anything: whatever
# one engine says about them, the other must say too.
EDGES: dict[str, tuple[str, str, Breaker]] = {
    "sha256 with a trailing newline": ("SourceShape", "pattern ($ before a final newline)", set_value(MK.Source, MK.sha256, _lit("a" * 64 + "\n"), MK.sha256)),
    "label in zh-Hant-TW": ("EntityShape", "languageIn (language ranges)", relabel(MK.Disease, "zh-Hant", _lit("系統性紅斑狼瘡", "zh-Hant-TW"))),
    "flagged claim confidence 0.50": ("ClaimRulesShape", "sparql (decimal comparison)", set_value(MK.Claim, MK.confidence, Literal("0.50", datatype=DEC), MK.flag)),
    "claim confidence 1.0": ("ClaimShape", "maxInclusive (decimal 1.0 vs integer 1)", set_value(MK.Claim, MK.confidence, Literal("1.0", datatype=DEC), without=MK.flag)),
    "study year 2100": ("ClinicalStudyShape", "maxInclusive (boundary)", set_value(MK.ClinicalStudy, MK.year, Literal(2100, datatype=INT), MK.year)),
}
# fmt: on


def broken_copy(graph: Graph, name: str) -> Graph:
    """A copy of ``graph`` changed by the breaker (or edge) ``name`` (``NoVictim`` if it cannot apply)."""
    copy = Graph()
    copy += graph
    {**BREAKERS, **EDGES}[name][2](copy)
    return copy
