"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (with pyshacl).

>>> from rdflib import Graph
>>> shape_violations(Graph())
[]
"""

from __future__ import annotations

from functools import cache

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDFS, SH

from mechkg.resources import ontology_dir
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import MK, PREFIXES

__all__ = ["shape_violations", "shapes_graph"]


@cache
def shapes_graph() -> Graph:
    """The parsed ``ontology/shapes.ttl``."""
    graph = Graph()
    graph.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return graph


def shape_violations(data: Graph) -> list[str]:
    """One readable line per SHACL violation of ``data``; empty when it conforms.

    The shapes rely on the ontology's class hierarchy (every entity class is a subclass of
    ``mk:Entity``), so the ontology is validated together with data that does not include it.
    """
    if (MK.Disease, RDFS.subClassOf, MK.Entity) not in data:
        data = data + ontology_graph()
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
