"""The main job: curation -> records -> RDF (+ SHACL) -> NetworkX -> files, written atomically.

The stages live in their own modules; this one only runs them in order and writes the
results so that a failed build never leaves a half-written output folder behind.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from rdflib import Graph

from mechkg.errors import CurationError, MechKGError, Problem
from mechkg.network.built import Built, build_graphs
from mechkg.rdf.shapes import shape_violations

__all__ = ["MARKER", "BuildReport", "Built", "build", "build_graphs", "recover_outputs", "write_atomically"]


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


MARKER = ".mechkg-build"
"""A file in every output folder MechKG writes, so it never replaces a folder it did not make."""


def recover_outputs(out_dir: Path) -> None:
    """Finish a swap that a crash interrupted: put the last complete build back in place."""
    for leftover in out_dir.parent.glob(f".{out_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    previous = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not out_dir.exists() and previous:
        os.replace(previous.pop(), out_dir)
    for stale in previous:
        shutil.rmtree(stale, ignore_errors=True)


def write_atomically(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Replace ``out_dir`` with a folder holding exactly ``files`` (name -> content), all or nothing.

    The new folder is written and synced beside ``out_dir`` first; then two renames swap it in
    (old -> ``.NAME.old-*``, new -> ``NAME``). A reader, or a crash at any moment, sees the old
    build or the new one, never a mix; a crash between the renames leaves both folders whole,
    and the next call puts the old one back before it starts. A non-empty folder without the
    :data:`MARKER` file is not MechKG's, and is refused rather than replaced.
    """
    out_dir = Path(out_dir).absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_outputs(out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise MechKGError(f"{out_dir} is not empty and was not written by mechkg build; choose another --out folder or empty it")
    if out_dir.exists() and not out_dir.is_dir():
        raise MechKGError(f"{out_dir} exists and is not a folder")
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for name, content in {**files, MARKER: b"written by mechkg build\n"}.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(staging, 0o755)  # noqa: S103 - an output folder others may read, as mkdir would make it
        old = None
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return [out_dir / name for name in files]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def build(
    curation_dir: Path,
    out_dir: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
) -> BuildReport:
    """Run the whole pipeline and write ``mechkg.ttl`` and ``mechkg.html`` into ``out_dir``."""
    from mechkg.paths.table import pair_table
    from mechkg.render.disease_pages import explorer_pages
    from mechkg.render.path_records import pair_paths

    started = time.perf_counter()
    built = build_graphs(curation_dir, sources_dir=sources_dir, lexicons_dir=lexicons_dir, check_shapes=False)
    shape_check = _violations_in_background(built.rdf)
    files: dict[str, bytes] = {}
    # one page, or an overview plus one page per disease when the graph is large (mechkg.render.page)
    table = pair_table(built.network)  # once: the page's paths panel and the paths export share it
    pages = explorer_pages(built.network, paths=pair_paths(built.network, table))
    files.update({name: page.encode("utf-8") for name, page in pages.items()})
    from mechkg.export.formats import export_all

    files.update(export_all(built, table=table))  # every export format, flat file names (mechkg.ttl among them)
    violations = shape_check()
    if violations:
        raise CurationError([Problem("(built graph)", 0, "SHACL", v) for v in violations])
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
