"""Primary sources behind the article, the claims paraphrasing them, and the links to them.

A source without a full text (``file``) is a bibliographic record of a primary paper, registry
entry or press report the article drew on. Rules checked here, each reported at its field:

* a zh-Hant source has a zh-Hant title; other sources need only an English one;
* a primary record names the public record that confirmed its DOI/PMID (``confirmed_by``) and
  has a ``doi`` or says why it has none (``no_doi``);
* a claim has a ``quote`` and a ``section`` unless it is a ``paraphrase``; a paraphrase has
  neither, and its ``source`` must be a primary record **with a DOI** (the paper's text is not
  ours to quote, so the DOI is what lets a reader check it);
* ``corrects`` is only on paraphrases and names review claims (claims that are not paraphrases);
* ``derived_from`` (claims and studies) names primary records.

>>> from mechkg.ingest.catalog import catalog_records
>>> from mechkg.ingest.records import read_records
>>> from mechkg.resources import default_curation_dir
>>> findings = Findings()
>>> check_primary_sources(catalog_records(read_records(default_curation_dir(), findings), findings), findings)
>>> findings.problems
[]
"""

from __future__ import annotations

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings
from mechkg.ingest.model import Claim, Source

__all__ = ["check_primary_sources"]


def check_primary_sources(catalog: Catalog, findings: Findings) -> None:
    """Check primary-source records, paraphrase claims, ``corrects`` and ``derived_from`` links."""
    for source in catalog.sources.values():
        _check_source(catalog, source, findings)
    for claim in catalog.claims.values():
        _check_claim(catalog, claim, findings)
        _check_derived(catalog, claim.id, claim.derived_from, findings)
    for study in catalog.studies.values():
        _check_derived(catalog, study.id, study.derived_from, findings)


def _check_source(catalog: Catalog, source: Source, findings: Findings) -> None:
    where = catalog.where
    if source.language == "zh-Hant" and not source.title.zh:
        findings.add(where(source.id, "title"), "a zh-Hant source needs a zh-Hant title (title: {zh-Hant: …})")
    if not source.title.zh and not source.title.en:
        findings.add(where(source.id, "title"), "a source needs a title (en, or zh-Hant for a zh-Hant source)")
    if not source.primary:
        return
    if not source.title.en:
        findings.add(where(source.id, "title"), "a primary source needs an English title (title: {en: …})")
    if not source.doi and not source.no_doi:
        findings.add(where(source.id, "doi"), "a primary source needs a doi, or no_doi saying why it has none")
    if source.doi and source.no_doi:
        findings.add(where(source.id, "no_doi"), "a source with a doi cannot also say no_doi; drop one")
    if (source.doi or source.pmid or source.pmcid) and not source.confirmed_by:
        findings.add(
            where(source.id, "confirmed_by"),
            "a DOI/PMID needs the public record that confirmed it (confirmed_by: [address]); never write one from memory",
        )


def _check_claim(catalog: Catalog, claim: Claim, findings: Findings) -> None:
    where = catalog.where
    if not claim.paraphrase:
        for name, value in (("quote", claim.quote), ("section", claim.section)):
            if value is None:
                findings.add(
                    where(claim.id, name),
                    f"required key is missing: a claim quotes its source (no {name} only for a primary paper's "
                    "finding marked 'paraphrase: true' with a primary source that has a DOI)",
                )
        if claim.corrects:
            findings.add(where(claim.id, "corrects"), "only a paraphrase of a primary paper corrects a review claim")
        return
    for name, value in (("quote", claim.quote), ("section", claim.section)):
        if value is not None:
            findings.add(where(claim.id, name), f"a paraphrase has no {name}: the primary paper's text is not ours to copy")
    source = catalog.sources.get(claim.source)
    if source is not None and not (source.primary and source.doi):
        findings.add(
            where(claim.id, "source"),
            f"a paraphrase (a claim without a quote) needs a primary-paper source with a DOI; {claim.source!r} "
            + ("has no DOI" if source.primary else "is a full text to quote from"),
        )
    for number, target in enumerate(claim.corrects):
        corrected = catalog.claims.get(target)
        if corrected is None:
            findings.add(where(claim.id, "corrects", number), f"unknown claim {target!r}")
        elif corrected.paraphrase:
            findings.add(where(claim.id, "corrects", number), f"{target!r} is a paraphrase; corrects names review claims")


def _check_derived(catalog: Catalog, record_id: str, sources: tuple[str, ...], findings: Findings) -> None:
    for number, source_id in enumerate(sources):
        source = catalog.sources.get(source_id)
        if source is None:
            findings.add(catalog.where(record_id, "derived_from", number), f"unknown source {source_id!r}")
        elif not source.primary:
            message = f"{source_id!r} is a full-text source; derived_from names primary records (sources without file)"
            findings.add(catalog.where(record_id, "derived_from", number), message)
