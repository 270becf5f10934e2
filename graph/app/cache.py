"""The per-user cache of compiled graphs, so that query commands answer without rebuilding.

Files live in ``$MECHKG_CACHE_DIR`` or else ``platformdirs.user_cache_dir("mechkg")``, one per
key (``KEY.compiled``, see :mod:`mechkg.app.compiled`); only the :data:`KEEP` most recently
used are kept. :func:`load_compiled` is what ``show``, ``path``, ``mechanisms``, ``sparql`` and
``serve`` call: the compiled graph for their inputs, or (missing, stale, corrupt, not the user's
own file) a fresh one built from the curation, with one line saying so and why.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from mechkg.app.compiled import ArtifactError, Compiled, decode, encode, read_manifest, summarize
from mechkg.app.fingerprint import Inputs, fingerprint
from mechkg.files import write_file_atomically

__all__ = ["KEEP", "cache_dir", "cached_path", "compile_graph", "load_compiled", "store"]

KEEP = 4
"""Compiled graphs kept in the cache (the most recently used); each is a few MB."""
_SUFFIX = ".compiled"


def cache_dir() -> Path:
    """``$MECHKG_CACHE_DIR``, else the platform's per-user cache folder for mechkg."""
    if os.environ.get("MECHKG_CACHE_DIR"):
        return Path(os.environ["MECHKG_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mechkg", appauthor=False))


def cached_path(key: str) -> Path:
    """Where the compiled graph with ``key`` is kept."""
    return cache_dir() / f"{key}{_SUFFIX}"


def _entries() -> list[Path]:
    """The cached compiled graphs, most recently used first."""
    found = []
    for path in cache_dir().glob(f"*{_SUFFIX}"):
        try:
            found.append((path.stat().st_mtime_ns, path))
        except FileNotFoundError:
            continue
    return [path for _, path in sorted(found, reverse=True)]


def store(data: bytes, key: str, *, keep: int = KEEP) -> Path:
    """Keep ``data`` (an encoded compiled graph) under ``key``, then drop all but the ``keep`` newest."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = cached_path(key)
    write_file_atomically(path, data)
    for stale in _entries()[keep:]:
        stale.unlink(missing_ok=True)
    return path


def _read_own(path: Path) -> bytes:
    """The bytes of ``path`` if this user owns it and no one else may write it (it will be unpickled)."""
    info = path.stat()
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        raise ArtifactError("is not this user's own file (owned by another user, or writable by others)")
    return path.read_bytes()


def _why_missing(inputs: Inputs) -> str:
    """Why there is no compiled graph for ``inputs``: what changed since the last one of this curation."""
    curation = inputs.manifest.get("curation")
    for path in _entries():
        try:
            older = read_manifest(path.read_bytes())
        except (OSError, ArtifactError, ValueError):
            continue
        if older.get("curation") == curation:
            return f"the inputs changed since it was last compiled: {summarize(inputs.changes(older))}"
    return f"none compiled yet for {curation} in {cache_dir()}"


def compile_graph(curation_dir: Path, sources_dir: Path | None = None, lexicons_dir: Path | None = None) -> Compiled:
    """Build the curation's graphs (no SHACL: the query commands never checked shapes) and compile them."""
    from mechkg.export.turtle import to_ntriples
    from mechkg.network.built import build_graphs

    built = build_graphs(curation_dir, sources_dir=sources_dir, lexicons_dir=lexicons_dir, check_shapes=False)
    return Compiled(network=built.network, ntriples=to_ntriples(built.rdf), notices=built.curation.notices)


def load_compiled(
    curation_dir: Path,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
    *,
    say: Callable[[str], None] | None = None,
) -> Compiled:
    """The compiled graph of these inputs: from the cache, or rebuilt (and cached) with one line to ``say`` why.

    ``say`` gets that line (default: standard error). A :class:`~mechkg.errors.CurationError`
    of the rebuild propagates as it would from a build.
    """
    say = say or (lambda line: print(line, file=sys.stderr))
    inputs = fingerprint(curation_dir, sources_dir, lexicons_dir)
    path = cached_path(inputs.key)
    try:
        compiled = decode(_read_own(path), inputs)
    except FileNotFoundError:
        reason = _why_missing(inputs)
    except (ArtifactError, OSError) as error:
        reason = f"the compiled graph {path} {error}"
    else:
        os.utime(path)  # most recently used: the last to be dropped
        return compiled
    say(f"mechkg: building the graph from the curation ({reason})")
    compiled = compile_graph(curation_dir, sources_dir, lexicons_dir)
    if fingerprint(curation_dir, sources_dir, lexicons_dir) == inputs:  # not edited while being read
        try:
            store(encode(compiled, inputs), inputs.key)
        except OSError as error:
            say(f"mechkg: could not keep the compiled graph in {cache_dir()}: {error}")
    return compiled
