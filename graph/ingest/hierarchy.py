"""``broader`` links form a hierarchy: no entity may be, through them, broader than itself.

A depth-first walk from each entity in id order reports every link that closes a cycle, once,
at the entity whose ``broader`` list holds that link, with the whole cycle spelled out
(``ITREG -> NTREG -> TREG -> ITREG``).
"""

from __future__ import annotations

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings, Place

__all__ = ["check_broader_cycles"]

_OPEN, _DONE = 1, 2


def check_broader_cycles(catalog: Catalog, findings: Findings) -> None:
    """Report each ``broader`` link of ``catalog`` that closes a cycle."""
    entities = catalog.entities
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = _OPEN
        for parent in entities[node].broader:
            if state.get(parent) == _OPEN:
                cycle = [*trail[trail.index(parent) :], parent] if parent in trail else [node, parent]
                located = catalog.located[node]
                findings.add(Place(located.file, located.line, "broader"), f"broader links form a cycle: {' -> '.join(cycle)}")
            elif parent in entities and parent not in state:
                visit(parent, [*trail, parent])
        state[node] = _DONE

    for entity_id in sorted(entities):
        if entity_id not in state:
            visit(entity_id, [entity_id])
