"""mechanism_paths and mechanisms (mechkg.paths.search): exact answers on the tiny graph, and the curated article."""

from __future__ import annotations

import pytest

from mechkg.errors import UnknownEntity
from mechkg.paths.search import mechanism_paths, mechanisms
from tests.paths.tiny_graph import ARTICLE_DISEASES, EXPECTED_UC, chains, tiny_graph  # noqa: F401 - tiny_graph: the G fixture

# --------------------------------------------------------------------------------------------
# Causal paths: exact paths, signs, order and score parts
# --------------------------------------------------------------------------------------------


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
    assert [p.score.tiers for p in result.paths] == [(0, 0, 0, 0)] * 3 + [(0, 0, 0, 1), (0, 0, 1, 0)]
    totals = [p.score.total for p in result.paths[:3]]
    assert totals == sorted(totals, reverse=True)
    assert result.paths[3].score.umbrella == ("INFLAMMATION",)
    assert result.paths[3].score.total > result.paths[1].score.total  # ranked after it: an umbrella node
    assert result.paths[4].score.total > result.paths[2].score.total  # ranked after it: a generalisation
    best = result.paths[0]
    assert [(h.subject, h.predicate, h.object, h.kind) for h in best.hops] == [
        ("UC_MSC_THERAPY", "uses", "UC_MSC", "entry"),
        ("UC_MSC", "increases", "TREG", "mechanism"),
        ("TREG", "ameliorates", "SLE", "mechanism"),
    ]
    assert [c.id for c in best.hops[1].claims] == ["ucmsc-treg"]
    assert dict(result.paths[3].score.hub_degrees) == {"UC_MSC": 5, "INFLAMMATION": 6}


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


def test_a_clearly_nearest_spelling_resolves_and_unknown_names_raise_with_candidates(G):
    assert mechanism_paths(G, "UC-MSC therap", "SLE").therapies == ("UC_MSC_THERAPY",)
    with pytest.raises(UnknownEntity) as error:
        mechanism_paths(G, "UC-MSC therapy 2", "SLE")  # other digits: never taken for UC_MSC_THERAPY
    assert "UC_MSC_THERAPY" in error.value.candidates


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
    assert chains(avoid) == [EXPECTED_UC[0][0], EXPECTED_UC[3][0]]


@pytest.mark.parametrize("options", [{"k": 0}, {"max_hops": 1}, {"engine": "igraph"}])
def test_bad_limits_and_engines_are_refused_before_anything_runs(G, options):
    with pytest.raises(ValueError, match=r"k >= 1|engine"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", **options)


def test_the_answer_records_what_was_asked(G):
    result = mechanism_paths(G, "UC-MSC therapy", "lupus", k=3, via=["Th17"], avoid=["IL-6"], classes=["CellType", "GeneProduct"])
    assert (result.query, result.source, result.target, result.mode) == ("UC-MSC therapy", "UC_MSC_THERAPY", "SLE", "causal")
    assert result.constraints == {
        "k": 3,
        "max_hops": 6,
        "via": ["TH17"],
        "avoid": ["IL6"],
        "predicates": None,
        "classes": ["CellType", "GeneProduct"],
        "min_evidence": "any",
        "disease_context": False,
        "inherit": True,
        "include_doubtful": False,
        "other_disease": "rank",
    }


def test_mechanisms_summary(G):
    rows = {r.therapy: r for r in mechanisms(G, "SLE")}
    assert set(rows) == {"MSC_THERAPY", "UC_MSC_THERAPY", "EXO_THERAPY"}
    assert rows["UC_MSC_THERAPY"].best.node_ids == EXPECTED_UC[0][0]
    assert rows["MSC_THERAPY"].best.node_ids == ("MSC_THERAPY", "MSC", "IL10", "TH17", "SLE")
    assert rows["EXO_THERAPY"].best.verdict == "counteracts"
    assert rows["UC_MSC_THERAPY"].observed and not rows["MSC_THERAPY"].observed


# --------------------------------------------------------------------------------------------
# The curated article (needs the packaged curation to be complete and valid)
# --------------------------------------------------------------------------------------------


def _article_paths(packaged_built, therapy: str, disease: str, **kwargs):
    return mechanism_paths(packaged_built.network, therapy, disease, **kwargs)


@pytest.mark.slow
def test_article_sle_msc_paths_pass_through_th17_treg_and_counteract(packaged_built):
    result = _article_paths(packaged_built, "MSC", "SLE", k=5)
    assert result.paths, "no causal path from MSC therapies to SLE"
    axis = {"TH17", "TREG"}
    best = result.paths[:3]
    assert any(axis & set(p.node_ids) for p in best), [p.node_ids for p in best]
    assert best[0].verdict == "counteracts"


@pytest.mark.slow
def test_article_let7f_msc_paths_pass_through_let7f_and_il6(packaged_built):
    G = packaged_built.network
    result = mechanism_paths(G, "let-7f-modified MSCs", "SLE", k=5)
    assert result.paths
    # the therapy's own chain first, before the paths of the general MSC it is (a generalisation)
    assert {"LET7F", "IL6"} <= set(result.paths[0].node_ids), result.paths[0].node_ids


@pytest.mark.slow
def test_article_exosome_ibd_paths_pass_through_tight_junctions(packaged_built):
    result = _article_paths(packaged_built, "exosome", "IBD", k=5)
    assert result.paths
    tight = {"TJP1", "OCLN", "CLDN1", "TIGHT_JUNCTION"}
    # the unsigned Th2/Th17 claims (a balance has no direction) may rank first; a tight-junction path counteracts
    through = [p for p in result.paths if tight & set(p.node_ids)]
    assert through, [p.node_ids for p in result.paths]
    assert through[0].verdict == "counteracts"


@pytest.mark.slow
@pytest.mark.parametrize("disease", ARTICLE_DISEASES)
def test_article_every_disease_has_a_counteracting_therapy_path(packaged_built, disease):
    rows = mechanisms(packaged_built.network, disease)
    assert any(r.best is not None and r.best.verdict == "counteracts" for r in rows), [
        (r.therapy, r.best.verdict if r.best else None) for r in rows
    ]
