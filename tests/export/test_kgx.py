"""The KGX export: its rows, and the files checked by `kgx validate` itself in its own environment (scripts/kgx-env).

kgx pins numpy<2 and weighs ~580 MB, so it is no dependency of MechKG: a session fixture makes
(or reuses) a separate virtualenv and runs scripts/kgx_validate.py there. Without network and
without that environment the tests skip, unless MECHKG_REQUIRE_TOOLS=1.

What kgx reports: nothing. The test asserts zero messages of any level, and that kgx read every
node and edge. Two things make that so, both checked here:
- kgx accepts a CURIE only if its prefix is in the JSON-LD context it validates against. The
  export ships ``mechkg_kgx_context.jsonld`` declaring MechKG's own prefixes (``mke:`` for
  entities no standard vocabulary names) and the standard ones Biolink's map lacks (FPLX,
  mirbase.mature); kgx validates against Biolink's prefix map extended with it (never
  redefining a Biolink prefix). Against Biolink's map alone, the ``mke:``/FPLX/mirbase.mature
  ids would be reported as "not represented in Biolink Model JSON-LD context".
- kgx's "CamelCase" regex rejects Biolink's own ``MicroRNA`` and ``NoncodingRNAProduct``; the
  KGX categories (mechkg.terms.biolink.kgx_categories) use the ontology's broad alignment
  ``biolink:Transcript`` for those classes, and the Biolink Model Toolkit confirms below that it
  is an is_a ancestor of the exact alignment.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import MINI

from mechkg.export.kgx import KGX_CONTEXT_FILE, kgx_context, to_kgx
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode, Xref
from mechkg.terms.biolink import BIOLINK_MIXINS, biolink_curie, categories, is_kgx_category_name, kgx_categories, predicate_terms
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import BIOLINK

ROOT = Path(__file__).resolve().parents[2]


def tsv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(data.decode("utf-8").splitlines(), delimiter="\t"))


def test_rows_of_a_signed_claim_and_of_a_structural_edge():
    nodes = [
        EntityNode("T", "Therapy", "T therapy", "T療法", "urn:T"),
        EntityNode("C", "CellType", "C cell", "C細胞", "urn:C", xrefs=(Xref("CL:0000001", "exact", "", ""),)),
        EntityNode("X", "GeneProduct", "X", "X", "urn:X", synonyms=("x1", "x\t2")),
        EntityNode("D", "Disease", "D", "D", "urn:D"),
    ]
    claim = Claim(
        "c1",
        "C",
        "increases",
        "X",
        1,
        quote="引\n文",
        statement="C raises X.",
        source="src",
        evidence="ECO:0000006",
        aspect="expression",
        disease=("D",),
    )
    files = to_kgx(assemble(nodes, [claim], [("T", "uses", "C"), claim.triple]))
    edges = {row["id"]: row for row in tsv_rows(files["mechkg_kgx_edges.tsv"])}
    assert set(edges) == {"mkc:c1", "mke:T--uses--C"}
    row = edges["mkc:c1"]
    assert (row["subject"], row["object"], row["original_subject"]) == ("CL:0000001", "mke:X", "mke:C")
    assert row["supporting_text"] == "引 文" and row["publications"] == "mks:src"
    assert row["disease_context_qualifier"] == "mke:D" and row["has_evidence_of_type"] == "ECO:0000006"
    if row["predicate"] in ("biolink:affects", "biolink:regulates"):
        assert row["object_direction_qualifier"] == "increased" and row["object_aspect_qualifier"] == "expression"
    assert edges["mke:T--uses--C"]["publications"] == ""
    nodes_by_id = {row["id"]: row for row in tsv_rows(files["mechkg_kgx_nodes.tsv"])}
    assert nodes_by_id["CL:0000001"]["xref"] == "mke:C" and nodes_by_id["mke:X"]["synonym"] == "x1|x 2"
    assert json.loads(files[KGX_CONTEXT_FILE]) == kgx_context()


def _fail_or_skip(message: str) -> None:
    if os.environ.get("MECHKG_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def kgx_python() -> str:
    env = {**os.environ, "KGX_VENV": os.environ.get("KGX_VENV", str(ROOT / ".venv-kgx"))}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "kgx-env")], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        _fail_or_skip(f"cannot make the kgx environment (scripts/kgx-env): {result.stderr[-500:]}")
    return result.stdout.strip().splitlines()[-1]


def ontology_biolink_terms() -> list[str]:
    graph = ontology_graph()
    return sorted({biolink_curie(o) for o in graph.objects() if str(o).startswith(str(BIOLINK)) and str(o) != str(BIOLINK)})


def validate(kgx_python: str, G, folder: Path) -> tuple[dict, list[dict], list[dict]]:
    files = to_kgx(G)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    terms = folder / "terms.txt"
    terms.write_text("\n".join([*ontology_biolink_terms(), "biolink:causes"]) + "\n", encoding="utf-8")
    report_path = folder / "report.json"
    result = subprocess.run(
        [
            kgx_python,
            str(ROOT / "scripts" / "kgx_validate.py"),
            str(report_path),
            *(str(folder / n) for n in sorted(files) if n.endswith(".tsv")),
            "--context",
            str(folder / KGX_CONTEXT_FILE),
            "--terms",
            str(terms),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )
    assert report_path.exists(), f"kgx wrote no report (exit {result.returncode}):\n{result.stderr[-2000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))

    def rows(name: str) -> list[dict]:
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t"))

    return report, rows("mechkg_kgx_nodes.tsv"), rows("mechkg_kgx_edges.tsv")


def check_report(report: dict, nodes: list[dict], edges: list[dict]) -> None:
    # kgx really read the files (it silently skips files not named *nodes.tsv / *edges.tsv)
    assert report["nodes_read"] == len(nodes) > 0
    assert report["edges_read"] == len(edges) > 0
    assert report["messages"] == {}, json.dumps(report["messages"], indent=1)[:3000]
    # the prefixes added to Biolink's map are MechKG's declared ones, and only those the ids need
    declared = {k: v["@id"] for k, v in kgx_context()["@context"].items()}
    assert report["added_prefixes"].items() <= declared.items()
    biolink = set(report["biolink_prefixes"]) - set(report["added_prefixes"])
    used = {row["id"].split(":", 1)[0] for row in nodes} | {
        row[k].split(":", 1)[0] for row in edges for k in ("subject", "object")
    }
    assert used - biolink <= set(report["added_prefixes"])
    assert not {"mk", "mke", "mkc", "mks"} & set(report["conflicting_prefixes"])  # our own never clash


@pytest.mark.slow
def test_biolink_alignment_terms_are_what_the_toolkit_says(kgx_python, tmp_path: Path):
    from mechkg.network.built import build_graphs

    report, _, _ = validate(kgx_python, build_graphs(MINI, check_shapes=False).network, tmp_path)
    terms = report["terms"]
    assert all(terms[t]["element"] for t in terms), [t for t in terms if not terms[t]["element"]]
    assert {t for t in terms if terms[t]["mixin"]} == set(BIOLINK_MIXINS)
    assert all(terms[c]["category"] and not terms[c]["mixin"] for c in categories().values())
    assert all(terms[p]["predicate"] for p in predicate_terms().values())
    assert terms["biolink:causes"]["predicate"]
    # the KGX category of each class is its exact choice, or (only where kgx's CamelCase regex
    # rejects that name) a Biolink is_a ancestor of it that the regex accepts
    changed = {name for name in categories() if kgx_categories()[name] != categories()[name]}
    assert changed == {name for name, curie in categories().items() if not is_kgx_category_name(curie)}
    assert changed == {"MicroRNA", "LncRNA"}
    for name in changed:
        exact, broad = categories()[name], kgx_categories()[name]
        assert is_kgx_category_name(broad) and terms[broad]["category"] and not terms[broad]["mixin"]
        assert broad in terms[exact]["ancestors"] and broad != exact


@pytest.mark.slow
def test_kgx_validate_on_the_mini_graph(kgx_python, mini_built, tmp_path: Path):
    report, nodes, edges = validate(kgx_python, mini_built.network, tmp_path)
    check_report(report, nodes, edges)
    assert len(nodes) == 9 and len(edges) == 8
    # grounded entities are named by their standard CURIE; the rest by mke:
    assert {row["id"] for row in nodes} >= {"MONDO:0007915", "HGNC:6018", "CL:0000899", "mke:MSC_THERAPY", "mke:LET7F"}
    let7f = next(row for row in edges if row["id"] == "mkc:mini-let7f-il6")
    assert (let7f["predicate"], let7f["qualified_predicate"], let7f["object_direction_qualifier"]) == (
        "biolink:affects",
        "biolink:causes",
        "decreased",
    )
    assert let7f["object_aspect_qualifier"] == "expression" and let7f["has_evidence_of_type"] == "ECO:0006017"
    assert let7f["supporting_text"] == "Let-7f表達降低),導致促炎因子IL-6升高"
    assert let7f["description"] == "Loss of Let-7f raises IL-6, so Let-7f restrains IL-6."
    assert (let7f["knowledge_level"], let7f["agent_type"], let7f["primary_knowledge_source"]) == (
        "knowledge_assertion",
        "manual_agent",
        "infores:mechkg",
    )
    assert let7f["publications"] == "mks:mini" and let7f["original_predicate"] == "mk:decreases"


@pytest.mark.slow
def test_kgx_validate_on_the_packaged_graph(kgx_python, packaged_built, tmp_path: Path):
    report, nodes, edges = validate(kgx_python, packaged_built.network, tmp_path)
    check_report(report, nodes, edges)
    # the article's graph needs the declared prefixes: ungrounded entities, FamPlex, mature miRNAs
    assert {"mke", "FPLX", "mirbase.mature"} <= set(report["added_prefixes"])
    assert {"MicroRNA", "LncRNA"} <= {d["type"] for _, d in packaged_built.network.nodes(data=True)}
    assert {row["category"] for row in nodes} >= {"biolink:Transcript", "biolink:Disease"}
    G = packaged_built.network
    assert len(nodes) == G.number_of_nodes()
    assert len(edges) == len(G.graph["claims"]) + sum(1 for *_, d in G.edges(keys=True, data=True) if not d["claims"])
