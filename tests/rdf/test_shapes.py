"""SHACL shapes (``ontology/shapes.ttl``) through :mod:`mechkg.rdf.shapes`: a small hand-written graph of
the shape ``graph/rdf/triples.py`` writes conforms, with and without the ontology; broken variants of it do not.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib import namespace as rdfns

from mechkg.terms.vocab import MK, MKC, MKE

ONTOLOGY = Path(__file__).parents[2] / "ontology"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "mechkg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


PREFIXES = """\
@prefix mk:      <https://w3id.org/mechkg/vocab/> .
@prefix mke:     <https://w3id.org/mechkg/entity/> .
@prefix mkc:     <https://w3id.org/mechkg/claim/> .
@prefix mks:     <https://w3id.org/mechkg/source/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix obo:     <http://purl.obolibrary.org/obo/> .
"""

# A small graph of the shape graph/rdf/triples.py writes (identifiers here are only test data).
CONFORMING = (
    PREFIXES
    + """
mks:hangji2024 a mk:Source ;
    dcterms:title "干細胞及其分泌的外泌體治療自身免疫性疾病的機制"@zh-Hant ,
        "Mechanisms of stem cells and their exosomes in treating autoimmune diseases"@en ;
    dcterms:language "zh-Hant" ;
    mk:kind "popular-science translation of a review article"@en ;
    mk:sourceFile "000_d7dd2c4d2b69cced.txt" ;
    mk:sha256 "1f0c000000000000000000000000000000000000000000000000000000000000" ;
    dcterms:publisher "杭吉干細胞" .

mke:SLE a mk:Disease ;
    rdfs:label "systemic lupus erythematosus"@en , "系統性紅斑狼瘡"@zh-Hant ;
    skos:altLabel "SLE" ;
    skos:exactMatch obo:MONDO_0007915 ;
    skos:definition "An autoimmune disease."@en .

mke:MSC a mk:CellType ;
    rdfs:label "mesenchymal stem cell"@en , "間充質幹細胞"@zh-Hant ;
    skos:altLabel "MSC" , "间充质干细胞" ;
    skos:closeMatch obo:CL_0000134 .

mke:UC_MSC a mk:CellType ;
    rdfs:label "umbilical cord MSC"@en , "臍帶間充質幹細胞"@zh-Hant ;
    skos:broader mke:MSC ;
    mk:ungroundedReason "no CL term for umbilical-cord MSCs"@en .

mke:TGFB a mk:GeneProduct ;
    rdfs:label "transforming growth factor beta"@en , "轉化生長因子-β"@zh-Hant ;
    skos:broadMatch obo:FPLX_TGFB .

mke:HUMAN a mk:OrganismTaxon ;
    rdfs:label "human"@en , "人"@zh-Hant ;
    mk:ungroundedReason "no lexicon for NCBITaxon"@en .

mke:SLEDAI a mk:ClinicalMeasure ;
    rdfs:label "SLE disease activity index"@en , "SLE疾病活動指數"@zh-Hant ;
    mk:ungroundedReason "no standard term in the lexicons"@en .

mke:UC_MSC_THERAPY a mk:Therapy ;
    rdfs:label "umbilical cord MSC therapy"@en , "臍帶間充質幹細胞治療"@zh-Hant ;
    mk:ungroundedReason "a therapy, not an ontology term"@en ;
    mk:uses mke:UC_MSC ;
    mk:therapyKind "cell_therapy" ;
    mk:origin "allogeneic" ;
    mk:route "intravenous" ;
    mk:dose "1 × 10^6 cells/kg" ;
    mk:studiedIn mke:STUDY_2018 .

