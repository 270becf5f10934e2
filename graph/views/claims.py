"""Claims, flags and sources as JSON: the one shape every output shows.

``mechkg show``, ``mechkg path``, the server's ``/api``, the explorer page and the paths export
all print a claim with :func:`claim_json`, so a claim has the same keys everywhere.

>>> from mechkg.network.evidence import Claim, Flag
>>> c = Claim("c1", "IL6", "increases", "TH17", 1, quote="…", disease=("RA",), flags=(Flag("doubtful", "n"),))
>>> claim_json(c)["flags"], claim_json(c)["disease"]
([{'kind': 'doubtful', 'origin': '', 'note': 'n', 'intended': ''}], ['RA'])
"""

from __future__ import annotations

from typing import Any

from mechkg.network.evidence import Claim, Correction, Flag, Source

__all__ = ["claim_json", "correction_json", "flag_json", "source_json"]


def flag_json(flag: Flag) -> dict[str, str]:
    """A curator's flag: ``{"kind", "origin", "note", "intended"}``."""
    return {"kind": flag.kind, "origin": flag.origin, "note": flag.note, "intended": flag.intended}


def claim_json(claim: Claim) -> dict[str, Any]:
    """Every field of a claim, lists for its tuples and flags as :func:`flag_json`."""
    return {
        "id": claim.id,
        "subject": claim.subject,
        "predicate": claim.predicate,
        "object": claim.object,
        "sign": claim.sign,
        "aspect": claim.aspect,
        "quote": claim.quote,
        "statement": claim.statement,
        "section": claim.section,
        "source": claim.source,
        "evidence": claim.evidence,
        "evidence_level": claim.evidence_level,
        "disease": list(claim.disease),
        "species": claim.species,
        "model": claim.model,
        "context": list(claim.context),
        "study": claim.study,
        "confidence": claim.confidence,
        "flags": [flag_json(f) for f in claim.flags],
        "notes": claim.notes,
        "paraphrase": claim.paraphrase,
        "corrects": list(claim.corrects),
        "derived_from": list(claim.derived_from),
        "corrected_by": [correction_json(c) for c in claim.corrected_by],
    }


def correction_json(correction: Correction) -> dict[str, str]:
    """What a primary paper says instead of a review claim: ``{"claim", "statement", "source", "doi", "evidence_level"}``."""
    return {
        "claim": correction.claim,
        "statement": correction.statement,
        "source": correction.source,
        "doi": correction.doi,
        "evidence_level": correction.evidence_level,
    }


def source_json(source: Source) -> dict[str, Any]:
    """A source: ``{"id", "title_zh", "title_en"}``, plus the bibliographic fields of a primary source."""
    data: dict[str, Any] = {"id": source.id, "title_zh": source.title_zh, "title_en": source.title_en}
    if source.primary:
        data.update(
            primary=True,
            kind=source.kind,
            doi=source.doi,
            pmid=source.pmid,
            journal=source.journal,
            year=source.year,
            authors=source.authors,
        )
    return data
