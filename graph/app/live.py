"""Live mechanism paths for ``mechkg serve``: one therapy-disease pair's ranked paths, searched on request.

The built page carries a precomputed table of every pair's paths (:func:`mechkg.paths.table.pair_table`);
the served page carries none and asks ``/api/pair-paths`` for the pair a reader picks. The answer
is the same entry the table would hold, made by the same functions with the same settings
(:func:`mechkg.paths.search.mechanism_paths` with ``defaults.TABLE_K`` paths, ``defaults.MAX_HOPS``,
``defaults.MODE``, no nearest-chain search; records by :func:`mechkg.render.path_records.pair_paths`
and :func:`~mechkg.render.path_records.pairs_on_page`), so the panel shows the same thing in both.

Only the therapies and diseases the table would list are accepted (:meth:`LivePaths.choices`);
``k`` and ``max_hops`` are capped (:data:`MAX_K`, :data:`MAX_MAX_HOPS`); answers are kept in a
bounded least-recently-used cache (:data:`CACHE_SIZE` entries).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from mechkg.paths import defaults
from mechkg.paths.index import path_index
from mechkg.paths.search import mechanism_paths
from mechkg.paths.table import PairPaths
from mechkg.render.path_records import PairRecords, pair_paths, pairs_on_page

__all__ = ["CACHE_SIZE", "MAX_K", "MAX_MAX_HOPS", "LivePaths", "UnknownEnd"]

MAX_K = 10
"""Most paths one request may ask for (the page asks for ``defaults.TABLE_K``)."""
MAX_MAX_HOPS = 8
"""Longest path (mechanistic hops) one request may ask for."""
CACHE_SIZE = 512
"""Answers kept (least recently used dropped first); a few kB each."""


class UnknownEnd(LookupError):
    """A therapy or disease id that the paths panel does not offer."""

    def __init__(self, role: str, value: str) -> None:
        super().__init__(f"unknown {role} {value!r}: give the id of a {role} the paths panel lists")
        self.role = role
        self.value = value


@dataclass
class LivePaths:
    """The paths panel of the served page: its choices, and each pair's records on demand (thread-safe)."""

    G: nx.MultiDiGraph
    therapies: list[str] = field(init=False)
    diseases: list[str] = field(init=False)
    _index: Any = field(init=False, repr=False)
    _cache: OrderedDict[tuple[str, str, int, int], PairRecords] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        types = dict(self.G.nodes(data="type"))
        self.therapies = sorted(n for n, t in types.items() if t == "Therapy")
        self.diseases = sorted(n for n, t in types.items() if t == "Disease")
        self._index = path_index(self.G, mode=defaults.MODE)

    def choices(self, endpoint: str) -> dict[str, Any]:
        """What the page needs to search live (``DATA.live``): the therapies, the diseases and the endpoint's URL."""
        return {"endpoint": endpoint, "therapies": self.therapies, "diseases": self.diseases}

    def pair(self, therapy: str, disease: str, *, k: int = defaults.TABLE_K, max_hops: int = defaults.MAX_HOPS) -> PairRecords:
        """The paths panel's entry for ``therapy`` and ``disease`` (ids): its best ``k`` paths as records, maybe none.

        Raises :class:`UnknownEnd` for an id not offered, :class:`ValueError` for ``k`` or ``max_hops`` out of range.
        """
        if therapy not in self.therapies:
            raise UnknownEnd("therapy", therapy)
        if disease not in self.diseases:
            raise UnknownEnd("disease", disease)
        if not 1 <= k <= MAX_K or not 2 <= max_hops <= MAX_MAX_HOPS:
            raise ValueError(f"k must be 1 to {MAX_K} and max_hops 2 to {MAX_MAX_HOPS}")
        key = (therapy, disease, k, max_hops)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            # One search at a time: the shared index is not safe for concurrent searches (see mechkg.app.routes).
            result = mechanism_paths(
                self.G, therapy, disease, k=k, max_hops=max_hops, mode=defaults.MODE, index=self._index, nearest=False
            )
            row = PairPaths(therapy, disease, tuple(result.paths[:k]))
            on_page = pairs_on_page(self.G, pair_paths(self.G, [row]))
            entry: PairRecords = on_page[0] if on_page else {"therapy": therapy, "disease": disease, "paths": []}
            self._cache[key] = entry
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return entry
