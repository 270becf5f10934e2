"""Mechanism paths (mechkg.paths.search) on a tiny hand-built graph, the CLI, and the curated article."""

from __future__ import annotations

import json
import math

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechkg.app.cli import main
from mechkg.errors import UnknownEntity
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode, Figure, Flag, Source, Study, Xref
from mechkg.paths.index import path_index
from mechkg.paths.score import EVIDENCE_STRENGTH, FLAG_FACTOR, GENERALISATION_FACTOR, HUB_DAMPING, LENGTH_FACTOR
from mechkg.paths.search import mechanism_paths, mechanisms
from mechkg.paths.taxonomy import resolve_therapies
from mechkg.terms.ontology import predicates
from tests.conftest import MINI, MINI_SOURCES

S = EVIDENCE_STRENGTH


def hub(*degrees: int) -> float:
    return math.prod(d**-HUB_DAMPING for d in degrees)


# --------------------------------------------------------------------------------------------
# The tiny graph
# --------------------------------------------------------------------------------------------

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
        {"flags": [{"kind": "doubtful", "note": "n", "intended": "i"}]},
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


def _claim(cid: str, s: str, p: str, o: str, level: str, source: str, extra: dict) -> Claim:
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
    claims = [_claim(*c) for c in CLAIMS] if claims is None else claims
    triples = list(dict.fromkeys([*(c.triple for c in claims), *STRUCTURAL]))
    return assemble(nodes, claims, triples, sources=[Source(s, s, s) for s in "ABC"], name="tiny")


@pytest.fixture(name="G")
def tiny_graph() -> nx.MultiDiGraph:
    return tiny()


def chains(result) -> list[tuple[str, ...]]:
    return [p.node_ids for p in result.paths]


# --------------------------------------------------------------------------------------------
# Causal paths: exact paths, signs, order and score parts
# --------------------------------------------------------------------------------------------

# Degrees (distinct neighbours over causal edges): UC_MSC 5 (TGFB, TREG, INFLAMMATION, IL6, IFN), MSC 1, TREG 2,
# INFLAMMATION 6 (UC_MSC, SLE, X1-4), TGFB 2, TH17 6 (TGFB, SLE, LN, IL10, IL6, IL17), IL10 2, IL6 3 (UC_MSC, TH17, LET7).
# The hub part covers the start of the mechanism and the intermediates. The path that starts from MSC (a generalisation
# of UC-MSC) ranks last whatever its score: fewer generalisations first.
EXPECTED_UC = [
    # nodes, verdict, evidence, length, hub, specificity
    (("UC_MSC_THERAPY", "UC_MSC", "TREG", "SLE"), "counteracts", S["human_trial"] * S["review_assertion"], 1.0, hub(5, 2), 1.0),
    (
        ("UC_MSC_THERAPY", "UC_MSC", "INFLAMMATION", "SLE"),
        "counteracts",
        S["human_trial"] * S["review_assertion"],
        1.0,
        hub(5, 6),
        1.0,
    ),
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
        ("UC_MSC_THERAPY", "UC_MSC", "MSC", "IL10", "TH17", "SLE"),
        "counteracts",
        S["in_vitro"] * S["animal_model"] * S["human_observational"],
        LENGTH_FACTOR,
        hub(1, 2, 6),
        GENERALISATION_FACTOR,
    ),
]


