"""Rules of the curation format that one record can break on its own, beyond the shape its model checks.

The models (:mod:`mechkg.ingest.model`) check each field; these rules relate fields of one record
to each other (only a Therapy has ``uses``; a flagged claim has low confidence), and check that
``zh-Hant`` text is written in Traditional Chinese (:mod:`mechkg.ingest.hanzi`). Each problem is
reported at the field it concerns.

>>> from mechkg.ingest.catalog import catalog_records
>>> from mechkg.ingest.records import read_records
>>> from mechkg.resources import default_curation_dir
>>> findings = Findings()
>>> check_rules(catalog_records(read_records(default_curation_dir(), findings), findings), findings)
>>> findings.problems
[]
"""

from __future__ import annotations

from collections import Counter

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings
from mechkg.ingest.hanzi import nonstandard_characters, simplified_only
from mechkg.ingest.model import Claim, Entity, Study

__all__ = ["ASPECT_PREDICATES", "MAX_FLAGGED_CONFIDENCE", "check_rules"]

ASPECT_PREDICATES = ("increases", "decreases", "regulates")
"""The predicates an ``aspect`` (expression, secretion …) may qualify."""
MAX_FLAGGED_CONFIDENCE = 0.5
"""A claim the curator flagged as doubtful may not be trusted more than this."""


def check_rules(catalog: Catalog, findings: Findings) -> None:
    """Check every record of ``catalog`` against the rules of its kind."""
    _check_traditional_labels(catalog, findings)
    for entity in catalog.entities.values():
        _check_entity(catalog, entity, findings)
    for claim in catalog.claims.values():
        _check_claim(catalog, claim, findings)
    for study in catalog.studies.values():
        _check_part_ids(catalog, study, findings)


def _check_traditional_labels(catalog: Catalog, findings: Findings) -> None:
    """zh-Hant titles and labels: no Simplified-only characters; labels (not titles, kept as published) in standard forms."""
    texts = [(source.id, "title.zh-Hant", source.title.zh) for source in catalog.sources.values() if source.title.zh]
    texts += [(record_id, "label.zh-Hant", record.label.zh) for record_id, record in catalog.entities.items()]
    texts += [(record_id, "label.zh-Hant", record.label.zh) for record_id, record in catalog.studies.items()]
    for record_id, field_name, text in texts:
        found = simplified_only(text)
        if found:
            findings.add(
                catalog.where(record_id, field_name),
                f"zh-Hant text {text!r} has Simplified-only characters {''.join(found)}; "
                "write it in Traditional Chinese (put a Simplified spelling in synonyms)",
            )
        elif field_name != "title.zh-Hant" and (forms := nonstandard_characters(text)):
            wanted = ", ".join(f"{old}->{new}" for old, new in forms)
            findings.add(
                catalog.where(record_id, field_name),
                f"zh-Hant label {text!r} is not in standard Traditional forms ({wanted}); "
                "write the standard form and keep the source's spelling in synonyms",
            )


def _check_entity(catalog: Catalog, entity: Entity, findings: Findings) -> None:
    if (entity.uses or entity.properties) and entity.type != "Therapy":
        findings.add(catalog.where(entity.id, "uses"), f"only a Therapy has uses/properties; {entity.id} is a {entity.type}")
    if not entity.xrefs and not entity.ungrounded:
        findings.add(catalog.where(entity.id, "xrefs"), "no xrefs and no 'ungrounded' reason; ground it or say why it cannot be")


def _check_claim(catalog: Catalog, claim: Claim, findings: Findings) -> None:
    if claim.aspect and claim.predicate not in ASPECT_PREDICATES:
        findings.add(catalog.where(claim.id, "aspect"), "an aspect qualifies only increases, decreases or regulates")
    if claim.flags and claim.confidence > MAX_FLAGGED_CONFIDENCE:
        findings.add(
            catalog.where(claim.id, "confidence"),
            f"a flagged claim must have confidence <= {MAX_FLAGGED_CONFIDENCE} (got {claim.confidence})",
        )


def _check_part_ids(catalog: Catalog, study: Study, findings: Findings) -> None:
    """Arms and figures of a study share one id space: their IRIs are minted under the study's."""
    used = Counter(arm.id for arm in study.arms) + Counter(figure.id for figure in study.figures)
    for duplicate in [part_id for part_id, count in used.items() if count > 1]:
        findings.add(catalog.where(study.id, "figures"), f"arm/figure id {duplicate!r} is used twice in {study.id}")
