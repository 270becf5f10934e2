"""The full texts of the curation's sources, where they can be found, checked against their SHA-256.

Source texts are not shipped (the article is not ours to redistribute): ``sources.yaml`` records
each text's file name and SHA-256, and the text is looked for as :data:`mechkg.resources.SOURCES_RULE`
says. A text that is not found only skips the checks that need it, with a notice naming the file and
the SHA-256 that identifies the exact text needed, and how to supply it; a text whose hash differs
is a different text, and a problem.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mechkg.files import UnsafeFileError, read_regular_file
from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings
from mechkg.resources import SOURCES_ENV, find_sources_dir

__all__ = ["MAX_SOURCE_BYTES", "read_source_texts"]

MAX_SOURCE_BYTES = 20_000_000
"""A source text larger than this is not read (the article is about 60 kB)."""


def read_source_texts(catalog: Catalog, sources_dir: Path | None, findings: Findings) -> dict[str, str]:
    """Source id -> full text, for each source whose file is found and has the recorded SHA-256."""
    folder = find_sources_dir(sources_dir)
    texts: dict[str, str] = {}
    for source in catalog.sources.values():
        if not source.file:
            continue
        path = folder / source.file if folder else None
        if path is None or not (path.exists() or path.is_symlink()):
            where = (
                f"not in {folder}"
                if folder
                else "no folder named by --sources, $MECHKG_SOURCES or ../shared/sources beside a checkout"
            )
            needed = f"{source.file} with SHA-256 {source.sha256}" if source.sha256 else source.file
            findings.skip(
                f"quotes of {source.id} (no source text)",
                f"source text of {source.id} not found ({where}): quotes and sections of that source were not "
                f"checked; put the text ({needed}) in a folder and name it with --sources DIR or ${SOURCES_ENV}",
            )
            continue
        try:
            raw = read_regular_file(path, MAX_SOURCE_BYTES)
        except UnsafeFileError as error:
            findings.add(catalog.where(source.id, "file"), f"source text not read: {error}")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if source.sha256 and digest != source.sha256:
            findings.add(
                catalog.where(source.id, "sha256"), f"{path} has sha256 {digest}, not the recorded one: a different text"
            )
            continue
        try:
            texts[source.id] = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            findings.add(catalog.where(source.id, "file"), f"{path} line {line} is not UTF-8; save the source text as UTF-8")
    return texts
