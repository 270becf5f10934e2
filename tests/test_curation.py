"""The packaged curation itself: honest quotes, real identifiers, complete studies, names that resolve.

These read the source text and the lexicons directly (not through the loader), so they check the
loader's checks too.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from conftest import lexicons_or_skip, sources_or_skip
from rdflib import Graph, Literal

from mechkg.network.names import resolve_name
from mechkg.rdf.shapes import shape_violations, validate_uncached
from mechkg.terms.vocab import MKE

ARTICLE_DISEASES = ["SLE", "RA", "UC", "MS", "DM", "IBD", "T1D", "AS", "AIHA", "SJOGREN"]
"""The diseases the article names as its representative ones, plus those with their own sections
(Crohn disease appears only in pathogenesis: the article names no therapy for it)."""


def all_quotes(curation) -> list[tuple[str, str]]:
    quotes = [(claim.id, claim.quote) for claim in curation.claims.values() if not claim.paraphrase]
    for study in curation.studies.values():
        quotes.append((study.id, study.quote))
        quotes += [(f"{study.id}/{arm.id}", arm.quote) for arm in study.arms if arm.quote]
        quotes += [(f"{study.id}/{fig.id}", fig.quote) for fig in study.figures]
    quotes += [(f"excused:{e.quote[:10]}", e.quote) for e in curation.excuses]
    return quotes


def test_every_quote_is_an_exact_span_of_the_source(packaged_built):
    folder = sources_or_skip()
    curation = packaged_built.curation
    for source in curation.sources.values():
        if source.file is None:  # a primary-source record: nothing of it is quoted
            continue
        text = (folder / source.file).read_text(encoding="utf-8")
        missing = [(owner, quote) for owner, quote in all_quotes(curation) if quote not in text]
        assert not missing, missing
    assert len(all_quotes(curation)) > 500


def read_lexicon_rows(folder: Path) -> tuple[dict[str, str], set[str]]:
    labels: dict[str, str] = {}
    for path in folder.glob("*.tsv"):
        if path.name.startswith("obsolete"):
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                labels[row[0]] = row[1]
    with (folder / "obsolete_cl_mondo_uberon.tsv").open(encoding="utf-8", newline="") as handle:
        obsolete = {row["curie"] for row in csv.DictReader(handle, delimiter="\t")}
    return labels, obsolete


def test_every_curie_is_in_the_lexicons_with_its_label_and_current(packaged_built):
    labels, obsolete = read_lexicon_rows(lexicons_or_skip())
    xrefs = [(e.id, x) for e in packaged_built.curation.entities.values() for x in e.xrefs]
    assert len(xrefs) > 250
    wrong = [(eid, x.curie, x.label, labels.get(x.curie)) for eid, x in xrefs if labels.get(x.curie) != x.label]
    assert not wrong, wrong
    assert not [x.curie for _, x in xrefs if x.curie in obsolete]


def test_ungrounded_entities_say_why(packaged_built):
    for entity in packaged_built.curation.entities.values():
        assert entity.xrefs or (entity.ungrounded and len(entity.ungrounded) > 10), entity.id


@pytest.mark.slow
def test_shacl_passes_on_the_built_graph_and_fails_on_a_broken_one(packaged_built):
    assert validate_uncached(packaged_built.rdf) == []  # not from the SHACL result cache
    broken = Graph()
    broken += packaged_built.rdf
    broken.remove((MKE.SLE, None, Literal("系統性紅斑狼瘡", lang="zh-Hant")))
    violations = shape_violations(broken)
    assert violations and any("mke:SLE" in v and "zh-Hant" in v for v in violations), violations


def test_every_study_has_participants_and_an_outcome_claim(packaged_built):
    curation = packaged_built.curation
    for study in curation.studies.values():
        assert study.n, f"{study.id} has no n"
        outcome = [c for c in curation.claims_reporting(study.id) if c.predicate in ("ameliorates", "increases", "decreases")]
        assert outcome, f"{study.id} has no outcome claim"
        assert study.figures, f"{study.id} reports no figure"


def test_the_named_studies_have_their_numbers(packaged_built):
    studies = packaged_built.curation.studies
    by_n = Counter(study.n for study in studies.values())
    for n in (81, 9, 64, 507, 120):
        assert by_n[n] >= 1, f"no study with n={n}"
    phase_two = next(s for s in studies.values() if s.n == 81)
    assert phase_two.year == 2018 and {a.n for a in phase_two.arms} >= {22, 59, 39, 42}
    values = {f.value for f in phase_two.figures}
    assert {84, 27, 7, 34, 24} <= values
    nct = next(s for s in studies.values() if s.registry == "NCT01547091" and s.n == 64)
    assert nct.year == 2019


def test_every_article_disease_is_reached_from_a_therapy_through_claims(packaged_built):
    G = packaged_built.network
    causal = nx.DiGraph((u, v) for u, v, data in G.edges(data=True) if data["claims"] and data["causal"])
    therapies = [n for n, data in G.nodes(data=True) if data["type"] == "Therapy"]
    for disease in ARTICLE_DISEASES:
        assert disease in G, disease
        reached = [t for t in therapies if t in causal and disease in causal and nx.has_path(causal, t, disease)]
        assert reached, f"no therapy reaches {disease} through causal claims"


def test_flags_are_explained_and_lower_confidence(packaged_built):
    curation = packaged_built.curation
    flagged = [claim for claim in curation.claims.values() if claim.flags]
    assert len(flagged) > 50
    for claim in flagged:
        assert claim.confidence <= 0.5
        assert all(len(flag.note) > 20 for flag in claim.flags), claim.id
    kinds = Counter(flag.kind for claim in flagged for flag in claim.flags)
    assert kinds["mistranslation"] and kinds["contradicts_biology"] and kinds["garbled_name"]


def test_the_aids_mistranslation_is_flagged(packaged_built):
    """The conclusion renders AID as 艾滋病 (AIDS); the claim that quotes it must say so."""
    claims = [c for c in packaged_built.curation.claims.values() if "艾滋病" in (c.quote or "")]
    assert claims and all(any(f.kind == "mistranslation" for f in c.flags) for c in claims)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_entity_resolves_by_its_label(packaged_built, language):
    G = packaged_built.network
    unresolved = []
    for node, data in G.nodes(data=True):
        label = data[f"label_{language}"]
        if resolve_name(G, label, strict=False) != node:
            unresolved.append((node, label))
    assert not unresolved, unresolved
