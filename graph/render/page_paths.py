"""The paths a page carries: the highlighted paths and the paths panel's table, *packed*.

The records (:mod:`mechkg.render.path_records`) repeat themselves: about 1,500 paths of the
packaged graph walk only about 200 distinct steps and 350 distinct score parts. On the page each
record's ``steps`` are therefore indices into ``DATA.path_steps`` and its ``score_parts`` an index
into ``DATA.path_score_parts``; without this the packaged page nearly doubles (2.4 MB -> 4.6 MB;
packed: 2.7 MB). The page script unpacks them as it loads (``templates/explorer/05-path-data.js``),
before any other module reads them, so every module reads records as
:mod:`~mechkg.render.path_records` describes them.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(claims={})
>>> _ = G.add_edge("T", "X", key="secretes", sign=1, causal=True); _ = G.add_edge("X", "D", key="decreases", sign=-1, causal=True)
>>> packed = page_paths(G, [["T", "X", "D"], ["T", "X"]], [])
>>> [r["steps"] for r in packed["highlight"]["paths"]], [s["edge"] for s in packed["path_steps"]]
([[0, 1], [0]], ['T|secretes|X', 'X|decreases|D'])
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypedDict

import networkx as nx

from mechkg.render.path_records import HighlightPath, PairRecords, PathRecord, PathStep, highlight, pairs_on_page

__all__ = ["PagePaths", "page_paths"]


class PagePaths(TypedDict):
    """The paths a page carries, packed (see the module docstring): ``highlight``, ``paths`` and their tables."""

    highlight: dict[str, Any]
    paths: list[dict[str, Any]]
    path_steps: list[PathStep]
    path_score_parts: list[dict[str, Any]]


def page_paths(G: nx.MultiDiGraph, highlight_paths: Iterable[HighlightPath], table: Iterable[PairRecords]) -> PagePaths:
    """What ``DATA`` carries of paths: :func:`highlight` of ``highlight_paths`` and :func:`pairs_on_page` of ``table``, packed.

    Steps and score parts are numbered in the order they first appear (the highlighted paths
    first, then the table), so identical inputs give identical pages.
    """
    steps: dict[str, int] = {}
    parts: dict[str, int] = {}
    step_list: list[PathStep] = []
    parts_list: list[dict[str, Any]] = []

    def pack(record: PathRecord) -> dict[str, Any]:
        indices = []
        for step in record["steps"]:
            key = json.dumps(step, sort_keys=True)
            if key not in steps:
                steps[key] = len(step_list)
                step_list.append(step)
            indices.append(steps[key])
        packed: dict[str, Any] = {**record, "steps": indices}
        if record["score_parts"] is not None:
            key = json.dumps(record["score_parts"], sort_keys=True)
            if key not in parts:
                parts[key] = len(parts_list)
                parts_list.append(record["score_parts"])
            packed["score_parts"] = parts[key]
        return packed

    shown = highlight(G, highlight_paths)
    on_page = pairs_on_page(G, table)
    return {
        "highlight": {**shown, "paths": [pack(r) for r in shown["paths"]]},
        "paths": [{**entry, "paths": [pack(r) for r in entry["paths"]]} for entry in on_page],
        "path_steps": step_list,
        "path_score_parts": parts_list,
    }
