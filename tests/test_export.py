"""Exports: each format read back by its own ecosystem's parser, counts agree, bytes repeat."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import MINI, MINI_SOURCES
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic

from mechkg.app.cli import main
from mechkg.export.formats import FORMATS, export, export_all, jsonld_context, to_graphml, to_jsonld, to_ntriples, to_turtle
from mechkg.network.built import build_graphs
from mechkg.resources import ontology_dir
from mechkg.terms.biolink import predicate_terms
from mechkg.terms.vocab import MK


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("MECHKG_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{name} is required (MECHKG_REQUIRE_TOOLS=1) but not installed")
        pytest.skip(f"{name} not installed (Debian: apt-get install raptor2-utils); set MECHKG_REQUIRE_TOOLS=1 to fail instead")
    return path


def claimless_edges(G: nx.MultiDiGraph) -> int:
    return sum(1 for *_, data in G.edges(keys=True, data=True) if not data["claims"])


# ---------------------------------------------------------------- determinism


def test_two_exports_of_two_builds_are_byte_identical(mini_built):
    again = build_graphs(MINI, sources_dir=MINI_SOURCES)
    first, second = export_all(mini_built), export_all(again)
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], name
    assert len(first) == 11  # 8 formats: kgx with three files, neo4j with two


def test_every_format_has_distinct_file_names(mini_built):
    names = [name for fmt in FORMATS for name in export(mini_built, fmt)]
    assert len(names) == len(set(names))
    with pytest.raises(ValueError, match="unknown export format 'rdfxml'"):
        export(mini_built, "rdfxml")


# ---------------------------------------------------------------- RDF


def test_turtle_is_sorted_and_parses_back_isomorphic(mini_built):
    data = to_turtle(mini_built.rdf)
    back = Graph().parse(data=data, format="turtle")
    assert isomorphic(back, mini_built.rdf)
    text = data.decode("utf-8")
    subjects = [line.split(" ", 1)[0] for line in text.split("\n") if line and not line.startswith((" ", "@", "\t"))]
    assert subjects and subjects.index("mke:IL6") < subjects.index("mke:SLE") < subjects.index("mke:TH17")
    assert "系統性紅斑狼瘡" in text  # UTF-8, not escapes


def test_turtle_accepted_by_rapper(mini_built, tmp_path: Path):
    rapper = require_tool("rapper")
    path = tmp_path / "mechkg.ttl"
    path.write_bytes(to_turtle(mini_built.rdf))
    result = subprocess.run([rapper, "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    back = Graph().parse(data=result.stdout.decode("utf-8"), format="nt")
    assert len(back) == len(mini_built.rdf) and isomorphic(back, mini_built.rdf)


def test_ntriples_sorted_unique_lines_isomorphic(mini_built):
    data = to_ntriples(mini_built.rdf)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(set(lines), key=lambda line: line.encode("utf-8"))
    assert len(lines) == len(mini_built.rdf)
    assert isomorphic(Graph().parse(data=data, format="nt"), mini_built.rdf)


def _lowercase_languages(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own nquads/json-ld parsers
def test_jsonld_is_compacted_with_the_published_context_and_round_trips(mini_built):
    from pyld import jsonld

    data = to_jsonld(mini_built.rdf)
    document = json.loads(data)
    shipped = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == shipped["@context"] == jsonld_context()
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    sle = next(node for node in document["@graph"] if node["@id"] == "mke:SLE")
    assert sle["@type"] == "Disease" and sle["exactMatch"] == "MONDO:0007915"
    claim = next(node for node in document["@graph"] if node["@id"] == "mkc:mini-let7f-il6")
    assert claim["quote"] == {"@language": "zh-Hant", "@value": "Let-7f表達降低),導致促炎因子IL-6升高"}
    assert claim["predicate"] == "mk:decreases" and claim["subject"] == "mke:LET7F" and claim["confidence"] == "0.8"
    # rdflib reads the document back to exactly the same graph
    assert isomorphic(Graph().parse(data=data, format="json-ld"), mini_built.rdf)
    # pyld (JSON-LD 1.1 expansion, then toRdf) too, up to the case of language tags, which pyld
    # lower-cases ("zh-hant"), as RDF 1.1 allows
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    expanded = Graph().parse(data=nquads, format="nquads")
    assert len(expanded) == len(mini_built.rdf)
    assert isomorphic(_lowercase_languages(expanded), _lowercase_languages(mini_built.rdf))


# ---------------------------------------------------------------- GraphML, Cytoscape.js


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


def test_cytoscape_elements(mini_built):
    G = mini_built.network
    document = json.loads(export(mini_built, "cytoscape")["mechkg.cyjs"])
    nodes, edges = document["elements"]["nodes"], document["elements"]["edges"]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert len({e["data"]["id"] for e in edges} | ids) == len(nodes) + len(edges)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    let7f = next(e for e in edges if e["data"]["id"] == "LET7F|decreases|IL6")
    assert let7f["classes"] == "decreases negative" and let7f["data"]["sign"] == -1
    sle = next(n for n in nodes if n["data"]["id"] == "SLE")
    assert sle["classes"] == "Disease" and sle["data"]["label_zh"] == "系統性紅斑狼瘡"


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
    path.write_bytes(export(mini_built, "cytoscape")["mechkg.cyjs"])
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


# ---------------------------------------------------------------- Neo4j


def test_neo4j_csv_follows_the_import_header_format(mini_built):
    files = export(mini_built, "neo4j")
    nodes = list(csv.DictReader(io.StringIO(files["mechkg_neo4j_nodes.csv"].decode("utf-8"))))
    rels = list(csv.DictReader(io.StringIO(files["mechkg_neo4j_relationships.csv"].decode("utf-8"))))
    assert list(nodes[0])[:2] == ["id:ID", ":LABEL"] and list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {row["id:ID"] for row in nodes}
    assert len(ids) == len(nodes) == mini_built.network.number_of_nodes()
    assert all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in rels)
    assert {row[":TYPE"] for row in rels} <= set(predicate_terms())
    sle = next(row for row in nodes if row["id:ID"] == "SLE")
    assert sle[":LABEL"] == "Entity|Disease" and "MONDO:0007915" in sle["xrefs:string[]"].split("|")
    claim = next(row for row in rels if row["claim"] == "mini-let7f-il6")
    assert claim["sign:int"] == "-1" and claim["quote"] == "Let-7f表達降低),導致促炎因子IL-6升高"
    assert float(claim["confidence:double"]) == 0.8


# ---------------------------------------------------------------- counts across formats


def _counts(built) -> dict[str, tuple[int, int]]:
    files = export_all(built)
    G = built.network
    kgx_nodes = files["mechkg_kgx_nodes.tsv"].decode().count("\n") - 1
    kgx_edges = files["mechkg_kgx_edges.tsv"].decode().count("\n") - 1
    neo_nodes = len(list(csv.DictReader(io.StringIO(files["mechkg_neo4j_nodes.csv"].decode()))))
    neo_rels = len(list(csv.DictReader(io.StringIO(files["mechkg_neo4j_relationships.csv"].decode()))))
    graphml = nx.read_graphml(io.BytesIO(files["mechkg.graphml"]), force_multigraph=True)
    cy = json.loads(files["mechkg.cyjs"])["elements"]
    rdf = Graph().parse(data=files["mechkg.nt"], format="nt")
    claims_in_rdf = len(set(rdf.subjects(RDF.type, MK.Claim)))
    assertions = len(G.graph["claims"]) + claimless_edges(G)
    return {
        "network": (G.number_of_nodes(), G.number_of_edges()),
        "graphml": (graphml.number_of_nodes(), graphml.number_of_edges()),
        "cytoscape": (len(cy["nodes"]), len(cy["edges"])),
        "per-assertion": (G.number_of_nodes(), assertions),
        "kgx": (kgx_nodes, kgx_edges),
        "neo4j": (neo_nodes, neo_rels),
        "rdf claims": (G.number_of_nodes(), claims_in_rdf + claimless_edges(G)),
    }


def test_counts_agree_across_formats(mini_built):
    counts = _counts(mini_built)
    assert counts["network"] == counts["graphml"] == counts["cytoscape"] == (9, 8)
    assert counts["per-assertion"] == counts["kgx"] == counts["neo4j"] == counts["rdf claims"] == (9, 8)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_packaged_counts_agree_and_exports_repeat(packaged_built):
    counts = _counts(packaged_built)
    assert counts["network"] == counts["graphml"] == counts["cytoscape"]
    assert counts["per-assertion"] == counts["kgx"] == counts["neo4j"] == counts["rdf claims"]
    assert export(packaged_built, "jsonld") == export(packaged_built, "jsonld")
    assert isomorphic(Graph().parse(data=export(packaged_built, "jsonld")["mechkg.jsonld"], format="json-ld"), packaged_built.rdf)


# ---------------------------------------------------------------- CLI and build


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_export_single_and_multi_file(tmp_path: Path, mini_built):
    common = ["--curation", str(MINI), "--sources", str(MINI_SOURCES)]
    result = run("export", *common, "--format", "ntriples")
    assert result.exit_code == 0 and result.stdout_bytes == to_ntriples(mini_built.rdf)
    target = tmp_path / "out.ttl"
    assert run("export", *common, "--format", "turtle", "--out", str(target)).exit_code == 0
    assert target.read_bytes() == to_turtle(mini_built.rdf)
    folder = tmp_path / "kgx"
    assert run("export", *common, "--format", "kgx", "--out", str(folder)).exit_code == 0
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "mechkg_kgx_context.jsonld",
        "mechkg_kgx_edges.tsv",
        "mechkg_kgx_nodes.tsv",
    ]
    assert run("export", *common, "--format", "kgx", "--out", str(target)).exit_code == 2
    assert run("export", *common, "--format", "rdfxml").exit_code == 2
    help_text = run("export", "--help").stdout
    assert "Example" in help_text and "neo4j-admin database import full" in help_text


def test_build_writes_every_export(mini: Path, tmp_path: Path, mini_built):
    out = tmp_path / "build"
    assert run("build", "--curation", str(mini), "--sources", str(MINI_SOURCES), "--out", str(out)).exit_code == 0
    for name, content in export_all(mini_built).items():
        assert (out / name).read_bytes() == content, name
    assert (out / "mechkg.html").is_file()
