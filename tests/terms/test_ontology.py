"""The ontology (``ontology/mechkg.ttl``) and what :mod:`mechkg.terms.ontology` reads from it.

* its header, its classes, their Biolink alignments;
* every entity predicate states its sign and causality once, and ``predicates()`` reads them;
* ``class_labels()`` gives each class its two labels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib import namespace as rdfns
from rdflib.namespace import OWL

from mechkg.terms.ontology import class_labels, ontology_graph, predicates
from mechkg.terms.vocab import MK

ONTOLOGY = Path(__file__).parents[2] / "ontology"
NS = str(MK._NS)
BIOLINK = "https://w3id.org/biolink/vocab/"

# The 22 predicates between entities, with (sign, causal) as in CURATION.md.
ENTITY_PREDICATES = {
    "increases": (1, True),
    "decreases": (-1, True),
    "regulates": (0, True),
    "secretes": (1, True),
    "carries": (1, True),
    "differentiatesInto": (1, True),
    "derivesFrom": (0, False),
    "contributesTo": (1, True),
    "ameliorates": (-1, True),
    "riskFactorFor": (1, True),
    "hasAdverseEffect": (1, True),
    "increasedIn": (0, False),
    "decreasedIn": (0, False),
    "biomarkerOf": (0, False),
    "associatedWith": (0, False),
    "partOf": (0, False),
    "expresses": (0, False),
    "studiedIn": (0, False),
    "uses": (0, False),
    "hasLocation": (0, False),
    "locatedIn": (0, False),
    "administeredAt": (0, False),
}
ENTITY_CLASSES = [
    "Disease", "Phenotype", "CellType", "GeneProduct", "ProteinFamilyOrComplex", "MicroRNA", "LncRNA",
    "BiologicalProcess", "Pathway", "ExtracellularVesicle", "Therapy", "Drug", "ChemicalEntity",
    "ClinicalStudy", "ClinicalMeasure", "AnatomicalEntity", "Exposure", "OrganismTaxon",
]  # fmt: skip
PROVENANCE_CLASSES = ["Claim", "Source", "PrimarySource", "StudyArm", "StudyFigure", "Flag"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "mechkg.ttl", format="turtle")


def test_ontology_header(ontology: Graph) -> None:
    (header,) = list(ontology.subjects(RDF.type, OWL.Ontology))
    assert str(ontology.value(header, OWL.versionInfo)) == "0.1.0"
    assert ontology.value(header, RDFS.label) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/description")) is not None


def test_classes(ontology: Graph) -> None:
    for name in ENTITY_CLASSES:
        term = MK[name]
        assert (term, RDF.type, OWL.Class) in ontology
        assert (term, RDFS.subClassOf, MK.Entity) in ontology, name
    for name in PROVENANCE_CLASSES:
        assert (MK[name], RDF.type, OWL.Class) in ontology
        assert (MK[name], RDFS.subClassOf, MK.Entity) not in ontology, name
    classes = {str(c)[len(NS) :] for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(NS)}
    assert classes == set(ENTITY_CLASSES) | set(PROVENANCE_CLASSES) | {"Entity"}


def test_alignments_point_to_biolink(ontology: Graph) -> None:
    """Every entity class and entity predicate is aligned to at least one Biolink term."""
    matches = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
    for name in ENTITY_CLASSES + list(ENTITY_PREDICATES):
        targets = [str(o) for p in matches for o in ontology.objects(MK[name], p)]
        assert any(t.startswith(BIOLINK) for t in targets), f"{name} has no Biolink alignment"
        for target in targets:
            assert target.startswith((BIOLINK, "http://purl.obolibrary.org/obo/")), target
            if target.startswith("http://purl.obolibrary.org/obo/"):
                assert target.split("/")[-1].startswith(("RO_", "BFO_")), target


def test_entity_predicates_have_one_sign_and_causality(ontology: Graph) -> None:
    signed = {str(s)[len(NS) :] for s in ontology.subjects(MK.sign, None)}
    assert signed == set(ENTITY_PREDICATES)
    for name, (sign, causal) in ENTITY_PREDICATES.items():
        term = MK[name]
        assert (term, RDF.type, OWL.ObjectProperty) in ontology, name
        signs = list(ontology.objects(term, MK.sign))
        assert len(signs) == 1, name
        assert signs[0].datatype == rdfns.XSD.integer and signs[0].toPython() in (-1, 0, 1), name
        assert signs[0].toPython() == sign, name
        flags = list(ontology.objects(term, MK.isCausal))
        assert len(flags) == 1 and flags[0].datatype == rdfns.XSD.boolean, name
        assert flags[0].toPython() is causal, name


def test_sign_and_causality_are_annotation_properties(ontology: Graph) -> None:
    assert (MK.sign, RDF.type, OWL.AnnotationProperty) in ontology
    assert (MK.isCausal, RDF.type, OWL.AnnotationProperty) in ontology


def test_predicates_reads_sign_causality_and_labels() -> None:
    found = predicates()
    assert {name: (info.sign, info.causal) for name, info in found.items()} == ENTITY_PREDICATES
    decreases = found["decreases"]
    assert decreases.iri == MK.decreases and decreases.name == "decreases"
    assert decreases.label_en and decreases.label_zh and decreases.label_en != decreases.label_zh


def test_class_labels_cover_every_class_in_both_languages() -> None:
    labels = class_labels()
    assert set(ENTITY_CLASSES) | set(PROVENANCE_CLASSES) | {"Entity"} == set(labels)
    assert all(en and zh for en, zh in labels.values())
    assert labels["Disease"][0] == "disease"


def test_the_parsed_ontology_is_the_shipped_file(ontology: Graph) -> None:
    assert len(ontology_graph()) == len(ontology)
    assert ontology_graph() is ontology_graph()  # parsed once
