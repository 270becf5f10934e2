"""SHACL results remembered by content, so an unchanged graph is validated once per user.

pySHACL needs seconds on the article graph, the key a few hundredths of a second
(``benchmarks/bench_shacl.py`` measures both). The key is a SHA-256 of what decides the answer:
the caller's inputs (engine and version, shapes file, the code that words the messages) and the
canonical form of the graph, its N-Triples lines sorted. Two graphs that differ in one triple have
different keys; a graph whose blank nodes are relabelled merely misses the cache.

Each result is a small JSON file, ``<cache dir>/shacl/<key>.json``, written atomically (a reader
sees a whole file or none), holding its own key and the violation lines. A file that cannot be
read, is not JSON, or does not hold this key and a list of strings is ignored: the graph is
validated again and the file replaced. At most ``MAX_ENTRIES`` files are kept (the least recently
used go first) and none larger than ``MAX_BYTES``. The cache folder is
``platformdirs.user_cache_dir("mechkg")``, or ``$MECHKG_CACHE_DIR`` when set; if it cannot be
written, results are simply not remembered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from platformdirs import user_cache_dir
from rdflib import Graph

from mechkg.files import write_file_atomically

__all__ = ["MAX_BYTES", "MAX_ENTRIES", "cache_dir", "content_key", "recall", "remember"]

MAX_ENTRIES = 32
MAX_BYTES = 1_000_000
_FORMAT = b"mechkg-shacl-result/1"


def cache_dir() -> Path:
    """Where remembered SHACL results live: ``$MECHKG_CACHE_DIR/shacl`` or the per-user cache's ``shacl``."""
    root = os.environ.get("MECHKG_CACHE_DIR") or user_cache_dir("mechkg")
    return Path(root) / "shacl"


def canonical_ntriples(data: Graph) -> bytes:
    """``data`` as N-Triples with its lines sorted: the same bytes for the same triples, whatever their order."""
    lines = data.serialize(format="nt", encoding="utf-8").splitlines()
    return b"\n".join(sorted(line for line in lines if line))


def content_key(data: Graph, *inputs: bytes) -> str:
    """The SHA-256 (hex) of ``inputs`` and the canonical N-Triples of ``data``."""
    digest = hashlib.sha256(_FORMAT)
    for part in (*inputs, canonical_ntriples(data)):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def recall(key: str) -> list[str] | None:
    """The violation lines remembered for ``key``, or ``None`` (never remembered, or unreadable)."""
    path = _path(key)
    try:
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    violations = stored.get("violations")
    if not isinstance(violations, list) or not all(isinstance(line, str) for line in violations):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return violations


def remember(key: str, violations: list[str]) -> None:
    """Store ``violations`` under ``key`` (unless too large or the folder is not writable), then prune."""
    content = json.dumps({"key": key, "violations": violations}, ensure_ascii=False).encode("utf-8")
    if len(content) > MAX_BYTES:
        return
    try:
        write_file_atomically(_path(key), content)
    except OSError:
        return
    _prune()


def _prune() -> None:
    entries = []
    for path in cache_dir().glob("*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()
