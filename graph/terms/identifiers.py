"""Standard identifiers: one CURIE converter, and checks against the offline lexicons.

CURIEs stay CURIEs inside the records; they become IRIs only at the RDF boundary, through
:data:`CONVERTER`. The prefix map was taken from Bioregistry (OBO PURLs for OBO ontologies,
identifiers.org for the rest) and is written out here so nothing is fetched at run time.

>>> CONVERTER.expand("MONDO:0007915")
'http://purl.obolibrary.org/obo/MONDO_0007915'
>>> CONVERTER.expand("HGNC:6018")
'https://identifiers.org/hgnc:6018'
>>> link("CL:0000899")
'https://bioregistry.io/CL:0000899'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import curies

__all__ = [
    "CONVERTER",
    "LEXICON_FILES",
    "LexiconEntry",
    "is_valid_curie",
    "link",
    "lookup_curies",
]

_OBO = "http://purl.obolibrary.org/obo/"

CONVERTER = curies.Converter.from_prefix_map(
    {
        "CL": f"{_OBO}CL_",
        "MONDO": f"{_OBO}MONDO_",
        "UBERON": f"{_OBO}UBERON_",
        "GO": f"{_OBO}GO_",
        "ECO": f"{_OBO}ECO_",
        "CHEBI": f"{_OBO}CHEBI_",
        "HGNC": "https://identifiers.org/hgnc:",
        "FPLX": "https://identifiers.org/fplx:",
        "MESH": "https://identifiers.org/mesh:",
        "mirbase": "https://identifiers.org/mirbase:",
        "mirbase.mature": "https://identifiers.org/mirbase.mature:",
    }
)
"""Expands the CURIE prefixes MechKG accepts to IRIs (and back)."""

LEXICON_FILES: dict[str, str] = {
    "CL": "cl.tsv",
    "MONDO": "mondo.tsv",
    "UBERON": "uberon.tsv",
    "GO": "go_bp.tsv",
    "ECO": "eco.tsv",
    "CHEBI": "chebi_subset.tsv",
    "HGNC": "hgnc.tsv",
    "FPLX": "famplex.tsv",
    "MESH": "mesh.tsv",
    "mirbase": "mirbase_human.tsv",
    "mirbase.mature": "mirbase_human.tsv",
}
"""Prefix -> the lexicon file in ``shared/reference/lexicons`` that lists its identifiers."""

OBSOLETE_FILE = "obsolete_cl_mondo_uberon.tsv"

_LOCAL_ID = {
    "CL": r"\d{7}",
    "MONDO": r"\d{7}",
    "UBERON": r"\d{7}",
    "GO": r"\d{7}",
    "ECO": r"\d{7}",
    "CHEBI": r"\d+",
    "HGNC": r"\d+",
    "FPLX": r"[A-Za-z0-9_]+",
    "MESH": r"[CD]\d{6,9}",
    "mirbase": r"MI\d{7}",
    "mirbase.mature": r"MIMAT\d{7}",
}


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon: the official label, or the replacement of an obsolete term."""

    curie: str
    label: str
    obsolete: bool = False
    replaced_by: str = ""


def is_valid_curie(curie: str) -> bool:
    """Whether ``curie`` has an accepted prefix and a local id of that prefix's shape.

    >>> is_valid_curie("CL:0000899"), is_valid_curie("CL:899"), is_valid_curie("NCIT:C123")
    (True, False, False)
    """
    import re

    prefix, _, local = curie.partition(":")
    pattern = _LOCAL_ID.get(prefix)
    return pattern is not None and re.fullmatch(pattern, local) is not None


def link(curie: str) -> str:
    """A web page that resolves ``curie`` for people (Bioregistry's resolver)."""
    return f"https://bioregistry.io/{curie}"


def lookup_curies(curies_wanted: Iterable[str], lexicons: Path) -> dict[str, LexiconEntry]:
    """Find each wanted CURIE in the lexicons; absent ones are simply missing from the result.

    Only the files of the wanted prefixes are read, and each line is split only when its first
    field is wanted, so checking a curation's few hundred CURIEs costs a fraction of a second.
    Obsolete CL/MONDO/UBERON terms come back with ``obsolete=True`` and their replacement.
    """
    wanted = set(curies_wanted)
    found: dict[str, LexiconEntry] = {}
    by_bytes = {curie.encode("utf-8"): curie for curie in wanted}
    files = sorted({LEXICON_FILES[c.split(":", 1)[0]] for c in wanted if c.split(":", 1)[0] in LEXICON_FILES})
    for name in files:
        path = lexicons / name
        if not path.is_file():
            continue
        with path.open("rb") as handle:  # bytes: only the few wanted rows are decoded
            for line in handle:
                curie = by_bytes.get(line.split(b"\t", 1)[0])
                if curie is not None:
                    label = line.rstrip(b"\n").split(b"\t")[1].decode("utf-8")
                    found[curie] = LexiconEntry(curie=curie, label=label)
    obsolete = lexicons / OBSOLETE_FILE
    if obsolete.is_file():
        with obsolete.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["curie"] in wanted and row["curie"] not in found:
                    found[row["curie"]] = LexiconEntry(
                        curie=row["curie"],
                        label=row["label"],
                        obsolete=True,
                        replaced_by=row.get("replaced_by") or "",
                    )
    return found
