"""``broader`` links form a hierarchy: each link that closes a cycle is reported, with the cycle spelled out."""

from __future__ import annotations

from pathlib import Path

from curation_edits import edit

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.hierarchy import check_broader_cycles
from mechkg.ingest.records import read_records


def cycles_of(root: Path) -> list[str]:
    findings = Findings()
    check_broader_cycles(catalog_records(read_records(root, findings), findings), findings)
    return [str(p) for p in findings.problems]


def add_broader(root: Path, entity: str, parents: str) -> None:
    edit(root / "entities/entities.yaml", f"- id: {entity}\n", f"- id: {entity}\n  broader: [{parents}]\n")


def line_of_entity(root: Path, entity: str) -> int:
    lines = (root / "entities/entities.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"- id: {entity}") + 1


def test_a_chain_of_broader_links_is_fine(mini: Path):
    add_broader(mini, "IL6", "TH17")
    add_broader(mini, "TH17", "MSC")
    assert cycles_of(mini) == []


def test_an_entity_broader_than_itself(mini: Path):
    add_broader(mini, "IL6", "IL6")
    line = line_of_entity(mini, "IL6")
    assert cycles_of(mini) == [f"entities/entities.yaml:{line}: broader: broader links form a cycle: IL6 -> IL6"]


def test_a_longer_cycle_is_reported_once_where_it_closes(mini: Path):
    add_broader(mini, "IL6", "TH17")
    add_broader(mini, "TH17", "MSC")
    add_broader(mini, "MSC", "IL6, SLE")
    line = line_of_entity(mini, "MSC")
    assert cycles_of(mini) == [f"entities/entities.yaml:{line}: broader: broader links form a cycle: IL6 -> TH17 -> MSC -> IL6"]


def test_unknown_parents_are_left_to_the_reference_check(mini: Path):
    add_broader(mini, "IL6", "NOWHERE")
    assert cycles_of(mini) == []
