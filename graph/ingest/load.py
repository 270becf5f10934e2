"""Curation YAML -> typed records, with every problem reported at once as ``file:line: field``.

The loader reads a curation folder (see ``CURATION.md``) and checks it in steps, each in a module
of its own: the files are read safely (:mod:`~mechkg.ingest.folder`) and parsed into records that
remember their lines (:mod:`~mechkg.ingest.records`); ids must be unique
(:mod:`~mechkg.ingest.catalog`); each record must follow the rules of its kind
(:mod:`~mechkg.ingest.rules`) and name only records that exist (:mod:`~mechkg.ingest.references`);
primary-source records, paraphrase claims and their links follow :mod:`~mechkg.ingest.primary`;
quotes and sections must match the source texts (:mod:`~mechkg.ingest.source_texts`,
:mod:`~mechkg.ingest.quotes`), CURIEs the lexicons (:mod:`~mechkg.ingest.xrefs`); ``broader``
links must form a hierarchy (:mod:`~mechkg.ingest.hierarchy`). Problems are collected, not raised
one by one, so a curator fixes a whole batch per run.

>>> from mechkg.resources import default_curation_dir
>>> curation = load_curation(default_curation_dir())
>>> curation.entities["SLE"].label.zh
'系統性紅斑狼瘡'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mechkg.errors import CurationError
from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.hierarchy import check_broader_cycles
from mechkg.ingest.model import Claim, Entity, Excuse, Source, Study
from mechkg.ingest.primary import check_primary_sources
from mechkg.ingest.quotes import check_quotes
from mechkg.ingest.records import read_records
from mechkg.ingest.references import check_references
from mechkg.ingest.rules import check_rules
from mechkg.ingest.source_texts import read_source_texts
from mechkg.ingest.xrefs import check_xrefs

__all__ = ["Curation", "load_curation"]


@dataclass(frozen=True)
class Curation:
    """Everything curated, as typed records, plus where each record was written."""

    root: Path
    sources: dict[str, Source]
    entities: dict[str, Entity]
    studies: dict[str, Study]
    claims: dict[str, Claim]
    excuses: tuple[Excuse, ...]
    texts: dict[str, str] = field(default_factory=dict)
    """Full text of each source whose file was found (source id -> text)."""
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Record id -> (file relative to ``root``, line)."""
    notices: tuple[str, ...] = ()
    """Checks that could not run here, and why (e.g. no source text available)."""
    unfinished: frozenset[str] = frozenset()
    """Ids of draft records with fields left for the curator (only with ``allow_unfinished``)."""
    skipped: tuple[str, ...] = ()
    """The checks that could not run, in a few words each, for a summary line."""

    def claims_reporting(self, study_id: str) -> list[Claim]:
        """The claims that name ``study_id`` as the study that reports them."""
        return [claim for claim in self.claims.values() if claim.study == study_id]


def load_curation(
    root: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
    allow_unfinished: bool = False,
) -> Curation:
    """Read and check a curation folder; raise :class:`CurationError` listing every problem.

    Source texts and lexicons are found as described in :mod:`mechkg.resources`; the checks that
    need them are skipped, with a notice, when they are not available here. A field a draft left
    ``null`` for the curator is a problem too (:mod:`mechkg.ingest.unfinished`), unless
    ``allow_unfinished``: for a report on quotes only (coverage), the unfinished claims are then
    left out, with a notice. Unfinished entities and sources stay, with placeholders in their
    open fields, so such a curation is never one to build a graph from.
    """
    root = Path(root).resolve()
    findings = Findings()
    catalog = catalog_records(read_records(root, findings), findings)
    check_rules(catalog, findings)
    check_references(catalog, findings)
    check_primary_sources(catalog, findings)
    texts = read_source_texts(catalog, sources_dir, findings)
    check_quotes(catalog, texts, findings)
    check_xrefs(catalog, lexicons_dir, findings)
    check_broader_cycles(catalog, findings)
    problems = findings.problems if allow_unfinished else [*findings.problems, *findings.unfinished]
    if problems:
        raise CurationError(problems)
    claims, notices = catalog.claims, list(findings.notices)
    if findings.unfinished_ids:
        claims = {key: claim for key, claim in claims.items() if key not in findings.unfinished_ids}
        left_out = len(catalog.claims) - len(claims)
        notices.append(
            f"{len(findings.unfinished)} field(s) of a draft are not filled in yet; {left_out} unfinished claim(s) "
            "are not counted here (mechkg validate lists what each still lacks)"
        )
    return Curation(
        root=root,
        sources=catalog.sources,
        entities=catalog.entities,
        studies=catalog.studies,
        claims=claims,
        excuses=tuple(item.record for item in catalog.excused),
        texts=texts,
        locations=catalog.locations(),
        notices=tuple(notices),
        unfinished=frozenset(findings.unfinished_ids),
        skipped=tuple(findings.skipped),
    )