def test_causal_paths_exact_order_signs_and_score_parts(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert result.therapies == ("UC_MSC_THERAPY",)
    assert chains(result) == [e[0] for e in EXPECTED_UC]
    for path, (_, verdict, evidence, length, hub_part, spec) in zip(result.paths, EXPECTED_UC, strict=True):
        assert path.verdict == verdict
        assert path.net_sign == {"counteracts": -1, "aggravates": 1}[verdict]
        assert path.score.evidence == pytest.approx(evidence)
        assert path.score.length == pytest.approx(length)
        assert path.score.hub == pytest.approx(hub_part)
        assert path.score.specificity == pytest.approx(spec)
        assert path.score.total == pytest.approx(evidence * length * hub_part * spec)
    assert [p.score.generalisations for p in result.paths] == [0, 0, 0, 0, 1]
    totals = [p.score.total for p in result.paths[:4]]
    assert totals == sorted(totals, reverse=True)
    assert result.paths[4].score.total > result.paths[3].score.total  # ranked after it: a generalisation
    best = result.paths[0]
    assert [(h.subject, h.predicate, h.object, h.kind) for h in best.hops] == [
        ("UC_MSC_THERAPY", "uses", "UC_MSC", "entry"),
        ("UC_MSC", "increases", "TREG", "mechanism"),
        ("TREG", "ameliorates", "SLE", "mechanism"),
    ]
    assert [c.id for c in best.hops[1].claims] == ["ucmsc-treg"]
    assert dict(result.paths[1].score.hub_degrees) == {"UC_MSC": 5, "INFLAMMATION": 6}


def test_hub_penalty_reorders_equal_evidence(G):
    # TREG and INFLAMMATION paths have the same evidence; only the hub (degree 2 vs 6) separates them.
    first, second = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[:2]
    assert first.score.evidence == second.score.evidence
    assert first.node_ids[2] == "TREG" and second.node_ids[2] == "INFLAMMATION"


def test_generalised_entry_is_shown_as_a_hop(G):
    path = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[4]
    assert [(h.predicate, h.kind) for h in path.hops[:2]] == [("uses", "entry"), ("broader", "entry")]
    assert chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE", inherit=False)) == [e[0] for e in EXPECTED_UC[:4]]


def test_direct_edge_is_the_observed_outcome_not_a_path(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert all(len(p.mechanism_hops) >= 2 for p in result.paths)
    assert [o.hop.key for o in result.observed] == [("UC_MSC_THERAPY", "ameliorates", "SLE")]
    (study,) = result.observed[0].studies
    assert study.id == "STUDY1" and study.study.figures[0].measure == "SLEDAI"


def test_synonymous_intermediates_are_listed_once(G):
    # TH17 -> LN (a narrower SLE) is the same mechanism as TH17 -> SLE: a variant, not a new path.
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert not any("LN" in p.node_ids for p in result.paths)
    assert ("UC_MSC_THERAPY", "UC_MSC", "TGFB", "TH17", "LN", "SLE") in result.paths[2].variants


def with_claims(*extra: tuple) -> nx.MultiDiGraph:
    return tiny([*(_claim(*c) for c in CLAIMS), *(_claim(*c) for c in extra)])


def test_duplicate_claim_from_one_source_does_not_change_the_score(G):
    before = [p.score.total for p in mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths]
    again = ("tgfb-th17-again", "TGFB", "decreases", "TH17", "animal_model", "A", {})
    weaker = ("tgfb-th17-weaker", "TGFB", "decreases", "TH17", "in_vitro", "A", {})
    G = with_claims(again, weaker)
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert [p.score.total for p in result.paths] == pytest.approx(before)
    assert {c.id for c in result.paths[2].mechanism_hops[1].claims} == {"tgfb-th17", "tgfb-th17-again", "tgfb-th17-weaker"}
    # ... while a second, independent source raises it (noisy-or of the two sources).
    G = with_claims(again, weaker, ("tgfb-th17-other", "TGFB", "decreases", "TH17", "in_vitro", "C", {}))
    hop = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[2].mechanism_hops[1]
    assert hop.sources == 2
    assert hop.support == pytest.approx(1 - (1 - S["animal_model"]) * (1 - S["in_vitro"]))


def test_flagged_claims_count_less(G):
    aggravating = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[3]
    assert aggravating.mechanism_hops[0].claims[0].flagged
    assert aggravating.mechanism_hops[0].support == pytest.approx(S["review_assertion"] * FLAG_FACTOR)


# --------------------------------------------------------------------------------------------
# Names, therapy classes and cell sources
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("therapy", "disease"),
    [("UC_MSC_THERAPY", "SLE"), ("臍帶間充質干細胞治療", "系統性紅斑狼瘡"), ("uc-msc therapy", "Lupus")],
)
def test_names_in_both_languages(G, therapy, disease):
    result = mechanism_paths(G, therapy, disease)
    assert result.target == "SLE" and result.therapies == ("UC_MSC_THERAPY",)
    assert chains(result)[0] == EXPECTED_UC[0][0]


def test_unknown_names_raise_with_candidates(G):
    with pytest.raises(UnknownEntity) as error:
        mechanism_paths(G, "UC-MSC therap", "SLE")
    assert "UC_MSC_THERAPY" in error.value.candidates


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MSC", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("間充質干細胞", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("UC-MSC", ("UC_MSC_THERAPY",)),
        ("exosome", ("EXO_THERAPY",)),
        ("外泌體", ("EXO_THERAPY",)),
        ("MSC therapy", ("MSC_THERAPY", "UC_MSC_THERAPY")),
        ("TGF-β", ("TGFB",)),
    ],
)
def test_therapy_by_class_or_cell_source(G, name, expected):
    assert resolve_therapies(G, name) == expected


