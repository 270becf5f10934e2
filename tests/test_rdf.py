"""RDF: truthy triples plus claim nodes; stable bytes; a Turtle round trip is isomorphic."""

from __future__ import annotations

import subprocess
import sys

from conftest import MINI, MINI_SOURCES
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic

from mechkg.ingest.load import load_curation
from mechkg.rdf.triples import curation_graph, serialize_turtle
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
    from rdflib import RDFS, SKOS, URIRef

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


def test_turtle_round_trip_is_isomorphic():
    g = mini_graph()
    again = Graph().parse(data=serialize_turtle(g), format="turtle")
    assert isomorphic(g, again)


def test_serialisation_is_byte_identical_across_processes():
    """Hash randomisation differs between processes; the bytes must not."""
    code = (
        "import sys; from pathlib import Path; from mechkg.ingest.load import load_curation; "
        "from mechkg.rdf.triples import curation_graph, serialize_turtle; "
        f"c = load_curation(Path({str(MINI)!r}), sources_dir=Path({str(MINI_SOURCES)!r})); "
        "sys.stdout.buffer.write(serialize_turtle(curation_graph(c)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    assert outputs.pop() == serialize_turtle(mini_graph())
