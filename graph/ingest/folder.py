"""Which files make up a curation folder, and reading each one as text, safely.

A curation folder holds ``sources.yaml`` and YAML files one level down in ``entities/``,
``claims/``, ``studies/`` and ``excused/`` (see ``CURATION.md``). Any other YAML file is
reported rather than ignored, so a misplaced file is not silently left out. A file is read only
if it is small enough and plain UTF-8 (no byte-order mark).

>>> from mechkg.resources import default_curation_dir
>>> files = list(curation_files(default_curation_dir(), Findings()))
>>> files[0].name, sorted({file.kind for file in files})
('sources.yaml', ['claims', 'entities', 'excused', 'sources', 'studies'])
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from mechkg.files import UnsafeFileError, read_regular_file
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.yaml_lines import MAX_FILE_BYTES

__all__ = ["RECORD_FOLDERS", "SOURCES_FILE", "CurationFile", "curation_files", "read_text"]

SOURCES_FILE = "sources.yaml"
RECORD_FOLDERS = ("entities", "claims", "studies", "excused")
"""Folders whose YAML files hold records; the folder names the kind of record."""

_YAML = (".yaml", ".yml")


class CurationFile(NamedTuple):
    """One file of a curation: its path, its name relative to the folder (as messages give it), its kind."""

    path: Path
    name: str
    kind: str
    root: Path | None = None


def curation_files(root: Path, findings: Findings) -> Iterator[CurationFile]:
    """Every curation file of ``root``, ``sources.yaml`` first; a missing or stray file is a problem."""
    if not root.is_dir():
        findings.add(Place(str(root), 0), "curation folder not found")
        return
    if not (root / SOURCES_FILE).is_file():
        findings.add(Place(str(root), 0), "no sources.yaml: a curation folder needs one (see CURATION.md)")
    else:
        yield CurationFile(root / SOURCES_FILE, SOURCES_FILE, "sources", root)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or rel.as_posix() == SOURCES_FILE or path.name.startswith(".") or path.suffix not in _YAML:
            continue
        if len(rel.parts) == 2 and rel.parts[0] in RECORD_FOLDERS:
            yield CurationFile(path, rel.as_posix(), rel.parts[0], root)
        else:
            message = "not part of the curation format: put it in entities/, claims/, studies/ or excused/"
            findings.add(Place(rel.as_posix(), 0), message)


def read_text(file: CurationFile, findings: Findings) -> str | None:
    """The text of ``file``, or ``None`` (with the problem added) if it cannot be read safely.

    Not read: a file that is not a regular file inside the folder, or too large
    (:func:`mechkg.files.read_regular_file`); refused: text that is not UTF-8 or starts with a BOM.
    """
    try:
        raw = read_regular_file(file.path, MAX_FILE_BYTES, inside=file.root)
    except UnsafeFileError as error:
        findings.add(Place(file.name, 0), f"not read: {str(error).replace(str(file.path), 'the file')}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        findings.add(Place(file.name, line), f"not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
        return None
    if text.startswith("\ufeff"):
        findings.add(Place(file.name, 1), "starts with a byte-order mark; save as UTF-8 without BOM")
        return None
    return text