def test_cell_source_query_merges_therapies_without_repeating_mechanisms(G):
    result = mechanism_paths(G, "間充質干細胞", "SLE")
    assert result.therapies == ("MSC_THERAPY", "UC_MSC_THERAPY")
    # MSC -> IL-10 -> Th17 -> SLE now starts at MSC therapy, without a generalisation step,
    # and is listed once although UC-MSC therapy reaches it too.
    il10 = [p for p in result.paths if "IL10" in p.node_ids]
    assert [p.node_ids for p in il10] == [("MSC_THERAPY", "MSC", "IL10", "TH17", "SLE")]
    assert il10[0].score.specificity == 1.0
    assert len(set(chains(result))) == len(result.paths)


def test_exosome_path_through_cargo(G):
    result = mechanism_paths(G, "exosome", "SLE")
    assert chains(result) == [("EXO_THERAPY", "MSC_EXO", "LET7", "IL6", "TH17", "SLE")]
    assert result.paths[0].verdict == "counteracts"
    assert [h.predicate for h in result.paths[0].mechanism_hops] == ["carries", "decreases", "increases", "contributesTo"]


# --------------------------------------------------------------------------------------------
# Modes and constraints
# --------------------------------------------------------------------------------------------


def test_exploratory_mode_uses_any_edge_in_either_direction(G):
    causal = set(chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE", k=50)))
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", mode="exploratory", k=50)
    found = {p.node_ids: p for p in result.paths}
    reverse = found[("UC_MSC_THERAPY", "UC_MSC", "IFN", "SLE")]
    assert [(h.predicate, h.forward) for h in reverse.mechanism_hops] == [("decreases", True), ("associatedWith", False)]
    assert reverse.net_sign is None and reverse.verdict == "connection"
    assert ("UC_MSC_THERAPY", "UC_MSC", "TGFB", "TH17", "IL17", "SLE") in found
    assert ("UC_MSC_THERAPY", "UC_MSC", "IFN", "SLE") not in causal
    assert found[EXPECTED_UC[0][0]].net_sign == -1  # all-causal forward paths keep their sign


def test_via_and_avoid(G):
    via = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", via=["IL-10"])
    assert chains(via) == [EXPECTED_UC[4][0]]
    avoid = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", avoid=["Th17"])
    assert chains(avoid) == [EXPECTED_UC[0][0], EXPECTED_UC[1][0]]


def test_min_evidence_floor_and_no_path_partial_chains(G):
    animal = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="animal")
    assert chains(animal) == [EXPECTED_UC[2][0]]
    human = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="human")
    assert human.paths == ()
    sides = {(c.side, c.nodes) for c in human.partial}
    assert ("from_therapy", ("UC_MSC", "TREG")) in sides
    assert ("to_disease", ("TH17", "SLE")) in sides


def test_predicates_classes_and_disease_context(G):
    no_secretion = mechanism_paths(
        G, "UC_MSC_THERAPY", "SLE", predicates=["increases", "decreases", "ameliorates", "contributesTo"]
    )
    assert EXPECTED_UC[2][0] not in chains(no_secretion) and EXPECTED_UC[0][0] in chains(no_secretion)
    cells_only = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", classes=["CellType"])
    assert chains(cells_only) == [EXPECTED_UC[0][0]]
    G = tiny([_claim(*c[:6], {**c[6], "disease": ["RA_ELSEWHERE"]}) if c[0] == "treg-sle" else _claim(*c) for c in CLAIMS])
    in_context = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", disease_context=True)
    assert EXPECTED_UC[0][0] not in chains(in_context) and EXPECTED_UC[1][0] in chains(in_context)


