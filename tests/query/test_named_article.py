"""Every named query on the packaged article graph, against answers worked out by hand.

The expectations below were found by reading the curation YAML in ``graph/curation`` and the
source article (``hangji2024``, ../shared/sources/000_d7dd2c4d2b69cced.txt), never by running a
query and copying what came out. Each check names the YAML claim ids it rests on; exact counts
appear only where the YAML was counted (e.g. 85 claims carry ``disease: SLE``), elsewhere the
checks are rows that must be there and rows that must not (another disease, no disease context,
an entity of the wrong kind).

No check rests on a "balance" entity (TH17_TREG_BALANCE and the like): CURATION.md ("Balance
nodes") has the curators replace them by claims on the populations themselves, so each check
holds with those entities in the graph and without them (:data:`BALANCE`).

Every query runs on the default store (embedded Oxigraph) and on rdflib; a named query without a
check here fails ``test_every_named_query_has_a_hand_checked_expectation``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal

import pytest
from rdflib import Graph
from sparql_fixture import short

from mechkg.query.named import named_queries, named_query, run_query
from mechkg.query.results import QueryResult
from mechkg.query.sparql import ParameterError
from mechkg.query.store import SparqlStore
from mechkg.query.stores import open_store

pytestmark = pytest.mark.slow  # servers, subprocesses or whole notebooks: the full suite runs them

Row = dict[str, str]

BALANCE = ("TH17_TREG_BALANCE", "TREG_TH_BALANCE", "TH2_TH17_BALANCE", "IMMUNE_IMBALANCE")
"""The balance entities being curated away; no expectation may depend on them being there or not."""


class Runner:
    """Runs one named query on one store and gives its rows with terms written as ``short`` does."""

    def __init__(self, store: SparqlStore, name: str) -> None:
        self.store, self.query = store, named_query(name)

    def result(self, **params: str) -> QueryResult:
        return run_query(self.store, self.query, params=params)

    def __call__(self, **params: str) -> list[Row]:
        result = self.result(**params)
        return [{v: short(t) for v, t in zip(result.vars, row, strict=True)} for row in result.rows]

    def triples(self, **params: str) -> set[tuple[str, str, str]]:
        graph = self.result(**params).graph
        assert isinstance(graph, Graph)
        return {(short(s), short(p), short(o)) for s, p, o in graph}


CHECKS: dict[str, Callable[[Runner], None]] = {}


def expects(name: str) -> Callable[[Callable[[Runner], None]], Callable[[Runner], None]]:
    """Register the hand-checked expectation of named query ``name``."""

    def register(check: Callable[[Runner], None]) -> Callable[[Runner], None]:
        CHECKS[name] = check
        return check

    return register


def column(rows: list[Row], *names: str) -> list[tuple[str, ...]]:
    return [tuple(row[n] for n in names) for row in rows]


def number(text: str) -> Decimal:
    return Decimal(text)


# ---------------------------------------------------------------------------------- expectations


@expects("cytokines-by-therapy")
def _cytokines_by_therapy(run: Runner) -> None:
    # article: "MSC-Exos移植…降低TNF-α和IL-1β的表達" (SLE); sle.yaml has exactly these two
    # inc/dec claims of MSC_EXO_THERAPY on a cytokine (the others are on M1/M2 macrophages)
    rows = sle = run(therapy="MSC_EXO_THERAPY", disease="SLE")
    assert column(rows, "cytokine", "predicate", "aspect", "disease", "claim") == [
        ("IL1B", "mk:decreases", "expression", "SLE", "sle-mscexo-therapy-decreases-il1b"),
        ("TNF", "mk:decreases", "expression", "SLE", "sle-mscexo-therapy-decreases-tnf"),
    ]
    # the IBD claims are mechanisms of the agent (MSC_EXO): IL-4, IL-10, "TNF-β" (LTA) and the two
    # cytokine groups (ibd-mscexo-*-up/-down); ZO-1, occludin, claudin-1 and CD4 T cells are not cytokines
    rows = run(therapy="MSC_EXO", disease="IBD")
    assert sorted(column(rows, "cytokine", "predicate", "disease", "claim")) == [
        ("ANTIINFLAMMATORY_CYTOKINE", "mk:increases", "IBD", "ibd-mscexo-antiinflammatory-up"),
        ("IL10", "mk:increases", "IBD", "ibd-mscexo-il10-up"),
        ("IL4", "mk:increases", "IBD", "ibd-mscexo-il4-up"),
        ("LTA", "mk:increases", "IBD", "ibd-mscexo-tnfb-up"),
        ("PROINFLAMMATORY_CYTOKINE", "mk:decreases", "IBD", "ibd-mscexo-proinflammatory-down"),
    ]
    assert {r["label"] for r in sle if r["cytokine"] == "TNF"} == {"tumor necrosis factor alpha"}


@expects("disease-mechanism-claims")
def _disease_mechanism_claims(run: Runner) -> None:
    rows = run(disease="系統性紅斑狼瘡")  # the zh-Hant label of SLE
    # 97 claims carry disease SLE: 90 in claims/sle.yaml and 7 paraphrases of primary papers
    # (claims/primary.yaml; they have no quote)
    assert len(rows) == 97
    assert {r["disease"] for r in rows} == {"SLE"}
    by_claim = {r["claim"]: r for r in rows}
    assert len(by_claim) == 97
    tnf = by_claim["sle-mscexo-therapy-decreases-tnf"]
    assert (tnf["subject"], tnf["predicate"], tnf["object"], tnf["evidence"]) == (
        "MSC_EXO",
        "mk:decreases",
        "TNF",
        "review_assertion",
    )
    assert tnf["quote"] == "降低TNF-α和IL-1β的表達"
    let7f = by_claim["sle-let7f-down-bmmsc"]
    assert (let7f["predicate"], let7f["quote"], let7f["evidence"]) == (
        "mk:decreasedIn",
        "SLE患者BM-MSCs中Let-7f表達下調",
        "human_observational",
    )
    assert by_claim["sle-scr2018-allo-msc-remission"]["evidence"] == "human_trial"
    # about SLE but without an SLE disease context: the conclusion's claim, and Nanjing's SSC claim
    assert "conc-sct-ameliorates-sle" not in by_claim
    assert "sle-nanjing-allo-msc-ameliorates-ssc" not in by_claim
    assert not any(c.startswith(("ra-", "ibd-", "ms-", "dm-")) for c in by_claim)


@expects("disease-subgraph")
def _disease_subgraph(run: Runner) -> None:
    triples = run.triples(disease="MS")
    assert ("MSC_EV", "mk:increases", "TREG") in triples  # ms-mscev-treg-spinal-cord (mechanism: on the agent)
    assert ("AHSCT", "mk:ameliorates", "MS") in triples  # ms-ahsct-507-survival, ms-ahsct-120-relapse-free
    assert ("TH17", "mk:secretes", "IL17A") in triples  # ms-th17-il17
    assert ("FOXP3", "mk:decreasedIn", "MS") in triples  # ms-foxp3-down
    # ms-nlrp3-part-inflammasome and ms-mscev-derives-msc have no disease
    assert ("NLRP3", "mk:partOf", "NLRP3_INFLAMMASOME") not in triples
    assert ("MSC_EV", "mk:derivesFrom", "MSC") not in triples
    # ms-snhg1-up-rrms is RRMS only, and RRMS is narrower than MS (entities/ms.yaml: broader MS)
    assert ("SNHG1", "mk:increasedIn", "RRMS") in triples
    assert ("SNHG1", "mk:increasedIn", "RRMS") in run.triples(disease="RRMS")
    assert ("FOXP3", "mk:decreasedIn", "MS") not in run.triples(disease="RRMS")  # never upwards
    # another disease's statement
    assert ("MSC_EXO_THERAPY", "mk:decreases", "TNF") not in triples
    # one triple per distinct statement of the MS claims
    claims = named_query("disease-mechanism-claims")
    statements = run_query(run.store, claims, params={"disease": "MS"})
    assert triples == {(short(r["subject"]), short(r["predicate"]), short(r["object"])) for r in statements.as_dicts()}


@expects("human-studies")
def _human_studies(run: Runner) -> None:
    sle = run(disease="SLE")
    # studies/sle.yaml: the Stem Cell Reports 2018 trial (n=81; three interventions, 18 figures)
    # and the Nanjing programme (n=2800, ALLO_MSC_THERAPY, 2 figures): 3 x 18 + 2 rows
    assert Counter((r["study"], r["therapy"], r["n"]) for r in sle) == {
        ("STUDY_SCR2018_SLE_MSC", "ALLO_MSC_THERAPY", "81"): 18,
        ("STUDY_SCR2018_SLE_MSC", "ALLO_BM_MSC_THERAPY", "81"): 18,
        ("STUDY_SCR2018_SLE_MSC", "UC_MSC_THERAPY", "81"): 18,
        ("STUDY_NANJING_MSC_PROGRAMME", "ALLO_MSC_THERAPY", "2800"): 2,
    }
    scr = [r for r in sle if r["study"] == "STUDY_SCR2018_SLE_MSC" and r["therapy"] == "ALLO_MSC_THERAPY"]
    figures = {(r["measure"], r["value"], r["unit"], r["timepoint"]) for r in scr}
    # article: 術后5年總生存率為84% … 5年疾病緩解率為34% … 5年總復發率為24%
    assert ("OVERALL_SURVIVAL", "84", "%", "5 years") in figures
    assert ("REMISSION_RATE", "34", "%", "5 years") in figures
    assert ("COMPLETE_CLINICAL_REMISSION", "27", "%", "5 years") in figures
    assert ("RELAPSE_RATE", "24", "%", "5 years") in figures
    assert ("EFFECTIVE_RATE", "60", "%", "") in {
        (r["measure"], r["value"], r["unit"], r["timepoint"]) for r in sle if r["study"] == "STUDY_NANJING_MSC_PROGRAMME"
    }
    assert {r["disease"] for r in sle} == {"SLE"}

    ra = run(disease="RA")
    # studies/ra.yaml: the Iranian trial (n=9, 7 figures), NCT01547091 (n=64, 17 figures: its four
    # safety results were filed under the 68-year-old case before), the 68-year-old case (2)
    assert Counter((r["study"], r["therapy"], r["n"]) for r in ra) == {
        ("STUDY_IRAN2019_RA_AUTO_BMMSC", "AUTO_BM_MSC_THERAPY", "9"): 7,
        ("STUDY_NCT01547091_RA_UCMSC", "UC_MSC_DMARD_THERAPY", "64"): 17,
        ("STUDY_NCT01547091_CASE_68M", "UC_MSC_DMARD_THERAPY", "1"): 2,
    }
    iran = {r["measure"]: r for r in ra if r["study"] == "STUDY_IRAN2019_RA_AUTO_BMMSC"}
    assert set(iran) == {"BM_MSC", "TH17", "IL17A", "TREG", "VAS", "CRP", "ANTI_CCP"}
    assert number(iran["BM_MSC"]["value"]) == 1_000_000  # 1×10^6 MSCs/kg (printed 1×106)
    assert (iran["TH17"]["unit"], iran["TH17"]["timepoint"]) == ("%", "12 months vs time zero")
    assert iran["TREG"]["timepoint"] == "end of month 1"


@expects("study-figures")
def _study_figures(run: Runner) -> None:
    rows = run(study="STUDY_SCR2018_SLE_MSC")
    # 18 figures in studies/sle.yaml, each with a quote
    assert len(rows) == 18
    by_id = {r["figure"].rsplit("/", 1)[1]: r for r in rows}
    assert len(by_id) == 18
    os5 = by_id["os-5y"]
    assert (os5["measure"], number(os5["value"]), os5["unit"], os5["timepoint"]) == ("OVERALL_SURVIVAL", 84, "%", "5 years")
    assert os5["quote"] == "術后5年總生存率為84%" and os5["claim"] == ""
    remission = by_id["remission-5y"]
    assert (number(remission["value"]), remission["claim"]) == (34, "sle-scr2018-allo-msc-remission")
    assert remission["quote"] == "5年疾病緩解率為34%"
    assert (by_id["proteinuria"]["direction"], by_id["proteinuria"]["claim"]) == ("decreased", "sle-scr2018-proteinuria")
    assert (number(by_id["remission-ever"]["value"]), by_id["remission-ever"]["unit"]) == (37, "patients")
    assert {r["study"] for r in rows} == {"STUDY_SCR2018_SLE_MSC"}


@expects("flags")
def _flags(run: Runner) -> None:
    rows = run(kind="mistranslation")
    # 9 claims and one entity (EFFEROCYTOSIS) have a mistranslation flag, one flag each; DAS28 and
    # HAQ are misnamed by the study paper itself (garbled_name, origin primary_paper)
    assert len(rows) == 10
    assert {r["kind"] for r in rows} == {"mistranslation"}
    aids = [r for r in rows if r["flagged"] == "conc-aid-burden-aids-mistranslation"]
    assert len(aids) == 1
    assert "艾滋病" in aids[0]["quote"]
    assert "自身免疫性疾病" in aids[0]["intended"]
    assert number(aids[0]["confidence"]) == Decimal("0.5")
    assert "EFFEROCYTOSIS" in {r["flagged"] for r in rows}
    assert {r["quote"] for r in rows if r["flagged"] == "EFFEROCYTOSIS"} == {""}  # entities have no quote
    everything = run()
    kinds = {r["kind"] for r in everything}
    assert {"mistranslation", "contradicts_biology", "overstated", "garbled_name", "doubtful"} <= kinds
    # the TNF-β "anti-inflammatory" claim of the IBD section
    assert ("ibd-mscexo-tnfb-up", "contradicts_biology") in column(everything, "flagged", "kind")
    # the Nanjing study's flag (studies carry flags too)
    assert ("STUDY_NANJING_MSC_PROGRAMME", "overstated") in column(everything, "flagged", "kind")


@expects("ungrounded-entities")
def _ungrounded_entities(run: Runner) -> None:
    rows = run()
    # 45 curated entities have no xrefs at all; 44 of them are not balance entities (IMMUNE_IMBALANCE
    # stays only as unsigned context; the other balance entities are gone, CURATION.md "Balance nodes")
    assert len([r for r in rows if r["entity"] not in BALANCE]) == 44
    entities = {r["entity"]: r for r in rows}
    assert entities["MIR141_PTEN_AKT_PATHWAY"]["type"] == "mk:Pathway"
    assert "signal" in entities["MIR141_PTEN_AKT_PATHWAY"]["reason"]
    assert entities["LINCRNA_COX2"]["type"] == "mk:LncRNA"
    for grounded in ("SLE", "TH17", "TREG", "IL6", "MIR146A", "ALLO_MSC_THERAPY", "STUDY_SCR2018_SLE_MSC"):
        assert grounded not in entities
    assert all(r["reason"] for r in rows)  # every ungrounded entity says why
    therapies = run(type="mk:Therapy")
    assert sorted(r["entity"] for r in therapies) == [
        "CARFILZOMIB_THERAPY",
        "CONVENTIONAL_AID_THERAPY",
        "CONVENTIONAL_SLE_THERAPY",
        "ENGINEERED_EXO_THERAPY",
        "EXOSOME_THERAPY",
        "INSULIN_INJECTION",
        "MSC_EV_THERAPY",
        "MSC_EXO_THERAPY",
        "NSAID_THERAPY",
        "SECRETOME_THERAPY",
    ]


@expects("exosome-cargo")
def _exosome_cargo(run: Runner) -> None:
    rows = run()
    # four `carries` claims of the article and one paraphrase (Dong 2019: SLE serum exosomes carry
    # less miR-146a); miR-146a has three causal effect claims in sle.yaml (two of its own, one of the
    # antagonist on it), miR-155 none
    weakens, ages, blocks = "sle-mir146a-weakens-msc-function", "sle-mir146a-msc-senescence", "sle-antagonist-decreases-mir146a"
    assert sorted(column(rows, "vesicle", "cargo", "claim", "effect", "target", "effectClaim")) == [
        (
            "ENGINEERED_EXOSOME",
            "MIR146A_ANTAGONIST",
            "sle-engineered-exosome-carries-antagonist",
            "mk:decreases",
            "MIR146A",
            blocks,
        ),
        ("SENESCENT_SC_EXO", "MIR146A", "ra-senescent-exo-carries-mir146a", "mk:decreases", "MSC", weakens),
        ("SENESCENT_SC_EXO", "MIR146A", "ra-senescent-exo-carries-mir146a", "mk:increases", "CELL_SENESCENCE", ages),
        ("SENESCENT_SC_EXO", "MIR155", "ra-senescent-exo-carries-mir155", "", "", ""),
        ("SLE_EXOSOME", "MIR146A", "primary-dong2019-mir146a-lower", "mk:decreases", "MSC", weakens),
        ("SLE_EXOSOME", "MIR146A", "primary-dong2019-mir146a-lower", "mk:increases", "CELL_SENESCENCE", ages),
        ("SLE_EXOSOME", "MIR146A", "sle-exosome-carries-mir146a", "mk:decreases", "MSC", weakens),
        ("SLE_EXOSOME", "MIR146A", "sle-exosome-carries-mir146a", "mk:increases", "CELL_SENESCENCE", ages),
    ]
    # ENGINEERED_EXOSOME, SENESCENT_SC_EXO and SLE_EXOSOME are all broader EXOSOME: asked for
    # exosomes, the same six rows, under EXOSOME (no claim names EXOSOME itself as carrier)
    exosome = run(vesicle="EXOSOME")
    assert {r["vesicle"] for r in exosome} == {"EXOSOME"}
    assert sorted(column(exosome, "cargo", "claim", "effectClaim")) == sorted(column(rows, "cargo", "claim", "effectClaim"))
    # article: 外泌體攜帶的miR-146a可加速MSCs衰老,進一步削弱其免疫調控能力
    sle = run(vesicle="SLE_EXOSOME")
    assert sorted(column(sle, "cargo", "effect", "aspect", "target")) == [  # once per carries claim
        ("MIR146A", "mk:decreases", "function", "MSC"),
        ("MIR146A", "mk:decreases", "function", "MSC"),
        ("MIR146A", "mk:increases", "", "CELL_SENESCENCE"),
        ("MIR146A", "mk:increases", "", "CELL_SENESCENCE"),
    ]


@expects("shared-mediators")
def _shared_mediators(run: Runner) -> None:
    rows = run(disease1="SLE", disease2="RA")
    counts = {r["mediator"]: (int(r["claims1"]), int(r["claims2"])) for r in rows}
    # IL-6: 5 SLE claims (let-7f -> IL-6 twice, IL-6 -> Th17, IL-6 -| Th17/Treg balance, IL-6-silenced MSC;
    #       the balance claim becomes claims on TH17 and TREG when the balance node goes, so 5 or more)
    #       4 RA claims (SASP: secreted by senescent HSPCs, part of SASP, NF-kB, synovial fibroblasts)
    assert counts["IL6"][0] >= 5 and counts["IL6"][1] == 4
    assert counts["TNF"] == (1, 8)  # sle-mscexo-therapy-decreases-tnf; eight ra-*tnf* claims
    assert counts["MIR146A"] == (5, 1)  # carried by exosomes in both sections (SLE: and the Dong 2019 paraphrase)
    assert counts["TH17"][0] >= 5 and counts["TH17"][1] >= 3  # more once balance claims name TH17 itself
    assert "TREG" in counts
    assert {r["label"] for r in rows if r["mediator"] == "IL6"} == {"interleukin-6"}
    # diseases and therapies are left out even where both sections use them; LET7F is SLE only, IDO1 RA only
    for absent in ("SLE", "RA", "ALLO_MSC_THERAPY", "LET7F", "IDO1"):
        assert absent not in counts
    assert {(r["disease1"], r["disease2"]) for r in rows} == {("SLE", "RA")}


@expects("th17-treg-claims")
def _th17_treg_claims(run: Runner) -> None:
    rows = run()
    claims = {r["claim"]: r["disease"] for r in rows}
    # the populations themselves: every row has TH17, TREG or IL17_TREG (broader TREG) as subject
    # or object, never a balance entity (whose claims become claims on TH17 and TREG)
    populations = {"TH17", "TREG", "IL17_TREG"}
    assert all({r["subject"], r["object"]} & populations for r in rows)
    assert not any({r["subject"], r["object"]} & set(BALANCE) for r in rows)
    # 25 claims with a disease context name TH17, TREG or IL17_TREG themselves: SLE 10, RA 6,
    # MS 4, IBD 2, T1D 2, AIHA 1 (more once the balance claims are curated as population claims)
    counts = Counter(claims.values())
    for disease, least in {"SLE": 10, "RA": 6, "MS": 4, "IBD": 2, "T1D": 2, "AIHA": 1}.items():
        assert counts[disease] >= least, disease
    assert claims["ra-iran-th17-decrease"] == "RA"
    assert claims["ibd-msc-th17-down"] == "IBD"
    assert claims["ms-mscev-treg-spinal-cord"] == "MS"
    assert claims["sle-il6-increases-th17"] == "SLE"
    assert claims["sle-mscexo-recruits-il17-treg"] == "SLE"  # via skos:broader IL17_TREG -> TREG
    # no disease context (gen-th17-treg-aid, aiha-treg-therapeutic); the Treg/helper-T imbalance is on TREG itself
    assert claims["o-treg-th-imbalance-in-aid"] == "AID"
    for absent in ("gen-th17-treg-aid", "aiha-treg-therapeutic", "o-helper-t-imbalance-in-aid", "sle-let7f-down-bmmsc"):
        assert absent not in claims
    ra = {r["claim"] for r in run(disease="RA")}
    assert {
        "ra-iran-th17-decrease",
        "ra-iran-treg-increase",
        "ra-senescent-hspc-decrease-treg",
        "ra-senescent-hspc-increase-th17",
        "ra-th17-accelerates-autoimmune-attack",
        "ra-treg-restrains-autoimmune-attack",
    } <= ra
    assert not any(c.startswith(("sle-", "ibd-", "ms-", "dm-")) for c in ra)
    # every disease is narrower than AID: asked for AID, every claim above, each once, under AID
    aid = run(disease="AID")
    assert {r["claim"] for r in aid} == set(claims) and len(aid) == len(claims)
    assert {r["disease"] for r in aid} == {"AID"}


@expects("claim-provenance")
def _claim_provenance(run: Runner) -> None:
    (row,) = run(claim="sle-scr2018-allo-msc-remission")
    assert row["source"] == "mks:hangji2024"
    assert row["title"] == "干細胞及其分泌的外泌體治療自身免疫性疾病的機制"
    assert row["section"] == "干細胞移植治療系統性紅斑狼瘡的臨床試驗"
    assert row["quote"] == "5年疾病緩解率為34%"
    assert (row["evidence"], row["evidenceType"]) == ("human_trial", "obo:ECO_0006017")
    assert number(row["confidence"]) == Decimal("0.8")  # the default: the YAML gives none
    assert row["study"] == "STUDY_SCR2018_SLE_MSC"
    (row,) = run(claim="mkc:conc-aid-burden-aids-mistranslation")
    assert (row["section"], row["evidence"], row["evidenceType"], row["study"]) == (
        "結論",
        "review_assertion",
        "obo:ECO_0000304",
        "",
    )
    assert number(row["confidence"]) == Decimal("0.5")
    with pytest.raises(ParameterError, match="'no-such-claim' is not a claim id"):  # an empty answer would teach nothing
        run(claim="no-such-claim")


@expects("claims-by-evidence")
def _claims_by_evidence(run: Runner) -> None:
    rows = run(level="case_report")
    # 12 case_report claims: the CiPSC islet patient (7, one in claims/sites.yaml), the 68-year-old RA man (2), the AS case (2),
    # the MS encephalopathy (1); all in humans
    assert sorted(r["claim"] for r in rows) == [
        "adm-cipsc-islet-rectus-sheath",  # claims/sites.yaml: where the CiPSC islets were transplanted
        "as-case-ahsct-remission",
        "as-case-sct-may-relieve",
        "dm-cipsc-islet-ameliorates-t1d",
        "dm-cipsc-islet-functional-cure",
        "dm-cipsc-islet-glucose-homeostasis",
        "dm-cipsc-islet-insulin-independence",
        "dm-cipsc-islet-insulin-secretion",
        "dm-cipsc-to-islet",
        "ms-msc-encephalopathy",
        "primary-wang2024-cipsc-preliminary",
        "ra-case68-hand-function-restored",
        "ra-case68-nodules-regressed",
    ]
    assert {r["species"] for r in rows} == {"HUMAN"}
    assert {r["level"] for r in rows} == {"case_report"}
    animal = {r["claim"]: r for r in run(level="animal_model")}
    assert animal["sle-hspc-myeloid-bias"]["species"] == "MOUSE"
    assert "sle-scr2018-allo-msc-remission" not in animal


@expects("claims-by-model")
def _claims_by_model(run: Runner) -> None:
    mouse = {r["claim"]: r for r in run(species="mouse")}
    # ms.yaml: 上調小鼠脊髓中 CD4+CD25+FOXP3+ 調節性 T 細胞 (Tregs) 的數量 (species mouse, its model named)
    treg = mouse["ms-mscev-treg-spinal-cord"]
    assert (treg["evidence"], treg["species"], treg["model"]) == ("animal_model", "MOUSE", "mouse model of MS (spinal cord)")
    assert mouse["sle-hspc-myeloid-bias"]["model"] == "lupus mouse models"  # 狼瘡模型顯示
    assert {r["species"] for r in mouse.values()} == {"MOUSE"}
    assert "sle-scr2018-allo-msc-remission" not in mouse  # a human trial
    # the three MS apoptosis-marker claims share one model, written exactly as the YAML writes it
    assert sorted(r["claim"] for r in run(model="mouse model of MS")) == [
        "ms-mscev-bax-down",
        "ms-mscev-p53-down",
        "ms-mscev-stat1-down",
    ]
    with pytest.raises(ParameterError, match="'no such model' is not a value of mk:model"):
        run(model="no such model")
    cases = {r["claim"]: r for r in run(evidence="case_report")}
    assert cases["ms-msc-encephalopathy"]["species"] == "HUMAN"
    assert {r["evidence"] for r in cases.values()} == {"case_report"}
    # left out, every claim that names a species or a model, once, ordered by evidence, species, model
    rows = run()
    assert all(r["species"] or r["model"] for r in rows)
    assert len({r["claim"] for r in rows}) == len(rows)
    assert set(mouse) <= {r["claim"] for r in rows}
    assert [r["evidence"] for r in rows] == sorted(r["evidence"] for r in rows)


@expects("animal-only-claims")
def _animal_only_claims(run: Runner) -> None:
    ibd = run(disease="IBD")
    claims = {r["claim"] for r in ibd}
    # 25 animal_model claims in IBD context; two are not animal-only: MSC_EXO_THERAPY ameliorates IBD
    # (ibd-exo-therapeutic-barrier, a review claim), and MSC decreases TH17, now that the SLE
    # section's mechanism sits on the agent MSC too (sle-msct-decreases-th17, human evidence)
    assert "ibd-msc-th17-down" not in claims
    assert "ibd-mscexo-ameliorates-colitis" not in claims
    assert len(ibd) == 23 and len(claims) == 23
    for present in (
        "ibd-msc-dose-dependent",
        "ibd-msc-tr1-up",
        "ibd-mscexo-il10-up",
        "ibd-mscexo-tnfb-up",
        "ibd-isc-lost-dss",
        "ibd-isc-partial-tnbs-oxazolone",
    ):
        assert present in claims
    assert {r["disease"] for r in ibd} == {"IBD"}
    ms = run(disease="MS")
    # ms-mscev-neuroprotection shares its statement with the review claim ms-mscev-neuroprotection-role
    assert sorted(column(ms, "claim", "species")) == [
        ("ms-mscev-bax-down", "MOUSE"),
        ("ms-mscev-p53-down", "MOUSE"),
        ("ms-mscev-stat1-down", "MOUSE"),
        ("ms-mscev-treg-spinal-cord", "MOUSE"),
    ]
    # the 4 SLE lupus-model claims (HSPC myeloid bias) are animal-only too, and three paraphrases of
    # lupus-mouse papers (claims/primary.yaml: miR-199a-5p -| Sirt1 -| p53, CD4 senescence, TGF-beta1 -> Bregs)
    assert Counter(r["disease"] for r in run()) == {"IBD": 23, "MS": 4, "SLE": 8}


@expects("therapies-for-disease")
def _therapies_for_disease(run: Runner) -> None:
    rows = run(disease="RA")
    # six `ameliorates RA` claims; ra-treg-restrains-autoimmune-attack has a cell (TREG) as subject;
    # and the paraphrase of the NCT01547091 paper (claims/primary.yaml)
    assert sorted(column(rows, "therapy", "claim", "evidence", "study")) == [
        ("ALLO_SCT", "ra-allo-sct-durable-efficacy", "author_statement", ""),
        ("AUTO_BM_MSC_THERAPY", "ra-iran-auto-bmmsc-ameliorates-ra", "human_trial", "STUDY_IRAN2019_RA_AUTO_BMMSC"),
        ("AUTO_SCT", "ra-auto-sct-recognised-method", "review_assertion", ""),
        ("STEM_CELL_TRANSPLANTATION", "ra-stem-cell-hope-cure", "author_statement", ""),
        ("UC_MSC_DMARD_THERAPY", "primary-wang2019-ra-cohort-age", "human_trial", "STUDY_NCT01547091_RA_UCMSC"),
        ("UC_MSC_DMARD_THERAPY", "ra-ucmsc-dmard-ameliorates-ra", "human_trial", "STUDY_NCT01547091_RA_UCMSC"),
    ]
    sle = {r["claim"]: r for r in run(disease="SLE")}
    assert sle["sle-scr2018-allo-msc-remission"]["study"] == "STUDY_SCR2018_SLE_MSC"
    assert sle["sle-scr2018-allo-msc-remission"]["species"] == "HUMAN"
    # the conclusion's claim has no disease context but is still a therapy ameliorating SLE
    assert "conc-sct-ameliorates-sle" in sle


@expects("observed-in-disease")
def _observed_in_disease(run: Runner) -> None:
    rows = run(disease="SLE")
    # (sle-th17-treg-balance-lost-in-sle is about a balance entity, being curated away)
    assert [r for r in column(rows, "entity", "predicate", "claim") if r[0] not in BALANCE][:3] == [
        ("LET7F", "mk:decreasedIn", "sle-let7f-down-bmmsc"),
        ("LET7F", "mk:decreasedIn", "sle-let7f-low-bmmsc-intro"),
        ("MSC_DYSFUNCTION", "mk:increasedIn", "sle-msc-dysfunction-in-sle"),
    ]
    assert rows[0]["quote"] == "SLE患者BM-MSCs中Let-7f表達下調"
    ms = column(run(disease="MS"), "entity", "predicate")
    assert ("FOXP3", "mk:decreasedIn") in ms and ("TGFB1", "mk:decreasedIn") in ms  # ms-foxp3-down, ms-tgfb1-low
    assert ("SNHG1", "mk:increasedIn") in ms  # ms-snhg1-up-rrms: RRMS, narrower than MS
    rrms = column(run(disease="RRMS"), "entity", "predicate", "disease")
    assert ("SNHG1", "mk:increasedIn", "RRMS") in rrms and ("FOXP3", "mk:decreasedIn", "RRMS") not in rrms


@expects("secreted-factors")
def _secreted_factors(run: Runner) -> None:
    rows = run(cell="MSC")
    # article: 通過分泌抗炎因子(如TGF-β、IL-10) (SLE); 通過分泌吲哚胺2,3-雙加氧酶(IDO) (RA)
    # and UC-MSCs (broader MSC): 人臍帶間充質干細胞(HUC-MSCs)移植后,通過分泌miRNA(如miR-199a-5p)
    assert column(rows, "factor", "claim", "disease") == [
        ("IDO1", "ra-allo-msc-secretes-ido", "RA"),
        ("IL10", "sle-msc-secretes-il10", "SLE"),
        ("MIR199A_5P", "sle-ucmsc-secretes-mir199a", "SLE"),
        ("TGFB", "sle-msc-secretes-tgfb", "SLE"),
    ]
    assert {r["cell"] for r in rows} == {"MSC"}
    everything = column(run(), "cell", "factor", "claim")
    assert ("UC_MSC", "MIR199A_5P", "sle-ucmsc-secretes-mir199a") in everything
    assert ("STEM_CELL", "EXOSOME", "gen-stem-cell-secretes-exosome") in everything


@expects("entity-claims")
def _entity_claims(run: Runner) -> None:
    rows = run(entity="let-7f")
    # the five sle.yaml claims with LET7F as subject or object (LET7F_MSC's other claim is not one),
    # and the paraphrase of Geng 2020 (claims/primary.yaml: shown in vitro, through the MSCs)
    assert column(rows, "entity", "claim", "predicate") == [
        ("LET7F", "primary-geng2020-let7f-in-vitro", "mk:decreases"),
        ("LET7F", "sle-let7f-decreases-il6", "mk:decreases"),
        ("LET7F", "sle-let7f-decreases-il6-intro", "mk:decreases"),
        ("LET7F", "sle-let7f-down-bmmsc", "mk:decreasedIn"),
        ("LET7F", "sle-let7f-low-bmmsc-intro", "mk:decreasedIn"),
        ("LET7F", "sle-let7f-msc-increases-let7f", "mk:increases"),
    ]
    assert rows[5]["subject"] == "LET7F_MSC" and rows[5]["aspect"] == "expression"
    assert rows[0]["quote"] == ""  # a paraphrase has no quote


@expects("evidence-summary")
def _evidence_summary(run: Runner) -> None:
    # counted in claims/ra.yaml (95 claims, all with disease RA) and claims/sle.yaml (90 with disease SLE),
    # plus the paraphrase claims of claims/primary.yaml (one RA human_trial; SLE animal_model and in_vitro)
    assert column(run(disease="RA"), "evidence", "claims") == [
        ("author_statement", "2"),
        ("case_report", "2"),
        ("human_observational", "3"),
        ("human_trial", "19"),
        ("review_assertion", "70"),
    ]
    # SLE paraphrases: five of lupus-mouse papers (animal_model), two of cell-culture work (in_vitro)
    assert column(run(disease="SLE"), "evidence", "claims") == [
        ("animal_model", "9"),
        ("author_statement", "3"),
        ("human_observational", "11"),
        ("human_trial", "15"),
        ("in_vitro", "2"),
        ("review_assertion", "57"),
    ]


@expects("review-vs-primary")
def _review_vs_primary(run: Runner) -> None:
    rows = run()
    # claims/primary.yaml: 16 paraphrases correcting 24 review claims (one row per pair)
    assert len(rows) == 24
    pairs = set(column(rows, "reviewClaim", "primaryClaim", "doi"))
    # the 507-patient MS cohort: overall vs relapse-free survival (Burt 2021), two paraphrases
    assert ("ms-ahsct-507-survival", "primary-burt2021-ms507-survival", "10.1007/s00415-021-10820-2") in pairs
    assert ("ms-ahsct-507-survival", "primary-burt2021-ms507-progression", "10.1007/s00415-021-10820-2") in pairs
    # the Sirt1/p53 axis (Cheng 2021) against the article's Sirt5/p21
    assert ("sle-mir199a-regulates-sirt5", "primary-cheng2021-sirt1-p53", "10.7150/thno.48080") in pairs
    for review in ("sle-sirt5-regulates-p21", "sle-p21-regulates-cd4-senescence"):
        assert (review, "primary-cheng2021-sirt1-deacetylates-p53", "10.7150/thno.48080") in pairs
    # the 68-year-old case told with the 18-64-year cohort of NCT01547091
    assert ("ra-case68-hand-function-restored", "primary-wang2019-ra-cohort-age", "10.2147/DDDT.S225613") in pairs
    assert all(r["reviewQuote"] for r in rows)  # every corrected claim is a quoted review claim
    assert {r["evidence"] for r in rows if r["primaryClaim"] == "primary-cheng2021-sirt1-p53"} == {"animal_model"}


# ---------------------------------------------------------------------------------- tests


@pytest.fixture(scope="module", params=["default"])
def store(request, packaged_built) -> SparqlStore:
    """The default engine; that rdflib and Oxigraph give the same rows is tested on the fixture
    (tests/query/test_endpoint.py, every named query), which keeps this article suite at one engine."""
    return open_store(None if request.param == "default" else request.param, graph=packaged_built.rdf)


@expects("disease-sites")
def _disease_sites(run: Runner) -> None:
    rows = run()
    # claims/sites.yaml has 21 hasLocation claims, one row each (every site has one UBERON exact/close xref)
    assert len(rows) == 21 and len({r["claim"] for r in rows}) == 21
    sites = {(r["disease"], r["site"]) for r in rows}
    # article: 系統性紅斑狼瘡和類風濕性關節炎是常見的自身免疫性結締組織疾病; 脾臟及腎臟等靶器官
    assert {s for d, s in sites if d == "SLE"} == {"CONNECTIVE_TISSUE", "KIDNEY", "SPLEEN"}
    # 手足小關節的…關節炎; RA的滑膜增生
    assert {s for d, s in sites if d == "RA"} == {"CONNECTIVE_TISSUE", "HAND_JOINT", "FOOT_JOINT", "SYNOVIUM"}
    assert ("MS", "CNS") in sites  # 多發性硬化癥是一種累及中樞神經系統的自身免疫性疾病
    assert {s for d, s in sites if d == "IBD"} == {"DIGESTIVE_TRACT", "INTESTINAL_MUCOSA"}
    assert {s for d, s in sites if d == "UC"} == {"COLON", "DIGESTIVE_SYSTEM"}
    assert {s for d, s in sites if d == "T1D"} == {"PANCREAS", "PANCREATIC_ISLET"}
    kidney = next(r for r in rows if (r["disease"], r["site"]) == ("SLE", "KIDNEY"))
    assert (kidney["uberon"], kidney["label"], kidney["quote"]) == ("obo:UBERON_0002113", "kidney", "脾臟及腎臟等靶器官")
    # cells and therapies have sites too, but through locatedIn / administeredAt, not here
    assert not {"T_CELL", "CD34_PROGENITOR", "MSC_EXO_THERAPY"} & {r["disease"] for r in rows}
    assert {r["site"] for r in run(disease="RA")} == {"CONNECTIVE_TISSUE", "HAND_JOINT", "FOOT_JOINT", "SYNOVIUM"}


@expects("msc-tissue-sources")
def _msc_tissue_sources(run: Runner) -> None:
    rows = run()
    # claims/sites.yaml: 8 derivesFrom claims from a cell to an anatomical entity
    assert {(r["tissue"], r["cell"], r["claim"]) for r in rows} == {
        ("BONE_MARROW", "BM_MSC", "src-bmmsc-bone-marrow"),
        ("BONE_MARROW", "BM_STEM_CELL", "src-bm-stem-cell-bone-marrow"),
        ("BONE_MARROW", "BM_STROMAL_STEM_CELL", "src-bmssc-bone-marrow"),
        ("CNS", "NEURAL_STEM_CELL", "src-nsc-cns"),
        ("DENTAL_PULP", "DPSC", "src-dpsc-dental-pulp"),
        ("EMBRYO", "ESC", "src-esc-embryo"),
        ("SYNOVIUM", "SYNOVIAL_MSC", "src-smsc-synovium"),
        ("UMBILICAL_CORD", "UC_MSC", "src-ucmsc-umbilical-cord"),
    }
    # MSCs are the cells with skos:broader* MSC
    assert {r["cell"] for r in rows if r["msc"] == "true"} == {"BM_MSC", "SYNOVIAL_MSC", "UC_MSC"}
    diseases = {(r["cell"], r["disease"]) for r in rows}
    # UC-MSCs: SLE (sle-ucmsc-ameliorates-sle), RA (UC_MSC_DMARD_THERAPY, NCT01547091), AIHA (aiha-* claims)
    assert {d for c, d in diseases if c == "UC_MSC"} == {"AIHA", "RA", "SLE"}
    # BM-MSCs: RA (the Iranian trial's AUTO_BM_MSC_THERAPY), SLE (ALLO_BM_MSC_THERAPY; Let-7f in SLE BM-MSCs)
    assert {d for c, d in diseases if c == "BM_MSC"} == {"RA", "SLE"}
    assert ("DPSC", "SPINAL_CORD_INJURY") in diseases  # DPSC exosomes in spinal cord injury
    assert ("SYNOVIAL_MSC", "") in diseases  # synovial MSC exosomes: cartilage, no disease
    # a claim on MSCs in general (e.g. MSC_THERAPY in IBD) is not given to any tissue source
    assert ("UC_MSC", "IBD") not in diseases and ("BM_MSC", "IBD") not in diseases
    assert len(rows) == len({(r["tissue"], r["cell"], r["disease"], r["claim"]) for r in rows})  # no duplicates
    assert {r["disease"] for r in run(cell="UC_MSC")} == {"AIHA", "RA", "SLE"}
    assert {r["cell"] for r in run(tissue="BONE_MARROW")} == {"BM_MSC", "BM_STEM_CELL", "BM_STROMAL_STEM_CELL"}


def test_every_named_query_has_a_hand_checked_expectation():
    assert sorted(set(named_queries()) - set(CHECKS)) == [], "named queries without an expectation on the article"
    assert sorted(set(CHECKS) - set(named_queries())) == [], "expectations of queries that no longer exist"


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_gives_the_hand_checked_rows_on_the_article(store, name):
    assert name in CHECKS, f"no hand-checked expectation for named query {name}"
    CHECKS[name](Runner(store, name))
