"""The tiny hand-built graph the path tests share, put together by the production function (mechkg.network.assemble).

Test modules import the ``G`` fixture from here (``tiny_graph``) rather than from a
tests/paths/conftest.py: a second conftest module would take the name ``conftest`` that the
top-level tests import their constants from.

Degrees (distinct neighbours over causal edges): UC_MSC 5 (TGFB, TREG, INFLAMMATION, IL6, IFN), MSC 1, TREG 2,
INFLAMMATION 6 (UC_MSC, SLE, X1-4), TGFB 2, TH17 6 (TGFB, SLE, LN, IL10, IL6, IL17), IL10 2, IL6 3 (UC_MSC, TH17, LET7).
"""

from __future__ import annotations

import math

import networkx as nx
import pytest

from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode, Figure, Flag, Source, Study, Xref
from mechkg.paths.score import EVIDENCE_STRENGTH, FLAG_FACTOR, GENERALISATION_FACTOR, HUB_DAMPING, LENGTH_FACTOR
from mechkg.paths.search import mechanism_paths
from mechkg.terms.ontology import predicates

S = EVIDENCE_STRENGTH


def hub(*degrees: int) -> float:
    return math.prod(d**-HUB_DAMPING for d in degrees)


NODES = {
    # id: (type, label_en, label_zh, synonyms, broader, exact xrefs)
    "SLE": ("Disease", "systemic lupus erythematosus", "系統性紅斑狼瘡", ["SLE", "lupus"], [], ["MONDO:0007915"]),
    "LN": ("Disease", "lupus nephritis", "狼瘡性腎炎", ["LN"], ["SLE"], []),
    "MSC": ("CellType", "mesenchymal stem cell", "間充質干細胞", ["MSC", "MSCs"], [], []),
    "UC_MSC": ("CellType", "umbilical cord MSC", "臍帶間充質干細胞", ["UC-MSC"], ["MSC"], []),
    "EXOSOME": ("ExtracellularVesicle", "exosome", "外泌體", ["exosomes"], [], []),
    "MSC_EXO": ("ExtracellularVesicle", "MSC-derived exosome", "間充質干細胞外泌體", ["MSC-Exos"], ["EXOSOME"], []),
    "MSC_THERAPY": ("Therapy", "MSC therapy", "間充質干細胞治療", ["MSC transplantation"], [], []),
    "UC_MSC_THERAPY": ("Therapy", "UC-MSC therapy", "臍帶間充質干細胞治療", [], ["MSC_THERAPY"], []),
    "EXO_THERAPY": ("Therapy", "MSC exosome therapy", "外泌體療法", [], [], []),
    "TGFB": ("GeneProduct", "transforming growth factor beta", "轉化生長因子-β", ["TGF-β"], [], []),
    "IL10": ("GeneProduct", "interleukin-10", "白細胞介素-10", ["IL-10"], [], []),
    "IL6": ("GeneProduct", "interleukin-6", "白細胞介素-6", ["IL-6"], [], []),
    "IL17": ("GeneProduct", "interleukin-17", "白細胞介素-17", ["IL-17"], [], []),
    "IFN": ("GeneProduct", "type I interferon", "I型干擾素", ["IFN-I"], [], []),
    "LET7": ("MicroRNA", "let-7f", "Let-7f", [], [], []),
    "TH17": ("CellType", "T-helper 17 cell", "Th17細胞", ["Th17"], [], []),
    "TREG": ("CellType", "regulatory T cell", "調節性T細胞", ["Treg"], [], []),
    "INFLAMMATION": ("BiologicalProcess", "inflammation", "炎症", [], [], []),
    **{f"X{i}": ("GeneProduct", f"factor {i}", f"因子{i}", [], [], []) for i in range(1, 5)},
    "STUDY1": ("ClinicalStudy", "UC-MSC trial in SLE", "臍帶間充質干細胞治療SLE試驗", [], [], []),
}

CLAIMS = [
    # id, subject, predicate, object, evidence level, source, extra
    ("ucmsc-tgfb", "UC_MSC", "secretes", "TGFB", "animal_model", "A", {}),
    ("tgfb-th17", "TGFB", "decreases", "TH17", "animal_model", "A", {"aspect": "differentiation"}),
    ("th17-sle", "TH17", "contributesTo", "SLE", "human_observational", "B", {}),
    ("th17-ln", "TH17", "contributesTo", "LN", "human_observational", "B", {}),
    ("ucmsc-treg", "UC_MSC", "increases", "TREG", "human_trial", "C", {}),
    ("treg-sle", "TREG", "ameliorates", "SLE", "review_assertion", "A", {}),
    ("ucmsc-infl", "UC_MSC", "decreases", "INFLAMMATION", "human_trial", "C", {}),
    ("infl-sle", "INFLAMMATION", "contributesTo", "SLE", "review_assertion", "A", {}),
    *[(f"x{i}-infl", f"X{i}", "increases", "INFLAMMATION", "review_assertion", "A", {}) for i in range(1, 5)],
    ("msc-il10", "MSC", "secretes", "IL10", "in_vitro", "A", {}),
    ("il10-th17", "IL10", "decreases", "TH17", "animal_model", "B", {}),
    (
        "ucmsc-il6",
        "UC_MSC",
        "increases",
        "IL6",
        "review_assertion",
        "A",
        {"flags": [{"kind": "overstated", "note": "n", "intended": "i"}]},
    ),
    ("il6-th17", "IL6", "increases", "TH17", "review_assertion", "A", {}),
    ("exo-let7", "MSC_EXO", "carries", "LET7", "animal_model", "A", {}),
    ("let7-il6", "LET7", "decreases", "IL6", "in_vitro", "A", {}),
    ("th17-il17", "TH17", "secretes", "IL17", "review_assertion", "A", {}),
    ("il17-sle", "IL17", "increasedIn", "SLE", "human_observational", "B", {}),
    ("ucmsc-ifn", "UC_MSC", "decreases", "IFN", "in_vitro", "A", {}),
    ("sle-ifn", "SLE", "associatedWith", "IFN", "human_observational", "B", {}),
    ("ucmsc-therapy-sle", "UC_MSC_THERAPY", "ameliorates", "SLE", "human_trial", "C", {"study": "STUDY1"}),
]


