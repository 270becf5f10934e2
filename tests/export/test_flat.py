"""GraphML and Cytoscape.js: read back by networkx, igraph and cytoscape.js with the network's counts."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from mechkg.export.flat import flat_network, to_cytoscape, to_graphml
from tests.export.tools import require_tool


def test_graphml_reads_in_networkx_and_igraph_with_the_same_counts(mini_built, tmp_path: Path):
    import igraph

    G = mini_built.network
    path = tmp_path / "mechkg.graphml"
    path.write_bytes(to_graphml(G))
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    assert ig.is_directed()
    node = back.nodes["SLE"]
    assert node["label"] == "systemic lupus erythematosus" and node["label_zh"] == "系統性紅斑狼瘡" and node["type"] == "Disease"
    edge = back.edges["LET7F", "IL6", "LET7F|decreases|IL6"]
    assert edge["sign"] == -1 and edge["predicate"] == "decreases" and edge["causal"] is True
    assert "Let-7f表達降低" in edge["quotes"]
    signs = sorted(ig.es["sign"])
    assert signs == sorted(d["sign"] for *_, d in G.edges(keys=True, data=True))
    for _, data in back.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())


def test_flat_network_joins_lists_and_sums_up_claims(mini_built):
    flat = flat_network(mini_built.network)
    assert list(flat.nodes) == sorted(mini_built.network.nodes)
    data = flat.edges["LET7F", "IL6", "LET7F|decreases|IL6"]
    assert (data["claims"], data["n_claims"], data["confidence"]) == ("mini-let7f-il6", 1, 0.8)
    assert data["quotes"] == "Let-7f表達降低),導致促炎因子IL-6升高"
    for *_, attributes in flat.edges(keys=True, data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attributes.values())


def test_cytoscape_elements(mini_built):
    G = mini_built.network
    document = json.loads(to_cytoscape(G))
    nodes, edges = document["elements"]["nodes"], document["elements"]["edges"]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert len({e["data"]["id"] for e in edges} | ids) == len(nodes) + len(edges)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    let7f = next(e for e in edges if e["data"]["id"] == "LET7F|decreases|IL6")
    assert let7f["classes"] == "decreases negative" and let7f["data"]["sign"] == -1
    sle = next(n for n in nodes if n["data"]["id"] == "SLE")
    assert sle["classes"] == "Disease" and sle["data"]["label_zh"] == "系統性紅斑狼瘡"


@pytest.mark.slow
def test_cytoscape_js_loads_it_when_node_is_available(mini_built, tmp_path: Path):
    node = require_tool("node")
    module = Path(os.environ.get("MECHKG_CYTOSCAPE_DIR", Path.home() / ".cache" / "mechkg-cytoscape"))
    if not (module / "node_modules" / "cytoscape").is_dir():
        npm = require_tool("npm")
        module.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "install", "--prefix", str(module), "cytoscape@3"], capture_output=True, check=False)
        if result.returncode != 0:
            if os.environ.get("MECHKG_REQUIRE_TOOLS") == "1":
                pytest.fail(result.stderr.decode())
            pytest.skip("cannot install cytoscape from npm here")
    path = tmp_path / "mechkg.cyjs"
    path.write_bytes(to_cytoscape(mini_built.network))
    script = (
        "const cytoscape = require('cytoscape');"
        f"const doc = JSON.parse(require('fs').readFileSync({json.dumps(str(path))}, 'utf8'));"
        "const cy = cytoscape({headless: true, elements: doc.elements});"
        "console.log(JSON.stringify([cy.nodes().length, cy.edges().length, cy.$('edge.negative').length]));"
    )
    result = subprocess.run(
        [node, "-e", script],
        capture_output=True,
        check=False,
        cwd=module,
        env={**os.environ, "NODE_PATH": str(module / "node_modules")},
    )
    assert result.returncode == 0, result.stderr.decode()
    G = mini_built.network
    negative = sum(1 for *_, d in G.edges(keys=True, data=True) if d["sign"] == -1)
    assert json.loads(result.stdout) == [G.number_of_nodes(), G.number_of_edges(), negative]
