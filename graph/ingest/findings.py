"""What checking a curation found: problems with their places, and notices of checks not run.

Each step of :func:`mechkg.ingest.load.load_curation` adds to one :class:`Findings` instead of
raising, so a single run shows a curator every problem; the loader raises
:class:`~mechkg.errors.CurationError` with all of them at the end.

>>> findings = Findings()
>>> findings.add(Place("claims/sle.yaml", 12, "object"), "unknown entity 'IL-6'")
>>> [str(problem) for problem in findings.problems]
["claims/sle.yaml:12: object: unknown entity 'IL-6'"]
"""

from __future__ import annotations

from typing import NamedTuple

from mechkg.errors import Problem

__all__ = ["Findings", "Place"]


class Place(NamedTuple):
    """Where a problem is: a file relative to the curation folder, a 1-based line (0: the whole file), a field."""

    file: str
    line: int
    field: str = ""


class Findings:
    """Problems and notices gathered while a curation is read and checked."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notices: list[str] = []
        """Checks that could not run here, and why (e.g. no source text available)."""
        self.skipped: list[str] = []
        """The same checks in a few words each, for a summary line (e.g. ``quotes of hangji2024 (no source text)``)."""
        self.broken: set[str] = set()
        """Ids of records that failed their shape check: already reported, so references to them are not."""
        self.unfinished: list[Problem] = []
        """Fields a draft left ``null`` for the curator (:mod:`mechkg.ingest.unfinished`)."""
        self.unfinished_ids: set[str] = set()
        """Ids of the records with such fields."""

    def add(self, place: Place, message: str) -> None:
        """Record one problem at ``place``."""
        self.problems.append(Problem(place.file, place.line, place.field, message))

    def add_unfinished(self, place: Place, message: str, record_id: str) -> None:
        """Record a field that a draft left for the curator to fill in."""
        self.unfinished.append(Problem(place.file, place.line, place.field, message))
        self.unfinished_ids.add(record_id)

    def skip(self, check: str, notice: str) -> None:
        """Record a check that could not run here: ``check`` in a few words, ``notice`` saying why and how to run it."""
        self.skipped.append(check)
        self.notices.append(notice)
