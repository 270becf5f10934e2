"""Entity xrefs against the identifier rules and the offline lexicons.

Every CURIE must have an accepted prefix and a local id of that prefix's shape
(:func:`mechkg.terms.identifiers.is_valid_curie`). Where the reference lexicons are found, each
well-formed CURIE must also be listed there, not be obsolete, and carry the lexicon's own label:
identifiers are looked up, never written from memory. A CURIE whose lexicon file is not in the
full lexicons found is looked up in the snapshot shipped with MechKG (:mod:`mechkg.terms.snapshot`:
the rows of the CURIEs the shipped curation cites), so a plain clone checks every shipped CURIE;
one in neither is *unchecked*: a skipped check (a warning; ``--strict`` exits 2).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.model import Xref
from mechkg.resources import LEXICONS_ENV, find_lexicons_dir
from mechkg.terms.identifiers import CONVERTER, LEXICON_FILES, LexiconEntry, is_valid_curie, lookup_curies
from mechkg.terms.snapshot import SNAPSHOT_DIR

__all__ = ["check_xrefs"]

_SHOWN = 10
"""Unchecked CURIEs named in the notice; the rest are counted."""


def check_xrefs(catalog: Catalog, lexicons_dir: Path | None, findings: Findings) -> None:
    """Check the shape of every xref of ``catalog``, then look the well-formed ones up in the lexicons."""
    wanted: set[str] = set()
    for xref, place in _xrefs(catalog):
        if is_valid_curie(xref.curie):
            wanted.add(xref.curie)
        else:
            findings.add(place, f"malformed CURIE {xref.curie!r}: {_malformed_why(xref.curie)}")
    folder = find_lexicons_dir(lexicons_dir)
    full = folder if folder is not None and folder.is_dir() else None
    if folder is not None and full is None:
        findings.skip(
            "full lexicons (folder not found)",
            f"{folder} is not a folder, so no full lexicon was read; CURIEs were checked against the snapshot shipped with "
            f"MechKG only; name a folder of lexicons (*.tsv) with --lexicons DIR or ${LEXICONS_ENV}",
        )
    in_full = {c for c in wanted if full is not None and (full / LEXICON_FILES[c.split(":", 1)[0]]).is_file()}
    found = lookup_curies(in_full, full) if full is not None and in_full else {}
    from_snapshot = lookup_curies(wanted - in_full, SNAPSHOT_DIR)
    found.update(from_snapshot)
    unchecked = sorted(wanted - in_full - from_snapshot.keys())
    if from_snapshot:
        findings.notices.append(
            f"{len(from_snapshot)} CURIE{'s' if len(from_snapshot) != 1 else ''} checked against the lexicon snapshot "
            f"shipped with MechKG ({SNAPSHOT_DIR}; versions and licences in its README.md), "
            f"{len(in_full)} against full lexicons" + (f" in {full}" if full is not None else " (none found)")
        )
    if unchecked:
        shown = ", ".join(unchecked[:_SHOWN]) + (f" and {len(unchecked) - _SHOWN} more" if len(unchecked) > _SHOWN else "")
        findings.skip(
            f"{len(unchecked)} CURIE{'s' if len(unchecked) != 1 else ''} unchecked (in no lexicon here)",
            f"unchecked CURIEs (shape only; in neither the lexicon snapshot nor a full lexicon): {shown}; "
            f"name full lexicons with --lexicons DIR or ${LEXICONS_ENV} (`mechkg lexicons build --from FILES... --out DIR` "
            "builds them from the ontologies' release files), then `mechkg lexicons snapshot` adds them to the snapshot",
        )
    checked = wanted - set(unchecked)
    for xref, place in _xrefs(catalog):
        if xref.curie in checked:
            problem = _lexicon_problem(xref, found.get(xref.curie))
            if problem:
                findings.add(place, problem)


def _xrefs(catalog: Catalog) -> Iterator[tuple[Xref, Place]]:
    """Every xref of every entity, with the line of its own item (field ``xrefs``)."""
    for entity in catalog.entities.values():
        located = catalog.located[entity.id]
        for number, xref in enumerate(entity.xrefs):
            yield xref, Place(located.file, located.fields.get(f"xrefs.{number}", located.line), "xrefs")


def _malformed_why(curie: str) -> str:
    prefix = curie.split(":", 1)[0]
    if prefix in LEXICON_FILES:
        return f"local id does not have the shape of a {prefix} id"
    return f"unknown prefix {prefix!r}; accepted: {', '.join(sorted(CONVERTER.get_prefixes()))}"


def _lexicon_problem(xref: Xref, entry: LexiconEntry | None) -> str | None:
    """What is wrong with a well-formed xref given its lexicon entry, or ``None``."""
    if entry is None:
        lexicon = LEXICON_FILES[xref.curie.split(":", 1)[0]]
        return f"{xref.curie} is not in the lexicon {lexicon}; look the term up, do not write it from memory"
    if entry.obsolete:
        replacement = f"; replaced by {entry.replaced_by}" if entry.replaced_by else ""
        return f"{xref.curie} ({entry.label}) is obsolete{replacement}"
    if entry.label != xref.label:
        return f"{xref.curie} is labelled {entry.label!r} in the lexicon, not {xref.label!r}"
    return None
