"""Cross-references: every id a record names exists, and is of a kind that fits where it is named.

Entities, studies, sources, claims, study arms and predicates are named by id; an unknown id is
reported with the nearest known ids or names (``did you mean IL6?``), a known id of the wrong
class with the classes expected there. A reference to a record that exists but failed its own
shape check is not reported again: it is reported where it is defined.

>>> from mechkg.ingest.catalog import catalog_records
>>> from mechkg.ingest.records import read_records
>>> from mechkg.resources import default_curation_dir
>>> findings = Findings()
>>> check_references(catalog_records(read_records(default_curation_dir(), findings), findings), findings)
>>> findings.problems
[]
"""

from __future__ import annotations

import difflib
from collections import Counter

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.model import Claim, Entity, Study
from mechkg.terms.ontology import predicates

__all__ = ["check_references"]


def check_references(catalog: Catalog, findings: Findings) -> None:
    """Check every reference of every record of ``catalog``."""
    refs = _References(catalog, findings)
    for entity in catalog.entities.values():
        _check_entity(refs, entity)
    for claim in catalog.claims.values():
        _check_claim(refs, claim)
    reported = Counter(claim.study for claim in catalog.claims.values() if claim.study)
    for study in catalog.studies.values():
        _check_study(refs, study)
        if not reported[study.id]:
            message = f"no claim reports study {study.id}; add a claim with 'study: {study.id}'"
            findings.add(catalog.where(study.id, "id"), message)
    for excuse in catalog.excused:
        if excuse.record.source not in catalog.sources and excuse.record.source not in findings.broken:
            findings.add(Place(excuse.file, excuse.line, "source"), f"unknown source {excuse.record.source!r}")


class _References:
    """Checks one reference at a time, against the catalog, into the findings."""

    def __init__(self, catalog: Catalog, findings: Findings) -> None:
        self.catalog = catalog
        self.findings = findings

    def entity(self, record_id: str, field_name: str, ref: str, *index: int | str, want: tuple[str, ...] = ()) -> None:
        """``ref`` names an entity or a study, of one of the classes ``want`` (any class if empty)."""
        entities, studies = self.catalog.entities, self.catalog.studies
        kind = entities[ref].type if ref in entities else ("ClinicalStudy" if ref in studies else None)
        if kind is None and ref in self.findings.broken:
            return
        if kind is None:
            self.add(record_id, field_name, index, f"unknown entity {ref!r}{_suggest(ref, self.catalog)}")
        elif want and kind not in want:
            self.add(record_id, field_name, index, f"{ref!r} is a {kind}; expected {' or '.join(want)}")

    def entities(self, record_id: str, field_name: str, refs: tuple[str, ...], *, want: tuple[str, ...] = ()) -> None:
        """Each item of a list of references (reported at its own line)."""
        for number, ref in enumerate(refs):
            self.entity(record_id, field_name, ref, number, want=want)

    def source(self, record_id: str, source: str) -> None:
        """``source`` names a source of ``sources.yaml``."""
        if source not in self.catalog.sources and source not in self.findings.broken:
            known = ", ".join(sorted(self.catalog.sources))
            self.add(record_id, "source", (), f"unknown source {source!r}; known: {known}")

    def add(self, record_id: str, field_name: str, index: tuple[int | str, ...], message: str) -> None:
        """Report a problem at a field of a record (or an item of it)."""
        self.findings.add(self.catalog.where(record_id, field_name, *index), message)


def _check_entity(refs: _References, entity: Entity) -> None:
    refs.entities(entity.id, "broader", entity.broader)
    refs.entities(entity.id, "uses", entity.uses)


def _check_claim(refs: _References, claim: Claim) -> None:
    refs.source(claim.id, claim.source)
    refs.entity(claim.id, "subject", claim.subject)
    refs.entity(claim.id, "object", claim.object)
    known = predicates()
    if claim.predicate not in known:
        close = difflib.get_close_matches(claim.predicate, list(known), n=2)
        hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(sorted(known))}"
        refs.add(claim.id, "predicate", (), f"unknown predicate {claim.predicate!r}; {hint}")
    refs.entities(claim.id, "disease", claim.disease, want=("Disease",))
    refs.entities(claim.id, "context", claim.context)
    if claim.species and claim.species.upper() not in refs.catalog.entities:
        species = claim.species
        refs.add(claim.id, "species", (), f"species {species!r} needs the entity {species.upper()} (an OrganismTaxon)")
    studies = refs.catalog.studies
    if claim.study is not None and claim.study not in studies and claim.study not in refs.findings.broken:
        refs.add(claim.id, "study", (), f"unknown study {claim.study!r}; studies: {', '.join(sorted(studies)) or 'none'}")


def _check_study(refs: _References, study: Study) -> None:
    refs.source(study.id, study.source)
    refs.entities(study.id, "disease", study.disease, want=("Disease",))
    refs.entities(study.id, "interventions", study.interventions, want=("Therapy",))
    for number, arm in enumerate(study.arms):
        if arm.intervention:
            refs.entity(study.id, "arms", arm.intervention, number, "intervention", want=("Therapy",))
    arms = {arm.id for arm in study.arms}
    for number, figure in enumerate(study.figures):
        refs.entity(study.id, "figures", figure.measure, number, "measure")
        if figure.arm and figure.arm not in arms:
            refs.add(study.id, "figures", (number, "arm"), f"figure {figure.id!r} names unknown arm {figure.arm!r}")
        if figure.claim and figure.claim not in refs.catalog.claims:
            refs.add(study.id, "figures", (number, "claim"), f"figure {figure.id!r} names unknown claim {figure.claim!r}")


def _suggest(name: str, catalog: Catalog) -> str:
    """The nearest ids to an unknown one, matching ids, labels and synonyms."""
    pool = {**{k: k for k in catalog.entities}, **{k: k for k in catalog.studies}}
    for entity in catalog.entities.values():
        for text in (entity.label.en, entity.label.zh, *entity.synonyms):
            pool.setdefault(text, entity.id)
    close = difflib.get_close_matches(name, list(pool), n=3, cutoff=0.6)
    ids = sorted({pool[c] for c in close})
    return f" (did you mean {', '.join(ids)}?)" if ids else " (define it in entities/ or use an existing id)"
