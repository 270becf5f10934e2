"""The in-memory product of the first stages: records, their RDF graph and their network.

``build_graphs`` is the one function that runs curation -> records -> RDF -> NetworkX; the
main job, the query commands and the server all start from what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from mechkg.errors import CurationError, Problem
from mechkg.ingest.load import Curation, load_curation
from mechkg.network.build import to_networkx
from mechkg.rdf.shapes import shape_violations
from mechkg.rdf.triples import curation_graph

__all__ = ["Built", "build_graphs"]


@dataclass(frozen=True)
class Built:
    """The in-memory results of one run of the pipeline."""

    curation: Curation
    rdf: Graph
    network: nx.MultiDiGraph


def build_graphs(
    curation_dir: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
    check_shapes: bool = True,
) -> Built:
    """Load and check the curation, make its RDF graph, check it with SHACL, make the network."""
    curation = load_curation(curation_dir, sources_dir=sources_dir, lexicons_dir=lexicons_dir)
    rdf = curation_graph(curation)
    if check_shapes:
        violations = shape_violations(rdf)
        if violations:
            raise CurationError([Problem("(built graph)", 0, "SHACL", v) for v in violations])
    return Built(curation=curation, rdf=rdf, network=to_networkx(rdf))
