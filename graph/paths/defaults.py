"""The one set of path-search defaults, and the options they choose among.

The CLI, the server, the page and the exports all read these, and every function of
:mod:`mechkg.paths` takes its defaults from here: ``K`` paths per question, at most
``MAX_HOPS`` mechanistic hops (DrugMechDB's curated paths have 3-7 links), in ``MODE``, counting
claims of any evidence level (``MIN_EVIDENCE``), searched by the ``ENGINE`` that prunes first.
The all-pairs table that the build shares between the explorer page and the paths export keeps
``TABLE_K`` paths per therapy-disease pair; the per-therapy summary of a disease
(:func:`mechkg.paths.search.mechanisms`) looks at ``SUMMARY_K`` paths per therapy.

**Doubt counts** (CURATION.md, section Flags). A claim flagged with a kind of
``PROBABLY_WRONG`` (``contradicts_biology``, ``doubtful``: the triple itself is probably wrong)
does not count as support unless ``INCLUDE_DOUBTFUL``; an edge left with no claim is not walked.
A hop resting only on claims about another disease is ranked below same-disease evidence
(``OTHER_DISEASE`` ``rank``), counted like any other (``equal``) or left out (``exclude``).

>>> K, MAX_HOPS, MODE, MIN_EVIDENCE, INCLUDE_DOUBTFUL, OTHER_DISEASE
(10, 6, 'causal', 'any', False, 'rank')
>>> sorted(PROBABLY_WRONG)
['contradicts_biology', 'doubtful']
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "ENGINE",
    "INCLUDE_DOUBTFUL",
    "MAX_HOPS",
    "MIN_EVIDENCE",
    "MODE",
    "OTHER_DISEASE",
    "PROBABLY_WRONG",
    "SUMMARY_K",
    "TABLE_K",
    "Engine",
    "Floor",
    "K",
    "Mode",
    "OtherDisease",
]

Mode = Literal["causal", "exploratory"]
"""``causal``: directed chains of causal edges; ``exploratory``: any edges, either direction."""
Floor = Literal["human", "animal", "any"]
"""The least evidence a claim needs to count (:data:`mechkg.paths.score.EVIDENCE_FLOORS`)."""
Engine = Literal["pruned", "full"]
"""``pruned``: Yen on the edges that can lie on a path; ``full``: the reference, Yen on the whole graph."""
OtherDisease = Literal["rank", "equal", "exclude"]
"""What a hop resting only on claims about another disease is worth: ranked lower, the same, or nothing."""

K: Final = 10
MAX_HOPS: Final = 6
MODE: Final[Mode] = "causal"
MIN_EVIDENCE: Final[Floor] = "any"
ENGINE: Final[Engine] = "pruned"
TABLE_K: Final = 5
SUMMARY_K: Final = 10
PROBABLY_WRONG: Final = frozenset({"contradicts_biology", "doubtful"})
"""Flag kinds that say the claim's triple is probably wrong (CURATION.md, section Flags)."""
INCLUDE_DOUBTFUL: Final = False
OTHER_DISEASE: Final[OtherDisease] = "rank"
