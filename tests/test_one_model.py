"""One model for one fact (CURATION.md, "Therapy and agent" and "Balance nodes"), on the packaged curation."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

CURATION = Path(__file__).parents[1] / "graph" / "curation"
SIGNED = {"increases", "decreases", "secretes", "carries", "differentiatesInto", "contributesTo", "ameliorates"}
AGENT_ONLY = {"secretes", "carries", "differentiatesInto"}
"""What a cell or vesicle does, never a treatment."""
BALANCE = re.compile(r"_BALANCE$|^IMMUNE_IMBALANCE$")
"""Balances of immune populations (Th17/Treg …); HORMONE_SECRETION_IMBALANCE is an endocrine dysfunction, not one."""


def _records(kind: str) -> list[dict]:
    return [
        r for path in sorted((CURATION / kind).glob("*.yaml")) for r in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


ENTITIES = {e["id"]: e for e in _records("entities")}
CLAIMS = _records("claims")


def test_what_only_an_agent_does_is_never_said_of_a_therapy():
    wrong = [c["id"] for c in CLAIMS if c["predicate"] in AGENT_ONLY and ENTITIES[c["subject"]]["type"] == "Therapy"]
    assert not wrong, wrong


def test_every_therapy_that_gives_something_names_it():
    without = sorted(e["id"] for e in ENTITIES.values() if e["type"] == "Therapy" and not e.get("uses"))
    # dietary management and an unnamed "conventional treatment" give no cell, vesicle or drug
    assert without == ["CONVENTIONAL_AID_THERAPY", "DIET_INTERVENTION"], without


def test_a_balance_carries_no_sign():
    signed = [
        c["id"] for c in CLAIMS if c["predicate"] in SIGNED and (BALANCE.search(c["subject"]) or BALANCE.search(c["object"]))
    ]
    assert not signed, signed


def test_one_sentence_states_one_fact_once():
    """Two claims with the same triple and aspect whose quotes overlap are one fact said twice."""
    by_fact = defaultdict(list)
    for c in CLAIMS:
        by_fact[(c["subject"], c["predicate"], c["object"], c.get("aspect"))].append(c)
    twice = [
        (a["id"], b["id"])
        for claims in by_fact.values()
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if a.get("quote") and b.get("quote") and (a["quote"] in b["quote"] or b["quote"] in a["quote"])
    ]
    assert not twice, twice
