"""Findings gather problems at their places; the error built from them lists them in file order."""

from __future__ import annotations

from mechkg.errors import CurationError, Problem
from mechkg.ingest.findings import Findings, Place


def test_a_problem_keeps_its_place_and_message():
    findings = Findings()
    findings.add(Place("claims/b.yaml", 3, "object"), "unknown entity 'X'")
    findings.add(Place("claims/a.yaml", 0), "not part of the curation format")
    assert findings.problems == [
        Problem("claims/b.yaml", 3, "object", "unknown entity 'X'"),
        Problem("claims/a.yaml", 0, "", "not part of the curation format"),
    ]
    assert str(CurationError(findings.problems)).splitlines() == [
        "2 problems in the curation:",
        "claims/a.yaml: not part of the curation format",
        "claims/b.yaml:3: object: unknown entity 'X'",
    ]


def test_notices_and_broken_ids_start_empty():
    findings = Findings()
    assert (findings.problems, findings.notices, findings.broken) == ([], [], set())
