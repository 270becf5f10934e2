"""MechKG's own vocabulary as closed rdflib namespaces, and the IRI bases of its data.

Every term of ``mk:`` used by the code is named here once, so that a typo raises
``AttributeError`` instead of minting a new IRI; ``tests/terms/test_vocab.py`` proves that each
term is defined in ``ontology/mechkg.ttl``.

>>> str(MK.increases)
'https://w3id.org/mechkg/vocab/increases'
>>> MK.increasse
Traceback (most recent call last):
...
AttributeError: term 'increasse' not in namespace 'https://w3id.org/mechkg/vocab/'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["BIOLINK", "MK", "MKC", "MKE", "MKS", "OBO", "PREFIXES"]

MKE = Namespace("https://w3id.org/mechkg/entity/")
MKC = Namespace("https://w3id.org/mechkg/claim/")
MKS = Namespace("https://w3id.org/mechkg/source/")
OBO = Namespace("http://purl.obolibrary.org/obo/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")


class MK(DefinedNamespace):
    """The MechKG vocabulary (``mk:``): classes, predicates and provenance properties."""

    _fail = True
    _NS = Namespace("https://w3id.org/mechkg/vocab/")

    # classes of entities
    Entity: URIRef  # anything curated in MechKG
    Disease: URIRef
    Phenotype: URIRef  # symptom, sign or clinical finding
    CellType: URIRef  # cell types and cell states (M1/M2, senescent)
    GeneProduct: URIRef  # gene, protein, cytokine, receptor, enzyme, transcription factor
    ProteinFamilyOrComplex: URIRef
    MicroRNA: URIRef
    LncRNA: URIRef
    BiologicalProcess: URIRef
    Pathway: URIRef
    ExtracellularVesicle: URIRef  # exosomes and EVs, by cell of origin
    Therapy: URIRef
    Drug: URIRef
    ChemicalEntity: URIRef  # metabolites and other small molecules that are not drugs
    ClinicalStudy: URIRef  # a trial, cohort, programme or case report
    ClinicalMeasure: URIRef  # SLEDAI, DAS28, CRP, overall survival …
    AnatomicalEntity: URIRef
    Exposure: URIRef  # environmental exposure or risk factor
    OrganismTaxon: URIRef

    # classes of provenance
    Claim: URIRef  # one statement of a source, reified
    Source: URIRef  # a text claims are taken from
    StudyArm: URIRef
    StudyFigure: URIRef  # one number a study reports
    Flag: URIRef  # a curator's objection to a statement of the source

    # predicates between entities (sign and causality stated in the ontology)
    increases: URIRef
    decreases: URIRef
    regulates: URIRef
    secretes: URIRef
    carries: URIRef
    differentiatesInto: URIRef
    derivesFrom: URIRef
    contributesTo: URIRef
    ameliorates: URIRef
    riskFactorFor: URIRef
    hasAdverseEffect: URIRef
    increasedIn: URIRef
    decreasedIn: URIRef
    biomarkerOf: URIRef
    associatedWith: URIRef
    partOf: URIRef
    expresses: URIRef
    studiedIn: URIRef
    uses: URIRef  # a therapy gives these cells, vesicles or drugs
    hasLocation: URIRef  # disease or phenotype -> anatomical site where it acts
    locatedIn: URIRef  # cell -> anatomical site where it resides
    administeredAt: URIRef  # therapy -> anatomical site where it is given

    # annotations of predicates
    sign: URIRef  # +1, -1 or 0
    isCausal: URIRef

    # entity properties
    ungroundedReason: URIRef
    therapyKind: URIRef
    origin: URIRef  # autologous | allogeneic
    route: URIRef
    dose: URIRef

    # claim properties
    aspect: URIRef
    diseaseContext: URIRef
    cellContext: URIRef
    species: URIRef
    model: URIRef
    evidenceType: URIRef  # an ECO term
    evidenceLevel: URIRef  # human_trial | case_report | … (ranking category)
    section: URIRef
    quote: URIRef
    statement: URIRef
    confidence: URIRef
    flag: URIRef
    flagKind: URIRef
    flagOrigin: URIRef
    intendedMeaning: URIRef
    curatorNote: URIRef
    reportedBy: URIRef  # claim -> the clinical study that reports it
    paraphrase: URIRef  # true: the statement paraphrases a primary paper (no quote)
    corrects: URIRef  # paraphrase claim -> the review claim it corrects

    # study properties
    design: URIRef
    phase: URIRef
    year: URIRef
    journal: URIRef
    registryId: URIRef
    institution: URIRef
    country: URIRef
    participants: URIRef
    population: URIRef
    studyOf: URIRef  # study -> disease
    intervention: URIRef  # study or arm -> therapy
    followUp: URIRef
    hasArm: URIRef
    hasFigure: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    timepoint: URIRef
    direction: URIRef
    statedBy: URIRef  # figure -> claim

    # source properties
    sourceFile: URIRef
    sha256: URIRef
    kind: URIRef
    PrimarySource: URIRef  # a bibliographic record of a paper, registry entry or press report
    doi: URIRef
    pmid: URIRef
    pmcid: URIRef
    authors: URIRef  # the author list as one literal, in the record's order
    publishedIn: URIRef  # journal name
    confirmedBy: URIRef  # the public record that confirmed the identifiers
    noDoiReason: URIRef


PREFIXES: dict[str, str] = {
    "mk": str(MK._NS),
    "mke": str(MKE),
    "mkc": str(MKC),
    "mks": str(MKS),
    "obo": str(OBO),
    "biolink": str(BIOLINK),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
}