mke:STUDY_2018 a mk:ClinicalStudy ;
    rdfs:label "UC-MSC trial in SLE"@en , "臍帶間充質幹細胞治療SLE臨床試驗"@zh-Hant ;
    prov:wasDerivedFrom mks:hangji2024 ;
    mk:section "干細胞移植治療系統性紅斑狼瘡的臨床試驗"@zh-Hant ;
    mk:quote "這是一項開放標簽的II期臨床試驗"@zh-Hant ;
    mk:design "open-label phase II clinical trial" ;
    mk:phase "II" ;
    mk:year 2018 ;
    mk:journal "Stem Cell Reports" ;
    mk:registryId "NCT01547091" ;
    mk:participants 81 ;
    mk:population "severe refractory SLE" ;
    mk:followUp "mean 5 years" ;
    mk:studyOf mke:SLE ;
    mk:intervention mke:UC_MSC_THERAPY ;
    mk:hasArm <https://w3id.org/mechkg/entity/STUDY_2018/arm/uc> ;
    mk:hasFigure <https://w3id.org/mechkg/entity/STUDY_2018/figure/sledai> .

<https://w3id.org/mechkg/entity/STUDY_2018/arm/uc> a mk:StudyArm ;
    rdfs:label "umbilical cord MSC"@en ;
    mk:participants 22 ;
    mk:intervention mke:UC_MSC_THERAPY ;
    mk:quote "22名患者接受臍帶間充質幹細胞"@zh-Hant .

<https://w3id.org/mechkg/entity/STUDY_2018/figure/sledai> a mk:StudyFigure ;
    mk:measure mke:SLEDAI ;
    mk:value "84"^^xsd:decimal ;
    mk:unit "%" ;
    mk:timepoint "5 years" ;
    mk:direction "decreased" ;
    mk:quote "SLEDAI評分顯著下降"@zh-Hant ;
    mk:statedBy mkc:sle-msc-tgfb .

mke:MSC mk:secretes mke:TGFB .

mkc:sle-msc-tgfb a mk:Claim , rdf:Statement ;
    rdf:subject mke:MSC ;
    rdf:predicate mk:secretes ;
    rdf:object mke:TGFB ;
    mk:aspect "secretion" ;
    prov:wasDerivedFrom mks:hangji2024 ;
    mk:section "干細胞病變與SLE發病機制的深度關聯"@zh-Hant ;
    mk:quote "MSC分泌TGF-β"@zh-Hant ;
    mk:statement "MSCs secrete TGF-β."@en ;
    mk:evidenceType obo:ECO_0006017 ;
    mk:evidenceLevel "human_observational" ;
    mk:diseaseContext mke:SLE ;
    mk:species mke:HUMAN ;
    mk:model "SLE patients' bone-marrow MSCs"@en ;
    mk:cellContext mke:UC_MSC ;
    mk:reportedBy mke:STUDY_2018 ;
    mk:confidence "0.5"^^xsd:decimal ;
    mk:flag <https://w3id.org/mechkg/claim/sle-msc-tgfb/flag/1> ;
    mk:curatorNote "test claim"@en .

<https://w3id.org/mechkg/claim/sle-msc-tgfb/flag/1> a mk:Flag ;
    mk:flagKind "mistranslation" ;
    mk:curatorNote "吲哚胺 is written as 3-吲哚胺"@en ;
    mk:intendedMeaning "indoleamine 2,3-dioxygenase" .