def make_claim(cid: str, s: str, p: str, o: str, level: str, source: str, extra: dict) -> Claim:
    return Claim(
        id=cid,
        subject=s,
        predicate=p,
        object=o,
        sign=predicates()[p].sign,
        aspect=extra.get("aspect"),
        quote=f"quote of {cid}",
        statement=f"Statement of {cid}.",
        section="section",
        source=source,
        evidence="ECO:0000304",
        evidence_level=level,
        disease=tuple(extra.get("disease", ["SLE"])),
        study=extra.get("study"),
        confidence=0.5 if extra.get("flags") else 0.8,
        flags=tuple(Flag(**f) for f in extra.get("flags", [])),
    )


STUDY = Study(
    design="open-label trial",
    n=40,
    figures=(Figure("resp", "SLEDAI", 40.0, "%", "1 year", "decreased", "SLEDAI fell", "ucmsc-therapy-sle"),),
)

STRUCTURAL = [
    ("MSC_THERAPY", "uses", "MSC"),
    ("UC_MSC_THERAPY", "uses", "UC_MSC"),
    ("EXO_THERAPY", "uses", "MSC_EXO"),
    ("UC_MSC_THERAPY", "studiedIn", "STUDY1"),
    ("SLE", "studiedIn", "STUDY1"),
]


def tiny(claims: list[Claim] | None = None) -> nx.MultiDiGraph:
    """The tiny graph, put together by the production function (mechkg.network.assemble)."""
    nodes = [
        EntityNode(
            node,
            kind,
            en,
            zh,
            f"https://w3id.org/mechkg/entity/{node}",
            xrefs=tuple(Xref(c, "exact", "", "") for c in exact),
            synonyms=tuple(synonyms),
            broader=tuple(broader),
            study=STUDY if kind == "ClinicalStudy" else None,
        )
        for node, (kind, en, zh, synonyms, broader, exact) in NODES.items()
    ]
    claims = [make_claim(*c) for c in CLAIMS] if claims is None else claims
    triples = list(dict.fromkeys([*(c.triple for c in claims), *STRUCTURAL]))
    return assemble(nodes, claims, triples, sources=[Source(s, s, s) for s in "ABC"], name="tiny")


@pytest.fixture(name="G")
def tiny_graph() -> nx.MultiDiGraph:
    """A fresh tiny graph for each test."""
    return tiny()


def with_claims(*extra: tuple) -> nx.MultiDiGraph:
    return tiny([*(make_claim(*c) for c in CLAIMS), *(make_claim(*c) for c in extra)])


def chains(result) -> list[tuple[str, ...]]:
    return [p.node_ids for p in result.paths]


def both_engines(G, therapy, disease, **options):
    pruned = mechanism_paths(G, therapy, disease, **options)
    full = mechanism_paths(G, therapy, disease, engine="full", **options)
    return pruned, full


# The hub part covers the start of the mechanism and the intermediates. Inflammation is an umbrella node
# (mechkg.paths.criteria.UMBRELLA): its path ranks after the specific ones whatever its score. The path that
# starts from MSC (a generalisation of UC-MSC) ranks last: generalisations are an earlier tier than umbrella nodes.
EXPECTED_UC = [
    # nodes, verdict, evidence, length, hub, specificity
    (("UC_MSC_THERAPY", "UC_MSC", "TREG", "SLE"), "counteracts", S["human_trial"] * S["review_assertion"], 1.0, hub(5, 2), 1.0),
    (
        ("UC_MSC_THERAPY", "UC_MSC", "TGFB", "TH17", "SLE"),
        "counteracts",
        S["animal_model"] * S["animal_model"] * S["human_observational"],
        LENGTH_FACTOR,
        hub(5, 2, 6),
        1.0,
    ),
    (
        ("UC_MSC_THERAPY", "UC_MSC", "IL6", "TH17", "SLE"),
        "aggravates",
        S["review_assertion"] * FLAG_FACTOR * S["review_assertion"] * S["human_observational"],
        LENGTH_FACTOR,
        hub(5, 3, 6),
        1.0,
    ),
    (
        ("UC_MSC_THERAPY", "UC_MSC", "INFLAMMATION", "SLE"),
        "counteracts",
        S["human_trial"] * S["review_assertion"],
        1.0,
        hub(5, 6),
        1.0,
    ),
    (
        ("UC_MSC_THERAPY", "UC_MSC", "MSC", "IL10", "TH17", "SLE"),
        "counteracts",
        S["in_vitro"] * S["animal_model"] * S["human_observational"],
        LENGTH_FACTOR,
        hub(1, 2, 6),
        GENERALISATION_FACTOR,
    ),
]

ARTICLE_DISEASES = ["SLE", "RA", "IBD", "MS", "T1D", "AS", "AIHA", "SJOGREN"]
