"""Records -> RDF: truthy triples plus claim nodes, bilingual labels, standard IRIs, studies with arms and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import MINI, MINI_SOURCES
from curation_edits import edit
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef

from mechkg.ingest.load import load_curation
from mechkg.rdf.triples import curation_graph
from mechkg.terms.vocab import MK, MKC, MKE, MKS


def mini_graph() -> Graph:
    return curation_graph(load_curation(MINI, sources_dir=MINI_SOURCES))


def test_claim_yields_truthy_triple_and_claim_node():
    g = mini_graph()
    assert (MKE.LET7F, MK.decreases, MKE.IL6) in g
    claim = MKC["mini-let7f-il6"]
    assert (claim, RDF.type, MK.Claim) in g
    assert (claim, RDF.type, RDF.Statement) in g
    assert g.value(claim, RDF.subject) == MKE.LET7F
    assert g.value(claim, RDF.predicate) == MK.decreases
    assert g.value(claim, RDF.object) == MKE.IL6
    assert g.value(claim, MK.aspect) == Literal("expression")
    assert g.value(claim, MK.quote) == Literal("Let-7f表達降低),導致促炎因子IL-6升高", lang="zh-Hant")
    assert g.value(claim, MK.evidenceLevel) == Literal("human_observational")
    assert str(g.value(claim, MK.evidenceType)) == "http://purl.obolibrary.org/obo/ECO_0006017"
    assert g.value(claim, MK.diseaseContext) == MKE.SLE
    assert (claim, MK.confidence, None) in g
    assert str(g.value(claim, MK.confidence)) == "0.8"
    assert g.value(claim, MK.reportedBy) is None
    assert (MKC["mini-msc-sle"], MK.reportedBy, MKE.STUDY_NANJING) in g
    assert (MKC["mini-msc-sle"], MK.species, MKE.HUMAN) in g


def test_entities_carry_bilingual_labels_and_standard_iris():
    g = mini_graph()
    assert (MKE.SLE, RDFS.label, Literal("systemic lupus erythematosus", lang="en")) in g
    assert (MKE.SLE, RDFS.label, Literal("系統性紅斑狼瘡", lang="zh-Hant")) in g
    assert (MKE.SLE, SKOS.exactMatch, URIRef("http://purl.obolibrary.org/obo/MONDO_0007915")) in g
    assert (MKE.LET7F, SKOS.closeMatch, URIRef("https://identifiers.org/mirbase:MI0000067")) in g
    assert (MKE.MSC_THERAPY, MK.uses, MKE.MSC) in g
    assert (MKE.MSC_THERAPY, MK.studiedIn, MKE.STUDY_NANJING) in g


def test_study_numbers_are_structured():
    g = mini_graph()
    study = MKE.STUDY_NANJING
    assert g.value(study, MK.participants).toPython() == 2800
    assert g.value(study, MK.studyOf) == MKE.SLE
    figure = g.value(study, MK.hasFigure)
    assert g.value(figure, MK.measure) == MKE.RESPONSE_RATE
    assert float(g.value(figure, MK.value)) == 60.0
    assert g.value(figure, MK.statedBy) == MKC["mini-msc-sle"]
    assert (MKS.mini, RDF.type, MK.Source) in g


def test_a_study_with_arms_figures_flags_and_every_optional_field(mini: Path):
    edit(
        mini / "studies/sle.yaml",
        "  n: 2800\n",
        "  n: 2800\n  phase: 2\n  year: 2018\n  registry: NCT01547091\n  country: China\n  follow_up: 5 years\n"
        "  notes: a press report\n  flags:\n    - {kind: overstated, origin: press_report, note: press numbers}\n"
        "  arms:\n    - {id: all, label: all patients, n: 2800, intervention: MSC_THERAPY, description: everyone, quote: 2800余例}\n",
    )
    edit(mini / "studies/sle.yaml", 'unit: "%",', 'unit: "%", arm: all, timepoint: 1 year, direction: increased, notes: overall,')
    g = curation_graph(load_curation(mini, sources_dir=MINI_SOURCES), with_ontology=False)
    study = MKE.STUDY_NANJING
    arm, figure = URIRef(f"{study}/arm/all"), URIRef(f"{study}/figure/response")
    assert g.value(study, MK.phase) == Literal("2")
    assert g.value(study, MK.year) == Literal(2018)  # xsd:integer
    assert g.value(study, MK.registryId) == Literal("NCT01547091")
    assert g.value(study, MK.followUp) == Literal("5 years")
    assert g.value(study, MK.curatorNote) == Literal("a press report", lang="en")
    assert g.value(g.value(study, MK.flag), MK.flagKind) == Literal("overstated")
    assert g.value(study, MK.journal) is None  # not given: no triple
    assert set(g.objects(study, MK.hasArm)) == {arm}
    assert g.value(arm, RDF.type) == MK.StudyArm
    assert g.value(arm, MK.participants) == Literal(2800)
    assert g.value(arm, MK.intervention) == MKE.MSC_THERAPY
    assert g.value(arm, MK.quote) == Literal("2800余例", lang="zh-Hant")
    assert g.value(figure, MK.hasArm) == arm
    assert g.value(figure, MK.value) == Literal(Decimal("60.0"))  # xsd:decimal
    assert (g.value(figure, MK.timepoint), g.value(figure, MK.direction)) == (Literal("1 year"), Literal("increased"))
    assert g.value(figure, MK.curatorNote) == Literal("overall", lang="en")


def test_sources_and_therapies():
    g = mini_graph()
    assert g.value(MKS.mini, MK.sourceFile) == Literal("mini_sle.txt")
    assert g.value(MKS.mini, URIRef("http://purl.org/dc/terms/language")) == Literal("zh-Hant")
    assert g.value(MKE.MSC_THERAPY, MK.therapyKind) == Literal("cell_therapy")
    assert g.value(MKE.MSC_THERAPY, MK.origin) == Literal("allogeneic")
    assert g.value(MKE.MSC_THERAPY, MK.route) is None
    assert g.value(MKE.RESPONSE_RATE, MK.ungroundedReason) == Literal("no fitting term in the lexicons", lang="en")
    assert (MKE.SLE, SKOS.altLabel, Literal("lupus")) in g


def test_no_blank_nodes_and_the_ontology_only_when_asked():
    with_ontology, without = mini_graph(), curation_graph(load_curation(MINI, sources_dir=MINI_SOURCES), with_ontology=False)
    assert not any(isinstance(term, BNode) for triple in without for term in triple)
    assert (MK.increases, RDFS.label, None) in with_ontology
    assert (MK.increases, RDFS.label, None) not in without
    assert len(with_ontology) > len(without)
