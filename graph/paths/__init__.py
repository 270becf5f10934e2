"""Paths: signed, ranked, explained mechanism paths from a therapy to a disease.

Ask with :func:`mechkg.paths.search.mechanism_paths` (one therapy and disease) or
:func:`mechkg.paths.search.mechanisms` (every therapy of a disease); read the answer's records in
:mod:`~mechkg.paths.result`, as text with :mod:`~mechkg.paths.report`. The build's all-pairs table
is :mod:`~mechkg.paths.table`; every default lives in :mod:`~mechkg.paths.defaults`. Underneath, one
concept a module: :mod:`~mechkg.paths.taxonomy` (broader and narrower kinds),
:mod:`~mechkg.paths.ends` (where a path starts and ends), :mod:`~mechkg.paths.score` (what a path
is worth), :mod:`~mechkg.paths.index` and :mod:`~mechkg.paths.engine` (the search graph),
:mod:`~mechkg.paths.yen` (the k best paths), :mod:`~mechkg.paths.rank` (ranking, one entry per
mechanism), :mod:`~mechkg.paths.outcome` (the direct therapy → disease edge) and
:mod:`~mechkg.paths.nearest` (partial chains when there is no path).
"""