def test_k_limits_and_index_reuse(G):
    index = path_index(G)
    two = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", k=2, index=index)
    assert chains(two) == [EXPECTED_UC[0][0], EXPECTED_UC[1][0]]
    assert chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE", index=index)) == [e[0] for e in EXPECTED_UC]
    assert "@source" not in index.H and "@target" not in index.H
    with pytest.raises(ValueError, match="other filters"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", mode="exploratory", index=index)


def test_mechanisms_summary(G):
    rows = {r.therapy: r for r in mechanisms(G, "SLE")}
    assert set(rows) == {"MSC_THERAPY", "UC_MSC_THERAPY", "EXO_THERAPY"}
    assert rows["UC_MSC_THERAPY"].best.node_ids == EXPECTED_UC[0][0]
    assert rows["MSC_THERAPY"].best.node_ids == ("MSC_THERAPY", "MSC", "IL10", "TH17", "SLE")
    assert rows["EXO_THERAPY"].best.verdict == "counteracts"
    assert rows["UC_MSC_THERAPY"].observed and not rows["MSC_THERAPY"].observed


# --------------------------------------------------------------------------------------------
# The pruned search (compact graph, numpy BFS, Yen on the feasible subgraph) gives exactly the
# results of the reference search (Yen on the whole networkx search graph)
# --------------------------------------------------------------------------------------------

QUERY_OPTIONS = [
    {},
    {"k": 1},
    {"k": 2},
    {"k": 50},
    {"mode": "exploratory", "k": 50},
    {"mode": "exploratory", "max_hops": 3},
    {"via": ["IL-10"]},
    {"avoid": ["Th17"]},
    {"avoid": ["TGF-β", "IL-6"], "k": 50},
    {"min_evidence": "animal"},
    {"min_evidence": "human"},
    {"classes": ["CellType"]},
    {"predicates": ["increases", "decreases", "ameliorates", "contributesTo"]},
    {"disease_context": True},
    {"inherit": False},
    {"max_hops": 2},
]


def both_engines(G, therapy, disease, **options):
    pruned = mechanism_paths(G, therapy, disease, **options)
    full = mechanism_paths(G, therapy, disease, engine="full", **options)
    return pruned, full


@pytest.mark.parametrize("options", QUERY_OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()) or "default")
@pytest.mark.parametrize("therapy", ["UC_MSC_THERAPY", "MSC", "exosome", "TGF-β"])
@pytest.mark.parametrize("disease", ["SLE", "LN"])
def test_pruned_search_equals_reference_on_tiny_graph(G, therapy, disease, options):
    pruned, full = both_engines(G, therapy, disease, **options)
    assert pruned == full  # paths, order, hops, claims, score parts, variants, observed, partial chains


def test_pruned_search_equals_reference_in_summary_and_with_shared_index(G):
    assert mechanisms(G, "SLE") == mechanisms(G, "SLE", engine="full")
    index = path_index(G, mode="exploratory")
    for therapy in ("UC_MSC_THERAPY", "MSC_THERAPY", "EXO_THERAPY"):
        pruned = mechanism_paths(G, therapy, "SLE", mode="exploratory", k=20, index=index)
        assert pruned == mechanism_paths(G, therapy, "SLE", mode="exploratory", k=20, index=index, engine="full")
        assert pruned.paths
    assert index.H.number_of_edges() == index.search.number_of_edges
    assert dict(index.degree) == {n: len(set(index.H.predecessors(n)) | set(index.H.successors(n))) for n in index.H}


def test_unknown_engine_is_refused(G):
    with pytest.raises(ValueError, match="engine"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", engine="igraph")  # type: ignore[arg-type]


LEVEL_NAMES = sorted(EVIDENCE_STRENGTH)
CAUSAL_PREDICATES = ["increases", "decreases", "secretes", "contributesTo", "regulates", "ameliorates"]


@st.composite
def random_graphs(draw) -> nx.MultiDiGraph:
    """Small graphs with many equal costs (few evidence levels, one source), hubs, broader links and direct edges."""
    n = draw(st.integers(4, 12))
    nodes = [f"N{i}" for i in range(n)]
    entities = []
    for node in nodes[:-1]:
        broader = draw(st.lists(st.sampled_from(nodes), max_size=1).filter(lambda b, x=node: x not in b))
        entities.append(EntityNode(node, "GeneProduct", node, "", node, broader=tuple(broader)))
    entities.append(EntityNode(nodes[-1], "Disease", nodes[-1], "", nodes[-1], broader=("D",)))
    entities += [EntityNode("T", "Therapy", "T", "", "T"), EntityNode("D", "Disease", "D", "", "D")]
    edges = draw(
        st.lists(
            st.tuples(
                st.sampled_from([*nodes, "D"]),
                st.sampled_from([*nodes, "D"]),
                st.sampled_from(CAUSAL_PREDICATES),
                st.sampled_from(LEVEL_NAMES[:3]),
                st.sampled_from("AB"),
            ),
            min_size=3,
            max_size=40,
        )
    )
    claims = [_claim(f"c{i}", s, p, o, level, source, {}) for i, (s, o, p, level, source) in enumerate(edges) if s != o]
    triples = list(dict.fromkeys([("T", "uses", nodes[0]), *(c.triple for c in claims)]))
    return assemble(entities, claims, triples)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=random_graphs(), k=st.integers(1, 6), max_hops=st.integers(2, 5), mode=st.sampled_from(["causal", "exploratory"]))
