"""The full texts of the curation's sources, where they can be found, checked against their SHA-256.

Source texts are not shipped (the article is not ours to redistribute): ``sources.yaml`` records
each text's file name and SHA-256, and the text is looked for as :func:`mechkg.resources.find_sources_dir`
says. A text that is not found only skips the checks that need it, with a notice; a text whose
hash differs is a different text, and a problem.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings
from mechkg.resources import find_sources_dir

__all__ = ["read_source_texts"]


def read_source_texts(catalog: Catalog, sources_dir: Path | None, findings: Findings) -> dict[str, str]:
    """Source id -> full text, for each source whose file is found and has the recorded SHA-256."""
    folder = find_sources_dir(sources_dir)
    texts: dict[str, str] = {}
    for source in catalog.sources.values():
        if not source.file:
            continue
        path = folder / source.file if folder else None
        if path is None or not path.is_file():
            findings.notices.append(
                f"source text {source.file} not found (looked in {folder or 'no shared/sources folder'}); "
                "quotes and sections of that source were not checked"
            )
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if source.sha256 and digest != source.sha256:
            findings.add(
                catalog.where(source.id, "sha256"), f"{path} has sha256 {digest}, not the recorded one: a different text"
            )
            continue
        texts[source.id] = raw.decode("utf-8")
    return texts
