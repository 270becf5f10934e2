"""The one set of path-search defaults: the CLI, the server, the page and the exports all read these.

``K`` paths per question, at most ``MAX_HOPS`` mechanistic hops (DrugMechDB's curated paths have
3-7 links), in ``MODE``; the all-pairs table that the build shares between the explorer page
and the paths export keeps ``K`` paths per therapy-disease pair.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["MAX_HOPS", "MODE", "TABLE_K", "K"]

K: Final = 10
MAX_HOPS: Final = 6
MODE: Final[Literal["causal", "exploratory"]] = "causal"
TABLE_K: Final = 5
