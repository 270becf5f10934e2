"""The main job: curation -> records -> RDF (+ SHACL) -> NetworkX -> files, written atomically.

The stages live in their own modules; this one only runs them in order and writes the
results so that a failed build never leaves a half-written output folder behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Graph

from graph.errors import CurationError, Problem
from graph.load import Curation, load_curation
from graph.network import to_networkx
from graph.rdf import curation_graph, serialize_turtle
from graph.shapes import shape_violations

__all__ = ["BuildReport", "Built", "build", "build_graphs", "write_atomically"]


@dataclass(frozen=True)
class Built:
    """The in-memory results of one run of the pipeline."""

    curation: Curation
    rdf: Graph
    network: nx.MultiDiGraph


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and what it contains."""

    out_dir: Path
    files: tuple[Path, ...]
    by_class: dict[str, int]
    grounded: int
    ungrounded: int
    claims: int
    studies: int
    flags: int
    edges: int
    triples: int
    seconds: float
    notices: tuple[str, ...] = field(default=())


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


def write_atomically(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write ``files`` (name -> content) into ``out_dir`` so that each appears whole or not at all.

    Everything is first written to a temporary folder beside ``out_dir``; only when all of it
    is written are the files moved in, each with an atomic ``os.replace``.
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for name, content in files.items():
            with open(staging / name, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        out_dir.mkdir(exist_ok=True)
        written = []
        for name in files:
            os.replace(staging / name, out_dir / name)
            written.append(out_dir / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build(
    curation_dir: Path,
    out_dir: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
) -> BuildReport:
    """Run the whole pipeline and write ``mechkg.ttl`` and ``mechkg.html`` into ``out_dir``."""
    from graph.html import explorer_html

    started = time.perf_counter()
    built = build_graphs(curation_dir, sources_dir=sources_dir, lexicons_dir=lexicons_dir)
    files = {
        "mechkg.ttl": serialize_turtle(built.rdf),
        "mechkg.html": explorer_html(built.network).encode("utf-8"),
    }
    written = write_atomically(files, out_dir)
    curation = built.curation
    by_class = Counter(entity.type for entity in curation.entities.values())
    by_class["ClinicalStudy"] = len(curation.studies)
    grounded = sum(1 for entity in curation.entities.values() if entity.xrefs)
    flags = sum(
        len(record.flags) for group in (curation.claims, curation.entities, curation.studies) for record in group.values()
    )
    return BuildReport(
        out_dir=Path(out_dir),
        files=tuple(written),
        by_class=dict(sorted(by_class.items())),
        grounded=grounded,
        ungrounded=len(curation.entities) - grounded,
        claims=len(curation.claims),
        studies=len(curation.studies),
        flags=flags,
        edges=built.network.number_of_edges(),
        triples=len(built.rdf),
        seconds=time.perf_counter() - started,
        notices=curation.notices,
    )
