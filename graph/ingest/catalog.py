"""The curation's records by id, each id used once, with where each record was written.

Sources, entities, studies and claims each get their own id space, except that a study is an
entity in the graph (``mke:STUDY_…``), so a study may not reuse an entity's id. A repeated id is
reported where it repeats, naming the first; the first record is kept.

>>> from mechkg.ingest.records import read_records
>>> from mechkg.resources import default_curation_dir
>>> findings = Findings()
>>> catalog = catalog_records(read_records(default_curation_dir(), findings), findings)
>>> place = catalog.where("SLE", "label.zh-Hant")
>>> catalog.entities["SLE"].type, place.file.startswith("entities/"), place.field
('Disease', True, 'label.zh-Hant')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.model import Claim, Entity, Excuse, Source, Study
from mechkg.ingest.records import Located

__all__ = ["Catalog", "catalog_records"]


@dataclass(frozen=True)
class Catalog:
    """The records of a curation by id, and the place of each id's record."""

    sources: dict[str, Source]
    entities: dict[str, Entity]
    studies: dict[str, Study]
    claims: dict[str, Claim]
    excused: tuple[Located[Excuse], ...]
    """Excuses have no id: each is kept with its place."""
    located: dict[str, Located[Any]]
    """Record id -> the record with its places (sources, entities, studies, claims)."""

    def where(self, record_id: str, field_name: str, *index: int | str) -> Place:
        """Where a field of a record is written, or one item of it (see :meth:`Located.place`)."""
        return self.located[record_id].place(field_name, *index)

    def locations(self) -> dict[str, tuple[str, int]]:
        """Record id -> (file, line where the record starts)."""
        return {record_id: (item.file, item.line) for record_id, item in self.located.items()}


_ID_SPACES = (("sources", "source"), ("entities", "entity"), ("studies", "entity"), ("claims", "claim"))
"""Kinds with ids, in the order they are indexed, and what a duplicate message calls their ids."""


def catalog_records(loaded: Mapping[str, Sequence[Located[Any]]], findings: Findings) -> Catalog:
    """Index the records of :func:`mechkg.ingest.records.read_records` by id; a repeated id is a problem."""
    located: dict[str, Located[Any]] = {}
    by_kind: dict[str, dict[str, Any]] = {}
    for kind, label in _ID_SPACES:
        taken = by_kind.get("entities", {}) if kind == "studies" else {}
        records: dict[str, Any] = {}
        for item in loaded.get(kind, ()):
            record_id = item.record.id
            if record_id in records or record_id in taken:
                first = located[record_id]
                message = f"duplicate {label} id {record_id!r} (first at {first.file}:{first.line})"
                findings.add(Place(item.file, item.line, "id"), message)
                continue
            records[record_id] = item.record
            located[record_id] = item
        by_kind[kind] = records
    return Catalog(
        sources=by_kind["sources"],
        entities=by_kind["entities"],
        studies=by_kind["studies"],
        claims=by_kind["claims"],
        excused=tuple(loaded.get("excused", ())),
        located=located,
    )