def test_pruned_search_equals_reference_on_random_graphs(G, k, max_hops, mode):
    pruned, full = both_engines(G, "T", "D", k=k, max_hops=max_hops, mode=mode)
    assert pruned == full


# --------------------------------------------------------------------------------------------
# CLI, on the mini curation (real files through the whole pipeline)
# --------------------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--curation", str(MINI), "--sources", str(MINI_SOURCES)])


def test_cli_text_no_path_is_clear_and_exits_0():
    result = run("path", "SLE", "allogeneic MSC therapy")
    assert result.exit_code == 0, result.output
    assert "No causal mechanism path" in result.output
    assert "Observed outcome" in result.output and "有效率達60%" in result.output
    assert "Nearest partial chains" in result.output
    assert "let-7f —decreases (expression)→ IL-6 —increases (differentiation)→ Th17 —contributesTo→ SLE" in result.output


def test_cli_exit_2_for_unknown_names_and_bad_options():
    assert run("path", "SLE", "no such therapy").exit_code == 2
    assert run("path", "nowhere", "MSC").exit_code == 2
    assert run("path", "SLE", "MSC", "--predicate", "cures").exit_code == 2
    assert run("mechanisms", "nowhere").exit_code == 2


def test_cli_json_contract(tmp_path):
    # Add one mechanistic link to a copy of the mini curation so that a path exists.
    import shutil

    curation = tmp_path / "curation"
    shutil.copytree(MINI, curation)
    with open(curation / "claims" / "sle.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            "- id: mini-msc-let7f\n  subject: MSC\n  predicate: increases\n  object: LET7F\n  source: mini\n"
            "  section: 傳統治療局限與干細胞療法的興起\n  quote: 骨髓MSCs中microRNA Let-7f表達降低\n"
            "  statement: Test link only.\n  evidence: in_vitro\n"
        )
    args = ["--curation", str(curation), "--sources", str(MINI_SOURCES)]
    out = CliRunner().invoke(main, ["path", "系統性紅斑狼瘡", "間充質干細胞", "--format", "json", *args])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["source"] == "MSC" and data["target"] == "SLE" and data["therapies"] == ["MSC_THERAPY"]
    (path,) = data["paths"]
    assert [n["id"] for n in path["nodes"]] == ["MSC_THERAPY", "MSC", "LET7F", "IL6", "TH17", "SLE"]
    assert {"id", "label", "type"} <= set(path["nodes"][0])
    assert [e["predicate"] for e in path["edges"]] == ["uses", "increases", "decreases", "increases", "contributesTo"]
    assert {"subject", "predicate", "object", "sign", "claims"} <= set(path["edges"][1])
    assert path["edges"][2]["claims"][0]["id"] == "mini-let7f-il6"
    assert path["net_sign"] == -1 and path["verdict"] == "counteracts"
    parts = path["score_parts"]
    assert path["score"] == pytest.approx(parts["evidence"] * parts["length"] * parts["hub"] * parts["specificity"], rel=1e-5)
    assert data["observed"][0]["edge"]["predicate"] == "ameliorates"
    text = CliRunner().invoke(main, ["path", "SLE", "MSC", *args]).output
    assert "1. allogeneic MSC therapy —uses→ MSC —increases→ let-7f —decreases (expression)→ IL-6" in text
    assert "net: counteracts" in text and "「Let-7f表達降低),導致促炎因子IL-6升高」" in text
    summary = CliRunner().invoke(main, ["mechanisms", "SLE", *args])
    assert summary.exit_code == 0 and "MSC_THERAPY" in summary.output and "counteracts" in summary.output
    page = tmp_path / "page.html"
    html = CliRunner().invoke(main, ["path", "SLE", "MSC", "--format", "html", "--out", str(page), *args])
    assert html.exit_code == 0, html.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------------------------
# The curated article (needs the packaged curation to be complete and valid)
# --------------------------------------------------------------------------------------------


def _article_paths(packaged_built, therapy: str, disease: str, **kwargs):
    return mechanism_paths(packaged_built.network, therapy, disease, **kwargs)


