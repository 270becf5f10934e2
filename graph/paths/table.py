"""The mechanism paths of every therapy-disease pair, computed once per build.

The explorer page shows them in its paths panel and the paths export writes them, both from the
same :func:`pair_table`, so a build searches each pair once and the two outputs agree.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]]
>>> claims = [Claim("c1", "C", "secretes", "X", 1, source="s", evidence_level="in_vitro"),
...           Claim("c2", "X", "decreases", "D", -1, source="s", evidence_level="animal_model")]
>>> (row,) = pair_table(assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)]))
>>> row.therapy, row.disease, [p.node_ids for p in row.paths]
('T', 'D', [('T', 'C', 'X', 'D')])
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from mechkg.paths import defaults
from mechkg.paths.index import path_index
from mechkg.paths.result import MechanismPath
from mechkg.paths.search import mechanism_paths

__all__ = ["PairPaths", "pair_table"]


@dataclass(frozen=True, slots=True)
class PairPaths:
    """The best paths from ``therapy`` (or a narrower therapy it stands for) to ``disease``."""

    therapy: str
    disease: str
    paths: tuple[MechanismPath, ...]

    @property
    def own(self) -> tuple[MechanismPath, ...]:
        """The paths that start at the therapy itself, not at a narrower one."""
        return tuple(p for p in self.paths if p.therapy == self.therapy)


def pair_table(
    G: nx.MultiDiGraph,
    *,
    k: int = defaults.TABLE_K,
    max_hops: int = defaults.MAX_HOPS,
    mode: defaults.Mode = defaults.MODE,
) -> tuple[PairPaths, ...]:
    """For every disease and therapy of ``G`` (sorted), the top ``k`` paths; pairs with none are left out."""
    types = dict(G.nodes(data="type"))
    therapies = sorted(n for n, t in types.items() if t == "Therapy")
    diseases = sorted(n for n, t in types.items() if t == "Disease")
    if not therapies or not diseases:
        return ()
    index = path_index(G, mode=mode)
    table = []
    for disease in diseases:
        for therapy in therapies:
            result = mechanism_paths(G, therapy, disease, k=k, max_hops=max_hops, mode=mode, index=index, nearest=False)
            if result.paths:
                table.append(PairPaths(therapy, disease, tuple(result.paths[:k])))
    return tuple(table)
