"""Entity xrefs against the identifier rules and the offline lexicons.

Every CURIE must have an accepted prefix and a local id of that prefix's shape
(:func:`mechkg.terms.identifiers.is_valid_curie`). Where the reference lexicons are found, each
well-formed CURIE must also be listed there, not be obsolete, and carry the lexicon's own label:
identifiers are looked up, never written from memory. Without lexicons only the shape is
checked, with a notice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.model import Xref
from mechkg.resources import LEXICONS_ENV, find_lexicons_dir
from mechkg.terms.identifiers import CONVERTER, LEXICON_FILES, LexiconEntry, is_valid_curie, lookup_curies

__all__ = ["check_xrefs"]


def check_xrefs(catalog: Catalog, lexicons_dir: Path | None, findings: Findings) -> None:
    """Check the shape of every xref of ``catalog``, then look the well-formed ones up in the lexicons."""
    wanted: set[str] = set()
    for xref, place in _xrefs(catalog):
        if is_valid_curie(xref.curie):
            wanted.add(xref.curie)
        else:
            findings.add(place, f"malformed CURIE {xref.curie!r}: {_malformed_why(xref.curie)}")
    folder = find_lexicons_dir(lexicons_dir)
    if folder is None or not folder.is_dir():
        where = (
            f"{folder} is not a folder"
            if folder
            else "no folder named by --lexicons, $MECHKG_LEXICONS or ../shared/reference/lexicons beside a checkout"
        )
        findings.skip(
            "CURIEs against the lexicons (no lexicons; shape only)",
            f"reference lexicons not found ({where}): CURIEs were checked for shape only; "
            f"name a folder of lexicons (*.tsv) with --lexicons DIR or ${LEXICONS_ENV}",
        )
        return
    absent = sorted({name for c in wanted if not (folder / (name := LEXICON_FILES[c.split(":", 1)[0]])).is_file()})
    if absent:
        findings.skip(
            f"CURIEs of {len(absent)} lexicon{'s' if len(absent) != 1 else ''} (file missing; shape only)",
            f"lexicon files {', '.join(absent)} not found in {folder}: CURIEs they list were checked for shape only",
        )
        wanted = {c for c in wanted if LEXICON_FILES[c.split(":", 1)[0]] not in absent}
    found = lookup_curies(wanted, folder)
    for xref, place in _xrefs(catalog):
        if xref.curie in wanted:
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