"""
)

CLAIM = MKC["sle-msc-tgfb"]
FLAG = URIRef(f"{CLAIM}/flag/1")
FIGURE = URIRef(f"{MKE['STUDY_2018']}/figure/sledai")


def conforming_graph() -> Graph:
    return Graph().parse(data=CONFORMING, format="turtle")


def check(data: Graph, shapes: Graph) -> tuple[bool, str]:
    """Validate as the build does (graph/rdf/shapes.py), with the shapes under test."""
    from mechkg.rdf import shapes as shapes_module

    assert shapes_module.shapes_graph() is not None
    violations = shapes_module.shape_violations(data)
    return not violations, "\n".join(violations)


def test_shapes_parse(shapes: Graph) -> None:
    assert len(shapes) > 100


def test_conforming_graph_conforms(shapes: Graph) -> None:
    conforms, text = check(conforming_graph(), shapes)
    assert conforms, text


def test_conforming_graph_conforms_with_the_ontology(shapes: Graph, ontology: Graph) -> None:
    """graph/rdf/triples.py ships the ontology inside the built graph; that must not break the shapes."""
    data = conforming_graph()
    data += ontology
    conforms, text = check(data, shapes)
    assert conforms, text


def _without(subject: URIRef, predicate: URIRef, language: str | None = None) -> Callable[[Graph], None]:
    def mutate(graph: Graph) -> None:
        for obj in list(graph.objects(subject, predicate)):
            if language is None or (isinstance(obj, Literal) and obj.language == language):
                graph.remove((subject, predicate, obj))

    return mutate


def _set(subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> Callable[[Graph], None]:
    def mutate(graph: Graph) -> None:
        graph.set((subject, predicate, value))

    return mutate


def _add(subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> Callable[[Graph], None]:
    def mutate(graph: Graph) -> None:
        graph.add((subject, predicate, value))

    return mutate


def _ungrounded_sle(graph: Graph) -> None:
    for match in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch):
        graph.remove((MKE.SLE, match, None))


BROKEN: dict[str, Callable[[Graph], None]] = {
    "claim without quote": _without(CLAIM, MK.quote),
    "claim with empty quote": _set(CLAIM, MK.quote, Literal("", lang="zh-Hant")),
    "claim with two quotes": _add(CLAIM, MK.quote, Literal("另一段引文", lang="zh-Hant")),
    "claim quote not in the source language": _set(CLAIM, MK.quote, Literal("MSCs secrete TGF-β", lang="en")),
    "entity missing zh-Hant label": _without(MKE.SLE, RDFS.label, "zh-Hant"),
    "entity with two en labels": _add(MKE.SLE, RDFS.label, Literal("lupus", lang="en")),
    "entity with two classes": _add(MKE.MSC, RDF.type, MK.Therapy),
    "claim with evidenceLevel hearsay": _set(CLAIM, MK.evidenceLevel, Literal("hearsay")),
    "claim with non-ECO evidence type": _set(CLAIM, MK.evidenceType, URIRef("http://purl.obolibrary.org/obo/GO_0008150")),
    "claim with predicate outside the ontology": _set(CLAIM, RDF.predicate, RDFS.seeAlso),
    "claim with unknown aspect": _set(CLAIM, MK.aspect, Literal("vibes")),
    "claim with confidence above 1": _set(CLAIM, MK.confidence, Literal(Decimal("1.5"), datatype=rdfns.XSD.decimal)),
    "flagged claim with high confidence": _set(CLAIM, MK.confidence, Literal(Decimal("0.8"), datatype=rdfns.XSD.decimal)),
    "claim confidence as double": _set(CLAIM, MK.confidence, Literal(0.5, datatype=rdfns.XSD.double)),
    "claim without source": _without(CLAIM, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
    "claim subject is not an entity": _set(CLAIM, RDF.subject, URIRef("https://example.org/nothing")),
    "flag of unknown kind": _set(FLAG, MK.flagKind, Literal("typo")),
    "flag without note": _without(FLAG, MK.curatorNote),
    "study figure without measure": _without(FIGURE, MK.measure),
    "study figure without quote": _without(FIGURE, MK.quote),
    "study figure with odd direction": _set(FIGURE, MK.direction, Literal("sideways")),
    "study without disease": _without(MKE.STUDY_2018, MK.studyOf),
    "study with zero participants": _set(MKE.STUDY_2018, MK.participants, Literal(0, datatype=rdfns.XSD.integer)),
    "entity with neither xref nor ungroundedReason": _ungrounded_sle,
    "therapy of unknown kind": _set(MKE.UC_MSC_THERAPY, MK.therapyKind, Literal("magic")),
    "source without title in its language": _without(
        URIRef("https://w3id.org/mechkg/source/hangji2024"), URIRef("http://purl.org/dc/terms/title"), "zh-Hant"
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_variants_fail(shapes: Graph, name: str) -> None:
    data = conforming_graph()
    BROKEN[name](data)
    conforms, text = check(data, shapes)
    assert not conforms, f"{name}: expected a violation\n{text}"


def test_clinical_study_needs_no_xref(shapes: Graph) -> None:
    data = conforming_graph()
    assert not list(data.objects(MKE.STUDY_2018, SKOS.exactMatch))
    assert not list(data.objects(MKE.STUDY_2018, MK.ungroundedReason))
    conforms, text = check(data, shapes)
    assert conforms, text
