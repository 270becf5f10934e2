"""What a compiled graph is made from: a manifest of every input, and the SHA-256 key over it.

The manifest maps a name to a digest, one entry per input; the key is the SHA-256 of the manifest
as canonical JSON, so two runs share a compiled graph exactly when every entry is equal:

* ``mechkg``, ``python``, ``networkx``: versions (the compiled graph pickles networkx objects);
* ``package/REL``: SHA-256 of each file of the mechkg package itself (code, named queries,
  templates), apart from the packaged curation, which counts only when it is the curation read;
* ``ontology/REL``: SHA-256 of each ontology file;
* ``curation``: the curation folder read; ``curation/REL``: SHA-256 of each of its files;
* ``sources``: the folder of source texts found; ``sources/NAME``: SHA-256 of each text that
  ``sources.yaml`` names (the texts actually read), size and mtime of the folder's other files;
* ``lexicons``: the lexicon folder found; ``lexicons/NAME``: size and modification time (ns) of
  each file. The lexicons are tens of MB and only looked up in; hashing them on every command
  would cost more than answering. An edit that keeps a lexicon's size and its mtime (a copy
  with ``cp -p`` of a same-sized file) goes unnoticed: ``mechkg build --force`` rebuilds.

The folders are found as :mod:`mechkg.ingest.load` finds them (explicit, then ``$MECHKG_SOURCES``
/ ``$MECHKG_LEXICONS``, then ``shared/`` beside the project), so the key follows what is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from mechkg.resources import PACKAGE_DIR, find_lexicons_dir, find_sources_dir, ontology_dir

__all__ = ["Inputs", "fingerprint"]

_SKIPPED_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


@dataclass(frozen=True)
class Inputs:
    """The manifest of a build's inputs (name -> digest) and the key derived from it."""

    manifest: Mapping[str, str]

    def encoded(self) -> bytes:
        """The manifest as canonical JSON: the bytes the key is the SHA-256 of."""
        return json.dumps(dict(self.manifest), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @property
    def key(self) -> str:
        """The SHA-256 (hex) of :meth:`encoded`: equal keys mean equal inputs."""
        return hashlib.sha256(self.encoded()).hexdigest()

    def changes(self, older: Mapping[str, str]) -> list[str]:
        """The entries that differ from ``older`` (changed, added or removed), sorted.

        >>> Inputs({"curation/a.yaml": "1", "curation/b.yaml": "2"}).changes({"curation/a.yaml": "0", "curation/c.yaml": "3"})
        ['curation/a.yaml', 'curation/b.yaml', 'curation/c.yaml']
        """
        return sorted(name for name in set(self.manifest) | set(older) if self.manifest.get(name) != older.get(name))


def _files(root: Path, *, skip: Path | None = None) -> Iterator[tuple[str, Path]]:
    """(relative POSIX path, path) of every regular file under ``root``, sorted, without caches."""
    found: list[tuple[str, Path]] = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS and here / d != skip]
        found += [((here / n).relative_to(root).as_posix(), here / n) for n in names if not n.endswith((".pyc", ".pyo"))]
    yield from sorted(found)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stat(path: Path) -> str:
    info = path.stat()
    return f"size={info.st_size} mtime_ns={info.st_mtime_ns}"


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def _tree(manifest: dict[str, str], prefix: str, root: Path, *, skip: Path | None = None) -> None:
    for rel, path in _files(root, skip=skip):
        manifest[f"{prefix}/{rel}"] = _sha256(path)


def _sources(manifest: dict[str, str], curation_dir: Path, sources_dir: Path | None) -> None:
    folder = find_sources_dir(sources_dir)
    manifest["sources"] = str(folder.absolute()) if folder is not None else "none"
    if folder is None or not folder.is_dir():
        return
    try:
        named = (curation_dir / "sources.yaml").read_bytes()
    except OSError:
        named = b""
    for entry in sorted(folder.iterdir()):
        if entry.is_file():
            used = entry.name.encode("utf-8") in named
            manifest[f"sources/{entry.name}"] = _sha256(entry) if used else _stat(entry)


def _lexicons(manifest: dict[str, str], lexicons_dir: Path | None) -> None:
    folder = find_lexicons_dir(lexicons_dir)
    manifest["lexicons"] = str(folder.absolute()) if folder is not None else "none"
    if folder is None or not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.is_file():
            manifest[f"lexicons/{entry.name}"] = _stat(entry)


def fingerprint(curation_dir: Path, sources_dir: Path | None = None, lexicons_dir: Path | None = None) -> Inputs:
    """The inputs a build of ``curation_dir`` with these sources and lexicons reads, with their digests.

    A missing curation folder gives a manifest without curation files (loading it then fails
    with the usual message); nothing here raises for a folder that is not there.
    """
    curation = Path(curation_dir).absolute()
    manifest: dict[str, str] = {
        "mechkg": _version("mechkg"),
        "networkx": _version("networkx"),
        "python": sys.version,
        "curation": str(curation),
    }
    _tree(manifest, "package", PACKAGE_DIR, skip=PACKAGE_DIR / "curation")
    _tree(manifest, "ontology", ontology_dir())
    if curation.is_dir():
        _tree(manifest, "curation", curation)
    _sources(manifest, curation, sources_dir)
    _lexicons(manifest, lexicons_dir)
    return Inputs(manifest)
