"""The main job: curation -> records -> RDF (+ SHACL) -> NetworkX -> files, written atomically.

The stages live in their own modules; this one only runs them in order and writes the
results so that a failed build never leaves a half-written output folder behind
(:mod:`mechkg.app.outputs`). Beside the page and the exports it writes the compiled graph
(:mod:`mechkg.app.compiled`) into the output folder and the per-user cache, keyed by its inputs.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from rdflib import Graph

from mechkg.app.cache import store
from mechkg.app.compiled import ARTIFACT_NAME, Compiled, encode
from mechkg.app.fingerprint import fingerprint
from mechkg.app.outputs import BuildRecord, check_target, write_atomically
from mechkg.errors import CurationError, MechKGError, Problem
from mechkg.network.built import Built, build_graphs
from mechkg.rdf.shapes import shape_violations

__all__ = ["BuildReport", "build"]


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
    key: str = ""
    """The key of the inputs (:class:`mechkg.app.fingerprint.Inputs`), recorded in the marker and the compiled graph."""
    cached: Path | None = None
    """Where the compiled graph was kept in the per-user cache (None: the cache could not be written)."""


def _send_violations(rdf: Graph, connection: Connection) -> None:
    try:
        connection.send(shape_violations(rdf))
    except Exception as error:
        connection.send([f"SHACL validation failed: {type(error).__name__}: {error}"])
    finally:
        connection.close()


def _violations_in_background(rdf: Graph) -> Callable[[], list[str]]:
    """Start SHACL validation of ``rdf`` beside the rest of the build; return how to wait for it.

    pyshacl takes seconds on the article graph while the page and the exports are made; a forked
    process (the graph is shared copy-on-write, nothing is pickled) puts it on the second core.
    Where ``fork`` is not available the check simply runs first, in this process.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        violations = shape_violations(rdf)
        return lambda: violations
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_violations, args=(rdf, sender), daemon=True)
    process.start()
    sender.close()

    def wait() -> list[str]:
        try:
            violations: list[str] = receiver.recv()
        except EOFError:
            violations = [f"SHACL validation process ended without an answer (exit code {process.exitcode})"]
        process.join()
        return violations

    return wait


def _outputs(built: Built) -> tuple[dict[str, bytes], Compiled]:
    """The page(s), every export and the compiled graph; SHACL checks meanwhile, on the second core."""
    from mechkg.export.formats import export_all
    from mechkg.export.turtle import to_ntriples
    from mechkg.paths.table import pair_table
    from mechkg.render.disease_pages import explorer_pages
    from mechkg.render.path_records import pair_paths

    shape_check = _violations_in_background(built.rdf)
    files: dict[str, bytes] = {}
    table = pair_table(built.network)  # once: the page's paths panel and the paths export share it
    # one page, or an overview plus one page per disease when the graph is large (mechkg.render.disease_pages)
    pages = explorer_pages(built.network, paths=pair_paths(built.network, table))
    files.update({name: page.encode("utf-8") for name, page in pages.items()})
    files.update(export_all(built, table=table))  # every export format, flat file names (mechkg.ttl among them)
    violations = shape_check()
    if violations:
        raise CurationError([Problem("(built graph)", 0, "SHACL", v) for v in violations])
    return files, Compiled(built.network, files.get("mechkg.nt") or to_ntriples(built.rdf), built.curation.notices)


def build(
    curation_dir: Path,
    out_dir: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
) -> BuildReport:
    """Run the whole pipeline and write ``mechkg.ttl``, ``mechkg.html``, the exports and the compiled graph into ``out_dir``.

    The compiled graph goes into the per-user cache too (failing to write the cache does not fail
    the build). Inputs that change while they are read fail the build: its key would not say
    what it holds.
    """
    started = time.perf_counter()
    check_target(Path(out_dir).absolute())  # refuse a folder that is not ours before the work, not after
    inputs = fingerprint(curation_dir, sources_dir, lexicons_dir)
    built = build_graphs(curation_dir, sources_dir=sources_dir, lexicons_dir=lexicons_dir, check_shapes=False)
    files, compiled = _outputs(built)
    if fingerprint(curation_dir, sources_dir, lexicons_dir) != inputs:
        raise MechKGError("the curation, sources or lexicons changed while they were being read; run mechkg build again")
    files[ARTIFACT_NAME] = artifact = encode(compiled, inputs)
    curation = built.curation
    written = write_atomically(files, out_dir, marker=BuildRecord.of(inputs.key, files, curation.notices).marker())
    try:
        cached: Path | None = store(artifact, inputs.key)
    except OSError:
        cached = None
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
        key=inputs.key,
        cached=cached,
    )
