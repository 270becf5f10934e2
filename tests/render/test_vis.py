"""The vis-network drawing (graph/render/vis.py): look by class, size by degree, curves for parallel edges."""

from __future__ import annotations

from mechkg.network.assemble import assemble
from mechkg.network.evidence import Flag
from mechkg.render.page_data import page_data
from tests.render.page_fixture import data_block, make_claim, make_node, small_page


def test_visual_encoding() -> None:
    page = small_page()
    _, data = data_block(page)
    vis_nodes = {n["id"]: n for n in data["vis"]["nodes"]}
    vis_edges = {e["id"]: e for e in data["vis"]["edges"]}
    assert vis_nodes["SLE"]["shape"] == "diamond" and vis_nodes["MSC"]["shape"] == "dot"
    assert vis_nodes["SLE"]["color"]["background"] != vis_nodes["MSC"]["color"]["background"]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in vis_nodes.values())
    assert vis_nodes["SLE"]["size"] > vis_nodes["DRUG_X"]["size"]  # size by degree
    positive, negative = vis_edges["MSC|secretes|TGFB1"], vis_edges["TGFB1|decreases|TH17"]
    neutral = vis_edges["UC_MSC_THERAPY|uses|MSC"]
    # colour and arrow head by sign: one table, applied per edge by the page script (checked in the browser tests)
    signs = {s["sign"]: s for s in data["signs"]}
    assert [data["edges"][e["id"]]["sign"] for e in (positive, negative, neutral)] == [1, -1, 0]
    assert len({signs[1]["color"], signs[-1]["color"], signs[0]["color"]}) == 3
    assert signs[-1]["arrow"] == "bar" and signs[1]["arrow"] == "arrow"
    assert neutral["dashes"] is True and "dashes" not in positive
    assert data["vis"]["options"]["physics"]["enabled"] is False


def test_flags_and_parallel_edges() -> None:
    nodes = [
        make_node("IL6", "IL-6", "白細胞介素-6", "GeneProduct"),
        make_node("TH17", "Th17", "Th17細胞", "CellType"),
        make_node("TREG", "Treg", "調節性T細胞", "CellType", flags=(Flag("doubtful", "which Treg subset?"),)),
    ]
    claims = [
        make_claim("a", "IL6", "increases", "TH17", 1, "q", "s"),
        make_claim("b", "TH17", "increases", "IL6", 1, "q", "s"),
        make_claim("c", "TH17", "regulates", "TH17", 0, "q", "s"),
    ]
    vis = page_data(assemble(nodes, claims, [c.triple for c in claims]), lang="en")["vis"]
    edges = {e["id"]: e for e in vis["edges"]}
    # the two edges between IL6 and TH17 bend by different amounts; a self-loop bends too
    assert edges["IL6|increases|TH17"]["smooth"] == {"enabled": True, "type": "curvedCW", "roundness": 0.15}
    assert edges["TH17|increases|IL6"]["smooth"] == {"enabled": True, "type": "curvedCW", "roundness": 0.3}
    assert edges["TH17|regulates|TH17"]["smooth"]["roundness"] == 0.15
    assert edges["IL6|increases|TH17"]["width"] == 1.5  # one claim
    # a flagged node has a thicker, dashed border
    by_id = {n["id"]: n for n in vis["nodes"]}
    assert (by_id["TREG"]["borderWidth"], by_id["TREG"]["shapeProperties"]) == (2, {"borderDashes": [4, 3]})
    assert (by_id["IL6"]["borderWidth"], by_id["IL6"]["shapeProperties"]) == (1, {"borderDashes": False})
    assert by_id["IL6"]["font"] == {"size": 14}
