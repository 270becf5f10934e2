"""Benchmark (run on demand, not by pytest): rdflib in memory vs embedded Oxigraph.

For synthetic graphs of about 10^4, 10^5 and 10^6 triples written with MechKG's own schema
(entities, reified claims with quotes and evidence, studies with figures) and for the article
graph, it measures load time, resident memory after loading, and the latency (p50/p95) of
every named query in graph/queries, with the parameters bound as `mechkg sparql` binds them.
Each engine runs in its own process so that memory figures do not mix.

    python benchmarks/bench_stores.py --sizes 1e4 1e5 1e6 --out benchmarks/results.md
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MK = "https://w3id.org/mechkg/vocab/"
MKE = "https://w3id.org/mechkg/entity/"
MKC = "https://w3id.org/mechkg/claim/"
MKS = "https://w3id.org/mechkg/source/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
LEVELS = ["human_trial", "case_report", "human_observational", "animal_model", "in_vitro", "review_assertion"]
PREDICATES = ["increases", "decreases", "secretes", "carries", "contributesTo", "ameliorates", "increasedIn", "decreasedIn"]

BUDGET_S = 5.0
"""Stop repeating a query once its runs took this long in total (a query past it once is skipped at larger sizes)."""

SYNTHETIC_PARAMS = {
    "cytokines-by-therapy": {"therapy": "THERAPY_0", "disease": "DISEASE_0"},
    "disease-mechanism-claims": {"disease": "DISEASE_0"},
    "human-studies": {"disease": "DISEASE_0"},
    "shared-mediators": {"disease1": "DISEASE_0", "disease2": "DISEASE_1"},
    "claim-provenance": {"claim": "c-0"},
    "entity-claims": {"entity": "CYTO_0"},
    "therapies-for-disease": {"disease": "DISEASE_0"},
    "secreted-factors": {"cell": "CELL_0"},
    "observed-in-disease": {"disease": "DISEASE_0"},
    "claims-by-evidence": {"level": "animal_model"},
    "study-figures": {"study": "STUDY_0"},
    "disease-subgraph": {"disease": "DISEASE_0"},
}


def _lit(text: str, lang: str | None = None, dt: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"@{lang}' if lang else (f'"{text}"^^<{dt}>' if dt else f'"{text}"')


def synthetic_ntriples(target: int, seed: int = 1) -> str:
    """About ``target`` triples in MechKG's schema (about 16 triples per claim)."""
    rng = random.Random(seed)
    lines: list[str] = []

    def t(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} .")

    n_claims = max(50, target // 17)
    scale = max(1, n_claims // 50)
    groups = {
        "DISEASE": ("Disease", max(5, min(200, scale))),
        "THERAPY": ("Therapy", max(5, scale)),
        "CYTO": ("GeneProduct", max(10, 2 * scale)),
        "CELL": ("CellType", max(10, 2 * scale)),
        "EV": ("ExtracellularVesicle", max(3, scale // 2)),
        "MIR": ("MicroRNA", max(10, 2 * scale)),
        "MEASURE": ("ClinicalMeasure", 10),
    }
    for special, cls in (("CYTOKINE", "ProteinFamilyOrComplex"), ("PROINFLAMMATORY_CYTOKINE", "ProteinFamilyOrComplex"),
                         ("TH17", "CellType"), ("TREG", "CellType"), ("TH17_TREG_BALANCE", "BiologicalProcess")):  # fmt: skip
        groups[special] = (cls, 0)
        t(f"<{MKE}{special}>", f"<{RDF}type>", f"<{MK}{cls}>")
        t(f"<{MKE}{special}>", f"<{RDFS}label>", _lit(special.lower(), "en"))
    t(f"<{MKE}PROINFLAMMATORY_CYTOKINE>", f"<{SKOS}broader>", f"<{MKE}CYTOKINE>")
    ids: dict[str, list[str]] = {}
    for prefix, (cls, count) in groups.items():
        if count == 0:
            continue
        ids[prefix] = [f"{prefix}_{i}" for i in range(count)]
        for entity in ids[prefix]:
            node = f"<{MKE}{entity}>"
            t(node, f"<{RDF}type>", f"<{MK}{cls}>")
            t(node, f"<{RDFS}label>", _lit(entity.lower().replace("_", " "), "en"))
            t(node, f"<{RDFS}label>", _lit(f"實體{entity}", "zh-Hant"))
            if rng.random() < 0.7:
                t(node, f"<{SKOS}exactMatch>", f"<http://purl.obolibrary.org/obo/X_{rng.randrange(10**7)}>")
            else:
                t(node, f"<{MK}ungroundedReason>", _lit("no term", "en"))
            if prefix == "CYTO":
                t(node, f"<{SKOS}broader>", f"<{MKE}PROINFLAMMATORY_CYTOKINE>")
    t(f"<{MKE}TREG>", f"<{SKOS}broader>", f"<{MKE}TH17_TREG_BALANCE>")
    t(f"<{MKS}synthetic>", f"<{RDF}type>", f"<{MK}Source>")
    t(f"<{MKS}synthetic>", f"<{DCT}title>", _lit("合成來源", "zh-Hant"))
    pools = {
        "increases": ("THERAPY", "CYTO"), "decreases": ("THERAPY", "CYTO"), "secretes": ("CELL", "CYTO"),
        "carries": ("EV", "MIR"), "contributesTo": ("CYTO", "DISEASE"), "ameliorates": ("THERAPY", "DISEASE"),
        "increasedIn": ("MIR", "DISEASE"), "decreasedIn": ("CELL", "DISEASE"),
    }  # fmt: skip
    for predicate in ("increases", "decreases", "carries"):
        t(f"<{MK}{predicate}>", f"<{MK}isCausal>", _lit("true", dt=XSD + "boolean"))
    extra = {"MIR": "increases"}
    for i in range(n_claims):
        predicate = rng.choice(PREDICATES)
        subj_pool, obj_pool = pools[predicate]
        if predicate == "increases" and rng.random() < 0.3:
            subj_pool, obj_pool = rng.choice([("MIR", "CELL"), ("CYTO", "TREG"), ("CELL", "TH17")])
        s = rng.choice(ids[subj_pool]) if subj_pool in ids else subj_pool
        o = rng.choice(ids[obj_pool]) if obj_pool in ids else obj_pool
        claim = f"<{MKC}c-{i}>"
        t(f"<{MKE}{s}>", f"<{MK}{predicate}>", f"<{MKE}{o}>")
        t(claim, f"<{RDF}type>", f"<{MK}Claim>")
        t(claim, f"<{RDF}type>", f"<{RDF}Statement>")
        t(claim, f"<{RDF}subject>", f"<{MKE}{s}>")
        t(claim, f"<{RDF}predicate>", f"<{MK}{predicate}>")
        t(claim, f"<{RDF}object>", f"<{MKE}{o}>")
        t(claim, f"<{PROV}wasDerivedFrom>", f"<{MKS}synthetic>")
        t(claim, f"<{MK}section>", _lit(f"章節{i % 40}", "zh-Hant"))
        t(claim, f"<{MK}quote>", _lit(f"原文引文第{i}句，{s}與{o}相關", "zh-Hant"))
        t(claim, f"<{MK}statement>", _lit(f"{s} {predicate} {o}.", "en"))
        t(claim, f"<{MK}evidenceType>", "<http://purl.obolibrary.org/obo/ECO_0000304>")
        level = rng.choice(LEVELS)
        t(claim, f"<{MK}evidenceLevel>", _lit(level))
        t(claim, f"<{MK}diseaseContext>", f"<{MKE}{rng.choice(ids['DISEASE'][:10])}>")
        t(claim, f"<{MK}confidence>", _lit("0.8", dt=XSD + "decimal"))
        if predicate in ("increases", "decreases"):
            t(claim, f"<{MK}aspect>", _lit(rng.choice(["expression", "amount", "secretion"])))
        if level == "animal_model":
            t(claim, f"<{MK}species>", f"<{MKE}MOUSE>")
        if rng.random() < 0.02:
            flag = f"<{MKC}c-{i}/flag/1>"
            t(claim, f"<{MK}flag>", flag)
            t(flag, f"<{RDF}type>", f"<{MK}Flag>")
            t(flag, f"<{MK}flagKind>", _lit("doubtful"))
            t(flag, f"<{MK}curatorNote>", _lit("synthetic flag", "en"))
    del extra
    for k in range(max(2, n_claims // 200)):
        study = f"<{MKE}STUDY_{k}>"
        t(study, f"<{RDF}type>", f"<{MK}ClinicalStudy>")
        t(study, f"<{MK}studyOf>", f"<{MKE}{ids['DISEASE'][k % len(ids['DISEASE'])]}>")
        t(f"<{MKE}{ids['THERAPY'][k % len(ids['THERAPY'])]}>", f"<{MK}studiedIn>", study)
        t(study, f"<{MK}participants>", _lit(str(20 + k), dt=XSD + "integer"))
        for f in range(2):
            fig = f"<{MKE}STUDY_{k}/figure/f{f}>"
            t(study, f"<{MK}hasFigure>", fig)
            t(fig, f"<{MK}measure>", f"<{MKE}MEASURE_{f}>")
            t(fig, f"<{MK}value>", _lit(str(50 + f), dt=XSD + "decimal"))
            t(fig, f"<{MK}quote>", _lit(f"數據{f}", "zh-Hant"))
    return "\n".join(lines) + "\n"


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def measure(engine: str, data: Path, params: dict[str, dict[str, str]], repeats: int, skip: list[str] | None = None) -> dict:
    """Load ``data`` into ``engine`` and time every named query (runs inside a child process)."""
    from mechkg.query.named import named_queries, run_query
    from mechkg.query.oxigraph_store import OxigraphStore
    from mechkg.query.rdflib_store import RdflibStore

    before = _rss_mb()
    started = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(data, format="nt")
        store = RdflibStore(graph)
        triples = len(graph)
    else:
        store = OxigraphStore.from_file(data)
        triples = len(store.store)
    load = time.perf_counter() - started
    rss = _rss_mb() - before
    latencies = {}
    for name, query in named_queries().items():
        if name in (skip or ()):
            latencies[name] = None
            continue
        given = params.get(name, {})
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            run_query(store, query, params=given)
            times.append(time.perf_counter() - t0)
            if sum(times) > BUDGET_S:
                break
        times.sort()
        latencies[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))])
    return {"engine": engine, "triples": triples, "load_s": load, "rss_mb": rss, "latency": latencies}


def run_child(engine: str, data: Path, params: dict, repeats: int, skip: list[str] | None = None) -> dict:
    code = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, %r); import bench_stores as b; "
        "print(json.dumps(b.measure(%r, Path(%r), json.loads(%r), %d, %r)))"
    ) % (str(Path(__file__).parent), engine, str(data), json.dumps(params), repeats, skip or [])
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(label: str, results: list[dict]) -> list[str]:
    r, o = results
    lines = [f"### {label}: {r['triples']:,} triples", ""]
    lines.append(f"load: rdflib {r['load_s']:.2f} s, Oxigraph {o['load_s']:.2f} s ({r['load_s'] / o['load_s']:.1f}x); "
                 f"RSS after load: rdflib {r['rss_mb']:.0f} MB, Oxigraph {o['rss_mb']:.0f} MB")  # fmt: skip
    lines += ["", "| query | rdflib p50 / p95 ms | Oxigraph p50 / p95 ms | speed-up (p50) |", "|---|---|---|---|"]
    for name in r["latency"]:
        if r["latency"][name] is None or o["latency"][name] is None:
            done = r["latency"][name] or o["latency"][name]
            op = f"{done[0] * 1000:.2f} / {done[1] * 1000:.2f}" if done else "skipped"
            lines.append(f"| {name} | skipped (over {BUDGET_S:g} s at a smaller size) | {op} | — |")
            continue
        rp50, rp95 = (x * 1000 for x in r["latency"][name])
        op50, op95 = (x * 1000 for x in o["latency"][name])
        lines.append(f"| {name} | {rp50:.2f} / {rp95:.2f} | {op50:.2f} / {op95:.2f} | {rp50 / op50:.0f}x |")
    return [*lines, ""]


def main() -> None:
    """Run the benchmark and print (and optionally write) a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", type=float, default=[1e4, 1e5])
    parser.add_argument("--article", action="store_true", help="also measure the article graph (packaged curation)")
    parser.add_argument("--curation", type=Path, default=None, help="curation for the article graph [default: packaged]")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out: list[str] = [f"## MechKG store benchmark ({time.strftime('%Y-%m-%d')}, python {sys.version.split()[0]})", ""]
    with tempfile.TemporaryDirectory() as tmp:
        if args.article:
            from mechkg.network.built import build_graphs
            from mechkg.resources import default_curation_dir

            built = build_graphs(args.curation or default_curation_dir(), check_shapes=False)
            data = Path(tmp) / "article.nt"
            built.rdf.serialize(data, format="nt", encoding="utf-8")
            params = _article_params(built)
            results = [run_child(engine, data, params, 50) for engine in ("rdflib", "oxigraph")]
            out += report("article graph", results)
            print("\n".join(out), flush=True)
        slow: dict[str, list[str]] = {"rdflib": [], "oxigraph": []}
        for size in args.sizes:
            data = Path(tmp) / f"synthetic-{int(size)}.nt"
            data.write_text(synthetic_ntriples(int(size)), encoding="utf-8")
            repeats = 20 if size <= 1e5 else 5
            results = [run_child(engine, data, SYNTHETIC_PARAMS, repeats, slow[engine]) for engine in ("rdflib", "oxigraph")]
            for result in results:
                slow[result["engine"]] += [n for n, v in result["latency"].items() if v is not None and v[0] > BUDGET_S / 5]
            section = report(f"synthetic 10^{len(str(int(size))) - 1}", results)
            out += section
            print("\n".join(section), flush=True)
    if args.out:
        args.out.write_text("\n".join(out), encoding="utf-8")


def _article_params(built) -> dict[str, dict[str, str]]:
    """Parameters for the article graph: the examples in the query headers where they exist there."""
    import shlex

    from mechkg.query.named import named_queries

    params: dict[str, dict[str, str]] = {}
    for name, query in named_queries().items():
        words = shlex.split(query.example.split(">")[0])
        given = dict(w.split("=", 1) for w, prev in zip(words[1:], words, strict=False) if prev == "--param")
        params[name] = given
    claims = sorted(built.curation.claims)
    studies = sorted(built.curation.studies)
    params["claim-provenance"] = {"claim": claims[0]}
    if studies:
        params["study-figures"] = {"study": studies[0]}
    if "MSC_EXO_THERAPY" not in built.network:
        params["cytokines-by-therapy"] = {"therapy": "MSC_THERAPY"}
    return params


if __name__ == "__main__":
    main()
