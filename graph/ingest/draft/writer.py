"""A draft -> a curation folder on disk, whole or not at all.

The folder has the format of ``graph/curation`` (``CURATION.md``), so ``mechkg validate`` and
``mechkg coverage`` read it as they read the shipped one, plus a copy of the article:

.. code-block:: text

    DIR/sources.yaml               the source record (sha256 of the article)
    DIR/entities/known.yaml        curated entities the article names, copied with their groundings
    DIR/entities/proposed.yaml     new entities from lexicon terms, with candidate groundings
    DIR/claims/<source>.yaml       one skeleton claim per sentence naming two or more entities
    DIR/sources/<article file>     the article itself, byte for byte (--sources DIR/sources)

A file with no records is not written (an empty curation file is an error). Records are
written one YAML mapping each, keys in the order of ``CURATION.md``, every field left to the
curator as ``null``. The folder is built beside ``DIR`` and renamed into place, so a failure
leaves nothing half-written. A non-empty ``DIR`` is refused; with ``force`` it is replaced only
if it holds nothing but what a draft writes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from mechkg.ingest.draft.proposal import Draft, DraftError

__all__ = ["DRAFT_ENTRIES", "OutputExists", "draft_yaml", "write_draft"]

DRAFT_ENTRIES = frozenset({"sources.yaml", "entities", "claims", "studies", "excused", "sources"})
"""What a draft folder may hold; ``--force`` replaces a folder holding nothing else."""


class OutputExists(DraftError):
    """The output folder is not empty (and may not be replaced)."""


def draft_yaml(draft: Draft, article_name: str) -> dict[str, str]:
    """The text of each YAML file of the draft, by path relative to the folder."""
    source_id = draft.source["id"]
    head = (
        f"# Draft curation of {source_id}, written by `mechkg draft` from {article_name}.\n"
        "# Every null is left for the curator; `mechkg validate --curation THIS_FOLDER --sources THIS_FOLDER/sources`\n"
        "# lists what is still missing, `mechkg coverage` (same options) the sentences no finished claim cites.\n"
    )
    files = {"sources.yaml": head + "\n" + _records([draft.source])}
    if draft.known:
        note = "# Curated entities the article names (and those they name in broader/uses), copied unchanged.\n"
        files["entities/known.yaml"] = head + note + "\n" + _records(draft.known)
    if draft.proposed:
        note = "# New entities proposed from lexicon terms; each xref is a candidate: set match on the right one.\n"
        files["entities/proposed.yaml"] = head + note + "\n" + _records(draft.proposed)
    if draft.claims:
        note = "# One skeleton claim per sentence naming two or more entities: write predicate, statement, evidence.\n"
        files[f"claims/{source_id}.yaml"] = head + note + "\n" + _records(draft.claims)
    return files


def _records(records: list[dict[str, Any]]) -> str:
    return "\n".join(
        yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)
        for record in records
    )


def write_draft(draft: Draft, raw: bytes, article_name: str, out: Path, *, force: bool = False) -> list[str]:
    """Write the draft folder ``out`` atomically; the paths written, relative to it.

    Raises :class:`OutputExists` for a non-empty ``out`` (unless ``force`` and it holds only
    :data:`DRAFT_ENTRIES`), :class:`DraftError` for an ``out`` that is not a folder.
    """
    _check_out(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    files = draft_yaml(draft, article_name)
    building = Path(tempfile.mkdtemp(prefix=f".{out.name}.draft-", dir=out.parent))
    try:
        for relative, text in files.items():
            path = building / relative
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        (building / "sources").mkdir()
        (building / "sources" / article_name).write_bytes(raw)
        _replace(building, out)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return sorted([*files, f"sources/{article_name}"])


def _check_out(out: Path, force: bool) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise DraftError(f"{out} exists and is not a folder; give a new folder for the draft")
    if not out.is_dir():
        return
    entries = sorted(path.name for path in out.iterdir())
    if not entries:
        return
    if not force:
        raise OutputExists(f"{out} is not empty; give a new folder, or --force to replace a draft written there before")
    foreign = [name for name in entries if name not in DRAFT_ENTRIES]
    if foreign:
        listed = ", ".join(foreign[:5])
        raise OutputExists(f"{out} holds files a draft does not write ({listed}); not replaced, even with --force")


def _replace(built: Path, out: Path) -> None:
    """Move ``built`` to ``out``; an existing ``out`` is moved aside first and removed after."""
    if not out.exists():
        built.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        built.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)
