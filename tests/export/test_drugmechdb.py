"""The ``paths`` export: DrugMechDB-style path records that match the graph and the path search."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import MINI

from mechkg.app.cli import main
from mechkg.export.drugmechdb import PATHS_FILE, path_records, to_paths
from mechkg.export.formats import export
from mechkg.export.ids import kgx_node_ids
from mechkg.paths.defaults import TABLE_K
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import tiny

DRUGMECHDB_KEYS = {"_id", "directed", "multigraph", "graph", "nodes", "links", "reference"}


def check_record(G: nx.MultiDiGraph, record: dict) -> None:
    """Everything a record says is in ``G``: nodes, links, and the claims behind each link."""
    assert set(record) == DRUGMECHDB_KEYS and record["directed"] is True and record["multigraph"] is True
    ids = kgx_node_ids(G)
    by_id = {node["id"]: node["mechkg_id"] for node in record["nodes"]}
    assert len(by_id) == len(record["nodes"])
    for node in record["nodes"]:
        assert node["id"] == ids[node["mechkg_id"]] and node["mechkg_type"] == G.nodes[node["mechkg_id"]]["type"]
        assert node["name"] == G.nodes[node["mechkg_id"]]["label_en"] and node["category"] == f"biolink:{node['label']}"
    info = record["graph"]
    therapy, disease = info["therapy_mechkg"], info["disease_mechkg"]
    assert G.nodes[therapy]["type"] == "Therapy" and G.nodes[disease]["type"] == "Disease"
    assert info["path"][0] == ids[therapy] and info["path"][-1] == ids[disease]
    assert info["_id"] == record["_id"] == f"{therapy}_{disease}_{info['rank']}"
    # the links walk the path, in order, from the therapy to the disease
    assert len(record["links"]) == len(info["path"]) - 1
    claims = G.graph["claims"]
    sources = set()
    for step, link in enumerate(record["links"]):
        s, o = by_id[link["source"]], by_id[link["target"]]
        walked = (link["source"], link["target"]) if link["forward"] else (link["target"], link["source"])
        assert walked == (info["path"][step], info["path"][step + 1])
        if link["key"] == "broader":
            assert o in G.nodes[s]["broader"] and link["kind"] in ("entry", "exit") and not link["claims"]
            continue
        assert G.has_edge(s, o, link["key"]), (s, link["key"], o)
        if link["kind"] == "entry":
            assert link["key"] == "uses"
            continue
        assert link["kind"] == "mechanism" and link["claims"], link
        assert link["claims"] == [e["id"] for e in link["evidence"]]
        for evidence in link["evidence"]:
            claim = claims[evidence["id"]]
            assert (claim.subject, claim.predicate, claim.object) == (s, link["key"], o)
            assert (evidence["quote"], evidence["statement"], evidence["evidence"]) == (
                claim.quote,
                claim.statement,
                claim.evidence,
            )
            sources.add(claim.source)
        assert link["sign"] == G.edges[s, o, link["key"]]["sign"]
    mechanism_signs = [link["sign"] for link in record["links"] if link["kind"] == "mechanism"]
    assert len(mechanism_signs) >= 2
    product = 1
    for sign in mechanism_signs:
        product *= sign
    assert info["net_sign"] == product
    assert record["reference"] == sorted(f"https://w3id.org/mechkg/source/{s}" for s in sources)
    # DrugMechDB records are networkx node-link graphs: they load back as one
    back = nx.node_link_graph(record, edges="links")
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == len(record["nodes"]) and back.number_of_edges() == len(record["links"])


def pairs(records: list[dict]) -> dict[tuple[str, str], list[dict]]:
    found: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        found.setdefault((record["graph"]["therapy_mechkg"], record["graph"]["disease_mechkg"]), []).append(record)
    return found


def test_tiny_graph_records_are_the_path_search_results_and_match_the_graph():
    G = tiny()
    records = path_records(G)
    assert records
    for record in records:
        check_record(G, record)
    by_pair = pairs(records)
    for (therapy, disease), group in by_pair.items():
        assert [r["graph"]["rank"] for r in group] == list(range(1, len(group) + 1))
        expected = [p for p in mechanism_paths(G, therapy, disease, k=TABLE_K).paths if p.therapy == therapy]
        ids = kgx_node_ids(G)
        assert [r["graph"]["path"] for r in group] == [[ids[n] for n in p.node_ids] for p in expected]
        assert [r["graph"]["verdict"] for r in group] == [p.verdict for p in expected]
    # the best UC-MSC explanation of SLE (tests/paths/test_search.py works out its score by hand)
    best = by_pair[("UC_MSC_THERAPY", "SLE")][0]
    assert [n["mechkg_id"] for n in best["nodes"]] == ["UC_MSC_THERAPY", "UC_MSC", "TREG", "SLE"]
    assert best["graph"]["verdict"] == "counteracts" and best["graph"]["disease_id"] == "MONDO:0007915"
    assert best["graph"]["observed"] == [
        {
            "source": "mke:UC_MSC_THERAPY",
            "key": "ameliorates",
            "target": "MONDO:0007915",
            "sign": -1,
            "claims": ["ucmsc-therapy-sle"],
            "studies": ["STUDY1"],
        }
    ]
    # a therapy's records start at that therapy, never at a narrower one
    assert all(r["graph"]["path"][0] == f"mke:{t}" for (t, _), group in by_pair.items() for r in group)
    # records sorted by disease, therapy, rank
    keys = [(r["graph"]["disease_mechkg"], r["graph"]["therapy_mechkg"], r["graph"]["rank"]) for r in records]
    assert keys == sorted(keys)


def test_a_flagged_claim_keeps_its_flag():
    G = tiny()
    flagged = [e for record in path_records(G) for link in record["links"] for e in link["evidence"] if e["id"] == "ucmsc-il6"]
    assert flagged and all(e["flags"] == [{"intended": "i", "kind": "overstated", "note": "n", "origin": ""}] for e in flagged)


def test_paths_file_is_byte_identical_and_valid_json():
    first, second = to_paths(tiny()), to_paths(tiny())
    assert first == second
    assert json.loads(first) == path_records(tiny())
    assert first.endswith(b"\n") and "系統性紅斑狼瘡" in first.decode("utf-8")  # UTF-8, not escapes


def test_mini_graph_has_no_path_and_an_empty_export(mini_built):
    # the mini curation has no chain from a therapy to SLE (MSC has no outgoing edge)
    assert export(mini_built, "paths") == {PATHS_FILE: b"[]\n"}


def test_cli_exports_paths_into_a_folder_that_holds_other_files(tmp_path: Path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    target = tmp_path / "paths.json"
    common = ["--curation", str(MINI)]
    result = CliRunner().invoke(main, ["export", *common, "--format", "paths", "--out", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == b"[]\n" and (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "paths.json"]


@pytest.fixture(scope="module")
def packaged_records(packaged_built, packaged_table) -> list[dict]:
    return json.loads(export(packaged_built, "paths", table=packaged_table)[PATHS_FILE])


@pytest.mark.slow
def test_packaged_paths_match_the_graph(packaged_built, packaged_records):
    G = packaged_built.network
    assert len(packaged_records) > 100
    for record in packaged_records:
        check_record(G, record)
    assert len({r["_id"] for r in packaged_records}) == len(packaged_records)


@pytest.mark.slow
def test_article_path_let7f_msc_therapy_to_sle_through_let7f_and_il6(packaged_built, packaged_records):
    G = packaged_built.network
    group = pairs(packaged_records)[("LET7F_MSC_THERAPY", "SLE")]
    # the therapy reaches its mechanism through the agent it uses (LET7F_MSC)
    through = [r for r in group if [n["mechkg_id"] for n in r["nodes"]][1:4] == ["LET7F_MSC", "LET7F", "IL6"]]
    assert through, [r["graph"]["path"] for r in group]
    record = through[0]
    assert record["graph"]["verdict"] == "counteracts"
    assert record["nodes"][3]["id"] == "HGNC:6018" and record["graph"]["disease_id"] == "MONDO:0007915"
    let7f_il6 = record["links"][2]
    assert (let7f_il6["key"], let7f_il6["sign"]) == ("decreases", -1)
    assert any("IL-6" in e["quote"] for e in let7f_il6["evidence"])
    assert G.has_edge("LET7F", "IL6", "decreases")


@pytest.mark.slow
def test_packaged_msc_cells_and_exosomes_both_reach_sle(packaged_records):
    by_pair = pairs(packaged_records)
    assert ("MSC_THERAPY", "SLE") in by_pair
    assert any(t in ("MSC_EXO_THERAPY", "MSC_EV_THERAPY") for t, _ in by_pair)


def stdlib_json(records: list[dict]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def test_records_share_the_json_of_a_claim_and_the_file_is_what_the_json_module_writes():
    G = tiny()
    records = path_records(G)
    evidence = [e for record in records for link in record["links"] for e in link["evidence"]]
    by_id = {}
    for e in evidence:
        assert by_id.setdefault(e["id"], e) is e  # one object per claim, however many records hold it
    assert len(by_id) < len(evidence)
    assert to_paths(G) == stdlib_json(records)


@pytest.mark.slow
def test_packaged_paths_file_is_what_the_json_module_writes(packaged_built):
    G = packaged_built.network
    assert to_paths(G) == stdlib_json(path_records(G))
