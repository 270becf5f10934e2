"""The format registry: every format, distinct file names, bytes that repeat, counts that agree, CLI and build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import MINI, MINI_SOURCES
from rdflib import RDF, Graph

from mechkg.app.cli import main
from mechkg.export.formats import FORMATS, export, export_all
from mechkg.export.turtle import to_ntriples, to_turtle
from mechkg.network.built import build_graphs
from mechkg.paths.table import pair_table
from mechkg.terms.vocab import MK


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


def test_the_paths_export_uses_the_table_it_is_given(mini_built):
    assert export(mini_built, "paths", table=pair_table(mini_built.network)) == export(mini_built, "paths")
    assert export(mini_built, "paths", table=()) == {"mechkg_paths.json": b"[]\n"}


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


@pytest.mark.slow
def test_packaged_counts_agree(packaged_built):
    counts = _counts(packaged_built)
    assert counts["network"] == counts["graphml"] == counts["cytoscape"]
    assert counts["per-assertion"] == counts["kgx"] == counts["neo4j"] == counts["rdf claims"]


# ---------------------------------------------------------------- CLI and build


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_cli_export_single_and_multi_file(tmp_path: Path, mini_built):
    common = ["--curation", str(MINI)]
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


@pytest.mark.slow
def test_build_writes_every_export(mini: Path, tmp_path: Path, mini_built):
    out = tmp_path / "build"
    assert run("build", "--curation", str(mini), "--sources", str(MINI_SOURCES), "--out", str(out)).exit_code == 0
    for name, content in export_all(mini_built).items():
        assert (out / name).read_bytes() == content, name
    assert (out / "mechkg.html").is_file()
