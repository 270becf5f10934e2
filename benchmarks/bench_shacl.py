"""Benchmark (run on demand, not by pytest): SHACL engines on MechKG's shapes, and the result cache.

MechKG validates with pySHACL. This compares two compiled engines with it, pyshacl-turbo (Rust,
pySHACL's API) and pyrudof (the rudof project's Python binding), which are not MechKG dependencies:

    pip install pyshacl-turbo pyrudof     # pyshacl-turbo needs Python >= 3.11
    python benchmarks/bench_shacl.py --runs 5 [--quick]

1. Time: each engine on the shipped graph (medians of --runs interleaved runs, wall and CPU), and what
   the cache costs instead (the content key; a whole ``shape_violations`` call answered from the cache).
2. Agreement with pySHACL, result by result: the same violations (focus node, path, constraint
   component, value; nested sh:detail results included), the same author-written sh:message, the
   same engine wording. On the shipped graph, the mini curation, every case of the bad-input corpus
   that reaches SHACL, the hand-written sample graph, and broken copies of the sample and of the
   shipped graph (tests/rdf/shacl_cases.py: breakers that violate every shape, and "edges" that probe
   value semantics). --quick leaves out the shipped graph's broken copies (pySHACL needs seconds each).
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH
from rdflib.util import from_n3

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "rdf"))
sys.path.insert(0, str(ROOT / "tests"))

from shacl_cases import BREAKERS, EDGES, NoVictim, broken_copy, sample_graph  # noqa: E402

from mechkg.errors import CurationError  # noqa: E402
from mechkg.ingest.load import load_curation  # noqa: E402
from mechkg.rdf.shape_cache import content_key  # noqa: E402
from mechkg.rdf.shapes import shape_violations, shapes_graph  # noqa: E402
from mechkg.rdf.triples import curation_graph  # noqa: E402
from mechkg.resources import default_curation_dir, find_lexicons_dir, ontology_dir  # noqa: E402
from mechkg.terms.ontology import ontology_graph  # noqa: E402
from mechkg.terms.vocab import MK, PREFIXES  # noqa: E402

Row = tuple[str, str, str, str, str | None, str]
"""(focus, path, component, value, author-written sh:message or None, the engine's message), terms in N3."""


def _authored() -> set[str]:
    return {str(m) for m in shapes_graph().objects(None, SH.message)}


def _n3(node: object) -> str:
    """The term in N-Triples form; a language tag in lower case (tags compare case-insensitively in RDF 1.1)."""
    if isinstance(node, Literal) and node.language:
        node = Literal(str(node), lang=node.language.lower())
    return "" if node is None else node.n3()  # type: ignore[attr-defined]


def _report_rows(report: Graph) -> list[Row]:
    authored = _authored()
    rows = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        message = str(report.value(result, SH.resultMessage) or "")
        values = [report.value(result, p) for p in (SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.value)]
        rows.append((*map(_n3, values), message if message in authored else None, message))
    return sorted(rows, key=str)


def run_pyshacl(data: Graph) -> list[Row]:
    from pyshacl import validate

    return _report_rows(validate(data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)[1])


def run_turbo(data: Graph) -> list[Row]:
    from pyshacl_turbo import validate

    return _report_rows(validate(data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)[1])


def _rudof_term(text: str | None) -> str:
    """rudof prints IRIs bare, blank nodes as _:x and literals in N3 with prefixed datatypes."""
    if not text:
        return ""
    if text.startswith('"'):
        names = Graph()
        names.bind("xsd", "http://www.w3.org/2001/XMLSchema#")
        names.bind("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        return _n3(from_n3(text, nsm=names.namespace_manager))
    return BNode(text[2:]).n3() if text.startswith("_:") else URIRef(text).n3()


def run_rudof(data: Graph) -> list[Row]:
    import pyrudof

    session = pyrudof.Rudof(pyrudof.RudofConfig())
    session.read_data(data.serialize(format="nt", encoding="utf-8").decode(), format=pyrudof.RDFFormat.NTriples)
    session.read_shacl((ontology_dir() / "shapes.ttl").read_text(encoding="utf-8"))
    authored = _authored()
    rows = []
    for entry in session.validate_shacl():
        if entry.severity != "Violation":
            continue
        message = entry.message.removeprefix('"').removesuffix('"')
        terms = (entry.focus_node, entry.path, entry.constraint_component, entry.value)
        rows.append((*map(_rudof_term, terms), message if message in authored else None, message))
    return sorted(rows, key=str)


def engines() -> dict[str, Callable[[Graph], list[Row]]]:
    """The engines installed here, pySHACL first."""
    found = {"pyshacl": run_pyshacl}
    for name, module, runner in (("pyshacl-turbo", "pyshacl_turbo", run_turbo), ("pyrudof", "pyrudof", run_rudof)):
        try:
            __import__(module)
        except ImportError:
            print(f"({name} is not installed: left out)")
            continue
        found[name] = runner
    return found


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def with_ontology(data: Graph) -> Graph:
    return data if (MK.Disease, RDFS.subClassOf, MK.Entity) in data else data + ontology_graph()


# ---------------------------------------------------------------- 1. time


def _median_times(task: Callable[[], object], times: dict[str, list[tuple[float, float]]], name: str) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    task()
    times.setdefault(name, []).append((time.perf_counter() - wall, time.process_time() - cpu))


def measure_time(shipped: Graph, runners: dict[str, Callable[[Graph], list[Row]]], runs: int) -> None:
    cache = Path(tempfile.mkdtemp(prefix="mechkg-bench-cache-"))
    os.environ["MECHKG_CACHE_DIR"] = str(cache)
    shape_violations(shipped)  # warm the cache for the "cache hit" row
    tasks: dict[str, Callable[[], object]] = {name: (lambda run=run: run(shipped)) for name, run in runners.items()}
    tasks["cache key (SHA-256 of sorted N-Triples)"] = lambda: content_key(shipped, (ontology_dir() / "shapes.ttl").read_bytes())
    tasks["shape_violations, answered by the cache"] = lambda: shape_violations(shipped)
    times: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        for name, task in tasks.items():
            _median_times(task, times, name)
    shutil.rmtree(cache, ignore_errors=True)
    base = statistics.median(c for _, c in times["pyshacl"])
    print(f"\n### Time on the shipped graph ({len(shipped):,} triples), medians of {runs} interleaved runs\n")
    print("| what | wall s | CPU s | CPU vs pySHACL |")
    print("|---|---:|---:|---:|")
    for name, samples in times.items():
        wall, cpu = statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {cpu / base:.3f}x |")


# ---------------------------------------------------------------- 2. agreement


def corpus_graphs() -> tuple[dict[str, Graph], int]:
    """The graphs of the bad-input corpus cases that the loader lets through to SHACL, and how many it stops."""
    from conftest import DATA, MINI, MINI_SOURCES

    cases = yaml.safe_load((DATA / "bad" / "cases.yaml").read_text(encoding="utf-8"))
    graphs, stopped = {}, 0
    for case in cases:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "curation"
            shutil.copytree(MINI, root)
            (root / case["to"]).parent.mkdir(parents=True, exist_ok=True)
            (root / case["to"]).write_bytes((DATA / "bad" / case["file"]).read_bytes())
            try:
                curation = load_curation(root, sources_dir=MINI_SOURCES, lexicons_dir=find_lexicons_dir())
            except CurationError:
                stopped += 1
                continue
            graphs[f"corpus: {case['file']}"] = curation_graph(curation)
    return graphs, stopped


def cases(shipped: Graph, quick: bool) -> dict[str, Graph]:
    from conftest import MINI, MINI_SOURCES

    found = {"shipped graph": shipped}
    found["mini curation"] = curation_graph(load_curation(MINI, sources_dir=MINI_SOURCES, lexicons_dir=find_lexicons_dir()))
    corpus, stopped = corpus_graphs()
    print(
        f"\nbad-input corpus: {len(corpus)} case(s) reach SHACL ({', '.join(corpus) or 'none'}); the loader stops the other {stopped}"
    )
    found |= corpus
    found["sample graph"] = sample_graph()
    bases = {"sample": sample_graph()} | ({} if quick else {"shipped": shipped})
    for base_name, base in bases.items():
        for name in {**BREAKERS, **EDGES}:
            try:
                found[f"{base_name} + {name}"] = broken_copy(base, name)
            except NoVictim:
                print(f"({base_name}: no victim for {name!r})")
    return found


def _identity(rows: list[Row]) -> Counter:
    return Counter(row[:4] for row in rows)


def compare(graphs: dict[str, Graph], runners: dict[str, Callable[[Graph], list[Row]]]) -> dict[str, dict[str, list[Row]]]:
    results: dict[str, dict[str, list[Row]]] = {}
    for number, (name, graph) in enumerate(graphs.items(), 1):
        data = with_ontology(graph)
        results[name] = {engine: run(data) for engine, run in runners.items()}
        if number % 20 == 0:
            print(f"  … {number}/{len(graphs)} cases", file=sys.stderr, flush=True)
    return results


def _shorten(row: tuple[str, ...]) -> str:
    text = " ".join(part for part in row if part)
    for prefix, namespace in {**PREFIXES, "mksh": "https://w3id.org/mechkg/shapes/"}.items():
        text = text.replace(f"<{namespace}", f"{prefix}:")
    return text.replace("<", "").replace(">", "")


def report_agreement(results: dict[str, dict[str, list[Row]]], runners: list[str]) -> None:
    print(f"\n### Agreement with pySHACL, result by result ({len(results)} graphs)\n")
    print("| engine | same violations | same sh:message | same engine wording | graphs where violations differ |")
    print("|---|---:|---:|---:|---|")
    for engine in runners[1:]:
        same = [n for n, r in results.items() if _identity(r[engine]) == _identity(r["pyshacl"])]
        authored = [n for n, r in results.items() if Counter(x[:5] for x in r[engine]) == Counter(x[:5] for x in r["pyshacl"])]
        wording = [n for n, r in results.items() if Counter(r[engine]) == Counter(r["pyshacl"])]
        differ = [n for n in results if n not in same]
        print(
            f"| {engine} | {len(same)}/{len(results)} | {len(authored)}/{len(results)} | {len(wording)}/{len(results)} | {'; '.join(differ) or '—'} |"
        )
    for engine in runners[1:]:
        for name, result in results.items():
            mine, reference = _identity(result[engine]), _identity(result["pyshacl"])
            if mine != reference:
                print(f"\n{engine} vs pySHACL on {name!r}:")
                for row in reference - mine:
                    print(f"  only pySHACL: {_shorten(row)}")
                for row in mine - reference:
                    print(f"  only {engine}: {_shorten(row)}")


def report_breakers(results: dict[str, dict[str, list[Row]]], runners: list[str]) -> None:
    base = "shipped" if any(n.startswith("shipped + ") for n in results) else "sample"
    print(f"\n### The broken copies of the {base} graph (results: pySHACL's count; ✓ = same violations)\n")
    print("| breaker | shape | constraint | pySHACL results | " + " | ".join(runners[1:]) + " |")
    print("|---|---|---|---:|" + "---|" * (len(runners) - 1))
    for name, (shape, constraint, _) in {**BREAKERS, **EDGES}.items():
        result = results.get(f"{base} + {name}")
        if result is None:
            continue
        marks = ["✓" if _identity(result[e]) == _identity(result["pyshacl"]) else "✗" for e in runners[1:]]
        edge = " (edge)" if name in EDGES else ""
        print(f"| {name}{edge} | {shape} | {constraint} | {len(result['pyshacl'])} | " + " | ".join(marks) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per engine (default 5)")
    parser.add_argument("--quick", action="store_true", help="leave out the broken copies of the shipped graph")
    args = parser.parse_args()
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)  # the ill-typed literals are meant
    warnings.filterwarnings("ignore", category=UserWarning)
    from mechkg.network.built import build_graphs

    runners = engines()
    print(f"Python {platform.python_version()}, rdflib {_version('rdflib')}, " + ", ".join(f"{n} {_version(n)}" for n in runners))
    shipped = build_graphs(default_curation_dir(), check_shapes=False).rdf
    measure_time(shipped, runners, args.runs)
    results = compare(cases(shipped, args.quick), runners)
    report_agreement(results, list(runners))
    report_breakers(results, list(runners))


if __name__ == "__main__":
    main()