def test_article_sle_msc_paths_pass_through_th17_treg_and_counteract(packaged_built):
    result = _article_paths(packaged_built, "MSC", "SLE", k=5)
    assert result.paths, "no causal path from MSC therapies to SLE"
    axis = {"TH17", "TREG", "TH17_TREG_BALANCE"}
    best = result.paths[:3]
    assert any(axis & set(p.node_ids) for p in best), [p.node_ids for p in best]
    assert best[0].verdict == "counteracts"


def test_article_let7f_msc_paths_pass_through_let7f_and_il6(packaged_built):
    G = packaged_built.network
    result = mechanism_paths(G, "let-7f-modified MSCs", "SLE", k=5)
    assert result.paths
    assert {"LET7F", "IL6"} <= set(result.paths[0].node_ids), result.paths[0].node_ids


def test_article_exosome_ibd_paths_pass_through_tight_junctions(packaged_built):
    result = _article_paths(packaged_built, "exosome", "IBD", k=5)
    assert result.paths
    tight = {"TJP1", "OCLN", "CLDN1", "TIGHT_JUNCTION"}
    assert tight & set(result.paths[0].node_ids), [p.node_ids for p in result.paths]
    assert result.paths[0].verdict == "counteracts"


ARTICLE_DISEASES = ["SLE", "RA", "IBD", "MS", "T1D", "AS", "AIHA", "SJOGREN"]


@pytest.mark.parametrize("disease", ARTICLE_DISEASES)
def test_article_every_disease_has_a_counteracting_therapy_path(packaged_built, disease):
    rows = mechanisms(packaged_built.network, disease)
    assert any(r.best is not None and r.best.verdict == "counteracts" for r in rows), [
        (r.therapy, r.best.verdict if r.best else None) for r in rows
    ]


ARTICLE_PAIRS = [
    ("MSC", "SLE"),
    ("exosome", "IBD"),
    ("let-7f-modified MSCs", "SLE"),
    ("MSC", "RA"),
    ("MSC", "T1D"),
    ("MSC", "MS"),
    ("exosome", "SLE"),
]


@pytest.mark.parametrize(("therapy", "disease"), ARTICLE_PAIRS)
def test_article_pruned_search_equals_reference(packaged_built, therapy, disease):
    G = packaged_built.network
    for options in ({"k": 10, "max_hops": 6}, {"mode": "exploratory", "k": 10, "max_hops": 4}, {"min_evidence": "animal"}):
        pruned, full = both_engines(G, therapy, disease, **options)
        assert pruned == full, (therapy, disease, options)


def test_article_pruned_search_equals_reference_for_every_therapy(packaged_built):
    G = packaged_built.network
    index = path_index(G)
    for disease in ARTICLE_DISEASES:
        assert mechanisms(G, disease) == mechanisms(G, disease, engine="full"), disease
    therapies = sorted(n for n, d in G.nodes(data=True) if d.get("type") == "Therapy")
    for therapy in therapies:
        for disease in ("SLE", "IBD", "T1D"):
            pruned = mechanism_paths(G, therapy, disease, index=index, nearest=False)
            assert pruned == mechanism_paths(G, therapy, disease, index=index, nearest=False, engine="full"), (therapy, disease)


def test_a_hop_resting_only_on_another_disease_is_called_out(packaged_built):
    """MSC exosomes' CD4 differentiation claim was made about colitis; on a path to SLE it is flagged as borrowed."""
    from mechkg.paths.report import mechanisms_text
    from mechkg.paths.search import mechanism_paths, mechanisms
    from mechkg.paths.taxonomy import borrowed_hops
    from mechkg.views.paths import result_json

    G = packaged_built.network
    result = mechanism_paths(G, "MSC_EXO_THERAPY", "SLE", k=10)
    borrowed = {hop.key: diseases for path in result.paths for hop, diseases in borrowed_hops(G, path)}
    assert borrowed[("MSC_EXO_THERAPY", "increases", "CD4_T_CELL")] == ("IBD",)
    own = mechanism_paths(G, "MSC_EXO_THERAPY", "IBD", k=10)
    assert not any(borrowed_hops(G, path) for path in own.paths if "CD4_T_CELL" in [n.id for n in path.nodes])
    data = result_json(G, result)
    assert any(e["diseases"] == ["IBD"] for p in data["paths"] for e in p["borrowed_context"])
    text = mechanisms_text(G, "SLE", mechanisms(G, "SLE"))
    assert "rests only on claims about IBD" in text
