"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (with pySHACL).

pySHACL stays the engine: compiled engines were measured against it (``benchmarks/bench_shacl.py``)
and pyshacl-turbo, though 15x cheaper, disagrees with it on two kinds of input (an ill-typed
decimal and a language tag with a region subtag), so it is not a drop-in. What makes repeated
checks cheap instead is ``mechkg.rdf.shape_cache``: a graph already validated, with the same
shapes, engine and message code, gets its remembered answer.

>>> from rdflib import Graph
>>> shape_violations(Graph())
[]
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS, SH

from mechkg.rdf.shape_cache import content_key, recall, remember
from mechkg.resources import ontology_dir
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import MK, PREFIXES

__all__ = ["ENGINE", "shape_violations", "shapes_graph", "validate_uncached"]

ENGINE = "pyshacl"


@cache
def shapes_graph() -> Graph:
    """The parsed ``ontology/shapes.ttl``."""
    graph = Graph()
    graph.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return graph


@cache
def _key_inputs() -> tuple[bytes, ...]:
    """Everything besides the graph that decides the lines: engine, rdflib, shapes, this module."""
    return (
        f"{ENGINE} {version(ENGINE)}; rdflib {version('rdflib')}".encode(),
        (ontology_dir() / "shapes.ttl").read_bytes(),
        Path(__file__).read_bytes(),
    )


def _with_ontology(data: Graph) -> Graph:
    """``data``, plus the ontology if it lacks it: the shapes need its class hierarchy (``mk:Entity``)."""
    if (MK.Disease, RDFS.subClassOf, MK.Entity) not in data:
        return data + ontology_graph()
    return data


def validate_uncached(data: Graph) -> list[str]:
    """The violation lines of ``data``, computed by pySHACL now (the ontology must be in ``data``)."""
    from pyshacl import validate

    conforms, report, _ = validate(data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    if conforms:
        return []
    names = Graph()
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace, override=True)
    lines = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = names.namespace_manager.normalizeUri(focus) if focus is not None else "?"
        prop = names.namespace_manager.normalizeUri(path) if path is not None else ""
        lines.append(f"{where} {prop}: {message}".replace("  ", " "))
    return sorted(lines)


def shape_violations(data: Graph) -> list[str]:
    """One readable line per SHACL violation of ``data``; empty when it conforms.

    A graph validated before (same triples, shapes, engine version and this code) gets the
    remembered answer from ``mechkg.rdf.shape_cache``; any other graph is validated.
    """
    data = _with_ontology(data)
    key = content_key(data, *_key_inputs())
    remembered = recall(key)
    if remembered is not None:
        return remembered
    violations = validate_uncached(data)
    remember(key, violations)
    return violations
